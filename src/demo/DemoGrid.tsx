/**
 * A read-only view of the in-memory workbook beside the pane, so a person sees cells get
 * selected, corrected, highlighted and reverted. Every cell carries data-cell="<sheet>!<A1>".
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { toA1, columnLetters } from "../core/grid/address";
import type { SheetGrid } from "../core/grid/workbook";
import type { MemoryHost } from "../adapters/memory/memory-host";
import { showValue } from "../taskpane/state/view-model";

const useStyles = makeStyles({
  wrap: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  scroller: { overflow: "auto", maxHeight: "calc(100vh - 120px)", border: `1px solid ${tokens.colorNeutralStroke1}` },
  table: { borderCollapse: "collapse", fontSize: "12px" },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", verticalAlign: "middle", whiteSpace: "pre-wrap", maxWidth: "260px", minWidth: "36px" },
  head: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: "center", position: "sticky", top: 0 },
  rowHead: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: "right" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  number: { textAlign: "right" },
});

export function DemoGrid({ host }: { host: MemoryHost }) {
  const styles = useStyles();
  const version = useSyncExternalStore(
    (listener) => host.subscribe(listener),
    () => host.version,
  );
  const sheets = useMemo(() => host.workbook.sheetNames(), [host, version]);
  const [active, setActive] = useState(sheets[0] ?? "");
  useEffect(() => {
    if (host.selection && host.selection.sheet !== active) setActive(host.selection.sheet);
  }, [version]);
  useEffect(() => {
    if (!sheets.includes(active)) setActive(sheets[0] ?? "");
  }, [sheets, active]);
  const sheet = host.workbook.sheet(active);
  useEffect(() => {
    const sel = host.selection;
    if (!sel || sel.sheet !== active) return;
    document.querySelector(`[data-cell="${CSS.escape(`${sel.sheet}!${toA1(sel)}`)}"]`)?.scrollIntoView({ block: "center", inline: "nearest" });
  }, [version, active, host]);
  return (
    <section className={styles.wrap} aria-label="工作簿预览 Workbook preview">
      <TabList selectedValue={active} onTabSelect={(_e, d) => setActive(String(d.value))} size="small">
        {sheets.map((name) => <Tab key={name} value={name}>{name}</Tab>)}
      </TabList>
      <div className={styles.scroller}>
        {sheet && <SheetTable sheet={sheet} selection={host.selection} styles={styles} />}
      </div>
    </section>
  );
}

function SheetTable({ sheet, selection, styles }: { sheet: SheetGrid; selection: MemoryHost["selection"]; styles: ReturnType<typeof useStyles> }) {
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.top}:${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const rows = Array.from({ length: sheet.rowCount }, (_, r) => r);
  const cols = Array.from({ length: sheet.colCount }, (_, c) => c);
  return (
    <table className={styles.table} role="grid" aria-readonly="true" aria-label={sheet.name}>
      <thead>
        <tr>
          <th className={`${styles.cell} ${styles.head}`} />
          {cols.map((c) => <th key={c} className={`${styles.cell} ${styles.head}`} scope="col">{columnLetters(c)}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r}>
            <th className={`${styles.cell} ${styles.rowHead}`} scope="row">{r + 1}</th>
            {cols.map((c) => {
              if (covered.has(`${r}:${c}`)) return null;
              const cell = sheet.cell(r, c);
              const span = spans.get(`${r}:${c}`);
              const address = `${sheet.name}!${toA1({ row: r, col: c })}`;
              const isSelected = !!selection && selection.sheet === sheet.name && selection.row === r && selection.col === c;
              const classes = [styles.cell, typeof cell?.value === "number" ? styles.number : "", isSelected ? styles.selected : ""].join(" ");
              return (
                <td
                  key={c}
                  data-cell={address}
                  data-value={cell?.value === undefined || cell?.value === null ? "" : typeof cell.value === "object" ? cell.value.error : String(cell.value)}
                  data-fill={cell?.fill ?? ""}
                  aria-selected={isSelected}
                  className={classes}
                  style={cell?.fill ? { backgroundColor: cell.fill } : undefined}
                  rowSpan={span?.rowSpan}
                  colSpan={span?.colSpan}
                  title={cell?.link ? `→ ${cell.link}` : undefined}
                >
                  {showValue(cell?.value, cell?.numberFormat)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

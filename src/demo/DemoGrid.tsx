/**
 * The in-memory workbook beside the pane, editable like a spreadsheet, so a person sees cells get
 * selected, corrected, highlighted and reverted, and can change a figure and watch the pane
 * re-check. Every cell carries data-cell="<sheet>!<A1>", data-value (the raw value) and data-fill.
 *
 * Keyboard (a grid with a roving tabindex: only the selected cell is in the tab order):
 *   arrows move the selection (a merged area is one cell: its top-left); Home/End go to the row's
 *   first/last cell, Ctrl+Home/Ctrl+End to the sheet's; F2, Enter or a double-click edit the cell
 *   with its raw value ("166.67%" for a percent cell); typing a character starts editing with it;
 *   Backspace edits from empty; Delete clears the value (format and fill stay).
 *   In the editor: Enter commits and moves down (Shift+Enter up), Tab commits and moves right
 *   (Shift+Tab left), Escape cancels; leaving the editor commits. Unchanged text writes nothing
 *   (a formula cell keeps its formula); a refused input (a formula, a protected sheet) is said below
 *   the grid and the editor stays open.
 * A click selects a cell (MemoryHost.select, as the pane's 定位 does); commits go through
 * MemoryHost.edit, so the pane's watch sees them as the user's edits.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { Caption1, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { toA1, columnLetters, type CellAddress } from "../core/grid/address";
import type { SheetGrid } from "../core/grid/workbook";
import type { MemoryHost } from "../adapters/memory/memory-host";
import { showValue } from "../taskpane/state/view-model";
import { anchorOf, cellKeyAction, editText, editorKeyAction, jump, step, type Direction, type Position } from "./cell-editor";

const useStyles = makeStyles({
  wrap: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  scroller: { overflow: "auto", maxHeight: "calc(100vh - 140px)", border: `1px solid ${tokens.colorNeutralStroke1}` },
  table: { borderCollapse: "collapse", fontSize: "12px" },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", verticalAlign: "middle", whiteSpace: "pre-wrap", maxWidth: "260px", minWidth: "36px", cursor: "cell" },
  head: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: "center", position: "sticky", top: 0 },
  rowHead: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: "right" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  number: { textAlign: "right" },
  editing: { padding: 0 },
  editor: {
    boxSizing: "border-box", width: "100%", minWidth: "96px", font: "inherit", padding: "1px 3px",
    border: `2px solid ${tokens.colorBrandStroke1}`, outline: "none",
  },
  hint: { color: tokens.colorNeutralForeground3 },
  message: { color: tokens.colorPaletteRedForeground1, minHeight: "1.4em" },
});

/**
 * Fluent's focus manager (tabster) handles Tab itself before any handler of ours runs (it moved the
 * focus out of the editor to its end-of-page guard): inside the grid it must leave Tab alone, so
 * that Tab in the editor commits and moves right, and Tab on a cell leaves the grid natively.
 */
const LEAVE_TAB_TO_THE_GRID = JSON.stringify({ focusable: { ignoreKeydown: { Tab: true } } });

interface Editing {
  readonly at: CellAddress;
  readonly text: string;
  /** The raw text the editor opened with: committing it unchanged writes nothing. */
  readonly initial: string;
}

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
  return (
    <section className={styles.wrap} aria-label="工作簿预览 Workbook preview">
      <TabList selectedValue={active} onTabSelect={(_e, d) => setActive(String(d.value))} size="small">
        {sheets.map((name) => <Tab key={name} value={name}>{name}</Tab>)}
      </TabList>
      <Caption1 className={styles.hint} id="demo-grid-hint">
        方向键移动，F2 / Enter / 双击编辑，Esc 取消 · Arrows move, F2 / Enter / double-click to edit, Esc cancels
      </Caption1>
      <div className={styles.scroller} data-tabster={LEAVE_TAB_TO_THE_GRID}>
        {sheet && <SheetTable key={sheet.name} sheet={sheet} host={host} version={version} styles={styles} />}
      </div>
    </section>
  );
}

function SheetTable({ sheet, host, version, styles }: { sheet: SheetGrid; host: MemoryHost; version: number; styles: ReturnType<typeof useStyles> }) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState("");
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  /** Set by keyboard actions and commits: focus follows the selection on the next render. */
  const focusNext = useRef(false);
  /** The editor being closed by Enter/Tab/Escape: its blur must not commit again. */
  const closing = useRef(false);

  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.top}:${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const selection = host.selection && host.selection.sheet === sheet.name ? anchorOf(sheet.merges, host.selection) : null;
  /** The one cell in the tab order: the selection on this sheet, else the first cell. */
  const current: Position = selection ?? anchorOf(sheet.merges, { row: 0, col: 0 });
  const keyOf = (p: Position) => `${p.row}:${p.col}`;

  useEffect(() => {
    const sel = host.selection;
    if (!sel || sel.sheet !== sheet.name) return;
    const element = cells.current.get(keyOf(anchorOf(sheet.merges, sel)));
    if (!element) return;
    if (focusNext.current) {
      focusNext.current = false;
      element.focus();
    }
    if (typeof element.scrollIntoView === "function") element.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [version, sheet, host]);

  const at = (p: Position): CellAddress => ({ sheet: sheet.name, row: p.row, col: p.col });
  const select = (p: Position, focus: boolean) => {
    focusNext.current = focus;
    void host.select(at(p));
  };

  const startEditing = (p: Position, text: string | null) => {
    if (sheet.protected) {
      setMessage(`工作表“${sheet.name}”受保护，不能编辑 · Sheet "${sheet.name}" is protected`);
      return;
    }
    const initial = editText(sheet.cell(p.row, p.col));
    setMessage("");
    setEditing({ at: at(p), text: text ?? initial, initial });
  };

  /** Writes the editor's text; true when the editor may close. */
  const commit = (edit: Editing): boolean => {
    if (edit.text === edit.initial) return true;
    const outcome = host.edit(edit.at, edit.text);
    if (!outcome.ok) {
      setMessage(`${outcome.message.zh} · ${outcome.message.en}`);
      return false;
    }
    setMessage("");
    return true;
  };

  const finish = (direction: Direction | null) => {
    if (!editing) return;
    closing.current = true;
    if (!commit(editing)) {
      closing.current = false;
      return;
    }
    setEditing(null);
    const from = anchorOf(sheet.merges, editing.at);
    const to = direction ? step(sheet, from, direction) : from;
    select(to, true);
    // The cell may not change (edge of the sheet): focus it now as well.
    cells.current.get(keyOf(to))?.focus();
  };

  const cancel = () => {
    if (!editing) return;
    closing.current = true;
    const from = anchorOf(sheet.merges, editing.at);
    setEditing(null);
    setMessage("");
    cells.current.get(keyOf(from))?.focus();
  };

  const onCellKeyDown = (event: KeyboardEvent<HTMLTableCellElement>, p: Position) => {
    if (editing) return;
    const action = cellKeyAction(event.key, { ctrl: event.ctrlKey, alt: event.altKey, meta: event.metaKey });
    if (!action) return;
    event.preventDefault();
    if (action.kind === "move") select(step(sheet, p, action.direction), true);
    else if (action.kind === "jump") select(jump(sheet, p, action.key, action.ctrl), true);
    else if (action.kind === "edit") startEditing(p, action.text);
    else if (action.kind === "clear") {
      if (sheet.protected) {
        setMessage(`工作表“${sheet.name}”受保护，不能编辑 · Sheet "${sheet.name}" is protected`);
        return;
      }
      const outcome = host.edit(at(p), "");
      setMessage(outcome.ok ? "" : `${outcome.message.zh} · ${outcome.message.en}`);
    }
  };

  const onEditorKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    const action = editorKeyAction(event.key, event.shiftKey);
    if (!action) return;
    event.preventDefault();
    if (action.kind === "commit") finish(action.direction);
    else cancel();
  };

  const onEditorBlur = () => {
    if (closing.current) {
      closing.current = false;
      return;
    }
    if (editing && commit(editing)) setEditing(null);
  };

  const rows = Array.from({ length: sheet.rowCount }, (_, r) => r);
  const cols = Array.from({ length: sheet.colCount }, (_, c) => c);
  return (
    <>
      <table className={styles.table} role="grid" aria-label={sheet.name} aria-describedby="demo-grid-hint">
        <thead>
          <tr role="row">
            <th className={`${styles.cell} ${styles.head}`} />
            {cols.map((c) => <th key={c} role="columnheader" className={`${styles.cell} ${styles.head}`} scope="col">{columnLetters(c)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r} role="row">
              <th role="rowheader" className={`${styles.cell} ${styles.rowHead}`} scope="row">{r + 1}</th>
              {cols.map((c) => {
                if (covered.has(`${r}:${c}`)) return null;
                const p = { row: r, col: c };
                const cell = sheet.cell(r, c);
                const span = spans.get(`${r}:${c}`);
                const a1 = toA1(p);
                const address = `${sheet.name}!${a1}`;
                const isSelected = !!selection && selection.row === r && selection.col === c;
                const isEditing = !!editing && editing.at.row === r && editing.at.col === c;
                const classes = [
                  styles.cell,
                  typeof cell?.value === "number" ? styles.number : "",
                  isSelected ? styles.selected : "",
                  isEditing ? styles.editing : "",
                ].join(" ");
                return (
                  <td
                    key={c}
                    ref={(element) => {
                      if (element) cells.current.set(`${r}:${c}`, element);
                      else cells.current.delete(`${r}:${c}`);
                    }}
                    role="gridcell"
                    data-cell={address}
                    data-value={cell?.value === undefined || cell?.value === null ? "" : typeof cell.value === "object" ? cell.value.error : String(cell.value)}
                    data-fill={cell?.fill ?? ""}
                    aria-selected={isSelected}
                    tabIndex={current.row === r && current.col === c ? 0 : -1}
                    className={classes}
                    style={cell?.fill || cell?.align ? { backgroundColor: cell.fill, textAlign: cell.align } : undefined}
                    rowSpan={span?.rowSpan}
                    colSpan={span?.colSpan}
                    title={cell?.link ? `→ ${cell.link}` : undefined}
                    onClick={() => {
                      if (!isEditing) select(p, false);
                    }}
                    onDoubleClick={() => {
                      if (isEditing) return;
                      select(p, false);
                      startEditing(p, null);
                    }}
                    onKeyDown={(event) => onCellKeyDown(event, p)}
                  >
                    {isEditing ? (
                      <input
                        className={styles.editor}
                        aria-label={`编辑 Edit ${address}`}
                        value={editing.text}
                        autoFocus
                        spellCheck={false}
                        onChange={(event) => {
                          const text = event.target.value;
                          setEditing((e) => (e ? { ...e, text } : e));
                        }}
                        onFocus={(event) => {
                          // The caret after the text, as F2 leaves it in Excel.
                          const end = event.target.value.length;
                          event.target.setSelectionRange(end, end);
                        }}
                        onKeyDown={onEditorKeyDown}
                        onBlur={onEditorBlur}
                      />
                    ) : showValue(cell?.value, cell?.numberFormat, { asSheet: true })}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div role="status" aria-live="polite">
        {message && <Caption1 className={styles.message}>{message}</Caption1>}
      </div>
    </>
  );
}

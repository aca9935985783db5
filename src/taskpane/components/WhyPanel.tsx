/**
 * 为什么: how the checker reached a finding — the rule's name and id, its formula, the figures of
 * this table it used (the finding's cell and the cells it was computed from, as the sheet holds
 * them) and what the rule checks, with a link to the rule's page. Loaded on demand: most checks
 * never open it, and the rule texts are a fifth of the pane's own code.
 */
import { Caption1, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { addressKey, type CellAddress, type Finding, type WorkbookSnapshot } from "../../core";
import { cellAt } from "../../core/grid/workbook";
import type { Lang, Strings } from "../strings";
import { ruleHelp } from "../rule-help";
import { cellLabel, showValue } from "../state/view-model";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  pre: { whiteSpace: "pre-wrap", margin: 0, overflowWrap: "anywhere" },
  cells: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontVariantNumeric: "tabular-nums" },
  cell: { whiteSpace: "nowrap" },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

export interface WhyPanelProps {
  readonly finding: Finding;
  readonly lang: Lang;
  readonly t: Strings;
  readonly snapshot: WorkbookSnapshot | null;
  readonly year: number | null;
}

/** The finding's cell first, then each cell it was computed from, once each. */
function cellsOf(finding: Finding): CellAddress[] {
  const seen = new Set<string>();
  const cells: CellAddress[] = [];
  for (const at of [...(finding.at ? [finding.at] : []), ...finding.related]) {
    const key = addressKey(at);
    if (seen.has(key)) continue;
    seen.add(key);
    cells.push(at);
  }
  return cells;
}

export default function WhyPanel({ finding, lang, t, snapshot, year }: WhyPanelProps) {
  const styles = useStyles();
  const help = ruleHelp(finding.ruleId, lang, year);
  const cells = snapshot ? cellsOf(finding).slice(0, 12) : [];
  return (
    <section className={styles.root} aria-label={t.whyTitle}>
      <Caption1>
        {t.whyRule}{t.colon}{help?.title ?? finding.ruleId} <span className={styles.code}>{finding.ruleId}</span>
      </Caption1>
      {help && <Caption1>{t.formula}{t.colon}{help.formula}</Caption1>}
      {cells.length > 0 && (
        <>
          <Caption1>{t.whyCells}{t.colon}</Caption1>
          <ul className={styles.cells}>
            {cells.map((at) => {
              const cell = cellAt(snapshot!, at);
              const value = showValue(cell?.value ?? null, cell?.numberFormat);
              return (
                <li key={addressKey(at)}>
                  <Caption1><span className={styles.cell}>{cellLabel(at)}</span> = {value === "" ? t.blankCell : value}</Caption1>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {help?.doc && <Text size={200} className={styles.pre}>{help.doc}</Text>}
      <Link href={`rules.html#${encodeURIComponent(finding.ruleId)}`} target="_blank" rel="noopener noreferrer">{t.whyLink}</Link>
    </section>
  );
}

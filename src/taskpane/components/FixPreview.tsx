/**
 * 全部修正: every cell the fixes would write, as "cell: now → after" in the cell's own format,
 * ticked when the fix is safe (a suggested score is not). A list rather than a table: at a task
 * pane's 320 px a four-column table clips; a line per cell wraps.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { Button, Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { RULES, type CellEdit, type Finding } from "../../core";
import type { Lang, Strings } from "../strings";
import { previewRows, cellLabel, editText } from "../state/view-model";

const TITLES: ReadonlyMap<string, { zh: string; en: string }> = new Map(RULES.map((r) => [r.meta.id as string, r.meta.title]));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  row: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalXS },
  rule: { display: "block", paddingLeft: "32px", color: tokens.colorNeutralForeground2 },
  change: { fontVariantNumeric: "tabular-nums" },
  cell: { whiteSpace: "nowrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface FixPreviewProps {
  readonly findings: readonly Finding[];
  readonly lang: Lang;
  readonly t: Strings;
  readonly busy: boolean;
  readonly onApply: (edits: CellEdit[]) => void;
  readonly onCancel: () => void;
}

export default function FixPreview({ findings, lang, t, busy, onApply, onCancel }: FixPreviewProps) {
  const styles = useStyles();
  const rows = useMemo(() => previewRows(findings), [findings]);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(rows.filter((r) => r.safe).map((r) => r.key)));
  useEffect(() => setTicked(new Set(rows.filter((r) => r.safe).map((r) => r.key))), [rows]);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const toggle = (key: string, on: boolean) => setTicked((s) => {
    const next = new Set(s);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  });
  const allOn = rows.length > 0 && rows.every((r) => ticked.has(r.key));
  const someOn = rows.some((r) => ticked.has(r.key));
  if (rows.length === 0) {
    return (
      <div className={styles.root}>
        <p>{t.noFixes}</p>
        <div className={styles.actions}><Button onClick={onCancel}>{t.back}</Button></div>
      </div>
    );
  }
  return (
    <div className={styles.root}>
      <Caption1>{t.fixAllIntro}</Caption1>
      <Checkbox
        ref={first}
        label={t.selectAll}
        checked={allOn ? true : someOn ? "mixed" : false}
        onChange={(_e, data) => setTicked(data.checked === true ? new Set(rows.map((r) => r.key)) : new Set())}
      />
      <ul className={styles.list} aria-label={t.viewFixAll}>
        {rows.map((r) => {
          const change = editText(r.edit, r.finding, lang);
          return (
            <li key={r.key} className={styles.row} data-fix={cellLabel(r.edit.at)}>
              <Checkbox
                checked={ticked.has(r.key)}
                onChange={(_e, data) => toggle(r.key, data.checked === true)}
                label={<span className={styles.change}><span className={styles.cell}>{cellLabel(r.edit.at)}</span>{t.colon}{change.before} → {change.after}</span>}
              />
              <Caption1 className={styles.rule}>{TITLES.get(r.finding.ruleId)?.[lang] ?? r.finding.ruleId}</Caption1>
            </li>
          );
        })}
      </ul>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !someOn} onClick={() => onApply(rows.filter((r) => ticked.has(r.key)).map((r) => r.edit))}>
          {t.applyN(rows.filter((r) => ticked.has(r.key)).length)}
        </Button>
        <Button onClick={onCancel}>{t.cancel}</Button>
      </div>
    </div>
  );
}

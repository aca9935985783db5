import { useEffect, useMemo, useState } from "react";
import {
  Button, Caption1, Checkbox, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from "@fluentui/react-components";
import type { CellEdit, Finding } from "../../core";
import type { Strings } from "../strings";
import { previewRows, showValue, cellLabel } from "../state/view-model";

const useStyles = makeStyles({
  table: { tableLayout: "auto", width: "100%" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS, flexWrap: "wrap" },
  small: { fontSize: tokens.fontSizeBase200 },
});

export interface FixPreviewProps {
  readonly findings: readonly Finding[];
  readonly t: Strings;
  readonly busy: boolean;
  readonly canRevert: boolean;
  readonly onApply: (edits: CellEdit[]) => void;
  readonly onRevert: () => void;
}

export function FixPreview({ findings, t, busy, canRevert, onApply, onRevert }: FixPreviewProps) {
  const styles = useStyles();
  const rows = useMemo(() => previewRows(findings), [findings]);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(rows.filter((r) => r.safe).map((r) => r.key)));
  useEffect(() => setTicked(new Set(rows.filter((r) => r.safe).map((r) => r.key))), [rows]);
  const toggle = (key: string, on: boolean) => setTicked((s) => {
    const next = new Set(s);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  });
  const allOn = rows.length > 0 && rows.every((r) => ticked.has(r.key));
  const someOn = rows.some((r) => ticked.has(r.key));
  return (
    <div>
      {rows.length === 0 ? <p>{t.noFixes}</p> : (
        <>
          <Caption1>{t.previewIntro}</Caption1>
          <Table size="extra-small" className={styles.table} aria-label={t.tabFixes}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>
                  <Checkbox
                    aria-label={t.selectAll}
                    checked={allOn ? true : someOn ? "mixed" : false}
                    onChange={(_e, data) => setTicked(data.checked === true ? new Set(rows.map((r) => r.key)) : new Set())}
                  />
                </TableHeaderCell>
                <TableHeaderCell>{t.cell}</TableHeaderCell>
                <TableHeaderCell>{t.now}</TableHeaderCell>
                <TableHeaderCell>{t.after}</TableHeaderCell>
                <TableHeaderCell>{t.rule}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.key} data-fix={cellLabel(r.edit.at)}>
                  <TableCell>
                    <Checkbox
                      checked={ticked.has(r.key)}
                      onChange={(_e, data) => toggle(r.key, data.checked === true)}
                      aria-label={`${cellLabel(r.edit.at)} → ${showValue(r.edit.after, r.edit.numberFormat)}`}
                    />
                  </TableCell>
                  <TableCell className={styles.small}>{cellLabel(r.edit.at)}</TableCell>
                  <TableCell className={styles.small}>{showValue(r.edit.before)}</TableCell>
                  <TableCell className={styles.small}>{showValue(r.edit.after, r.edit.numberFormat)}</TableCell>
                  <TableCell className={styles.small}><code>{r.finding.ruleId}</code></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !someOn} onClick={() => onApply(rows.filter((r) => ticked.has(r.key)).map((r) => r.edit))}>
          {t.apply}
        </Button>
        <Button disabled={busy || !canRevert} onClick={onRevert}>{t.revert}</Button>
      </div>
    </div>
  );
}

/**
 * The 报告正文 tab: the user pastes the self-evaluation report's text (or opens its .docx/.txt),
 * and the figures it states are compared with the annexes just checked (r.* rules). Each finding
 * shows the sentence it comes from and a 定位 button for the cell.
 */
import { useEffect, useId, useState } from "react";
import { Badge, Button, Caption1, Field, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { messageText, type Bilingual, type Finding, type RuleSettings, type ValidationResult } from "../../core";
import { checkReportText, REPORT_TEXT_RULES, type ReportTextResult } from "../../core/report-text";
import { reportTextFromFile } from "../../adapters/docx/read-docx-browser";
import type { ImportedTable, ImportOutcome } from "../../host/ports";
import { cellLabel } from "../state/view-model";
import { STRINGS, type Lang, type Strings } from "../strings";
import { BADGE_COLOR, useFindingRowStyles } from "./finding-row";
import { Busy } from "./Busy";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: "pre-wrap",
  },
});

export interface ReportTextPanelProps {
  readonly result: ValidationResult | null;
  readonly settings: RuleSettings;
  readonly lang: Lang;
  readonly t: Strings;
  /** Checks the workbook when no result is on screen yet; returns the result to compare with. */
  readonly onCheckWorkbook: () => Promise<ValidationResult | null>;
  readonly onSelect: (finding: Finding) => void;
  /** 导入附件表: adds a .docx's tables as new sheets; absent when the host cannot add sheets. */
  readonly onImportTables?: (tables: readonly ImportedTable[]) => Promise<ImportOutcome>;
}

export function ReportTextPanel({ result, settings, lang, t, onCheckWorkbook, onSelect, onImportTables }: ReportTextPanelProps) {
  const styles = useStyles();
  const fileId = useId();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Bilingual | null>(null);
  const [checked, setChecked] = useState<ReportTextResult | null>(null);
  // The tables of the .docx last opened, for 导入附件表; the import's outcome once done.
  const [tables, setTables] = useState<readonly ImportedTable[]>([]);
  const [imported, setImported] = useState<string | null>(null);
  const importHintId = useId();

  // A new check of the workbook (after a fix, or new settings) re-compares the text already checked.
  useEffect(() => {
    if (result) setChecked((previous) => (previous ? checkReportText(result, text, settings) : previous));
  }, [result, settings]);

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    const read = await bytesOf(file).then(reportTextFromFile, (error: unknown) => ({
      ok: false as const,
      message: { zh: `无法读取文件：${String(error)}`, en: `The file could not be read: ${String(error)}` },
    }));
    setBusy(false);
    if (!read.ok) {
      setProblem(read.message);
      return;
    }
    setText(read.text);
    setTables(read.tables ?? []);
    setImported(null);
    setChecked(null);
  };

  const importTables = async () => {
    if (!onImportTables || tables.length === 0) return;
    setBusy(true);
    setProblem(null);
    const outcome = await onImportTables(tables);
    if (!outcome.ok) {
      setBusy(false);
      setProblem(outcome.message);
      return;
    }
    // The imported sheets are the workbook's now: check it, then compare the text with them.
    const annexes = await onCheckWorkbook();
    setBusy(false);
    setTables([]);
    setImported(outcome.sheets.join(lang === "zh" ? "、" : ", "));
    if (annexes && text.trim()) setChecked(checkReportText(annexes, text, settings));
  };

  const runCheck = async () => {
    if (!text.trim()) {
      setProblem({ zh: STRINGS.zh.reportNeedsText, en: STRINGS.en.reportNeedsText });
      return;
    }
    setBusy(true);
    setProblem(null);
    const annexes = result ?? (await onCheckWorkbook());
    setBusy(false);
    if (annexes) setChecked(checkReportText(annexes, text, settings));
  };

  return (
    <div className={styles.root}>
      <Field label={t.reportTextLabel} hint={t.reportTextHint}>
        <Textarea value={text} onChange={(_e, data) => { setText(data.value); setChecked(null); }} rows={8} resize="vertical" />
      </Field>
      <div className={styles.file}>
        <label htmlFor={fileId}><Caption1>{t.reportFileLabel}</Caption1></label>
        <input
          id={fileId}
          type="file"
          accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
          onChange={(event) => void openFile(event.target.files?.[0])}
        />
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void runCheck()} disabled={busy}>{t.reportCheck}</Button>
        {onImportTables && tables.length > 0 && (
          <Button onClick={() => void importTables()} disabled={busy} aria-describedby={importHintId}>{t.reportImport(tables.length)}</Button>
        )}
        {busy && <Busy label={t.reportChecking} />}
      </div>
      {onImportTables && tables.length > 0 && <Caption1 id={importHintId}>{t.reportImportHint}</Caption1>}
      <div role="status" aria-live="polite">
        {problem && (
          <Notice intent="error">{problem[lang]}</Notice>
        )}
        {imported && <Notice intent="success">{t.reportImported(imported)}</Notice>}
        {checked && (
          <Text>
            {checked.findings.length === 0
              ? t.reportAgrees(checked.figures.length, checked.paragraphs)
              : t.reportSummary(checked.figures.length, checked.paragraphs, checked.findings.length)}
          </Text>
        )}
      </div>
      {checked && checked.findings.length > 0 && (
        <ul className={styles.list} aria-label={t.tabReport}>
          {checked.findings.map((finding, i) => (
            <ReportFinding key={`${finding.ruleId}#${finding.textRef?.offset ?? i}#${i}`} finding={finding} lang={lang} t={t} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ReportFinding({ finding, lang, t, onSelect }: { finding: Finding; lang: Lang; t: Strings; onSelect: (f: Finding) => void }) {
  const styles = useStyles();
  const row = useFindingRowStyles();
  const messageId = useId();
  const ref = finding.textRef;
  const rule = REPORT_TEXT_RULES.find((r) => r.meta.id === finding.ruleId)?.meta;
  return (
    <li className={row.item} aria-describedby={messageId} data-rule={finding.ruleId} data-cell={finding.at ? cellLabel(finding.at) : undefined}>
      <div className={row.top}>
        <Badge appearance="filled" color={BADGE_COLOR[finding.severity]}>{t.severityName[finding.severity]}</Badge>
        {finding.at && <Caption1>{cellLabel(finding.at)}</Caption1>}
        {ref && <Caption1>{t.reportPlace(ref.paragraph, ref.sentence)}</Caption1>}
      </div>
      <Text id={messageId}>{messageText(finding, lang)}</Text>
      {ref && (
        <blockquote className={styles.quote} aria-label={`${t.reportQuote}（${t.reportPlace(ref.paragraph, ref.sentence)}）`}>
          <Caption1>{ref.quote}</Caption1>
        </blockquote>
      )}
      <Caption1>{t.rule}{t.colon}<code>{finding.ruleId}</code>{rule ? ` · ${t.formula}${t.colon}${rule.formula[lang]}` : ""}</Caption1>
      {finding.at && (
        <div className={row.top}>
          <Button size="small" appearance="subtle" onClick={() => onSelect(finding)} aria-label={`${t.locate} ${cellLabel(finding.at)}`}>
            {t.locate}
          </Button>
        </div>
      )}
    </li>
  );
}

/** A file's bytes: Blob.arrayBuffer where the host has it, FileReader otherwise (older WebViews). */
function bytesOf(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsArrayBuffer(file);
  });
}
export default ReportTextPanel;

/** Pure helpers that turn a validation result into what the pane shows. */
import { addressKey, cellLabel as coreCellLabel, toA1, type CellAddress, type Finding, type ValidationResult, type CellEdit, type Severity } from "../../core";
import { messageText } from "../../core/messages/catalogue";
import { formatValue } from "../../core/format/figures";
import type { CellValue } from "../../core/grid/workbook";
import { isCellError } from "../../core/grid/workbook";
import type { ReportRow, ReviewNote } from "../../host/ports";
import { noteKey } from "../../host/review-notes";
import type { Lang } from "../strings";

/** A group of findings: one per table the check read ("annex2", "table:0", …), and "other". */
export type Group = string;

function within(at: CellAddress | null, place: { sheet: string; range: { top: number; bottom: number } } | null): boolean {
  return !!at && !!place && at.sheet === place.sheet && at.row >= place.range.top && at.row <= place.range.bottom;
}

/** The group of a finding: the table it names or whose rows hold its cell, else "other". */
export function groupOf(finding: Finding, result: ValidationResult): Group {
  if (finding.table) return `table:${finding.table.index}`;
  if (within(finding.at, result.annexes.annex2)) return "annex2";
  const selfEval = result.tables.filter((t) => t.kind === "annex3");
  const index = selfEval.findIndex((t) => within(finding.at, t));
  return index >= 0 ? `table:${index}` : "other";
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Findings grouped by table (附件2, then each self-evaluation table), each ordered by severity, then by position. */
export function groupFindings(result: ValidationResult): { group: Group; findings: Finding[] }[] {
  const selfEval = result.tables.filter((t) => t.kind === "annex3");
  const groups: Group[] = ["annex2", ...selfEval.map((_t, i) => `table:${i}`), "other"];
  return groups
    .map((group) => ({
      group,
      findings: result.findings
        .filter((f) => groupOf(f, result) === group)
        .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]),
    }))
    .filter((g) => g.findings.length > 0);
}

/** The heading of a group: 附件2, 附件3 (one table), or the project's name. */
export function groupName(group: Group, result: ValidationResult, names: { annex2: string; annex3: string; other: string; table: (n: number) => string }): string {
  if (group === "annex2") return names.annex2;
  if (group === "other") return names.other;
  const index = Number(group.slice("table:".length));
  const selfEval = result.tables.filter((t) => t.kind === "annex3");
  if (selfEval.length === 1 && result.profile.basicData) return names.annex3;
  return selfEval[index]?.name ?? names.table(index + 1);
}

export function findingKey(finding: Finding): string {
  return noteKey({ ruleId: finding.ruleId, sheet: finding.at?.sheet ?? null, cell: finding.at ? toA1(finding.at) : null });
}

export function cellLabel(at: CellAddress | null): string {
  return at ? coreCellLabel(at) : "—";
}

/**
 * A cell's value as the sheet shows it, for the common number formats of these forms: a rate
 * in any percent format as "60.00%" (rates read one way in the pane), "0.00" / "#,##0.00"
 * (amounts, scores: as many places as the format has). Other formats show the raw value.
 */
export function showValue(value: CellValue | undefined, numberFormat?: string, options: { readonly asSheet?: boolean } = {}): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  if (typeof value !== "number" || !numberFormat) return String(value);
  const section = numberFormat.split(";")[0]!.replace(/"[^"]*"|\[[^\]]*\]/g, "");
  const places = /0\.(0+)/.exec(section)?.[1]?.length ?? (/0/.test(section) ? 0 : null);
  // Rates read one way everywhere in the pane: two places ("60.00%"), whatever the cell's format;
  // the demo's grid shows the sheet as Excel would (asSheet: the format's own places).
  if (section.includes("%")) return `${(value * 100).toFixed(options.asSheet ? places ?? 0 : 2)}%`;
  if (places === null || /[ymdhs]/i.test(section)) return String(value);
  const fixed = value.toFixed(places);
  return section.includes(",") ? groupThousands(fixed) : fixed;
}

function groupThousands(fixed: string): string {
  const [whole, fraction] = fixed.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export interface PreviewRow {
  readonly key: string;
  readonly finding: Finding;
  readonly edit: CellEdit;
  /** Ticked by default: safe fixes yes, suggested scores no. */
  readonly safe: boolean;
}

/** One row per cell a fix would change; when two findings want the same cell, the first wins. */
export function previewRows(findings: readonly Finding[]): PreviewRow[] {
  const seen = new Set<string>();
  const rows: PreviewRow[] = [];
  for (const finding of findings) {
    for (const edit of finding.fix?.edits ?? []) {
      const key = addressKey(edit.at);
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ key, finding, edit, safe: finding.fix!.safe });
    }
  }
  return rows;
}

export function reportRows(
  findings: readonly Finding[],
  fixed: readonly Finding[],
  notes: readonly ReviewNote[],
  lang: Lang,
): ReportRow[] {
  const noteByKey = new Map(notes.map((n) => [noteKey(n), n]));
  const row = (f: Finding, status: ReportRow["status"]): ReportRow => {
    const note = noteByKey.get(findingKey(f));
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      sheet: f.at?.sheet ?? null,
      cell: f.at ? toA1(f.at) : null,
      expected: formatValue(f.expected, f.figure, lang),
      actual: formatValue(f.actual, f.figure, lang),
      message: messageText(f, lang),
      status: note && status === "open" ? "accepted" : status,
      reason: note?.reason ?? null,
    };
  };
  return [...findings.map((f) => row(f, "open")), ...fixed.map((f) => row(f, "fixed"))];
}

/** What the list shows: everything, or one severity. */
export type Filter = "all" | Severity;

/**
 * The findings in the order a finance officer works through them: errors, then warnings, then
 * 提示; within a severity, the table and cell order the engine gives (the sort is stable).
 */
export function orderedFindings(result: ValidationResult): Finding[] {
  return [...result.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

export function filtered(findings: readonly Finding[], filter: Filter): Finding[] {
  return filter === "all" ? [...findings] : findings.filter((f) => f.severity === filter);
}

export interface Counts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  /** Warnings the user accepted with a reason (已说明). */
  readonly accepted: number;
}

export function countsOf(result: ValidationResult, notes: readonly ReviewNote[]): Counts {
  const noted = new Set(notes.map(noteKey));
  const warnings = result.findings.filter((f) => f.severity === "warning");
  return {
    error: result.summary.errors,
    warning: result.summary.warnings,
    info: result.summary.infos,
    accepted: warnings.filter((f) => noted.has(findingKey(f))).length,
  };
}

/**
 * One cell of a fix as the user reads it: the value now and after, each in the cell's own format
 * with its unit. On the finding's own cell that is the finding's found and expected value (so the
 * card, the message and the button say the same "60.00% → 166.67%"); any other cell of the fix
 * shows its raw values in the number format the fix gives it.
 */
export function editText(edit: CellEdit, finding: Finding, lang: Lang): { before: string; after: string } {
  const own = finding.at !== null && addressKey(finding.at) === addressKey(edit.at) && finding.figure !== undefined;
  const before = own ? formatValue(finding.actual, finding.figure, lang) : null;
  const after = own ? formatValue(finding.expected, finding.figure, lang) : null;
  const blank = lang === "zh" ? "空白" : "blank";
  return {
    before: before ?? (showValue(edit.before, edit.numberFormat) || blank),
    after: after ?? (showValue(edit.after, edit.numberFormat) || blank),
  };
}

/**
 * A key per finding of a list, unique within it: findingKey, and "#2", "#3"… for a second finding
 * with the same rule and cell (findings that name no cell can share one).
 */
export function cardKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = findingKey(f);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

/** Keys of the findings of a result, to tell what is new and what was resolved since the last check. */
export function keysOf(findings: readonly Finding[]): Set<string> {
  return new Set(findings.map(findingKey));
}

/** Whether a change (sheet, rows and columns) touches one of the tables the check read. */
export function touchesTables(
  result: ValidationResult,
  change: { readonly sheet: string; readonly range: { top: number; left: number; bottom: number; right: number } | null },
): boolean {
  return result.tables.some((t) => t.sheet === change.sheet && (change.range === null
    || (change.range.top <= t.range.bottom && change.range.bottom >= t.range.top
      && change.range.left <= t.range.right && change.range.right >= t.range.left)));
}

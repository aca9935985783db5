/** Pure helpers that turn a validation result into what the pane shows. */
import { addressKey, cellLabel as coreCellLabel, toA1, type CellAddress, type Finding, type ValidationResult, type CellEdit } from "../../core";
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

export function showValue(value: CellValue | undefined, numberFormat?: string): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "number" && numberFormat?.includes("%")) return `${(value * 100).toFixed(2)}%`;
  return String(value);
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

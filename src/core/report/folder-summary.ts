/**
 * The folder summary as plain data: one row per file (worst first) and one row per finding.
 * Pure, so the ordering and the counting are tested without threads or files.
 */
import type { Bilingual, Lang, Severity } from "../findings/finding";
import { documentPlace, withDocumentPlaces } from "./document-places";
import type { JsonDocumentSource, JsonFinding, JsonSummary } from "./json-report";
import type { Grade } from "../rules/derived";
import type { ValueKind } from "../format/figures";
import type { KeyFigures } from "./key-figures";
import type { ValidationResult } from "../engine/validate";
import { toA1 } from "../grid/address";
import { messageText } from "../messages/catalogue";

/** Of a finding, what the summary's 问题清单 shows (the JSON report's fields of the same names). */
export type SummaryFinding = Pick<JsonFinding, "ruleId" | "severity" | "sheet" | "cell" | "expected" | "actual" | "figure" | "message">
  & { readonly table?: { readonly name: string | null } };

/**
 * Of a file's report, what the summary keeps: the counts, the recomputed 总分 and 等级, the findings
 * as the 问题清单 shows them and, for a Word report or a PDF, how its tables map to grids. A whole
 * JsonReport fits (tests build outcomes from one); the folder's workers send only this, which is
 * about half the text to make, send and parse.
 */
export interface SummaryReport {
  readonly summary: Pick<JsonSummary, "errors" | "warnings" | "infos" | "score" | "grade">;
  readonly findings: readonly SummaryFinding[];
  readonly source?: JsonDocumentSource;
}

/** What one file yields: checked (its report and key figures) or unreadable (why). */
export type FileOutcome<R extends SummaryReport = SummaryReport> =
  | { readonly kind: "checked"; readonly file: string; readonly report: R; readonly figures: KeyFigures }
  | { readonly kind: "unreadable"; readonly file: string; readonly reason: string; readonly message: Bilingual };

/**
 * A check's result as the summary keeps it: the fields toJsonReport gives them, message in `lang`
 * (a document's grid references said as places in it, as withDocumentPlaces says them).
 */
export function summaryReportOf(result: ValidationResult, lang: Lang, source?: JsonDocumentSource): SummaryReport {
  const { errors, warnings, infos, score, grade } = result.summary;
  const report: SummaryReport = {
    summary: { errors, warnings, infos, score, grade },
    findings: result.findings.map((f): SummaryFinding => ({
      ruleId: f.ruleId,
      severity: f.severity,
      sheet: f.at?.sheet ?? null,
      cell: f.at ? toA1(f.at) : null,
      expected: f.expected,
      actual: f.actual,
      ...(f.figure ? { figure: f.figure } : {}),
      message: messageText(f, lang),
      ...(f.table ? { table: { name: f.table.name } } : {}),
    })),
    ...(source ? { source } : {}),
  };
  return source ? withDocumentPlaces(report, lang) : report;
}

export type UnitStatus = "unreadable" | "errors" | "warnings" | "ok";

export interface UnitRow {
  readonly file: string;
  readonly status: UnitStatus;
  /** Why the file could not be read; null when it was checked. */
  readonly problem: Bilingual | null;
  readonly figures: KeyFigures | null;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Recomputed 总分 (2-dp text) and its 等级, null without an indicator table. */
  readonly score: string | null;
  readonly grade: Grade | null;
}

export interface IssueRow {
  readonly file: string;
  readonly unitName: string | null;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly sheet: string | null;
  readonly cell: string | null;
  /** A Word report's place ("表2 第3行 第9列"), shown instead of sheet!cell and not linked. */
  readonly place?: string;
  readonly expected: string | null;
  readonly actual: string | null;
  /** What expected and actual are, so the workbook shows them as every other edge does. */
  readonly figure?: ValueKind;
  readonly message: string;
}

export interface FolderSummary {
  readonly units: readonly UnitRow[];
  readonly issues: readonly IssueRow[];
  readonly totals: { readonly files: number; readonly unreadable: number; readonly errors: number; readonly warnings: number; readonly infos: number };
}

const STATUS_RANK: Readonly<Record<UnitStatus, number>> = { unreadable: 0, errors: 1, warnings: 2, ok: 3 };
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function unitRow(outcome: FileOutcome): UnitRow {
  if (outcome.kind === "unreadable") {
    return { file: outcome.file, status: "unreadable", problem: outcome.message, figures: null, errors: 0, warnings: 0, infos: 0, score: null, grade: null };
  }
  const { errors, warnings, infos, score, grade } = outcome.report.summary;
  return {
    file: outcome.file,
    status: errors > 0 ? "errors" : warnings > 0 ? "warnings" : "ok",
    problem: null,
    figures: outcome.figures,
    errors, warnings, infos, score, grade,
  };
}

/**
 * Worst first: a file nobody could check is the most urgent (nothing about it is known), then
 * more errors, then more warnings, then the lower recomputed 总分 (no 总分 at all counts lowest:
 * the indicator table is missing), then the file name so the order is stable.
 */
export function compareUnits(a: UnitRow, b: UnitRow): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status]
    || b.errors - a.errors
    || b.warnings - a.warnings
    || compareScores(a.score, b.score)
    || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

function compareScores(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  // 2-dp text from the core: a float comparison cannot misorder two distinct 2-dp values.
  return Number(a) - Number(b);
}

export function buildSummary(outcomes: readonly FileOutcome[], lang: Lang = "zh"): FolderSummary {
  const units = outcomes.map(unitRow).sort(compareUnits);
  const byFile = new Map(outcomes.map((o) => [o.file, o]));
  const issues: IssueRow[] = [];
  for (const unit of units) {
    const outcome = byFile.get(unit.file);
    if (outcome?.kind !== "checked") continue;
    // Errors before warnings before infos within a file; the report's cell order otherwise.
    const findings = outcome.report.findings
      .map((finding, order) => ({ finding, order }))
      .sort((x, y) => SEVERITY_RANK[x.finding.severity] - SEVERITY_RANK[y.finding.severity] || x.order - y.order);
    for (const { finding } of findings) {
      issues.push({
        file: unit.file,
        unitName: outcome.figures.unitName,
        ruleId: finding.ruleId,
        severity: finding.severity,
        sheet: finding.sheet,
        cell: finding.cell,
        ...(outcome.report.source && finding.sheet && finding.cell ? { place: documentPlace(outcome.report.source, finding.sheet, finding.cell, lang) } : {}),
        expected: finding.expected,
        actual: finding.actual,
        ...(finding.figure ? { figure: finding.figure } : {}),
        // In a workbook of project tables, the project the finding is about, as the CLI shows it.
        message: finding.table?.name ? `［${finding.table.name}］${finding.message}` : finding.message,
      });
    }
  }
  const total = (key: "errors" | "warnings" | "infos") => units.reduce((n, u) => n + u[key], 0);
  return {
    units,
    issues,
    totals: {
      files: units.length,
      unreadable: units.filter((u) => u.status === "unreadable").length,
      errors: total("errors"),
      warnings: total("warnings"),
      infos: total("infos"),
    },
  };
}

/**
 * The report text against tables already read: the r.* rules run through the engine (the same
 * runner, de-duplication and ordering as the table rules) over the models of an earlier check,
 * so the pane can re-check a pasted text without reading the workbook again.
 */
import type { Finding, Severity } from "../findings/finding";
import { DEFAULT_SETTINGS, type RuleSettings } from "../engine/settings";
import { runRules, type TablesRead, type ValidationResult } from "../engine/validate";
import { DEFAULT_PROFILE, profileById } from "../profiles";
import type { AnnexModels } from "./compare";
import type { TextFigure } from "./extract";
import { prepareReportText } from "./input";
import { REPORT_TEXT_RULES } from "./rules";

export type { AnnexModels } from "./compare";

export interface ReportTextResult {
  /** Non-empty paragraphs of the report body (the annex tables after "附件2" are not read). */
  readonly paragraphs: number;
  readonly figures: readonly TextFigure[];
  /** Project blocks found ("(1)代表履职经费" …). */
  readonly projects: readonly string[];
  readonly findings: readonly Finding[];
}

/** The tables of an earlier check (or bare models, in tests): what the r.* rules compare with. */
export type CheckedTables = AnnexModels & Partial<Pick<ValidationResult, "profile" | "selfEvalTables">>;

export function checkReportText(tables: CheckedTables, text: string, settings: RuleSettings = DEFAULT_SETTINGS): ReportTextResult {
  const input = prepareReportText(text);
  const profile = (tables.profile && profileById(tables.profile.id)) ?? DEFAULT_PROFILE;
  const selfEval = tables.selfEvalTables ?? (tables.annex3 ? [tables.annex3] : []);
  const read: TablesRead = {
    choice: { profile, how: "detected", signals: [], score: 0 },
    annex2: tables.annex2,
    selfEval,
    facts: { basicData: tables.annex2, selfEvalTables: selfEval, unreadable: { annex2: null, annex3: null }, extraAnnexes: [] },
  };
  const sheets = [...new Set([tables.annex2?.sheet, ...selfEval.map((t) => t.sheet)].filter((s): s is string => !!s))];
  const findings = runRules(read, settings, REPORT_TEXT_RULES, input, sheets);
  return { paragraphs: input.segmented.paragraphs.length, figures: input.figures, projects: input.projects, findings };
}

/** The engine's result with the report-text findings added (in the engine's order) and the counts updated. */
export function withReportText(result: ValidationResult, text: ReportTextResult): ValidationResult {
  const findings = [...result.findings, ...text.findings];
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return { ...result, findings, summary: { ...result.summary, errors: count("error"), warnings: count("warning"), infos: count("info") } };
}

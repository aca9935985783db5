/**
 * The pipeline: snapshot → form profile → locate tables → parse typed models → run every rule →
 * findings. Bad input is a finding, never an exception; an exception here is a bug in a rule, and
 * even then the other rules still run and the failure is reported as a finding.
 *
 * Rules run once per self-evaluation table (a workbook of project tables has many), except the
 * rules about the workbook as a whole (meta.scope "workbook": a table not found, a duplicate, the
 * report text). Findings of a workbook that holds several tables name the table they are about.
 */
import type { WorkbookSnapshot } from "../grid/workbook";
import { addressKey, addressOf, type CellRange } from "../grid/address";
import { indexSheets, locateTables, type AnnexLocation } from "../annex/locate";
import type { SheetIndex } from "../annex/sheet-index";
import { parseAnnex2 } from "../annex/annex2";
import { parseAnnex3 } from "../annex/annex3";
import { isBlankAnnex2, isBlankAnnex3 } from "../annex/blank";
import type { Annex2 } from "../model/annex2";
import type { Annex3 } from "../model/annex3";
import { RULES, RULES_VERSION } from "../rules";
import {
  RuleContractError, type ExtraAnnex, type Report, type Rule, type RuleContext, type UnreadableAnnex, type WorkbookFacts,
} from "../rules/rule";
import { SEVERITY_ORDER, type Bilingual, type CellEdit, type Finding, type TableRef } from "../findings/finding";
import { DEFAULT_SETTINGS, gradeBandsOf, type RuleSettings } from "./settings";
import { gradeOutcome, type Grade } from "../rules/derived";
import { chooseProfile, PROFILES, type ProfileChoice } from "../profiles";
import type { FormProfile } from "../profiles/profile";
import type { ReportTextInput } from "../report-text/input";
import { displayLabel } from "../text/normalize";

export interface AnnexPlace {
  readonly sheet: string;
  readonly range: CellRange;
}

/** One table the check read: where it is, what it is called, its recomputed total and grade. */
export interface TablePlace extends AnnexPlace {
  readonly kind: "annex2" | "annex3";
  /** 项目名称 (or 单位名称, or the title) as written; null when the table names nothing. */
  readonly name: string | null;
  /** The recomputed 总分 (2 dp text); null for a basic-data table or when it cannot be recomputed. */
  readonly score: string | null;
  readonly grade: Grade | null;
}

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** The recomputed 总分 (2 dp text) of the workbook's one self-evaluation table; null without one, or with several (see tables). */
  readonly score: string | null;
  /** Its grade, as a code (GRADE_NAMES gives the words); null when none is given (no total, partial, several tables). */
  readonly grade: Grade | null;
}

/** Which form profile the check used, and why. */
export interface ProfileUsed {
  readonly id: string;
  readonly name: Bilingual;
  readonly how: ProfileChoice["how"];
  /** Whether the form has a basic-data table (湖南's 附件2): hosts then name the two tables 附件2 and 附件3. */
  readonly basicData: boolean;
  /** The labels that decided (detected), strongest first. */
  readonly signals: readonly Bilingual[];
}

export interface ValidationResult {
  readonly rulesVersion: string;
  readonly profile: ProfileUsed;
  /** The first table of each kind (the 湖南 附件2 and 附件3), for hosts that show one of each. */
  readonly annexes: { readonly annex2: AnnexPlace | null; readonly annex3: AnnexPlace | null };
  /** Every table checked, basic-data first, then the self-evaluation tables in sheet and row order. */
  readonly tables: readonly TablePlace[];
  readonly annex2: Annex2 | null;
  /** The first self-evaluation table (the only one of a 部门整体 form). */
  readonly annex3: Annex3 | null;
  readonly selfEvalTables: readonly Annex3[];
  readonly findings: readonly Finding[];
  readonly summary: Summary;
  /** What the report text held, when one was checked. */
  readonly reportText?: { readonly paragraphs: number; readonly projects: readonly string[]; readonly figures: number };
}

export interface ValidateOptions {
  /**
   * The 自评报告's text, prepared by prepareReportText (src/core/report-text/input.ts): the r.*
   * rules run on it. Prepared by the caller so that a check without a text (the pane's) never
   * loads the code that reads prose.
   */
  readonly reportText?: ReportTextInput;
  /** The rules to run (tests run one); default all. */
  readonly rules?: readonly Rule[];
  /** The form profiles to choose from; default the built-in ones (a province's own form can be passed here). */
  readonly profiles?: readonly FormProfile[];
}

export function validate(snapshot: WorkbookSnapshot, settings: RuleSettings = DEFAULT_SETTINGS, options: ValidateOptions = {}): ValidationResult {
  const read = readTables(snapshot, settings, options.profiles);
  const reportText = options.reportText;
  const findings = runRules(read, settings, options.rules ?? RULES, reportText, snapshot.sheets.map((s) => s.name));
  return resultOf(read, findings, settings, reportText);
}

/** The models of a workbook, with the profile that read them. */
export interface TablesRead {
  readonly choice: ProfileChoice;
  readonly annex2: Annex2 | null;
  readonly selfEval: readonly Annex3[];
  readonly facts: WorkbookFacts;
}

/**
 * Chooses the profile and reads the tables. The parsers are written never to fail on odd content,
 * but a failure here would lose every finding of the workbook: instead the table counts as found
 * but unreadable (sheet.annex-not-found says so and why) and the rest of the check goes on.
 */
export function readTables(snapshot: WorkbookSnapshot, settings: RuleSettings = DEFAULT_SETTINGS, profiles: readonly FormProfile[] = PROFILES): TablesRead {
  let indexes: SheetIndex[];
  let choice: ProfileChoice;
  try {
    indexes = indexSheets(snapshot);
    choice = chooseProfile(labelsOf(indexes), settings.profile, profiles);
  } catch (error) {
    const failure: UnreadableAnnex = { at: null, detail: describeFailure(error) };
    return {
      choice: chooseProfile([], settings.profile, profiles),
      annex2: null,
      selfEval: [],
      facts: { basicData: null, selfEvalTables: [], unreadable: { annex2: failure, annex3: failure }, extraAnnexes: [] },
    };
  }
  const profile = choice.profile;
  let located: ReturnType<typeof locateTables>;
  try {
    located = locateTables(indexes, profile, { isBlank: (kind, place) => isBlankTable(kind, place, profile) });
  } catch (error) {
    const failure: UnreadableAnnex = { at: null, detail: describeFailure(error) };
    return { choice, annex2: null, selfEval: [], facts: { basicData: null, selfEvalTables: [], unreadable: { annex2: failure, annex3: failure }, extraAnnexes: [] } };
  }
  const attempt = <T>(place: AnnexLocation, parser: (place: AnnexLocation) => T): { model: T | null; failure: UnreadableAnnex | null } => {
    try {
      return { model: parser(place), failure: null };
    } catch (error) {
      return { model: null, failure: { at: place.index.address(place.rows.from, 0), detail: describeFailure(error) } };
    }
  };
  const a2 = located.annex2 ? attempt(located.annex2, (p) => parseAnnex2(p.index, p.rows)) : { model: null, failure: null };
  const a3 = located.annex3.map((place) => attempt(place, (p) => parseAnnex3(p.index, p.rows, profile.selfEval)));
  const selfEval = a3.map((r) => r.model).filter((m): m is Annex3 => m !== null);
  const startOf = (place: AnnexLocation | undefined | null) => (place ? place.index.address(place.rows.from, 0) : null);
  const extra: ExtraAnnex[] = located.extra.map((e) => ({
    kind: e.kind,
    at: { sheet: e.sheet, row: e.row, col: 0 },
    checkedAt: startOf(e.kind === "annex2" ? located.annex2 : located.annex3[0]),
    ...(e.blank ? { blank: true } : {}),
  }));
  return {
    choice,
    annex2: a2.model,
    selfEval,
    facts: {
      basicData: a2.model,
      selfEvalTables: selfEval,
      unreadable: { annex2: a2.failure, annex3: a3.find((r) => r.failure)?.failure ?? null },
      extraAnnexes: extra,
    },
  };
}

/**
 * Whether a table holds no figure typed by staff (annex/blank.ts), so that a template inserted
 * beside the filled tables is neither checked nor reported as a duplicate. A table that cannot be
 * read counts as filled: it is then reported as today, never silently passed over.
 */
function isBlankTable(kind: "annex2" | "annex3", place: AnnexLocation, profile: FormProfile): boolean {
  try {
    return kind === "annex2" ? isBlankAnnex2(parseAnnex2(place.index, place.rows)) : isBlankAnnex3(parseAnnex3(place.index, place.rows, profile.selfEval));
  } catch {
    return false;
  }
}

/** Every label of the workbook, repeats included (chooseProfile keeps only those a signal could match). */
function labelsOf(indexes: readonly SheetIndex[]): string[] {
  const labels: string[] = [];
  for (const index of indexes) index.normalizedLabels.forEach((label) => labels.push(label));
  return labels;
}

/** A table's name for findings and lists: 项目名称, else 单位名称, else its title. */
export function tableName(table: Annex3): string | null {
  const text = table.project?.text ?? table.unitName?.text ?? table.title?.text ?? null;
  return text === null ? null : displayLabel(text);
}

/**
 * Runs the rules over the tables read (and the report text, when given) and returns the findings,
 * de-duplicated (one per wrong cell) and sorted by sheet, row, column.
 */
export function runRules(
  read: TablesRead,
  settings: RuleSettings,
  rules: readonly Rule[],
  reportText: ReportTextInput | undefined,
  sheetOrder: readonly string[],
): Finding[] {
  const profile = read.choice.profile;
  const named = profile.tablesPerWorkbook === "many";
  const contexts: { annex2: Annex2 | null; annex3: Annex3 | null; table?: TableRef }[] = read.selfEval.length > 0
    ? read.selfEval.map((t, i) => ({ annex2: i === 0 ? read.annex2 : null, annex3: t, ...(named ? { table: { index: i, name: tableName(t) } } : {}) }))
    : [{ annex2: read.annex2, annex3: null }];
  const raw: { finding: Finding; order: number }[] = [];
  rules.forEach((rule, order) => {
    const { meta } = rule;
    if (settings.disabledRules.includes(meta.id) || profile.rulesOff.includes(meta.id)) return;
    if (meta.requires.includes("reportText") && !reportText) return;
    const scoped = meta.scope === "workbook" ? contexts.slice(0, 1) : contexts;
    for (const place of scoped) {
      if (meta.requires.includes("annex2") && !place.annex2) continue;
      if (meta.requires.includes("annex3") && !place.annex3) continue;
      // One literal of one shape (a context per rule and table, some 55 per table): `table` and
      // `reportText` are undefined rather than left out, which conditional spreads did at an object each.
      const context: RuleContext = {
        annex2: place.annex2,
        annex3: place.annex3,
        table: place.table,
        profile,
        terms: profile.terms,
        workbook: read.facts,
        reportText,
        settings,
        report: (report) => raw.push({ finding: toFinding(rule, report, meta.scope === "workbook" ? undefined : place.table), order }),
      };
      try {
        rule.check(context);
      } catch (error) {
        if (error instanceof RuleContractError) throw error;
        raw.push({ finding: internalFailure(rule, error), order });
      }
    }
  });
  return sortFindings(dedupe(raw), sheetOrder);
}

function resultOf(read: TablesRead, findings: readonly Finding[], settings: RuleSettings, reportText: ReportTextInput | undefined): ValidationResult {
  const profile = read.choice.profile;
  const bands = gradeBandsOf(settings, profile);
  const place = (m: { sheet: string; range: CellRange }): AnnexPlace => ({ sheet: m.sheet, range: m.range });
  const tables: TablePlace[] = [
    ...(read.annex2 ? [{ ...place(read.annex2), kind: "annex2" as const, name: null, score: null, grade: null }] : []),
    ...read.selfEval.map((t) => {
      const outcome = gradeOutcome(t, profile.execution, bands);
      return {
        ...place(t), kind: "annex3" as const, name: tableName(t),
        score: outcome.kind === "unknown" ? null : outcome.total.toFixed(2),
        grade: outcome.kind === "graded" ? outcome.grade : null,
      };
    }),
  ];
  const only = read.selfEval.length === 1 ? tables[tables.length - 1]! : null;
  return {
    rulesVersion: RULES_VERSION,
    profile: { id: profile.id, name: profile.name, how: read.choice.how, basicData: profile.basicData, signals: read.choice.signals },
    annexes: {
      annex2: read.annex2 ? place(read.annex2) : null,
      annex3: read.selfEval[0] ? place(read.selfEval[0]) : null,
    },
    tables,
    annex2: read.annex2,
    annex3: read.selfEval[0] ?? null,
    selfEvalTables: read.selfEval,
    findings,
    summary: {
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      infos: findings.filter((f) => f.severity === "info").length,
      score: only?.score ?? null,
      grade: only?.grade ?? null,
    },
    ...(reportText ? { reportText: { paragraphs: reportText.segmented.paragraphs.length, projects: reportText.projects, figures: reportText.figures.length } } : {}),
  };
}

/** One line about an unexpected failure: a zod issue names the field, anything else its message. */
function describeFailure(error: unknown): string {
  const issues = (error as { issues?: unknown } | null)?.issues;
  if (Array.isArray(issues) && issues.length > 0) {
    const first = issues[0] as { path?: unknown; message?: unknown };
    const path = Array.isArray(first.path) ? first.path.map(String).join(".") : "";
    return `${path ? `${path}: ` : ""}${String(first.message ?? "invalid")}`.slice(0, 200);
  }
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? "").slice(0, 200);
}

function toFinding(rule: Rule, report: Report, table: TableRef | undefined): Finding {
  const { meta } = rule;
  const severity = report.severity ?? meta.severities[0];
  if (!meta.severities.includes(severity)) throw new RuleContractError(meta.id, `severity ${severity} is not declared`);
  if (report.fix && !meta.fixable) throw new RuleContractError(meta.id, "reported a fix but is not fixable");
  if (!Object.prototype.hasOwnProperty.call(meta.messages, report.messageId)) {
    throw new RuleContractError(meta.id, `message "${report.messageId}" is not among its meta.messages`);
  }
  // Built field by field rather than with conditional spreads: a large table gives thousands of
  // findings, and each spread made (and copied) an object of its own. Addresses are copied: a rule
  // names a cell by its located value (which is its own address), and a finding keeps only the
  // address, never the parsed figure (findings go to workers, reports and the pane).
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
    ruleId: meta.id,
    severity,
    at: report.at && addressOf(report.at),
    related: report.related ? report.related.map(addressOf) : [],
    expected: report.expected ?? null,
    actual: report.actual ?? null,
    messageId: report.messageId,
    data: report.data ?? {},
  };
  if (report.figure && report.figure !== "text") finding.figure = report.figure;
  if (table) finding.table = table;
  if (report.fix) finding.fix = { edits: report.fix.edits.map(keptEdit), safe: report.fix.safe ?? true };
  if (report.textRef) finding.textRef = report.textRef;
  return finding;
}

function keptEdit(edit: CellEdit): CellEdit {
  return { ...edit, at: addressOf(edit.at) };
}

/** The engine's own message, for a rule that failed: every catalogue can render it (messages/catalogue.ts). */
export const INTERNAL_FAILURE = "engine.internal";

function internalFailure(rule: Rule, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ruleId: rule.meta.id,
    severity: "warning",
    at: null,
    related: [],
    expected: null,
    actual: null,
    messageId: INTERNAL_FAILURE,
    data: { rule: rule.meta.id, detail: detail.slice(0, 200) },
  };
}

/**
 * One finding per wrong cell: among findings that say a cell is wrong (they carry a fix, or
 * come from a cell.* rule), keep the most severe per cell; at equal severity the one that can
 * fix it (a derived cell's own rule rather than cell.error-value), then the earlier rule.
 * Findings of fact (grade, over-establishment, a missing label) are never merged away.
 */
function dedupe(raw: readonly { finding: Finding; order: number }[]): Finding[] {
  const claimsCell = (f: Finding) => f.at !== null && (f.fix !== undefined || f.ruleId.startsWith("cell."));
  const best = new Map<string, { finding: Finding; order: number }>();
  for (const item of raw) {
    if (!claimsCell(item.finding)) continue;
    const key = addressKey(item.finding.at!);
    const current = best.get(key);
    const stronger = !current || outranks(item, current);
    if (stronger) best.set(key, item);
  }
  return raw.filter((item) => !claimsCell(item.finding) || best.get(addressKey(item.finding.at!)) === item).map((i) => i.finding);
}

/** More severe wins; at equal severity a finding that can fix the cell wins; then the earlier rule. */
function outranks(a: { finding: Finding; order: number }, b: { finding: Finding; order: number }): boolean {
  const bySeverity = SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity];
  if (bySeverity !== 0) return bySeverity < 0;
  const byFix = Number(b.finding.fix !== undefined) - Number(a.finding.fix !== undefined);
  if (byFix !== 0) return byFix < 0;
  return a.order < b.order;
}

/**
 * Findings that name no cell first (a table not found, a sum stated in the report text), then by
 * sheet (workbook order), row, column, severity and place in the report text.
 */
function sortFindings(findings: Finding[], sheetOrder: readonly string[]): Finding[] {
  const sheets = new Map(sheetOrder.map((name, i) => [name, i]));
  const textOffset = (f: Finding) => f.textRef?.offset ?? 0;
  return [...findings].sort((a, b) => {
    if (!a.at || !b.at) return (a.at ? 1 : 0) - (b.at ? 1 : 0) || textOffset(a) - textOffset(b);
    return (sheets.get(a.at.sheet) ?? 0) - (sheets.get(b.at.sheet) ?? 0) || a.at.row - b.at.row || a.at.col - b.at.col
      || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || textOffset(a) - textOffset(b);
  });
}

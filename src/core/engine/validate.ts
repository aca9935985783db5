/**
 * The pipeline: snapshot → locate annexes → parse typed models → run every rule → findings.
 * Bad input is a finding, never an exception; an exception here is a bug in a rule, and even
 * then the other rules still run and the failure is reported as a finding.
 */
import type { WorkbookSnapshot } from "../grid/workbook";
import { addressKey, type CellRange } from "../grid/address";
import { locateAnnexes, type AnnexLocation } from "../annex/locate";
import { parseAnnex2 } from "../annex/annex2";
import { parseAnnex3 } from "../annex/annex3";
import type { Annex2 } from "../model/annex2";
import type { Annex3 } from "../model/annex3";
import { RULES, RULES_VERSION } from "../rules";
import { RuleContractError, type Report, type Rule, type RuleContext, type UnreadableAnnex, type ExtraAnnex } from "../rules/rule";
import { SEVERITY_ORDER, type Finding } from "../findings/finding";
import { DEFAULT_SETTINGS, type RuleSettings } from "./settings";
import { gradeOf, recomputedTotal } from "../rules/derived";
import type { Decimal } from "../numeric/decimal";

export interface AnnexPlace {
  readonly sheet: string;
  readonly range: CellRange;
}

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** The recomputed 总分 (2 dp text), null without an indicator table. */
  readonly score: string | null;
  readonly grade: string | null;
}

export interface ValidationResult {
  readonly rulesVersion: string;
  readonly annexes: { readonly annex2: AnnexPlace | null; readonly annex3: AnnexPlace | null };
  readonly annex2: Annex2 | null;
  readonly annex3: Annex3 | null;
  readonly findings: readonly Finding[];
  readonly summary: Summary;
}

export function validate(snapshot: WorkbookSnapshot, settings: RuleSettings = DEFAULT_SETTINGS, rules: readonly Rule[] = RULES): ValidationResult {
  const { annex2, annex3, unreadable, extra } = readAnnexes(snapshot);
  const raw: { finding: Finding; order: number }[] = [];
  rules.forEach((rule, order) => {
    if (settings.disabledRules.includes(rule.meta.id)) return;
    if (rule.meta.requires.some((kind) => (kind === "annex2" ? !annex2 : !annex3))) return;
    const context: RuleContext = {
      annex2,
      annex3,
      unreadable,
      extraAnnexes: extra,
      settings,
      report: (report) => raw.push({ finding: toFinding(rule, report), order }),
    };
    try {
      rule.check(context);
    } catch (error) {
      if (error instanceof RuleContractError) throw error;
      raw.push({ finding: internalFailure(rule, error), order });
    }
  });
  const findings = sortFindings(dedupe(raw), snapshot);
  const total = recomputedTotal(annex3);
  return {
    rulesVersion: RULES_VERSION,
    annexes: {
      annex2: annex2 ? { sheet: annex2.sheet, range: annex2.range } : null,
      annex3: annex3 ? { sheet: annex3.sheet, range: annex3.range } : null,
    },
    annex2,
    annex3,
    findings,
    summary: summarize(findings, total, settings),
  };
}

interface ReadAnnexes {
  readonly annex2: Annex2 | null;
  readonly annex3: Annex3 | null;
  readonly unreadable: { readonly annex2: UnreadableAnnex | null; readonly annex3: UnreadableAnnex | null };
  readonly extra: readonly ExtraAnnex[];
}

/**
 * Locates and parses both annexes. The parsers are written never to fail on odd content, but a
 * failure here would lose every finding of the workbook: instead the annex counts as found but
 * unreadable (sheet.annex-not-found says so and why) and the rest of the check goes on.
 */
function readAnnexes(snapshot: WorkbookSnapshot): ReadAnnexes {
  let located: ReturnType<typeof locateAnnexes>;
  try {
    located = locateAnnexes(snapshot);
  } catch (error) {
    const failure: UnreadableAnnex = { at: null, detail: describeFailure(error) };
    return { annex2: null, annex3: null, unreadable: { annex2: failure, annex3: failure }, extra: [] };
  }
  const parse = <T>(place: AnnexLocation | null, parser: (index: AnnexLocation["index"], rows: AnnexLocation["rows"]) => T) => {
    if (!place) return { model: null, failure: null };
    try {
      return { model: parser(place.index, place.rows), failure: null };
    } catch (error) {
      const failure: UnreadableAnnex = { at: place.index.address(place.rows.from, 0), detail: describeFailure(error) };
      return { model: null, failure };
    }
  };
  const a2 = parse(located.annex2, parseAnnex2);
  const a3 = parse(located.annex3, parseAnnex3);
  const startOf = (place: AnnexLocation | null) => (place ? place.index.address(place.rows.from, 0) : null);
  const extra: ExtraAnnex[] = located.extra.map((e) => {
    return { kind: e.kind, at: { sheet: e.sheet, row: e.row, col: 0 }, checkedAt: startOf(located[e.kind]) };
  });
  return { annex2: a2.model, annex3: a3.model, unreadable: { annex2: a2.failure, annex3: a3.failure }, extra };
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

function toFinding(rule: Rule, report: Report): Finding {
  const severity = report.severity ?? rule.meta.severities[0];
  if (!rule.meta.severities.includes(severity)) throw new RuleContractError(rule.meta.id, `severity ${severity} is not declared`);
  if (report.fix && !rule.meta.fixable) throw new RuleContractError(rule.meta.id, "reported a fix but is not fixable");
  return {
    ruleId: rule.meta.id,
    severity,
    at: report.at,
    related: report.related ?? [],
    expected: report.expected ?? null,
    actual: report.actual ?? null,
    message: report.message,
    ...(report.fix ? { fix: { edits: report.fix.edits, safe: report.fix.safe ?? true } } : {}),
  };
}

function internalFailure(rule: Rule, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ruleId: rule.meta.id,
    severity: "warning",
    at: null,
    related: [],
    expected: null,
    actual: null,
    message: {
      zh: `规则 ${rule.meta.id} 未能完成检查（内部错误：${detail}），其余规则照常运行`,
      en: `Rule ${rule.meta.id} could not finish (internal error: ${detail}); the other rules ran`,
    },
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

function sortFindings(findings: Finding[], snapshot: WorkbookSnapshot): Finding[] {
  const sheetOrder = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  return [...findings].sort((a, b) => {
    if (!a.at || !b.at) return (a.at ? 1 : 0) - (b.at ? 1 : 0);
    return (sheetOrder.get(a.at.sheet) ?? 0) - (sheetOrder.get(b.at.sheet) ?? 0) || a.at.row - b.at.row || a.at.col - b.at.col
      || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  });
}

function summarize(findings: readonly Finding[], total: Decimal | null, settings: RuleSettings): Summary {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    infos: findings.filter((f) => f.severity === "info").length,
    score: total ? total.toFixed(2) : null,
    grade: total ? gradeOf(total, settings.gradeBands).zh : null,
  };
}

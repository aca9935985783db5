/**
 * Figures several rules need, computed once from inputs. Rules that depend on another figure use
 * these recomputed values, never the reported cell, so one wrong cell yields one finding.
 */
import type { Annex3 } from "../model/annex3";
import type { Decimal} from "../numeric/decimal";
import { dec, minDecimal, percentExact, round2, sum, HUNDRED, ZERO } from "../numeric/decimal";
import type { ExecutionScoreSpec, FormProfile } from "../profiles/profile";
import { isUnreadable } from "./checks";

/** How a form computes its 执行率 and 执行率得分 (FormProfile.execution). */
export type ExecutionPolicy = FormProfile["execution"];

/** The 财政部 family's formula: 全年预算数 as denominator, min(rate, 100%) × 分值. */
export const DEFAULT_EXECUTION: ExecutionPolicy = { denominator: "budget", score: { kind: "linear", capPercent: 100 }, weight: null };

export interface Execution {
  /** 执行率 in percentage points, 2 dp; null when 全年预算数 is 0 or missing. */
  readonly rate: Decimal | null;
  readonly exactRate: Decimal | null;
  /** 执行率得分 by the profile's formula (min(执行率, 100%) × 分值 for most), 2 dp. */
  readonly score: Decimal | null;
}

/** The share of 分值 (0–1) a rate in percentage points earns under a scheme. */
export function executionShare(rate: Decimal, scheme: ExecutionScoreSpec): Decimal {
  if (scheme.kind === "linear") return minDecimal(rate, dec(scheme.capPercent)).dividedBy(HUNDRED);
  const step = [...scheme.steps].sort((a, b) => b.fromPercent - a.fromPercent).find((s) => rate.greaterThanOrEqualTo(s.fromPercent));
  return dec(step?.share ?? 0);
}

/** The funds cell a form divides by: 全年预算数 / 调整后预算数 (or 年初预算数 where a form says so). */
export function denominatorCell(annex3: Annex3 | null, policy: ExecutionPolicy = DEFAULT_EXECUTION) {
  const funds = annex3?.funds;
  return (policy.denominator === "initialBudget" ? funds?.initialBudget : funds?.budget) ?? null;
}

/**
 * The 分值 of the 执行率 row: the sheet's, or the form's own when its funds block has no 分值 column
 * (湖北 writes 20 into the heading: "得分（20分*执行率）").
 */
export function executionWeight(annex3: Annex3 | null, policy: ExecutionPolicy = DEFAULT_EXECUTION): Decimal | null {
  const cell = annex3?.funds?.weight;
  if (cell) return cell.value;
  return annex3?.funds && policy.weight !== null ? dec(policy.weight) : null;
}

export function execution(annex3: Annex3 | null, policy: ExecutionPolicy = DEFAULT_EXECUTION): Execution {
  if (!annex3) return computeExecution(annex3, policy);
  // Half a dozen rules, the grade and the key figures each ask for it (two divisions to 40 digits
  // every time): computed once per table and policy, as the column sums below.
  const cached = executions.get(annex3);
  if (cached?.policy === policy) return cached.execution;
  const computed = computeExecution(annex3, policy);
  executions.set(annex3, { policy, execution: computed });
  return computed;
}

const executions = new WeakMap<Annex3, { readonly policy: ExecutionPolicy; readonly execution: Execution }>();

function computeExecution(annex3: Annex3 | null, policy: ExecutionPolicy): Execution {
  const funds = annex3?.funds;
  const budget = denominatorCell(annex3, policy)?.value ?? null;
  const executed = funds?.executed?.value ?? null;
  if (budget === null || executed === null) return { rate: null, exactRate: null, score: null };
  const exactRate = percentExact(executed, budget);
  // The same division, rounded as percent() rounds it.
  const rate = exactRate === null ? null : round2(exactRate);
  const weight = executionWeight(annex3, policy);
  // The score uses the 2-dp rate, as the form shows it (seed: 10 × 99.96% = 10.00).
  const score = rate !== null && weight !== null ? round2(executionShare(rate, policy.score).times(weight)) : null;
  return { rate, exactRate, score };
}

/**
 * Sum of the indicator 得分 that hold numbers (blank ones count 0 and are reported by
 * a3.missing-field); null when one holds text or an error: its value is unknown, not 0.
 */
export function indicatorScoreSum(annex3: Annex3): Decimal | null {
  return memo(scoreSums, annex3, () => columnSum(annex3, "score"));
}

/** Sum of the indicator 分值, as indicatorScoreSum: null when one cannot be read. */
export function indicatorWeightSum(annex3: Annex3): Decimal | null {
  return memo(weightSums, annex3, () => columnSum(annex3, "weight"));
}

// Several rules need the same sums of a table; a table is immutable, so each is computed once
// (a 20,000-row table made each sum cost milliseconds, several times over).
const scoreSums = new WeakMap<Annex3, Decimal | null>();
const weightSums = new WeakMap<Annex3, Decimal | null>();

function memo<T>(cache: WeakMap<Annex3, T>, annex3: Annex3, compute: () => T): T {
  if (cache.has(annex3)) return cache.get(annex3) as T;
  const value = compute();
  cache.set(annex3, value);
  return value;
}

function columnSum(annex3: Annex3, field: "score" | "weight"): Decimal | null {
  const values: Decimal[] = [];
  // A callback per row (docs/architecture.md, "Per-row code"); `every` stops at an unreadable cell.
  const readable = annex3.indicators.every((row) => {
    const cell = row[field];
    if (isUnreadable(cell)) return false;
    if (cell?.value) values.push(cell.value);
    return true;
  });
  return readable ? sum(values) : null;
}

/**
 * The 执行率得分 term of the 总分: recomputed, 0 when the form has no 执行率 得分 at all, and
 * null (unknown) when it cannot be recomputed. The reported 得分 is never used in its place: it is
 * the very cell a3.execution-score may call wrong (the seed's 98 on a 10-point row).
 */
export function executionScoreTerm(annex3: Annex3, policy: ExecutionPolicy = DEFAULT_EXECUTION): Decimal | null {
  if (!annex3.funds?.score) return ZERO;
  return execution(annex3, policy).score;
}

/** The recomputed 总分: execution score (recomputed) plus the indicator scores; null when either is unknown. */
export function recomputedTotal(annex3: Annex3 | null, policy: ExecutionPolicy = DEFAULT_EXECUTION): Decimal | null {
  if (!annex3 || annex3.indicators.length === 0) return null;
  const exec = executionScoreTerm(annex3, policy);
  const indicators = indicatorScoreSum(annex3);
  if (exec === null || indicators === null) return null;
  return round2(indicators.plus(exec));
}

export { GRADE_NAMES, type Grade } from "../findings/grade";
import type { Grade } from "../findings/grade";

export function gradeOf(total: Decimal, bands: readonly [number, number, number]): Grade {
  if (total.greaterThanOrEqualTo(bands[0])) return "excellent";
  if (total.greaterThanOrEqualTo(bands[1])) return "good";
  if (total.greaterThanOrEqualTo(bands[2])) return "fair";
  return "poor";
}

/** Why no grade is given although a total can be recomputed: the total is not out of 100. */
export type GradeWithheld =
  | { readonly reason: "no-total-row" }
  | { readonly reason: "weights-not-100"; readonly weights: Decimal };

export type GradeOutcome =
  | { readonly kind: "graded"; readonly total: Decimal; readonly grade: Grade }
  | { readonly kind: "withheld"; readonly total: Decimal; readonly why: GradeWithheld }
  | { readonly kind: "unknown" };

/**
 * The grade of a table, or why none is given. A grade belongs to a complete table: one without
 * its 总分 row may be cut off (a page not pasted), and one whose 分值 do not add up to 100 is
 * not scored out of 100, so 90 points there do not mean 优. Both get a reason instead.
 */
export function gradeOutcome(annex3: Annex3 | null, policy: ExecutionPolicy, bands: readonly [number, number, number]): GradeOutcome {
  const execWeight = executionWeight(annex3, policy);
  const total = recomputedTotal(annex3, policy);
  if (!annex3 || total === null) return { kind: "unknown" };
  if (!annex3.total) return { kind: "withheld", total, why: { reason: "no-total-row" } };
  // Without a 分值 column the weights are not on the sheet: nothing to hold the total against.
  const weights = annex3.indicatorColumns.weight === null ? null : indicatorWeightSum(annex3);
  if (weights !== null && !isUnreadable(annex3.funds?.weight)) {
    const all = weights.plus(annex3.funds?.score ? execWeight ?? ZERO : ZERO);
    if (all.minus(HUNDRED).abs().greaterThan("0.01")) return { kind: "withheld", total, why: { reason: "weights-not-100", weights: all } };
  }
  return { kind: "graded", total, grade: gradeOf(total, bands) };
}

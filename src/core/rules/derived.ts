/**
 * Figures several rules need, computed once from inputs. Rules that depend on another figure use
 * these recomputed values, never the reported cell, so one wrong cell yields one finding.
 */
import type { Annex3 } from "../model/annex3";
import type { Decimal} from "../numeric/decimal";
import { minDecimal, percent, percentExact, round2, sum, HUNDRED, ZERO } from "../numeric/decimal";
import { isUnreadable } from "./checks";

export interface Execution {
  /** 执行率 in percentage points, 2 dp; null when 全年预算数 is 0 or missing. */
  readonly rate: Decimal | null;
  readonly exactRate: Decimal | null;
  /** 执行率得分 = min(执行率, 100%) × 分值, 2 dp. */
  readonly score: Decimal | null;
}

export function execution(annex3: Annex3 | null): Execution {
  const funds = annex3?.funds;
  const budget = funds?.budget?.value ?? null;
  const executed = funds?.executed?.value ?? null;
  if (budget === null || executed === null) return { rate: null, exactRate: null, score: null };
  const rate = percent(executed, budget);
  const exactRate = percentExact(executed, budget);
  const weight = funds?.weight?.value ?? null;
  // The score uses the 2-dp rate, as the form shows it (seed: 10 × 99.96% = 10.00).
  const score = rate !== null && weight !== null ? round2(minDecimal(rate, HUNDRED).dividedBy(HUNDRED).times(weight)) : null;
  return { rate, exactRate, score };
}

/**
 * Sum of the indicator 得分 that hold numbers (blank ones count 0 and are reported by
 * a3.missing-field); null when one holds text or an error: its value is unknown, not 0.
 */
export function indicatorScoreSum(annex3: Annex3): Decimal | null {
  if (annex3.indicators.some((r) => isUnreadable(r.score))) return null;
  return sum(annex3.indicators.map((r) => r.score?.value).filter((v): v is Decimal => v !== null && v !== undefined));
}

/** Sum of the indicator 分值, as indicatorScoreSum: null when one cannot be read. */
export function indicatorWeightSum(annex3: Annex3): Decimal | null {
  if (annex3.indicators.some((r) => isUnreadable(r.weight))) return null;
  return sum(annex3.indicators.map((r) => r.weight?.value).filter((v): v is Decimal => v !== null && v !== undefined));
}

/**
 * The 执行率得分 term of the 总分: recomputed, 0 when the form has no 执行率 得分 at all, and
 * null (unknown) when it cannot be recomputed. The reported 得分 is never used in its place: it is
 * the very cell a3.execution-score may call wrong (the seed's 98 on a 10-point row).
 */
export function executionScoreTerm(annex3: Annex3): Decimal | null {
  if (!annex3.funds?.score) return ZERO;
  return execution(annex3).score;
}

/** The recomputed 总分: execution score (recomputed) plus the indicator scores; null when either is unknown. */
export function recomputedTotal(annex3: Annex3 | null): Decimal | null {
  if (!annex3 || annex3.indicators.length === 0) return null;
  const exec = executionScoreTerm(annex3);
  const indicators = indicatorScoreSum(annex3);
  if (exec === null || indicators === null) return null;
  return round2(indicators.plus(exec));
}

export function gradeOf(total: Decimal, bands: readonly [number, number, number]): { zh: string; en: string } {
  if (total.greaterThanOrEqualTo(bands[0])) return { zh: "优", en: "Excellent" };
  if (total.greaterThanOrEqualTo(bands[1])) return { zh: "良", en: "Good" };
  if (total.greaterThanOrEqualTo(bands[2])) return { zh: "中", en: "Fair" };
  return { zh: "差", en: "Poor" };
}

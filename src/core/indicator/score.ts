/**
 * The suggested score of a quantitative indicator (rules.md, "Quantitative scoring").
 * 正向 and 等于: full marks when reached, else actual / target × 分值. 反向: full marks within
 * the target, then a linear deduction to 0 at twice the target (formula A), or target / actual ×
 * 分值 (formula B, used by some reviewers). Where a form penalizes a 正向 target beaten by far (set
 * too low), the suggestion follows the form: no points, or a fixed deduction.
 */
import { Decimal, ONE, round2, ZERO } from "../numeric/decimal";
import type { OverCompletionSpec } from "../profiles/profile";
import type { Quantity, Target } from "./target";

export type Suggestion =
  | { readonly kind: "score"; readonly score: Decimal; readonly direction: "positive" | "reverse"; readonly overCompleted?: boolean }
  | { readonly kind: "unit-mismatch"; readonly targetUnit: string | null; readonly actualUnit: string | null }
  | { readonly kind: "not-applicable" };

export function unitsAgree(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

/** Whether a 正向 actual beats its target by the form's threshold or more. */
export function isOverCompleted(goal: Decimal, actual: Decimal, over: OverCompletionSpec): boolean {
  return goal.greaterThan(ZERO) && actual.greaterThanOrEqualTo(overCompletionMark(goal, over.thresholdPercent));
}

// goal × (1 + threshold / 100) for each goal (parsed targets are shared, so a goal recurs): not
// multiplied again for every row that has it.
const marks = new WeakMap<Decimal, { readonly threshold: number; readonly mark: Decimal }>();
function overCompletionMark(goal: Decimal, thresholdPercent: number): Decimal {
  const known = marks.get(goal);
  if (known && known.threshold === thresholdPercent) return known.mark;
  const mark = goal.times(factorOf(thresholdPercent));
  marks.set(goal, { threshold: thresholdPercent, mark });
  return mark;
}

// 1 + threshold / 100 for each threshold in use (a form has one): not rebuilt for every row.
const factors = new Map<number, Decimal>();
function factorOf(thresholdPercent: number): Decimal {
  let factor = factors.get(thresholdPercent);
  if (factor === undefined) factors.set(thresholdPercent, (factor = new Decimal(thresholdPercent).dividedBy(100).plus(1)));
  return factor;
}

export function suggestScore(target: Target, actual: Quantity | null, weight: Decimal, reverseFormula: "A" | "B", over?: OverCompletionSpec): Suggestion {
  if (target.kind !== "quantitative" || actual === null) return { kind: "not-applicable" };
  const t = target.quantity;
  if (!unitsAgree(t.unit, actual.unit)) return { kind: "unit-mismatch", targetUnit: t.unit, actualUnit: actual.unit };
  const a = actual.value;
  const goal = t.value;
  if (target.comparator === "<=" || target.comparator === "<") {
    if (a.lessThanOrEqualTo(goal)) return { kind: "score", score: round2(weight), direction: "reverse" };
    if (goal.lessThanOrEqualTo(ZERO)) return { kind: "score", score: ZERO, direction: "reverse" };
    if (reverseFormula === "B") return { kind: "score", score: round2(goal.dividedBy(a).times(weight)), direction: "reverse" };
    if (a.greaterThanOrEqualTo(goal.times(2))) return { kind: "score", score: ZERO, direction: "reverse" };
    const share = ONE.minus(a.minus(goal).dividedBy(goal));
    return { kind: "score", score: round2(share.times(weight)), direction: "reverse" };
  }
  if (goal.isZero() && target.comparator === "=") {
    return { kind: "score", score: a.lessThanOrEqualTo(ZERO) ? round2(weight) : ZERO, direction: "positive" };
  }
  if (over && over.treatment !== "note" && (target.comparator === ">=" || target.comparator === ">") && isOverCompleted(goal, a, over)) {
    const score = over.treatment === "no-points" ? ZERO : Decimal.max(ZERO, weight.minus(over.deductPoints ?? 0));
    return { kind: "score", score: round2(score), direction: "positive", overCompleted: true };
  }
  if (a.greaterThanOrEqualTo(goal)) return { kind: "score", score: round2(weight), direction: "positive" };
  const share = a.dividedBy(goal);
  return { kind: "score", score: round2(Decimal.max(ZERO, share).times(weight)), direction: "positive" };
}

/**
 * The Excel formulas of the template, as text. Every derived cell shows a blank (the formula
 * returns "") while its inputs are blank, so an empty template shows no 0 and no #DIV/0!.
 * Rounding uses Excel's ROUND, which rounds halves away from zero: the spec's ROUND_HALF_UP for
 * the non-negative amounts, rates and scores of these forms. Rates are fractions rounded to 4
 * places (2 places in percentage points) and shown with a 0.00% format, as the checker's own
 * fixes write them.
 */
import { toA1 } from "../grid/address";

export type Ref = { readonly row: number; readonly col: number };

export function a1(ref: Ref): string {
  return toA1(ref);
}

export function area(from: Ref, to: Ref): string {
  const start = toA1(from);
  const end = toA1(to);
  return start === end ? start : `${start}:${end}`;
}

/** Blank until one of the parts holds a number; then their sum to 2 places. `parts` are A1 refs or ranges. */
export function sumOf(parts: readonly string[]): string {
  const list = parts.join(",");
  return `=IF(COUNT(${list})=0,"",ROUND(SUM(${list}),2))`;
}

/** numerator ÷ denominator as a 2-dp percentage (a fraction to 4 places); blank while an input is blank or the denominator is 0. */
export function rateOf(numerator: Ref, denominator: Ref): string {
  const n = a1(numerator);
  const d = a1(denominator);
  return `=IF(OR(${n}="",${d}=""),"",IFERROR(ROUND(${n}/${d},4),""))`;
}

/** 执行率得分 = min(执行率, 100%) × 分值, 2 dp, from the 2-dp rate as the form shows it. */
export function executionScore(rate: Ref, weight: Ref): string {
  const r = a1(rate);
  const w = a1(weight);
  return `=IF(OR(${r}="",${w}=""),"",ROUND(MIN(${r},1)*${w},2))`;
}

/** Blank until one of `counted` holds a number; then the sum of `summed` to 2 places. */
export function sumWhenAny(counted: readonly string[], summed: readonly string[]): string {
  return `=IF(COUNT(${counted.join(",")})=0,"",ROUND(SUM(${summed.join(",")}),2))`;
}

/** 等级 of a total: 优 ≥ excellent, 良 ≥ good, 中 ≥ fair, else 差; blank while the total is blank. */
export function gradeOf(total: Ref, bands: readonly [number, number, number]): string {
  const t = a1(total);
  const [excellent, good, fair] = bands;
  return `=IF(${t}="","",IF(${t}>=${excellent},"优",IF(${t}>=${good},"良",IF(${t}>=${fair},"中","差"))))`;
}

/**
 * Validation: a non-negative amount with at most 2 decimals, or the dash the forms use for "not
 * applicable". IF, not AND/OR: Excel evaluates every argument of AND, ROUND("——") is #VALUE!, and
 * a validation formula that errs rejects the entry.
 */
export function amountRule(topLeft: Ref): string {
  const c = a1(topLeft);
  return `=IF(ISNUMBER(${c}),AND(${c}>=0,ROUND(${c},2)=${c}),${c}="——")`;
}

/** Validation: a score between 0 and the 分值 on its row, 2 decimals at most. */
export function scoreRule(score: Ref, weight: Ref): string {
  const s = a1(score);
  const w = a1(weight);
  return `=IF(ISNUMBER(${s}),AND(${s}>=0,${s}<=${w},ROUND(${s},2)=${s}),FALSE)`;
}

/**
 * The only module that imports decimal.js. Every amount, rate and score of the core is a Decimal.
 *
 * Policy (../shared/spec/rules.md): amounts in 万元 with 2 decimals, rates as percentages with
 * 2 decimals, scores with 2 decimals, ROUND_HALF_UP. A reported value matches a computed one when
 * the difference is within the tolerance of its kind.
 */
import DecimalJs from "decimal.js";

/** Significant digits decimal.js rounds every result to. */
const PRECISION = 40;
const D = DecimalJs.clone({ precision: PRECISION, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof D>;
export const Decimal = D;

/**
 * Comparing two Decimals without copying one. decimal.js turns the argument of every comparison
 * (gt, gte, lt, lte, eq, cmp) into a new Decimal first, even when it already is one: on a
 * 20,000-row table that copy was a sixth of the check's time. Two finite Decimals are compared here
 * from their parts (sign, exponent, base-10^7 digit groups, which decimal.js keeps without leading
 * or trailing zero groups); anything else (NaN, ±Infinity, numbers, strings) goes to decimal.js.
 * The result is the same in every case (test/core/numeric/compare.test.ts holds the two together).
 */
type Parts = { s: number; e: number; d: number[] | null };
const libraryCompare = DecimalJs.prototype.comparedTo;

export function compareDecimals(x: Decimal, y: DecimalJs.Value): number {
  if (!(y instanceof DecimalJs)) return libraryCompare.call(x, y);
  const a = x as unknown as Parts;
  const b = y as unknown as Parts;
  const ad = a.d;
  const bd = b.d;
  if (!ad || !bd) return libraryCompare.call(x, y);
  // A zero is a single 0 group, whatever its sign.
  if (ad[0] === 0 || bd[0] === 0) return ad[0] !== 0 ? a.s : bd[0] !== 0 ? -b.s : 0;
  if (a.s !== b.s) return a.s;
  const flip = a.s < 0 ? -1 : 1;
  if (a.e !== b.e) return a.e > b.e ? flip : -flip;
  const n = Math.min(ad.length, bd.length);
  for (let i = 0; i < n; i++) if (ad[i] !== bd[i]) return ad[i]! > bd[i]! ? flip : -flip;
  return ad.length === bd.length ? 0 : ad.length > bd.length ? flip : -flip;
}

// Every comparison method of decimal.js calls cmp on its receiver: installing it there makes
// gt/gte/lt/lte/eq allocation-free too. decimal.js is imported by this module only.
{
  const proto = DecimalJs.prototype as unknown as { comparedTo: unknown; cmp: unknown };
  proto.comparedTo = proto.cmp = function (this: Decimal, y: DecimalJs.Value) {
    return compareDecimals(this, y);
  };
}

export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);

/** |reported - computed| allowed for an amount (万元). */
export const AMOUNT_TOLERANCE = new D("0.01");
/** allowed for a rate, in percentage points. */
export const RATE_TOLERANCE = new D("0.01");
/** allowed for a score. */
export const SCORE_TOLERANCE = new D("0.01");

export function dec(value: number | string): Decimal {
  return new D(value);
}

// Decimals are immutable, and the same figures recur all over a table (分值 5 and 10, 得分,
// 100%): recent conversions are shared instead of parsed again. Bounded, so memory stays flat.
const CACHE_LIMIT = 10_000;
const fromNumbers = new Map<number, Decimal>();
const fromTexts = new Map<string, Decimal>();

/** The Decimal of a cell's number (exactly as `new Decimal(value)`), shared when recently made. */
export function decimalOf(value: number): Decimal {
  if (Object.is(value, -0)) return new D(value);
  let d = fromNumbers.get(value);
  if (d === undefined) {
    d = new D(value);
    if (fromNumbers.size >= CACHE_LIMIT) fromNumbers.clear();
    fromNumbers.set(value, d);
  }
  return d;
}

/** The Decimal of a numeral ("982.60"), as `new Decimal(text)`, shared when recently made. */
export function decimalOfText(text: string): Decimal {
  let d = fromTexts.get(text);
  if (d === undefined) {
    d = new D(text);
    if (fromTexts.size >= CACHE_LIMIT) fromTexts.clear();
    fromTexts.set(text, d);
  }
  return d;
}

export function round2(value: Decimal): Decimal {
  // Most figures (分值 5, 得分 4.5) already have two decimals or fewer: the same value, no copy.
  if (value.isFinite() && value.decimalPlaces() <= 2) return value;
  return value.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** Tolerance for a sum of n rounded items: 0.005 × n, at least 0.01. */
export function sumTolerance(itemCount: number): Decimal {
  const t = new D("0.005").times(itemCount);
  return t.lessThan(AMOUNT_TOLERANCE) ? AMOUNT_TOLERANCE : t;
}

export function within(a: Decimal, b: Decimal, tolerance: Decimal): boolean {
  // Most figures of a table are right: equal values need no difference computed (no new Decimals).
  if (a.eq(b)) return true;
  return a.minus(b).abs().lessThanOrEqualTo(tolerance);
}

/**
 * Whether value < reference − tolerance (a score short of its 分值 by more than rounding). Most
 * rows are not short at all: they are told apart by one comparison, with no difference computed.
 */
export function isShortBy(value: Decimal, reference: Decimal, tolerance: Decimal): boolean {
  if (value.greaterThanOrEqualTo(reference)) return false;
  return reference.minus(value).greaterThan(tolerance);
}

/**
 * The exact sum, as `values.reduce((acc, v) => acc.plus(v), ZERO)` gives it. A column of 20,000
 * 分值 made 20,000 intermediate Decimals that way; here each digit group (decimal.js keeps base-10^7
 * groups, group i of x weighing 10^(7·(floor(x.e / 7) − i))) is added into one column per weight,
 * integers well inside a double's exact range, and one Decimal is built at the end. Used only
 * when no partial sum can exceed the 40 significant digits decimal.js rounds to, so that the chain
 * of plus would not have rounded either; anything else (NaN, ±Infinity, figures spanning more
 * digits) takes the chain. test/core/numeric/sum.test.ts holds the two together.
 */
export function sum(values: readonly Decimal[]): Decimal {
  if (values.length < 8 || values.length > MAX_EXACT_TERMS) return sumByChain(values);
  let top = -Infinity;
  let bottom = Infinity;
  for (const value of values) {
    const { e, d } = value as unknown as Parts;
    if (!d) return sumByChain(values);
    if (d[0] === 0) continue;
    const first = Math.floor(e / LOG_BASE);
    top = Math.max(top, first);
    bottom = Math.min(bottom, first - d.length + 1);
  }
  if (top === -Infinity) return ZERO;
  if ((top - bottom + 1) * LOG_BASE + String(values.length).length + 1 > PRECISION) return sumByChain(values);
  const columns = new Float64Array(top - bottom + 1);
  for (const value of values) {
    const { s, e, d } = value as unknown as Parts;
    if (d![0] === 0) continue;
    const first = Math.floor(e / LOG_BASE) - bottom;
    for (let i = 0; i < d!.length; i++) columns[first - i]! += s * d![i]!;
  }
  let total = 0n;
  for (let k = columns.length - 1; k >= 0; k--) total = total * GROUP + BigInt(columns[k]!);
  return total === 0n ? ZERO : new D(`${total}e${bottom * LOG_BASE}`);
}

function sumByChain(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

const LOG_BASE = 7;
const GROUP = 10_000_000n;
/** Each column holds at most this many groups below 10^7: its sum stays an exact integer in a double. */
const MAX_EXACT_TERMS = 100_000_000;

/** numerator / denominator × 100 as a percentage, 2 dp; null when the denominator is 0. */
export function percent(numerator: Decimal, denominator: Decimal): Decimal | null {
  if (denominator.isZero()) return null;
  return round2(numerator.dividedBy(denominator).times(HUNDRED));
}

/** Unrounded percentage, for deciding whether a difference is rounding only. */
export function percentExact(numerator: Decimal, denominator: Decimal): Decimal | null {
  if (denominator.isZero()) return null;
  return numerator.dividedBy(denominator).times(HUNDRED);
}

export function minDecimal(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

/**
 * Beyond Excel's 15 significant digits a figure cannot be a real amount, and written out in full
 * (1e300 has 301 digits) it would bury the message: such values are shown in scientific notation.
 */
const HUGE = new D("1e15");
const TINY = new D("1e-6");

function scientific(value: Decimal): string {
  return value.toSignificantDigits(15, D.ROUND_HALF_UP).toExponential();
}

/** "166.67" — fixed 2 dp text used in messages and the JSON report ("1e+300" when absurdly large). */
export function fixed2(value: Decimal): string {
  if (value.abs().greaterThanOrEqualTo(HUGE)) return scientific(value);
  return value.toFixed(2, D.ROUND_HALF_UP);
}

/** Plain decimal text without trailing zeros beyond what the value needs ("98", "0.6"); scientific when absurdly large or small. */
export function plain(value: Decimal): string {
  const size = value.abs();
  if (size.greaterThanOrEqualTo(HUGE) || (!value.isZero() && size.lessThan(TINY))) return scientific(value);
  return value.toFixed();
}

/** A JavaScript number for writing into a cell; the 2-dp rounding happened before. */
export function toCellNumber(value: Decimal): number {
  return value.toNumber();
}

/**
 * compareDecimals (installed as decimal.js's cmp) gives what decimal.js's own comparison gives,
 * for every pair: both signs, zeros of either sign, exponents far apart, numbers that differ in
 * the last of many digits, NaN and infinities, and arguments that are not Decimals.
 */
import fc from "fast-check";
import type DecimalJs from "decimal.js";
import { Decimal, compareDecimals } from "../../../src/core/numeric/decimal";

// decimal.js's comparison, computed independently of the installed one: by the difference's sign.
function reference(x: InstanceType<typeof DecimalJs>, y: InstanceType<typeof DecimalJs>): number {
  if (x.isNaN() || y.isNaN()) return NaN;
  if (!x.isFinite() || !y.isFinite()) return x.eq(y) ? 0 : (x.isFinite() ? -y.s! : x.s!);
  const d = x.minus(y);
  return d.isZero() ? 0 : d.isNegative() ? -1 : 1;
}

const numeral = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer().map(String),
  fc.tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -30, max: 30 })).map(([digits, shift]) => `${digits}e${shift}`),
  fc.constantFrom("0", "-0", "0.1", "0.10000000000000000001", "0.09999999999999999999", "1e-30", "-1e-30", "9999999", "10000000", "1234567.1234567", "1234567.1234568", "NaN", "Infinity", "-Infinity"),
);

test("the same order as decimal.js on every pair", () => {
  fc.assert(fc.property(numeral, numeral, (a, b) => {
    const x = new Decimal(a);
    const y = new Decimal(b);
    expect(Object.is(compareDecimals(x, y), reference(x, y)) || (compareDecimals(x, y) === 0 && reference(x, y) === 0)).toBe(true);
    expect([x.gt(y), x.gte(y), x.lt(y), x.lte(y), x.eq(y)]).toEqual([reference(x, y) > 0, reference(x, y) >= 0, reference(x, y) < 0, reference(x, y) <= 0, reference(x, y) === 0]);
  }), { numRuns: 3000 });
});

test("numbers and strings as the argument still work (decimal.js converts them)", () => {
  const x = new Decimal("0.5");
  expect([x.gt(0), x.lt("0.6"), x.eq(0.5), x.cmp(1), new Decimal(0).eq("-0")]).toEqual([true, true, true, -1, true]);
});

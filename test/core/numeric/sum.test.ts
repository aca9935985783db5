/**
 * sum() adds digit groups in columns instead of chaining decimal.js's plus: whatever the figures,
 * it must give exactly what the chain gives (value, sign, digits, exponent).
 */
import fc from "fast-check";
import type { Decimal} from "../../../src/core/numeric/decimal";
import { dec, decimalOf, sum, ZERO } from "../../../src/core/numeric/decimal";

const chain = (values: readonly Decimal[]) => values.reduce((acc, v) => acc.plus(v), ZERO);

/** The parts decimal.js keeps, so that equal-looking results with different insides are told apart. */
function parts(value: Decimal) {
  const { s, e, d } = value as unknown as { s: number; e: number; d: number[] | null };
  return { s, e, d: d ? [...d] : null, text: value.toString() };
}

const cellNumber = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100),
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.1, 0.2, 0.3, 1e-7, 9999999.99, 1e15, -1e-12),
).map((n) => decimalOf(n));
const typed = fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: -30, max: 30 }))
  .map(([digits, exponent]) => dec(`${digits}e${exponent}`));
const odd = fc.constantFrom(dec(NaN), dec(Infinity), dec(-Infinity), dec("1e300"), dec("1e-300"));

describe("sum", () => {
  test("the same as the chain of plus for cell figures, typed figures and odd ones", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 8, arbitrary: cellNumber }, { weight: 3, arbitrary: typed }, { weight: 1, arbitrary: odd }), { maxLength: 60 }), (values) => {
        const exact = sum(values);
        const expected = chain(values);
        if (expected.isNaN()) expect(exact.isNaN()).toBe(true);
        else expect(parts(exact)).toEqual(parts(expected));
      }),
      { numRuns: 2000 },
    );
  });

  test("a long column of two-decimal scores adds up exactly (0.1 + 0.2 is 0.3 here)", () => {
    const values = Array.from({ length: 20_000 }, (_, i) => decimalOf([0.1, 0.2, 0.01, 5, 12.5][i % 5]!));
    expect(sum(values).toString()).toBe("71240");
    expect(parts(sum(values))).toEqual(parts(chain(values)));
  });

  test("figures that cancel out give a positive zero, as the chain does", () => {
    const values = [...Array.from({ length: 10 }, () => dec("1.25")), ...Array.from({ length: 10 }, () => dec("-1.25")), dec(-0)];
    expect(sum(values).isZero()).toBe(true);
    expect(sum(values).isNegative()).toBe(false);
    expect(parts(sum(values))).toEqual(parts(chain(values)));
  });

  test("figures spanning more digits than decimal.js keeps are added by the chain, rounding as it does", () => {
    const values = [dec("1e30"), ...Array.from({ length: 10 }, () => dec("1e-15")), dec("-1e30")];
    expect(parts(sum(values))).toEqual(parts(chain(values)));
  });
});

import fc from "fast-check";
import { Decimal, dec, round2 } from "../../../src/core/numeric/decimal";

describe("round2", () => {
  test("the same as toDecimalPlaces(2, ROUND_HALF_UP), also when it hands the figure back unchanged", () => {
    fc.assert(
      fc.property(fc.oneof(
        fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => dec(n / 100)),
        fc.tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: -8, max: 4 })).map(([d, e]) => dec(`${d}e${e}`)),
        fc.constantFrom(dec(0), dec(-0), dec(NaN), dec(Infinity), dec("-0.005"), dec("0.125"), dec("2.675")),
      ), (value) => {
        const expected = value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        const rounded = round2(value);
        if (expected.isNaN()) expect(rounded.isNaN()).toBe(true);
        else {
          expect(rounded.toString()).toBe(expected.toString());
          expect(rounded.isNegative()).toBe(expected.isNegative());
        }
      }),
      { numRuns: 2000 },
    );
    expect(round2(dec("2.675")).toString()).toBe("2.68");
    expect(round2(dec("-0.005")).toString()).toBe("-0.01");
  });
});

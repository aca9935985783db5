/**
 * The suggested score of a quantitative indicator (rules.md, "Quantitative scoring";
 * src/core/indicator/score.ts).
 */
import { suggestScore, unitsAgree, type Suggestion } from "../../../src/core/indicator/score";
import { parseQuantity, parseTarget } from "../../../src/core/indicator/target";
import { dec } from "../../../src/core/numeric/decimal";

function score(target: string, actual: string, weight: number, formula: "A" | "B" = "A"): Suggestion {
  return suggestScore(parseTarget(target), parseQuantity(actual), dec(weight), formula);
}

/** The suggested score as 2-dp text, or the kind of non-score. */
function points(target: string, actual: string, weight: number, formula: "A" | "B" = "A"): string {
  const s = score(target, actual, weight, formula);
  return s.kind === "score" ? s.score.toFixed(2) : s.kind;
}

describe("正向 (≥, >): full marks when reached, else actual / target × 分值", () => {
  test.each([
    ["≥30次", "34次", 8, "8.00"],
    ["≥30次", "30次", 8, "8.00"],
    ["不少于30次", "24次", 8, "6.40"],
    ["≥95%", "94%", 6, "5.94"],
    ["≥95%", "100%", 6, "6.00"],
    ["≥98%", "\u3000100%", 10, "10.00"],
    [">5次", "5次", 4, "4.00"],
    ["≥3次", "1次", 5, "1.67"],
    ["≥3次", "2次", 5, "3.33"],
    ["≥30次", "0次", 8, "0.00"],
    ["≥30次", "-5次", 8, "0.00"],
  ] as const)("%s, actual %s, 分值 %d -> %s", (target, actual, weight, expected) => {
    expect(points(target, actual, weight)).toBe(expected);
    expect(score(target, actual, weight)).toMatchObject({ kind: "score", direction: "positive" });
  });

  test("rounding is half-up to 2 dp: 29/30 × 8 = 7.7333… -> 7.73; 1/8 × 1 = 0.125 -> 0.13", () => {
    expect(points("≥30次", "29次", 8)).toBe("7.73");
    expect(points("≥8次", "1次", 1)).toBe("0.13");
  });

  // Fixed: the "target 0" rule applies to 等于 only; ≥ / > fall through to the 正向 comparison.
  test("≥0 with a positive actual is reached: full marks", () => {
    expect(points("≥0次", "5次", 5)).toBe("5.00");
  });
});

describe("等于 (=, or a bare number): as 正向", () => {
  test.each([
    ["67人", "67人", 6, "6.00"],
    ["1次", "1次", 8, "8.00"],
    ["=100%", "100%", 5, "5.00"],
    ["=100%", "120%", 5, "5.00"],
    ["2次", "1次", 4, "2.00"],
    ["30", "24", 8, "6.40"],
  ] as const)("%s, actual %s, 分值 %d -> %s", (target, actual, weight, expected) => {
    expect(points(target, actual, weight)).toBe(expected);
  });

  test("a target of 0 gives full 分值 only when actual <= 0", () => {
    expect(points("0次", "0次", 5)).toBe("5.00");
    expect(points("=0", "-1", 5)).toBe("5.00");
    expect(points("0次", "1次", 5)).toBe("0.00");
    expect(points("=0%", "0.5%", 5)).toBe("0.00");
  });
});

describe("反向 (≤, <)", () => {
  test("within the target: full marks", () => {
    expect(points("≤812.38万元", "800万元", 20)).toBe("20.00");
    expect(points("≤812.38万元", "812.38万元", 20)).toBe("20.00");
    expect(points("<10天", "10天", 10)).toBe("10.00");
    expect(score("≤10天", "5天", 10)).toMatchObject({ kind: "score", direction: "reverse" });
  });

  test("the seed's 成本 row: ≤812.38万元, 837.48万元, 分值 20 -> 19.38 (formula A), 19.40 (formula B)", () => {
    expect(points("≤812.38万元", "837.48万元", 20, "A")).toBe("19.38");
    expect(points("≤812.38万元", "837.48万元", 20, "B")).toBe("19.40");
  });

  test("formula A: (1 - (actual - target) / target) × 分值", () => {
    expect(points("≤10天", "11天", 10)).toBe("9.00");
    expect(points("≤10天", "15天", 10)).toBe("5.00");
    expect(points("≤10天", "19天", 10)).toBe("1.00");
    expect(points("≤10天", "19.99天", 10)).toBe("0.01");
  });

  test("formula A: actual >= 2 × target gives 0", () => {
    expect(points("≤10天", "20天", 10)).toBe("0.00");
    expect(points("≤10天", "25天", 10)).toBe("0.00");
    expect(points("≤812.38万元", "1624.76万元", 20)).toBe("0.00");
    expect(points("≤812.38万元", "5000万元", 20)).toBe("0.00");
  });

  test("formula B: target / actual × 分值", () => {
    expect(points("≤10天", "11天", 10, "B")).toBe("9.09");
    expect(points("≤10天", "20天", 10, "B")).toBe("5.00");
  });

  test("A and B lie within 0.05 for small overruns", () => {
    for (const actual of ["813万元", "820万元", "830万元", "837.48万元"]) {
      const a = Number(points("≤812.38万元", actual, 20, "A"));
      const b = Number(points("≤812.38万元", actual, 20, "B"));
      expect(Math.abs(a - b)).toBeLessThanOrEqual(0.05);
    }
  });

  test("a target of 0: anything above it gives 0", () => {
    expect(points("≤0次", "0次", 5)).toBe("5.00");
    expect(points("≤0次", "1次", 5)).toBe("0.00");
    expect(points("≤0次", "1次", 5, "B")).toBe("0.00");
  });

  test("元 and 万元 agree: ≤812.38万元 against 8374800元 is still 19.38", () => {
    expect(points("≤812.38万元", "8374800元", 20)).toBe("19.38");
    expect(points("≤8123800元", "837.48万元", 20)).toBe("19.38");
  });
});

describe("units and applicability", () => {
  test("different units: no score, a unit mismatch", () => {
    expect(score("≥95%", "95万元", 6)).toEqual({ kind: "unit-mismatch", targetUnit: "%", actualUnit: "万元" });
    expect(score("≥30次", "30人", 8)).toEqual({ kind: "unit-mismatch", targetUnit: "次", actualUnit: "人" });
  });

  test("% and 百分比 are the same unit", () => {
    expect(points("≥95百分比", "96%", 6)).toBe("6.00");
  });

  test("a missing unit on one side is not a mismatch", () => {
    expect(unitsAgree(null, "次")).toBe(true);
    expect(unitsAgree("次", null)).toBe(true);
    expect(unitsAgree("次", "次")).toBe(true);
    expect(unitsAgree("次", "人")).toBe(false);
    expect(points("≥30", "24次", 8)).toBe("6.40");
  });

  test("a qualitative target or a non-numeric actual: not applicable", () => {
    expect(score("2023年全年", "全年", 4)).toEqual({ kind: "not-applicable" });
    expect(score("≥30次", "全年", 4)).toEqual({ kind: "not-applicable" });
  });

  test("分值 0 gives 0", () => {
    expect(points("≥30次", "34次", 0)).toBe("0.00");
    expect(points("≤10天", "11天", 0)).toBe("0.00");
  });

  test("a non-integer 分值", () => {
    expect(points("≥30次", "24次", 7.5)).toBe("6.00");
    expect(points("≤10天", "11天", 2.5)).toBe("2.25");
  });
});

/**
 * The figures several 附件3 rules share (src/core/rules/derived.ts), read from forms built as
 * staff lay them out: the execution rate and score, the indicator sums, the recomputed 总分 and
 * its grade.
 */
import { snapshotFromSpec } from "../../../src/adapters/memory/grid-spec";
import { indexSheets, locateTables } from "../../../src/core/annex/locate";
import { HUNAN_DEPT } from "../../../src/core/profiles/hunan-dept";
import { parseAnnex3 } from "../../../src/core/annex/annex3";
import type { Annex3 } from "../../../src/core/model/annex3";
import { dec, type Decimal } from "../../../src/core/numeric/decimal";
import { GRADE_NAMES, execution, executionScoreTerm, gradeOf, indicatorScoreSum, indicatorWeightSum, recomputedTotal, type ExecutionPolicy } from "../../../src/core/rules/derived";
import { annex3Form, group, pct, workbook, type Annex3Input } from "../../helpers/forms";

function annex3(input: Annex3Input = {}): Annex3 {
  const located = locateTables(indexSheets(snapshotFromSpec(workbook(annex3Form(input)))), HUNAN_DEPT).annex3[0];
  if (!located) throw new Error("no 附件3 found");
  return parseAnnex3(located.index, located.rows, HUNAN_DEPT.selfEval);
}

const text = (d: Decimal | null) => (d === null ? null : d.toFixed());

/** Two indicator rows: 分值 6 + 4, 得分 5 + 4. */
const TWO_ROWS = group("产出指标\n(10分)", "数量指标", [["代表培训", "2次", "2次", 6, 5, "原因"], ["专项工作评议", "1次", "1次", 4, 4]]);

describe("execution", () => {
  test.each([
    ["the seed: 982.21 of 982.60 on 10 points", {}, "99.96", "10"],
    ["95% on 15 points", { budget: 1000, executed: 950, weight: 15 }, "95", "14.25"],
    ["over 100% is capped at the 分值", { budget: 1000, executed: 1050, weight: 10 }, "105", "10"],
    ["the score uses the 2-dp rate: 2/3 on 9 points", { budget: 3, executed: 2, weight: 9 }, "66.67", "6"],
    ["a rate rounded half up: 1/8 = 12.5% on 3 points", { budget: 8, executed: 1, weight: 3 }, "12.5", "0.38"],
  ] as const)("%s", (_name, funds, rate, score) => {
    const e = execution(annex3({ funds }));
    expect({ rate: text(e.rate), score: text(e.score) }).toEqual({ rate, score });
  });

  test("the exact rate keeps every digit", () => {
    const e = execution(annex3({ funds: { budget: 3, executed: 2, weight: 9 } }));
    expect(e.exactRate!.toFixed(6)).toBe("66.666667");
  });

  test.each([
    ["全年预算数 0", { budget: 0 }],
    ["全年预算数 blank", { budget: null }],
    ["全年执行数 blank", { executed: null }],
  ] as const)("%s: no rate and no score", (_name, funds) => {
    const e = execution(annex3({ funds }));
    expect([e.rate, e.score]).toEqual([null, null]);
  });

  test("no 年度资金总额 row at all: nothing", () => {
    expect(execution(annex3({ funds: null }))).toEqual({ rate: null, exactRate: null, score: null });
    expect(execution(null)).toEqual({ rate: null, exactRate: null, score: null });
  });

  test("分值 blank: a rate but no score", () => {
    const e = execution(annex3({ funds: { weight: null } }));
    expect({ rate: text(e.rate), score: e.score }).toEqual({ rate: "99.96", score: null });
  });

  test("computed once per table and policy: another policy on the same table gets its own figures", () => {
    const table = annex3({ funds: { initial: 1200, budget: 1000, executed: 1050, weight: 10 } });
    const capped = execution(table);
    expect(execution(table)).toBe(capped);
    // Two other policies: a higher cap; 年初预算数 as the denominator.
    const uncapped: ExecutionPolicy = { denominator: "budget", score: { kind: "linear", capPercent: 200 }, weight: null };
    const initial: ExecutionPolicy = { denominator: "initialBudget", score: { kind: "linear", capPercent: 100 }, weight: null };
    expect(text(execution(table, uncapped).score)).toBe("10.5");
    expect(text(execution(table, initial).rate)).toBe("87.5");
    expect(text(execution(table).score)).toBe("10");
  });
});

describe("indicator sums", () => {
  test("the seed's 15 rows: weights 90, scores 88", () => {
    const a3 = annex3();
    expect([text(indicatorWeightSum(a3)), text(indicatorScoreSum(a3))]).toEqual(["90", "88"]);
  });

  test("blank and dashed cells count 0", () => {
    const a3 = annex3({ indicators: group("产出指标", "数量指标", [["a", "1次", "1次", 6, null], ["b", "1次", "1次", "——", 4], ["c", "1次", "1次", 3, 2.5]]) });
    expect([text(indicatorWeightSum(a3)), text(indicatorScoreSum(a3))]).toEqual(["9", "6.5"]);
  });

  test("a table without a 得分 or 分值 column sums to 0 for that column", () => {
    expect(text(indicatorScoreSum(annex3({ indicatorHeaders: { score: null } })))).toBe("0");
    expect(text(indicatorWeightSum(annex3({ indicatorHeaders: { weight: null } })))).toBe("0");
  });

  test("a score that is text makes the sum unknown, not smaller", () => {
    const a3 = annex3({ indicators: group("产出指标", "数量指标", [["a", "1次", "1次", 6, "约5"], ["b", "1次", "1次", 4, 4]]) });
    expect(indicatorScoreSum(a3)).toBeNull();
    expect(text(indicatorWeightSum(a3))).toBe("10");
  });

  test("a weight that is an Excel error makes the weight sum unknown", () => {
    const a3 = annex3({ indicators: group("产出指标", "数量指标", [["a", "1次", "1次", { v: { error: "#REF!" } }, 5], ["b", "1次", "1次", 4, 4]]) });
    expect(indicatorWeightSum(a3)).toBeNull();
    expect(text(indicatorScoreSum(a3))).toBe("9");
  });
});

describe("recomputedTotal", () => {
  test("the seed: 10.00 recomputed (not the 98 written) + 88 = 98", () => {
    expect(text(recomputedTotal(annex3()))).toBe("98");
  });

  test("execution score + indicator scores, rounded to 2 dp", () => {
    // 2/3 of 9 points = 6.00, plus 5 + 4
    expect(text(recomputedTotal(annex3({ funds: { budget: 3, executed: 2, weight: 9 }, indicators: TWO_ROWS })))).toBe("15");
    expect(text(recomputedTotal(annex3({ funds: { budget: 8, executed: 1, weight: 3 }, indicators: TWO_ROWS })))).toBe("9.38");
  });

  test("the reported execution score is never used in its place", () => {
    expect(text(recomputedTotal(annex3({ funds: { score: 3 }, indicators: TWO_ROWS })))).toBe("19");
  });

  test("a form without the 执行率 得分 counts it 0", () => {
    expect(text(executionScoreTerm(annex3({ funds: { score: null }, indicators: TWO_ROWS })))).toBe("10");
    const noScoreHeader = annex3({ funds: { headers: { score: null }, score: null }, indicators: TWO_ROWS });
    expect(text(executionScoreTerm(noScoreHeader))).toBe("0");
    expect(text(recomputedTotal(noScoreHeader))).toBe("9");
  });

  test("an execution score that cannot be recomputed (budget 0) makes the total unknown", () => {
    const a3 = annex3({ funds: { budget: 0 }, indicators: TWO_ROWS });
    expect(executionScoreTerm(a3)).toBeNull();
    expect(recomputedTotal(a3)).toBeNull();
  });

  test("an unreadable indicator score makes the total unknown", () => {
    expect(recomputedTotal(annex3({ indicators: group("产出指标", "数量指标", [["a", "1次", "1次", 6, "约5"]]) }))).toBeNull();
  });

  test("no indicator rows: no total", () => {
    expect(recomputedTotal(annex3({ indicators: [] }))).toBeNull();
    expect(recomputedTotal(null)).toBeNull();
  });

  test("a rate cell written wrong does not matter", () => {
    expect(text(recomputedTotal(annex3({ funds: { rate: pct(0.5) }, indicators: TWO_ROWS })))).toBe("19");
  });
});

describe("gradeOf", () => {
  test.each([
    ["100", [90, 80, 60], "优", "Excellent"],
    ["90", [90, 80, 60], "优", "Excellent"],
    ["89.99", [90, 80, 60], "良", "Good"],
    ["80", [90, 80, 60], "良", "Good"],
    ["79.99", [90, 80, 60], "中", "Fair"],
    ["60", [90, 80, 60], "中", "Fair"],
    ["59.99", [90, 80, 60], "差", "Poor"],
    ["0", [90, 80, 60], "差", "Poor"],
    ["80", [80, 70, 60], "优", "Excellent"],
    ["70", [80, 70, 60], "良", "Good"],
    ["69.99", [80, 70, 60], "中", "Fair"],
  ] as const)("%s with bands %j: %s", (total, bands, zh, en) => {
    expect(GRADE_NAMES[gradeOf(dec(total), bands)]).toEqual({ zh, en });
  });
});

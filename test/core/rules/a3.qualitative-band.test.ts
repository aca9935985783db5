import { annex3Form, seedWorkbook, withIndicators, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";
import fc from "fast-check";
import { validate } from "../../../src/core";
import { snapshotFromSpec } from "../../../src/adapters/memory/grid-spec";
import { dec } from "../../../src/core/numeric/decimal";

// Seed rows used: 服务对象满意度 row 25 (分值 10), 保障基本支出，完成年初计划 row 22 (分值 15),
// 代表培训 row 18 (分值 4). 得分 in column H.
const seedWith = (patches: Record<string, Partial<IndicatorInput>>) => workbook(annex3Form({ indicators: withIndicators(patches) }));
const outOf10 = (actual: string, score: number) => seedWith({ 服务对象满意度: { target: "达成年度指标", actual, score, reason: "见说明" } });

const ACHIEVED = "达成年度指标";
const PARTIAL = "部分达成年度指标并具有一定效果";
const NOT_ACHIEVED = "未达成年度指标且效果较差";

testRule("a3.qualitative-band", {
  valid: [
    { name: "分值 blank: no band to check", workbook: seedWith({ 服务对象满意度: { target: ACHIEVED, actual: ACHIEVED, weight: null, score: 5, reason: "x" } }) },
    { name: "得分 blank: no band to check", workbook: seedWith({ 服务对象满意度: { target: ACHIEVED, actual: ACHIEVED, score: null, reason: "x" } }) },
    { name: "a row worth 0 points is not banded", workbook: seedWith({ 服务对象满意度: { target: ACHIEVED, actual: ACHIEVED, weight: 0, score: 0, reason: "见说明" } }) },
    { name: "the seed: no row says 达成/部分达成/未达成", workbook: seedWorkbook() },
    { name: "达成年度指标 with 8 of 10 (80% included)", workbook: outOf10(ACHIEVED, 8) },
    { name: "达成年度指标 with 10 of 10", workbook: outOf10(ACHIEVED, 10) },
    { name: "部分达成… with 6 of 10 (60% included)", workbook: outOf10(PARTIAL, 6) },
    { name: "部分达成… with 7.99 of 10", workbook: outOf10(PARTIAL, 7.99) },
    { name: "未达成… with 5.99 of 10", workbook: outOf10(NOT_ACHIEVED, 5.99) },
    { name: "short forms: 部分达成 with 7 of 10", workbook: outOf10("部分达成", 7) },
    { name: "the doc page's example: 未达成 2 of 4 (below 2.4)", workbook: seedWith({ 代表培训: { actual: "未达成", score: 2, reason: "培训延期" } }) },
    { name: "a quantitative actual is not banded", workbook: outOf10("98%", 7) },
  ],
  invalid: [
    {
      name: "达成年度指标 with 7 of 10",
      workbook: outOf10(ACHIEVED, 7),
      findings: [{ cell: "附件3!H25", severity: "warning", expected: "8..10", actual: "7", fix: "none", related: ["附件3!F25", "附件3!G25"], messageIncludes: ["达成年度指标", "80%"] }],
    },
    {
      name: "部分达成… with 8 of 10: 80% belongs to 达成",
      workbook: outOf10(PARTIAL, 8),
      findings: [{ cell: "附件3!H25", severity: "warning", expected: "6..8", actual: "8" }],
    },
    {
      name: "the doc page's example: 部分达成… with 9 of 10",
      workbook: outOf10(PARTIAL, 9),
      findings: [{ cell: "附件3!H25", severity: "warning", expected: "6..8", actual: "9" }],
    },
    {
      name: "部分达成… with 5 of 10",
      workbook: outOf10(PARTIAL, 5),
      findings: [{ cell: "附件3!H25", severity: "warning", expected: "6..8", actual: "5" }],
    },
    {
      name: "未达成… with 6 of 10: 60% belongs to 部分达成",
      workbook: outOf10(NOT_ACHIEVED, 6),
      findings: [{ cell: "附件3!H25", severity: "warning", expected: "0..6", actual: "6" }],
    },
    {
      name: "the doc page's example: 达成年度指标 with 11 of 15",
      workbook: seedWith({ "保障基本支出，完成年初计划": { actual: ACHIEVED, score: 11, reason: "部分活动延期" } }),
      findings: [{ cell: "附件3!H22", severity: "warning", expected: "12..15", actual: "11" }],
    },
    {
      name: "部分达成 with full marks, word for word",
      workbook: seedWith({ 代表培训: { actual: "部分达成", score: 4 } }),
      findings: [{
        cell: "附件3!H18", severity: "warning", expected: "2.4..3.2", actual: "4", related: ["附件3!F18", "附件3!G18"],
        message: {
          zh: "指标“代表培训”完成情况为“部分达成”（部分达成：60%–80%），得分应在 2.4–3.2 之间，表中为 4",
          en: "Indicator \"代表培训\" is marked \"部分达成\" (partly achieved: 60%–80%); its score should lie in 2.4–3.2, the sheet says 4",
        },
      }],
    },
    {
      name: "达成年度指标 above full marks (10.01 of 10), word for word",
      workbook: outOf10(ACHIEVED, 10.01),
      findings: [{
        cell: "附件3!H25", severity: "warning", expected: "8..10", actual: "10.01",
        message: {
          zh: "指标“服务对象满意度”完成情况为“达成年度指标”（达成年度指标：80%–100%），得分应在 8–10 之间，表中为 10.01",
          en: "Indicator \"服务对象满意度\" is marked \"达成年度指标\" (achieved: 80%–100%); its score should lie in 8–10, the sheet says 10.01",
        },
      }],
    },
    {
      name: "未达成 below 0, word for word",
      workbook: outOf10("未达成", -0.5),
      findings: [{
        cell: "附件3!H25", severity: "warning", expected: "0..6", actual: "-0.5",
        message: {
          zh: "指标“服务对象满意度”完成情况为“未达成”（未达成：0–60%），得分应在 0–6 之间，表中为 -0.5",
          en: "Indicator \"服务对象满意度\" is marked \"未达成\" (not achieved: 0–60%); its score should lie in 0–6, the sheet says -0.5",
        },
      }],
    },
    {
      name: "the outcome is quoted without its padding",
      workbook: outOf10("\u3000部分达成 ", 10),
      findings: [{ cell: "附件3!H25", severity: "warning", messageIncludes: ["完成情况为“部分达成”（", "is marked \"部分达成\" ("] }],
    },
  ],
});

describe("a3.qualitative-band against the band worked out by division", () => {
  // The rule holds the score against low × 分值 and high × 分值 instead of dividing it by the 分值:
  // for any 分值 and 得分 (two decimals, as typed) it must flag exactly the scores whose share
  // score ÷ 分值 lies outside the band.
  const BANDS = { [ACHIEVED]: ["0.8", "1", true], [PARTIAL]: ["0.6", "0.8", false], [NOT_ACHIEVED]: ["0", "0.6", false] } as const;
  const cents = fc.integer({ min: -500, max: 5000 }).map((n) => n / 100);
  test("flags exactly the shares outside the band", () => {
    fc.assert(
      fc.property(fc.constantFrom(ACHIEVED, PARTIAL, NOT_ACHIEVED), fc.integer({ min: 1, max: 3000 }).map((n) => n / 100), cents, (actual, weight, score) => {
        const [low, high, highIncluded] = BANDS[actual];
        const share = dec(score).dividedBy(dec(weight));
        const inBand = share.greaterThanOrEqualTo(low) && (highIncluded ? share.lessThanOrEqualTo(high) : share.lessThan(high));
        const findings = validate(snapshotFromSpec(seedWith({ 服务对象满意度: { target: ACHIEVED, actual, weight, score, reason: "见说明" } })))
          .findings.filter((f) => f.ruleId === "a3.qualitative-band");
        expect(findings.length).toBe(inBand ? 0 : 1);
      }),
      { numRuns: 150 },
    );
  });
});

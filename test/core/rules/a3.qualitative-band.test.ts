import { annex3Form, seedWorkbook, withIndicators, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// Seed rows used: 服务对象满意度 row 25 (分值 10), 保障基本支出，完成年初计划 row 22 (分值 15),
// 代表培训 row 18 (分值 4). 得分 in column H.
const seedWith = (patches: Record<string, Partial<IndicatorInput>>) => workbook(annex3Form({ indicators: withIndicators(patches) }));
const outOf10 = (actual: string, score: number) => seedWith({ 服务对象满意度: { target: "达成年度指标", actual, score, reason: "见说明" } });

const ACHIEVED = "达成年度指标";
const PARTIAL = "部分达成年度指标并具有一定效果";
const NOT_ACHIEVED = "未达成年度指标且效果较差";

testRule("a3.qualitative-band", {
  valid: [
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
  ],
});

import { annex3Form, SEED_INDICATORS, seedWorkbook, withIndicators, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 专题视察、调研 is row 16 (分值 8); its 偏差原因分析及改进措施 cell is I16.
const visits = (patch: Partial<IndicatorInput>) => workbook(annex3Form({ indicators: withIndicators({ "专题视察、调研": patch }) }));

testRule("a3.deviation-reason", {
  valid: [
    { name: "no 年度资金 row or indicator changes: a blank 得分 is not a deduction", workbook: visits({ score: null, reason: null }) },
    { name: "a blank 分值 is not a deduction", workbook: visits({ weight: null, score: 7, reason: null }) },
    { name: "the seed: both deducted rows give a reason", workbook: seedWorkbook() },
    { name: "full marks need no reason", workbook: visits({ score: 8, reason: null }) },
    { name: "a deduction with a reason", workbook: visits({ score: 7, reason: "部分调研因汛期推迟" }) },
    {
      name: "7.99 on 8 is within the 0.01 tolerance",
      workbook: visits({ score: 7.99, reason: null }),
    },
  ],
  invalid: [
    {
      name: "the doc page's example: 8 → 7 with the reason blank",
      workbook: visits({ score: 7, reason: null }),
      findings: [{ cell: "附件3!I16", severity: "warning", expected: null, actual: null, fix: "none", related: ["附件3!H16", "附件3!G16"], messageIncludes: ["专题视察、调研", "7", "8"] }],
    },
    {
      name: "only spaces, an ideographic space or a line break count as blank",
      workbook: workbook(annex3Form({
        indicators: withIndicators({
          "专题视察、调研": { score: 7, reason: "   " },
          专项工作评议: { score: 3, reason: "\u3000" },
          代表培训: { score: 3, reason: " \n " },
        }),
      })),
      findings: [
        { cell: "附件3!I16", severity: "warning" },
        { cell: "附件3!I17", severity: "warning" },
        { cell: "附件3!I18", severity: "warning" },
      ],
    },
    {
      name: "7.98 on 8 is beyond the 0.01 tolerance",
      workbook: visits({ score: 7.98, reason: null }),
      findings: [{ cell: "附件3!I16", severity: "warning", messageIncludes: ["得分 7.98 低于分值 8"] }],
    },
    {
      name: "the doc page's example, word for word",
      workbook: visits({ score: 7, reason: null }),
      findings: [{
        cell: "附件3!I16",
        message: {
          zh: "指标“专题视察、调研”得分 7 低于分值 8，须填写偏差原因分析及改进措施",
          en: "Indicator \"专题视察、调研\" scores 7 below its weight of 8; a deviation reason is required",
        },
      }],
    },
    {
      name: "without a 偏差原因 column the finding points at the 得分",
      workbook: workbook(annex3Form({ indicatorHeaders: { reason: null }, indicators: SEED_INDICATORS.map((r) => ({ ...r, reason: undefined })) })),
      findings: [
        { cell: "附件3!H24", severity: "warning", related: ["附件3!H24", "附件3!G24"], messageIncludes: ["得分 2 低于分值 3"] },
        { cell: "附件3!H26", severity: "warning", related: ["附件3!H26", "附件3!G26"], messageIncludes: ["得分 19 低于分值 20"] },
      ],
    },
  ],
});

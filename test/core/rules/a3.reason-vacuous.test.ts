import { annex3Form, IDEOGRAPHIC_SPACE, seedWorkbook, withIndicators, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 专题视察、调研 is row 16 (分值 8 in G16, 得分 H16); its 偏差原因分析及改进措施 cell is I16.
const visits = (patch: Partial<IndicatorInput>) => workbook(annex3Form({ indicators: withIndicators({ "专题视察、调研": patch }) }));

testRule("a3.reason-vacuous", {
  valid: [
    { name: "the seed: both deducted rows give a real reason", workbook: seedWorkbook() },
    { name: "a deduction with a real reason", workbook: visits({ actual: "28次", score: 7, reason: "部分调研因汛期推迟，下年度提前安排" }) },
    { name: "\"无\" under full marks: nothing to explain", workbook: visits({ score: 8, reason: "无" }) },
    { name: "7.99 on 8 is within the 0.01 tolerance: no deduction", workbook: visits({ score: 7.99, reason: "无" }) },
    { name: "a sentence that starts with 无 is a reason (\"无法按期开展，下年度提前安排\")", workbook: visits({ score: 7, reason: "无法按期开展，下年度提前安排" }) },
    { name: "a blank reason is a3.deviation-reason's, not this rule's", workbook: visits({ score: 7, reason: null }) },
  ],
  invalid: [
    {
      name: "word for word: 8 → 7 with \"无\" as the reason",
      workbook: visits({ score: 7, reason: "无" }),
      findings: [{
        cell: "附件3!I16",
        severity: "warning",
        expected: null,
        actual: "无",
        fix: "none",
        related: ["附件3!H16", "附件3!G16"],
        message: {
          zh: "指标“专题视察、调研”得分 7 低于分值 8，但偏差原因分析及改进措施只写了“无”，请写明未达成的原因和改进措施",
          en: "Indicator \"专题视察、调研\" scores 7 below its weight of 8, but the deviation reason only says \"无\"; state why the target was missed and what will change",
        },
      }],
    },
    {
      name: "\"/\" typed into the reason cell",
      workbook: visits({ score: 6.4, reason: "/" }),
      findings: [{ cell: "附件3!I16", severity: "warning", actual: "/", messageIncludes: ["得分 6.4 低于分值 8"] }],
    },
    {
      name: "\"暂无。\" with its full stop",
      workbook: visits({ score: 7, reason: "暂无。" }),
      findings: [{ cell: "附件3!I16", severity: "warning", actual: "暂无。" }],
    },
    {
      name: "dashes (\"——\") and \"略\" on two deducted rows",
      workbook: workbook(annex3Form({
        indicators: withIndicators({ "专题视察、调研": { score: 7, reason: "——" }, 代表培训: { score: 3, reason: "略" } }),
      })),
      findings: [
        { cell: "附件3!I16", severity: "warning", actual: "——" },
        { cell: "附件3!I18", severity: "warning", actual: "略", related: ["附件3!H18", "附件3!G18"] },
      ],
    },
    {
      name: "\"无\" padded with ideographic spaces is still only 无",
      workbook: visits({ score: 7, reason: `${IDEOGRAPHIC_SPACE}无${IDEOGRAPHIC_SPACE}` }),
      findings: [{ cell: "附件3!I16", severity: "warning", actual: "无" }],
    },
    {
      name: "7.98 on 8 is a deduction beyond the tolerance: \"无偏差\" explains nothing",
      workbook: visits({ score: 7.98, reason: "无偏差" }),
      findings: [{ cell: "附件3!I16", severity: "warning", messageIncludes: ["得分 7.98 低于分值 8", "只写了“无偏差”"] }],
    },
    {
      name: "the seed's cost row (19 of 20) with its reason replaced by \"不适用\"",
      workbook: workbook(annex3Form({ indicators: withIndicators({ "人员、运转类等办公基本保障和专项支出": { reason: "不适用" } }) })),
      findings: [{ cell: "附件3!I26", severity: "warning", actual: "不适用", messageIncludes: ["得分 19 低于分值 20"] }],
    },
  ],
});

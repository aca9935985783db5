import { annex3Form, group, seedWorkbook, withIndicators, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// Seed rows: 专项工作评议 17, 代表培训 18, 工作保障时效 20. Columns E 年度指标值, F 实际完成值, G 分值, H 得分.
const seedWith = (patches: Record<string, Partial<IndicatorInput>>) => workbook(annex3Form({ indicators: withIndicators(patches) }));

testRule("a3.missing-field", {
  valid: [
    { name: "\"/\" placeholder rows may be blank", workbook: workbook(annex3Form({ indicators: group("产出指标", "数量指标", [["/", "/", "/", null, null], ["会议", "1次", "1次", 5, 5]]) })) },
    { name: "the seed: every row filled, three \"/\" placeholder rows", workbook: seedWorkbook() },
    { name: "a blank reason is not a missing field", workbook: seedWith({ 代表培训: { reason: null } }) },
    { name: "a number typed as 年度指标值 (30 instead of \"30次\") is filled", workbook: seedWith({ "专题视察、调研": { target: 30, actual: 34 } }) },
  ],
  invalid: [
    {
      name: "the doc page's examples: 代表培训 without 实际完成值, 工作保障时效 without 年度指标值, 专项工作评议 without 分值",
      workbook: seedWith({ 代表培训: { actual: null }, 工作保障时效: { target: null }, 专项工作评议: { weight: null } }),
      findings: [
        { cell: "附件3!G17", severity: "warning", expected: null, actual: null, fix: "none", messageIncludes: ["专项工作评议", "分值"] },
        { cell: "附件3!F18", severity: "warning", messageIncludes: ["代表培训", "实际完成值"] },
        { cell: "附件3!E20", severity: "warning", messageIncludes: ["工作保障时效", "年度指标值"] },
      ],
    },
    {
      name: "cells holding only spaces or an ideographic space are blank",
      workbook: seedWith({ 代表培训: { actual: "   " }, 工作保障时效: { target: "\u3000" } }),
      findings: [{ cell: "附件3!F18", severity: "warning" }, { cell: "附件3!E20", severity: "warning" }],
    },
    {
      name: "a dash for 分值 is not a weight",
      workbook: seedWith({ 专项工作评议: { weight: "——" } }),
      findings: [{ cell: "附件3!G17", severity: "warning" }],
    },
    {
      name: "one finding per row, at the first missing cell, naming every missing field",
      workbook: seedWith({ 代表培训: { target: null, actual: null } }),
      findings: [{ cell: "附件3!E18", severity: "warning", messageIncludes: ["年度指标值", "实际完成值"] }],
    },
    {
      name: "every field missing, word for word, at the 分值 cell",
      workbook: seedWith({ 代表培训: { target: null, actual: null, weight: null, score: null } }),
      findings: [{ cell: "附件3!G18", message: { zh: "指标“代表培训”缺少分值、年度指标值、实际完成值、得分", en: "Indicator \"代表培训\" lacks its weight, target, actual, score" } }],
    },
    {
      name: "a blank 得分 alone",
      workbook: seedWith({ 代表培训: { score: null } }),
      findings: [{ cell: "附件3!H18", severity: "warning", message: { zh: "指标“代表培训”缺少得分", en: "Indicator \"代表培训\" lacks its score" } }],
    },
    {
      name: "a row without 三级指标 is named by its row number",
      workbook: workbook(annex3Form({ indicators: group("产出指标", "数量指标", [[null, "1次", null, 5, 5]]) })),
      findings: [{ cell: "附件3!F14", severity: "warning", message: { zh: "指标“第 14 行”缺少实际完成值", en: "Indicator \"row 14\" lacks its actual" } }],
    },
    {
      name: "no 分值 column: the finding points at the row's 三级指标",
      workbook: workbook(annex3Form({ indicatorHeaders: { weight: null }, indicators: group("产出指标", "数量指标", [["会议", "1次", "1次", null, 5]]) })),
      findings: [{ cell: "附件3!D14", severity: "warning", message: { zh: "指标“会议”缺少分值", en: "Indicator \"会议\" lacks its weight" } }],
    },
  ],
});

import { annex3Form, group, seedWorkbook, withIndicators, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// Indicator rows start on row 14; the 一级指标 label is in column B, merged down over its rows.
const table = (indicators: IndicatorInput[]) => workbook(annex3Form({ indicators, total: { weight: 100, score: null } }));

testRule("a3.level1-weight", {
  valid: [
    { name: "the seed: 40 / 20 / 10 / 20, \"/\" rows counting 0", workbook: seedWorkbook() },
    {
      name: "\"产出指标(40分)\" on one line with rows summing 40",
      workbook: table(group("产出指标(40分)", "数量指标", [["会议", "2次", "2次", 20, 20], ["调研", "不少于30次", "34次", 20, 20]])),
    },
    { name: "full-width brackets: 产出指标（40分）", workbook: table(group("产出指标（40分）", "数量指标", [["会议", "2次", "2次", 40, 40]])) },
    { name: "a label reduced to \"(50分)\"", workbook: table(group("(50分)", "数量指标", [["会议", "2次", "2次", 25, 25], ["调研", "2次", "2次", 25, 25]])) },
    { name: "a label without a weight is not checked", workbook: table(group("产出指标", "数量指标", [["会议", "2次", "2次", 7, 7]])) },
    {
      name: "40 split three ways as 13.33 + 13.33 + 13.33 = 39.99, within the 0.01 tolerance",
      workbook: table(group("产出指标\n(40分)", "数量指标", [["会议", "2次", "2次", 13.33, 13.33], ["调研", "2次", "2次", 13.33, 13.33], ["培训", "2次", "2次", 13.33, 13.33]])),
    },
  ],
  invalid: [
    {
      name: "\"产出指标(40分)\" with rows summing 38",
      workbook: table(group("产出指标(40分)", "数量指标", [["会议", "2次", "2次", 20, 20], ["调研", "不少于30次", "34次", 18, 18]])),
      findings: [{ cell: "附件3!B14", severity: "error", expected: "40", actual: "38", fix: "none", related: ["附件3!G14", "附件3!G15"], messageIncludes: ["40 分", "38.00"] }],
    },
    {
      name: "the doc page's example: the seed's 产出指标 rows as 6 + 8 + 8 + 4 + 4 + 6 + 6 = 42",
      workbook: workbook(annex3Form({ indicators: withIndicators({ 工作保障时效: { weight: 6 } }) })),
      findings: [{ cell: "附件3!B14", severity: "error", expected: "40", actual: "42" }],
    },
    {
      name: "each group on its own: 效益指标（20分） with 2 + 15 + 0 + 5",
      workbook: workbook(annex3Form({ indicators: withIndicators({ 持续推动新时代基层人大工作迈上新台阶: { weight: 5 } }) })),
      findings: [{ cell: "附件3!B21", severity: "error", expected: "20", actual: "22" }],
    },
  ],
});

import { annex3Form, group, seedWorkbook, withIndicators, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// Indicator rows start on row 14; the 一级指标 label is in column B, merged down over its rows.
const table = (indicators: IndicatorInput[]) => workbook(annex3Form({ indicators, total: { weight: 100, score: null } }));

testRule("a3.level1-weight", {
  valid: [
    { name: "a group with a 分值 that is text is not checked: its sum is unknown", workbook: table(group("产出指标(40分)", "数量指标", [["会议", "1次", "1次", 20, 20], ["调研", "1次", "1次", "约20", 20]])) },
    { name: "a group whose rows have no 分值 is not checked", workbook: table(group("产出指标(40分)", "数量指标", [["会议", "2次", "2次", null, 20]])) },
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
    {
      name: "the doc page's example, word for word",
      workbook: workbook(annex3Form({ indicators: withIndicators({ 工作保障时效: { weight: 6 } }) })),
      findings: [{
        cell: "附件3!B14",
        message: { zh: "“产出指标(40分)”标注 40 分，其下各行分值合计 42.00", en: "\"产出指标(40分)\" states 40 points but its rows' weights add up to 42.00" },
      }],
    },
    {
      name: "0.02 short of the stated weight is beyond the tolerance",
      workbook: table(group("产出指标(40分)", "数量指标", [["会议", "2次", "2次", 20, 20], ["调研", "2次", "2次", 19.98, 19.98]])),
      findings: [{ cell: "附件3!B14", severity: "error", expected: "40", actual: "39.98" }],
    },
    {
      name: "a text 分值 in one group does not stop the check of another",
      workbook: table([
        ...group("产出指标(40分)", "数量指标", [["会议", "1次", "1次", 20, 20], ["调研", "1次", "1次", "约20", 20]]),
        ...group("效益指标(20分)", "社会效益指标", [["履职", "1次", "1次", 15, 15], ["宣传", "1次", "1次", 3, 3]]),
      ]),
      findings: [{ cell: "附件3!B16", severity: "error", expected: "20", actual: "18", message: { zh: "“效益指标(20分)”标注 20 分，其下各行分值合计 18.00", en: "\"效益指标(20分)\" states 20 points but its rows' weights add up to 18.00" } }],
    },
  ],
});

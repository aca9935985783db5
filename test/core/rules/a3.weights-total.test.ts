import { annex3Form, group, seedWorkbook, workbook, type Annex3Input, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 执行率 分值 on G5 (10 in the seed); indicator 分值 in column G from row 14; 总分 分值 on G29 in the seed.
const SCHEME_50_30_10: IndicatorInput[] = [
  ...group("产出指标\n(50分)", "数量指标", [["召开会议", "不少于10次", "11次", 25, 25], ["视察调研", "不少于30次", "34次", 25, 25]]),
  ...group("效益指标\n(30分)", "社会效益指标", [["履职成效", "达成年度指标", "达成年度指标", 30, 28, "个别工作推进偏慢"]]),
  ...group("满意度指标\n(10分)", "服务对象满意度指标", [["代表满意度", "≥95%", "98%", 10, 10]]),
];
// With these four rows, the 总分 row is row 18.
const scheme = (indicators: IndicatorInput[], total: Annex3Input["total"]) => workbook(annex3Form({ indicators, total }));

testRule("a3.weights-total", {
  valid: [
    { name: "the seed: 10 + 40 + 20 + 10 + 20 = 100", workbook: seedWorkbook() },
    { name: "产出50/效益30/满意度10 + 执行率10", workbook: scheme(SCHEME_50_30_10, { weight: 100, score: 98 }) },
    { name: "总分 labelled 合计", workbook: scheme(SCHEME_50_30_10, { label: "合计", weight: 100, score: 98 }) },
    {
      name: "weights with decimals: 10 + 3 × 13.33 + 50 = 99.99, within the 0.01 tolerance",
      workbook: scheme([
        ...group("产出指标\n(40分)", "数量指标", [["会议", "2次", "2次", 13.33, 13.33], ["调研", "2次", "2次", 13.33, 13.33], ["培训", "2次", "2次", 13.33, 13.33]]),
        ...group("效益指标\n(50分)", "社会效益指标", [["履职成效", "达成", "达成", 50, 50]]),
      ], { weight: 100, score: 99.99 }),
    },
  ],
  invalid: [
    {
      name: "the doc page's example: 10 + 45 + 30 + 10 = 95",
      workbook: scheme(SCHEME_50_30_10.map((r) => (r.level3 === "视察调研" ? { ...r, weight: 20, score: 20 } : r)), { weight: 100, score: 93 }),
      findings: [{ cell: "附件3!G18", severity: "error", expected: "100", actual: "95", fix: "none", messageIncludes: ["95.00", "100"] }],
    },
    {
      name: "rows summing 100 but 总分 分值 says 90",
      workbook: scheme(SCHEME_50_30_10, { weight: 90, score: 98 }),
      findings: [{ cell: "附件3!G18", severity: "error", expected: "100", actual: "90", fix: "safe" }],
      fixed: { "附件3!G18": 100 },
    },
    {
      name: "a blank 总分 分值: info with a fix",
      workbook: scheme(SCHEME_50_30_10, { weight: null, score: 98 }),
      findings: [{ cell: "附件3!G18", severity: "info", expected: "100", actual: null, fix: "safe" }],
      fixed: { "附件3!G18": 100 },
    },
    {
      name: "the execution 分值 counts: 15 + 90 = 105",
      workbook: workbook(annex3Form({ funds: { weight: 15, score: 15 } })),
      findings: [{ cell: "附件3!G29", severity: "error", expected: "100", actual: "105" }],
    },
  ],
});

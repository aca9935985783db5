import { annex3Form, group, seedWorkbook, withIndicators, workbook, type Annex3Input, type IndicatorInput } from "../../helpers/forms";
import { run, testRule } from "../../helpers/rule-tester";

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
    { name: "an indicator 分值 that is text: the sum is unknown, nothing to check", workbook: scheme(SCHEME_50_30_10.map((r) => (r.level3 === "视察调研" ? { ...r, weight: "约25" } : r)), { weight: 90, score: 98 }) },
    { name: "an execution 分值 that is text: the sum is unknown, nothing to check", workbook: workbook(annex3Form({ funds: { weight: "约10" }, total: { weight: 90, score: 98 } })) },
    { name: "no 年度资金总额 row, indicators worth 100", workbook: workbook(annex3Form({ funds: null, indicators: withIndicators({ 代表培训: { weight: 14, score: 4 } }) })) },
    { name: "no indicator rows: nothing to add up", workbook: workbook(annex3Form({ indicators: [] })) },
    { name: "no 总分 row: nothing to check", workbook: workbook(annex3Form({ total: null })) },
    {
      name: "not one indicator 分值 typed yet (a table being filled in): nothing to add up",
      workbook: scheme(SCHEME_50_30_10.map((r) => ({ ...r, weight: null, score: null })), { weight: null, score: null }),
    },
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
    {
      name: "weights that do not make 100, word for word",
      workbook: workbook(annex3Form({ funds: { weight: 15, score: 15 } })),
      findings: [{ cell: "附件3!G29", message: { zh: "执行率分值 15 与各指标分值合计 105.00，应为 100", en: "The execution weight 15 and indicator weights add up to 105.00, not 100" } }],
    },
    {
      name: "a wrong 总分 分值, word for word",
      workbook: workbook(annex3Form({ total: { weight: 90, score: 98 } })),
      findings: [{
        cell: "附件3!G29",
        message: { zh: "总分分值应为 100.00（执行率 10 + 指标 90），表中为 90.00", en: "The total weight should be 100.00 (execution 10 + indicators 90); the sheet says 90.00" },
      }],
    },
    {
      name: "no 年度资金总额 row: the execution weight reads as —, word for word",
      workbook: workbook(annex3Form({ funds: null })),
      findings: [{ cell: "附件3!G27", severity: "error", expected: "100", actual: "90", message: { zh: "执行率分值 — 与各指标分值合计 90.00，应为 100", en: "The execution weight — and indicator weights add up to 90.00, not 100" } }],
    },
    {
      name: "the finding points at the execution 分值 and every indicator 分值 that holds a number",
      workbook: workbook(annex3Form({
        indicators: [
          ...group("产出指标(50分)", "数量指标", [["会议", "2次", "2次", 50, 50], ["调研", "/", "/", null, null]]),
          ...group("效益指标(40分)", "社会效益指标", [["履职", "达成", "达成", 40, 40]]),
        ],
        total: { weight: 90, score: 100 },
      })),
      findings: [{ cell: "附件3!G17", severity: "error", expected: "100", actual: "90", related: ["附件3!G5", "附件3!G14", "附件3!G16"] }],
      fixed: { "附件3!G17": 100 },
    },
  ],
});

test("a3.weights-total writes its fix as a score: the number with format 0.00", () => {
  const findings = run(scheme(SCHEME_50_30_10, { weight: 90, score: 98 }), undefined, "a3.weights-total");
  expect(findings.flatMap((f) => f.fix?.edits ?? []).map((e) => ({ after: e.after, numberFormat: e.numberFormat }))).toEqual([{ after: 100, numberFormat: "0.00" }]);
});

/**
 * One unreadable cell gives one finding (rules.md, "One wrong cell"): a part, 分值, 得分 or
 * 全年预算数 holding text ("约30") or an Excel error is unknown, not 0, so no rule recomputes a
 * sum or a score from it (cell.not-a-number / cell.error-value report the cell itself). And a
 * figure too large to write (Excel keeps 15 significant digits) is reported without a fix.
 *
 * Layout of the forms (test/helpers/forms.ts, the seed's): 附件2 项目支出 on row 12 (B/C/D =
 * 2022决算/2023预算/2023决算), 业务工作经费 on row 13, 公务用车 on row 6 and 公车购置 on row 7;
 * 附件3 年度资金总额 on row 5 (E 全年预算数, G 分值, I 得分), 按支出性质分 in F6, indicator
 * 分值/得分 in G/H (代表培训 on row 18), 总分 on row 29.
 */
import { annex2Form, annex3Form, n2, SEED_PROJECT_LINES, withIndicators, workbook } from "../helpers/forms";
import { testRule } from "../helpers/rule-tester";

const a2 = (input: Parameters<typeof annex2Form>[0]) => workbook(annex2Form(input));
const a3 = (input: Parameters<typeof annex3Form>[0]) => workbook(annex3Form(input));

/** The seed's project lines with 业务工作经费 set to these three values. */
const projectLines = (prior: unknown, budget: unknown, final: unknown) =>
  [["    1、业务工作经费", prior, budget, final], ...SEED_PROJECT_LINES.slice(1)] as typeof SEED_PROJECT_LINES;

testRule("a2.project-total", {
  valid: [
    { name: "a line holding \"约30\": the column is not summed", workbook: a2({ funds: { projectLines: projectLines(n2(137.46), n2(150.13), "约30") } }) },
    { name: "a line holding #REF!: the column is not summed", workbook: a2({ funds: { projectLines: projectLines({ v: { error: "#REF!" } }, n2(150.13), n2(70.27)) } }) },
  ],
  invalid: [
    {
      name: "the other columns are still checked: 2023预算数 160 against lines adding up to 150.13",
      workbook: a2({ funds: { project: [n2(137.46), n2(160), n2(70.27)], projectLines: projectLines(n2(137.46), n2(150.13), "约30") } }),
      findings: [{ cell: "附件2!C12", severity: "error", expected: "150.13", actual: "160", fix: "safe" }],
      fixed: { "附件2!C12": 150.13 },
    },
  ],
});

testRule("a2.vehicle-total", {
  valid: [
    { name: "公车购置 \"约3\": not summed", workbook: a2({ funds: { vehicle: [0, 0, 5], vehiclePurchase: [0, 0, "约3"], vehicleRunning: [0, 0, 2] } }) },
  ],
  invalid: [],
});

testRule("a2.three-public-total", {
  valid: [
    {
      // The vehicle subtotal cannot be recomputed from its lines, so its reported 5 is used.
      name: "公车购置 \"约3\": 三公经费 uses the reported vehicle subtotal",
      workbook: a2({ funds: { threePublic: [0, 0, 5], vehicle: [0, 0, 5], vehiclePurchase: [0, 0, "约3"], vehicleRunning: [0, 0, 2] } }),
    },
  ],
  invalid: [],
});

testRule("a3.expense-breakdown", {
  valid: [],
  invalid: [
    {
      // Not an error with a fix writing 70.66 over the total; the seed's own warning (982.60 vs
      // 全年执行数 982.21) stays, as the total itself reads fine.
      name: "基本支出 \"约900\": the parts are not summed",
      workbook: a3({ expense: { total: "982.60", basic: "约900", project: "70.66" } }),
      findings: [{ cell: "附件3!F6", severity: "warning", expected: "982.21", actual: "982.6", fix: "none" }],
    },
  ],
});

testRule("a3.level1-weight", {
  valid: [
    { name: "an indicator 分值 \"约6\": its group is not summed", workbook: a3({ indicators: withIndicators({ 代表培训: { weight: "约6" } }) }) },
  ],
  invalid: [],
});

testRule("a3.weights-total", {
  valid: [
    { name: "an indicator 分值 \"约6\"", workbook: a3({ indicators: withIndicators({ 代表培训: { weight: "约6" } }) }) },
    { name: "the 执行率 分值 #VALUE!", workbook: a3({ funds: { weight: { v: { error: "#VALUE!" } } } }) },
  ],
  invalid: [],
});

testRule("a3.total-score", {
  valid: [
    { name: "an indicator 得分 \"约4\": the total is not recomputed", workbook: a3({ indicators: withIndicators({ 代表培训: { score: "约4" } }) }) },
    { name: "全年预算数 \"约30\": no execution score, so no total (the reported 98 is not used)", workbook: a3({ funds: { budget: "约30" } }) },
    { name: "全年预算数 0: no execution score, so no total", workbook: a3({ funds: { budget: 0, score: 10 } }) },
  ],
  invalid: [],
});

testRule("a3.grade", {
  valid: [
    { name: "全年预算数 \"约30\": no recomputed total, no grade", workbook: a3({ funds: { budget: "约30" } }) },
  ],
  invalid: [],
});

testRule("a3.execution-score", {
  valid: [
    { name: "全年预算数 \"约30\" and a score within the 分值", workbook: a3({ funds: { budget: "约30", score: 10 } }) },
  ],
  invalid: [
    {
      name: "全年预算数 \"约30\": the seed's 98 on 10 points is still an error, without a fix",
      workbook: a3({ funds: { budget: "约30" } }),
      findings: [{ cell: "附件3!I5", severity: "error", expected: "0..10", actual: "98", fix: "none", messageIncludes: ["超过该行分值 10", "above the row's weight of 10"] }],
    },
    {
      name: "全年预算数 0 and 12 on 10 points",
      workbook: a3({ funds: { budget: 0, score: 12 } }),
      findings: [{ cell: "附件3!I5", severity: "error", expected: "0..10", actual: "12", fix: "none" }],
    },
  ],
});

testRule("a2.staff-control-rate", {
  valid: [],
  invalid: [
    {
      name: "编制数 1e-300: the rate (3.5e303%) is reported but no fix writes it",
      workbook: a2({ staff: { posts: 1e-300 } }),
      findings: [{ cell: "附件2!D4", severity: "error", fix: "none" }],
    },
  ],
});

testRule("cell.text-number", {
  valid: [],
  invalid: [
    {
      name: "20 digits stored as text: more than Excel keeps, so no fix",
      workbook: a3({ indicators: withIndicators({ 代表培训: { weight: "99999999999999999999" } }) }),
      findings: [{ cell: "附件3!G18", severity: "warning", fix: "none" }],
    },
    {
      name: "15 digits below 1e15 stored as text: fixed",
      workbook: a3({ indicators: withIndicators({ 代表培训: { weight: "999999999999999" } }) }),
      findings: [{ cell: "附件3!G18", severity: "warning", fix: "safe" }],
      fixed: { "附件3!G18": 999999999999999 },
    },
  ],
});

import { annex3Form, pct, seedWorkbook, workbook, type Annex3FundsInput } from "../../helpers/forms";
import { run, testRule } from "../../helpers/rule-tester";

// 年度资金总额 row 5: E 全年预算数 | F 全年执行数 | G 分值 | H 执行率 | I 得分.
const funds = (f: Annex3FundsInput) => workbook(annex3Form({ funds: f }));

testRule("a3.execution-score", {
  valid: [
    { name: "no rate (全年预算数 0) and a score within the 分值 plus 0.01: nothing to say", workbook: funds({ budget: 0, score: 10.01 }) },
    { name: "no rate and a blank score: nothing to say", workbook: funds({ budget: 0, score: null }) },
    { name: "9.99 for 10.00 is within the 0.01 tolerance", workbook: funds({ score: 9.99 }) },
    { name: "no 年度资金总额 row: nothing to check", workbook: workbook(annex3Form({ funds: null })) },
    { name: "全年执行数 blank: no rate, no score to compute", workbook: funds({ executed: null, score: 3 }) },
    { name: "the seed corrected: 10 × 99.96% = 9.996 → 10.00", workbook: funds({ score: 10 }) },
    { name: "10.00 with two decimals", workbook: funds({ score: { v: 10, fmt: "0.00" } }) },
    { name: "execution over 100% is capped: 1050 of 1000 on 10 points is 10.00", workbook: funds({ budget: 1000, executed: 1050, rate: pct(1.05), score: 10 }) },
    { name: "95% on 15 points: 14.25", workbook: funds({ budget: 1000, executed: 950, weight: 15, rate: pct(0.95), score: 14.25 }) },
    { name: "a wrong 执行率 cell does not matter: the score uses the recomputed rate", workbook: funds({ rate: pct(0.5), score: 10 }) },
    { name: "全年预算数 0: no rate, no score to compute", workbook: funds({ budget: 0, score: 3 }) },
    { name: "分值 blank: nothing to compute", workbook: funds({ weight: null, score: 98 }) },
  ],
  invalid: [
    {
      name: "a rate written rounded (86% for 86.20%) and the score worked from it (8.60 for 8.62): rounding only, info with the fix",
      workbook: funds({ budget: 1000, executed: 862, rate: pct(0.86, "0%"), score: 8.6 }),
      findings: [{ cell: "附件3!I5", severity: "info", expected: "8.62", actual: "8.6", fix: "safe", messageIncludes: ["仅为舍入差异", "rounding only"] }],
      fixed: { "附件3!I5": 8.62 },
    },
    {
      name: "a score rounded on its own (10 for 9.54 at 95.40%) is not rounding of the rate: an error",
      workbook: funds({ budget: 1000, executed: 954, rate: pct(0.954), score: 10 }),
      findings: [{ cell: "附件3!I5", severity: "error", expected: "9.54", actual: "10" }],
      fixed: { "附件3!I5": 9.54 },
    },
    {
      name: "the seed: 98 on a 10-point row, 10.00 correct",
      workbook: seedWorkbook(),
      findings: [{
        cell: "附件3!I5", severity: "error", expected: "10", actual: "98", fix: "safe",
        related: ["附件3!G5", "附件3!H5"], messageIncludes: ["10.00", "超过该行分值 10", "above the row's weight"],
      }],
      fixed: { "附件3!I5": 10 },
    },
    {
      name: "execution over 100% earns no more than the 分值",
      workbook: funds({ budget: 1000, executed: 1050, rate: pct(1.05), score: 10.5 }),
      findings: [{ cell: "附件3!I5", severity: "error", expected: "10", actual: "10.5", messageIncludes: ["超过该行分值"] }],
      fixed: { "附件3!I5": 10 },
    },
    {
      name: "95% on 15 points entered as full marks",
      workbook: funds({ budget: 1000, executed: 950, weight: 15, rate: pct(0.95), score: 15 }),
      findings: [{ cell: "附件3!I5", severity: "error", expected: "14.25", actual: "15" }],
      fixed: { "附件3!I5": 14.25 },
    },
    {
      name: "a blank score: info with a fix",
      workbook: funds({ score: null }),
      findings: [{ cell: "附件3!I5", severity: "info", expected: "10", actual: null, fix: "safe" }],
      fixed: { "附件3!I5": 10 },
    },
    {
      name: "the seed, word for word",
      workbook: seedWorkbook(),
      findings: [{
        cell: "附件3!I5",
        message: {
          zh: "执行率得分应为 10.00（分值 10 × 执行率 99.96%），表中为 98.00，超过该行分值 10",
          en: "The execution score should be 10.00 (weight 10 × execution rate 99.96%); the sheet says 98.00, above the row's weight of 10",
        },
      }],
    },
    {
      name: "over 100%: the basis shows the capped rate",
      workbook: funds({ budget: 1000, executed: 1050, rate: pct(1.05), score: 10.5 }),
      findings: [{
        cell: "附件3!I5",
        message: {
          zh: "执行率得分应为 10.00（分值 10 × 执行率 100.00%），表中为 10.50，超过该行分值 10",
          en: "The execution score should be 10.00 (weight 10 × execution rate 100.00%); the sheet says 10.50, above the row's weight of 10",
        },
      }],
    },
    {
      name: "full marks that are not earned are not \"above the weight\"",
      workbook: funds({ budget: 1000, executed: 950, weight: 15, rate: pct(0.95), score: 15 }),
      findings: [{
        cell: "附件3!I5",
        message: { zh: "执行率得分应为 14.25（分值 15 × 执行率 95.00%），表中为 15.00", en: "The execution score should be 14.25 (weight 15 × execution rate 95.00%); the sheet says 15.00" },
      }],
    },
    {
      name: "0.02 off is beyond the tolerance",
      workbook: funds({ score: 9.98 }),
      findings: [{ cell: "附件3!I5", severity: "error", expected: "10", actual: "9.98" }],
    },
    {
      name: "no 执行率 cell: the finding points at the 分值 only",
      workbook: funds({ headers: { rate: null }, rate: null, score: 98 }),
      findings: [{ cell: "附件3!I5", severity: "error", expected: "10", related: ["附件3!G5"] }],
    },
    {
      name: "no rate (全年预算数 0) but a score above the 分值: error without a fix, word for word",
      workbook: funds({ budget: 0, score: 98 }),
      findings: [{
        cell: "附件3!I5", severity: "error", expected: "0..10", actual: "98", fix: "none", related: ["附件3!G5"],
        message: {
          zh: "执行率得分 98.00 超过该行分值 10；执行率无法计算（全年预算数或全年执行数缺失、为 0 或不是数值），无法给出应得分",
          en: "The execution score 98.00 is above the row's weight of 10; no rate can be computed (the full-year budget or full-year spending is missing, 0 or not a number), so no score is suggested",
        },
      }],
    },
    {
      name: "no rate (全年执行数 blank) and 10.02 on 10: beyond the tolerance",
      workbook: funds({ executed: null, score: 10.02 }),
      findings: [{ cell: "附件3!I5", severity: "error", expected: "0..10", actual: "10.02" }],
    },
  ],
});

test("a3.execution-score writes its fix as a score: the number with format 0.00", () => {
  const findings = run(funds({ budget: 1000, executed: 950, weight: 15, rate: pct(0.95), score: 15 }), undefined, "a3.execution-score");
  expect(findings.flatMap((f) => f.fix?.edits ?? []).map((e) => ({ after: e.after, numberFormat: e.numberFormat }))).toEqual([{ after: 14.25, numberFormat: "0.00" }]);
});

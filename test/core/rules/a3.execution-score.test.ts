import { annex3Form, pct, seedWorkbook, workbook, type Annex3FundsInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 年度资金总额 row 5: E 全年预算数 | F 全年执行数 | G 分值 | H 执行率 | I 得分.
const funds = (f: Annex3FundsInput) => workbook(annex3Form({ funds: f }));

testRule("a3.execution-score", {
  valid: [
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
  ],
});

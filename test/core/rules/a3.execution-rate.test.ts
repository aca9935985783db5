import { annex3Form, err, n2, pct, seedWorkbook, workbook, type Annex3FundsInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 年度资金总额 row 5: D 年初预算数 | E 全年预算数 | F 全年执行数 | G 分值 | H 执行率 | I 得分.
const funds = (f: Annex3FundsInput) => workbook(annex3Form({ funds: { score: 10, ...f } }));

testRule("a3.execution-rate", {
  valid: [
    { name: "the seed: 982.21 ÷ 982.60 = 99.9603…% → 99.96%", workbook: seedWorkbook() },
    { name: "the rate typed as text \"99.96%\"", workbook: funds({ rate: "99.96%" }) },
    { name: "over 100% is allowed: 1050 of 1000 is 105.00%", workbook: funds({ budget: 1000, executed: 1050, rate: pct(1.05) }) },
    { name: "0.01 percentage points off is within tolerance", workbook: funds({ rate: pct(0.9997) }) },
    { name: "全年预算数 blank: nothing to compute", workbook: funds({ budget: null, rate: pct(0.9) }) },
    { name: "全年执行数 #REF! is cell.error-value's; this rule skips it", workbook: funds({ executed: err("#REF!"), rate: pct(0.9) }) },
    {
      name: "header variants 全年预算数(A) / 全年执行数(B) / 执行率(B/A) / 自评得分",
      workbook: funds({ headers: { budget: "全年预算数(A)", executed: "全年执行数(B)", rate: "执行率(B/A)", score: "自评得分" } }),
    },
  ],
  invalid: [
    {
      name: "the doc page's example: 102.05% is 982.21 ÷ 962.51 (年初预算数 as denominator)",
      workbook: funds({ rate: pct(1.0205) }),
      findings: [{ cell: "附件3!H5", severity: "error", expected: "99.96", actual: "102.05", fix: "safe", related: ["附件3!F5", "附件3!E5"], messageIncludes: ["99.96%"] }],
      fixed: { "附件3!H5": 0.9996 },
    },
    {
      name: "a blank rate: info with a fix",
      workbook: funds({ rate: null }),
      findings: [{ cell: "附件3!H5", severity: "info", expected: "99.96", actual: null, fix: "safe" }],
      fixed: { "附件3!H5": 0.9996 },
    },
    {
      name: "100% shown without decimals is rounding only",
      workbook: funds({ rate: pct(1, "0%") }),
      findings: [{ cell: "附件3!H5", severity: "info", expected: "99.96", actual: "100" }],
      fixed: { "附件3!H5": 0.9996 },
    },
    {
      name: "全年预算数 0: warning, no rate",
      workbook: funds({ budget: 0, rate: pct(1) }),
      findings: [{ cell: "附件3!E5", severity: "warning", expected: null, actual: "0", fix: "none", related: ["附件3!H5"], messageIncludes: ["全年预算数为 0"] }],
    },
    {
      name: "#DIV/0! in the rate: error with a fix",
      workbook: funds({ rate: err("#DIV/0!") }),
      findings: [{ cell: "附件3!H5", severity: "error", expected: "99.96", actual: "#DIV/0!", fix: "safe" }],
      fixed: { "附件3!H5": 0.9996 },
    },
    {
      name: "amounts stored as text are read: \"1,000.00\" and \"８００\"",
      workbook: funds({ budget: "1,000.00", executed: "８００", rate: pct(0.9) }),
      findings: [{ cell: "附件3!H5", severity: "error", expected: "80", actual: "90" }],
      fixed: { "附件3!H5": 0.8 },
    },
    {
      name: "the table moved 2 columns right",
      workbook: workbook(annex3Form({ funds: { budget: n2(1000), executed: n2(500), rate: pct(0.6) }, offset: { cols: 2 } })),
      findings: [{ cell: "附件3!J5", severity: "error", expected: "50", actual: "60" }],
      fixed: { "附件3!J5": 0.5 },
    },
    {
      name: "a wrong rate, word for word",
      workbook: funds({ rate: pct(0.9), budget: 1000, executed: 950 }),
      findings: [{
        cell: "附件3!H5", severity: "error", expected: "95", actual: "90",
        message: {
          zh: "执行率应为 95.00%（全年执行数 950.00 ÷ 全年预算数 1000.00），表中为 90.00%",
          en: "The execution rate should be 95.00% (full-year spending 950.00 ÷ full-year budget 1000.00); the sheet says 90.00%",
        },
      }],
    },
    {
      name: "全年预算数 0, word for word",
      workbook: funds({ budget: 0 }),
      findings: [{ cell: "附件3!E5", severity: "warning", actual: "0", related: ["附件3!H5"], message: { zh: "全年预算数为 0，无法计算执行率", en: "The full-year budget is 0, so no execution rate can be computed" } }],
    },
    {
      name: "0.02 percentage points off is beyond the tolerance",
      workbook: funds({ rate: pct(0.9502), budget: 1000, executed: 950 }),
      findings: [{ cell: "附件3!H5", severity: "error", expected: "95", actual: "95.02" }],
    },
  ],
});

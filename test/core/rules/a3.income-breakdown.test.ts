import { annex3Form, seedWorkbook, workbook, type Annex3Input, type IncomeInput } from "../../helpers/forms";
import { run, testRule } from "../../helpers/rule-tester";

// 按收入性质分 on B6, its parts on B7 (一般公共预算), B8 (政府性基金拨款), B9 (纳入专户管理的非税收入拨款),
// B10 (其他资金). In the seed the figures sit inside the labels; with "nextCell" they sit in D6–D10.
// 全年预算数 is 附件3!E5 = 982.60.
const form = (income: IncomeInput, more: Annex3Input = {}) => workbook(annex3Form({ income, ...more }));

testRule("a3.income-breakdown", {
  valid: [
    { name: "a blank total and no part filled: nothing to say", workbook: form({ total: null, general: null }) },
    { name: "0.01 from 全年预算数 is within the tolerance", workbook: form({ total: 982.61, general: 982.61 }) },
    { name: "no 年度资金总额 row: the total is only checked against its parts", workbook: form({ total: 900, general: 900 }, { funds: null }) },
    { name: "the seed: 一般公共预算 982.60 = 按收入性质分 982.60 = 全年预算数 982.60", workbook: seedWorkbook() },
    { name: "four parts: 900 + 60 + 10 + 12.60 = 982.60", workbook: form({ total: 982.6, general: 900, fund: 60, specialAccount: 10, other: 12.6 }) },
    { name: "numbers in the next cell instead of the label", workbook: form({ total: 982.6, general: 982.6 }, { breakdownValues: "nextCell" }) },
    { name: "figures with 万元 inside the label", workbook: form({ total: "982.60万元", general: "982.60万元" }) },
    { name: "full-width figures inside the label", workbook: form({ total: "９８２．６０", general: "９８２．６０" }) },
    { name: "no parts filled: only the total against 全年预算数", workbook: form({ total: 982.6, general: null }) },
  ],
  invalid: [
    {
      name: "the doc page's example: parts 900 + 60 + 12.60 = 972.60 against 982.60 (then 972.60 ≠ 全年预算数)",
      workbook: form({ total: 982.6, general: 900, fund: 60, other: 12.6 }),
      findings: [{
        cell: "附件3!B6", severity: "error", expected: "972.6", actual: "982.6", fix: "safe",
        related: ["附件3!B7", "附件3!B8", "附件3!B10"], messageIncludes: ["972.60"],
      }],
      fixed: { "附件3!B6": "按收入性质分：972.60" },
      afterFix: [{ cell: "附件3!B6", severity: "warning", expected: "982.6", actual: "972.6" }],
    },
    {
      name: "a wrong total whose parts make 全年预算数: the fix leaves nothing to say",
      workbook: form({ total: 928.6, general: 900, fund: 82.6 }),
      findings: [{ cell: "附件3!B6", severity: "error", expected: "982.6", actual: "928.6" }],
      fixed: { "附件3!B6": "按收入性质分：982.60" },
    },
    {
      name: "the total agrees with its parts but not with 全年预算数: warning, no fix",
      workbook: form({ total: 980, general: 980 }),
      findings: [{ cell: "附件3!B6", severity: "warning", expected: "982.6", actual: "980", fix: "none", related: ["附件3!E5"], messageIncludes: ["全年预算数", "2.60"] }],
    },
    {
      name: "a total with no parts is still compared with 全年预算数",
      workbook: form({ total: 962.51, general: null }),
      findings: [{ cell: "附件3!B6", severity: "warning", expected: "982.6", actual: "962.51" }],
    },
    {
      name: "a bare total label: info with a fix that writes the sum into the label",
      workbook: form({ total: null, general: 982.6 }),
      findings: [{ cell: "附件3!B6", severity: "info", expected: "982.6", actual: null, fix: "safe" }],
      fixed: { "附件3!B6": "按收入性质分：982.60" },
    },
    {
      name: "numbers in the next cell: the fix writes a number",
      workbook: form({ total: 982.6, general: 900, fund: 60 }, { breakdownValues: "nextCell" }),
      findings: [{ cell: "附件3!D6", severity: "error", expected: "960", actual: "982.6", related: ["附件3!D7", "附件3!D8"] }],
      fixed: { "附件3!D6": 960 },
      afterFix: [{ cell: "附件3!D6", severity: "warning", expected: "982.6", actual: "960" }],
    },
    {
      name: "parts that do not add up, word for word",
      workbook: form({ total: 982.6, general: 900, other: 80 }),
      findings: [{
        cell: "附件3!B6", severity: "error", expected: "980", actual: "982.6",
        message: {
          zh: "按收入性质分合计应为 980.00 万元（一般公共预算 900.00 + 其他资金 80.00），表中为 982.60 万元",
          en: "The total by source should be 980.00 × 10,000 yuan (一般公共预算 900.00 + 其他资金 80.00); the sheet says 982.60 × 10,000 yuan",
        },
      }],
      fixed: { "附件3!B6": "按收入性质分：980.00" },
      // fixed, the total no longer matches the funds figure: that is the rule's other finding
      afterFix: [{ cell: "附件3!B6", severity: "warning" }],
    },
    {
      name: "0.02 from 全年预算数 is beyond the tolerance",
      workbook: form({ total: 982.62, general: 982.62 }),
      findings: [{ cell: "附件3!B6", severity: "warning", expected: "982.6", actual: "982.62", messageIncludes: ["相差 0.02"] }],
    },
    {
      name: "a total within its four parts' tolerance (0.02) is still compared as written: 982.62 against 982.60",
      workbook: form({ total: 982.62, general: 900, fund: 60, specialAccount: 10, other: 12.6 }),
      findings: [{
        cell: "附件3!B6", severity: "warning", expected: "982.6", actual: "982.62",
        message: { zh: "按收入性质分合计 982.62 万元与全年预算数 982.60 万元不一致（相差 0.02 万元），请核实", en: "The total by source 982.62 × 10,000 yuan differs from the full-year budget 982.60 × 10,000 yuan by 0.02 × 10,000 yuan; verify" },
      }],
    },
  ],
});

test("a3.income-breakdown writes a figure in the next cell as an amount: the number with format 0.00", () => {
  const findings = run(form({ total: 982.6, general: 900, other: 80 }, { breakdownValues: "nextCell" }), undefined, "a3.income-breakdown");
  expect(findings.flatMap((f) => f.fix?.edits ?? []).map((e) => ({ after: e.after, numberFormat: e.numberFormat }))).toEqual([{ after: 980, numberFormat: "0.00" }]);
});

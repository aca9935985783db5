import { annex3Form, seedWorkbook, workbook, type Annex3Input, type ExpenseInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 按支出性质分 on F6, 基本支出 F7, 项目支出 F8 (figures inside the labels; H6–H8 with "nextCell").
// 全年执行数 is 附件3!F5 = 982.21.
const form = (expense: ExpenseInput, more: Annex3Input = {}) => workbook(annex3Form({ expense, ...more }));

testRule("a3.expense-breakdown", {
  valid: [
    { name: "a part that is text (\"约70\"): no sum to recompute; the total still matches 全年执行数", workbook: form({ total: 982.21, basic: 911.94, project: "约70" }) },
    { name: "0.01 from 全年执行数 is within the tolerance", workbook: form({ total: 982.22, basic: 911.95, project: 70.27 }) },
    { name: "no 年度资金总额 row: the total is only checked against its parts", workbook: form({ total: 900, basic: 829.34, project: 70.66 }, { funds: null }) },
    { name: "911.94 + 70.27 = 982.21 = 全年执行数", workbook: form({ total: 982.21, basic: 911.94, project: 70.27 }) },
    { name: "numbers in the next cell", workbook: form({ total: 982.21, basic: 911.94, project: 70.27 }, { breakdownValues: "nextCell" }) },
    { name: "only the total, equal to 全年执行数", workbook: form({ total: 982.21, basic: null, project: null }) },
  ],
  invalid: [
    {
      name: "the seed: 911.94 + 70.66 = 982.60 is 全年预算数, but 全年执行数 is 982.21",
      workbook: seedWorkbook(),
      findings: [{
        cell: "附件3!F6", severity: "warning", expected: "982.21", actual: "982.6", fix: "none",
        related: ["附件3!F5"], messageIncludes: ["982.60", "982.21", "0.39"],
      }],
    },
    {
      name: "parts 911.94 + 70.27 = 982.21 against a total of 982.60",
      workbook: form({ total: 982.6, basic: 911.94, project: 70.27 }),
      findings: [{ cell: "附件3!F6", severity: "error", expected: "982.21", actual: "982.6", fix: "safe", related: ["附件3!F7", "附件3!F8"] }],
      fixed: { "附件3!F6": "按支出性质分：982.21" },
    },
    {
      name: "a bare total label: info with a fix",
      workbook: form({ total: null, basic: 911.94, project: 70.27 }),
      findings: [{ cell: "附件3!F6", severity: "info", expected: "982.21", actual: null }],
      fixed: { "附件3!F6": "按支出性质分：982.21" },
    },
    {
      name: "numbers in the next cell: the fix writes a number",
      workbook: form({ total: 900, basic: 911.94, project: 70.27 }, { breakdownValues: "nextCell" }),
      findings: [{ cell: "附件3!H6", severity: "error", expected: "982.21", actual: "900" }],
      fixed: { "附件3!H6": 982.21 },
    },
    {
      name: "parts that do not add up, word for word",
      workbook: form({ total: 982.6, basic: 911.94, project: 60.66 }),
      findings: [{
        cell: "附件3!F6", severity: "error", expected: "972.6", actual: "982.6",
        message: {
          zh: "按支出性质分合计应为 972.60 万元（基本支出 911.94 + 项目支出 60.66），表中为 982.60 万元",
          en: "The total by type should be 972.60 × 10,000 yuan (基本支出 911.94 + 项目支出 60.66); the sheet says 982.60 × 10,000 yuan",
        },
      }],
      fixed: { "附件3!F6": "按支出性质分：972.60" },
      // fixed, the total no longer matches the funds figure: that is the rule's other finding
      afterFix: [{ cell: "附件3!F6", severity: "warning" }],
    },
    {
      name: "a total that adds up but differs from 全年执行数, word for word",
      workbook: form({ total: 900, basic: 829.34, project: 70.66 }),
      findings: [{
        cell: "附件3!F6", severity: "warning", expected: "982.21", actual: "900", related: ["附件3!F5"],
        message: {
          zh: "按支出性质分合计 900.00 万元与全年执行数 982.21 万元不一致（相差 82.21 万元），请核实",
          en: "The total by type 900.00 × 10,000 yuan differs from full-year spending 982.21 × 10,000 yuan by 82.21 × 10,000 yuan; verify",
        },
      }],
    },
  ],
});

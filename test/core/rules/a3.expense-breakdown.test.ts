import { annex3Form, seedWorkbook, workbook, type Annex3Input, type ExpenseInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 按支出性质分 on F6, 基本支出 F7, 项目支出 F8 (figures inside the labels; H6–H8 with "nextCell").
// 全年执行数 is 附件3!F5 = 982.21.
const form = (expense: ExpenseInput, more: Annex3Input = {}) => workbook(annex3Form({ expense, ...more }));

testRule("a3.expense-breakdown", {
  valid: [
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
  ],
});

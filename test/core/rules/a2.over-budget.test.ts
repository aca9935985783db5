import { annex2Form, n2, seedWorkbook, workbook, type FundsInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// Rows: 三公经费 6, 项目支出 12, 公用经费 18, 政府采购金额 22; C = 2023年预算数, D = 2023年决算数.
const form = (funds: FundsInput) => workbook(annex2Form({ funds }));

testRule("a2.over-budget", {
  valid: [
    { name: "no 经费控制情况 block: nothing to compare", workbook: workbook(annex2Form({ funds: null })) },
    { name: "no 三公经费 row: the other rows are still compared", workbook: form({ threePublic: null }) },
    { name: "the seed: 0 ≤ 0, 74.46 ≤ 116.80, 31.10 ≤ 32.3", workbook: seedWorkbook() },
    { name: "决算数 equal to 预算数", workbook: form({ publicFunds: [99.41, 116.8, 116.8] }) },
    { name: "0.01 above is within tolerance", workbook: form({ publicFunds: [99.41, 116.8, 116.81] }) },
    { name: "预算数 blank (政府采购金额 \"——\"): not compared", workbook: form({ procurement: ["——", "——", 40] }) },
    { name: "决算数 blank: not compared", workbook: form({ publicFunds: [99.41, 116.8, null] }) },
    { name: "项目支出 is not in scope", workbook: form({ project: [137.46, 150.13, 160], projectLines: [["1、业务工作经费", 137.46, 150.13, 160]] }) },
  ],
  invalid: [
    {
      name: "the doc page's example: 公用经费 120.35 above 116.80 by 3.55",
      workbook: form({ publicFunds: [99.41, n2(116.8), n2(120.35)] }),
      findings: [{ cell: "附件2!D18", severity: "warning", expected: "<= 116.8", actual: "120.35", fix: "none", related: ["附件2!C18"], messageIncludes: ["3.55", "120.35", "116.80"] }],
    },
    {
      name: "三公经费 and 政府采购金额 too, one finding each",
      workbook: form({ threePublic: [0, 1, 1.5], procurement: ["——", 32.3, 35] }),
      findings: [
        { cell: "附件2!D6", severity: "warning", expected: "<= 1", actual: "1.5", messageIncludes: ["三公经费"] },
        { cell: "附件2!D22", severity: "warning", expected: "<= 32.3", actual: "35", messageIncludes: ["政府采购金额"] },
      ],
    },
    {
      name: "0.02 above the budget is beyond the tolerance",
      workbook: form({ publicFunds: [99.41, 116.8, 116.82] }),
      findings: [{ cell: "附件2!D18", severity: "warning", expected: "<= 116.8", actual: "116.82", messageIncludes: ["（超出 0.02 万元）"] }],
    },
    {
      name: "the messages, word for word",
      workbook: form({ threePublic: [0, 1, 1.5], publicFunds: [99.41, n2(116.8), n2(120.35)] }),
      findings: [
        {
          cell: "附件2!D6",
          message: { zh: "三公经费决算数 1.50 万元，超过预算数 1.00 万元（超出 0.50 万元），请核实或说明", en: "三公经费: actuals 1.50 × 10,000 yuan exceed the budget 1.00 × 10,000 yuan by 0.50 × 10,000 yuan; verify or explain" },
        },
        {
          cell: "附件2!D18",
          message: { zh: "公用经费决算数 120.35 万元，超过预算数 116.80 万元（超出 3.55 万元），请核实或说明", en: "公用经费: actuals 120.35 × 10,000 yuan exceed the budget 116.80 × 10,000 yuan by 3.55 × 10,000 yuan; verify or explain" },
        },
      ],
    },
  ],
});

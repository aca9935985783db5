import { annex2Form, annex3Form, seedWorkbook, stack, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

/** The seed's project lines with their 决算数 blank, as a form filled before the accounts close. */
const NO_FINAL_LINES = [["    1、业务工作经费", 137.46, 150.13, null], ["    2、运行维护经费", 0, 0, null]] as const;

// 附件3 项目支出 on F8 (inside its label); 附件2 项目支出 on row 12: C = 2023年预算数, D = 2023年决算数.
testRule("x.project-spending", {
  valid: [
    { name: "附件3 without its 按支出性质分 block: nothing to compare", workbook: workbook(annex2Form(), annex3Form({ expense: null })) },
    { name: "附件2 without its 项目支出 row: nothing to compare", workbook: workbook(annex2Form({ funds: { project: null, projectLines: [] } }), annex3Form()) },
    { name: "0.01 apart is within the tolerance", workbook: workbook(annex2Form(), annex3Form({ expense: { total: 982.21, project: 70.28 } })) },
    { name: "附件3 70.27 = 附件2 2023年决算数 70.27", workbook: workbook(annex2Form(), annex3Form({ expense: { total: 982.21, project: 70.27 } })) },
    { name: "附件2 决算数 blank (total and lines): compared with 预算数 150.13", workbook: workbook(annex2Form({ funds: { project: [137.46, 150.13, null], projectLines: NO_FINAL_LINES } }), annex3Form({ expense: { project: 150.13 } })) },
    { name: "附件3 项目支出 blank: nothing to compare", workbook: workbook(annex2Form(), annex3Form({ expense: { project: null } })) },
    { name: "only one annex: the rule does not run", workbook: workbook(annex3Form()) },
    {
      name: "附件2's own total is wrong (80.00 for lines 70.27 + 0): compared with the recomputed 70.27",
      workbook: workbook(annex2Form({ funds: { project: [137.46, 150.13, 80] } }), annex3Form({ expense: { total: 982.21, project: 70.27 } })),
    },
  ],
  invalid: [
    {
      name: "the seed: 70.66 vs 70.27",
      workbook: seedWorkbook(),
      findings: [{ cell: "附件3!F8", severity: "warning", expected: "70.27", actual: "70.66", fix: "none", related: ["附件2!D12"], messageIncludes: ["70.66", "70.27", "0.39", "决算数"] }],
    },
    {
      name: "附件2 决算数 blank (total and lines): 70.66 vs 预算数 150.13",
      workbook: workbook(annex2Form({ funds: { project: [137.46, 150.13, "——"], projectLines: NO_FINAL_LINES } }), annex3Form()),
      findings: [{ cell: "附件3!F8", severity: "warning", expected: "150.13", actual: "70.66", related: ["附件2!C12"], messageIncludes: ["预算数"] }],
    },
    {
      name: "the figure in the next cell",
      workbook: workbook(annex2Form(), annex3Form({ breakdownValues: "nextCell" })),
      findings: [{ cell: "附件3!H8", severity: "warning", expected: "70.27", actual: "70.66" }],
    },
    {
      name: "both annexes on one sheet (附件3 starts on row 31)",
      workbook: workbook(stack("Sheet1", [annex2Form(), annex3Form()], 2)),
      findings: [{ cell: "Sheet1!F38", severity: "warning", expected: "70.27", actual: "70.66", related: ["Sheet1!D12"] }],
    },
    {
      name: "the seed, word for word",
      workbook: seedWorkbook(),
      findings: [{
        cell: "附件3!F8",
        message: {
          zh: "附件3 项目支出 70.66 万元与附件2 项目支出决算数 70.27 万元不一致（相差 0.39 万元）",
          en: "Annex 3 project spending 70.66 × 10,000 yuan differs from annex 2 project spending (actuals) 70.27 × 10,000 yuan by 0.39 × 10,000 yuan",
        },
      }],
    },
    {
      name: "compared with 预算数, word for word",
      workbook: workbook(annex2Form({ funds: { project: [137.46, 150.13, "——"], projectLines: NO_FINAL_LINES } }), annex3Form()),
      findings: [{
        cell: "附件3!F8",
        message: {
          zh: "附件3 项目支出 70.66 万元与附件2 项目支出预算数 150.13 万元不一致（相差 79.47 万元）",
          en: "Annex 3 project spending 70.66 × 10,000 yuan differs from annex 2 project spending (budget) 150.13 × 10,000 yuan by 79.47 × 10,000 yuan",
        },
      }],
    },
    {
      name: "0.02 apart is beyond the tolerance",
      workbook: workbook(annex2Form(), annex3Form({ expense: { total: 982.21, project: 70.29 } })),
      findings: [{ cell: "附件3!F8", severity: "warning", expected: "70.27", actual: "70.29" }],
    },
  ],
});

import { annex2Form, n2, seedWorkbook, workbook, type FundsInput, type FundsLine, type Triple } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 项目支出： is row 12; the lines under it start on row 13. Columns B, C, D.
const form = (project: Triple, projectLines: readonly FundsLine[], more: FundsInput = {}) =>
  workbook(annex2Form({ funds: { project, projectLines, ...more } }));

/** The doc page's example: two 市级专项 lines inserted by the user (rows 17 and 18). */
const WITH_SPECIALS: readonly FundsLine[] = [
  ["    1、业务工作经费",                137.46, 150.13, 70.27],
  ["    2、运行维护经费",                0,      0,      0],
  ["……"],
  ["3、市级专项资金（一个专项一行）"],
  ["人大代表履职专项",                   0,      10,     15],
  ["基层人大建设专项",                   0,      5,      12],
  ["……"],
];

testRule("a2.project-total", {
  valid: [
    { name: "no 经费控制情况 block: nothing to check", workbook: workbook(annex2Form({ funds: null })) },
    { name: "no 项目支出 row: nothing to check", workbook: workbook(annex2Form({ funds: { project: null, projectLines: [] } })) },
    { name: "the seed: 137.46 / 150.13 / 70.27 = 业务工作经费 + 运行维护经费", workbook: seedWorkbook() },
    { name: "inserted 市级专项资金 lines are counted: 70.27 + 0 + 15 + 12 = 97.27", workbook: form([137.46, 165.13, 97.27], WITH_SPECIALS) },
    {
      name: "older labels: 1、业务工作专项 / 2、运行维护专项 / 3、省级专项资金（每个专项一行）",
      workbook: form([n2(10), n2(20), n2(30)], [["1、业务工作专项", 4, 8, 12], ["2、运行维护专项", 6, 2, 8], ["3、省级专项资金（每个专项一行）"], ["乡村振兴专项", 0, 10, 10]]),
    },
    {
      name: "\"……\" rows are placeholders, even with dashes in them",
      workbook: form([137.46, 150.13, 70.27], [["1、业务工作经费", 137.46, 150.13, 70.27], ["……", "——", "——", "——"], ["……"]]),
    },
    {
      name: "a 其中 line details the line above it and is not counted twice",
      workbook: form([137.46, 150.13, 70.27], [["1、业务工作经费", 137.46, 150.13, 70.27], ["   其中：人大代表活动经费", 20, 25, 10], ["2、运行维护经费", 0, 0, 0]]),
    },
    { name: "blank lines are not counted", workbook: form([137.46, 150.13, 70.27], [["1、业务工作经费", 137.46, 150.13, 70.27], ["2、运行维护经费", null, null, null]]) },
    { name: "97.28 for 97.27 is within 0.005 × n (n = 4 filled lines: 0.02)", workbook: form([137.46, 165.13, 97.28], WITH_SPECIALS) },
  ],
  invalid: [
    {
      name: "the doc page's example: 95.27 reported for 70.27 + 0 + 15.00 + 12.00 = 97.27",
      workbook: form([137.46, 165.13, 95.27], WITH_SPECIALS),
      findings: [{
        cell: "附件2!D12", severity: "error", expected: "97.27", actual: "95.27", fix: "safe",
        related: ["附件2!D13", "附件2!D14", "附件2!D17", "附件2!D18"], messageIncludes: ["97.27", "95.27"],
      }],
      fixed: { "附件2!D12": 97.27 },
    },
    {
      name: "the seed's total left unchanged after a 专项 line was inserted: all three columns",
      workbook: form([137.46, 150.13, 70.27], [...WITH_SPECIALS.slice(0, 4), ["人大代表履职专项", 1, 10, 15]]),
      findings: [
        { cell: "附件2!B12", severity: "error", expected: "138.46", actual: "137.46" },
        { cell: "附件2!C12", severity: "error", expected: "160.13", actual: "150.13" },
        { cell: "附件2!D12", severity: "error", expected: "85.27", actual: "70.27" },
      ],
      fixed: { "附件2!B12": 138.46, "附件2!C12": 160.13, "附件2!D12": 85.27 },
    },
    {
      name: "a blank total: info with a fix",
      workbook: form([null, 165.13, 97.27], WITH_SPECIALS),
      findings: [{ cell: "附件2!B12", severity: "info", expected: "137.46", actual: null, fix: "safe" }],
      fixed: { "附件2!B12": 137.46 },
    },
    {
      name: "found below other content: the form 4 rows down",
      workbook: workbook(annex2Form({ funds: { project: [137.46, 150.13, 7.27] }, offset: { rows: 4 } })),
      findings: [{ cell: "附件2!D16", severity: "error", expected: "70.27", actual: "7.27" }],
      fixed: { "附件2!D16": 70.27 },
    },
    {
      name: "each year column is named in the message",
      workbook: form([137.46, 150.13, 7.27], [["1、业务工作经费", 7.46, 50.13, 70.27], ["2、运行维护经费", 0, 0, 0]]),
      findings: [
        {
          cell: "附件2!B12",
          message: {
            zh: "项目支出（上年决算数）应为 7.46 万元（业务工作经费 7.46 + 运行维护经费 0.00），表中为 137.46 万元",
            en: "Project spending (prior-year actuals) should be 7.46 × 10,000 yuan (业务工作经费 7.46 + 运行维护经费 0.00); the sheet says 137.46 × 10,000 yuan",
          },
        },
        {
          cell: "附件2!C12",
          message: {
            zh: "项目支出（本年预算数）应为 50.13 万元（业务工作经费 50.13 + 运行维护经费 0.00），表中为 150.13 万元",
            en: "Project spending (budget) should be 50.13 × 10,000 yuan (业务工作经费 50.13 + 运行维护经费 0.00); the sheet says 150.13 × 10,000 yuan",
          },
        },
        {
          cell: "附件2!D12",
          message: {
            zh: "项目支出（本年决算数）应为 70.27 万元（业务工作经费 70.27 + 运行维护经费 0.00），表中为 7.27 万元",
            en: "Project spending (actuals) should be 70.27 × 10,000 yuan (业务工作经费 70.27 + 运行维护经费 0.00); the sheet says 7.27 × 10,000 yuan",
          },
        },
      ],
    },
  ],
});

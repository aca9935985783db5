import { annex2Form, seedWorkbook, workbook, type FundsLine, type Triple } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 公用经费 row 18, its 其中 lines 19–21; columns B, C, D.
const form = (publicFunds: Triple, publicParts: readonly FundsLine[]) => workbook(annex2Form({ funds: { publicFunds, publicParts } }));

const parts = (office: Triple, utilities: Triple, meetings: Triple): FundsLine[] => [
  ["    其中：办公经费", ...office],
  ["          水费、电费、差旅费", ...utilities],
  ["          会议费、培训费", ...meetings],
];

testRule("a2.public-funds-subset", {
  valid: [
    { name: "no filled 其中 line: nothing to compare, whatever the total (even −1)", workbook: form([-1, 10, 10], []) },
    { name: "no 经费控制情况 block: nothing to check", workbook: workbook(annex2Form({ funds: null })) },
    { name: "no 公用经费 row: nothing to check", workbook: workbook(annex2Form({ funds: { publicFunds: null } })) },
    { name: "no 其中 lines: nothing to check", workbook: form([10, 10, 10], []) },
    { name: "parts exactly the three-item tolerance (0.015) above the total", workbook: form([10, 10, 10], parts([8.015, 8, 8], [1, 1, 1], [1, 1, 1])) },
    { name: "the seed: 9.81 ≤ 99.41, 29.50 ≤ 116.80, 14.02 ≤ 74.46", workbook: seedWorkbook() },
    { name: "parts below the total are fine: a subset, not a partition", workbook: form([10, 10, 10], parts([1, 1, 1], [1, 1, 1], [1, 1, 1])) },
    { name: "parts exactly equal to the total", workbook: form([10, 10, 10], parts([8, 8, 8], [1, 1, 1], [1, 1, 1])) },
    { name: "parts 0.01 above the total are within the three-item tolerance (0.015)", workbook: form([10, 10, 10], parts([8.01, 8, 8], [1, 1, 1], [1, 1, 1])) },
    { name: "blank and dashed parts are not counted", workbook: form([10, 10, 10], parts([9, 9, 9], [null, "——", null], [1, 1, 1])) },
    { name: "a blank total is not checked", workbook: form([null, 10, 10], parts([20, 1, 1], [1, 1, 1], [1, 1, 1])) },
  ],
  invalid: [
    {
      name: "the doc page's example: 8.93 + 0.06 + 1.82 = 10.81 above 公用经费 10.00",
      workbook: form([99.41, 116.8, 10], parts([8.93, 23.5, 8.93], [0.06, 1, 0.06], [0.82, 5, 1.82])),
      findings: [{
        cell: "附件2!D18", severity: "error", expected: ">= 10.81", actual: "10", fix: "none",
        related: ["附件2!D19", "附件2!D20", "附件2!D21"], messageIncludes: ["10.81", "10.00"],
      }],
    },
    {
      name: "each column on its own",
      workbook: form([5, 5, 5], parts([4, 3, 6], [1, 1, 1], [1, 1, 1])),
      findings: [
        { cell: "附件2!B18", severity: "error", expected: ">= 6", actual: "5" },
        { cell: "附件2!D18", severity: "error", expected: ">= 8", actual: "5" },
      ],
    },
    {
      name: "parts just beyond the three-item tolerance (0.016 above)",
      workbook: form([10, 10, 10], parts([8.016, 8, 8], [1, 1, 1], [1, 1, 1])),
      findings: [{ cell: "附件2!B18", severity: "error", expected: ">= 10.016", actual: "10" }],
    },
    {
      name: "a single part above the total: the tolerance of one item is 0.01",
      workbook: form([10, 10, 10], [["    其中：办公经费", 10.02, 10.01, 10]]),
      findings: [{ cell: "附件2!B18", severity: "error", expected: ">= 10.02", actual: "10", related: ["附件2!B19"] }],
    },
    {
      name: "the doc page's example, word for word",
      workbook: form([99.41, 116.8, 10], parts([8.93, 23.5, 8.93], [0.06, 1, 0.06], [0.82, 5, 1.82])),
      findings: [{
        cell: "附件2!D18",
        message: { zh: "公用经费 10.00 万元，小于其中各项之和 10.81 万元（其中项是公用经费的一部分）", en: "Public funds 10.00 × 10,000 yuan are less than the sum of their \"of which\" lines, 10.81 × 10,000 yuan" },
      }],
    },
  ],
});

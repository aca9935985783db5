import { annex2Form, pct, seedWorkbook, workbook, type BuildingLine } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 楼堂馆所 project rows from row 25: E 预算投资 | F 实际投资 | G 投资概算控制率.
const form = (...buildings: BuildingLine[]) => workbook(annex2Form({ buildings }));

testRule("a2.building-investment-rate", {
  valid: [
    { name: "no 楼堂馆所 block at all: nothing to check", workbook: workbook(annex2Form({ buildings: null })) },
    { name: "预算投资 blank: no rate to compute", workbook: form(["办公楼维修改造", 1200, 1260, pct(1.05), null, 816, pct(0.5)]) },
    { name: "the seed: the block is blank", workbook: seedWorkbook() },
    { name: "816 spent of 850 budgeted: 96.00%", workbook: form(["办公楼维修改造", 1200, 1260, pct(1.05), 850, 816, pct(0.96)]) },
    { name: "96.00% shown as 96% (format 0%)", workbook: form(["办公楼维修改造", 1200, 1260, pct(1.05), 850, 816, pct(0.96, "0%")]) },
    { name: "预算投资 0: no rate to compute", workbook: form(["办公楼维修改造", 1200, 1260, pct(1.05), 0, 816, pct(0.5)]) },
    { name: "实际投资 a dash: no rate to compute", workbook: form(["办公楼维修改造", 1200, 1260, pct(1.05), 850, "——", pct(0.5)]) },
  ],
  invalid: [
    {
      name: "the doc page's example: 104.17% is 850 ÷ 816, the rate is 96.00%",
      workbook: form(["办公楼维修改造", 1200, 1260, pct(1.05), 850, 816, pct(1.0417)]),
      findings: [{ cell: "附件2!G25", severity: "error", expected: "96", actual: "104.17", fix: "safe", related: ["附件2!F25", "附件2!E25"], messageIncludes: ["96.00%"] }],
      fixed: { "附件2!G25": 0.96 },
    },
    {
      name: "a blank rate: info with a fix",
      workbook: form(["办公楼维修改造", 1200, 1260, pct(1.05), 850, 816, null]),
      findings: [{ cell: "附件2!G25", severity: "info", expected: "96", actual: null, fix: "safe" }],
      fixed: { "附件2!G25": 0.96 },
    },
    {
      name: "rounding only: 816 / 850.5 = 95.944…% shown as 96%",
      workbook: form(["办公楼维修改造", 1200, 1260, pct(1.05), 850.5, 816, pct(0.96, "0%")]),
      findings: [{ cell: "附件2!G25", severity: "info", expected: "95.94", actual: "96", messageIncludes: ["rounding only"] }],
      fixed: { "附件2!G25": 0.9594 },
    },
    {
      name: "the doc page's example, word for word",
      workbook: form(["办公楼维修改造", 1200, 1260, pct(1.05), 850, 816, pct(1.0417)]),
      findings: [{
        cell: "附件2!G25",
        message: {
          zh: "投资概算控制率应为 96.00%（实际投资 816.00 ÷ 预算投资 850.00），表中为 104.17%",
          en: "The investment control rate should be 96.00% (actual 816.00 ÷ budgeted 850.00); the sheet says 104.17%",
        },
      }],
    },
  ],
});

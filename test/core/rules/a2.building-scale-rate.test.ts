import { annex2Form, pct, seedWorkbook, workbook, type BuildingLine } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 楼堂馆所 header on row 24, project rows from row 25:
// A label | B 批复规模 | C 实际规模 | D 规模控制率 | E 预算投资 | F 实际投资 | G 投资概算控制率
const form = (...buildings: BuildingLine[]) => workbook(annex2Form({ buildings }));

testRule("a2.building-scale-rate", {
  valid: [
    { name: "the seed: the block is blank (ideographic spaces)", workbook: seedWorkbook() },
    { name: "1260 ㎡ built of 1200 approved: 105.00%", workbook: form(["办公楼维修改造", 1200, 1260, pct(1.05), 850, 816, pct(0.96)]) },
    { name: "a rate typed as percentage points (105)", workbook: form(["办公楼维修改造", 1200, 1260, 105, 850, 816, 96]) },
    { name: "批复规模 0: no rate to compute", workbook: form(["办公楼维修改造", 0, 1260, pct(0.5), 850, 816, pct(0.96)]) },
    { name: "批复规模 blank: no rate to compute", workbook: form(["办公楼维修改造", null, 1260, pct(0.5), 850, 816, pct(0.96)]) },
    { name: "no 楼堂馆所 block at all: nothing to check", workbook: workbook(annex2Form({ buildings: null })) },
    { name: "实际规模 blank: no rate to compute", workbook: form(["办公楼维修改造", 1200, null, pct(0.5), 850, 816, pct(0.96)]) },
    { name: "a wholly blank row is skipped", workbook: form([null, null, null, null, null, null, null], ["食堂", 500, 500, pct(1), 100, 100, pct(1)]) },
  ],
  invalid: [
    {
      name: "the doc page's example: 95.24% is 1200 ÷ 1260, the rate is 105.00%",
      workbook: form(["办公楼维修改造", 1200, 1260, pct(0.9524), 850, 816, pct(0.96)]),
      findings: [{ cell: "附件2!D25", severity: "error", expected: "105", actual: "95.24", fix: "safe", related: ["附件2!C25", "附件2!B25"], messageIncludes: ["105.00%"] }],
      fixed: { "附件2!D25": 1.05 },
    },
    {
      name: "the doc page's example, word for word",
      workbook: form(["办公楼维修改造", 1200, 1260, pct(0.9524), 850, 816, pct(0.96)]),
      findings: [{
        cell: "附件2!D25",
        message: {
          zh: "规模控制率应为 105.00%（实际规模 1260.00 ÷ 批复规模 1200.00），表中为 95.24%",
          en: "The scale control rate should be 105.00% (actual 1260.00 ÷ approved 1200.00); the sheet says 95.24%",
        },
      }],
      fixed: { "附件2!D25": 1.05 },
    },
    {
      name: "a blank rate: info with a fix (0.00% format)",
      workbook: form(["办公楼维修改造", 1200, 1260, null, 850, 816, pct(0.96)]),
      findings: [{ cell: "附件2!D25", severity: "info", expected: "105", actual: null, fix: "safe" }],
      fixed: { "附件2!D25": 1.05 },
    },
    {
      name: "every project row is checked",
      workbook: form(["办公楼维修改造", 1200, 1260, pct(1.05), 850, 816, pct(0.96)], ["档案室", 300, 240, pct(1.25), 60, 60, pct(1)]),
      findings: [{ cell: "附件2!D26", severity: "error", expected: "80", actual: "125" }],
      fixed: { "附件2!D26": 0.8 },
    },
  ],
});

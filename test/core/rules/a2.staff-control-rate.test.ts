import type { CellSpec } from "../../../src/adapters/memory/grid-spec";
import { annex2Form, err, pct, seedWorkbook, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

/** 附件2 with the staff row 编制数 | 在职人数 | 控制率 (B4:D4). */
const staff = (posts: CellSpec, onPost: CellSpec, rate: CellSpec) => workbook(annex2Form({ staff: { posts, onPost, rate } }));

testRule("a2.staff-control-rate", {
  valid: [
    { name: "no staff block: nothing to check", workbook: workbook(annex2Form({ staff: null })) },
    { name: "no 控制率 header: nothing to check", workbook: workbook(annex2Form({ staff: { labels: { rate: null }, rate: null } })) },
    { name: "35 on post for 21 posts: 166.67% (0.00%)", workbook: staff(21, 35, pct(1.6667)) },
    { name: "the rate typed as text \"166.67%\" matches (cell.text-number says the rest)", workbook: staff(21, 35, "166.67%") },
    { name: "a rate as percentage points in a plain cell (166.67)", workbook: staff(21, 35, 166.67) },
    { name: "20 on post for 25 posts: 80%", workbook: staff(25, 20, pct(0.8, "0%")) },
    { name: "a difference of 0.01 percentage points is within tolerance", workbook: staff(21, 35, pct(1.6668)) },
    { name: "编制数 blank: no rate to compute", workbook: staff(null, 35, pct(0.6, "0%")) },
    { name: "在职人数 a dash: no rate to compute", workbook: staff(21, "——", pct(0.6, "0%")) },
    { name: "the table placed elsewhere on its sheet", workbook: workbook(annex2Form({ staff: { rate: pct(1.6667) }, offset: { rows: 5, cols: 3 } })) },
  ],
  invalid: [
    {
      name: "the seed: 60% is the inverse (编制 ÷ 在职), 166.67% is right",
      workbook: seedWorkbook(),
      findings: [{
        cell: "附件2!D4", severity: "error", expected: "166.67", actual: "60", fix: "safe",
        messageIncludes: ["166.67%", "恰为其倒数", "inverse"], related: ["附件2!C4", "附件2!B4"],
      }],
      fixed: { "附件2!D4": 1.6667 },
    },
    {
      name: "a wrong rate that is not the inverse says nothing of an inverse",
      workbook: staff(21, 35, pct(1.5)),
      findings: [{ cell: "附件2!D4", severity: "error", expected: "166.67", actual: "150" }],
      fixed: { "附件2!D4": 1.6667 },
    },
    {
      name: "blank rate: info with a fix that fills it in",
      workbook: staff(21, 35, null),
      findings: [{ cell: "附件2!D4", severity: "info", expected: "166.67", actual: null, fix: "safe", messageIncludes: ["未填"] }],
      fixed: { "附件2!D4": 1.6667 },
    },
    {
      name: "a dash in the rate counts as blank",
      workbook: staff(21, 35, "——"),
      findings: [{ cell: "附件2!D4", severity: "info", expected: "166.67" }],
      fixed: { "附件2!D4": 1.6667 },
    },
    {
      name: "#DIV/0! in the rate: error with a fix",
      workbook: staff(21, 35, err("#DIV/0!")),
      findings: [{ cell: "附件2!D4", severity: "error", expected: "166.67", actual: "#DIV/0!", fix: "safe" }],
      fixed: { "附件2!D4": 1.6667 },
    },
    {
      name: "167% shown without decimals is rounding only: info",
      workbook: staff(21, 35, pct(1.67, "0%")),
      findings: [{ cell: "附件2!D4", severity: "info", expected: "166.67", actual: "167", messageIncludes: ["舍入", "rounding only"] }],
      fixed: { "附件2!D4": 1.6667 },
    },
    {
      name: "编制数 0: warning on 编制数, no rate to compare",
      workbook: staff(0, 35, pct(0.6, "0%")),
      findings: [{ cell: "附件2!B4", severity: "warning", expected: null, actual: "0", fix: "none", messageIncludes: ["编制数为 0"] }],
    },
    {
      name: "found and fixed where the table was moved to (3 rows down, 2 columns right)",
      workbook: workbook(annex2Form({ offset: { rows: 3, cols: 2 } })),
      findings: [{ cell: "附件2!F7", severity: "error", expected: "166.67", actual: "60" }],
      fixed: { "附件2!F7": 1.6667 },
    },
    {
      name: "the seed, word for word",
      workbook: seedWorkbook(),
      findings: [{
        cell: "附件2!D4",
        message: {
          zh: "控制率应为 166.67%（在职 35 ÷ 编制 21），表中为 60.00%，恰为其倒数（编制 ÷ 在职 = 60.00%）",
          en: "The control rate should be 166.67% (35 on post ÷ 21 posts); the sheet says 60.00%, exactly its inverse (posts ÷ staff = 60.00%)",
        },
      }],
    },
    {
      name: "the inverse within its tolerance (60.01%) is still named as the inverse; 60.02% is not",
      workbook: staff(21, 35, pct(0.6001)),
      findings: [{ cell: "附件2!D4", severity: "error", actual: "60.01", messageIncludes: ["恰为其倒数", "exactly its inverse"] }],
    },
    {
      name: "60.02% is beyond the inverse's tolerance: a plain mistake",
      workbook: staff(21, 35, pct(0.6002)),
      findings: [{ cell: "附件2!D4", severity: "error", message: { zh: "控制率应为 166.67%（在职 35 ÷ 编制 21），表中为 60.02%", en: "The control rate should be 166.67% (35 on post ÷ 21 posts); the sheet says 60.02%" } }],
    },
    {
      name: "编制数 0, word for word, pointing at the rate too",
      workbook: staff(0, 35, pct(0.6, "0%")),
      findings: [{ cell: "附件2!B4", related: ["附件2!D4"], message: { zh: "编制数为 0，无法计算控制率", en: "Authorized posts are 0, so no control rate can be computed" } }],
    },
    {
      name: "nobody on post: the rate is 0%, and there is no inverse to speak of",
      workbook: staff(21, 0, pct(0.5)),
      findings: [{ cell: "附件2!D4", severity: "error", expected: "0", actual: "50", message: { zh: "控制率应为 0.00%（在职 0 ÷ 编制 21），表中为 50.00%", en: "The control rate should be 0.00% (0 on post ÷ 21 posts); the sheet says 50.00%" } }],
    },
  ],
});

import { annex2Form, annex3Form, seedWorkbook, workbook } from "../../helpers/forms";
import { cellText, run, testRule } from "../../helpers/rule-tester";

// 附件3!E5 is 全年预算数; 附件2!B4 编制数, D4 控制率, C18 公用经费 2023年预算数.
const budget = (value: string) => workbook(annex2Form(), annex3Form({ funds: { budget: value } }));

testRule("cell.text-number", {
  valid: [
    { name: "the seed: numbers are numbers; figures inside the breakdown labels are the form's layout", workbook: seedWorkbook() },
    { name: "年度指标值 and 实际完成值 (\"67人\", \"837.48万元\") are text by nature", workbook: seedWorkbook() },
    // Amounts typed with a money unit are read in 万元, as pasted tables have them: not a typing slip.
    { name: "an amount with its unit \"982.60万元\" is read, not reported", workbook: budget("982.60万元") },
    { name: "an amount with a bare 万 \"982.6万\"", workbook: budget("982.6万") },
    { name: "an amount in 元 with thousands separators \"9,826,000元\"", workbook: budget("9,826,000元") },
    { name: "dashes are not numbers stored as text", workbook: workbook(annex2Form({ funds: { procurement: ["——", "-", "/"] } }), annex3Form()) },
    { name: "a cell with a formula is left alone", workbook: workbook(annex2Form(), annex3Form({ funds: { budget: { v: "982.60", f: "=TEXT(Sheet2!A1,\"0.00\")" } } })) },
  ],
  invalid: [
    {
      name: "full-width digits \"９８２．６０\"",
      workbook: budget("９８２．６０"),
      findings: [{ cell: "附件3!E5", severity: "warning", expected: "982.6", actual: "９８２．６０", fix: "safe", messageIncludes: ["全年预算数", "982.60"] }],
      fixed: { "附件3!E5": 982.6 },
    },
    {
      name: "thousands separators \"1,234.56\"",
      workbook: workbook(annex2Form({ funds: { publicFunds: [99.41, "1,234.56", 74.46] } }), annex3Form()),
      findings: [{ cell: "附件2!C18", severity: "warning", expected: "1234.56", actual: "1,234.56" }],
      fixed: { "附件2!C18": 1234.56 },
    },

    {
      name: "a number in a text-formatted cell \"982.60\"",
      workbook: budget("982.60"),
      findings: [{ cell: "附件3!E5", severity: "warning", expected: "982.6", actual: "982.60" }],
      fixed: { "附件3!E5": 982.6 },
    },
    {
      name: "a rate as text \"166.67%\": written back as 1.6667 in 0.00%",
      workbook: workbook(annex2Form({ staff: { rate: "166.67%" } }), annex3Form()),
      findings: [{ cell: "附件2!D4", severity: "warning", expected: "166.67", actual: "166.67%", messageIncludes: ["166.67%"] }],
      fixed: { "附件2!D4": 1.6667 },
    },
    {
      name: "a count with its unit \"21人\"",
      workbook: workbook(annex2Form({ staff: { posts: "21人", rate: "166.67%" } }), annex3Form()),
      findings: [
        { cell: "附件2!B4", severity: "warning", expected: "21", actual: "21人" },
        { cell: "附件2!D4", severity: "warning", expected: "166.67" },
      ],
      fixed: { "附件2!B4": 21, "附件2!D4": 1.6667 },
    },
    {
      name: "full-width digits, word for word",
      workbook: budget("９８２．６０"),
      findings: [{
        cell: "附件3!E5",
        message: {
          zh: "“全年预算数”是文本型数字“９８２．６０”，Excel 无法参与计算；应写为数字 982.60 万元",
          en: "\"full-year budget\" is a number stored as text, \"９８２．６０\", which Excel cannot add up; write it as the number 982.60 × 10,000 yuan",
        },
      }],
    },
    {
      name: "a rate typed as text is written back as a fraction with a % format",
      workbook: workbook(annex2Form({ staff: { rate: "166.67%" } }), annex3Form()),
      findings: [{
        cell: "附件2!D4", severity: "warning", expected: "166.67", actual: "166.67%", fix: "safe",
        message: {
          zh: "“控制率”是文本型数字“166.67%”，Excel 无法参与计算；应写为数字 166.67%",
          en: "\"control rate\" is a number stored as text, \"166.67%\", which Excel cannot add up; write it as the number 166.67%",
        },
      }],
      fixed: { "附件2!D4": 1.6667 },
    },
  ],
});

describe("cell.text-number writes each kind of figure in its own format", () => {
  test.each([
    ["a count (编制数 \"21\"): a whole number", workbook(annex2Form({ staff: { posts: "21" } }), annex3Form()), "附件2!B4", 21, "0"],
    ["an amount (全年预算数 \"982.60\"): two decimals", budget("982.60"), "附件3!E5", 982.6, "0.00"],
    ["a rate (控制率 \"166.67%\"): a fraction as a percentage", workbook(annex2Form({ staff: { rate: "166.67%" } }), annex3Form()), "附件2!D4", 1.6667, "0.00%"],
  ] as const)("%s", (_name, spec, cell, after, numberFormat) => {
    const edits = run(spec, undefined, "cell.text-number").flatMap((f) => f.fix?.edits ?? []);
    expect(edits.map((e) => ({ cell: cellText(e.at), after: e.after, numberFormat: e.numberFormat })))
      .toEqual([{ cell, after, numberFormat }]);
  });
});

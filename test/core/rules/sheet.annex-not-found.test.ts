import { annex2Form, annex3Form, plainSheet, seedWorkbook, stack, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

const REPORT_TEXT = plainSheet("自评报告", [
  ["株洲市芦淞区人民代表大会常务委员会2023年度部门整体支出绩效自评报告"],
  ["一、部门概况"],
  ["二、部门整体支出管理及使用情况"],
]);

testRule("sheet.annex-not-found", {
  valid: [
    { name: "the seed: both annexes found", workbook: seedWorkbook() },
    { name: "sheet names do not matter (Sheet1, 基础数据表)", workbook: workbook(annex3Form({ name: "Sheet1" }), annex2Form({ name: "基础数据表" })) },
    { name: "both annexes on one sheet", workbook: workbook(stack("Sheet1", [annex2Form(), annex3Form()])) },
    { name: "annexes placed anywhere on their sheets", workbook: workbook(annex2Form({ offset: { rows: 7, cols: 4 } }), annex3Form({ offset: { rows: 2, cols: 1 } })) },
    { name: "next to other sheets", workbook: workbook(REPORT_TEXT, annex2Form(), annex3Form()) },
  ],
  invalid: [
    {
      name: "an empty workbook: neither annex, no cell to name",
      workbook: workbook(),
      findings: [
        { cell: null, severity: "error", expected: null, actual: null, fix: "none", messageIncludes: ["附件2", "基础数据表", "编制数"] },
        { cell: null, severity: "error", messageIncludes: ["附件3", "整体支出绩效自评表", "年度资金总额"] },
      ],
    },
    {
      name: "only the report's text",
      workbook: workbook(REPORT_TEXT),
      findings: [{ cell: null, messageIncludes: ["附件2"] }, { cell: null, messageIncludes: ["附件3"] }],
    },
    {
      name: "only 附件3: one finding, for 附件2",
      workbook: workbook(annex3Form()),
      findings: [{ cell: null, severity: "error", messageIncludes: ["附件2", "Annex 2"] }],
    },
    {
      name: "only 附件2: one finding, for 附件3",
      workbook: workbook(annex2Form()),
      findings: [{ cell: null, severity: "error", messageIncludes: ["附件3", "Annex 3"] }],
    },
  ],
});

import { annex2Form, annex3Form, seedWorkbook, stack, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

testRule("sheet.duplicate-annex", {
  valid: [
    { name: "the seed: one 附件2, one 附件3", workbook: seedWorkbook() },
    { name: "both annexes on one sheet are not duplicates of each other", workbook: workbook(stack("Sheet1", [annex2Form(), annex3Form()])) },
  ],
  invalid: [
    {
      name: "a revised copy of 附件3 on its own sheet: the copy is named, the checked one related",
      workbook: workbook(annex2Form(), annex3Form(), annex3Form({ name: "附件3（修改稿）" })),
      findings: [
        {
          cell: "附件3（修改稿）!A1",
          severity: "warning",
          fix: "none",
          related: ["附件3!A1"],
          messageIncludes: ["附件3（修改稿）", "只核对了 附件3!A1", "Annex 3"],
        },
      ],
    },
    {
      name: "附件2 pasted twice on one sheet: the lower copy (its title row) is named",
      workbook: workbook(stack("Sheet1", [annex2Form(), annex2Form()]), annex3Form()),
      findings: [{ cell: "Sheet1!A32", severity: "warning", messageIncludes: ["附件2", "只核对了 Sheet1!A1", "Annex 2"] }],
    },
  ],
});

import { annex2Form, annex3Form, err, seedWorkbook, withIndicators, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

testRule("cell.not-a-number", {
  valid: [
    { name: "the seed: \"——\" in 政府采购金额 means not filled", workbook: seedWorkbook() },
    { name: "dashes and slashes: —, -, /", workbook: workbook(annex2Form({ funds: { procurement: ["—", "-", "/"] } }), annex3Form()) },
    { name: "numbers stored as text are cell.text-number's", workbook: workbook(annex2Form({ staff: { posts: "21", onPost: "35人" } }), annex3Form({ funds: { budget: "９８２．６０" } })) },
    { name: "Excel errors are cell.error-value's", workbook: workbook(annex2Form({ funds: { publicFunds: [99.41, 116.8, err("#N/A")] } }), annex3Form()) },
    { name: "年度指标值 and 实际完成值 are text by nature", workbook: seedWorkbook() },
  ],
  invalid: [
    {
      name: "编制数 \"约30\"",
      workbook: workbook(annex2Form({ staff: { posts: "约30" } }), annex3Form()),
      findings: [{ cell: "附件2!B4", severity: "error", expected: null, actual: "约30", fix: "none", messageIncludes: ["编制数", "约30"] }],
    },
    {
      name: "the doc page's examples: 公用经费 \"见说明\", 公务接待 \"待定\", an indicator score \"满分\"",
      workbook: workbook(
        annex2Form({ funds: { publicFunds: [99.41, 116.8, "见说明"], reception: [0, "待定", 0] } }),
        annex3Form({ indicators: withIndicators({ 代表培训: { score: "满分" } }) }),
      ),
      findings: [
        { cell: "附件2!C11", severity: "error", actual: "待定", messageIncludes: ["公务接待"] },
        { cell: "附件2!D18", severity: "error", actual: "见说明", messageIncludes: ["公用经费"] },
        { cell: "附件3!H18", severity: "error", actual: "满分", messageIncludes: ["代表培训"] },
      ],
    },
    {
      name: "附件3 funds: 全年执行数 \"约982\"",
      workbook: workbook(annex2Form(), annex3Form({ funds: { executed: "约982" } })),
      findings: [{ cell: "附件3!F5", severity: "error", actual: "约982", messageIncludes: ["全年执行数"] }],
    },
  ],
});

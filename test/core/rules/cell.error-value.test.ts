import { annex2Form, annex3Form, err, pct, seedWorkbook, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

testRule("cell.error-value", {
  valid: [
    { name: "the seed has no error values", workbook: seedWorkbook() },
    {
      name: "#DIV/0! in a derived cell (控制率) is left to its rule, which can rewrite it",
      workbook: workbook(annex2Form({ staff: { rate: err("#DIV/0!") } }), annex3Form()),
    },
  ],
  invalid: [
    {
      name: "#REF! in 全年执行数 (a deleted detail sheet)",
      workbook: workbook(annex2Form(), annex3Form({ funds: { executed: { v: { error: "#REF!" }, f: "=SUM(明细!C2:C40)" }, rate: pct(0.9996) } })),
      findings: [{ cell: "附件3!F5", severity: "error", expected: null, actual: "#REF!", fix: "none", messageIncludes: ["全年执行数", "#REF!", "=SUM(明细!C2:C40)"] }],
    },
    {
      name: "#N/A in 公用经费 2023年决算数",
      workbook: workbook(annex2Form({ funds: { publicFunds: [99.41, 116.8, err("#N/A")] } }), annex3Form()),
      findings: [{ cell: "附件2!D18", severity: "error", actual: "#N/A", messageIncludes: ["公用经费"] }],
    },
    {
      name: "#VALUE! in 实际投资",
      workbook: workbook(annex2Form({ buildings: [["办公楼维修改造", 1200, 1260, pct(1.05), 850, err("#VALUE!"), null]] }), annex3Form()),
      findings: [{ cell: "附件2!F25", severity: "error", actual: "#VALUE!", messageIncludes: ["实际投资"] }],
    },
    {
      name: "an error pasted as text (\"#DIV/0!\") in 编制数",
      workbook: workbook(annex2Form({ staff: { posts: "#DIV/0!" } }), annex3Form()),
      findings: [{ cell: "附件2!B4", severity: "error", actual: "#DIV/0!" }],
    },
    {
      name: "an indicator 分值",
      workbook: workbook(annex2Form(), annex3Form({ indicators: [{ level1: "产出指标\n(90分)", level2: "数量指标", level3: "会议", target: "2次", actual: "2次", weight: err("#NAME?"), score: 90 }] })),
      findings: [{ cell: "附件3!G14", severity: "error", actual: "#NAME?", messageIncludes: ["会议 分值"] }],
    },
    {
      name: "with its formula, word for word",
      workbook: workbook(annex2Form(), annex3Form({ funds: { executed: { v: { error: "#REF!" }, f: "=SUM(明细!C2:C40)" }, rate: pct(0.9996) } })),
      findings: [{
        cell: "附件3!F5",
        message: {
          zh: "“全年执行数”为错误值 #REF!（公式 =SUM(明细!C2:C40)），请检查公式或引用",
          en: "\"full-year spending\" holds the error #REF! (formula =SUM(明细!C2:C40)); check its formula or references",
        },
      }],
    },
    {
      name: "without a formula, word for word",
      workbook: workbook(annex2Form({ funds: { publicFunds: [99.41, 116.8, err("#N/A")] } }), annex3Form()),
      findings: [{ cell: "附件2!D18", message: { zh: "“公用经费”为错误值 #N/A，请检查公式或引用", en: "\"公用经费\" holds the error #N/A; check its formula or references" } }],
    },
  ],
});

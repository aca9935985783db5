import { annex2Form, annex3Form, SEED_INDICATORS, seedWorkbook, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// Findings point at the block or header the label belongs to: 附件2!A3 (财政供养人员情况), 附件2!A5
// (经费控制情况), 附件3!B13 (一级指标 header), or the top of the annex (A1).
testRule("sheet.label-missing", {
  valid: [
    { name: "the seed: every label present (the 楼堂馆所 block is blank but labelled)", workbook: seedWorkbook() },
    { name: "label variants: 自评得分, 权重, 合计", workbook: workbook(annex2Form(), annex3Form({ indicatorHeaders: { score: "自评得分", weight: "权重" }, total: { label: "合计" } })) },
  ],
  invalid: [
    {
      name: "附件2 without the 公用经费 row",
      workbook: workbook(annex2Form({ funds: { publicFunds: null, publicParts: [] } }), annex3Form()),
      findings: [{
        cell: "附件2!A5", severity: "warning", expected: "公用经费", actual: null, fix: "none",
        messageIncludes: ["公用经费", "a2.public-funds-subset", "x.public-funds-in-basic"],
      }],
    },
    {
      name: "附件2 without the 控制率 column",
      workbook: workbook(annex2Form({ staff: { labels: { rate: null }, rate: null } }), annex3Form()),
      findings: [{ cell: "附件2!A3", severity: "warning", expected: "控制率", messageIncludes: ["a2.staff-control-rate"] }],
    },
    {
      name: "附件2 without the 三公经费 row",
      workbook: workbook(annex2Form({ funds: { threePublic: null } }), annex3Form()),
      findings: [{ cell: "附件2!A5", severity: "warning", expected: "三公经费", messageIncludes: ["a2.three-public-total", "a2.three-public-change"] }],
    },
    {
      name: "附件2 without its staff block",
      workbook: workbook(annex2Form({ staff: null }), annex3Form()),
      findings: [{ cell: "附件2!A1", severity: "warning", expected: "编制数 / 实际在职人数", messageIncludes: ["a2.staff-control-rate", "a2.over-establishment"] }],
    },
    {
      name: "附件3 without its 总分 row",
      workbook: workbook(annex2Form(), annex3Form({ total: null })),
      findings: [{ cell: "附件3!B13", severity: "warning", expected: "总分", messageIncludes: ["a3.total-score", "a3.weights-total"] }],
    },
    {
      name: "附件3 without the 按支出性质分 block",
      workbook: workbook(annex2Form(), annex3Form({ expense: null })),
      findings: [{ cell: "附件3!A1", severity: "warning", expected: "按支出性质分", messageIncludes: ["a3.expense-breakdown", "x.project-spending", "x.public-funds-in-basic"] }],
    },
    {
      name: "附件3 without the 执行率 column",
      workbook: workbook(annex2Form(), annex3Form({ funds: { headers: { rate: null }, rate: null } })),
      findings: [{ cell: "附件3!E4", severity: "warning", expected: "执行率", messageIncludes: ["a3.execution-rate"] }],
    },
    {
      name: "the doc page's example: the 楼堂馆所 block deleted",
      workbook: workbook(annex2Form({ buildings: null }), annex3Form()),
      findings: [{ cell: "附件2!A1", severity: "warning", messageIncludes: ["楼堂馆所", "a2.building-scale-rate", "a2.building-investment-rate"] }],
    },
    {
      name: "the doc page's example: the 偏差原因分析及改进措施 column deleted",
      workbook: workbook(annex2Form(), annex3Form({ indicatorHeaders: { reason: null }, indicators: SEED_INDICATORS.map((r) => ({ ...r, reason: undefined })) })),
      findings: [{ cell: "附件3!B13", severity: "warning", messageIncludes: ["偏差原因", "a3.deviation-reason"] }],
    },
    {
      name: "the doc page's example: the 政府采购金额 row deleted",
      workbook: workbook(annex2Form({ funds: { procurement: null } }), annex3Form()),
      findings: [{ cell: "附件2!A5", severity: "warning", messageIncludes: ["政府采购金额", "a2.over-budget"] }],
    },
  ],
});

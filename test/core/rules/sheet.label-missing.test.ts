import { annex2Form, annex3Form, SEED_INDICATORS, seedWorkbook, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// Findings point at the block or header the label belongs to: 附件2!A3 (财政供养人员情况), 附件2!A5
// (经费控制情况), 附件3!B13 (一级指标 header), or the top of the annex (A1).
testRule("sheet.label-missing", {
  valid: [
    { name: "only 附件2, all its labels present (the missing 附件3 is sheet.annex-not-found's)", workbook: workbook(annex2Form()) },
    { name: "only 附件3, all its labels present", workbook: workbook(annex3Form()) },
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
    {
      name: "附件2 without its 经费控制情况 block, word for word",
      workbook: workbook(annex2Form({ funds: null }), annex3Form()),
      findings: [{
        cell: "附件2!A1", severity: "warning", expected: "经费控制情况（决算数/预算数表头）", actual: null,
        message: { zh: "未找到标签“经费控制情况（决算数/预算数表头）”，已跳过规则 a2.three-public-total、a2.project-total、a2.over-budget、x.project-spending", en: "Label \"经费控制情况（决算数/预算数表头）\" not found; skipped a2.three-public-total, a2.project-total, a2.over-budget, x.project-spending" },
      }],
    },
    {
      name: "附件2 without the 项目支出 row, word for word",
      workbook: workbook(annex2Form({ funds: { project: null, projectLines: [] } }), annex3Form()),
      findings: [{
        cell: "附件2!A5", severity: "warning", expected: "项目支出", actual: null,
        message: { zh: "未找到标签“项目支出”，已跳过规则 a2.project-total、x.project-spending", en: "Label \"项目支出\" not found; skipped a2.project-total, x.project-spending" },
      }],
    },
    {
      name: "附件2 without the 公用经费 row, word for word",
      workbook: workbook(annex2Form({ funds: { publicFunds: null, publicParts: [] } }), annex3Form()),
      findings: [{
        cell: "附件2!A5", severity: "warning", expected: "公用经费", actual: null,
        message: { zh: "未找到标签“公用经费”，已跳过规则 a2.public-funds-subset、x.public-funds-in-basic", en: "Label \"公用经费\" not found; skipped a2.public-funds-subset, x.public-funds-in-basic" },
      }],
    },
    {
      name: "附件3 without its 年度资金总额 row, word for word",
      workbook: workbook(annex2Form(), annex3Form({ funds: null })),
      findings: [{
        cell: "附件3!A1", severity: "warning", expected: "年度资金总额（全年预算数/全年执行数）", actual: null,
        message: { zh: "未找到标签“年度资金总额（全年预算数/全年执行数）”，已跳过规则 a3.execution-rate、a3.execution-score", en: "Label \"年度资金总额（全年预算数/全年执行数）\" not found; skipped a3.execution-rate, a3.execution-score" },
      }],
    },
    {
      name: "附件3 without the execution 得分 column, word for word",
      workbook: workbook(annex2Form(), annex3Form({ funds: { headers: { score: null }, score: null } })),
      findings: [{
        cell: "附件3!E4", severity: "warning", expected: "得分（执行率得分）", actual: null,
        message: { zh: "未找到标签“得分（执行率得分）”，已跳过规则 a3.execution-score", en: "Label \"得分（执行率得分）\" not found; skipped a3.execution-score" },
      }],
    },
    {
      name: "附件3 without the indicator 分值 column, word for word",
      workbook: workbook(annex2Form(), annex3Form({ indicatorHeaders: { weight: null } })),
      findings: [{
        cell: "附件3!B13", severity: "warning", expected: "分值", actual: null,
        message: { zh: "未找到标签“分值”，已跳过规则 a3.weights-total、a3.score-range", en: "Label \"分值\" not found; skipped a3.weights-total, a3.score-range" },
      }],
    },
    {
      name: "附件3 without the indicator 得分 column, word for word",
      workbook: workbook(annex2Form(), annex3Form({ indicatorHeaders: { score: null } })),
      findings: [{
        cell: "附件3!B13", severity: "warning", expected: "得分", actual: null,
        message: { zh: "未找到标签“得分”，已跳过规则 a3.score-range、a3.total-score", en: "Label \"得分\" not found; skipped a3.score-range, a3.total-score" },
      }],
    },
    {
      name: "附件3 without the indicator table header, word for word",
      workbook: workbook(annex2Form(), annex3Form({ indicatorHeaders: { level1: null, level2: null, level3: null } })),
      findings: [{
        cell: "附件3!A1", severity: "warning", expected: "一级指标 / 三级指标", actual: null,
        message: { zh: "未找到标签“一级指标 / 三级指标”，已跳过规则 a3.score-range、a3.quantitative-score、a3.total-score", en: "Label \"一级指标 / 三级指标\" not found; skipped a3.score-range, a3.quantitative-score, a3.total-score" },
      }],
    },
    {
      name: "附件2 without its staff block, word for word",
      workbook: workbook(annex2Form({ staff: null }), annex3Form()),
      findings: [{
        cell: "附件2!A1", severity: "warning", expected: "编制数 / 实际在职人数", actual: null,
        message: { zh: "未找到标签“编制数 / 实际在职人数”，已跳过规则 a2.staff-control-rate、a2.over-establishment", en: "Label \"编制数 / 实际在职人数\" not found; skipped a2.staff-control-rate, a2.over-establishment" },
      }],
    },
    {
      name: "附件2 without the 控制率 column, word for word",
      workbook: workbook(annex2Form({ staff: { labels: { rate: null }, rate: null } }), annex3Form()),
      findings: [{
        cell: "附件2!A3", severity: "warning", expected: "控制率", actual: null,
        message: { zh: "未找到标签“控制率”，已跳过规则 a2.staff-control-rate", en: "Label \"控制率\" not found; skipped a2.staff-control-rate" },
      }],
    },
    {
      name: "附件2 without the 三公经费 row, word for word",
      workbook: workbook(annex2Form({ funds: { threePublic: null } }), annex3Form()),
      findings: [{
        cell: "附件2!A5", severity: "warning", expected: "三公经费", actual: null,
        message: { zh: "未找到标签“三公经费”，已跳过规则 a2.three-public-total、a2.three-public-change", en: "Label \"三公经费\" not found; skipped a2.three-public-total, a2.three-public-change" },
      }],
    },
    {
      name: "附件2 without the 政府采购金额 row, word for word",
      workbook: workbook(annex2Form({ funds: { procurement: null } }), annex3Form()),
      findings: [{
        cell: "附件2!A5", severity: "warning", expected: "政府采购金额", actual: null,
        message: { zh: "未找到标签“政府采购金额”，已跳过规则 a2.over-budget", en: "Label \"政府采购金额\" not found; skipped a2.over-budget" },
      }],
    },
    {
      name: "附件2 without the 楼堂馆所 block, word for word",
      workbook: workbook(annex2Form({ buildings: null }), annex3Form()),
      findings: [{
        cell: "附件2!A1", severity: "warning", expected: "楼堂馆所控制情况", actual: null,
        message: { zh: "未找到标签“楼堂馆所控制情况”，已跳过规则 a2.building-scale-rate、a2.building-investment-rate", en: "Label \"楼堂馆所控制情况\" not found; skipped a2.building-scale-rate, a2.building-investment-rate" },
      }],
    },
    {
      name: "附件3 without its 总分 row, word for word",
      workbook: workbook(annex2Form(), annex3Form({ total: null })),
      findings: [{
        cell: "附件3!B13", severity: "warning", expected: "总分", actual: null,
        message: { zh: "未找到标签“总分”，已跳过规则 a3.total-score、a3.weights-total", en: "Label \"总分\" not found; skipped a3.total-score, a3.weights-total" },
      }],
    },
    {
      name: "附件3 without the 按支出性质分 block, word for word",
      workbook: workbook(annex2Form(), annex3Form({ expense: null })),
      findings: [{
        cell: "附件3!A1", severity: "warning", expected: "按支出性质分", actual: null,
        message: { zh: "未找到标签“按支出性质分”，已跳过规则 a3.expense-breakdown、x.project-spending、x.public-funds-in-basic", en: "Label \"按支出性质分\" not found; skipped a3.expense-breakdown, x.project-spending, x.public-funds-in-basic" },
      }],
    },
    {
      name: "附件3 without the 执行率 column, word for word",
      workbook: workbook(annex2Form(), annex3Form({ funds: { headers: { rate: null }, rate: null } })),
      findings: [{
        cell: "附件3!E4", severity: "warning", expected: "执行率", actual: null,
        message: { zh: "未找到标签“执行率”，已跳过规则 a3.execution-rate", en: "Label \"执行率\" not found; skipped a3.execution-rate" },
      }],
    },
    {
      name: "附件3 without the 偏差原因分析及改进措施 column, word for word",
      workbook: workbook(annex2Form(), annex3Form({ indicatorHeaders: { reason: null }, indicators: SEED_INDICATORS.map((r) => ({ ...r, reason: undefined })) })),
      findings: [{
        cell: "附件3!B13", severity: "warning", expected: "偏差原因分析及改进措施", actual: null,
        message: { zh: "未找到标签“偏差原因分析及改进措施”，已跳过规则 a3.deviation-reason", en: "Label \"偏差原因分析及改进措施\" not found; skipped a3.deviation-reason" },
      }],
    },
  ],
});

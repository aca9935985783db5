/**
 * 四川 部门预算项目支出绩效自评表 (报表编号 510000_…): 预算执行情况（10分） with 调整后预算数 as the
 * denominator, 绩效指标（90分） with 指标性质/度量单位 columns, a 合计 row. See docs/profiles/sichuan-project.md.
 */
import type { FormProfile } from "./profile";
import {
  COMMON_COLUMNS, COMMON_DIMENSIONS, COMMON_END, COMMON_INDICATOR_COLUMNS, COMMON_QUANTITATIVE_LEVEL2,
  COMMON_SATISFACTION, COMMON_TERMS, COMMON_TOTAL, MOF_QUALITATIVE_BANDS,
} from "./common";

export const SICHUAN_PROJECT: FormProfile = {
  id: "sichuan-project",
  name: { zh: "四川 部门预算项目支出绩效自评表", en: "Sichuan department budget project self-evaluation table" },
  usedIn: {
    zh: "四川省各级预算部门决算公开中附的部门预算项目支出绩效自评表（报表编号 510000_…，每个项目一张）",
    en: "Project self-evaluation tables published with final accounts by budget units in Sichuan (report code 510000_…, one per project)",
  },
  docPage: "docs/profiles/sichuan-project.md",
  sources: [
    { title: "青神县发展和改革局 2023 部门预算项目支出绩效自评表（510000_0013zp）", url: "https://www.scqs.gov.cn/info/13206/211004.htm" },
    { title: "大英县司法局 2023 部门预算项目支出绩效自评表", url: "https://dyxrmt.cn/article-157795-21.html" },
    { title: "大英县 项目支出绩效自评表（4 × 22.5 分，合计 100）", url: "https://dyrmt.com/article-132779-22.html" },
  ],
  basicData: false,
  selfEval: {
    title: /部门预算项目支出绩效自评表|项目支出绩效自评表/,
    fields: {
      unitName: null,
      project: /^项目名称$/,
      department: /^主管部门$/,
      implementer: /^实施单位(?:\(盖章\))?$/,
    },
    funds: {
      caption: /^预算执行情况/,
      columns: COMMON_COLUMNS,
      totalRow: /^总额$|^(?:年度)?资金总额/,
      parts: [
        { key: "fiscal", label: /^财政资金$/, name: { zh: "财政资金", en: "fiscal funds" } },
        { key: "specialAccount", label: /^财政专户管理资金/, name: { zh: "财政专户管理资金", en: "special-account funds" } },
        { key: "unit", label: /^单位资金/, name: { zh: "单位资金", en: "the unit's own funds" } },
        { key: "other", label: /^其他资金/, name: { zh: "其他资金", en: "other funds" } },
      ],
      breakdowns: false,
      reason: /^原因$|^偏差原因/,
    },
    goals: /^项目年度目标|^年度目标|^项目基本情况|^年度总体目标/,
    indicators: { weightColumn: true, reasonColumn: true, columns: COMMON_INDICATOR_COLUMNS },
    total: COMMON_TOTAL,
    end: COMMON_END,
  },
  tablesPerWorkbook: "many",
  detection: [
    { pattern: /部门预算项目支出绩效自评表/, weight: 4, why: { zh: "标题为“部门预算项目支出绩效自评表”", en: "a title 部门预算项目支出绩效自评表" } },
    { pattern: /510000_|^报表编号/, weight: 2, why: { zh: "有报表编号 510000_…", en: "a report code 510000_…" } },
    { pattern: /^调整后预算数?$|^预算执行数$/, weight: 2, why: { zh: "表头为“调整后预算数/预算执行数”", en: "headers 调整后预算数/预算执行数" } },
    { pattern: /^财政专户管理资金|^单位资金$/, weight: 2, why: { zh: "有“财政专户管理资金/单位资金”", en: "财政专户管理资金/单位资金 rows" } },
    { pattern: /^预算执行情况\(10分\)|^绩效指标\(90分\)/, weight: 3, why: { zh: "有“预算执行情况（10分）/绩效指标（90分）”", en: "预算执行情况(10分)/绩效指标(90分) captions" } },
  ],
  terms: {
    ...COMMON_TERMS,
    table: { zh: "部门预算项目支出绩效自评表", en: "project self-evaluation table" },
    initialBudget: { zh: "年初预算", en: "initial budget" },
    budget: { zh: "调整后预算数", en: "adjusted budget" },
    executed: { zh: "预算执行数", en: "budget spent" },
    weight: { zh: "权重", en: "weight" },
    rate: { zh: "预算执行率", en: "execution rate" },
    fundsTotal: { zh: "总额", en: "total funds" },
    total: { zh: "合计", en: "total" },
    target: { zh: "指标值", en: "target" },
    actual: { zh: "完成值", en: "actual" },
    reason: { zh: "未完成原因分析", en: "reason for shortfall" },
  },
  execution: { denominator: "budget", score: { kind: "linear", capPercent: 100 }, weight: 10 },
  // The published tables weight 产出 and 效益 only; 满意度 is often left out (the 90 split freely).
  dimensions: COMMON_DIMENSIONS.map((d) => (d.key === "satisfaction" ? { ...d, required: false } : d)),
  weightsWrittenIn: "column-only",
  weightSchemes: [
    { id: "10-90", name: { zh: "预算执行10/绩效指标90（自行分配）", en: "execution 10 / indicators 90 (split freely)" }, dimensions: { output: 50, effect: 30, satisfaction: 10 } },
  ],
  quantitativeLevel2: COMMON_QUANTITATIVE_LEVEL2,
  satisfaction: COMMON_SATISFACTION,
  qualitativeBands: MOF_QUALITATIVE_BANDS,
  gradeBands: [90, 80, 60],
  overCompletion: { thresholdPercent: 30, treatment: "note" },
  reverseFormula: "A",
  reasons: { whenScoreBelowWeight: true, whenExecutionBelowPercent: 90 },
  rulesOff: [],
  template: {
    kind: "project-table",
    title: "部门预算项目支出绩效自评表",
    fields: ["项目名称", "主管部门", "实施单位（盖章）"],
    fundsCaption: "预算执行情况（10分）",
    fundsColumns: ["年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
    fundsTotalRow: "总额",
    fundsParts: ["其中：财政资金", "财政专户管理资金", "单位资金", "其他资金"],
    goalHeadings: ["项目年度目标", "年度目标完成情况"],
    indicatorColumns: ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
    level2: {
      output: ["数量指标", "质量指标", "时效指标", "成本指标"],
      effect: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
      satisfaction: ["服务对象满意度指标"],
    },
    totalLabel: "合计",
    notes: ["说明：预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因。"],
  },
};

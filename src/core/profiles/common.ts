/**
 * The vocabulary the forms of the family share: label patterns seen across provinces and years
 * (../shared/spec/annexes.md, forms.md, docs/research/forms-research.md). A profile takes these
 * and changes what its form says differently; recognition never sees a pattern that is not in
 * some profile.
 *
 * Every pattern runs on a normalized label: half-width, no whitespace, no list prefix, no
 * trailing colon ("全年预算数（A）" is tested as "全年预算数(A)"). A trailing "(…)" (a unit, a
 * letter, a weight: "(万元)", "(A)", "(10分)") is allowed wherever a column header may carry one.
 */
import type { FormProfile, SelfEvalSpec, Terms } from "./profile";

/** "(…)" after a header: 全年预算数(A), 执行率(B/A), 分值(10分), 得分(20分*执行率). */
const TAIL = String.raw`(?:\(.*\))?`;

export const COMMON_COLUMNS: SelfEvalSpec["funds"]["columns"] = {
  initialBudget: new RegExp(`^年初预算(?:数)?${TAIL}$`),
  budget: new RegExp(`^(?:全年预算(?:数)?|调整后预算(?:数)?|全年\\(调整\\)预算数|预算数)${TAIL}$`),
  executed: new RegExp(`^(?:全年执行(?:数)?|预算执行(?:数)?|执行数|全年支出(?:数)?|实际支出(?:数)?)${TAIL}$`),
  weight: new RegExp(`^(?:分值|权重|执行率权重)${TAIL}$`),
  rate: new RegExp(`^(?:预算)?执行率${TAIL}$`),
  score: new RegExp(`^(?:(?:自评|执行率)?得分)${TAIL}$`),
};

export const COMMON_INDICATOR_COLUMNS: SelfEvalSpec["indicators"]["columns"] = {
  level1: /^一级指标$/,
  level2: /^二级指标$/,
  level3: /^三级指标$/,
  target: new RegExp(`^(?:(?:年度)?指标值|年度目标值|预期指标值|年初目标值|年初指标值|目标值|预期目标值)${TAIL}$`),
  actual: new RegExp(`^(?:(?:实际)?完成值|实际完成(?:值|情况)|全年实际(?:完成)?值|全年完成值|年终完成值|实际值)${TAIL}$`),
  weight: new RegExp(`^(?:分值|权重|指标权重)${TAIL}$`),
  score: new RegExp(`^(?:(?:自评|指标)?得分)${TAIL}$`),
  reason: /偏差原因|原因分析|改进措施|未完成原因/,
  nature: /^指标性质$|^指标方向$/,
  unit: /^(?:度量|计量)?单位$/,
};

/** The closing row of an indicator table. */
export const COMMON_TOTAL = new RegExp(`^(?:总分|合计|总计|综合得分|项目总得分|自评总分|自评得分合计)${TAIL}$`);

/**
 * Rows that end a table: notes, explanations, signatures, the sections some forms put after it.
 * "注" and "说明" must be followed by a colon, a digit or nothing: "注册企业数" is an indicator.
 */
export const COMMON_END = /^(?:注(?:[:\d]|$)|说明(?:[:\d]|$)|备注(?:[:\d]|$)|填表人|填报人|填报日期|填表日期|审核人|联系电话|单位负责人|财务负责人|项目负责人[:：]|单位主要负责人|评价结论|存在问题|偏差大或目标未完成原因分析|改进措施及结果应用方案)/;

/** Goal block headings: everything between one and the indicator header is prose. */
export const COMMON_GOALS = /^(?:年度总体目标|年度绩效目标|年初设定目标|总体目标|年度目标|项目年度目标|当年绩效目标|绩效目标完成情况)/;

export const COMMON_DIMENSIONS: FormProfile["dimensions"] = [
  { key: "output", label: /产出/, level2: /数量|质量|时效|进度/, name: { zh: "产出指标", en: "output" }, required: true },
  { key: "effect", label: /效益|效果/, level2: /效益|影响/, name: { zh: "效益指标", en: "effect" }, required: true },
  { key: "satisfaction", label: /满意/, level2: /满意/, name: { zh: "满意度指标", en: "satisfaction" }, required: true },
];

export const COMMON_QUANTITATIVE_LEVEL2 = /数量|质量|时效|进度|成本/;
export const COMMON_SATISFACTION = /满意/;

export const COMMON_TERMS: Terms = {
  table: { zh: "自评表", en: "self-evaluation table" },
  initialBudget: { zh: "年初预算数", en: "initial budget" },
  budget: { zh: "全年预算数", en: "full-year budget" },
  executed: { zh: "全年执行数", en: "full-year spending" },
  weight: { zh: "分值", en: "weight" },
  rate: { zh: "执行率", en: "execution rate" },
  score: { zh: "得分", en: "score" },
  executionScore: { zh: "执行率得分", en: "execution score" },
  fundsTotal: { zh: "年度资金总额", en: "total funds" },
  total: { zh: "总分", en: "total score" },
  target: { zh: "年度指标值", en: "target" },
  actual: { zh: "实际完成值", en: "actual" },
  reason: { zh: "偏差原因分析及改进措施", en: "deviation reason" },
  indicator: { zh: "指标", en: "indicator" },
  level1: { zh: "一级指标", en: "level-1 indicator" },
};

/** 财政部 bands: 达成 80–100% of 分值 (80 included), 部分达成 60–80%, 未达成 0–60%. */
export const MOF_QUALITATIVE_BANDS: FormProfile["qualitativeBands"] = {
  achieved: [0.8, 1],
  partial: [0.6, 0.8],
  notAchieved: [0, 0.6],
};

/**
 * The smallest complete example of a form profile, for docs/profiles.md ("the smallest complete
 * example"). The doc quotes this file between the two marker comments below, and
 * test/core/profiles/profiles.test.ts fails when the two differ: edit both together.
 *
 * The form is imaginary. It lives under test/ and is not in PROFILES: the tests pass it to
 * chooseProfile(labels, undefined, [...PROFILES, EXAMPLE_PROFILE]) and to the readers directly.
 * Its docPage does not exist (a real form would add it in step 3 of docs/profiles.md).
 */
// <example-profile>
import type { FormProfile } from "../../../src/core/profiles/profile";
import {
  COMMON_COLUMNS, COMMON_DIMENSIONS, COMMON_END, COMMON_GOALS, COMMON_INDICATOR_COLUMNS, COMMON_QUANTITATIVE_LEVEL2,
  COMMON_SATISFACTION, COMMON_TERMS, COMMON_TOTAL,
} from "../../../src/core/profiles/common";

/**
 * 示例省 专项资金绩效自评表 (imaginary): the 财政部 layout with its own title, its own funds labels
 * (调整预算数 / 实际执行数, rows 专项资金总额 / 省级补助资金 / 市县配套资金 / 其他资金) and one rule of
 * its own: 部分达成 earns 60–90 % of 分值 (财政部: 60–80 %).
 */
export const EXAMPLE_PROFILE: FormProfile = {
  id: "example-special-fund",
  name: { zh: "示例省 专项资金绩效自评表（虚构）", en: "Example province special-fund self-evaluation table (imaginary)" },
  usedIn: {
    zh: "虚构的表式，只用来说明怎样编写表式配置",
    en: "An imaginary form, only to show how a profile is written",
  },
  docPage: "docs/profiles/example-special-fund.md",
  sources: [],
  basicData: false,
  selfEval: {
    title: /专项资金绩效自评表/,
    fields: { unitName: null, project: /^项目名称$/, department: /^主管部门$/, implementer: /^实施单位$/ },
    funds: {
      caption: /^专项资金/,
      // The common headers, except the two this form words its own way.
      columns: { ...COMMON_COLUMNS, budget: /^调整预算数(?:\(.*\))?$/, executed: /^实际执行数(?:\(.*\))?$/ },
      totalRow: /^专项资金总额/,
      parts: [
        { key: "provincial", label: /^省级补助资金/, name: { zh: "省级补助资金", en: "provincial subsidy" } },
        { key: "local", label: /^市县配套资金/, name: { zh: "市县配套资金", en: "local matching funds" } },
        { key: "other", label: /^其他资金/, name: { zh: "其他资金", en: "other funds" } },
      ],
      breakdowns: false,
      reason: null,
    },
    goals: COMMON_GOALS,
    indicators: { weightColumn: true, reasonColumn: true, columns: COMMON_INDICATOR_COLUMNS },
    total: COMMON_TOTAL,
    end: COMMON_END,
  },
  tablesPerWorkbook: "many",
  detection: [
    { pattern: /专项资金绩效自评表/, weight: 4, why: { zh: "标题为“专项资金绩效自评表”", en: "a title 专项资金绩效自评表" } },
    { pattern: /^专项资金总额/, weight: 3, why: { zh: "有“专项资金总额”", en: "a 专项资金总额 row" } },
    { pattern: /^省级补助资金|^市县配套资金/, weight: 2, why: { zh: "有“省级补助资金/市县配套资金”", en: "省级补助资金/市县配套资金 rows" } },
  ],
  terms: {
    ...COMMON_TERMS,
    table: { zh: "专项资金绩效自评表", en: "special-fund self-evaluation table" },
    budget: { zh: "调整预算数", en: "adjusted budget" },
    executed: { zh: "实际执行数", en: "spending" },
    fundsTotal: { zh: "专项资金总额", en: "total special funds" },
  },
  execution: { denominator: "budget", score: { kind: "linear", capPercent: 100 }, weight: 10 },
  dimensions: COMMON_DIMENSIONS,
  weightsWrittenIn: "level1-label",
  weightSchemes: [
    { id: "10-50-30-10", name: { zh: "执行率10/产出50/效益30/满意度10", en: "execution 10 / output 50 / effect 30 / satisfaction 10" }, dimensions: { output: 50, effect: 30, satisfaction: 10 } },
  ],
  quantitativeLevel2: COMMON_QUANTITATIVE_LEVEL2,
  satisfaction: COMMON_SATISFACTION,
  // The rule this form sets differently (a3.qualitative-band): 达成 90–100 %, 部分达成 60–90 %, 未达成 0–60 %.
  qualitativeBands: { achieved: [0.9, 1], partial: [0.6, 0.9], notAchieved: [0, 0.6] },
  gradeBands: [90, 80, 60],
  overCompletion: { thresholdPercent: 30, treatment: "note" },
  reverseFormula: "A",
  reasons: { whenScoreBelowWeight: true, whenExecutionBelowPercent: null },
  rulesOff: [],
  template: {
    kind: "project-table",
    title: "专项资金绩效自评表",
    fields: ["项目名称", "主管部门", "实施单位"],
    fundsCaption: "专项资金（万元）",
    fundsColumns: ["年初预算数", "调整预算数（A）", "实际执行数（B）", "分值", "执行率（B/A）", "得分"],
    fundsTotalRow: "专项资金总额",
    fundsParts: ["其中：省级补助资金", "市县配套资金", "其他资金"],
    goalHeadings: ["预期目标", "实际完成情况"],
    indicatorColumns: ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    level2: {
      output: ["数量指标", "质量指标", "时效指标", "成本指标"],
      effect: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
      satisfaction: ["服务对象满意度指标"],
    },
    totalLabel: "总分",
    notes: ["注：定性指标按达成、部分达成、未达成三档，分别按该指标分值的100%-90%、90%-60%、60%-0%确定得分。"],
  },
};
// </example-profile>

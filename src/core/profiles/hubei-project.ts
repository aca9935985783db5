/**
 * 湖北 项目绩效自评表 (2020–2021 published tables; 鄂财绩发〔2020〕3号 family): a 20-point execution
 * block whose score is 20 × 执行率 (written in the heading, "得分（20分*执行率）"), 80 points of
 * indicators, a 一级 过程指标 in some tables, and qualitative bands of 100–80 / 80–50 / 50–0 %.
 * See docs/profiles/hubei-project.md. Added as data only: this file, one line in ./index.ts, its
 * doc page and its tests.
 */
import type { FormProfile } from "./profile";
import {
  COMMON_COLUMNS, COMMON_DIMENSIONS, COMMON_END, COMMON_GOALS, COMMON_INDICATOR_COLUMNS, COMMON_QUANTITATIVE_LEVEL2,
  COMMON_SATISFACTION, COMMON_TERMS, COMMON_TOTAL,
} from "./common";

export const HUBEI_PROJECT: FormProfile = {
  id: "hubei-project",
  name: { zh: "湖北 项目绩效自评表", en: "Hubei project self-evaluation table" },
  usedIn: {
    zh: "湖北省市县预算单位的项目支出绩效自评（预算执行 20 分、年度绩效目标 80 分的格式，每个项目一张）",
    en: "Project self-evaluations of budget units in Hubei (20 points for execution, 80 for the year's goals; one table per project)",
  },
  docPage: "docs/profiles/hubei-project.md",
  sources: [
    { title: "2020年度长江禁捕项目自评表（区市场监督管理局）", url: "https://1wenmi.com/doc/330418.html" },
    { title: "2020年市级服务贸易发展资金项目自评表（区商务局）", url: "https://www.kunmingchi.com/archives/973rxnk2je7n4oep6ym4.html" },
    { title: "湖北工程学院 学生资助项目绩效目标自评表（含过程指标）", url: "https://m.777doc.com/doc-4336759.html" },
  ],
  basicData: false,
  selfEval: {
    title: /项目(?:支出)?绩效(?:目标)?自评表|项目自评表/,
    fields: {
      unitName: /^单位名称/,
      project: /^项目名称$/,
      department: /^主管部门$/,
      implementer: /^(?:项目)?实施单位$/,
    },
    funds: {
      caption: /^预算执行情况/,
      columns: COMMON_COLUMNS,
      totalRow: /^年度财政资金总额|^(?:年度)?资金总额/,
      parts: [],
      breakdowns: false,
      reason: null,
    },
    goals: COMMON_GOALS,
    // The published tables carry the weights in the 一级 labels and the captions; the reasons go
    // below the table (偏差大或目标未完成原因分析). Either column is read when present.
    indicators: { weightColumn: false, reasonColumn: false, columns: COMMON_INDICATOR_COLUMNS },
    total: COMMON_TOTAL,
    end: COMMON_END,
  },
  tablesPerWorkbook: "many",
  detection: [
    { pattern: /^得分\(20分\*执行率\)/, weight: 4, why: { zh: "表头为“得分（20分*执行率）”", en: "a header 得分(20分*执行率)" } },
    { pattern: /^预算执行情况\(万元\)\(20分\)/, weight: 4, why: { zh: "有“预算执行情况（万元）（20分）”", en: "a 预算执行情况(万元)(20分) block" } },
    { pattern: /^年度财政资金总额/, weight: 3, why: { zh: "有“年度财政资金总额”", en: "a 年度财政资金总额 row" } },
    { pattern: /^年度绩效目标\d*\(\d+分\)/, weight: 2, why: { zh: "有“年度绩效目标（80分）”", en: "a 年度绩效目标(80分) caption" } },
    { pattern: /^年初目标值/, weight: 1, why: { zh: "表头为“年初目标值”", en: "a 年初目标值 header" } },
  ],
  terms: {
    ...COMMON_TERMS,
    table: { zh: "项目绩效自评表", en: "project self-evaluation table" },
    budget: { zh: "预算数", en: "budget" },
    executed: { zh: "执行数", en: "spending" },
    fundsTotal: { zh: "年度财政资金总额", en: "total fiscal funds" },
    target: { zh: "年初目标值", en: "target" },
    reason: { zh: "偏差大或目标未完成原因分析", en: "reason for the shortfall" },
  },
  execution: { denominator: "budget", score: { kind: "linear", capPercent: 100 }, weight: 20 },
  dimensions: [
    ...COMMON_DIMENSIONS,
    { key: "process", label: /过程/, level2: /过程|程序|管理/, name: { zh: "过程指标", en: "process" }, required: false },
  ],
  weightsWrittenIn: "level1-label",
  weightSchemes: [
    { id: "20-80", name: { zh: "预算执行20/产出40/效益30/满意度10", en: "execution 20 / output 40 / effect 30 / satisfaction 10" }, dimensions: { output: 40, effect: 30, satisfaction: 10 } },
  ],
  quantitativeLevel2: COMMON_QUANTITATIVE_LEVEL2,
  satisfaction: COMMON_SATISFACTION,
  // 备注 3 of the published tables: 达成 100–80%, 部分达成 80–50%, 未达成 50–0%.
  qualitativeBands: { achieved: [0.8, 1], partial: [0.5, 0.8], notAchieved: [0, 0.5] },
  gradeBands: [90, 80, 60],
  overCompletion: { thresholdPercent: 30, treatment: "note" },
  // 备注 2 of the published tables: 反向指标 得分 = 权重 × A/B.
  reverseFormula: "B",
  reasons: { whenScoreBelowWeight: true, whenExecutionBelowPercent: null },
  rulesOff: [],
  template: {
    kind: "project-table",
    title: "项目绩效自评表",
    fields: ["项目名称", "主管部门", "项目实施单位"],
    fundsCaption: "预算执行情况（万元）（20分）",
    fundsColumns: ["预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）"],
    fundsTotalRow: "年度财政资金总额",
    fundsParts: [],
    goalHeadings: ["预期目标", "实际完成情况"],
    indicatorColumns: ["一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "分值", "得分", "偏差原因分析及改进措施"],
    level2: {
      output: ["数量指标", "质量指标", "时效指标", "成本指标"],
      effect: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
      satisfaction: ["服务对象满意度指标"],
    },
    totalLabel: "总分",
    notes: [
      "备注：1.预算执行情况口径：预算数为调整后财政资金总额（包括上年结余结转），执行数为资金使用单位财政资金实际支出数。",
      "2.定性指标分为达成预期指标、部分达成预期指标、未达成预期指标三档，分别按照该指标对应分值区间100%-80%、80%-50%、50%-0%合理确定分值。",
    ],
  },
};

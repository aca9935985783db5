/**
 * 财政部 项目支出绩效自评表 (财预〔2020〕10号 family): one table per project, used nationwide; a
 * workbook may hold any number, on one sheet or several. See docs/profiles/mof-project.md.
 */
import type { FormProfile } from "./profile";
import {
  COMMON_COLUMNS, COMMON_DIMENSIONS, COMMON_END, COMMON_GOALS, COMMON_INDICATOR_COLUMNS, COMMON_QUANTITATIVE_LEVEL2,
  COMMON_SATISFACTION, COMMON_TERMS, COMMON_TOTAL, MOF_QUALITATIVE_BANDS,
} from "./common";

export const MOF_PROJECT: FormProfile = {
  id: "mof-project",
  name: { zh: "财政部 项目支出绩效自评表", en: "Ministry of Finance project self-evaluation table" },
  usedIn: {
    zh: "中央部门及多数省市县按财预〔2020〕10号格式填报的项目支出绩效自评表（每个项目一张）",
    en: "Project self-evaluation tables in the format of 财预〔2020〕10号, used by central departments and most provinces (one per project)",
  },
  docPage: "docs/profiles/mof-project.md",
  sources: [
    { title: "池州市贵池区棠溪镇 项目支出绩效自评表（2022年度）", url: "http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2" },
    { title: "中江县水利局 2022 衔接资金绩效目标自评表（含注：一级指标分值）", url: "https://chacewang.com/newsdetail/news242266.html" },
    { title: "海淀区 项目支出绩效自评表（2016年度，(A)/(B) 表头）", url: "https://www.wenku365.com/s-60761775.html" },
  ],
  basicData: false,
  selfEval: {
    title: /项目支出绩效(?:目标)?自评表|项目绩效(?:目标)?自评表|绩效目标自评表/,
    fields: {
      unitName: null,
      project: /^项目名称$/,
      department: /^(?:主管部门|主管单位)(?:及代码)?$/,
      implementer: /^(?:项目)?实施单位(?:\(盖章\))?$/,
    },
    funds: {
      caption: /^项目资金/,
      columns: COMMON_COLUMNS,
      totalRow: /^(?:年度)?资金总额|^年度财政资金总额/,
      parts: [
        { key: "appropriation", label: /^(?:本年|当年)(?:财政拨款|一般公共预算拨款)|^财政拨款$/, name: { zh: "本年财政拨款", en: "this year's appropriation" } },
        { key: "carryover", label: /^上年(?:结转|结余)/, name: { zh: "上年结转资金", en: "carry-over from last year" } },
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
    { pattern: /项目支出绩效(?:目标)?自评表|项目绩效(?:目标)?自评表/, weight: 3, why: { zh: "标题为“项目支出绩效自评表”", en: "a title 项目支出绩效自评表" } },
    { pattern: /^项目名称$/, weight: 2, why: { zh: "有“项目名称”", en: "a 项目名称 field" } },
    { pattern: /^(?:本年|当年)财政拨款|^上年结转/, weight: 2, why: { zh: "有“本年财政拨款/上年结转资金”", en: "本年财政拨款/上年结转资金 rows" } },
    { pattern: /^项目资金/, weight: 2, why: { zh: "有“项目资金（万元）”", en: "a 项目资金 block" } },
  ],
  terms: { ...COMMON_TERMS, table: { zh: "项目支出绩效自评表", en: "project self-evaluation table" } },
  execution: { denominator: "budget", score: { kind: "linear", capPercent: 100 }, weight: 10 },
  dimensions: COMMON_DIMENSIONS,
  weightsWrittenIn: "level1-label",
  weightSchemes: [
    { id: "50-30-10", name: { zh: "执行率10/产出50/效益30/满意度10", en: "execution 10 / output 50 / effect 30 / satisfaction 10" }, dimensions: { output: 50, effect: 30, satisfaction: 10 } },
  ],
  quantitativeLevel2: COMMON_QUANTITATIVE_LEVEL2,
  satisfaction: COMMON_SATISFACTION,
  qualitativeBands: MOF_QUALITATIVE_BANDS,
  gradeBands: [90, 80, 60],
  overCompletion: { thresholdPercent: 30, treatment: "note" },
  reverseFormula: "A",
  reasons: { whenScoreBelowWeight: true, whenExecutionBelowPercent: null },
  rulesOff: [],
  template: {
    kind: "project-table",
    title: "项目支出绩效自评表",
    fields: ["项目名称", "主管部门", "实施单位"],
    fundsCaption: "项目资金（万元）",
    fundsColumns: ["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
    fundsTotalRow: "年度资金总额",
    fundsParts: ["其中：当年财政拨款", "上年结转资金", "其他资金"],
    goalHeadings: ["预期目标", "实际完成情况"],
    indicatorColumns: ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    level2: {
      output: ["数量指标", "质量指标", "时效指标", "成本指标"],
      effect: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
      satisfaction: ["服务对象满意度指标"],
    },
    totalLabel: "总分",
    notes: [
      "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算执行率10分。",
      "2.定性指标根据指标完成情况分为：达成年度指标、部分达成年度指标并具有一定效果、未达成年度指标且效果较差三档，分别按照该指标对应分值区间100-80%（含80%）、80-60%（含60%）、60-0%合理确定得分。",
    ],
  },
};

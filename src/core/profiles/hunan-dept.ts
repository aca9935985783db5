/**
 * 湖南 部门整体支出绩效自评: 附件2 基础数据表 + 附件3 整体支出绩效自评表, the seed's forms
 * (../shared/spec/annexes.md). One table of each per workbook. See docs/profiles/hunan-dept.md.
 */
import type { FormProfile } from "./profile";
import {
  COMMON_COLUMNS, COMMON_DIMENSIONS, COMMON_END, COMMON_GOALS, COMMON_INDICATOR_COLUMNS, COMMON_QUANTITATIVE_LEVEL2,
  COMMON_SATISFACTION, COMMON_TERMS, COMMON_TOTAL, MOF_QUALITATIVE_BANDS,
} from "./common";

export const HUNAN_DEPT: FormProfile = {
  id: "hunan-dept",
  name: { zh: "湖南 部门整体支出绩效自评（附件2 基础数据表 + 附件3 自评表）", en: "Hunan department-wide self-evaluation (annex 2 basic data + annex 3)" },
  usedIn: {
    zh: "湖南省各市县预算部门公开的《部门整体支出绩效自评报告》所附的附件2、附件3",
    en: "Annexes 2 and 3 of the department-wide self-evaluation reports published by budget units in Hunan",
  },
  docPage: "docs/profiles/hunan-dept.md",
  sources: [
    { title: "株洲市芦淞区人大常委会 2023 年度部门整体支出绩效自评报告（本项目的样例）", url: "assets/samples/zhuzhou-luosong-npc-2023.xlsx" },
  ],
  basicData: true,
  selfEval: {
    title: /整体支出绩效自评表|整体支出绩效自评|绩效自评表/,
    fields: { unitName: /(?:部门|单位).*名称/, project: null, department: null, implementer: null },
    funds: {
      caption: /^年度预算申请/,
      columns: COMMON_COLUMNS,
      totalRow: /^(?:年度)?资金总额/,
      parts: [],
      breakdowns: true,
      reason: null,
    },
    goals: COMMON_GOALS,
    indicators: { weightColumn: true, reasonColumn: true, columns: COMMON_INDICATOR_COLUMNS },
    total: COMMON_TOTAL,
    end: COMMON_END,
  },
  tablesPerWorkbook: "one",
  detection: [
    { pattern: /整体支出绩效自评/, weight: 3, why: { zh: "标题为“整体支出绩效自评表”", en: "a title 整体支出绩效自评表" } },
    { pattern: /基础数据表/, weight: 3, why: { zh: "有“基础数据表”", en: "a 基础数据表" } },
    { pattern: /^按收入性质分|^按支出性质分/, weight: 2, why: { zh: "有“按收入性质分/按支出性质分”", en: "按收入性质分/按支出性质分 rows" } },
    { pattern: /^经费控制情况|^财政供养人员/, weight: 2, why: { zh: "有“经费控制情况/财政供养人员情况”", en: "经费控制情况/财政供养人员 blocks" } },
    { pattern: /^年度预算申请/, weight: 1, why: { zh: "有“年度预算申请”", en: "a 年度预算申请 block" } },
  ],
  terms: { ...COMMON_TERMS, table: { zh: "附件3 整体支出绩效自评表", en: "Annex 3 (self-evaluation table)" } },
  execution: { denominator: "budget", score: { kind: "linear", capPercent: 100 }, weight: 10 },
  // 成本 is its own 一级 in the 40-20-10-20 scheme and a 二级 of 产出 in 50-30-10: not required.
  dimensions: [
    ...COMMON_DIMENSIONS,
    { key: "cost", label: /成本/, level2: /成本/, name: { zh: "成本指标", en: "cost" }, required: false },
  ],
  weightsWrittenIn: "level1-label",
  weightSchemes: [
    { id: "40-20-10-20", name: { zh: "产出40/效益20/满意度10/成本20", en: "output 40 / effect 20 / satisfaction 10 / cost 20" }, dimensions: { output: 40, effect: 20, satisfaction: 10, cost: 20 } },
    { id: "50-30-10", name: { zh: "产出50/效益30/满意度10", en: "output 50 / effect 30 / satisfaction 10" }, dimensions: { output: 50, effect: 30, satisfaction: 10 } },
  ],
  quantitativeLevel2: COMMON_QUANTITATIVE_LEVEL2,
  satisfaction: COMMON_SATISFACTION,
  qualitativeBands: MOF_QUALITATIVE_BANDS,
  gradeBands: [90, 80, 60],
  overCompletion: { thresholdPercent: 30, treatment: "note" },
  reverseFormula: "A",
  reasons: { whenScoreBelowWeight: true, whenExecutionBelowPercent: null },
  rulesOff: [],
  template: { kind: "annexes" },
};

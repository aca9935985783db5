/**
 * The report-text rules (r.*): the 自评报告's prose against its own tables. Rules of the same
 * engine as the table rules (same meta, severities, de-duplication and ordering); they run once
 * per check, when a report text is given (requires "reportText"). Their checks run through the
 * prepared text (input.ts → compare.ts), so the code that reads prose loads only with a text.
 */
import { defineRule } from "../rules/rule";
import { COMPARISON_MESSAGES, PROJECT_LINES_MESSAGES, TEXT_SUM_MESSAGES } from "./messages";

export const R_BUDGET = defineRule({
  meta: {
    id: "r.budget",
    title: { zh: "正文预算数与附件一致", en: "Budget in the text matches the annexes" },
    severities: ["warning"],
    fixable: false,
    scope: "workbook",
    requires: ["reportText", "annex3"],
    formula: {
      zh: "正文 年初预算/预算资金 = 附件3 年初预算数；正文 全年预算 = 附件3 全年预算数；正文 专项年初预算合计 = 附件2 项目支出本年预算数",
      en: "text initial budget = annex 3 initial budget; text full-year budget = annex 3 full-year budget; text project budget total = annex 2 project spending budget",
    },
    messages: COMPARISON_MESSAGES,
  },
  check(context) {
    context.reportText?.run("r.budget", context);
  },
});

export const R_INCOME = defineRule({
  meta: {
    id: "r.income",
    title: { zh: "正文收入与附件一致", en: "Income in the text matches the annexes" },
    severities: ["warning"],
    fixable: false,
    scope: "workbook",
    requires: ["reportText", "annex3"],
    formula: {
      zh: "正文 财政拨款收入 = 附件3 按收入性质分中的一般公共预算（正文写明“一般公共预算”时），否则 = 按收入性质分合计",
      en: "text appropriation income = annex 3 general public budget income (when the text says 一般公共预算), else the income total",
    },
    messages: COMPARISON_MESSAGES,
  },
  check(context) {
    context.reportText?.run("r.income", context);
  },
});

export const R_EXPENSE = defineRule({
  meta: {
    id: "r.expense",
    title: { zh: "正文支出与附件一致", en: "Spending in the text matches the annexes" },
    severities: ["warning"],
    fixable: false,
    scope: "workbook",
    requires: ["reportText", "annex3"],
    formula: { zh: "正文 财政拨款支出/支出合计 = 附件3 全年执行数", en: "text total spending = annex 3 full-year execution" },
    messages: COMPARISON_MESSAGES,
  },
  check(context) {
    context.reportText?.run("r.expense", context);
  },
});

export const R_BASIC = defineRule({
  meta: {
    id: "r.basic",
    title: { zh: "正文基本支出与附件一致", en: "Basic spending in the text matches the annexes" },
    severities: ["warning"],
    fixable: false,
    scope: "workbook",
    requires: ["reportText", "annex3"],
    formula: { zh: "正文 基本支出 = 附件3 按支出性质分中的基本支出", en: "text basic spending = annex 3 basic spending" },
    messages: COMPARISON_MESSAGES,
  },
  check(context) {
    context.reportText?.run("r.basic", context);
  },
});

export const R_PERSONNEL = defineRule({
  meta: {
    id: "r.personnel",
    title: { zh: "正文人员经费与附件一致", en: "Personnel funds in the text match the annexes" },
    severities: ["warning"],
    fixable: false,
    scope: "workbook",
    requires: ["reportText", "annex2", "annex3"],
    formula: {
      zh: "正文 人员经费 = 附件3 基本支出 − 附件2 公用经费本年决算数",
      en: "text personnel funds = annex 3 basic spending − annex 2 public funds (actuals)",
    },
    messages: COMPARISON_MESSAGES,
  },
  check(context) {
    context.reportText?.run("r.personnel", context);
  },
});

export const R_PUBLIC_FUNDS = defineRule({
  meta: {
    id: "r.public-funds",
    title: { zh: "正文公用经费与附件一致", en: "Public funds in the text match the annexes" },
    severities: ["warning"],
    fixable: false,
    scope: "workbook",
    requires: ["reportText", "annex2"],
    formula: { zh: "正文 公用经费 = 附件2 公用经费本年决算数", en: "text public funds = annex 2 public funds (actuals)" },
    messages: COMPARISON_MESSAGES,
  },
  check(context) {
    context.reportText?.run("r.public-funds", context);
  },
});

export const R_PROJECT = defineRule({
  meta: {
    id: "r.project",
    title: { zh: "正文项目支出与附件一致", en: "Project spending in the text matches the annexes" },
    severities: ["warning"],
    fixable: false,
    scope: "workbook",
    requires: ["reportText", "annex3"],
    formula: {
      zh: "正文 项目支出/专项实际支出 = 附件3 按支出性质分中的项目支出（无附件3 时为附件2 项目支出本年决算数）",
      en: "text project spending = annex 3 project spending (without annex 3: annex 2 project spending, actuals)",
    },
    messages: COMPARISON_MESSAGES,
  },
  check(context) {
    context.reportText?.run("r.project", context);
  },
});

export const R_STAFF = defineRule({
  meta: {
    id: "r.staff",
    title: { zh: "正文人员数与附件一致", en: "Staff counts in the text match the annexes" },
    severities: ["warning"],
    fixable: false,
    scope: "workbook",
    requires: ["reportText", "annex2"],
    formula: { zh: "正文 编制数 = 附件2 编制数；正文 在职人数 = 附件2 实际在职人数", en: "text establishment = annex 2 establishment; text staff on payroll = annex 2 staff on payroll" },
    messages: COMPARISON_MESSAGES,
  },
  check(context) {
    context.reportText?.run("r.staff", context);
  },
});

export const R_THREE_PUBLIC = defineRule({
  meta: {
    id: "r.three-public",
    title: { zh: "正文三公经费与附件一致", en: "Three public expenses in the text match the annexes" },
    severities: ["warning"],
    fixable: false,
    scope: "workbook",
    requires: ["reportText", "annex2"],
    formula: { zh: "正文 三公经费 = 附件2 三公经费本年决算数", en: "text three public expenses = annex 2 three public expenses (actuals)" },
    messages: COMPARISON_MESSAGES,
  },
  check(context) {
    context.reportText?.run("r.three-public", context);
  },
});

export const R_PROCUREMENT = defineRule({
  meta: {
    id: "r.procurement",
    title: { zh: "正文政府采购与附件一致", en: "Government procurement in the text matches the annexes" },
    severities: ["warning"],
    fixable: false,
    scope: "workbook",
    requires: ["reportText", "annex2"],
    formula: { zh: "正文 政府采购金额 = 附件2 政府采购金额本年决算数", en: "text government procurement = annex 2 procurement (actuals)" },
    messages: COMPARISON_MESSAGES,
  },
  check(context) {
    context.reportText?.run("r.procurement", context);
  },
});

export const R_TEXT_SUM = defineRule({
  meta: {
    id: "r.text-sum",
    title: { zh: "正文所列数字自身相加一致", en: "Sums stated in the text add up" },
    severities: ["error", "warning"],
    fixable: false,
    scope: "workbook",
    requires: ["reportText"],
    formula: {
      zh: "“X万元，其中：a、b、c” 中 a + b + c = X；项目 年初预算 ± 调增/调减 = 实际支出 + 结余结转（未写结余时为 warning）",
      en: "\"X, of which a, b, c\": a + b + c = X; a project's initial budget ± adjustment = actual spending + carry-over (warning when no carry-over is stated)",
    },
    messages: TEXT_SUM_MESSAGES,
  },
  check(context) {
    context.reportText?.run("r.text-sum", context);
  },
});

export const R_PROJECT_LINES = defineRule({
  meta: {
    id: "r.project-lines",
    title: { zh: "正文各项目支出之和与附件一致", en: "Project lines of the text add up to the annexes" },
    severities: ["warning"],
    fixable: false,
    scope: "workbook",
    requires: ["reportText"],
    formula: {
      zh: "正文各项目（(1)(2)… 段）实际支出之和 = 附件2 项目支出本年决算数（无附件2 时为附件3 项目支出）",
      en: "sum of the text's projects' actual spending = annex 2 project spending, actuals (without annex 2: annex 3 project spending)",
    },
    messages: PROJECT_LINES_MESSAGES,
  },
  check(context) {
    context.reportText?.run("r.project-lines", context);
  },
});

/** Every r.* rule, in the order their findings are listed. */
export const REPORT_TEXT_RULES = [
  R_BUDGET, R_INCOME, R_EXPENSE, R_BASIC, R_PERSONNEL, R_PUBLIC_FUNDS, R_PROJECT,
  R_STAFF, R_THREE_PUBLIC, R_PROCUREMENT, R_TEXT_SUM, R_PROJECT_LINES,
] as const;

import { defineRule } from "../rule";
import { BREAKDOWN_MESSAGES, checkBreakdown } from "./breakdown";

/** 按收入性质分: its parts add up to it, and it equals 全年预算数. */
export default defineRule({
  meta: {
    id: "a3.income-breakdown",
    title: { zh: "按收入性质分", en: "Funds by source" },
    severities: ["error", "warning", "info"],
    fixable: true,
    requires: ["annex3"],
    messages: BREAKDOWN_MESSAGES,
    formula: {
      zh: "一般公共预算 + 政府性基金拨款 + 纳入专户管理的非税收入拨款 + 其他资金 = 按收入性质分合计；合计应等于全年预算数",
      en: "general budget + government funds + special-account non-tax income + other = total by source; the total should equal the full-year budget",
    },
  },
  check(context) {
    const a3 = context.annex3;
    if (!a3?.income) return;
    checkBreakdown(context, a3.income.total, a3.income.parts, { zh: "按收入性质分合计", en: "The total by source" }, {
      cell: a3.funds?.budget,
      name: { zh: context.terms.budget.zh, en: `the ${context.terms.budget.en}` },
    });
  },
});

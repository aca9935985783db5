import { defineRule } from "../rule";
import { BREAKDOWN_MESSAGES, checkBreakdown } from "./breakdown";

/** 按支出性质分: 基本支出 + 项目支出 add up to it, and it equals 全年执行数. */
export default defineRule({
  meta: {
    id: "a3.expense-breakdown",
    title: { zh: "按支出性质分", en: "Spending by type" },
    severities: ["error", "warning", "info"],
    fixable: true,
    requires: ["annex3"],
    messages: BREAKDOWN_MESSAGES,
    formula: { zh: "基本支出 + 项目支出 = 按支出性质分合计；合计应等于全年执行数", en: "basic + project spending = total by type; the total should equal actual spending" },
  },
  check(context) {
    const a3 = context.annex3;
    if (!a3?.expense) return;
    checkBreakdown(context, a3.expense.total, [a3.expense.basic, a3.expense.project], { zh: "按支出性质分合计", en: "The total by type" }, {
      cell: a3.funds?.executed,
      name: context.terms.executed,
    });
  },
});

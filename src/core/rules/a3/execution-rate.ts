import { defineRule } from "../rule";
import { checkDerived, DERIVED_MESSAGES, subjectOf } from "../checks";
import { RATE_TOLERANCE } from "../../numeric/decimal";
import { denominatorCell, execution } from "../derived";
import { clause, figure, label } from "../../messages/message";

/** 执行率 = 全年执行数 / 全年预算数 × 100% (the denominator is the profile's: 调整后预算数 in 四川). */
export default defineRule({
  meta: {
    id: "a3.execution-rate",
    title: { zh: "预算执行率", en: "Budget execution rate" },
    severities: ["error", "warning", "info"],
    fixable: true,
    requires: ["annex3"],
    formula: { zh: "执行率 = 全年执行数 ÷ 全年预算数 × 100%（保留 2 位小数）", en: "execution rate = actual spending ÷ full-year budget × 100% (2 dp)" },
    messages: {
      ...DERIVED_MESSAGES,
      zeroBudget: { zh: "{budgetName}为 0，无法计算执行率", en: "The {budgetName} is 0, so no execution rate can be computed" },
      basis: { zh: "{executedName} {executed} ÷ {budgetName} {budget}", en: "{executedName} {executed} ÷ {budgetName} {budget}" },
    },
  },
  check(context) {
    const funds = context.annex3?.funds;
    const budgetCell = denominatorCell(context.annex3, context.profile.execution);
    if (!funds?.rate || budgetCell?.value == null || funds.executed?.value == null) return;
    const budgetName = label(context.terms.budget);
    if (budgetCell.value.isZero()) {
      context.report({
        severity: "warning",
        at: budgetCell,
        related: [funds.rate],
        expected: null,
        actual: "0",
        figure: "amount",
        messageId: "zeroBudget",
        data: { budgetName },
      });
      return;
    }
    const { rate, exactRate } = execution(context.annex3, context.profile.execution);
    if (rate === null) return;
    checkDerived(context, {
      cell: funds.rate,
      expected: rate,
      exact: exactRate ?? undefined,
      kind: "percent",
      tolerance: RATE_TOLERANCE,
      related: [funds.executed, budgetCell],
      what: subjectOf(context.terms.rate),
      basis: clause("basis", {
        executedName: label(context.terms.executed), executed: figure(funds.executed.value, "decimal"),
        budgetName, budget: figure(budgetCell.value, "decimal"),
      }),
    });
  },
});

import { defineRule } from "../rule";
import { checkDerived } from "../checks";
import { fixed2, RATE_TOLERANCE } from "../../numeric/decimal";
import { execution } from "../derived";

/** 执行率 = 全年执行数 / 全年预算数 × 100%. */
export default defineRule({
  meta: {
    id: "a3.execution-rate",
    title: { zh: "预算执行率", en: "Budget execution rate" },
    severities: ["error", "warning", "info"],
    fixable: true,
    requires: ["annex3"],
    formula: { zh: "执行率 = 全年执行数 ÷ 全年预算数 × 100%（保留 2 位小数）", en: "execution rate = actual spending ÷ full-year budget × 100% (2 dp)" },
  },
  check(context) {
    const funds = context.annex3?.funds;
    if (!funds?.rate || funds.budget?.value == null || funds.executed?.value == null) return;
    if (funds.budget.value.isZero()) {
      context.report({
        severity: "warning",
        at: funds.budget.at,
        related: [funds.rate.at],
        expected: null,
        actual: "0",
        message: { zh: "全年预算数为 0，无法计算执行率", en: "The full-year budget is 0, so no execution rate can be computed" },
      });
      return;
    }
    const { rate, exactRate } = execution(context.annex3);
    if (rate === null) return;
    const budget = funds.budget.value;
    const executed = funds.executed.value;
    checkDerived(context, {
      cell: funds.rate,
      expected: rate,
      exact: exactRate ?? undefined,
      kind: "percent",
      tolerance: RATE_TOLERANCE,
      related: [funds.executed.at, funds.budget.at],
      what: { zh: "执行率", en: "The execution rate" },
      basis: { zh: `全年执行数 ${fixed2(executed)} ÷ 全年预算数 ${fixed2(budget)}`, en: `spent ${fixed2(executed)} ÷ budget ${fixed2(budget)}` },
    });
  },
});

import { defineRule } from "../rule";
import { checkDerived, DERIVED_MESSAGES, isUnreadable, subjectOf } from "../checks";
import { HUNDRED, SCORE_TOLERANCE, within, plain } from "../../numeric/decimal";
import { clause, figure, label } from "../../messages/message";
import { executionWeight, indicatorWeightSum } from "../derived";

/**
 * 执行率 分值 + every indicator 分值 = the 总分 分值 = 100. Skipped when a 分值 holds text or an
 * error ("约30"): its value is unknown, and cell.* reports it.
 */
export default defineRule({
  meta: {
    id: "a3.weights-total",
    title: { zh: "分值合计", en: "Weights total" },
    severities: ["error", "info"],
    fixable: true,
    requires: ["annex3"],
    messages: {
      ...DERIVED_MESSAGES,
      not100: {
        zh: "执行率{weightName} {execution} 与各指标{weightName}合计 {sum}，应为 100",
        en: "The execution {weightName} {execution} and indicator {weightName}s add up to {sum}, not 100",
      },
      basis: { zh: "执行率 {execution} + 指标 {indicators}", en: "execution {execution} + indicators {indicators}" },
    },
    formula: { zh: "执行率分值 + 各指标分值 = 总分分值 = 100", en: "execution weight + indicator weights = total weight = 100" },
  },
  check(context) {
    const a3 = context.annex3;
    const cell = a3?.total?.weight;
    if (!a3 || !cell || a3.indicators.length === 0) return;
    const execWeight = a3.funds?.score ? executionWeight(a3, context.profile.execution) : a3.funds?.weight?.value ?? null;
    const indicators = indicatorWeightSum(a3);
    if (indicators === null || isUnreadable(a3.funds?.weight)) return;
    // Not one 分值 typed yet (a blank template, a table still being filled): nothing to add up.
    // Dashes are typed ("——" for none), so a table of dashes still adds up to too little.
    if (!a3.indicators.some((r) => r.weight && r.weight.parsed.kind !== "blank")) return;
    const expected = indicators.plus(execWeight ?? 0);
    const related = () => [...(a3.funds?.weight ? [a3.funds.weight] : []), ...a3.indicators.flatMap((r) => (r.weight?.value != null ? [r.weight] : []))];
    if (!within(expected, HUNDRED, SCORE_TOLERANCE)) {
      context.report({
        at: cell,
        related: related(),
        expected: "100",
        actual: plain(expected),
        figure: "typed",
        messageId: "not100",
        data: { weightName: label(context.terms.weight), execution: execWeight ? figure(execWeight, "typed") : "—", sum: figure(expected, "score") },
      });
      return;
    }
    checkDerived(context, {
      cell,
      expected,
      kind: "score",
      tolerance: SCORE_TOLERANCE,
      related,
      what: subjectOf({ zh: `${context.terms.total.zh}${context.terms.weight.zh}`, en: `total ${context.terms.weight.en}` }),
      basis: clause("basis", { execution: execWeight ? figure(execWeight, "typed") : 0, indicators: figure(indicators, "typed") }),
    });
  },
});

import { defineRule } from "../rule";
import { checkDerived, DERIVED_MESSAGES, subjectOf } from "../checks";
import { SCORE_TOLERANCE } from "../../numeric/decimal";
import { clause, figure, label } from "../../messages/message";
import { executionScoreTerm, indicatorScoreSum, recomputedTotal } from "../derived";

/**
 * 总分 得分 = 执行率得分 (recomputed) + the indicator 得分. Skipped when a term is unknown (a
 * 得分 or 全年预算数 holding "约30"): cell.* reports that cell, and a total built on a guess would
 * be a second, wrong finding.
 */
export default defineRule({
  meta: {
    id: "a3.total-score",
    title: { zh: "总分", en: "Total score" },
    severities: ["error", "info"],
    fixable: true,
    requires: ["annex3"],
    messages: {
      ...DERIVED_MESSAGES,
      basis: { zh: "{executionName} {execution} + 指标{scoreName} {indicators}", en: "{executionName} {execution} + indicator {scoreName}s {indicators}" },
    },
    formula: { zh: "总分 = 执行率得分（按公式重算）+ 各指标得分之和", en: "total = execution score (recomputed) + sum of indicator scores" },
  },
  check(context) {
    const a3 = context.annex3;
    const cell = a3?.total?.score;
    const policy = context.profile.execution;
    const total = recomputedTotal(a3, policy);
    if (!a3 || !cell || total === null) return;
    const exec = executionScoreTerm(a3, policy);
    const indicators = indicatorScoreSum(a3);
    if (exec === null || indicators === null) return;
    checkDerived(context, {
      cell,
      expected: total,
      kind: "score",
      tolerance: SCORE_TOLERANCE,
      related: () => [...(a3.funds?.score ? [a3.funds.score] : []), ...a3.indicators.flatMap((r) => (r.score?.value != null ? [r.score] : []))],
      what: subjectOf(context.terms.total),
      basis: clause("basis", {
        executionName: label(context.terms.executionScore), execution: figure(exec, "score"),
        scoreName: label(context.terms.score), indicators: figure(indicators, "score"),
      }),
    });
  },
});

import { defineRule } from "../rule";
import { checkDerived } from "../checks";
import { fixed2, SCORE_TOLERANCE } from "../../numeric/decimal";
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
    formula: { zh: "总分 = 执行率得分（按公式重算）+ 各指标得分之和", en: "total = execution score (recomputed) + sum of indicator scores" },
  },
  check(context) {
    const a3 = context.annex3;
    const cell = a3?.total?.score;
    const total = recomputedTotal(a3);
    if (!a3 || !cell || total === null) return;
    const exec = executionScoreTerm(a3);
    const indicators = indicatorScoreSum(a3);
    if (exec === null || indicators === null) return;
    checkDerived(context, {
      cell,
      expected: total,
      kind: "score",
      tolerance: SCORE_TOLERANCE,
      related: [...(a3.funds?.score ? [a3.funds.score.at] : []), ...a3.indicators.flatMap((r) => (r.score?.value != null ? [r.score.at] : []))],
      what: { zh: "总分", en: "The total score" },
      basis: {
        zh: `执行率得分 ${fixed2(exec)} + 指标得分 ${fixed2(indicators)}`,
        en: `execution score ${fixed2(exec)} + indicator scores ${fixed2(indicators)}`,
      },
    });
  },
});

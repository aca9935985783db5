import { defineRule } from "../rule";
import { checkDerived, DERIVED_MESSAGES, subjectOf } from "../checks";
import { Decimal, fixed2, round2, SCORE_TOLERANCE, plain } from "../../numeric/decimal";
import { execution, executionShare, executionWeight } from "../derived";
import { clause, figure, label } from "../../messages/message";

/**
 * 执行率得分 by the profile's formula: min(执行率, 100%) × 分值 for the 财政部 family, a step table
 * for older forms. A 得分 above its 分值 is always wrong (seed: 98 on 10), even when no rate can be
 * computed (全年预算数 0 or unreadable): then it is reported without a fix. A score computed from the
 * rate as the sheet shows it, rounded to a whole or one-decimal percent (8.6 for 86.2% of 10), is
 * "rounding only"; a score rounded on its own (10 for 9.54) is not.
 */
export default defineRule({
  meta: {
    id: "a3.execution-score",
    title: { zh: "执行率得分", en: "Execution rate score" },
    severities: ["error", "info"],
    fixable: true,
    requires: ["annex3"],
    formula: { zh: "执行率得分 = min(执行率, 100%) × 分值（保留 2 位小数）", en: "score = min(execution rate, 100%) × weight (2 dp)" },
    messages: {
      ...DERIVED_MESSAGES,
      aboveWeightNoRate: {
        zh: "{scoreName} {score} 超过该行{weightName} {weight}；执行率无法计算（{budgetName}或{executedName}缺失、为 0 或不是数值），无法给出应得分",
        en: "The {scoreName} {score} is above the row's {weightName} of {weight}; no rate can be computed (the {budgetName} or {executedName} is missing, 0 or not a number), so no score is suggested",
      },
      basis: { zh: "{weightName} {weight} × {rateName} {rate}", en: "{weightName} {weight} × {rateName} {rate}" },
      aboveWeight: { zh: "，超过该行{weightName} {weight}", en: ", above the row's {weightName} of {weight}" },
    },
  },
  check(context) {
    const funds = context.annex3?.funds;
    const policy = context.profile.execution;
    const weight = executionWeight(context.annex3, policy);
    if (!funds?.score || weight == null) return;
    // The weight's cell, or (a form that writes it in the heading) the score's own.
    const weightAt = funds.weight ?? funds.score;
    const { rate, exactRate, score } = execution(context.annex3, policy);
    const weightName = label(context.terms.weight);
    const weightFigure = figure(weight, "typed");
    if (rate === null || score === null) {
      const reported = funds.score.value;
      if (reported === null || reported.lessThanOrEqualTo(weight.plus(SCORE_TOLERANCE))) return;
      context.report({
        at: funds.score,
        related: [weightAt],
        expected: `0..${plain(weight)}`,
        actual: plain(reported),
        figure: "score",
        messageId: "aboveWeightNoRate",
        data: {
          scoreName: label(context.terms.executionScore), score: { figure: fixed2(reported), style: "score" },
          weightName, weight: weightFigure, budgetName: label(context.terms.budget), executedName: label(context.terms.executed),
        },
      });
      return;
    }
    // The share of 分值 the rate earns, shown as the rate it stands for (capped at 100% for most forms).
    const shownRate = executionShare(rate, policy.score).times(100);
    checkDerived(context, {
      cell: funds.score,
      expected: score,
      // The score of the rate as the sheet may show it, rounded to a whole or one-decimal percent.
      roundingOnly: (reported) => exactRate !== null && [0, 1].some((places) =>
        round2(executionShare(exactRate.toDecimalPlaces(places, Decimal.ROUND_HALF_UP), policy.score).times(weight)).equals(reported)),
      kind: "score",
      tolerance: SCORE_TOLERANCE,
      related: [weightAt, ...(funds.rate ? [funds.rate] : [])],
      what: subjectOf(context.terms.executionScore),
      basis: clause("basis", { weightName, weight: weightFigure, rateName: label(context.terms.rate), rate: figure(shownRate, "percent") }),
      explain: (reported) => (reported.greaterThan(weight) ? clause("aboveWeight", { weightName, weight: weightFigure }) : null),
    });
  },
});

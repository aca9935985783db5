import { defineRule } from "../rule";
import { checkDerived } from "../checks";
import { fixed2, HUNDRED, minDecimal, SCORE_TOLERANCE, plain } from "../../numeric/decimal";
import { execution } from "../derived";

/**
 * 执行率得分 = min(执行率, 100%) × 分值. A 得分 above its 分值 is always wrong (seed: 98 on 10),
 * even when no rate can be computed (全年预算数 0 or unreadable): then it is reported without a fix.
 */
export default defineRule({
  meta: {
    id: "a3.execution-score",
    title: { zh: "执行率得分", en: "Execution rate score" },
    severities: ["error", "info"],
    fixable: true,
    requires: ["annex3"],
    formula: { zh: "执行率得分 = min(执行率, 100%) × 分值（保留 2 位小数）", en: "score = min(execution rate, 100%) × weight (2 dp)" },
  },
  check(context) {
    const funds = context.annex3?.funds;
    const weight = funds?.weight?.value;
    if (!funds?.score || weight == null) return;
    const { rate, score } = execution(context.annex3);
    if (rate === null || score === null) {
      const reported = funds.score.value;
      if (reported === null || reported.lessThanOrEqualTo(weight.plus(SCORE_TOLERANCE))) return;
      context.report({
        at: funds.score.at,
        related: [funds.weight!.at],
        expected: `0..${plain(weight)}`,
        actual: plain(reported),
        message: {
          zh: `执行率得分 ${fixed2(reported)} 超过该行分值 ${plain(weight)}；执行率无法计算（全年预算数或全年执行数缺失、为 0 或不是数值），无法给出应得分`,
          en: `The execution score ${fixed2(reported)} is above the row's weight of ${plain(weight)}; no rate can be computed (the budget or spending is missing, 0 or not a number), so no score is suggested`,
        },
      });
      return;
    }
    const capped = minDecimal(rate, HUNDRED);
    checkDerived(context, {
      cell: funds.score,
      expected: score,
      kind: "score",
      tolerance: SCORE_TOLERANCE,
      related: [funds.weight!.at, ...(funds.rate ? [funds.rate.at] : [])],
      what: { zh: "执行率得分", en: "The execution score" },
      basis: { zh: `分值 ${plain(weight)} × 执行率 ${fixed2(capped)}%`, en: `weight ${plain(weight)} × rate ${fixed2(capped)}%` },
      explain: (reported) =>
        reported.greaterThan(weight) ? { zh: `超过该行分值 ${plain(weight)}`, en: `above the row's weight of ${plain(weight)}` } : null,
    });
  },
});

import { defineRule } from "../rule";
import { checkDerived } from "../checks";
import { fixed2, HUNDRED, minDecimal, SCORE_TOLERANCE } from "../../numeric/decimal";
import { execution } from "../derived";

/** 执行率得分 = min(执行率, 100%) × 分值. A 得分 above its 分值 is always wrong (seed: 98 on 10). */
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
    if (rate === null || score === null) return;
    const capped = minDecimal(rate, HUNDRED);
    checkDerived(context, {
      cell: funds.score,
      expected: score,
      kind: "score",
      tolerance: SCORE_TOLERANCE,
      related: [funds.weight!.at, ...(funds.rate ? [funds.rate.at] : [])],
      what: { zh: "执行率得分", en: "The execution score" },
      basis: { zh: `分值 ${weight.toFixed()} × 执行率 ${fixed2(capped)}%`, en: `weight ${weight.toFixed()} × rate ${fixed2(capped)}%` },
      explain: (reported) =>
        reported.greaterThan(weight) ? { zh: `超过该行分值 ${weight.toFixed()}`, en: `above the row's weight of ${weight.toFixed()}` } : null,
    });
  },
});

import { defineRule } from "../rule";
import { checkDerived, isUnreadable } from "../checks";
import { fixed2, HUNDRED, SCORE_TOLERANCE, within, plain } from "../../numeric/decimal";
import { indicatorWeightSum } from "../derived";

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
    formula: { zh: "执行率分值 + 各指标分值 = 总分分值 = 100", en: "execution weight + indicator weights = total weight = 100" },
  },
  check(context) {
    const a3 = context.annex3;
    const cell = a3?.total?.weight;
    if (!a3 || !cell || a3.indicators.length === 0) return;
    const execWeight = a3.funds?.weight?.value ?? null;
    const indicators = indicatorWeightSum(a3);
    if (indicators === null || isUnreadable(a3.funds?.weight)) return;
    const expected = indicators.plus(execWeight ?? 0);
    const related = [...(a3.funds?.weight ? [a3.funds.weight.at] : []), ...a3.indicators.flatMap((r) => (r.weight?.value != null ? [r.weight.at] : []))];
    if (!within(expected, HUNDRED, SCORE_TOLERANCE)) {
      context.report({
        at: cell.at,
        related,
        expected: "100",
        actual: plain(expected),
        message: {
          zh: `执行率分值 ${execWeight ? plain(execWeight) : "—"} 与各指标分值合计 ${fixed2(expected)}，应为 100`,
          en: `The execution weight ${execWeight ? plain(execWeight) : "—"} and indicator weights add up to ${fixed2(expected)}, not 100`,
        },
      });
      return;
    }
    checkDerived(context, {
      cell,
      expected,
      kind: "score",
      tolerance: SCORE_TOLERANCE,
      related,
      what: { zh: "总分分值", en: "The total weight" },
      basis: { zh: `执行率 ${execWeight ? plain(execWeight) : 0} + 指标 ${plain(indicators)}`, en: `execution ${execWeight ? plain(execWeight) : 0} + indicators ${plain(indicators)}` },
    });
  },
});

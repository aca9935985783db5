import { defineRule } from "../rule";
import { dec, fixed2, HUNDRED, plain } from "../../numeric/decimal";
import { indicatorName, readIndicator } from "./indicator-reading";

const DEVIATION = dec("1.3");

/** A 正向 indicator completed 30% or more above target: some provinces deduct for a target set too low. */
export default defineRule({
  meta: {
    id: "a3.target-deviation",
    title: { zh: "指标偏离（目标值偏低）", en: "Target set too low" },
    severities: ["info"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "正向指标：完成值 ≥ 指标值 × 130%", en: "positive indicator: actual ≥ 130% of target" },
  },
  check(context) {
    for (const row of context.annex3?.indicators ?? []) {
      const { target, actual } = readIndicator(row, context.settings);
      if (target?.kind !== "quantitative" || !actual || !(target.comparator === ">=" || target.comparator === ">")) continue;
      const goal = target.quantity.value;
      if (!goal.greaterThan(0) || actual.unit !== target.quantity.unit && actual.unit !== null && target.quantity.unit !== null) continue;
      if (actual.value.lessThan(goal.times(DEVIATION))) continue;
      const over = actual.value.dividedBy(goal).minus(1).times(HUNDRED);
      context.report({
        at: row.actual!.at,
        related: [row.target!.at],
        expected: null,
        actual: plain(actual.value),
        message: {
          zh: `指标“${indicatorName(row)}”完成值超出指标值 ${fixed2(over)}%（≥ 30%），目标可能设定偏低，部分地区按指标偏离扣分`,
          en: `Indicator "${indicatorName(row)}" beat its target by ${fixed2(over)}% (≥ 30%): the target may be set too low; some provinces deduct for this`,
        },
      });
    }
  },
});

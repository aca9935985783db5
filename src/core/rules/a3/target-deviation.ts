import { defineRule } from "../rule";
import { fixed2, HUNDRED, ONE, plain, ZERO } from "../../numeric/decimal";
import { isOverCompleted } from "../../indicator/score";
import { clause } from "../../messages/message";
import { indicatorName, readIndicators } from "./indicator-reading";

/**
 * A 正向 indicator completed far above target (30% or more, per the form): the target may have
 * been set too low. Shown as information; forms that give no points or deduct for it say so, and
 * a3.quantitative-score then suggests the score those forms give.
 */
export default defineRule({
  meta: {
    id: "a3.target-deviation",
    title: { zh: "指标偏离（目标值偏低）", en: "Target set too low" },
    severities: ["info"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "正向指标：完成值 ≥ 指标值 × 130%（比例按表式规定）", en: "positive indicator: actual ≥ 130% of target (the share as the form sets it)" },
    messages: {
      over: {
        zh: "指标“{name}”完成值超出指标值 {over}（≥ {threshold}%），目标可能设定偏低{consequence}",
        en: "Indicator \"{name}\" beat its target by {over} (≥ {threshold}%): the target may be set too low{consequence}",
      },
      someProvinces: { zh: "，部分地区按指标偏离扣分", en: "; some provinces deduct for this" },
      noPoints: { zh: "，按本表式规定该指标不得分", en: "; under this form the indicator earns no points" },
      deduct: { zh: "，按本表式规定扣 {points} 分", en: "; under this form {points} points are deducted" },
    },
  },
  check(context) {
    const over = context.profile.overCompletion;
    (readIndicators(context.annex3?.indicators ?? [], context.settings, context.profile)).forEach(({ row, target, actual }) => {
      if (target?.kind !== "quantitative" || !actual || !(target.comparator === ">=" || target.comparator === ">")) return;
      const goal = target.quantity.value;
      if (!goal.greaterThan(ZERO) || actual.unit !== target.quantity.unit && actual.unit !== null && target.quantity.unit !== null) return;
      if (!isOverCompleted(goal, actual.value, over)) return;
      const beaten = actual.value.dividedBy(goal).minus(ONE).times(HUNDRED);
      const consequence = over.treatment === "no-points" ? clause("noPoints")
        : over.treatment === "deduct" ? clause("deduct", { points: over.deductPoints ?? 0 }) : clause("someProvinces");
      context.report({
        at: row.actual!,
        related: [row.target!],
        expected: null,
        actual: plain(actual.value),
        messageId: "over",
        data: { name: indicatorName(row), over: { figure: fixed2(beaten), style: "percent" }, threshold: over.thresholdPercent, consequence },
      });
    });
  },
});

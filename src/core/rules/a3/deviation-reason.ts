import { defineRule } from "../rule";
import { indicatorName } from "./indicator-reading";
import { isShortBy, SCORE_TOLERANCE } from "../../numeric/decimal";
import { figure, label } from "../../messages/message";

/** A score below the 分值 needs its 偏差原因分析及改进措施. */
export default defineRule({
  meta: {
    id: "a3.deviation-reason",
    title: { zh: "扣分须说明偏差原因", en: "Deduction needs a reason" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "得分 < 分值 时，偏差原因分析及改进措施不得为空", en: "score < weight requires a deviation reason" },
    messages: {
      missing: {
        zh: "指标“{name}”{scoreName} {score} 低于{weightName} {weight}，须填写{reasonName}",
        en: "Indicator \"{name}\" scores {score} below its {weightName} of {weight}; a {reasonName} is required",
      },
    },
  },
  check(context) {
    if (!context.profile.reasons.whenScoreBelowWeight) return;
    (context.annex3?.indicators ?? []).forEach((row) => {
      const weight = row.weight?.value;
      const score = row.score?.value;
      if (weight == null || score == null || !isShortBy(score, weight, SCORE_TOLERANCE)) return;
      if (row.reason && row.reason.text.trim() !== "") return;
      context.report({
        at: row.reason ?? row.score!,
        related: [row.score!, row.weight!],
        expected: null,
        actual: null,
        messageId: "missing",
        data: {
          name: indicatorName(row), scoreName: label(context.terms.score), score: figure(score, "typed"),
          weightName: label(context.terms.weight), weight: figure(weight, "typed"), reasonName: label(context.terms.reason),
        },
      });
    });
  },
});

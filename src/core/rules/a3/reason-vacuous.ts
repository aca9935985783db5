import { defineRule } from "../rule";
import { indicatorName } from "./indicator-reading";
import { isShortBy, SCORE_TOLERANCE } from "../../numeric/decimal";
import { compactText } from "../../text/normalize";
import { figure, label } from "../../messages/message";

/**
 * A reason that says nothing: "无", "/", "暂无", "略". A reviewer reads it as blank; a3.deviation-reason
 * covers the empty cell, this rule the placeholder typed into it.
 */
export const VACUOUS_REASON = /^(?:无|暂无|没有|无偏差|无原因|略|不适用|\/+|\\+|[-—_~]+|\.+|…+|。+)[。.]?$/;

export default defineRule({
  meta: {
    id: "a3.reason-vacuous",
    title: { zh: "偏差原因为空话", en: "Reason says nothing" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex3"],
    formula: {
      zh: "得分 < 分值 时，偏差原因不得只写“无”“/”“暂无”“略”之类",
      en: "score < weight: the reason must not be just 无, /, 暂无, 略 or the like",
    },
    messages: {
      vacuous: {
        zh: "指标“{name}”{scoreName} {score} 低于{weightName} {weight}，但{reasonName}只写了“{reason}”，请写明未达成的原因和改进措施",
        en: "Indicator \"{name}\" scores {score} below its {weightName} of {weight}, but the {reasonName} only says \"{reason}\"; state why the target was missed and what will change",
      },
    },
  },
  check(context) {
    if (!context.profile.reasons.whenScoreBelowWeight) return;
    (context.annex3?.indicators ?? []).forEach((row) => {
      const weight = row.weight?.value;
      const score = row.score?.value;
      const reason = row.reason?.text.trim() ?? "";
      if (weight == null || score == null || reason === "" || !isShortBy(score, weight, SCORE_TOLERANCE)) return;
      if (!VACUOUS_REASON.test(compactText(reason))) return;
      context.report({
        at: row.reason!,
        related: [row.score!, row.weight!],
        expected: null,
        actual: reason,
        messageId: "vacuous",
        data: {
          name: indicatorName(row), scoreName: label(context.terms.score), score: figure(score, "typed"),
          weightName: label(context.terms.weight), weight: figure(weight, "typed"), reasonName: label(context.terms.reason), reason,
        },
      });
    });
  },
});

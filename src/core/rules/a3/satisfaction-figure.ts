import { defineRule } from "../rule";
import type { LocatedText } from "../../model/located";
import { indicatorName } from "./indicator-reading";
import { canonicalText, compactText } from "../../text/normalize";
import { figure, label } from "../../messages/message";

/**
 * A 满意度 indicator is measured by a survey: its 实际完成值 is a rate ("95%"). Scored with only a
 * word ("满意", "较好"), the score has nothing to rest on.
 */
export default defineRule({
  meta: {
    id: "a3.satisfaction-no-figure",
    title: { zh: "满意度无调查数据", en: "Satisfaction scored without a figure" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "满意度指标的实际完成值应为调查得出的满意率（数字）", en: "a satisfaction indicator's actual value should be the surveyed rate (a figure)" },
    messages: {
      noFigure: {
        zh: "满意度指标“{name}”的{actualName}为“{actual}”，没有满意率数字，却得了 {score} 分：请填写调查得出的满意率",
        en: "Satisfaction indicator \"{name}\" has the {actualName} \"{actual}\", with no rate, yet scores {score}: enter the surveyed satisfaction rate",
      },
    },
  },
  check(context) {
    const pattern = context.profile.satisfaction;
    const named = (text: LocatedText | null) => !!text?.text && pattern.test(compactText(text.text));
    (context.annex3?.indicators ?? []).forEach((row) => {
      if (row.placeholder || row.unfilled) return;
      // The score and the actual value first: most rows are told apart without reading their names.
      const score = row.score?.value;
      if (score == null || score.isZero()) return;
      const actual = row.actual?.text.trim() ?? "";
      if (actual === "" || /\d/.test(canonicalText(actual))) return;
      if (!named(row.level2) && !named(row.level3)) return;
      context.report({
        at: row.actual!,
        related: [row.score!],
        expected: null,
        actual,
        messageId: "noFigure",
        data: { name: indicatorName(row), actualName: label(context.terms.actual), actual, score: figure(score, "typed") },
      });
    });
  },
});

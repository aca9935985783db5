import { defineRule } from "../rule";
import { indicatorName } from "./indicator-reading";
import { SCORE_TOLERANCE, plain } from "../../numeric/decimal";
import { figure, label } from "../../messages/message";

const NEGATIVE_TOLERANCE = SCORE_TOLERANCE.negated();

/** 0 ≤ 得分 ≤ 分值 on every indicator row. */
export default defineRule({
  meta: {
    id: "a3.score-range",
    title: { zh: "得分超出分值", en: "Score out of range" },
    severities: ["error"],
    fixable: false,
    requires: ["annex3"],
    messages: {
      outside: {
        zh: "指标“{name}”{scoreName} {score} 不在 0 到{weightName} {weight} 之间",
        en: "Indicator \"{name}\" scores {score}, outside 0 to its {weightName} of {weight}",
      },
    },
    formula: { zh: "0 ≤ 得分 ≤ 分值", en: "0 ≤ score ≤ weight" },
  },
  check(context) {
    (context.annex3?.indicators ?? []).forEach((row) => {
      const weight = row.weight?.value;
      const score = row.score?.value;
      if (weight == null || score == null) return;
      // Compared without building new Decimals: |score| within tolerance below 0, or above the weight.
      if (score.greaterThanOrEqualTo(NEGATIVE_TOLERANCE) && (score.lessThanOrEqualTo(weight) || score.minus(weight).lessThanOrEqualTo(SCORE_TOLERANCE))) return;
      const name = indicatorName(row);
      context.report({
        at: row.score!,
        related: [row.weight!],
        expected: `0..${plain(weight)}`,
        actual: plain(score),
        figure: "score",
        messageId: "outside",
        data: { name, scoreName: label(context.terms.score), score: figure(score, "typed"), weightName: label(context.terms.weight), weight: figure(weight, "typed") },
      });
    });
  },
});

import { defineRule } from "../rule";
import { indicatorName } from "./indicator-reading";
import { SCORE_TOLERANCE, plain } from "../../numeric/decimal";

/** A score below the 分值 needs its 偏差原因分析及改进措施. */
export default defineRule({
  meta: {
    id: "a3.deviation-reason",
    title: { zh: "扣分须说明偏差原因", en: "Deduction needs a reason" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "得分 < 分值 时，偏差原因分析及改进措施不得为空", en: "score < weight requires a deviation reason" },
  },
  check(context) {
    for (const row of context.annex3?.indicators ?? []) {
      const weight = row.weight?.value;
      const score = row.score?.value;
      if (weight == null || score == null || !score.lessThan(weight.minus(SCORE_TOLERANCE))) continue;
      if (row.reason && row.reason.text.trim() !== "") continue;
      context.report({
        at: row.reason?.at ?? row.score!.at,
        related: [row.score!.at, row.weight!.at],
        expected: null,
        actual: null,
        message: {
          zh: `指标“${indicatorName(row)}”得分 ${plain(score)} 低于分值 ${plain(weight)}，须填写偏差原因分析及改进措施`,
          en: `Indicator "${indicatorName(row)}" scores ${plain(score)} below its weight of ${plain(weight)}; a deviation reason is required`,
        },
      });
    }
  },
});

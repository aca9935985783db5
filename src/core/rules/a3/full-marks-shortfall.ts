import { defineRule } from "../rule";
import { indicatorName } from "./indicator-reading";
import { isShortBy, SCORE_TOLERANCE } from "../../numeric/decimal";
import { compactText } from "../../text/normalize";
import { figure, label } from "../../messages/message";

/**
 * Words that say a target was missed. Improvement boilerplate ("有待进一步加强") is left out: it is
 * written under full marks too and says nothing about this year's result.
 */
export const SHORTFALL = /未完成|未达到|未达成|没有完成|没有达到|未能|尚未完成|未按期|未如期|滞后|延期|延迟|差距较大|存在差距|不足\d|完成率?(?:仅|只)/;

/** Negated shortfalls say the opposite: "无未完成事项", "不存在滞后", "没有延期". */
const NEGATED = /(?:无|没有|不存在|未发现|均无)$/;

/** Whether a reason states a shortfall, a negated one ("无未完成事项") not counting. */
export function describesShortfall(text: string): boolean {
  if (!SHORTFALL.test(text)) return false;
  for (const match of text.matchAll(new RegExp(SHORTFALL.source, "g"))) {
    if (!NEGATED.test(text.slice(0, match.index))) return true;
  }
  return false;
}

/** Full marks, yet the reason column describes a shortfall: the score or the reason is wrong. */
export default defineRule({
  meta: {
    id: "a3.full-marks-shortfall",
    title: { zh: "满分却写有未完成原因", en: "Full marks with a shortfall stated" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex3"],
    formula: {
      zh: "得分 = 分值 时，偏差原因不应写明未完成、滞后、偏低等情况",
      en: "at full marks the reason should not describe a shortfall (not completed, late, below target)",
    },
    messages: {
      shortfall: {
        zh: "指标“{name}”得满分 {weight}，但{reasonName}写的是“{reason}”：若目标未完全达成，应按完成程度扣分；若已达成，请修改说明",
        en: "Indicator \"{name}\" has full marks ({weight}), yet its {reasonName} says \"{reason}\": if the target was missed, score it by what was done; if not, correct the reason",
      },
    },
  },
  check(context) {
    (context.annex3?.indicators ?? []).forEach((row) => {
      const weight = row.weight?.value;
      const score = row.score?.value;
      const reason = row.reason?.text.trim() ?? "";
      if (weight == null || score == null || reason === "" || weight.isZero()) return;
      if (isShortBy(score, weight, SCORE_TOLERANCE)) return;
      if (!describesShortfall(compactText(reason))) return;
      context.report({
        at: row.reason!,
        related: [row.score!, row.weight!],
        expected: null,
        actual: reason,
        messageId: "shortfall",
        data: { name: indicatorName(row), weight: figure(weight, "typed"), reasonName: label(context.terms.reason), reason },
      });
    });
  },
});

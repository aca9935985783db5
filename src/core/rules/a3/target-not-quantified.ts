import { defineRule } from "../rule";
import type { LocatedText } from "../../model/located";
import { indicatorName } from "./indicator-reading";
import { canonicalText, compactText } from "../../text/normalize";
import { label } from "../../messages/message";

/**
 * 数量/质量/时效/成本 indicators are quantitative by definition (财预〔2020〕10号: 指标值应细化量化):
 * a 年度指标值 with no figure at all ("效果明显", "有效提升") cannot be checked against anything.
 * A target with any digit ("2023年底前") is left to a3.target-unparsed.
 */
export default defineRule({
  meta: {
    id: "a3.target-not-quantified",
    title: { zh: "定量指标未量化", en: "Quantitative indicator without a figure" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "二级指标为数量、质量、时效、成本的，年度指标值应含数值", en: "quantity, quality, timeliness and cost indicators need a figure in their target" },
    messages: {
      noFigure: {
        zh: "指标“{name}”属于“{level2}”，{targetName}“{target}”却没有数值：请写成可衡量的指标值（如 ≥95%、≤30天、100个）",
        en: "Indicator \"{name}\" is a \"{level2}\" indicator, yet its {targetName} \"{target}\" has no figure: state a measurable target (e.g. ≥95%, ≤30 days, 100 units)",
      },
    },
  },
  check(context) {
    const pattern = context.profile.quantitativeLevel2;
    // Rows under one 二级 share its cell: it is read once per run of rows, not once per row.
    let lastLevel2: LocatedText | null = null;
    let level2 = "";
    let quantitative = false;
    (context.annex3?.indicators ?? []).forEach((row) => {
      if (row.placeholder || row.unfilled || !row.level2 || !row.target) return;
      if (row.level2 !== lastLevel2) {
        lastLevel2 = row.level2;
        level2 = compactText(row.level2.text);
        quantitative = pattern.test(level2);
      }
      if (!quantitative) return;
      // A figure anywhere in the text (most targets) settles it before the text is trimmed for a message.
      if (/\d/.test(canonicalText(row.target.text))) return;
      const target = row.target.text.trim();
      if (target === "") return;
      context.report({
        at: row.target,
        related: [row.level2],
        expected: null,
        actual: target,
        messageId: "noFigure",
        data: { name: indicatorName(row), level2, targetName: label(context.terms.target), target },
      });
    });
  },
});

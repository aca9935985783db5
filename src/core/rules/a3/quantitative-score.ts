import { defineRule } from "../rule";
import { editFor } from "../checks";
import { reverseFormulaOf } from "../../engine/settings";
import { dec, plain } from "../../numeric/decimal";
import { clause, figure, label, NOTHING } from "../../messages/message";
import { indicatorName, readIndicators } from "./indicator-reading";

const WARNING_GAP = dec("0.5");
const MATCH_GAP = dec("0.01");

/**
 * The score a quantitative indicator earns from its 年度指标值 and 实际完成值. Reviewers score
 * by hand and round to integers, so a gap up to 0.5 is only shown (info); a larger one is a warning.
 * Where the form penalizes a target beaten by far (profile overCompletion), the suggestion says so.
 */
export default defineRule({
  meta: {
    id: "a3.quantitative-score",
    title: { zh: "定量指标建议得分", en: "Quantitative indicator score" },
    severities: ["warning", "info"],
    fixable: true,
    requires: ["annex3"],
    formula: {
      zh: "正向/等于：完成值 ≥ 指标值得满分，否则 完成值 ÷ 指标值 × 分值；反向：完成值 ≤ 指标值得满分，超出时 (1 − 超出 ÷ 指标值) × 分值（公式 A）或 指标值 ÷ 完成值 × 分值（公式 B）",
      en: "positive/equal: full marks when reached, else actual ÷ target × weight; reverse: full within target, else (1 − overrun ÷ target) × weight (A) or target ÷ actual × weight (B)",
    },
    messages: {
      unitMismatch: {
        zh: "指标“{name}”的指标值单位（{targetUnit}）与完成值单位（{actualUnit}）不一致，按定性指标处理",
        en: "Indicator \"{name}\": target unit {targetUnit} and actual unit {actualUnit} differ; treated as qualitative",
      },
      suggested: {
        zh: "指标“{name}”建议得分 {suggested}{how}（指标值 {target}，完成值 {actual}，{weightName} {weight}），表中为 {entered}",
        en: "Indicator \"{name}\": suggested score {suggested}{how} (target {target}, actual {actual}, {weightName} {weight}); the sheet says {entered}",
      },
      reverse: { zh: "（反向，公式 {formula}）", en: " (reverse, formula {formula})" },
      overCompleted: { zh: "（超额完成 {threshold}% 以上，按本表规定{treatment}）", en: " (beaten by {threshold}% or more: {treatment} under this form's rules)" },
    },
  },
  check(context) {
    const over = context.profile.overCompletion;
    (readIndicators(context.annex3?.indicators ?? [], context.settings, context.profile)).forEach(({ row, target, actual, suggestion }) => {
      if (suggestion.kind === "unit-mismatch") {
        context.report({
          severity: "info",
          at: row.actual ?? row.target!,
          related: [row.target!],
          expected: null,
          actual: row.actual?.text ?? null,
          messageId: "unitMismatch",
          data: { name: indicatorName(row), targetUnit: suggestion.targetUnit ?? "—", actualUnit: suggestion.actualUnit ?? "—" },
        });
        return;
      }
      if (suggestion.kind !== "score" || !row.score || row.score.value == null || target?.kind !== "quantitative" || !actual) return;
      const entered = row.score.value;
      if (entered.eq(suggestion.score)) return;
      const gap = entered.minus(suggestion.score).abs();
      if (gap.lessThan(MATCH_GAP)) return;
      const how = suggestion.overCompleted
        ? clause("overCompleted", {
            threshold: over.thresholdPercent,
            treatment: label(over.treatment === "no-points"
              ? { zh: "不得分", en: "no points" }
              : { zh: `扣 ${over.deductPoints ?? 0} 分`, en: `${over.deductPoints ?? 0} points off` }),
          })
        : suggestion.direction === "reverse" ? clause("reverse", { formula: reverseFormulaOf(context.settings, context.profile) }) : NOTHING;
      const edit = editFor(row.score, suggestion.score, "score");
      context.report({
        severity: gap.greaterThan(WARNING_GAP) ? "warning" : "info",
        at: row.score,
        related: [row.target!, row.actual!, row.weight!],
        expected: suggestion.score.toFixed(2),
        actual: plain(entered),
        figure: "score",
        messageId: "suggested",
        data: {
          name: indicatorName(row), suggested: figure(suggestion.score, "score"), how, target: row.target!.text.trim(), actual: row.actual!.text.trim(),
          weightName: label(context.terms.weight), weight: figure(row.weight!.value!, "typed"), entered: figure(entered, "typed"),
        },
        ...(edit ? { fix: { edits: [edit], safe: false } } : {}),
      });
    });
  },
});

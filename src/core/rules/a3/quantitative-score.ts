import { defineRule } from "../rule";
import { editFor } from "../checks";
import { dec, fixed2, plain } from "../../numeric/decimal";
import { indicatorName, readIndicator } from "./indicator-reading";

const WARNING_GAP = dec("0.5");
const MATCH_GAP = dec("0.01");

/**
 * The score a quantitative indicator earns from its 年度指标值 and 实际完成值. Reviewers score
 * by hand and round to integers, so a gap up to 0.5 is only shown (info); a larger one is a warning.
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
  },
  check(context) {
    for (const row of context.annex3?.indicators ?? []) {
      const { target, actual, suggestion } = readIndicator(row, context.settings);
      const name = indicatorName(row);
      if (suggestion.kind === "unit-mismatch") {
        context.report({
          severity: "info",
          at: row.actual?.at ?? row.target!.at,
          related: [row.target!.at],
          expected: null,
          actual: row.actual?.text ?? null,
          message: {
            zh: `指标“${name}”的指标值单位（${suggestion.targetUnit}）与完成值单位（${suggestion.actualUnit}）不一致，按定性指标处理`,
            en: `Indicator "${name}": target unit ${suggestion.targetUnit} and actual unit ${suggestion.actualUnit} differ; treated as qualitative`,
          },
        });
        continue;
      }
      if (suggestion.kind !== "score" || !row.score || row.score.value == null || target?.kind !== "quantitative" || !actual) continue;
      const entered = row.score.value;
      const gap = entered.minus(suggestion.score).abs();
      if (gap.lessThan(MATCH_GAP)) continue;
      const formula = suggestion.direction === "reverse" ? `（反向，公式 ${context.settings.reverseFormula}）` : "";
      const formulaEn = suggestion.direction === "reverse" ? ` (reverse, formula ${context.settings.reverseFormula})` : "";
      const edit = editFor(row.score, suggestion.score, "score");
      context.report({
        severity: gap.greaterThan(WARNING_GAP) ? "warning" : "info",
        at: row.score.at,
        related: [row.target!.at, row.actual!.at, row.weight!.at],
        expected: suggestion.score.toFixed(2),
        actual: plain(entered),
        message: {
          zh: `指标“${name}”建议得分 ${fixed2(suggestion.score)}${formula}（指标值 ${row.target!.text.trim()}，完成值 ${row.actual!.text.trim()}，分值 ${plain(row.weight!.value!)}），表中为 ${plain(entered)}`,
          en: `Indicator "${name}": suggested score ${fixed2(suggestion.score)}${formulaEn} (target ${row.target!.text.trim()}, actual ${row.actual!.text.trim()}, weight ${plain(row.weight!.value!)}); the sheet says ${plain(entered)}`,
        },
        ...(edit ? { fix: { edits: [edit], safe: false } } : {}),
      });
    }
  },
});

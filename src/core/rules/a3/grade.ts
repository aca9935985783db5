import { defineRule } from "../rule";
import { GRADE_NAMES, gradeOutcome } from "../derived";
import { figure, label } from "../../messages/message";
import { gradeBandsOf } from "../../engine/settings";

/**
 * The grade of the recomputed total: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60 (the form's bands, or
 * the user's). A table without its 总分 row, or whose 分值 do not add up to 100, gets no grade:
 * the finding says why instead.
 */
export default defineRule({
  meta: {
    id: "a3.grade",
    title: { zh: "自评等级", en: "Grade" },
    severities: ["info"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "优 ≥ 90，良 80–90，中 60–80，差 < 60（可设为 80/70/60）", en: "excellent ≥ 90, good 80–90, fair 60–80, poor < 60 (or 80/70/60)" },
    messages: {
      graded: {
        zh: "重算总分 {total}，等级为“{grade}”（优 ≥ {excellent}，良 ≥ {good}，中 ≥ {fair}）",
        en: "Recomputed total {total}: grade \"{grade}\" (excellent ≥ {excellent}, good ≥ {good}, fair ≥ {fair})",
      },
      noTotalRow: {
        zh: "重算得分合计 {total}，但表中没有{totalName}行（表格可能不完整），未评定等级",
        en: "The scores add up to {total}, but the table has no {totalName} row (it may be cut off), so no grade is given",
      },
      weightsNot100: {
        zh: "重算总分 {total}，但各项{weightName}合计 {weights}，不是百分制，未评定等级：请先修正{weightName}",
        en: "Recomputed total {total}, but the {weightName}s add up to {weights}, not 100, so no grade is given: correct the {weightName}s first",
      },
    },
  },
  check(context) {
    const a3 = context.annex3;
    if (!a3) return;
    const bands = gradeBandsOf(context.settings, context.profile);
    const outcome = gradeOutcome(a3, context.profile.execution, bands);
    if (outcome.kind === "unknown") return;
    const total = figure(outcome.total, "score");
    if (outcome.kind === "withheld") {
      const why = outcome.why;
      context.report({
        at: a3.total?.score ?? a3.indicatorHeader ?? a3.anchor,
        expected: null,
        actual: null,
        ...(why.reason === "no-total-row"
          ? { messageId: "noTotalRow" as const, data: { total, totalName: label(context.terms.total) } }
          : { messageId: "weightsNot100" as const, data: { total, weightName: label(context.terms.weight), weights: figure(why.weights, "typed") } }),
      });
      return;
    }
    const [excellent, good, fair] = bands;
    context.report({
      at: a3.total?.score ?? a3.anchor,
      expected: outcome.grade,
      figure: "grade",
      actual: null,
      messageId: "graded",
      data: { total, grade: label(GRADE_NAMES[outcome.grade]), excellent, good, fair },
    });
  },
});

import { defineRule } from "../rule";
import { fixed2 } from "../../numeric/decimal";
import { gradeOf, recomputedTotal } from "../derived";

/** The grade of the recomputed total: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60 (bands configurable). */
export default defineRule({
  meta: {
    id: "a3.grade",
    title: { zh: "自评等级", en: "Grade" },
    severities: ["info"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "优 ≥ 90，良 80–90，中 60–80，差 < 60（可设为 80/70/60）", en: "excellent ≥ 90, good 80–90, fair 60–80, poor < 60 (or 80/70/60)" },
  },
  check(context) {
    const a3 = context.annex3;
    const total = recomputedTotal(a3);
    if (!a3 || total === null) return;
    const grade = gradeOf(total, context.settings.gradeBands);
    const [excellent, good, fair] = context.settings.gradeBands;
    context.report({
      at: a3.total?.score?.at ?? a3.anchor,
      expected: grade.zh,
      actual: null,
      message: {
        zh: `重算总分 ${fixed2(total)}，等级为“${grade.zh}”（优 ≥ ${excellent}，良 ≥ ${good}，中 ≥ ${fair}）`,
        en: `Recomputed total ${fixed2(total)}: grade "${grade.en}" (excellent ≥ ${excellent}, good ≥ ${good}, fair ≥ ${fair})`,
      },
    });
  },
});

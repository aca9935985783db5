import { defineRule } from "../rule";
import { compactText } from "../../text/normalize";
import { label, list } from "../../messages/message";

/** A 一级 dimension the form requires (产出, 效益, 满意度; 湖南 also 成本) is not in the table. */
export default defineRule({
  meta: {
    id: "a3.dimension-missing",
    title: { zh: "缺少一级指标", en: "Level-1 dimension missing" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "表式规定的一级指标（产出、效益、满意度等）均应出现", en: "every level-1 dimension the form requires (output, effect, satisfaction, …) appears" },
    messages: {
      missing: {
        zh: "{table}中没有{level1Name}“{missing}”：该表式要求设置这些一级指标（可在其下写明不适用的原因）",
        en: "The {table} has no {level1Name} {missing}: the form requires these dimensions (a row may say why one does not apply)",
      },
    },
  },
  check(context) {
    const a3 = context.annex3;
    if (!a3 || a3.indicatorColumns.level1 === null || a3.level1Groups.length === 0) return;
    const labels = a3.level1Groups.map((g) => compactText(g.label.text));
    // A 一级 label reduced to "(50分)" names no dimension: its 二级 indicators do. Rows are looked
    // through only for a dimension no 一级 label names, and only until one names it.
    const named = (d: (typeof context.profile.dimensions)[number]) => labels.some((l) => d.label.test(l))
      || a3.indicators.some((r) => !r.placeholder && !r.unfilled && r.level2 !== null && d.level2.test(compactText(r.level2.text)));
    const missing = context.profile.dimensions.filter((d) => d.required && !named(d));
    if (missing.length === 0) return;
    context.report({
      at: a3.indicatorHeader ?? a3.anchor,
      expected: missing.map((d) => d.name.zh).join("、"),
      actual: null,
      messageId: "missing",
      data: { table: label(context.terms.table), level1Name: label(context.terms.level1), missing: list(missing.map((d) => label(d.name))) },
    });
  },
});

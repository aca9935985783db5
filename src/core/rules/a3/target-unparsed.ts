import { defineRule } from "../rule";
import { indicatorName, readIndicators } from "./indicator-reading";
import { label } from "../../messages/message";

/** A 年度指标值 with no number is read as qualitative; say so, so staff can check the reading. */
export default defineRule({
  meta: {
    id: "a3.target-unparsed",
    title: { zh: "指标值按定性处理", en: "Target read as qualitative" },
    severities: ["info"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "年度指标值中没有可比较的数值时按定性指标处理", en: "a target without a comparable number is qualitative" },
    messages: {
      qualitative: {
        zh: "指标“{name}”的{targetName}“{target}”没有可比较的数值，按定性指标处理",
        en: "Indicator \"{name}\": target \"{target}\" has no comparable number; treated as qualitative",
      },
    },
  },
  check(context) {
    (readIndicators(context.annex3?.indicators ?? [], context.settings, context.profile)).forEach(({ row, target }) => {
      if (target?.kind !== "qualitative") return;
      context.report({
        at: row.target!,
        expected: null,
        actual: row.target!.text.trim(),
        messageId: "qualitative",
        data: { name: indicatorName(row), targetName: label(context.terms.target), target: row.target!.text.trim() },
      });
    });
  },
});

import { defineRule } from "../rule";
import { numberCells } from "./numbers";

/** A cell that must hold a number holds text that is not one ("约30"). */
export default defineRule({
  meta: {
    id: "cell.not-a-number",
    title: { zh: "非数值", en: "Not a number" },
    severities: ["error"],
    fixable: false,
    requires: [],
    messages: {
      notNumber: { zh: "“{name}”应为数值，单元格内容为“{found}”", en: "\"{name}\" must be a number; the cell holds \"{found}\"" },
    },
    formula: { zh: "数值单元格须为数字（可带单位或千分位）", en: "number cells must hold a number (a unit or thousands separators are tolerated)" },
  },
  check(context) {
    for (const named of numberCells(context.annex2, context.annex3, context.terms)) {
      const { cell } = named;
      if (cell.parsed.kind !== "text") continue;
      context.report({
        at: cell,
        expected: null,
        actual: cell.parsed.text,
        messageId: "notNumber",
        data: { name: named.name, found: cell.parsed.text },
      });
    }
  },
});

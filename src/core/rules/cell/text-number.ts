import { defineRule } from "../rule";
import { editFor } from "../checks";
import { figure } from "../../messages/message";
import { plain } from "../../numeric/decimal";
import { numberCells } from "./numbers";

/** A number stored as text ("982.60", full-width digits, "982.60万元"): Excel cannot sum it. */
export default defineRule({
  meta: {
    id: "cell.text-number",
    title: { zh: "文本型数字", en: "Number stored as text" },
    severities: ["warning"],
    fixable: true,
    requires: [],
    messages: {
      textNumber: {
        zh: "“{name}”是文本型数字“{raw}”，Excel 无法参与计算；应写为数字 {value}",
        en: "\"{name}\" is a number stored as text, \"{raw}\", which Excel cannot add up; write it as the number {value}",
      },
    },
    formula: { zh: "数值应以数字存储，不带单位、不用全角数字", en: "numbers should be stored as numbers, without units or full-width digits" },
  },
  check(context) {
    for (const { cell, name } of numberCells(context.annex2, context.annex3, context.terms)) {
      const p = cell.parsed;
      // A number inside a label ("按收入性质分：982.60") is the form's own layout, not a typing slip.
      if (p.kind !== "number" || !p.storedAsText || cell.embedded || cell.formula) continue;
      const kind = cell.kind === "percent" ? "percent" : cell.kind === "score" ? "score" : "amount";
      const edit = editFor(cell, p.value, kind);
      context.report({
        at: cell.at,
        expected: plain(p.value),
        actual: String(cell.raw),
        messageId: "textNumber",
        data: { name, raw: String(cell.raw), value: figure(p.value, kind) },
        ...(edit ? { fix: { edits: [cell.kind === "count" ? { ...edit, numberFormat: "0" } : edit] } } : {}),
      });
    }
  },
});

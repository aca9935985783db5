import { defineRule } from "../rule";
import { editFor } from "../checks";
import { figure } from "../../messages/message";
import { plain } from "../../numeric/decimal";
import { numberCells } from "./numbers";

/**
 * A number stored as text ("982.60", full-width digits, "1,234.56", "21人"): Excel cannot sum it.
 * An amount typed with a money unit ("150万", "982.60万元", "1,500,000元") is not reported: that is
 * how every table pasted from Word or a PDF reads, the unit says what the figure is, and the
 * checker reads it in the form's 万元 (rules.md's cell.text-number, narrowed on purpose: see its page).
 */
const MONEY_UNITS: ReadonlySet<string> = new Set(["万元", "万", "元", "千元", "亿元", "亿"]);
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
    for (const named of numberCells(context.annex2, context.annex3, context.terms)) {
      const { cell } = named;
      const p = cell.parsed;
      // A number inside a label ("按收入性质分：982.60") is the form's own layout, not a typing slip.
      if (p.kind !== "number" || !p.storedAsText || cell.embedded || cell.formula) continue;
      if (cell.kind === "amount" && p.unit !== null && MONEY_UNITS.has(p.unit)) continue;
      const kind = cell.kind === "percent" ? "percent" : cell.kind === "score" ? "score" : "amount";
      const edit = editFor(cell, p.value, kind);
      context.report({
        at: cell,
        expected: plain(p.value),
        figure: cell.kind,
        actual: String(cell.raw),
        messageId: "textNumber",
        data: { name: named.name, raw: String(cell.raw), value: figure(p.value, kind) },
        ...(edit ? { fix: { edits: [cell.kind === "count" ? { ...edit, numberFormat: "0" } : edit] } } : {}),
      });
    }
  },
});

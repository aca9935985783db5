import { defineRule } from "../rule";
import { numberCells } from "./numbers";
import { clause, NOTHING } from "../../messages/message";

/**
 * A number cell holds an Excel error (#DIV/0!, #REF!, ...). In a derived cell whose rule can
 * recompute it, that rule's finding (with its fix) is kept instead: see the engine's dedupe.
 */
export default defineRule({
  meta: {
    id: "cell.error-value",
    title: { zh: "Excel 错误值", en: "Excel error value" },
    severities: ["error"],
    fixable: false,
    requires: [],
    messages: {
      error: {
        zh: "“{name}”为错误值 {code}{formula}，请检查公式或引用",
        en: "\"{name}\" holds the error {code}{formula}; check its formula or references",
      },
      formula: { zh: "（公式 {formula}）", en: " (formula {formula})" },
    },
    formula: { zh: "单元格不得为 #DIV/0!、#REF!、#VALUE! 等错误值", en: "cells must not hold #DIV/0!, #REF!, #VALUE! or other errors" },
  },
  check(context) {
    for (const named of numberCells(context.annex2, context.annex3, context.terms)) {
      const { cell } = named;
      if (cell.parsed.kind !== "error") continue;
      context.report({
        at: cell,
        expected: null,
        actual: cell.parsed.code,
        messageId: "error",
        data: { name: named.name, code: cell.parsed.code, formula: cell.formula ? clause("formula", { formula: cell.formula }) : NOTHING },
      });
    }
  },
});

import { defineRule } from "../rule";
import { indicatorName } from "./indicator-reading";
import type { CellAddress } from "../../grid/address";
import type { LocatedNumber } from "../../model/located";
import { label, list, type MessageArg } from "../../messages/message";

/**
 * An indicator row without 分值, 年度指标值, 实际完成值 (or 得分) cannot be checked. Rows marked
 * not applicable ("/" with 分值 0) and unfilled template rows (a3.unfilled-rows) are not indicators.
 */
export default defineRule({
  meta: {
    id: "a3.missing-field",
    title: { zh: "指标缺项", en: "Indicator field missing" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "每个指标行须填写分值、年度指标值、实际完成值和得分", en: "every indicator row needs weight, target, actual and score" },
    messages: {
      missing: { zh: "指标“{name}”缺少{fields}", en: "Indicator \"{name}\" lacks its {fields}" },
    },
  },
  check(context) {
    const a3 = context.annex3;
    if (!a3) return;
    const t = context.terms;
    const cellOf = (row: number, col: number | null): CellAddress | null => (col === null ? null : { sheet: a3.sheet, row, col });
    const blankNumber = (c: LocatedNumber | null) => !c || c.parsed.kind === "blank" || c.parsed.kind === "dash";
    // A form without a 分值 column at all (weights only in the 一级 labels) has nothing to fill in per row.
    const weighed = a3.indicatorColumns.weight !== null || context.profile.selfEval.indicators.weightColumn;
    a3.indicators.forEach((row) => {
      if (row.placeholder || row.unfilled) return;
      // Most rows lack nothing: they are passed over before anything is built for a finding.
      if (!(weighed && blankNumber(row.weight)) && row.target && row.actual && !blankNumber(row.score)) return;
      const missing: { name: MessageArg; at: CellAddress | null }[] = [];
      if (weighed && blankNumber(row.weight)) missing.push({ name: label(t.weight), at: cellOf(row.row, a3.indicatorColumns.weight) });
      if (!row.target) missing.push({ name: label(t.target), at: cellOf(row.row, a3.indicatorColumns.target) });
      if (!row.actual) missing.push({ name: label(t.actual), at: cellOf(row.row, a3.indicatorColumns.actual) });
      if (blankNumber(row.score)) missing.push({ name: label(t.score), at: cellOf(row.row, a3.indicatorColumns.score) });
      if (missing.length === 0) return;
      const at = missing.find((m) => m.at)?.at ?? row.level3 ?? a3.anchor;
      context.report({
        at,
        expected: null,
        actual: null,
        messageId: "missing",
        data: { name: indicatorName(row), fields: list(missing.map((m) => m.name)) },
      });
    });
  },
});

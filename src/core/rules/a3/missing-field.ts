import { defineRule } from "../rule";
import { indicatorName } from "./indicator-reading";
import type { CellAddress } from "../../grid/address";

/** An indicator row without 分值, 年度指标值, 实际完成值 (or 得分) cannot be checked. */
export default defineRule({
  meta: {
    id: "a3.missing-field",
    title: { zh: "指标缺项", en: "Indicator field missing" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "每个指标行须填写分值、年度指标值、实际完成值和得分", en: "every indicator row needs weight, target, actual and score" },
  },
  check(context) {
    const a3 = context.annex3;
    if (!a3) return;
    const cellOf = (row: number, col: number | null): CellAddress | null => (col === null ? null : { sheet: a3.sheet, row, col });
    for (const row of a3.indicators) {
      if (row.placeholder) continue;
      const missing: { zh: string; en: string; at: CellAddress | null }[] = [];
      const blankNumber = (c: typeof row.weight) => !c || c.parsed.kind === "blank" || c.parsed.kind === "dash";
      if (blankNumber(row.weight)) missing.push({ zh: "分值", en: "weight", at: cellOf(row.row, a3.indicatorColumns.weight) });
      if (!row.target) missing.push({ zh: "年度指标值", en: "target", at: cellOf(row.row, a3.indicatorColumns.target) });
      if (!row.actual) missing.push({ zh: "实际完成值", en: "actual", at: cellOf(row.row, a3.indicatorColumns.actual) });
      if (blankNumber(row.score)) missing.push({ zh: "得分", en: "score", at: cellOf(row.row, a3.indicatorColumns.score) });
      if (missing.length === 0) continue;
      const at = missing.find((m) => m.at)?.at ?? row.level3?.at ?? a3.anchor;
      context.report({
        at,
        expected: null,
        actual: null,
        message: {
          zh: `指标“${indicatorName(row)}”缺少${missing.map((m) => m.zh).join("、")}`,
          en: `Indicator "${indicatorName(row)}" lacks its ${missing.map((m) => m.en).join(", ")}`,
        },
      });
    }
  },
});

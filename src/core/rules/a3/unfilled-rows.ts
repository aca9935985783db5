import { defineRule } from "../rule";
import { list } from "../../messages/message";

/**
 * Rows of the blank template left unfilled ("指标1：", "……", a row under a 二级 with nothing in it):
 * they are not indicators, and listing each as missing its fields would bury the real findings.
 * One note for the lot, so the user can delete them or fill them in.
 */
export default defineRule({
  meta: {
    id: "a3.unfilled-rows",
    title: { zh: "未填写的模板行", en: "Unfilled template rows" },
    severities: ["info"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "三级指标、指标值、完成值、分值均未填写（或只有“指标1：”“……”）的行不作为指标检查", en: "rows with no indicator, target, actual or weight (or only 指标1：, ……) are not checked as indicators" },
    messages: {
      unfilled: {
        zh: "第 {rows} 行是未填写的模板行（共 {count} 行），未作为指标检查：请填写或删除",
        en: "Row(s) {rows} are unfilled template rows ({count} in all), not checked as indicators: fill them in or delete them",
      },
    },
  },
  check(context) {
    const a3 = context.annex3;
    const rows = (a3?.indicators ?? []).filter((r) => r.unfilled);
    if (!a3 || rows.length === 0) return;
    const first = rows[0]!;
    context.report({
      at: first.level3 ?? { sheet: a3.sheet, row: first.row, col: a3.indicatorColumns.level3 ?? 0 },
      expected: null,
      actual: String(rows.length),
      figure: "typed",
      messageId: "unfilled",
      data: { rows: list(rows.map((r) => r.row + 1)), count: rows.length },
    });
  },
});

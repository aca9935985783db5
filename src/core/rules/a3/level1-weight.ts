import { defineRule } from "../rule";
import { plain, sum, within, SCORE_TOLERANCE } from "../../numeric/decimal";
import { figure, label } from "../../messages/message";
import { displayLabel } from "../../text/normalize";
import { isUnreadable } from "../checks";
import type { IndicatorRow } from "../../model/annex3";

/**
 * The weight written in a 一级指标 label ("产出指标(40分)") equals the 分值 of its rows. A group
 * with a 分值 holding text or an error ("约30") is skipped: that 分值 is unknown, not 0.
 */
export default defineRule({
  meta: {
    id: "a3.level1-weight",
    title: { zh: "一级指标分值", en: "Level-1 weight" },
    severities: ["error"],
    fixable: false,
    requires: ["annex3"],
    messages: {
      mismatch: {
        zh: "“{name}”标注 {stated} 分，其下各行{weightName}合计 {total}",
        en: "\"{name}\" states {stated} points but its rows' {weightName}s add up to {total}",
      },
    },
    formula: { zh: "一级指标标注的分值 = 其下各行分值之和", en: "weight in the level-1 label = sum of its rows' weights" },
  },
  check(context) {
    const a3 = context.annex3;
    if (!a3) return;
    // One pass over the rows for every group: a group's rows with a 分值, or null once one is unreadable.
    const weighted: (IndicatorRow[] | null)[] = a3.level1Groups.map(() => []);
    a3.indicators.forEach((row) => {
      const rows = row.group === null ? undefined : weighted[row.group];
      if (!rows) return;
      if (isUnreadable(row.weight)) weighted[row.group!] = null;
      else if (row.weight?.value != null) rows.push(row);
    });
    a3.level1Groups.forEach((group, i) => {
      const rows = weighted[i];
      if (group.statedWeight === null || !rows || rows.length === 0) return;
      const total = sum(rows.map((r) => r.weight!.value!));
      if (within(total, group.statedWeight, SCORE_TOLERANCE)) return;
      const name = displayLabel(group.label.text);
      context.report({
        at: group.label,
        related: rows.map((r) => r.weight!),
        expected: plain(group.statedWeight),
        actual: plain(total),
        figure: "typed",
        messageId: "mismatch",
        data: { name, stated: figure(group.statedWeight, "typed"), weightName: label(context.terms.weight), total: figure(total, "score") },
      });
    });
  },
});

import { defineRule } from "../rule";
import { FUNDS_COLUMNS } from "../../model/annex2";
import { sum, sumTolerance, plain } from "../../numeric/decimal";
import { figure } from "../../messages/message";

/** The 其中 lines of 公用经费 are a subset of it, not a partition: their sum may not exceed it. */
export default defineRule({
  meta: {
    id: "a2.public-funds-subset",
    title: { zh: "公用经费其中项", en: "Public funds breakdown" },
    severities: ["error"],
    fixable: false,
    requires: ["annex2"],
    messages: {
      exceeded: {
        zh: "公用经费 {total}，小于其中各项之和 {parts}（其中项是公用经费的一部分）",
        en: "Public funds {total} are less than the sum of their \"of which\" lines, {parts}",
      },
    },
    formula: { zh: "办公经费 + 水费、电费、差旅费 + 会议费、培训费 ≤ 公用经费", en: "office + utilities and travel + meetings and training ≤ public funds" },
  },
  check(context) {
    const f = context.annex2?.funds;
    const total = f?.publicFunds;
    if (!f || !total) return;
    for (const column of FUNDS_COLUMNS) {
      const cell = total[column];
      if (!cell?.value) continue;
      const parts = f.publicFundsParts.map((p) => p[column]).filter((c) => c?.value != null);
      if (parts.length === 0) continue;
      const partSum = sum(parts.map((c) => c!.value!));
      if (partSum.lessThanOrEqualTo(cell.value.plus(sumTolerance(parts.length)))) continue;
      context.report({
        at: cell,
        related: parts.map((c) => c!),
        expected: `>= ${plain(partSum)}`,
        actual: plain(cell.value),
        figure: "amount",
        messageId: "exceeded",
        data: { total: figure(cell.value, "amount"), parts: figure(partSum, "amount") },
      });
    }
  },
});

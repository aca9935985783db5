import { defineRule } from "../rule";
import { checkDerived, DERIVED_MESSAGES, isUnreadable, subjectOf } from "../checks";
import { sum, sumTolerance, type Decimal } from "../../numeric/decimal";
import { clause, figure, list } from "../../messages/message";
import { displayLabel } from "../../text/normalize";
import type { Terms } from "../../profiles/profile";
import type { LocatedNumber } from "../../model/located";

type AmountColumn = "initialBudget" | "budget" | "executed";
const COLUMNS: readonly AmountColumn[] = ["initialBudget", "budget", "executed"];

/**
 * 年度资金总额 = the sum of its 其中 rows (本年财政拨款 + 上年结转资金 + 其他资金; 四川 财政资金 +
 * 财政专户管理资金 + 单位资金 + 其他资金), in each amount column. Published tables show a total row
 * left at 0 beside filled 其中 rows; then the rate and score built on it are wrong too.
 */
export default defineRule({
  meta: {
    id: "a3.funds-total",
    title: { zh: "资金总额与其中各项", en: "Funds total and its parts" },
    severities: ["error", "info"],
    fixable: true,
    requires: ["annex3"],
    formula: { zh: "年度资金总额 = 其中各项之和（年初预算数、全年预算数、全年执行数各列）", en: "total funds = the sum of its \"of which\" rows (each amount column)" },
    messages: {
      ...DERIVED_MESSAGES,
      term: { zh: "{name} {value}", en: "{name} {value}" },
    },
  },
  check(context) {
    const funds = context.annex3?.funds;
    if (!funds || funds.parts.length === 0) return;
    for (const column of COLUMNS) {
      const cell = funds[column];
      if (!cell) continue;
      const cells = funds.parts.map((p) => ({ part: p, cell: p[column] }));
      if (cells.some((c) => isUnreadable(c.cell))) continue;
      const filled = cells.filter((c): c is { part: typeof c.part; cell: LocatedNumber } => c.cell?.value != null);
      if (filled.length === 0) continue;
      const values = filled.map((c) => c.cell.value as Decimal);
      checkDerived(context, {
        cell,
        expected: sum(values),
        kind: "amount",
        tolerance: sumTolerance(values.length),
        related: filled.map((c) => c.cell),
        what: columnSubject(context.terms, column),
        // The parts named as the 附件2 sums name theirs: without the "其中：" that introduces the first.
        basis: list(filled.map((c) => clause("term", { name: displayLabel(c.part.label.text).replace(/^其中[:：]\s*/, ""), value: figure(c.cell.value!, "decimal") })), { zh: " + ", en: " + " }),
      });
    }
  },
});

function columnSubject(terms: Terms, column: AmountColumn): { zh: string; en: string } {
  const subject = subjectOf(terms.fundsTotal);
  return { zh: `${subject.zh}（${terms[column].zh}）`, en: `${subject.en} (${terms[column].en})` };
}

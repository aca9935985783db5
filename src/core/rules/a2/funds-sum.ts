/** The shared check of a 经费控制情况 total row against its part rows, column by column. */
import type { FundsColumn, FundsRow } from "../../model/annex2";
import type { LocatedNumber } from "../../model/located";
import { FUNDS_COLUMNS } from "../../model/annex2";
import type { RuleContext } from "../rule";
import { checkDerived, DERIVED_MESSAGES, isUnreadable, type DerivedMessageId } from "../checks";
import { sum, sumTolerance, type Decimal } from "../../numeric/decimal";
import { clause, figure, list } from "../../messages/message";
import type { Bilingual } from "../../findings/finding";
import { normalizeLabel } from "../../text/normalize";

const COLUMN_NAMES: Readonly<Record<string, Bilingual>> = {
  priorFinal: { zh: "上年决算数", en: "prior-year actuals" },
  budget: { zh: "本年预算数", en: "budget" },
  final: { zh: "本年决算数", en: "actuals" },
};

/** The messages of the rules built on checkFundsSum: checkDerived's and one term of a sum. */
export const FUNDS_SUM_MESSAGES = {
  ...DERIVED_MESSAGES,
  term: { zh: "{name} {value}", en: "{name} {value}" },
} as const;

const PLUS = { zh: " + ", en: " + " };

export function checkFundsSum(context: RuleContext<DerivedMessageId | "term">, total: FundsRow | null, parts: readonly (FundsRow | null)[], what: Bilingual): void {
  if (!total) return;
  const rows = parts.filter((p): p is FundsRow => p !== null);
  for (const column of FUNDS_COLUMNS) {
    const cell = total[column];
    if (!cell) continue;
    // A part holding "约30" is unknown, not 0: recomputing without it would call a right total
    // wrong and offer a fix that writes the wrong one.
    if (rows.some((r) => isUnreadable(r[column]))) continue;
    const filled = rows.map((r) => ({ row: r, cell: r[column] })).filter((p) => p.cell?.value != null);
    if (filled.length === 0) continue;
    const values = filled.map((p) => p.cell!.value as Decimal);
    const expected = sum(values);
    const terms = filled.map((p) => clause("term", { name: normalizeLabel(p.row.label.text), value: figure(p.cell!.value!, "decimal") }));
    checkDerived(context, {
      cell,
      expected,
      kind: "amount",
      tolerance: sumTolerance(values.length),
      related: filled.map((p) => p.cell!),
      what: { zh: `${what.zh}（${COLUMN_NAMES[column]!.zh}）`, en: `${what.en} (${COLUMN_NAMES[column]!.en})` },
      basis: list(terms, PLUS),
    });
  }
}

/**
 * A total row as it should be: each column holds the sum of its filled part rows, or the
 * reported figure where no part is filled or a part cannot be read. Rules that build on a subtotal use this, so a wrong
 * subtotal is reported once (by its own rule), not again by every total above it.
 */
export function recomputedRow(total: FundsRow | null, parts: readonly (FundsRow | null)[]): FundsRow | null {
  if (!total) return null;
  const rows = parts.filter((p): p is FundsRow => p !== null);
  const column = (key: FundsColumn): LocatedNumber | null => {
    const cell = total[key];
    const values = rows.map((r) => r[key]?.value).filter((v): v is Decimal => v != null);
    if (!cell || values.length === 0 || rows.some((r) => isUnreadable(r[key]))) return cell;
    const value = sum(values);
    return { ...cell, value, parsed: { kind: "number", value, storedAsText: false, unit: null } };
  };
  return { label: total.label, priorFinal: column("priorFinal"), budget: column("budget"), final: column("final") };
}

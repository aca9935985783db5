/** Shared by the two breakdown rules: parts add up to the stated total, which matches a funds figure. */
import type { BreakdownPart } from "../../model/annex3";
import type { LocatedNumber } from "../../model/located";
import type { RuleContext } from "../rule";
import { checkDerived, DERIVED_MESSAGES, isUnreadable, type DerivedMessageId } from "../checks";
import { AMOUNT_TOLERANCE, sum, sumTolerance, within, plain } from "../../numeric/decimal";
import { clause, figure, label, list } from "../../messages/message";
import type { Bilingual } from "../../findings/finding";
import { normalizeLabel } from "../../text/normalize";

/** The messages of both breakdown rules. */
export const BREAKDOWN_MESSAGES = {
  ...DERIVED_MESSAGES,
  term: { zh: "{name} {value}", en: "{name} {value}" },
  differs: {
    zh: "{what} {total}与{against} {reference}不一致（相差 {difference}），请核实",
    en: "{what} {total} differs from {against} {reference} by {difference}; verify",
  },
} as const;

export function checkBreakdown(
  context: RuleContext<DerivedMessageId | "term" | "differs">,
  total: BreakdownPart | null,
  parts: readonly (BreakdownPart | null)[],
  what: Bilingual,
  against: { cell: LocatedNumber | null | undefined; name: Bilingual },
): void {
  if (!total) return;
  const filled = parts.filter((p): p is BreakdownPart => p !== null && p.value.value !== null);
  const partName = (p: BreakdownPart) => normalizeLabel(p.label.text).replace(/[:：]?[\d.,]+(?:万元)?$/, "");
  let totalValue = total.value.value;
  // A part that cannot be read ("约70") is unknown, not 0: the sum is not recomputed.
  const unreadablePart = parts.some((p) => isUnreadable(p?.value));
  if (filled.length > 0 && !unreadablePart) {
    const expected = sum(filled.map((p) => p.value.value!));
    const terms = list(filled.map((p) => clause("term", { name: partName(p), value: figure(p.value.value!, "decimal") })), { zh: " + ", en: " + " });
    const ok = checkDerived(context, {
      cell: total.value,
      expected,
      kind: "amount",
      tolerance: sumTolerance(filled.length),
      related: filled.map((p) => p.value),
      what,
      basis: terms,
    });
    if (!ok) return;
    totalValue = totalValue ?? expected;
  }
  const reference = against.cell?.value;
  if (totalValue == null || reference == null || within(totalValue, reference, AMOUNT_TOLERANCE)) return;
  context.report({
    severity: "warning",
    at: total.value,
    related: [against.cell!],
    expected: plain(reference),
    actual: plain(totalValue),
    figure: "amount",
    messageId: "differs",
    data: {
      what: label(what), total: figure(totalValue, "amount"), against: label(against.name),
      reference: figure(reference, "amount"), difference: figure(totalValue.minus(reference).abs(), "amount"),
    },
  });
}

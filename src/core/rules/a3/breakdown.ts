/** Shared by the two breakdown rules: parts add up to the stated total, which matches a funds figure. */
import type { BreakdownPart } from "../../model/annex3";
import type { LocatedNumber } from "../../model/located";
import type { RuleContext } from "../rule";
import { checkDerived, isUnreadable } from "../checks";
import { AMOUNT_TOLERANCE, fixed2, sum, sumTolerance, within, plain } from "../../numeric/decimal";
import type { Bilingual } from "../../findings/finding";
import { normalizeLabel } from "../../text/normalize";

export function checkBreakdown(
  context: RuleContext,
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
    const terms = filled.map((p) => `${partName(p)} ${fixed2(p.value.value!)}`).join(" + ");
    const ok = checkDerived(context, {
      cell: total.value,
      expected,
      kind: "amount",
      tolerance: sumTolerance(filled.length),
      related: filled.map((p) => p.value.at),
      what,
      basis: { zh: terms, en: terms },
    });
    if (!ok) return;
    totalValue = totalValue ?? expected;
  }
  const reference = against.cell?.value;
  if (totalValue == null || reference == null || within(totalValue, reference, AMOUNT_TOLERANCE)) return;
  context.report({
    severity: "warning",
    at: total.value.at,
    related: [against.cell!.at],
    expected: plain(reference),
    actual: plain(totalValue),
    message: {
      zh: `${what.zh} ${fixed2(totalValue)} 与${against.name.zh} ${fixed2(reference)} 不一致（相差 ${fixed2(totalValue.minus(reference).abs())}），请核实`,
      en: `${what.en} ${fixed2(totalValue)} differs from ${against.name.en} ${fixed2(reference)} by ${fixed2(totalValue.minus(reference).abs())}; verify`,
    },
  });
}

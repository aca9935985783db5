/** Shared by the two 楼堂馆所 rate rules: rate = actual / approved × 100%. */
import type { BuildingRow } from "../../model/annex2";
import type { LocatedNumber } from "../../model/located";
import type { RuleContext } from "../rule";
import { checkDerived, DERIVED_MESSAGES, type DerivedMessageId } from "../checks";
import { clause, figure } from "../../messages/message";
import { percent, percentExact, RATE_TOLERANCE } from "../../numeric/decimal";
import type { Bilingual } from "../../findings/finding";

/** The messages of both rate rules: checkDerived's and the basis clause. */
export const BUILDING_RATE_MESSAGES = {
  ...DERIVED_MESSAGES,
  basis: { zh: "{actualName} {actual} ÷ {plannedName} {planned}", en: "{actualName} {actual} ÷ {plannedName} {planned}" },
} as const;

export function checkBuildingRate(
  context: RuleContext<DerivedMessageId | "basis">,
  pick: (row: BuildingRow) => { actual: LocatedNumber | null; planned: LocatedNumber | null; rate: LocatedNumber | null },
  what: Bilingual,
  names: { actual: Bilingual; planned: Bilingual },
): void {
  for (const row of context.annex2?.buildings?.rows ?? []) {
    const { actual, planned, rate } = pick(row);
    if (!rate || !actual?.value || !planned?.value) continue;
    const expected = percent(actual.value, planned.value);
    if (expected === null) continue;
    checkDerived(context, {
      cell: rate,
      expected,
      exact: percentExact(actual.value, planned.value) ?? undefined,
      kind: "percent",
      tolerance: RATE_TOLERANCE,
      related: [actual, planned],
      what,
      basis: clause("basis", {
        actualName: { label: names.actual }, actual: figure(actual.value, "decimal"),
        plannedName: { label: names.planned }, planned: figure(planned.value, "decimal"),
      }),
    });
  }
}

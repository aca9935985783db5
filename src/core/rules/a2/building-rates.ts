/** Shared by the two 楼堂馆所 rate rules: rate = actual / approved × 100%. */
import type { BuildingRow } from "../../model/annex2";
import type { LocatedNumber } from "../../model/located";
import type { RuleContext } from "../rule";
import { checkDerived } from "../checks";
import { fixed2, percent, percentExact, RATE_TOLERANCE } from "../../numeric/decimal";
import type { Bilingual } from "../../findings/finding";

export function checkBuildingRate(
  context: RuleContext,
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
      related: [actual.at, planned.at],
      what,
      basis: {
        zh: `${names.actual.zh} ${fixed2(actual.value)} ÷ ${names.planned.zh} ${fixed2(planned.value)}`,
        en: `${names.actual.en} ${fixed2(actual.value)} ÷ ${names.planned.en} ${fixed2(planned.value)}`,
      },
    });
  }
}

/**
 * The few figures a reviewer compares across units (a folder summary): who the unit is, which
 * year, staff, budget and execution, 三公经费. Figures that the forms derive are recomputed from
 * their inputs, as the rules do, so a wrong cell in one workbook does not distort the comparison;
 * inputs (编制数, 在职人数, 预算数, 执行数) are taken as typed. Decimals travel as 2-dp text, like
 * the JSON report, so the result is plain data (it crosses worker threads).
 */
import type { ValidationResult } from "../engine/validate";
import type { LocatedNumber } from "../model/located";
import type { Annex2 } from "../model/annex2";
import { execution } from "../rules/derived";
import { recomputedRow } from "../rules/a2/funds-sum";
import { fixed2, plain, sum, type Decimal } from "../numeric/decimal";

export interface KeyFigures {
  /** 单位名称 from 附件3 (runs of whitespace collapsed), null when the form has none. */
  readonly unitName: string | null;
  /** The report year Y (附件3's title, else 附件2's). */
  readonly year: number | null;
  readonly establishment: string | null;
  readonly staffActual: string | null;
  /** 全年预算数 and 全年执行数 of 附件3, 万元. */
  readonly budget: string | null;
  readonly executed: string | null;
  /** 执行率 recomputed (executed / budget), percentage points, 2 dp. */
  readonly executionRate: string | null;
  /** 三公经费 of the report year (本年决算数), recomputed from its lines where they are filled. */
  readonly threePublic: string | null;
}

export function keyFigures(result: Pick<ValidationResult, "annex2" | "annex3">): KeyFigures {
  const { annex2, annex3 } = result;
  // As typed, but with the padding staff leave (ideographic spaces, line breaks) collapsed.
  const unitName = annex3?.unitName ? annex3.unitName.text.replace(/\s+/g, " ").trim() : "";
  const rate = annex3 ? execution(annex3).rate : null;
  return {
    unitName: unitName === "" ? null : unitName,
    year: annex3?.year ?? annex2?.year ?? null,
    establishment: count(annex2?.staff?.establishment),
    staffActual: count(annex2?.staff?.actual),
    budget: text(annex3?.funds?.budget),
    executed: text(annex3?.funds?.executed),
    executionRate: rate ? fixed2(rate) : null,
    threePublic: threePublicFinal(annex2),
  };
}

function text(cell: LocatedNumber | null | undefined): string | null {
  return cell?.value ? fixed2(cell.value) : null;
}

/** People are counted, not rounded: "35", not "35.00". */
function count(cell: LocatedNumber | null | undefined): string | null {
  return cell?.value ? plain(cell.value) : null;
}

/** The same recomputation a2.three-public-total checks against: vehicles (from their two lines) + trips + reception. */
function threePublicFinal(annex2: Annex2 | null): string | null {
  const f = annex2?.funds;
  if (!f) return null;
  const vehicle = f.vehicle ? recomputedRow(f.vehicle, [f.vehiclePurchase, f.vehicleRunning]) : null;
  const parts = vehicle ? [vehicle, f.abroad, f.reception] : [f.vehiclePurchase, f.vehicleRunning, f.abroad, f.reception];
  const values = parts.map((p) => p?.final?.value).filter((v): v is Decimal => v !== null && v !== undefined);
  if (values.length > 0) return fixed2(sum(values));
  return text(f.threePublic?.final);
}

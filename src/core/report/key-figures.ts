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
import { fixed2, percent, plain, sum, type Decimal } from "../numeric/decimal";

export interface KeyFigures {
  /**
   * 单位名称 from 附件3 (runs of whitespace collapsed); for a project form, the 实施单位 (else the
   * 主管部门) of its first table; null when the sheet names none.
   */
  readonly unitName: string | null;
  /** How many self-evaluation tables the workbook holds (one per project for the project forms). */
  readonly tables: number;
  /** The report year Y (附件3's title, else 附件2's). */
  readonly year: number | null;
  readonly establishment: string | null;
  readonly staffActual: string | null;
  /** 全年预算数 and 全年执行数 of 附件3 (of all the project tables together), 万元. */
  readonly budget: string | null;
  readonly executed: string | null;
  /** 执行率 recomputed (executed / budget, over all the tables), percentage points, 2 dp. */
  readonly executionRate: string | null;
  /** 三公经费 of the report year (本年决算数), recomputed from its lines where they are filled. */
  readonly threePublic: string | null;
}

export function keyFigures(result: Pick<ValidationResult, "annex2" | "annex3"> & Partial<Pick<ValidationResult, "selfEvalTables">>): KeyFigures {
  const { annex2, annex3 } = result;
  const tables = result.selfEvalTables ?? (annex3 ? [annex3] : []);
  // As typed, but with the padding staff leave (ideographic spaces, line breaks) collapsed.
  const named = annex3?.unitName ?? annex3?.implementer ?? annex3?.department ?? null;
  const unitName = named ? named.text.replace(/\s+/g, " ").trim() : "";
  // One unit, several projects: their funds added up, the rate recomputed from the sums.
  const budgets = tables.map((t) => t.funds?.budget?.value ?? null);
  const spent = tables.map((t) => t.funds?.executed?.value ?? null);
  const complete = (values: (Decimal | null)[]) => values.length > 0 && values.every((v) => v !== null);
  const budget = complete(budgets) ? sum(budgets as Decimal[]) : null;
  const executed = complete(spent) ? sum(spent as Decimal[]) : null;
  const rate = tables.length === 1 ? execution(tables[0]!).rate : budget && executed ? percent(executed, budget) : null;
  return {
    unitName: unitName === "" ? null : unitName,
    tables: tables.length,
    year: annex3?.year ?? annex2?.year ?? null,
    establishment: count(annex2?.staff?.establishment),
    staffActual: count(annex2?.staff?.actual),
    budget: budget ? fixed2(budget) : null,
    executed: executed ? fixed2(executed) : null,
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

import type { LocatedNumber, LocatedText } from "./located";
import type { CellAddress, CellRange } from "../grid/address";

/** One 经费控制情况 row: its label and the three year columns. */
export interface FundsRow {
  readonly label: LocatedText;
  readonly priorFinal: LocatedNumber | null;
  readonly budget: LocatedNumber | null;
  readonly final: LocatedNumber | null;
}

export type FundsColumn = "priorFinal" | "budget" | "final";
export const FUNDS_COLUMNS: readonly FundsColumn[] = ["priorFinal", "budget", "final"];

export interface BuildingRow {
  readonly label: LocatedText | null;
  readonly approvedScale: LocatedNumber | null;
  readonly actualScale: LocatedNumber | null;
  readonly scaleRate: LocatedNumber | null;
  readonly budgetInvestment: LocatedNumber | null;
  readonly actualInvestment: LocatedNumber | null;
  readonly investmentRate: LocatedNumber | null;
}

/** A header or title that carries a year, for x.year. */
export interface YearMention {
  readonly at: CellAddress;
  readonly text: string;
  readonly year: number;
  /** How the mention relates to the report year Y: "Y" or "Y-1" (a {Y-1}年决算数 header). */
  readonly expects: "Y" | "Y-1";
}

export interface Annex2 {
  readonly kind: "annex2";
  readonly sheet: string;
  readonly range: CellRange;
  readonly title: LocatedText | null;
  readonly year: number | null;
  readonly years: readonly YearMention[];
  readonly staff: {
    readonly header: LocatedText;
    readonly establishment: LocatedNumber | null;
    readonly actual: LocatedNumber | null;
    readonly controlRate: LocatedNumber | null;
  } | null;
  readonly funds: {
    readonly header: LocatedText;
    readonly columns: Readonly<Record<FundsColumn, LocatedText | null>>;
    readonly threePublic: FundsRow | null;
    readonly vehicle: FundsRow | null;
    readonly vehiclePurchase: FundsRow | null;
    readonly vehicleRunning: FundsRow | null;
    readonly abroad: FundsRow | null;
    readonly reception: FundsRow | null;
    readonly projectTotal: FundsRow | null;
    readonly projectLines: readonly FundsRow[];
    readonly publicFunds: FundsRow | null;
    readonly publicFundsParts: readonly FundsRow[];
    readonly procurement: FundsRow | null;
    readonly budgetAdjustment: FundsRow | null;
  } | null;
  readonly buildings: {
    readonly header: LocatedText;
    readonly rows: readonly BuildingRow[];
  } | null;
}

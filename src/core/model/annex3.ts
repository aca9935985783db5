import type { LocatedNumber, LocatedText } from "./located";
import type { Decimal } from "../numeric/decimal";
import type { CellAddress, CellRange } from "../grid/address";
import type { YearMention } from "./annex2";

export interface BreakdownPart {
  readonly label: LocatedText;
  readonly value: LocatedNumber;
}

export interface IndicatorRow {
  readonly row: number;
  /** The 一级指标 group this row belongs to (index into Annex3.level1Groups), or null. */
  readonly group: number | null;
  readonly level2: LocatedText | null;
  readonly level3: LocatedText | null;
  readonly target: LocatedText | null;
  readonly actual: LocatedText | null;
  /** 指标性质 (≥ = ≤) when the form has that column. */
  readonly nature: LocatedText | null;
  /** 度量单位 when the form has that column. */
  readonly unit: LocatedText | null;
  readonly weight: LocatedNumber | null;
  readonly score: LocatedNumber | null;
  readonly reason: LocatedText | null;
  /** A row marked not applicable: "/" in its text cells and 分值 0 or blank-as-"/" (the 湖南 form's convention). */
  readonly placeholder: boolean;
  /**
   * A row of the blank template left unfilled: no indicator, target, actual, 分值 or 得分, or only
   * stubs ("指标1：", "……"). Not an indicator; a3.unfilled-rows counts these.
   */
  readonly unfilled: boolean;
}

/** A 其中 row of the funds block (本年财政拨款, 上年结转资金, 其他资金, …). */
export interface FundsPart {
  readonly label: LocatedText;
  readonly initialBudget: LocatedNumber | null;
  readonly budget: LocatedNumber | null;
  readonly executed: LocatedNumber | null;
}

export const INDICATOR_FIELDS = ["level1", "level2", "level3", "target", "actual", "weight", "score", "reason", "nature", "unit"] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

export interface Level1Group {
  readonly label: LocatedText;
  /** The weight written in the label, "(40分)"; null when the label has none. */
  readonly statedWeight: Decimal | null;
}

export interface Annex3 {
  readonly kind: "annex3";
  readonly sheet: string;
  readonly range: CellRange;
  readonly title: LocatedText | null;
  readonly year: number | null;
  readonly years: readonly YearMention[];
  readonly unitName: LocatedText | null;
  /** 项目名称, 主管部门, 实施单位 of a project table (null where the form or the sheet has none). */
  readonly project: LocatedText | null;
  readonly department: LocatedText | null;
  readonly implementer: LocatedText | null;
  readonly funds: {
    readonly header: LocatedText;
    readonly label: LocatedText | null;
    readonly initialBudget: LocatedNumber | null;
    readonly budget: LocatedNumber | null;
    readonly executed: LocatedNumber | null;
    readonly weight: LocatedNumber | null;
    readonly rate: LocatedNumber | null;
    readonly score: LocatedNumber | null;
    /** The 其中 rows under the total row. */
    readonly parts: readonly FundsPart[];
    /** The block's own reason cell (四川 原因). */
    readonly reason: LocatedText | null;
  } | null;
  readonly income: { readonly total: BreakdownPart | null; readonly parts: readonly BreakdownPart[] } | null;
  readonly expense: { readonly total: BreakdownPart | null; readonly basic: BreakdownPart | null; readonly project: BreakdownPart | null } | null;
  readonly indicatorHeader: LocatedText | null;
  /** Column of each indicator field (0-based), null when the form has no such column. */
  readonly indicatorColumns: Readonly<Record<IndicatorField, number | null>>;
  readonly level1Groups: readonly Level1Group[];
  readonly indicators: readonly IndicatorRow[];
  readonly total: { readonly label: LocatedText; readonly weight: LocatedNumber | null; readonly score: LocatedNumber | null } | null;
  /** Where the indicator table's columns are, for findings about a missing column. */
  readonly anchor: CellAddress;
}

/**
 * Located values: every figure a rule uses keeps the cell it came from, its raw content (what a
 * fix must find there before writing) and how it parsed. Checked with zod when a model is built.
 */
import type { Decimal } from "../numeric/decimal";
import type { CellAddress } from "../grid/address";
import type { CellValue } from "../grid/workbook";
import type { NumberKind, ParsedNumber } from "../cells/parse-value";

export interface LocatedNumber {
  readonly at: CellAddress;
  readonly raw: CellValue;
  readonly parsed: ParsedNumber;
  readonly value: Decimal | null;
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly embedded?: { readonly prefix: string; readonly suffix: string };
  readonly underMerge?: boolean;
  readonly role: "input" | "derived";
  /** What the figure is, which decides how a fix writes it (a percent as 0.00%). */
  readonly kind: NumberKind;
}

export interface LocatedText {
  readonly at: CellAddress;
  readonly text: string;
}

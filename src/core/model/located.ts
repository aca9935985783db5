/**
 * Located values: every figure a rule uses keeps the cell it came from, its raw content (what a
 * fix must find there before writing) and how it parsed. Their shape is held to the zod schemas
 * in schemas.ts by the property tests.
 *
 * A located value is itself the address of its cell (sheet, row, col as its own fields), not a
 * value holding an address object: a 20,000-row 自评表 reads some 120,000 of them, and a second
 * object each was a tenth of a check's time after a memory-reducing collection (allocation and
 * the survivors every scavenge copies). Read-only address code (toA1, cellLabel, comparisons)
 * takes a located value as it is; whatever keeps an address beyond the check (a finding, a fix's
 * edit, a report) takes `addressOf(value)` (grid/address.ts), a plain copy, so no parsed figure travels with it.
 */
import type { Decimal } from "../numeric/decimal";
import type { CellAddress } from "../grid/address";
import type { CellValue } from "../grid/workbook";
import type { NumberKind, ParsedNumber } from "../cells/parse-value";

export interface LocatedNumber extends CellAddress {
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

export interface LocatedText extends CellAddress {
  readonly text: string;
}

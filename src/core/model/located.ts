/**
 * Located values: every figure a rule uses keeps the cell it came from, its raw content (what a
 * fix must find there before writing) and how it parsed. Checked with zod when a model is built.
 */
import { z } from "zod";
import { Decimal } from "../numeric/decimal";
import type { CellAddress } from "../grid/address";
import type { CellValue } from "../grid/workbook";
import type { NumberKind, ParsedNumber } from "../cells/parse-value";

export const AddressSchema = z.object({
  sheet: z.string(),
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
});

export const DecimalSchema = z.custom<Decimal>((v) => v instanceof Decimal, { message: "expected a Decimal" });

export const CellValueSchema = z.union([
  z.string(), z.number(), z.boolean(), z.null(), z.object({ error: z.string() }),
]);

export const ParsedNumberSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("number"), value: DecimalSchema, storedAsText: z.boolean(), unit: z.string().nullable() }),
  z.object({ kind: z.literal("blank") }),
  z.object({ kind: z.literal("dash"), text: z.string() }),
  z.object({ kind: z.literal("error"), code: z.string() }),
  z.object({ kind: z.literal("text"), text: z.string() }),
]);

export const LocatedNumberSchema = z.object({
  at: AddressSchema,
  raw: CellValueSchema,
  parsed: ParsedNumberSchema,
  value: DecimalSchema.nullable(),
  formula: z.string().optional(),
  numberFormat: z.string().optional(),
  /** Set when the number lives inside a label ("按收入性质分：982.60"): the text around it. */
  embedded: z.object({ prefix: z.string(), suffix: z.string() }).optional(),
  /** Set when the cell is covered by another cell's merge: it reads as blank and is never fixed. */
  underMerge: z.boolean().optional(),
  /** Input cells are typed by staff; derived cells are computed from others and may be rewritten. */
  role: z.enum(["input", "derived"]),
  kind: z.enum(["amount", "percent", "count", "score"]),
});

export const LocatedTextSchema = z.object({
  at: AddressSchema,
  text: z.string(),
});

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

/**
 * Located values: every figure a rule uses keeps the cell it came from, its raw content (what a
 * fix must find there before writing) and how it parsed. Checked with zod when a model is built.
 */
import { z } from "zod/mini";
import { Decimal } from "../numeric/decimal";
import type { CellAddress } from "../grid/address";
import type { CellValue } from "../grid/workbook";
import type { NumberKind, ParsedNumber } from "../cells/parse-value";

// zod/mini (the functional API: the pane ships only the parts it uses) registers no locale, so its
// built-in issues would all read "Invalid input". English, as classic zod registers on its first
// schema: an unreadable table's finding quotes the first issue ("year: Invalid input: expected
// number, received string"). Only when no locale is set yet, as classic zod does too.
if (!z.config().localeError) z.config(z.locales.en());

export const AddressSchema = z.object({
  sheet: z.string(),
  row: z.number().check(z.int(), z.nonnegative()),
  col: z.number().check(z.int(), z.nonnegative()),
});

export const DecimalSchema = z.custom<Decimal>((v) => v instanceof Decimal, { message: "expected a Decimal" });

export const CellValueSchema = z.union([
  z.string(), z.number(), z.boolean(), z.null(), z.object({ error: z.string() }),
]);

export const ParsedNumberSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("number"), value: DecimalSchema, storedAsText: z.boolean(), unit: z.nullable(z.string()) }),
  z.object({ kind: z.literal("blank") }),
  z.object({ kind: z.literal("dash"), text: z.string() }),
  z.object({ kind: z.literal("error"), code: z.string() }),
  z.object({ kind: z.literal("text"), text: z.string() }),
]);

export const LocatedNumberSchema = z.object({
  at: AddressSchema,
  raw: CellValueSchema,
  parsed: ParsedNumberSchema,
  value: z.nullable(DecimalSchema),
  formula: z.optional(z.string()),
  numberFormat: z.optional(z.string()),
  /** Set when the number lives inside a label ("按收入性质分：982.60"): the text around it. */
  embedded: z.optional(z.object({ prefix: z.string(), suffix: z.string() })),
  /** Set when the cell is covered by another cell's merge: it reads as blank and is never fixed. */
  underMerge: z.optional(z.boolean()),
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

/**
 * zod schemas of the typed models (located figures, 附件2, 自评表). The models are typed by
 * construction, so checks do not run these; the property tests hold every model they build to
 * them, so a model that drifts from its declared shape fails a test, not a user's check. Kept out
 * of the model modules so a check never loads zod.
 */
import { z } from "zod/mini";
import { Decimal } from "../numeric/decimal";
import { INDICATOR_FIELDS, type IndicatorField } from "./annex3";

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

// A located value is its cell's address (see located.ts): sheet, row and col are its own fields.
export const LocatedNumberSchema = z.object({
  ...AddressSchema.shape,
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
  ...AddressSchema.shape,
  text: z.string(),
});


const n2 = z.nullable(LocatedNumberSchema);
const FundsRowSchema = z.object({ label: LocatedTextSchema, priorFinal: n2, budget: n2, final: n2 });
const RangeSchema = z.object({ sheet: z.string(), top: z.number(), left: z.number(), bottom: z.number(), right: z.number() });

export const Annex2Schema = z.object({
  kind: z.literal("annex2"),
  sheet: z.string(),
  range: RangeSchema,
  title: z.nullable(LocatedTextSchema),
  year: z.nullable(z.number().check(z.int())),
  years: z.array(z.object({ at: AddressSchema, text: z.string(), year: z.number().check(z.int()), expects: z.enum(["Y", "Y-1"]) })),
  staff: z.nullable(z.object({ header: LocatedTextSchema, establishment: n2, actual: n2, controlRate: n2 })),
  funds: z.nullable(z.object({
    header: LocatedTextSchema,
    columns: z.object({ priorFinal: z.nullable(LocatedTextSchema), budget: z.nullable(LocatedTextSchema), final: z.nullable(LocatedTextSchema) }),
    threePublic: z.nullable(FundsRowSchema),
    vehicle: z.nullable(FundsRowSchema),
    vehiclePurchase: z.nullable(FundsRowSchema),
    vehicleRunning: z.nullable(FundsRowSchema),
    abroad: z.nullable(FundsRowSchema),
    reception: z.nullable(FundsRowSchema),
    projectTotal: z.nullable(FundsRowSchema),
    projectLines: z.array(FundsRowSchema),
    publicFunds: z.nullable(FundsRowSchema),
    publicFundsParts: z.array(FundsRowSchema),
    procurement: z.nullable(FundsRowSchema),
    budgetAdjustment: z.nullable(FundsRowSchema),
  })),
  buildings: z.nullable(z.object({
    header: LocatedTextSchema,
    rows: z.array(z.object({
      label: z.nullable(LocatedTextSchema),
      approvedScale: n2, actualScale: n2, scaleRate: n2, budgetInvestment: n2, actualInvestment: n2, investmentRate: n2,
    })),
  })),
});

const n3 = z.nullable(LocatedNumberSchema);
const t3 = z.nullable(LocatedTextSchema);
const PartSchema = z.object({ label: LocatedTextSchema, value: LocatedNumberSchema });

export const Annex3Schema = z.object({
  kind: z.literal("annex3"),
  sheet: z.string(),
  range: z.object({ sheet: z.string(), top: z.number(), left: z.number(), bottom: z.number(), right: z.number() }),
  title: t3,
  year: z.nullable(z.number().check(z.int())),
  years: z.array(z.object({ at: AddressSchema, text: z.string(), year: z.number().check(z.int()), expects: z.enum(["Y", "Y-1"]) })),
  unitName: t3,
  project: t3,
  department: t3,
  implementer: t3,
  funds: z.nullable(z.object({
    header: LocatedTextSchema, label: t3,
    initialBudget: n3, budget: n3, executed: n3, weight: n3, rate: n3, score: n3,
    parts: z.array(z.object({ label: LocatedTextSchema, initialBudget: n3, budget: n3, executed: n3 })),
    reason: t3,
  })),
  income: z.nullable(z.object({ total: z.nullable(PartSchema), parts: z.array(PartSchema) })),
  expense: z.nullable(z.object({ total: z.nullable(PartSchema), basic: z.nullable(PartSchema), project: z.nullable(PartSchema) })),
  indicatorHeader: t3,
  indicatorColumns: z.object(Object.fromEntries(INDICATOR_FIELDS.map((f) => [f, z.nullable(z.number().check(z.int()))])) as Record<IndicatorField, z.ZodMiniNullable<z.ZodMiniNumber>>),
  level1Groups: z.array(z.object({ label: LocatedTextSchema, statedWeight: z.nullable(DecimalSchema) })),
  indicators: z.array(z.object({
    row: z.number().check(z.int()), group: z.nullable(z.number().check(z.int())),
    level2: t3, level3: t3, target: t3, actual: t3, nature: t3, unit: t3,
    weight: n3, score: n3, reason: t3, placeholder: z.boolean(), unfilled: z.boolean(),
  })),
  total: z.nullable(z.object({ label: LocatedTextSchema, weight: n3, score: n3 })),
  anchor: AddressSchema,
});

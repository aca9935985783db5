/** The zod schema of a form profile, for the profile tests (and a province's own profile file). */
import { z } from "zod/mini";

const bilingual = z.object({ zh: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });
const regex = z.instanceof(RegExp);
const share = z.number().check(z.gte(0), z.lte(1));
const band = z.tuple([share, share]).check(z.refine(([low, high]) => low <= high, "low > high"));
const positive = z.number().check(z.positive());

/** Checked by the profile tests, so a profile with a missing or mistyped field fails fast. */
export const FormProfileSchema = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
  name: bilingual,
  usedIn: bilingual,
  docPage: z.string().check(z.regex(/^docs\/profiles\/[a-z0-9-]+\.md$/)),
  sources: z.array(z.object({ title: z.string().check(z.minLength(1)), url: z.string().check(z.minLength(1)) })),
  basicData: z.boolean(),
  selfEval: z.object({
    title: regex,
    fields: z.object({ unitName: z.nullable(regex), project: z.nullable(regex), department: z.nullable(regex), implementer: z.nullable(regex) }),
    funds: z.object({
      caption: z.nullable(regex),
      columns: z.object({ initialBudget: regex, budget: regex, executed: regex, weight: regex, rate: regex, score: regex }),
      totalRow: regex,
      parts: z.array(z.object({ key: z.string(), label: regex, name: bilingual })),
      breakdowns: z.boolean(),
      reason: z.nullable(regex),
    }),
    goals: regex,
    indicators: z.object({
      weightColumn: z.boolean(),
      reasonColumn: z.boolean(),
      columns: z.object({
        level1: regex, level2: regex, level3: regex, target: regex, actual: regex,
        weight: regex, score: regex, reason: regex, nature: regex, unit: regex,
      }),
    }),
    total: regex,
    end: regex,
  }),
  tablesPerWorkbook: z.enum(["one", "many"]),
  detection: z.array(z.object({ pattern: regex, weight: positive, why: bilingual })).check(z.minLength(1)),
  terms: z.object({
    table: bilingual, initialBudget: bilingual, budget: bilingual, executed: bilingual, weight: bilingual, rate: bilingual,
    score: bilingual, executionScore: bilingual, fundsTotal: bilingual, total: bilingual, target: bilingual, actual: bilingual,
    reason: bilingual, indicator: bilingual, level1: bilingual,
  }),
  execution: z.object({
    denominator: z.enum(["budget", "initialBudget"]),
    score: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("linear"), capPercent: positive }),
      z.object({ kind: z.literal("steps"), steps: z.array(z.object({ fromPercent: z.number(), share })).check(z.minLength(1)) }),
    ]),
    weight: z.nullable(positive),
  }),
  dimensions: z.array(z.object({
    key: z.enum(["output", "effect", "satisfaction", "cost", "process"]),
    label: regex,
    level2: regex,
    name: bilingual,
    required: z.boolean(),
  })).check(z.minLength(1)),
  weightsWrittenIn: z.enum(["level1-label", "column-only"]),
  weightSchemes: z.array(z.object({ id: z.string(), name: bilingual, dimensions: z.record(z.string(), z.number()) })).check(z.minLength(1)),
  quantitativeLevel2: regex,
  satisfaction: regex,
  qualitativeBands: z.object({ achieved: band, partial: band, notAchieved: band }),
  gradeBands: z.tuple([z.number(), z.number(), z.number()]).check(z.refine(([a, b, c]) => a > b && b > c, "bands must fall")),
  overCompletion: z.object({
    thresholdPercent: positive,
    treatment: z.enum(["note", "no-points", "deduct"]),
    deductPoints: z.optional(positive),
  }),
  reverseFormula: z.enum(["A", "B"]),
  reasons: z.object({ whenScoreBelowWeight: z.boolean(), whenExecutionBelowPercent: z.nullable(z.number()) }),
  rulesOff: z.array(z.string()),
  template: z.union([
    z.object({ kind: z.literal("annexes") }),
    z.object({
      kind: z.literal("project-table"),
      title: z.string(), fields: z.array(z.string()), fundsCaption: z.string(), fundsColumns: z.array(z.string()),
      fundsTotalRow: z.string(), fundsParts: z.array(z.string()), goalHeadings: z.tuple([z.string(), z.string()]),
      indicatorColumns: z.array(z.string()), level2: z.record(z.string(), z.array(z.string())), totalLabel: z.string(),
      notes: z.array(z.string()),
    }),
  ]),
});

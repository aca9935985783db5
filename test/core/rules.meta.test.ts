/**
 * The rule catalogue (../shared/spec/rules.md, beside the repo here and in CI) is the contract:
 * every rule id in its tables is registered exactly once and nothing else is, and every rule has
 * its doc page, its test file, a bilingual title and formula, and the severities and fixability
 * the catalogue gives it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../../src/core";
import type { Severity } from "../../src/core";
import type { Rule } from "../../src/core/rules/rule";
import { placeholders } from "../../src/core/messages/message";

const REPO = join(__dirname, "..", "..");
const RULES_MD = join(REPO, "..", "shared", "spec", "rules.md");

interface CatalogueEntry {
  readonly id: string;
  /** Severities named in the severity column, in the order written (the first is the default). */
  readonly severities: readonly Severity[];
  /** Whether the catalogue gives the rule a fix. */
  readonly fixable: boolean;
}

/** Rows of the catalogue's tables: "| id | check | severity | fix |" or "| id | check | severity |". */
function parseCatalogue(markdown: string): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  for (const match of markdown.matchAll(/^\|\s*`?((?:a2|a3|x|sheet|cell)\.[a-z0-9-]+)`?\s*\|(.*)\|\s*$/gm)) {
    const columns = match[2]!.split("|").map((c) => c.trim());
    const severity = columns[1] ?? "";
    const fix = columns[2];
    const severities = [...severity.matchAll(/\b(error|warning|info)\b/g)].map((m) => m[1] as Severity);
    const fixable = fix !== undefined ? fix !== "-" && fix !== "" : /\bfix\b/i.test(severity);
    entries.push({ id: match[1]!, severities: [...new Set(severities)], fixable });
  }
  return entries;
}

const fromCatalogue = parseCatalogue(readFileSync(RULES_MD, "utf8"));
/**
 * Checks added after the catalogue under new ids (rules.md: "a new check gets a new id"), each with
 * its declared severities and fixability, held to the same page/test/meta contract as the others.
 */
const ADDED_SINCE_CATALOGUE: readonly CatalogueEntry[] = [
  { id: "sheet.duplicate-annex", severities: ["warning"], fixable: false },
  // Issue 10: the 其中 rows of the funds block, 四川's reason for a low rate, and the reviewer checks.
  { id: "a3.funds-total", severities: ["error", "info"], fixable: true },
  { id: "a3.execution-reason", severities: ["warning"], fixable: false },
  { id: "a3.unfilled-rows", severities: ["info"], fixable: false },
  { id: "a3.target-not-quantified", severities: ["warning"], fixable: false },
  { id: "a3.reason-vacuous", severities: ["warning"], fixable: false },
  { id: "a3.full-marks-shortfall", severities: ["warning"], fixable: false },
  { id: "a3.satisfaction-no-figure", severities: ["warning"], fixable: false },
  { id: "a3.dimension-missing", severities: ["warning"], fixable: false },
];
const catalogue = [...fromCatalogue, ...ADDED_SINCE_CATALOGUE];
const catalogueIds = catalogue.map((e) => e.id);
// The report-text rules (r.*) are held to their own contract: test/core/report-text/meta.test.ts.
const registeredIds = RULES.map((r) => r.meta.id).filter((id) => !id.startsWith("r."));

describe("the rule catalogue", () => {
  test("rules.md is read: 33 rule ids in its tables, none of them re-added", () => {
    expect(fromCatalogue).toHaveLength(33);
    expect(ADDED_SINCE_CATALOGUE.filter((e) => fromCatalogue.some((c) => c.id === e.id))).toEqual([]);
    expect(new Set(catalogueIds).size).toBe(catalogueIds.length);
  });

  test("every rule id of rules.md is in RULES exactly once", () => {
    const counts = catalogueIds.map((id) => [id, registeredIds.filter((r) => r === id).length]);
    expect(counts).toEqual(catalogueIds.map((id) => [id, 1]));
  });

  test("RULES holds no rule that rules.md (or the added list) does not name", () => {
    expect(registeredIds.filter((id) => !catalogueIds.includes(id))).toEqual([]);
  });
});

describe.each(catalogue.map((e) => [e.id, e] as const))("%s", (id, entry) => {
  const rule = RULES.find((r) => r.meta.id === id) as Rule | undefined;

  test("has its doc page docs/rules/<id>.md", () => {
    expect(existsSync(join(REPO, "docs", "rules", `${id}.md`))).toBe(true);
  });

  test("is listed in docs/rules/README.md", () => {
    expect(readFileSync(join(REPO, "docs", "rules", "README.md"), "utf8")).toContain(`(${id}.md)`);
  });

  test("has its test file test/core/rules/<id>.test.ts", () => {
    expect(existsSync(join(REPO, "test", "core", "rules", `${id}.test.ts`))).toBe(true);
  });

  test("has a zh and en title and formula", () => {
    expect(rule).toBeDefined();
    const { title, formula } = rule!.meta;
    expect([title.zh, title.en, formula.zh, formula.en].map((t) => t.trim().length > 0)).toEqual([true, true, true, true]);
    // Each language in its own script: a zh text has Chinese, an en title none.
    expect(/[\u4e00-\u9fff]/.test(title.zh)).toBe(true);
    expect(/[\u4e00-\u9fff]/.test(title.en)).toBe(false);
  });

  test(`declares fixable: ${entry.fixable}, as rules.md says`, () => {
    expect(rule!.meta.fixable).toBe(entry.fixable);
  });

  test(`declares the severities rules.md gives it (${entry.severities.join(", ")}), the first as default`, () => {
    const declared = rule!.meta.severities;
    expect(entry.severities.filter((s) => !declared.includes(s))).toEqual([]);
    expect(declared[0]).toBe(entry.severities[0]);
  });
});

/**
 * Messages are ids with typed data (ESLint's meta.messages): each rule's templates name the same
 * placeholders in both languages, and an English template says nothing in Chinese of its own. The
 * exceptions quote the sheet's own labels, which are Chinese on every sheet the checker reads.
 */
const QUOTES_SHEET_LABELS: ReadonlySet<string> = new Set(["sheet.annex-not-found"]);

describe.each((RULES as readonly Rule[]).map((r) => [r.meta.id, r] as const))("%s messages", (id, rule) => {
  const entries = Object.entries(rule.meta.messages);

  test("declares at least one message, each in both languages", () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const [, template] of entries) expect([template.zh.trim() !== "", template.en.trim() !== ""]).toEqual([true, true]);
  });

  // A term ({scoreName}) one language can leave implicit ("scores 12") is the only allowed gap.
  test("names the same placeholders in zh and en (terms aside)", () => {
    const figures = (text: string) => placeholders(text).filter((p) => !p.endsWith("Name")).sort();
    for (const [messageId, template] of entries) {
      expect({ messageId, en: figures(template.en) }).toEqual({ messageId, en: figures(template.zh) });
    }
  });

  test("its English templates carry no Chinese of their own", () => {
    if (QUOTES_SHEET_LABELS.has(id)) return;
    for (const [messageId, template] of entries) {
      expect({ messageId, chinese: template.en.replace(/\{\w+\}/g, "").match(/[\u4e00-\u9fff]+/g) ?? [] }).toEqual({ messageId, chinese: [] });
    }
  });
});

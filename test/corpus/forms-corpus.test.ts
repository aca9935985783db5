/**
 * The forms corpus (test/fixtures/corpus, written by scripts/make-corpus.ts): every workbook of
 * every built-in form profile, read from its .xlsx as a user's file is, gives exactly the findings
 * written down for it from the rules, finds its tables by name, and is recognized as its form.
 * Then the whole corpus through the CLI: exit status per file, and the drift check (the committed
 * files are what the generator writes today).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx";
import { PROFILES, validate, type Finding, type ValidationResult } from "../../src/core";
import { cellLabel } from "../../src/core/grid/address";
import { messageText } from "../../src/core/messages/catalogue";
import { EXPECTED_FILE, FORMS_CORPUS_DIR, writeFormsCorpus, type CorpusCase, type ExpectedFinding } from "../../scripts/make-corpus";
import { runCli } from "../helpers/run-cli";

type Expected = Omit<CorpusCase, "spec">;
const EXPECTED: Readonly<Record<string, Expected>> = JSON.parse(readFileSync(join(FORMS_CORPUS_DIR, EXPECTED_FILE), "utf8"));
const FILES = Object.keys(EXPECTED).sort();

const results = new Map<string, ValidationResult>();
async function checked(file: string): Promise<ValidationResult> {
  const cached = results.get(file);
  if (cached) return cached;
  const read = await readXlsx(join(FORMS_CORPUS_DIR, file));
  if (!read.ok) throw new Error(`${file}: ${read.message.en}`);
  const result = validate(read.snapshot);
  results.set(file, result);
  return result;
}

const key = ([rule, cell, severity]: ExpectedFinding) => `${rule} ${cell} ${severity}`;

/** The found findings against the expected ones: a "*" cell matches any cell. */
function compare(found: readonly Finding[], expected: readonly ExpectedFinding[]) {
  const got = found.map((f): ExpectedFinding => [f.ruleId, f.at ? cellLabel(f.at) : null, f.severity]);
  const wildcard = expected.filter(([, cell]) => cell === "*");
  const exact = expected.filter(([, cell]) => cell !== "*");
  const remaining = [...got];
  const missing: ExpectedFinding[] = [];
  for (const e of exact) {
    const i = remaining.findIndex((g) => key(g) === key(e));
    if (i >= 0) remaining.splice(i, 1);
    else missing.push(e);
  }
  for (const e of wildcard) {
    const i = remaining.findIndex((g) => g[0] === e[0] && g[2] === e[2]);
    if (i >= 0) remaining.splice(i, 1);
    else missing.push(e);
  }
  return { missing: missing.map(key), unexpected: remaining.map(key) };
}

test("every built-in profile has at least 10 workbooks, clean ones and ones with errors", () => {
  for (const profile of PROFILES) {
    const own = FILES.filter((f) => EXPECTED[f]!.profile === profile.id);
    const severities = own.map((f) => EXPECTED[f]!.findings.filter(([, , s]) => s !== "info").length);
    expect({ profile: profile.id, enough: own.length >= 10, clean: severities.some((n) => n === 0), faulty: severities.filter((n) => n > 0).length >= 5 })
      .toEqual({ profile: profile.id, enough: true, clean: true, faulty: true });
  }
});

describe.each(FILES.map((f) => [f, EXPECTED[f]!] as const))("%s", (file, expected) => {
  test(`${expected.why}: exactly the findings written for it`, async () => {
    const result = await checked(file);
    const diff = compare(result.findings, expected.findings);
    const said = result.findings.map((f) => `  ${f.ruleId} ${f.at ? cellLabel(f.at) : "-"} ${f.severity}: ${messageText(f, "zh")}`).join("\n");
    if (diff.missing.length || diff.unexpected.length) throw new Error(`missing ${JSON.stringify(diff.missing)}\nunexpected ${JSON.stringify(diff.unexpected)}\nthe checker said:\n${said}`);
  });

  test("is recognized as its form, and its tables are found by name", async () => {
    const result = await checked(file);
    expect({ profile: result.profile.id, how: result.profile.how }).toEqual({ profile: expected.profile, how: "detected" });
    expect(result.tables.map((t) => t.name)).toEqual(expected.tables);
  });

  test("every message renders in both languages, the English without Chinese of its own", async () => {
    const result = await checked(file);
    for (const f of result.findings) {
      const zh = messageText(f, "zh");
      const en = messageText(f, "en");
      expect(zh).not.toMatch(/\{\w+\}|\[[\w.]+\]|undefined/);
      expect(en).not.toMatch(/\{\w+\}|\[[\w.]+\]|undefined/);
      // Chinese in an English message comes only from the sheet (labels, names, quoted text).
      const quoted = [...en.matchAll(/"[^"]*"|“[^”]*”/g)].map((m) => m[0]).join("");
      const own = en.replace(/"[^"]*"|“[^”]*”/g, "");
      const fromSheet = [...(own.match(/[\u4e00-\u9fff（）：]+/g) ?? [])].filter((w) => !zh.includes(w) && !quoted.includes(w));
      expect({ file, rule: f.ruleId, fromSheet }).toEqual({ file, rule: f.ruleId, fromSheet: [] });
    }
  });
});

describe("the corpus through the CLI", () => {
  test("exit status 1 exactly for the files with an error, 0 for the others", async () => {
    for (const file of FILES) {
      const { code } = await runCli([join(FORMS_CORPUS_DIR, file), "--format", "json"]);
      const errors = EXPECTED[file]!.findings.some(([, , s]) => s === "error");
      expect({ file, code }).toEqual({ file, code: errors ? 1 : 0 });
    }
  }, 120_000);
});

describe("drift", () => {
  let fresh: string;
  beforeAll(async () => {
    fresh = mkdtempSync(join(tmpdir(), "forms-corpus-"));
    await writeFormsCorpus(fresh);
  }, 120_000);
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  test("the committed corpus is what scripts/make-corpus.ts writes (npm run fixtures:corpus)", () => {
    const list = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".xlsx") || f.endsWith(".json")).sort();
    expect(list(fresh)).toEqual(list(FORMS_CORPUS_DIR));
    const differing = list(FORMS_CORPUS_DIR).filter((f) => !readFileSync(join(FORMS_CORPUS_DIR, f)).equals(readFileSync(join(fresh, f))));
    expect(differing).toEqual([]);
  });
});

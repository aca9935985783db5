/**
 * A rule names a cell by the located value it read (a located value is its own cell's address:
 * src/core/model/located.ts). What a finding keeps must still be the plain address — three
 * fields, no parsed figure, no Decimal — because findings go to workers (structured clone),
 * JSON reports, the pane's state and the write planner. validate copies every address a rule
 * reports (at, related, the fix's edits, a cell named in a message); this holds it to that over
 * the seed, the whole forms corpus and the report-text check.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx";
import { snapshotFromSpec } from "../../src/adapters/memory/grid-spec";
import { validate, type Finding } from "../../src/core";
import { checkReportText } from "../../src/core/report-text";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { FORMS_CORPUS_DIR } from "../../scripts/make-corpus";
import { SEED_MODELS, SEED_TEXT } from "./report-text/helpers";

/** Every address a finding keeps, with where it sits (for a readable failure). */
function addressesOf(finding: Finding): { where: string; value: unknown }[] {
  const out: { where: string; value: unknown }[] = [];
  if (finding.at) out.push({ where: "at", value: finding.at });
  finding.related.forEach((value, i) => out.push({ where: `related[${i}]`, value }));
  finding.fix?.edits.forEach((edit, i) => out.push({ where: `fix.edits[${i}].at`, value: edit.at }));
  for (const [name, arg] of Object.entries(finding.data)) {
    if (typeof arg === "object" && arg !== null && "cell" in arg) out.push({ where: `data.${name}.cell`, value: arg.cell });
  }
  return out;
}

function expectPlainAddresses(findings: readonly Finding[]): void {
  const extra = findings.flatMap((f) =>
    addressesOf(f)
      .filter(({ value }) => Object.keys(value as object).sort().join(",") !== "col,row,sheet")
      .map(({ where, value }) => `${f.ruleId} ${where}: ${Object.keys(value as object).join(",")}`));
  expect(extra).toEqual([]);
  // What a worker does with them: a Decimal or a function anywhere would throw here.
  expect(() => structuredClone(findings)).not.toThrow();
}

test("the seed's findings keep plain addresses", () => {
  const findings = validate(snapshotFromSpec(zhuzhouLuosongNpc2023)).findings;
  // The seed has findings with related cells and fixes; without them this test would hold nothing.
  expect(findings.some((f) => f.related.length > 0)).toBe(true);
  expect(findings.some((f) => f.fix && f.fix.edits.length > 0)).toBe(true);
  expectPlainAddresses(findings);
});

test("every form of the corpus: findings keep plain addresses", async () => {
  const files = readdirSync(FORMS_CORPUS_DIR, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".xlsx")).sort();
  expect(files.length).toBeGreaterThan(20);
  let findings = 0;
  for (const file of files) {
    const read = await readXlsx(join(FORMS_CORPUS_DIR, file));
    if (!read.ok) throw new Error(`${file}: ${read.message.en}`);
    const result = validate(read.snapshot);
    findings += result.findings.length;
    expectPlainAddresses(result.findings);
  }
  expect(findings).toBeGreaterThan(50);
});

test("the report text's findings keep plain addresses", () => {
  const { findings } = checkReportText(SEED_MODELS, SEED_TEXT, { gradeBands: [90, 80, 60], reverseFormula: "A", disabledRules: [] });
  expect(findings.some((f) => f.at !== null)).toBe(true);
  expectPlainAddresses(findings);
});

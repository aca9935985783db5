/**
 * The bad-input corpus (test/fixtures/bad, written by scripts/make-bad-corpus.ts) and the checks
 * every consumer of it shares: the CLI, the engine and the demo host must give the same outcome.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { toA1 } from "../../src/core/grid/address";
import type { Bilingual, Finding } from "../../src/core/findings/finding";
import type { ExpectedOutcome, KnownGap } from "../../scripts/make-bad-corpus";
import { messageOf } from "../../src/core/messages/catalogue";

export const ROOT = join(__dirname, "..", "..");
export const CORPUS_DIR = join(ROOT, "test", "fixtures", "bad");

export type Readable = Extract<ExpectedOutcome, { exit: 1 }>;
export type Unreadable = Extract<ExpectedOutcome, { exit: 2 }>;

export const EXPECTED: Readonly<Record<string, ExpectedOutcome>> = JSON.parse(readFileSync(join(CORPUS_DIR, "expected.json"), "utf8"));

export const ALL_FILES = Object.keys(EXPECTED).sort();
export const READABLE: readonly [string, Readable][] = ALL_FILES.flatMap((f) => {
  const e = EXPECTED[f]!;
  return e.exit === 1 ? [[f, e] as [string, Readable]] : [];
});
export const UNREADABLE: readonly [string, Unreadable][] = ALL_FILES.flatMap((f) => {
  const e = EXPECTED[f]!;
  return e.exit === 2 ? [[f, e] as [string, Unreadable]] : [];
});
export const KNOWN_GAPS: readonly [string, KnownGap][] = READABLE.flatMap(([f, e]) => (e.knownGaps ?? []).map((g) => [f, g] as [string, KnownGap]));

/** The 10,000-row file: slow before the engine's large-table work, so it gets its own budget. */
export const LARGE_FILE = "indicators-10000.xlsx";
export const timeoutFor = (file: string): number => (file === LARGE_FILE ? 60_000 : 20_000);

export const path = (file: string): string => join(CORPUS_DIR, file);

const HAN = /[\u4e00-\u9fff]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

/** Chinese first and English second, both present and not the same text. */
export function expectBilingual(message: Bilingual, context: string): void {
  if (!HAN.test(message.zh) || !LATIN_WORD.test(message.en) || message.zh === message.en) {
    throw new Error(`${context}: message is not zh+en: ${JSON.stringify(message)}`);
  }
}

export function expectFindings(findings: readonly Finding[], expected: Readable, file: string): void {
  for (const f of findings) expectBilingual(messageOf(f), `${file} ${f.ruleId}`);
  const ids = new Set(findings.map((f) => f.ruleId));
  expect([...expected.rules].filter((id) => !ids.has(id))).toEqual([]);
  // exit 1 means at least one error-level finding
  expect(findings.some((f) => f.severity === "error")).toBe(true);
}

export function expectReadFailure(result: { reason: string; message: Bilingual }, expected: Unreadable): void {
  expect(result.reason).toBe(expected.error);
  expectBilingual(result.message, expected.error);
  for (const word of expected.keywords.zh) expect(result.message.zh).toContain(word);
  for (const word of expected.keywords.en) expect(result.message.en).toContain(word);
}

/** True when some finding is at one of the gap's places ("sheet!A1"), or on or naming a sheet listed alone. */
export function gapFilled(findings: readonly Finding[], gap: KnownGap): boolean {
  return findings.some((f) =>
    gap.at.some((place) =>
      place.includes("!")
        ? f.at !== null && `${f.at.sheet}!${toA1(f.at)}` === place
        : f.at?.sheet === place || messageOf(f).zh.includes(place),
    ),
  );
}

/**
 * The engine over the bad-input corpus: every readable file is read and validated without an
 * exception, every finding speaks both languages, and the rule ids the corpus names are there;
 * every unreadable file is a read failure with a message that names its cause.
 */
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx";
import { validate, type Finding } from "../../src/core";
import { EXPECTED, KNOWN_GAPS, LARGE_FILE, READABLE, UNREADABLE, expectFindings, expectReadFailure, gapFilled, path, ROOT, timeoutFor } from "./corpus";

const findingsOf = new Map<string, readonly Finding[]>();

async function check(file: string): Promise<readonly Finding[]> {
  const cached = findingsOf.get(file);
  if (cached) return cached;
  const read = await readXlsx(path(file));
  if (!read.ok) throw new Error(`${file} should be readable: ${read.reason}`);
  const started = performance.now();
  const { findings } = validate(read.snapshot);
  if (file === LARGE_FILE) console.log(`${file}: validate ${(performance.now() - started).toFixed(0)} ms, ${findings.length} findings`);
  findingsOf.set(file, findings);
  return findings;
}

test("the corpus covers readable and unreadable files", () => {
  expect(READABLE.length).toBeGreaterThanOrEqual(20);
  expect(new Set(UNREADABLE.map(([, e]) => e.error))).toEqual(new Set(["not-xlsx", "corrupt", "encrypted", "xls", "doc"]));
});

describe.each(READABLE)("%s", (file, expected) => {
  test(`findings ${expected.rules.join(", ")}`, async () => {
    expectFindings(await check(file), expected, file);
  }, timeoutFor(file));
});

describe.each(UNREADABLE)("%s", (file, expected) => {
  test(`unreadable: ${expected.error}`, async () => {
    const read = await readXlsx(path(file));
    if (read.ok) throw new Error(`${file} was read`);
    expectReadFailure(read, expected);
  });
});

// Findings the engine ought to give and does not yet (reported to the lead). test.failing passes
// while the gap is open and fails once it is closed: then move the rule into `rules`.
describe("known gaps", () => {
  // Guards the check itself, so a known-gap test cannot "fail" for a broken reason.
  test("the gap check sees a finding that is there", async () => {
    const read = await readXlsx(join(ROOT, "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx"));
    if (!read.ok) throw new Error("sample unreadable");
    const { findings } = validate(read.snapshot);
    expect(gapFilled(findings, { what: "执行率得分", at: ["附件3!I5"] })).toBe(true);
    expect(gapFilled(findings, { what: "any finding on 附件3", at: ["附件3"] })).toBe(true);
    expect(gapFilled(findings, { what: "nothing", at: ["附件3!Z99", "附件9"] })).toBe(false);
  });

  // jest refuses .each over an empty table; with no open gap there is nothing to run.
  if (KNOWN_GAPS.length > 0) {
    test.failing.each(KNOWN_GAPS)("%s: %o", async (file, gap) => {
      expect(EXPECTED[file]).toBeDefined();
      expect(gapFilled(await check(file), gap)).toBe(true);
    });
  }
});

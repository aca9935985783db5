/**
 * The committed corpus is what scripts/make-bad-corpus.ts writes today: regenerated into a temp
 * folder, it must list the same files with the same bytes (every case is byte-stable), and
 * expected.json must match. A change to the generator, the sample or the xlsx writer that is not
 * followed by `npm run fixtures:bad` fails here instead of drifting silently.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BAD_CASES, EXPECTED_FILE, writeBadCorpus } from "../../scripts/make-bad-corpus";
import { CORPUS_DIR } from "./corpus";

let fresh: string;

beforeAll(async () => {
  fresh = mkdtempSync(join(tmpdir(), "bad-corpus-"));
  await writeBadCorpus(fresh);
}, 120_000);

afterAll(() => rmSync(fresh, { recursive: true, force: true }));

test("the same files as committed", () => {
  const committed = readdirSync(CORPUS_DIR).sort();
  expect(readdirSync(fresh).sort()).toEqual(committed);
  expect(committed).toEqual([...BAD_CASES.map((c) => c.file), EXPECTED_FILE].sort());
});

test("the same bytes, file by file", () => {
  const differing = readdirSync(CORPUS_DIR).filter((name) => !readFileSync(join(CORPUS_DIR, name)).equals(readFileSync(join(fresh, name))));
  expect(differing).toEqual([]);
});

test("regenerating into a folder with stray files removes them", async () => {
  const dir = mkdtempSync(join(tmpdir(), "bad-corpus-"));
  try {
    writeFileSync(join(dir, "stale-case.xlsx"), "left over");
    await writeBadCorpus(dir);
    expect(readdirSync(dir)).not.toContain("stale-case.xlsx");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

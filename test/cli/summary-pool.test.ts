/**
 * The worker pool's bookkeeping with a stand-in worker script (plain JS, so it runs under
 * ts-jest): outcomes come back in input order, a worker that dies costs only its file, and the
 * progress callback sees every file once.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeAll } from "../../src/cli/summary/pool";
import { DEFAULT_SETTINGS } from "../../src/core";

// Answers after a delay that varies by file, so answers arrive out of order; "crash" files kill
// the worker with an uncaught exception, "exit" files stop it outright.
const STAND_IN = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", ({ index, file }) => {
  if (file.includes("crash")) throw new Error("boom in " + file);
  if (file.includes("exit")) process.exit(7);
  setTimeout(() => parentPort.postMessage({ index, outcome: { kind: "unreadable", file, reason: "stand-in", message: { zh: file, en: file } } }), (index * 7) % 5);
});
`;

const workerFile = join(mkdtempSync(join(tmpdir(), "annex-pool-")), "stand-in-worker.js");
writeFileSync(workerFile, STAND_IN);

const options = { settings: DEFAULT_SETTINGS, lang: "zh" as const, workerFile };

test("outcomes in input order, whatever order the workers answer in", async () => {
  const files = Array.from({ length: 12 }, (_, i) => `f${i}.xlsx`);
  const seen: number[] = [];
  const outcomes = await analyzeAll(files, { ...options, jobs: 3, onFile: (_o, done, total) => { seen.push(done); expect(total).toBe(12); } });
  expect(outcomes.map((o) => o.file)).toEqual(files);
  expect(outcomes.every((o) => o.kind === "unreadable" && o.reason === "stand-in")).toBe(true);
  expect(seen).toEqual(files.map((_, i) => i + 1));
});

test("a worker that throws or exits costs only the file it was on; the others are still checked", async () => {
  const files = ["a.xlsx", "crash-1.xlsx", "b.xlsx", "exit-2.xlsx", "c.xlsx", "crash-3.xlsx", "d.xlsx", "e.xlsx"];
  const outcomes = await analyzeAll(files, { ...options, jobs: 2 });
  expect(outcomes.map((o) => o.file)).toEqual(files);
  const reasons = outcomes.map((o) => (o.kind === "unreadable" ? o.reason : o.kind));
  expect(reasons).toEqual(["stand-in", "internal", "stand-in", "internal", "stand-in", "internal", "stand-in", "stand-in"]);
  const crashed = outcomes[1]!;
  expect(crashed.kind === "unreadable" && crashed.message.en).toContain("boom in crash-1.xlsx");
});

test("more workers than files, and no files at all", async () => {
  expect((await analyzeAll(["only.xlsx"], { ...options, jobs: 8 })).map((o) => o.file)).toEqual(["only.xlsx"]);
  expect(await analyzeAll([], { ...options, jobs: 2 })).toEqual([]);
});

/**
 * The worker pool's bookkeeping with a stand-in worker script (plain JS, so it runs under
 * ts-jest): outcomes come back in input order, a worker that dies costs only its file, and the
 * progress callback sees every file once.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeAll, lanesFor } from "../../src/cli/summary/pool";
import { DEFAULT_SETTINGS } from "../../src/core";
import { DEFAULT_INPUT_LIMITS } from "../../src/adapters/limits";

// Speaks the workers' protocol (worker.ts): batches of files; a full worker or a reader answers
// after a delay that varies by file, so answers arrive out of order; a reader hands each file on to
// its checker, which answers at once, in order, as the real one does. "crash" files kill the
// worker that holds them (the reader, or the checker for "check-crash"), "exit" files stop it;
// "hang" files never end, "hog" files allocate until the heap limit (checker: "check-…").
const STAND_IN = `
const { parentPort, workerData } = require("node:worker_threads");
const { role, port } = workerData;
const outcome = (file) => JSON.stringify({ kind: "unreadable", file, reason: "stand-in:" + role, message: { zh: file, en: file } });
const hog = () => { const kept = []; for (;;) kept.push(new Array(1e5).fill(Math.random())); };
const hang = () => { for (;;) {} };
if (role === "check") {
  port.on("message", ({ index, file }) => {
    if (file.includes("check-crash")) throw new Error("boom in " + file);
    if (file.includes("check-hang")) hang();
    if (file.includes("check-hog")) hog();
    if (file.includes("check-slow")) { const until = Date.now() + 30; while (Date.now() < until); }
    parentPort.postMessage({ index, outcome: outcome(file) });
  });
} else {
  let queue = Promise.resolve();
  parentPort.on("message", ({ files }) => {
    queue = queue.then(async () => {
      for (const { index, file } of files) {
        await new Promise((resolve) => setTimeout(resolve, (index * 7) % 5));
        if (file.includes("crash") && !file.includes("check-crash")) throw new Error("boom in " + file);
        if (file.includes("exit")) process.exit(7);
        if (file.includes("hang") && !file.includes("check-hang")) hang();
        if (file.includes("hog") && !file.includes("check-hog")) hog();
        if (role === "full") parentPort.postMessage({ index, outcome: outcome(file) });
        else {
          parentPort.postMessage({ index, read: true });
          port.postMessage({ index, file, packed: { sheets: [] } });
        }
      }
    });
  });
}
`;

const workerFile = join(mkdtempSync(join(tmpdir(), "annex-pool-")), "stand-in-worker.js");
writeFileSync(workerFile, STAND_IN);

const options = { settings: DEFAULT_SETTINGS, lang: "zh" as const, report: "summary" as const, workerFile, limits: DEFAULT_INPUT_LIMITS };

test("outcomes in input order, whatever order the workers answer in", async () => {
  const files = Array.from({ length: 12 }, (_, i) => `f${i}.xlsx`);
  const seen: number[] = [];
  const outcomes = await analyzeAll(files, { ...options, jobs: 3, onFile: (_o, done, total) => { seen.push(done); expect(total).toBe(12); } });
  expect(outcomes.map((o) => o.file)).toEqual(files);
  // Three jobs: one pair (its checker answers) and one full worker.
  expect(outcomes.every((o) => o.kind === "unreadable" && /^stand-in:(check|full)$/.test(o.reason))).toBe(true);
  expect(new Set(outcomes.map((o) => (o.kind === "unreadable" ? o.reason : "")))).toEqual(new Set(["stand-in:check", "stand-in:full"]));
  expect(seen).toEqual(files.map((_, i) => i + 1));
});

test.each([1, 2, 3])("with --jobs %i, a worker that throws or exits costs only the file it was on; the others are still checked", async (jobs) => {
  const files = ["a.xlsx", "crash-1.xlsx", "b.xlsx", "exit-2.xlsx", "c.xlsx", "check-crash-3.xlsx", "d.xlsx", "crash-4.xlsx", "e.xlsx", "f.xlsx"];
  const outcomes = await analyzeAll(files, { ...options, jobs });
  expect(outcomes.map((o) => o.file)).toEqual(files);
  const reason = (o: (typeof outcomes)[number]) => (o.kind === "unreadable" ? o.reason : o.kind);
  const failed = outcomes.filter((o) => reason(o) === "internal").map((o) => o.file);
  // "check-crash" kills a checker only: a full worker (the only lane with --jobs 1, one of two
  // with --jobs 3, whichever takes the file) reads and checks it without one, and it passes.
  const checkCrash = outcomes[5]!;
  const viaChecker = reason(checkCrash) !== "stand-in:full";
  if (jobs === 1) expect(viaChecker).toBe(false);
  if (jobs === 2) expect(viaChecker).toBe(true);
  expect(failed).toEqual(["crash-1.xlsx", "exit-2.xlsx", ...(viaChecker ? ["check-crash-3.xlsx"] : []), "crash-4.xlsx"]);
  const crashed = outcomes[1]!;
  expect(crashed.kind === "unreadable" && crashed.message.en).toContain("boom in crash-1.xlsx");
  if (viaChecker) expect(checkCrash.kind === "unreadable" && checkCrash.message.en).toContain("boom in check-crash-3.xlsx");
  // Every other file was answered by a lane, none lost or answered twice.
  for (const o of outcomes) if (!failed.includes(o.file)) expect(reason(o)).toMatch(/^stand-in:(check|full)$/);
});

test("onAllRead: once, when the reader has read every file and the checker is still at work", async () => {
  // The stand-in's checker takes 30 ms a file, its reader at most 4: the reads end first.
  const files = Array.from({ length: 6 }, (_, i) => `check-slow-${i}.xlsx`);
  let answered = 0;
  const calls: number[] = [];
  const outcomes = await analyzeAll(files, { ...options, jobs: 2, onFile: (_o, done) => { answered = done; }, onAllRead: () => calls.push(answered) });
  expect(outcomes.map((o) => o.file)).toEqual(files);
  expect(calls).toHaveLength(1);
  expect(calls[0]).toBeLessThan(files.length);
});

test("onAllRead with a full worker (reading and checking each file in turn): once, with the last file", async () => {
  const files = Array.from({ length: 5 }, (_, i) => `f${i}.xlsx`);
  let answered = 0;
  const calls: number[] = [];
  await analyzeAll(files, { ...options, jobs: 1, onFile: (_o, done) => { answered = done; }, onAllRead: () => calls.push(answered) });
  expect(calls).toEqual([files.length]);
});

test("lanes: pairs of reader and checker, and a full worker for an odd one", () => {
  expect([1, 2, 3, 4, 5].map(lanesFor)).toEqual([["full"], ["pair"], ["pair", "full"], ["pair", "pair"], ["pair", "pair", "full"]]);
});

test("more workers than files, and no files at all", async () => {
  expect((await analyzeAll(["only.xlsx"], { ...options, jobs: 8 })).map((o) => o.file)).toEqual(["only.xlsx"]);
  expect(await analyzeAll([], { ...options, jobs: 2 })).toEqual([]);
});

test.each([1, 2, 3])("with --jobs %i, a file past the deadline or the memory ceiling is stopped and named; the run goes on", async (jobs) => {
  const files = ["a.xlsx", "hang-1.xlsx", "b.xlsx", "hog-2.xlsx", "c.xlsx", "check-hang-3.xlsx", "d.xlsx", "check-hog-4.xlsx", "e.xlsx"];
  const limits = { ...DEFAULT_INPUT_LIMITS, fileSeconds: 0.5, workerMemoryBytes: 32 * 2 ** 20 };
  const outcomes = await analyzeAll(files, { ...options, jobs, limits });
  expect(outcomes.map((o) => o.file)).toEqual(files);
  const message = (i: number) => { const o = outcomes[i]!; return o.kind === "unreadable" ? o.message.zh : ""; };
  expect(message(1)).toContain("检查时间超过上限 0.5 秒");
  expect(message(3)).toContain("内存超过上限 32 MB");
  // A checker's hang or hog stops its file (a full worker's stand-in does not check: it passes).
  const byFull = (i: number) => { const o = outcomes[i]!; return o.kind === "unreadable" && o.reason === "stand-in:full"; };
  if (jobs === 2) expect([byFull(5), byFull(7)]).toEqual([false, false]);
  if (!byFull(5)) expect(message(5)).toContain("检查时间超过上限");
  if (!byFull(7)) expect(message(7)).toContain("内存超过上限");
  for (const i of [0, 2, 4, 6, 8]) expect(outcomes[i]!.kind === "unreadable" && outcomes[i]!.reason).toMatch(/^stand-in:(check|full)$/);
}, 90_000);

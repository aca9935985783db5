/**
 * Checks many files on all cores: one worker thread per core, each handed the next file as soon
 * as it finishes the last (workbooks differ in size, so a fixed split would leave cores idle).
 * A worker that dies (a crash inside exceljs, out of memory) costs only the file it was on: that
 * file is reported as unreadable and a fresh worker takes its place.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { analyzeFile, internalFailure, type AnalyzeOptions } from "./analyze";
import type { FileOutcome } from "../../core/report/folder-summary";
import type { WorkerRequest } from "./worker";

export interface PoolOptions extends AnalyzeOptions {
  /** Worker threads; default one per core. */
  readonly jobs?: number;
  /** Called after each file, in completion order. */
  readonly onFile?: (outcome: FileOutcome, done: number, total: number) => void;
  /** The compiled worker script; default worker.js beside this module. */
  readonly workerFile?: string;
}

export function defaultJobs(): number {
  return availableParallelism();
}

/** Every file's outcome, in the order of `files`. */
export async function analyzeAll(files: readonly string[], options: PoolOptions): Promise<FileOutcome[]> {
  const workerFile = options.workerFile ?? join(__dirname, "worker.js");
  if (!existsSync(workerFile)) {
    // Only the TypeScript sources (ts-jest, run-ts) lack the compiled worker; a built CLI
    // without it is broken and must say so rather than quietly lose its parallelism.
    if (!__filename.endsWith(".ts")) throw new Error(`worker script missing: ${workerFile}`);
    return analyzeInProcess(files, options);
  }
  return analyzeInWorkers(files, workerFile, options);
}

async function analyzeInProcess(files: readonly string[], options: PoolOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const outcome = await analyzeFile(file, options);
    outcomes.push(outcome);
    options.onFile?.(outcome, outcomes.length, files.length);
  }
  return outcomes;
}

function analyzeInWorkers(files: readonly string[], workerFile: string, options: PoolOptions): Promise<FileOutcome[]> {
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
  const workerCount = Math.max(1, Math.min(options.jobs ?? defaultJobs(), files.length));
  const analyzeOptions: AnalyzeOptions = { settings: options.settings, lang: options.lang };
  let next = 0;
  let done = 0;

  return new Promise((resolve) => {
    if (files.length === 0) {
      resolve([]);
      return;
    }
    const live = new Set<Worker>();

    const finish = (index: number, outcome: FileOutcome) => {
      if (outcomes[index] !== undefined) return;
      outcomes[index] = outcome;
      done++;
      options.onFile?.(outcome, done, files.length);
      if (done === files.length) {
        for (const w of live) void w.terminate();
        live.clear();
        resolve(outcomes as FileOutcome[]);
      }
    };

    const start = () => {
      const worker = new Worker(workerFile, { workerData: analyzeOptions });
      live.add(worker);
      let current: number | null = null;
      const feed = () => {
        if (next >= files.length) {
          current = null;
          live.delete(worker);
          void worker.terminate();
          return;
        }
        current = next++;
        const request: WorkerRequest = { index: current, file: files[current]! };
        worker.postMessage(request);
      };
      worker.on("message", (reply: { index: number; outcome: FileOutcome }) => {
        finish(reply.index, reply.outcome);
        feed();
      });
      const replace = (error: unknown) => {
        if (!live.has(worker)) return;
        live.delete(worker);
        void worker.terminate();
        if (current !== null) finish(current, internalFailure(files[current]!, error));
        if (done < files.length && next < files.length) start();
      };
      worker.on("error", replace);
      worker.on("exit", (code) => replace(new Error(`worker stopped (exit code ${code})`)));
      feed();
    };

    for (let i = 0; i < workerCount; i++) start();
  });
}

/**
 * Checks many files on all cores, in worker threads organised in lanes: each lane is handed the
 * next batch of files as soon as it runs low (workbooks differ in size, so a fixed split would
 * leave cores idle). A lane is either one worker that reads and checks, or a pair: one worker
 * reads while the other checks the file before, so the two halves of the work overlap. Pairs make
 * better use of the cores: every isolate compiles (JIT) the code it runs, and a single isolate
 * already keeps about 1.4 cores busy, so two full workers on two cores duplicated that work and
 * were hardly faster than one; a reader and a checker each compile only their half.
 * `--jobs N` is the number of worker threads: N / 2 pairs, and one full worker when N is odd.
 *
 * A worker that dies (out of memory, a crash) costs only the file it was on: that file is
 * reported as unreadable, the lane's other files go back to the queue and a fresh lane takes over.
 * Each worker's heap is capped (limits.workerMemoryBytes), and each file has a deadline
 * (limits.fileSeconds): a worker still on one file past it is stopped the same way, and the file is
 * reported as having taken too long. Whatever a folder holds, the run ends with every file answered.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import type { AnalyzeOptions } from "./analyze";
import { internalFailure, limitOutcome } from "./failure";
import type { FileOutcome } from "../../core/report/folder-summary";
import type { JsonReport } from "../../core/report/json-report";
import type { WorkerReply, WorkerRequest, WorkerRole, WorkerSetup } from "./worker";

export interface PoolOptions extends AnalyzeOptions {
  /** Worker threads; default one per core. */
  readonly jobs?: number;
  /** Called after each file, in completion order. */
  readonly onFile?: (outcome: FileOutcome, done: number, total: number) => void;
  /**
   * Called once, when every file has been read (or answered): from then on the readers are idle
   * while the checkers finish, so work the caller keeps for the end can start without taking a
   * core from a reader. A hint, not a promise that no file is read again: a file of a lane that
   * died is read once more by another.
   */
  readonly onAllRead?: () => void;
  /** The compiled worker script; default worker.js beside this module. */
  readonly workerFile?: string;
}

export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * Every file's outcome, in the order of `files`, each checked file's report as options.report asks:
 * the whole JSON report, or what the summary keeps.
 */
export function analyzeAll(files: readonly string[], options: PoolOptions & { readonly report: "json" }): Promise<FileOutcome<JsonReport>[]>;
export function analyzeAll(files: readonly string[], options: PoolOptions): Promise<FileOutcome[]>;
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
  // Loaded here only: the main thread of a built CLI never checks a file itself.
  const { analyzeFile } = await import("./analyze");
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const outcome = await analyzeFile(file, options);
    outcomes.push(outcome);
    options.onFile?.(outcome, outcomes.length, files.length);
  }
  return outcomes;
}

// Files handed to a lane at a time, and how few it may have left before it is given more: a
// lane never waits on the main thread for its next file, and the last files still spread over
// all lanes.
const BATCH = 8;
const LOW_WATER = 2;

/** The lanes for N worker threads: pairs of reader and checker, and a full worker for an odd one. */
export function lanesFor(jobs: number): ("pair" | "full")[] {
  const n = Math.max(1, Math.floor(jobs));
  return [...Array<"pair">(Math.floor(n / 2)).fill("pair"), ...(n % 2 === 1 ? ["full" as const] : [])];
}

function analyzeInWorkers(files: readonly string[], workerFile: string, options: PoolOptions): Promise<FileOutcome[]> {
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
  // No more lanes than files could keep busy (one small file needs no pair).
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), files.length));
  const kinds = lanesFor(jobs);
  const analyzeOptions: AnalyzeOptions = { settings: options.settings, lang: options.lang, limits: options.limits, report: options.report };
  const deadlineMs = options.limits.fileSeconds * 1000;
  const heapMb = Math.max(16, Math.round(options.limits.workerMemoryBytes / 2 ** 20));
  // Files not yet handed out: first those a dead lane left, then the rest in order.
  const retry: number[] = [];
  let next = 0;
  let done = 0;
  // Files read or answered, for onAllRead.
  const seen = new Set<number>();
  const sawRead = (index: number) => {
    if (seen.has(index)) return;
    seen.add(index);
    if (seen.size === files.length) options.onAllRead?.();
  };
  const take = (): number | undefined => (retry.length > 0 ? retry.shift() : next < files.length ? next++ : undefined);
  const waiting = () => retry.length > 0 || next < files.length;

  return new Promise((resolve) => {
    if (files.length === 0) {
      resolve([]);
      return;
    }
    const live = new Set<Worker>();
    // Each lane's check of its deadlines; all cleared when the last file is answered.
    const watchdogs = new Set<() => void>();
    const watch = setInterval(() => {
      for (const check of watchdogs) check();
    }, Math.max(10, Math.min(1000, deadlineMs / 4)));
    watch.unref();

    const finish = (index: number, outcome: FileOutcome) => {
      if (outcomes[index] !== undefined) return;
      outcomes[index] = outcome;
      done++;
      options.onFile?.(outcome, done, files.length);
      sawRead(index);
      if (done === files.length) {
        clearInterval(watch);
        watchdogs.clear();
        for (const w of live) void w.terminate();
        live.clear();
        resolve(outcomes as FileOutcome[]);
      }
    };

    const spawn = (role: WorkerRole, port?: MessagePort) => {
      const setup: WorkerSetup = { role, options: analyzeOptions, ...(port ? { port } : {}) };
      const worker = new Worker(workerFile, {
        workerData: setup,
        ...(port ? { transferList: [port] } : {}),
        resourceLimits: { maxOldGenerationSizeMb: heapMb },
      });
      live.add(worker);
      return worker;
    };

    const startLane = (kind: "pair" | "full") => {
      // The lane's files not yet answered, in order, and (for a pair) how many the reader has read.
      const outstanding: number[] = [];
      const read = new Set<number>();
      let channel: MessageChannel | null = null;
      if (kind === "pair") channel = new MessageChannel();
      const head = spawn(kind === "pair" ? "read" : "full", channel?.port1);
      const checker = channel ? spawn("check", channel.port2) : null;
      const members = checker ? [head, checker] : [head];
      let stopped = false;
      // When each member began the file it is on: the head (reader or full worker) its first file
      // not yet read; the checker its first file read and not yet answered.
      let headSince = 0;
      let checkerSince = 0;
      // A file's clock starts once its worker runs: starting a worker (slow on a loaded machine)
      // is no file's fault. Until then the watchdog leaves the member alone.
      const online = new Set<Worker>();
      const readAt = new Map<number, number>();

      const stop = () => {
        stopped = true;
        watchdogs.delete(watchdog);
        for (const w of members) {
          live.delete(w);
          void w.terminate();
        }
      };
      const feed = () => {
        // A pair's reader runs low when few files are left to read (read ones wait on the checker).
        if (stopped || outstanding.length - read.size > LOW_WATER) return;
        // Smaller batches near the end, so the last files do not all wait behind one lane.
        const remaining = retry.length + (files.length - next);
        const size = Math.max(1, Math.min(BATCH, Math.floor(remaining / (kinds.length * 2))));
        const batch: { index: number; file: string }[] = [];
        const headWasIdle = headFile() === undefined;
        while (batch.length < size) {
          const index = take();
          if (index === undefined) break;
          batch.push({ index, file: files[index]! });
          outstanding.push(index);
        }
        if (batch.length > 0) {
          // A head that had nothing left to do starts on this batch now.
          if (headWasIdle) headSince = performance.now();
          head.postMessage({ files: batch } satisfies WorkerRequest);
        }
        else if (outstanding.length === 0) stop();
      };
      const onReply = (member: Worker) => (reply: WorkerReply) => {
        const now = performance.now();
        if ("read" in reply) {
          read.add(reply.index);
          readAt.set(reply.index, now);
          headSince = now;
          sawRead(reply.index);
          return;
        }
        if (member === checker) checkerSince = now;
        else headSince = now;
        readAt.delete(reply.index);
        const at = outstanding.indexOf(reply.index);
        if (at >= 0) outstanding.splice(at, 1);
        read.delete(reply.index);
        finish(reply.index, JSON.parse(reply.outcome) as FileOutcome);
        feed();
      };
      // The file a dead worker was on: the checker's is the first file read and not answered;
      // the reader's (or a full worker's) the first not yet read. The others go back to the queue.
      const onDeath = (member: Worker) => (error: unknown) => {
        if (stopped) return;
        const blamed = member === checker ? checkerFile() : headFile();
        const outOfMemory = (error as { code?: unknown } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY";
        abandon(blamed, (file) => (outOfMemory ? limitOutcome(file, "workerMemoryBytes", options.limits.workerMemoryBytes) : internalFailure(file, error)));
      };
      const headFile = () => outstanding.find((i) => !read.has(i));
      const checkerFile = () => outstanding.find((i) => read.has(i));
      /** Stops the lane: the blamed file gets its outcome, the others go back to the queue. */
      const abandon = (blamed: number | undefined, outcome: (file: string) => FileOutcome) => {
        stop();
        retry.unshift(...outstanding.filter((i) => i !== blamed));
        if (blamed !== undefined) finish(blamed, outcome(files[blamed]!));
        if (done < files.length && waiting()) startLane(kind);
      };
      const watchdog = () => {
        if (stopped) return;
        const now = performance.now();
        const onHead = online.has(head) ? headFile() : undefined;
        if (onHead !== undefined && now - headSince > deadlineMs) {
          abandon(onHead, (file) => limitOutcome(file, "fileSeconds", options.limits.fileSeconds));
          return;
        }
        const onChecker = checker && online.has(checker) ? checkerFile() : undefined;
        if (onChecker !== undefined && now - Math.max(checkerSince, readAt.get(onChecker) ?? 0) > deadlineMs) {
          abandon(onChecker, (file) => limitOutcome(file, "fileSeconds", options.limits.fileSeconds));
        }
      };
      watchdogs.add(watchdog);
      for (const member of members) {
        member.on("online", () => {
          online.add(member);
          const now = performance.now();
          if (member === checker) checkerSince = Math.max(checkerSince, now);
          else headSince = Math.max(headSince, now);
        });
        member.on("message", onReply(member));
        member.on("error", onDeath(member));
        member.on("exit", (code) => onDeath(member)(new Error(`worker stopped (exit code ${code})`)));
      }
      feed();
    };

    for (const kind of kinds) startLane(kind);
  });
}

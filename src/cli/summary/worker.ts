/**
 * The worker threads of the folder summary (the compiled lib/cli/summary/worker.js; see pool.ts).
 * One script, three roles, set by workerData.role:
 * - "full": reads and checks each file it is given, answering the main thread per file;
 * - "read": reads each file, tells the main thread it has, and sends the snapshot on to its
 *   checker through `port` (a file that cannot be read is answered to the main thread directly);
 * - "check": checks each snapshot arriving on `port` and answers the main thread.
 * Outcomes travel as JSON text: a string crosses threads as one copy, where cloning a report object
 * by object cost the worker more than the main thread (idle meanwhile) spends parsing it.
 */
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import type * as Analyze from "./analyze";
import type * as CheckHalf from "./check-half";
import type * as ReadHalf from "./read-half";
import type { AnalyzeOptions } from "./analyze";
import type { PackedSnapshot } from "../../core/grid/transfer";
import type { DocumentPart } from "./read-half";

/** A batch of files; the worker takes them strictly in turn and answers each as soon as it is done. */
export interface WorkerRequest {
  readonly files: readonly { readonly index: number; readonly file: string }[];
}

export type WorkerRole = "full" | "read" | "check";

export interface WorkerSetup {
  readonly role: WorkerRole;
  readonly options: AnalyzeOptions;
  /** read: where snapshots go; check: where they come from. */
  readonly port?: MessagePort;
}

/** To the main thread: a file's outcome, or (from a reader) that a file has been read. */
export type WorkerReply = { readonly index: number; readonly outcome: string } | { readonly index: number; readonly read: true };

interface Handoff {
  readonly index: number;
  readonly file: string;
  readonly packed: PackedSnapshot;
  /** A Word report's text and tables. */
  readonly document?: DocumentPart;
}

const setup = workerData as WorkerSetup;
let queue: Promise<void> = Promise.resolve();
const answer = (reply: WorkerReply) => parentPort?.postMessage(reply);

// Each role loads only the code it runs (a reader never loads the rules, a checker never the
// package reader), so a worker is ready sooner and compiles less.
if (setup.role === "check") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded for this role only
  const { checkPacked } = require("./check-half") as typeof CheckHalf;
  setup.port?.on("message", ({ index, file, packed, document }: Handoff) => {
    answer({ index, outcome: JSON.stringify(checkPacked(file, packed, setup.options, document)) });
  });
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded for this role only
  const { readPacked } = require("./read-half") as typeof ReadHalf;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded for this role only
  const { analyzeFile } = (setup.role === "full" ? require("./analyze") : {}) as Partial<typeof Analyze>;
  parentPort?.on("message", (request: WorkerRequest) => {
    queue = queue.then(async () => {
      for (const { index, file } of request.files) {
        if (setup.role === "full") {
          answer({ index, outcome: JSON.stringify(await analyzeFile!(file, setup.options)) });
          continue;
        }
        const read = await readPacked(file, setup.options.limits);
        answer({ index, read: true });
        if ("packed" in read) setup.port?.postMessage({ index, file, packed: read.packed, ...(read.document ? { document: read.document } : {}) } satisfies Handoff);
        else answer({ index, outcome: JSON.stringify(read) });
      }
    });
  });
}

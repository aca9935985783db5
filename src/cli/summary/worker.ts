/**
 * The worker thread of the folder summary: it receives file paths one at a time and answers
 * with each file's outcome. It is the compiled lib/cli/summary/worker.js that runs (see pool.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { analyzeFile, type AnalyzeOptions } from "./analyze";

export interface WorkerRequest {
  readonly index: number;
  readonly file: string;
}

const options = workerData as AnalyzeOptions;

parentPort?.on("message", (request: WorkerRequest) => {
  void analyzeFile(request.file, options).then((outcome) => parentPort?.postMessage({ index: request.index, outcome }));
});

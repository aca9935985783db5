/**
 * How long checking a workbook takes, split into reading the .xlsx (readXlsx) and validating the
 * snapshot (validate), for the committed sample and for a large generated workbook (2,000
 * indicator rows, 500 专项 lines; scripts/generate-large.ts). Each figure is the median of several
 * runs after a warm-up. Memory: the heap the snapshot and the result keep alive, and the process's
 * peak resident set.
 *
 * Then validate alone on in-memory snapshots of 2,000 and 10,000 indicator rows (no .xlsx
 * reading), to show it scales linearly: 10,000 rows must validate well under 2 s.
 *
 * Run: npm run bench   (node scripts/run-ts.js scripts/bench.ts [--runs N] [--large path.xlsx]
 *                       [--scaling 2000,10000] [--scaling-only] [--batch 200] [--batch-only])
 * Last, the folder summary's throughput on --batch generated workbooks (scripts/bench-batch.ts).
 */
import { stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { validate, type ValidationResult, type WorkbookSnapshot } from "../src/core";
import { readXlsx } from "../src/adapters/xlsx";
import { snapshotFromSpec } from "../src/adapters/memory/grid-spec";
import { buildLargeSpec, DEFAULT_LARGE, DEFAULT_LARGE_PATH, generateLarge } from "./generate-large";
import { benchBatch } from "./bench-batch";

const SAMPLE = join(__dirname, "..", "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx");

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A real gc() when the flag can be set at run time (it can in Node 20), else a no-op. */
function collector(): () => void {
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    if (typeof gc === "function") return () => (gc as () => void)();
  } catch {
    // fall through
  }
  return () => undefined;
}

const gc = collector();

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function read(path: string): Promise<WorkbookSnapshot> {
  const result = await readXlsx(path);
  if (!result.ok) throw new Error(`${path}: ${result.message.en}`);
  return result.snapshot;
}

function cellCount(snapshot: WorkbookSnapshot): number {
  let n = 0;
  for (const sheet of snapshot.sheets) {
    for (let r = 0; r < sheet.rowCount; r++) for (let c = 0; c < sheet.colCount; c++) if (sheet.cell(r, c)) n++;
  }
  return n;
}

interface Measurement {
  readonly name: string;
  readonly bytes: number;
  readonly cells: number;
  readonly readMs: number;
  readonly validateMs: number;
  readonly findings: number;
  readonly summary: ValidationResult["summary"];
  readonly snapshotMb: number;
  readonly resultMb: number;
  readonly runs: number;
}

const MB = 1024 * 1024;

/**
 * Heap kept alive by what `make` returns, in MB: several copies are held at once and the growth
 * is divided among them, so garbage left over from earlier steps does not count.
 */
async function retainedMb(make: () => Promise<unknown> | unknown, copies = 3): Promise<number> {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const held: unknown[] = [];
  for (let i = 0; i < copies; i++) held.push(await make());
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (held.length !== copies) throw new Error("unreachable");
  return (after - before) / copies / MB;
}

async function measure(name: string, path: string, runs: number): Promise<Measurement> {
  const bytes = (await stat(path)).size;

  // Warm-up: JIT, module caches, exceljs's lazy parts.
  validate(await read(path));

  const readTimes: number[] = [];
  for (let i = 0; i < runs; i++) readTimes.push((await timed(() => read(path))).ms);

  const snapshot = await read(path);
  const validateTimes: number[] = [];
  let result: ValidationResult | null = null;
  for (let i = 0; i < runs; i++) {
    const t = await timed(() => validate(snapshot));
    validateTimes.push(t.ms);
    result = t.value;
  }
  if (!result) throw new Error("no run");

  return {
    name,
    bytes,
    cells: cellCount(snapshot),
    readMs: median(readTimes),
    validateMs: median(validateTimes),
    findings: result.findings.length,
    summary: result.summary,
    snapshotMb: await retainedMb(() => read(path)),
    resultMb: await retainedMb(() => validate(snapshot)),
    runs,
  };
}

/** Heap retained, in MB; below GC noise it is shown as "< 0.05". */
function heap(mb: number): string {
  return mb < 0.05 ? "< 0.05" : mb.toFixed(2);
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]!))));
  const line = (r: readonly string[]) => r.map((cell, c) => (c === 0 ? padEnd(cell, widths[c]!) : padStart(cell, widths[c]!))).join("  ");
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** validate on an in-memory snapshot of `rows` indicator rows: median ms over `runs`. */
function validateScaling(rows: number, runs: number): { rows: number; cells: number; ms: number; cpuMs: number; findings: number } {
  const snapshot = snapshotFromSpec(buildLargeSpec({ indicatorRows: rows }));
  validate(snapshot);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    gc();
    const start = performance.now();
    // CPU time too: on a shared machine wall time also counts other processes' turns.
    const cpu = process.cpuUsage();
    findings = validate(snapshot).findings.length;
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - start);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  return { rows, cells: cellCount(snapshot), ms: median(times), cpuMs: median(cpuTimes), findings };
}

function printScaling(runs: number): void {
  const sizes = (option("--scaling") ?? "2000,10000").split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const results = sizes.map((n) => validateScaling(n, runs));
  console.log("");
  console.log(table([
    ["indicator rows (in memory)", "cells", "validate ms", "CPU ms", "ms per 1,000 rows", "findings"],
    ...results.map((r) => [String(r.rows), String(r.cells), r.ms.toFixed(1), r.cpuMs.toFixed(1), (r.ms / (r.rows / 1000)).toFixed(1), String(r.findings)]),
  ]));
}

async function main(): Promise<void> {
  const runs = Number(option("--runs") ?? 7);
  if (process.argv.includes("--scaling-only")) {
    printScaling(Math.max(3, Math.ceil(runs / 2)));
    return;
  }
  // Folder summary throughput (scripts/bench-batch.ts): --batch N workbooks, --batch-only to run just this.
  const printBatch = async () => console.log(["", ...(await benchBatch(Number(option("--batch") ?? 200))).lines].join("\n"));
  if (process.argv.includes("--batch-only")) {
    await printBatch();
    return;
  }
  const largePath = option("--large") ?? DEFAULT_LARGE_PATH;
  if (option("--large") === undefined) {
    const t = await timed(() => generateLarge(largePath));
    console.log(`generated ${largePath} (${DEFAULT_LARGE.indicatorRows} indicator rows, ${DEFAULT_LARGE.specialLines} 专项 lines) in ${(t.ms / 1000).toFixed(1)} s`);
  }

  const results = [
    await measure(`sample (${relative(process.cwd(), SAMPLE) || SAMPLE})`, SAMPLE, runs),
    await measure(`large (${DEFAULT_LARGE.indicatorRows} indicators, ${DEFAULT_LARGE.specialLines} 专项)`, largePath, Math.max(3, Math.ceil(runs / 2))),
  ];

  console.log("");
  console.log(table([
    ["workbook", "file KB", "cells", "readXlsx ms", "validate ms", "findings", "E/W/I", "snapshot heap MB", "result heap MB", "runs"],
    ...results.map((m) => [
      m.name,
      (m.bytes / 1024).toFixed(1),
      String(m.cells),
      m.readMs.toFixed(1),
      m.validateMs.toFixed(2),
      String(m.findings),
      `${m.summary.errors}/${m.summary.warnings}/${m.summary.infos}`,
      heap(m.snapshotMb),
      heap(m.resultMb),
      String(m.runs),
    ]),
  ]));
  printScaling(Math.max(3, Math.ceil(runs / 2)));
  await printBatch();
  const usage = process.resourceUsage();
  console.log("");
  console.log(`peak RSS ${(usage.maxRSS / 1024).toFixed(0)} MB; Node ${process.version}; medians after one warm-up run`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

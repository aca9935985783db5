/**
 * Throughput of the folder summary (annex-check <folder> --summary) on generated units'
 * workbooks (scripts/generate-batch.ts), in files per second, against the time merely to read
 * them. The summary runs are the built CLI (lib/, rebuilt first) as a user runs it, so process
 * start, worker start-up and writing the summary are included.
 *
 * Part of `npm run bench`; `--batch N` sets the number of workbooks (default 200).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsx } from "../src/adapters/xlsx";
import { DEFAULT_SETTINGS } from "../src/core";
import { analyzeFile } from "../src/cli/summary/analyze";
import { generateBatch } from "./generate-batch";

const ROOT = join(__dirname, "..");

export interface BatchMeasurement {
  readonly label: string;
  readonly seconds: number;
  readonly filesPerSecond: number;
}

async function seconds(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

export async function benchBatch(count: number): Promise<{ lines: string[]; measurements: BatchMeasurement[] }> {
  const lines: string[] = [];
  const dir = await mkdtemp(join(tmpdir(), "annex-checker-batch-"));
  try {
    const folder = join(dir, "units");
    let paths: string[] = [];
    const generated = await seconds(async () => {
      paths = (await generateBatch(folder, count)).map((w) => w.path);
    });
    lines.push(`generated ${count} units' workbooks in ${generated.toFixed(1)} s (a quarter with errors)`);
    const built = await seconds(() => execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "ignore" }));
    lines.push(`built lib/ (npm run build:cli) in ${built.toFixed(1)} s`);

    // Warm-up, so the first measurement does not pay for loading exceljs and JIT.
    await readXlsx(paths[0]!);
    const measurements: BatchMeasurement[] = [];
    const record = (label: string, s: number) => measurements.push({ label, seconds: s, filesPerSecond: count / s });

    record("readXlsx only, 1 thread (in process)", await seconds(async () => {
      for (const path of paths) {
        const read = await readXlsx(path);
        if (!read.ok) throw new Error(`${path}: ${read.message.en}`);
      }
    }));
    record("read + validate + key figures, 1 thread (in process)", await seconds(async () => {
      for (const path of paths) await analyzeFile(path, { settings: DEFAULT_SETTINGS, lang: "zh" });
    }));
    const cli = (jobs: number | null) => async () => {
      const args = [join(ROOT, "bin", "annex-check.js"), folder, "--summary", join(dir, `summary-${jobs ?? "all"}.xlsx`), "--force"];
      const run = spawnSync(process.execPath, jobs === null ? args : [...args, "--jobs", String(jobs)], { encoding: "utf8" });
      if (run.status !== 1) throw new Error(`annex-check exited ${run.status}: ${run.stderr}`);
    };
    record(`annex-check --summary, ${availableParallelism()} workers (default)`, await seconds(cli(null)));
    record("annex-check --summary --jobs 1", await seconds(cli(1)));

    const width = Math.max(...measurements.map((m) => m.label.length));
    lines.push("", `${"folder summary".padEnd(width)}  ${"s".padStart(6)}  files/s`);
    for (const m of measurements) lines.push(`${m.label.padEnd(width)}  ${m.seconds.toFixed(2).padStart(6)}  ${m.filesPerSecond.toFixed(1).padStart(7)}`);
    lines.push(`(${count} files, ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)}; the CLI runs include process and worker start-up and writing summary.xlsx)`);
    return { lines, measurements };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `annex-check <folder> --summary out.xlsx`: every workbook checked on all cores, one summary
 * workbook written. Progress goes to stderr (a bar on a terminal, a single closing line
 * otherwise); stdout stays empty, the summary file is the output.
 * Exit status as for a folder without --summary: 2 if any file is unreadable, else 1 if any
 * error-level finding, else 0.
 */
import { resolve } from "node:path";
import type { Lang, RuleSettings } from "../../core";
import type { InputLimits } from "../../adapters/limits";
import { pathExists } from "../../adapters/files/path-exists";
import type { FileOutcome } from "../../core/report/folder-summary";
import type * as Builder from "../../core/report/folder-summary";
import type * as Writer from "../../adapters/xlsx/write-summary";
import { analyzeAll } from "./pool";
import { oneLine } from "../text-width";

export interface SummaryRunOptions {
  readonly files: readonly string[];
  readonly output: string;
  readonly force: boolean;
  readonly lang: Lang;
  readonly settings: RuleSettings;
  readonly limits: InputLimits;
  readonly jobs?: number;
  /** Draw a progress bar (stderr is a terminal). */
  readonly progress: boolean;
  readonly stderr: (text: string) => void;
}

export async function runSummary(options: SummaryRunOptions): Promise<number> {
  const { lang, stderr } = options;
  const output = resolve(options.output);
  // Refused before the work, not after minutes of it; the writer checks again at the end.
  if (!options.force && (await pathExists(output))) {
    const { SUMMARY_EXISTS } = await import("../../adapters/xlsx/write-summary");
    stderr(oneLine(`annex-check: ${SUMMARY_EXISTS.zh} / ${SUMMARY_EXISTS.en}`));
    return 2;
  }
  // The summary may be written into the folder being checked; it is not one of the units.
  const files = options.files.filter((f) => resolve(f) !== output);
  if (files.length === 0) {
    stderr(oneLine("annex-check: 除汇总文件外没有要检查的 .xlsx 文件 / no .xlsx file to check besides the summary itself"));
    return 2;
  }
  // The bar, the summary's builder and its writer are loaded only when needed; the builder and the
  // writer (some 50 ms of loading: the builder brings the message catalogue) once every file has
  // been read, when the reader is idle and its core free, rather than while the workers start.
  const bar = options.progress ? new (await import("cli-progress")).SingleBar({ stream: process.stderr, format: "{bar} {value}/{total} {file}", hideCursor: true, clearOnComplete: true }) : null;
  bar?.start(files.length, 0, { file: "" });
  const started = performance.now();
  let endModules: Promise<[typeof Builder, typeof Writer]> | null = null;
  const loadEndModules = () => {
    endModules ??= Promise.all([import("../../core/report/folder-summary"), import("../../adapters/xlsx/write-summary")]);
    // Awaited only after the analysis: until then a failure to load is not an unhandled rejection.
    endModules.catch(() => undefined);
    return endModules;
  };
  const analysis = analyzeAll(files, {
    report: "summary",
    settings: options.settings,
    lang,
    limits: options.limits,
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    onFile: (outcome: FileOutcome, done: number) => {
      bar?.update(done, { file: outcome.file });
      if (outcome.kind === "unreadable") {
        // Shown as it happens, above the bar, so a long run tells at once which file was skipped.
        bar?.stop();
        stderr(oneLine(`${outcome.file}: ${outcome.message.zh} / ${outcome.message.en}`));
        if (bar && done < files.length) bar.start(files.length, done, { file: "" });
      }
    },
    onAllRead: () => void loadEndModules(),
  });
  const outcomes = await analysis;
  bar?.stop();
  const seconds = (performance.now() - started) / 1000;

  const [{ buildSummary }, { writeSummaryXlsx }] = await loadEndModules();
  const summary = buildSummary(outcomes, lang);
  const written = await writeSummaryXlsx(summary, output, { lang, force: options.force });
  if (!written.ok) {
    stderr(oneLine(`annex-check: ${written.message.zh} / ${written.message.en}`));
    return 2;
  }
  const t = summary.totals;
  const rate = seconds > 0 ? (t.files / seconds).toFixed(1) : "-";
  stderr(oneLine(lang === "zh"
    ? `已写出汇总 ${options.output}：${t.files} 个文件，无法读取 ${t.unreadable} 个，错误 ${t.errors}、警告 ${t.warnings}、提示 ${t.infos}（${seconds.toFixed(1)} 秒，${rate} 个/秒）`
    : `Wrote the summary ${options.output}: ${t.files} files, ${t.unreadable} unreadable, ${t.errors} errors, ${t.warnings} warnings, ${t.infos} infos (${seconds.toFixed(1)} s, ${rate} files/s)`));
  return t.unreadable > 0 ? 2 : t.errors > 0 ? 1 : 0;
}

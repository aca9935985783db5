/**
 * `annex-check <files>`: each workbook read, checked and printed (table, Markdown or JSON), with
 * --fix writing a corrected copy and --report checking the report's text. Loaded by main.ts for
 * this command only; exceljs's writer, the .docx reader (mammoth) and the report-text code load
 * only when --fix or --report asks for them.
 */
import {
  planFixes, toFolderReport, toJsonReport, validate, REPORT_SCHEMA_VERSION,
  type JsonReport, type JsonUnreadable, type RuleSettings,
} from "../core";
import { readInput } from "../adapters/files/read-input";
import { withDocumentPlaces } from "../core/report/document-places";
import type { Options } from "./args";
import { oneLine } from "./text-width";
import { formatMarkdown, formatTable, formatUnreadable } from "./format";
import type { Io } from "./main";

const lazy = {
  writer: () => import("../adapters/xlsx/write-xlsx"),
  docx: () => import("../adapters/docx/read-docx"),
  reportText: () => import("../core/report-text/input"),
  pool: () => import("./summary/pool"),
};

export async function checkFiles(paths: readonly string[], folder: boolean, options: Options, settings: RuleSettings, io: Io): Promise<number> {
  if (folder && options.fix !== undefined) {
    io.stderr(oneLine("annex-check: --fix 只能用于单个文件 / --fix works on a single file"));
    return 2;
  }
  if (folder && options.report !== undefined) {
    io.stderr(oneLine("annex-check: --report 只能用于单个工作簿 / --report works with a single workbook"));
    return 2;
  }
  // Many files: in worker threads, each file with its deadline and memory ceiling (pool.ts), so a
  // hostile file costs only its own line.
  if (folder) return finish(await checkInWorkers(paths, options, settings, io), folder, options, io);
  const report = options.report !== undefined ? await readReport(options.report, options, io) : null;
  if (report === false) return 2;
  const prepared = report !== null ? (await lazy.reportText()).prepareReportText(report) : null;
  const results: (JsonReport | JsonUnreadable)[] = [];
  for (const file of paths) {
    // A workbook, or a Word report whose tables are read as grids (adapters/files/read-input.ts).
    const read = await readInput(file, options.limits);
    if (!read.ok) {
      results.push({ schemaVersion: REPORT_SCHEMA_VERSION, file, error: { reason: read.reason, message: read.message[options.lang] } });
      if (options.format !== "json") io.stderr(oneLine(`${file}: ${read.message.zh} / ${read.message.en}`));
      continue;
    }
    if (read.kind === "document" && options.fix !== undefined) {
      io.stderr(oneLine("annex-check: --fix 只能用于 Excel 工作簿（Word 报告中的表格请在 Word 中修改）/ --fix works on Excel workbooks only (correct a Word report's tables in Word)"));
      return 2;
    }
    // One run over a Word report: its tables and its text (unless --report names another text).
    const textInput = prepared ?? (read.kind === "document" && read.text.trim() !== "" ? (await lazy.reportText()).prepareReportText(read.text) : null);
    // r.* findings are the engine's too: same report, same exit status, each also quoting its sentence.
    const result = validate(read.snapshot, settings, textInput !== null ? { reportText: textInput } : {});
    const json = toJsonReport(file, result, options.lang);
    results.push(read.kind === "document" ? withDocumentPlaces({ ...json, source: { kind: read.format, tables: read.tables } }, options.lang) : json);
    if (options.fix !== undefined) {
      const fixed = await writeFix(file, options, planFixes(result.findings), io);
      if (fixed !== 0) return fixed;
    }
  }
  return finish(results, folder, options, io);
}

function finish(results: readonly (JsonReport | JsonUnreadable)[], folder: boolean, options: Options, io: Io): number {
  print(results, folder, options, io);
  const unreadable = results.some((r) => "error" in r);
  const errors = results.some((r) => "summary" in r && r.summary.errors > 0);
  return unreadable ? 2 : errors ? 1 : 0;
}

async function checkInWorkers(paths: readonly string[], options: Options, settings: RuleSettings, io: Io): Promise<(JsonReport | JsonUnreadable)[]> {
  const { analyzeAll } = await lazy.pool();
  const outcomes = await analyzeAll(paths, {
    report: "json",
    settings, lang: options.lang, limits: options.limits,
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    onFile: (outcome) => {
      if (outcome.kind === "unreadable" && options.format !== "json") io.stderr(oneLine(`${outcome.file}: ${outcome.message.zh} / ${outcome.message.en}`));
    },
  });
  return outcomes.map((o) => (o.kind === "checked" ? o.report
    : { schemaVersion: REPORT_SCHEMA_VERSION, file: o.file, error: { reason: o.reason, message: o.message[options.lang] } }));
}

/** The --report file's text, or false (after saying why) when it cannot be used. */
async function readReport(path: string, options: Options, io: Io): Promise<string | false> {
  const read = await (await lazy.docx()).readReportText(path, options.limits);
  if (!read.ok) {
    io.stderr(oneLine(`annex-check: ${read.message.zh} / ${read.message.en}`));
    return false;
  }
  return read.text;
}

async function writeFix(file: string, options: Options, edits: ReturnType<typeof planFixes>, io: Io): Promise<number> {
  const { writeFixedCopy } = await lazy.writer();
  const written = await writeFixedCopy(file, options.fix!, edits, { force: options.force, limits: options.limits });
  if (!written.ok) {
    io.stderr(oneLine(`annex-check: ${written.message.zh} / ${written.message.en}`));
    return 2;
  }
  const skipped = written.stale.length;
  io.stderr(oneLine(options.lang === "zh"
    ? `已写出修正副本 ${options.fix}：修正 ${written.applied.length} 处${skipped ? `，${skipped} 处因单元格含公式或已变化而跳过` : ""}（原文件未改动）`
    : `Wrote the corrected copy ${options.fix}: ${written.applied.length} cells fixed${skipped ? `, ${skipped} skipped (formula or changed cell)` : ""}; the input is untouched`));
  return 0;
}

function print(results: readonly (JsonReport | JsonUnreadable)[], folder: boolean, options: Options, io: Io): void {
  if (options.format === "json") {
    const body = folder ? toFolderReport(results) : results[0]!;
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  const parts = results.map((r) =>
    "error" in r ? formatUnreadable(r, options.format === "md" ? "md" : "table")
      : options.format === "md" ? formatMarkdown(r, options.lang) : formatTable(r, options.lang, options.color));
  io.stdout(parts.join("\n"));
}


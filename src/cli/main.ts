/**
 * annex-check: the engine on .xlsx files. Exit status 0 when no error-level finding, 1 when there
 * are, 2 when an input cannot be read or the arguments are wrong. Messages for people go to
 * stderr, so `--format json` leaves nothing but the report on stdout.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import {
  planFixes, toFolderReport, toJsonReport, validate, DEFAULT_SETTINGS, REPORT_SCHEMA_VERSION,
  type JsonReport, type JsonUnreadable, type RuleSettings,
} from "../core";
import { readXlsx } from "../adapters/xlsx/read-xlsx";
import { HELP, parseArgs, type Options } from "./args";
import { formatMarkdown, formatTable, formatUnreadable } from "./format";

// Loaded only by the commands that need them (a one-file check needs none): exceljs's writer,
// the .docx reader (mammoth), the report-text code, the template and summary writers, the
// progress bar. Each import() is a require() in the compiled CLI, paid on first use.
const lazy = {
  writer: () => import("../adapters/xlsx/write-xlsx"),
  docx: () => import("../adapters/docx/read-docx"),
  reportText: () => import("../core/report-text/input"),
  template: () => import("./template"),
  summary: () => import("./summary/run-summary"),
};

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
  readonly noColor: boolean;
  /** stderr is a terminal: --summary draws a progress bar there. */
  readonly stderrIsTty?: boolean;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTty: process.stdout.isTTY === true,
  noColor: process.env["NO_COLOR"] !== undefined,
  stderrIsTty: process.stderr.isTTY === true,
};

const VERSION = "0.1.0";

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const args = parseArgs(argv, { noColor: io.noColor, isTty: io.isTty });
  if (args.kind === "help") {
    io.stdout(HELP);
    return 0;
  }
  if (args.kind === "version") {
    io.stdout(`annex-check ${VERSION}\n`);
    return 0;
  }
  if (args.kind === "template") return (await lazy.template()).runTemplate(args.options, io);
  if (args.kind === "invalid") {
    io.stderr(`annex-check: ${args.message.zh} / ${args.message.en}\n${"用法 usage: annex-check <file.xlsx | folder> [--format table|json|md] [--lang zh|en] [--fix out.xlsx]"}\n`);
    return 2;
  }
  return run(args.options, io);
}

async function run(options: Options, io: Io): Promise<number> {
  const settings: RuleSettings = {
    ...DEFAULT_SETTINGS,
    ...(options.reverseFormula ? { reverseFormula: options.reverseFormula } : {}),
    ...(options.gradeBands ? { gradeBands: options.gradeBands } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  };
  const files = await expandInputs(options.inputs);
  if (files.kind === "empty") {
    io.stderr(`annex-check: ${files.message.zh} / ${files.message.en}\n`);
    return 2;
  }
  if (options.summary !== undefined) {
    const { runSummary } = await lazy.summary();
    return runSummary({
      files: files.paths, output: options.summary, force: options.force, lang: options.lang, settings,
      ...(options.jobs !== undefined ? { jobs: options.jobs } : {}), progress: io.stderrIsTty === true, stderr: io.stderr,
    });
  }
  const report = options.report !== undefined ? await readReport(options.report, files.folder, io) : null;
  if (report === false) return 2;
  const prepared = report !== null ? (await lazy.reportText()).prepareReportText(report) : null;
  const results: (JsonReport | JsonUnreadable)[] = [];
  for (const file of files.paths) {
    const read = await readXlsx(file);
    if (!read.ok) {
      results.push({ schemaVersion: REPORT_SCHEMA_VERSION, file, error: { reason: read.reason, message: read.message[options.lang] } });
      if (options.format !== "json") io.stderr(`${file}: ${read.message.zh} / ${read.message.en}\n`);
      continue;
    }
    // r.* findings are the engine's too: same report, same exit status, each also quoting its sentence.
    const result = validate(read.snapshot, settings, prepared !== null ? { reportText: prepared } : {});
    results.push(toJsonReport(file, result, options.lang));
    if (options.fix !== undefined) {
      const fixed = await writeFix(file, options, planFixes(result.findings), io);
      if (fixed !== 0) return fixed;
    }
  }
  print(results, files.folder, options, io);
  const unreadable = results.some((r) => "error" in r);
  const errors = results.some((r) => "summary" in r && r.summary.errors > 0);
  return unreadable ? 2 : errors ? 1 : 0;
}

/** The --report file's text, or false (after saying why) when it cannot be used. */
async function readReport(path: string, folder: boolean, io: Io): Promise<string | false> {
  if (folder) {
    io.stderr("annex-check: --report 只能用于单个工作簿 / --report works with a single workbook\n");
    return false;
  }
  const read = await (await lazy.docx()).readReportText(path);
  if (!read.ok) {
    io.stderr(`annex-check: ${read.message.zh} / ${read.message.en}\n`);
    return false;
  }
  return read.text;
}

async function writeFix(file: string, options: Options, edits: ReturnType<typeof planFixes>, io: Io): Promise<number> {
  const { writeFixedCopy } = await lazy.writer();
  const written = await writeFixedCopy(file, options.fix!, edits, { force: options.force });
  if (!written.ok) {
    io.stderr(`annex-check: ${written.message.zh} / ${written.message.en}\n`);
    return 2;
  }
  const skipped = written.stale.length;
  io.stderr(options.lang === "zh"
    ? `已写出修正副本 ${options.fix}：修正 ${written.applied.length} 处${skipped ? `，${skipped} 处因单元格含公式或已变化而跳过` : ""}（原文件未改动）\n`
    : `Wrote the corrected copy ${options.fix}: ${written.applied.length} cells fixed${skipped ? `, ${skipped} skipped (formula or changed cell)` : ""}; the input is untouched\n`);
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

type Expanded =
  | { readonly kind: "files"; readonly paths: readonly string[]; readonly folder: boolean }
  | { readonly kind: "empty"; readonly message: { zh: string; en: string } };

/**
 * Files as given; a folder becomes its .xlsx files (not Excel's "~$" lock files), sorted. Old .xls
 * files are listed too: skipping them silently would let a unit's report go unchecked, so each
 * gets its "save as .xlsx" message.
 */
async function expandInputs(inputs: readonly string[]): Promise<Expanded> {
  const paths: string[] = [];
  let folder = inputs.length > 1;
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) {
      folder = true;
      const names = (await readdir(input)).filter((n) => /\.xlsx?$/i.test(n) && !n.startsWith("~$")).sort();
      paths.push(...names.map((n) => join(input, n)));
    } else {
      paths.push(input);
    }
  }
  if (paths.length === 0) {
    return { kind: "empty", message: { zh: `文件夹中没有 .xlsx 文件：${inputs.map((i) => basename(resolve(i))).join("、")}`, en: `no .xlsx file in ${inputs.join(", ")}` } };
  }
  return { kind: "files", paths, folder };
}

/**
 * annex-check: the engine on .xlsx files. Exit status 0 when no error-level finding, 1 when there
 * are, 2 when an input cannot be read or the arguments are wrong. Messages for people go to
 * stderr, so `--format json` leaves nothing but the report on stdout.
 */
import { basename, resolve } from "node:path";
import { DEFAULT_SETTINGS, type RuleSettings } from "../core/engine/settings";
import { HELP, parseArgs, type Options } from "./args";
import { skippedLine, walkInputs } from "./walk-inputs";
import { oneLine, terminalSafe } from "./text-width";

// Loaded only by the commands that need them: the checks of files (the engine), the template
// and summary writers. A folder summary's main thread never loads the engine (its workers do).
// Each import() is a require() in the compiled CLI, paid on first use.
const lazy = {
  check: () => import("./check-files"),
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
    io.stderr(oneLine(`annex-check: ${args.message.zh} / ${args.message.en}`));
    io.stderr("用法 usage: annex-check <file.xlsx | folder> [--format table|json|md] [--lang zh|en] [--fix out.xlsx]\n");
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
  const files = expandInputs(options.inputs, io);
  if (files.kind === "empty") {
    io.stderr(oneLine(`annex-check: ${files.message.zh} / ${files.message.en}`));
    return 2;
  }
  if (options.summary !== undefined) {
    const { runSummary } = await lazy.summary();
    return runSummary({
      files: files.paths, output: options.summary, force: options.force, lang: options.lang, settings, limits: options.limits,
      ...(options.jobs !== undefined ? { jobs: options.jobs } : {}), progress: io.stderrIsTty === true, stderr: io.stderr,
    });
  }
  return (await lazy.check()).checkFiles(files.paths, files.folder, options, settings, io);
}


type Expanded =
  | { readonly kind: "files"; readonly paths: readonly string[]; readonly folder: boolean }
  | { readonly kind: "empty"; readonly message: { zh: string; en: string } };

/**
 * Files as given; a folder becomes its workbooks (.xlsx, .xlsm; not Excel's "~$" lock files),
 * subfolders included, sorted (walk-inputs.ts). Old .xls files are listed too: skipping them
 * silently would let a unit's report go unchecked, so each gets its "save as .xlsx" message.
 * What the walk passed over is said in one line on stderr.
 */
function expandInputs(inputs: readonly string[], io: Io): Expanded {
  const walked = walkInputs(inputs);
  const skipped = skippedLine(walked.skipped);
  if (skipped) io.stderr(oneLine(`annex-check: ${skipped.zh} / ${skipped.en}`));
  if (walked.paths.length === 0) {
    const names = inputs.map((i) => terminalSafe(basename(resolve(i)))).join("、");
    return { kind: "empty", message: { zh: `文件夹中没有 .xlsx 或 .docx 文件：${names}`, en: `no .xlsx or .docx file in ${inputs.map(terminalSafe).join(", ")}` } };
  }
  return { kind: "files", paths: walked.paths, folder: walked.folder };
}

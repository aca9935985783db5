/**
 * Command-line arguments, parsed and checked by hand: a handful of flags, each with one rule, so a
 * schema library would cost more to load than the check itself (issue 12 measured zod at 37 ms of a
 * 450 ms run).
 */
import { PROFILES } from "../core/profiles";
import { parseTemplateArgs, type TemplateCliOptions } from "./template-args";
import { DEFAULT_INPUT_LIMITS, parseLimitOption, type InputLimits } from "../adapters/limits";

const PROFILE_IDS = PROFILES.map((p) => p.id);

export interface Options {
  readonly inputs: readonly string[];
  readonly format: "table" | "json" | "md";
  readonly lang: "zh" | "en";
  readonly fix?: string;
  readonly report?: string;
  readonly summary?: string;
  readonly jobs?: number;
  readonly force: boolean;
  /** Absent: the form's. */
  readonly reverseFormula?: "A" | "B";
  /** Absent: the form profile's bands. */
  readonly gradeBands?: readonly [number, number, number];
  /** Absent: detected from the sheets. */
  readonly profile?: string;
  readonly color: boolean;
  /** The hard limits on inputs: the defaults, with any --limit name=value applied. */
  readonly limits: InputLimits;
}

export type ParsedArgs =
  | { readonly kind: "run"; readonly options: Options }
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | { readonly kind: "template"; readonly options: TemplateCliOptions }
  | { readonly kind: "invalid"; readonly message: { zh: string; en: string } };

const VALUE_FLAGS = new Set(["--format", "--lang", "--fix", "--reverse-formula", "--grade-bands", "--report", "--summary", "--jobs", "--profile"]);

export function parseArgs(argv: readonly string[], env: { noColor: boolean; isTty: boolean }): ParsedArgs {
  const inputs: string[] = [];
  const raw: Record<string, string | boolean> = {};
  let limits: InputLimits = DEFAULT_INPUT_LIMITS;
  // Help wins over every other argument, --template included: asking for help is never an error.
  if (argv.some((a) => a === "-h" || a === "--help")) return { kind: "help" };
  if (argv.some((a) => a === "--template" || a.startsWith("--template="))) return parseTemplateArgs(argv);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h" || arg === "--help") return { kind: "help" };
    if (arg === "-v" || arg === "--version") return { kind: "version" };
    if (arg.startsWith("--")) {
      const [flag, inline] = arg.split("=", 2) as [string, string | undefined];
      if (VALUE_FLAGS.has(flag)) {
        const value = inline ?? argv[++i];
        if (value === undefined) return invalid(`${flag} 需要一个值`, `${flag} needs a value`);
        raw[flag] = value;
      } else if (flag === "--limit") {
        // Repeatable: each sets one limit. "--limit=cells=…" splits at the first "=" only.
        const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
        if (value === undefined) return invalid("--limit 需要一个值，如 cells=10000000", "--limit needs a value, e.g. cells=10000000");
        const parsed = parseLimitOption(value);
        if ("error" in parsed) return invalid(parsed.error.zh, parsed.error.en);
        limits = { ...limits, [parsed.key]: parsed.value };
      } else if (flag === "--force" || flag === "--no-color") {
        raw[flag] = true;
      } else {
        return invalid(`未知选项 ${flag}`, `unknown option ${flag}`);
      }
    } else {
      inputs.push(arg);
    }
  }
  if (inputs.length === 0) return invalid("请指定要检查的 .xlsx 文件或文件夹", "name an .xlsx file or a folder to check");
  const bands = raw["--grade-bands"] === undefined ? null : String(raw["--grade-bands"]).split(/[,，]/).map(Number);
  const text = (flag: string) => (raw[flag] === undefined ? undefined : String(raw[flag]));
  const format = text("--format") ?? "table";
  if (format !== "table" && format !== "json" && format !== "md") return invalid("--format 只能是 table、json 或 md", "--format must be table, json or md");
  const lang = text("--lang") ?? "zh";
  if (lang !== "zh" && lang !== "en") return invalid("--lang 只能是 zh 或 en", "--lang must be zh or en");
  const jobs = raw["--jobs"] === undefined ? undefined : Number(raw["--jobs"]);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 256)) return invalid("--jobs 应为 1 到 256 的整数", "--jobs takes a whole number from 1 to 256");
  const reverseFormula = text("--reverse-formula");
  if (reverseFormula !== undefined && reverseFormula !== "A" && reverseFormula !== "B") return invalid("--reverse-formula 只能是 A 或 B", "--reverse-formula must be A or B");
  if (bands !== null && !(bands.length === 3 && bands.every(Number.isFinite))) return invalid("--grade-bands 应为三个数，如 90,80,60", "--grade-bands takes three numbers, e.g. 90,80,60");
  const profile = text("--profile");
  if (profile !== undefined && !PROFILE_IDS.includes(profile)) return invalid(`--profile 只能是 ${PROFILE_IDS.join("、")}`, `--profile must be one of ${PROFILE_IDS.join(", ")}`);
  const options: Options = {
    inputs,
    format,
    lang,
    force: raw["--force"] === true,
    color: env.isTty && !env.noColor && raw["--no-color"] !== true,
    limits,
    ...(text("--fix") !== undefined ? { fix: text("--fix")! } : {}),
    ...(text("--report") !== undefined ? { report: text("--report")! } : {}),
    ...(text("--summary") !== undefined ? { summary: text("--summary")! } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    ...(reverseFormula !== undefined ? { reverseFormula } : {}),
    ...(bands !== null ? { gradeBands: [bands[0]!, bands[1]!, bands[2]!] as const } : {}),
    ...(profile !== undefined ? { profile } : {}),
  };
  if (options.fix !== undefined && options.inputs.length > 1) {
    return invalid("--fix 只能用于单个文件", "--fix works on a single file");
  }
  if (options.report !== undefined && (options.inputs.length > 1 || options.summary !== undefined)) {
    return invalid("--report 只能用于单个工作簿", "--report works with a single workbook");
  }
  if (options.fix !== undefined && options.summary !== undefined) {
    return invalid("--fix 不能与 --summary 同时使用", "--fix cannot be combined with --summary");
  }
  return { kind: "run", options };
}

function invalid(zh: string, en: string): ParsedArgs {
  return { kind: "invalid", message: { zh, en } };
}

export const HELP = `annex-check — 绩效自评附件校验 (部门整体 附件2/附件3、项目支出绩效自评表)

用法 Usage:
  annex-check <file.xlsx | report.docx | report.pdf | folder> [options]
  （文件夹：子文件夹中的 .xlsx/.xlsm/.docx/.pdf 一并检查 · a folder: its subfolders' workbooks and reports too）

选项 Options:
  --format table|json|md   输出格式，默认 table / output format (default table)
  --lang zh|en             消息语言，默认 zh / message language (default zh)
  --fix <out.xlsx>         写出修正后的副本（不改动原文件）/ write a corrected copy (never the input)
  --report <file.docx|txt> 核对自评报告正文与附件中的数字（r.* 规则）/ check the report text against the annexes
  --summary <out.xlsx>     多个文件/文件夹汇总为一个工作簿（单位汇总、问题清单）/ one summary workbook for many files
  --jobs N                 --summary 的并行线程数，默认为 CPU 核数 / worker threads for --summary (default: cores)
  --force                  允许覆盖已存在的输出文件 / allow overwriting an existing output file
  --reverse-formula A|B    反向指标计分公式，默认按表式（湖北 B，其他 A）/ reverse-indicator formula (default: the form's)
  --profile <id>           指定表式，不自动识别 / use this form instead of recognizing it:
                           ${PROFILE_IDS.join(", ")}
  --grade-bands 90,80,60   等级分界：优、良、中（默认按表式）/ grade bands for 优, 良, 中 (default: the form's)
  --limit <名称>=<值>      放宽一项读取上限（可重复；见 README「上限」）/ raise one input limit (repeatable; see the README):
                           file-mb, part-mb, total-mb, zip-entries, cells, merges, merged-cells, sheets,
                           string-chars, report-chars, docx-mb, seconds, memory-mb
  --no-color               不使用颜色 / no colours
  --template <年度> <out.xlsx> [--weights 40-20-10-20|50-30-10] [--profile <id>]
                           写出空白模板（默认附件2、附件3；--profile 指定项目表式），含公式
                           / write a blank template with live formulas (the 湖南 annexes, or --profile's form)
  -h, --help               帮助 / help
  -v, --version            版本 / version

退出码 Exit status: 0 无错误 no errors · 1 有错误 errors found · 2 无法读取输入 an input cannot be read
`;

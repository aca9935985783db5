/** Command-line arguments, parsed by hand (a handful of flags) and checked with zod. */
import { z } from "zod";
import { PROFILES } from "../core";
import { parseTemplateArgs, type TemplateCliOptions } from "./template-args";

const PROFILE_IDS = PROFILES.map((p) => p.id);

export const OptionsSchema = z.object({
  inputs: z.array(z.string()).min(1),
  format: z.enum(["table", "json", "md"]),
  lang: z.enum(["zh", "en"]),
  fix: z.string().optional(),
  report: z.string().optional(),
  summary: z.string().optional(),
  jobs: z.number().int().min(1).max(256).optional(),
  force: z.boolean(),
  /** Absent: the form's. */
  reverseFormula: z.enum(["A", "B"]).optional(),
  /** Absent: the form profile's bands. */
  gradeBands: z.tuple([z.number(), z.number(), z.number()]).optional(),
  /** Absent: detected from the sheets. */
  profile: z.string().refine((id) => PROFILE_IDS.includes(id)).optional(),
  color: z.boolean(),
});

export type Options = z.infer<typeof OptionsSchema>;

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
  const parsed = OptionsSchema.safeParse({
    inputs,
    format: raw["--format"] ?? "table",
    lang: raw["--lang"] ?? "zh",
    fix: raw["--fix"],
    report: raw["--report"],
    summary: raw["--summary"],
    jobs: raw["--jobs"] === undefined ? undefined : Number(raw["--jobs"]),
    force: raw["--force"] === true,
    reverseFormula: raw["--reverse-formula"],
    gradeBands: bands === null ? undefined : bands.length === 3 && bands.every(Number.isFinite) ? bands : "invalid",
    profile: raw["--profile"],
    color: env.isTty && !env.noColor && raw["--no-color"] !== true,
  });
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join(".") ?? "";
    const hints: Record<string, [string, string]> = {
      format: ["--format 只能是 table、json 或 md", "--format must be table, json or md"],
      lang: ["--lang 只能是 zh 或 en", "--lang must be zh or en"],
      reverseFormula: ["--reverse-formula 只能是 A 或 B", "--reverse-formula must be A or B"],
      gradeBands: ["--grade-bands 应为三个数，如 90,80,60", "--grade-bands takes three numbers, e.g. 90,80,60"],
      jobs: ["--jobs 应为 1 到 256 的整数", "--jobs takes a whole number from 1 to 256"],
      profile: [`--profile 只能是 ${PROFILE_IDS.join("、")}`, `--profile must be one of ${PROFILE_IDS.join(", ")}`],
    };
    const [zh, en] = hints[path] ?? [`参数无效：${path}`, `invalid argument: ${path}`];
    return invalid(zh, en);
  }
  if (parsed.data.fix !== undefined && parsed.data.inputs.length > 1) {
    return invalid("--fix 只能用于单个文件", "--fix works on a single file");
  }
  if (parsed.data.report !== undefined && (parsed.data.inputs.length > 1 || parsed.data.summary !== undefined)) {
    return invalid("--report 只能用于单个工作簿", "--report works with a single workbook");
  }
  if (parsed.data.fix !== undefined && parsed.data.summary !== undefined) {
    return invalid("--fix 不能与 --summary 同时使用", "--fix cannot be combined with --summary");
  }
  return { kind: "run", options: parsed.data };
}

function invalid(zh: string, en: string): ParsedArgs {
  return { kind: "invalid", message: { zh, en } };
}

export const HELP = `annex-check — 绩效自评附件校验 (部门整体 附件2/附件3、项目支出绩效自评表)

用法 Usage:
  annex-check <file.xlsx | folder> [options]

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
  --no-color               不使用颜色 / no colours
  --template <年度> <out.xlsx> [--weights 40-20-10-20|50-30-10] [--profile <id>]
                           写出空白模板（默认附件2、附件3；--profile 指定项目表式），含公式
                           / write a blank template with live formulas (the 湖南 annexes, or --profile's form)
  -h, --help               帮助 / help
  -v, --version            版本 / version

退出码 Exit status: 0 无错误 no errors · 1 有错误 errors found · 2 无法读取输入 an input cannot be read
`;

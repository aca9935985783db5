/**
 * `annex-check --template <year> <out.xlsx> [--weights 40-20-10-20|50-30-10] [--force] [--lang zh|en]`:
 * its own small grammar, kept apart from the checking options it shares nothing with.
 */
import { isTemplateYear, isWeightScheme, MAX_TEMPLATE_YEAR, MIN_TEMPLATE_YEAR, type WeightScheme } from "../core/template/model";
import { PROFILES } from "../core/profiles";

export interface TemplateCliOptions {
  readonly year: number;
  readonly output: string;
  readonly weights: WeightScheme;
  /** The form: 湖南's two annexes (hunan-dept, the default) or a project table. */
  readonly profile: string;
  readonly force: boolean;
  readonly lang: "zh" | "en";
}

export type TemplateArgs =
  | { readonly kind: "template"; readonly options: TemplateCliOptions }
  | { readonly kind: "invalid"; readonly message: { zh: string; en: string } };

function invalid(zh: string, en: string): TemplateArgs {
  return { kind: "invalid", message: { zh, en } };
}

export function parseTemplateArgs(argv: readonly string[]): TemplateArgs {
  const positional: string[] = [];
  let weights = "40-20-10-20";
  let profile = "hunan-dept";
  let force = false;
  let lang = "zh";
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    if (flag === "--template") {
      if (inline !== undefined) positional.push(inline);
      continue;
    }
    if (flag === "--force") { force = true; continue; }
    if (flag === "--weights" || flag === "--lang" || flag === "--profile") {
      const value = inline ?? argv[++i];
      if (value === undefined) return invalid(`${flag} 需要一个值`, `${flag} needs a value`);
      if (flag === "--weights") weights = value;
      else if (flag === "--profile") profile = value;
      else lang = value;
      continue;
    }
    if (flag.startsWith("--")) return invalid(`--template 不支持选项 ${flag}`, `--template does not take ${flag}`);
    positional.push(argv[i]!);
  }
  if (positional.length !== 2) {
    return invalid("用法：annex-check --template <年度> <输出.xlsx>", "usage: annex-check --template <year> <out.xlsx>");
  }
  const [yearText, output] = positional as [string, string];
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || !isTemplateYear(year)) {
    return invalid(`年度应为 ${MIN_TEMPLATE_YEAR}–${MAX_TEMPLATE_YEAR} 之间的四位数，收到“${yearText}”`, `the year must be four digits between ${MIN_TEMPLATE_YEAR} and ${MAX_TEMPLATE_YEAR}, got "${yearText}"`);
  }
  if (!/\.xlsx$/i.test(output)) return invalid("输出文件应以 .xlsx 结尾", "the output file must end in .xlsx");
  if (!isWeightScheme(weights)) {
    return invalid("--weights 只能是 40-20-10-20 或 50-30-10", "--weights must be 40-20-10-20 or 50-30-10");
  }
  if (lang !== "zh" && lang !== "en") return invalid("--lang 只能是 zh 或 en", "--lang must be zh or en");
  const ids = PROFILES.map((p) => p.id);
  if (!ids.includes(profile)) return invalid(`--profile 只能是 ${ids.join("、")}`, `--profile must be one of ${ids.join(", ")}`);
  return { kind: "template", options: { year, output, weights, profile, force, lang } };
}

/**
 * What the "why" panel shows for a rule: its title and formula (from the rule's meta) and its
 * documentation text in the pane's language. The docs write the report year as {Y} and the year
 * before as {Y-1}; the pane puts in the year of the tables checked ("2023年决算数"), or words
 * ("本年度决算数") when the tables carry no year. Loaded with the "why" panel, not at start.
 */
import { RULES, type Bilingual } from "../core";
import { RULE_DOCS } from "./rule-docs.generated";
import type { Lang } from "./strings";

export interface RuleHelp {
  readonly title: string;
  readonly formula: string;
  readonly doc: string;
}

const META: ReadonlyMap<string, (typeof RULES)[number]["meta"]> = new Map(RULES.map((rule) => [rule.meta.id as string, rule.meta]));

/** {Y} and {Y-1} as the year of the tables, or in words. */
export function withYear(text: string, year: number | null, lang: Lang): string {
  if (year !== null) return text.replace(/\{Y-1\}/g, String(year - 1)).replace(/\{Y\}/g, String(year));
  const words: Bilingual = { zh: "本", en: "the report year" };
  const before: Bilingual = { zh: "上", en: "the year before" };
  if (lang === "zh") return text.replace(/\{Y-1\}年/g, `${before.zh}年`).replace(/\{Y\}年/g, `${words.zh}年`).replace(/\{Y-1\}/g, "上年").replace(/\{Y\}/g, "本年");
  return text.replace(/\{Y-1\}/g, before.en).replace(/\{Y\}/g, words.en);
}

export function ruleHelp(ruleId: string, lang: Lang, year: number | null): RuleHelp | null {
  const meta = META.get(ruleId);
  if (!meta) return null;
  return {
    title: meta.title[lang],
    formula: withYear(meta.formula[lang], year, lang),
    doc: withYear(RULE_DOCS[ruleId]?.[lang] ?? "", year, lang),
  };
}

/** What the "why" expander shows for a rule: its formula (from the rule's meta) and its docs text. */
import { RULES, type Bilingual } from "../core";
import { RULE_DOCS } from "./rule-docs.generated";

export interface RuleHelp {
  readonly formula: Bilingual;
  readonly title: Bilingual;
  readonly doc: string;
}

export const RULE_HELP: Readonly<Record<string, RuleHelp>> = Object.fromEntries(
  RULES.map((rule) => [rule.meta.id, { formula: rule.meta.formula, title: rule.meta.title, doc: RULE_DOCS[rule.meta.id] ?? "" }]),
);

/**
 * Rendering findings: the template of a finding's message id comes from its rule's meta.messages;
 * the engine adds its own message for a rule that failed. Every edge (pane, CLI, report sheet,
 * summary workbook) renders through here, so a finding reads the same everywhere.
 */
import type { Bilingual, Finding, Lang } from "../findings/finding";
import { RULES } from "../rules";
import { INTERNAL_FAILURE } from "../engine/validate";
import { renderTemplate, type MessageCatalogue } from "./render";

const ENGINE_MESSAGES: MessageCatalogue = {
  [INTERNAL_FAILURE]: {
    zh: "规则 {rule} 未能完成检查（内部错误：{detail}），其余规则照常运行",
    en: "Rule {rule} could not finish (internal error: {detail}); the other rules ran",
  },
};

const CATALOGUES: ReadonlyMap<string, MessageCatalogue> = new Map(
  RULES.map((rule) => [rule.meta.id, { ...ENGINE_MESSAGES, ...(rule.meta.messages as MessageCatalogue) }]),
);

/** The catalogue of a rule id (the engine's messages alone for an unknown id). */
export function catalogueOf(ruleId: string): MessageCatalogue {
  return CATALOGUES.get(ruleId) ?? ENGINE_MESSAGES;
}

/** A finding's message in one language. */
export function messageText(finding: Pick<Finding, "ruleId" | "messageId" | "data">, lang: Lang): string {
  return renderTemplate(catalogueOf(finding.ruleId), finding.messageId, finding.data, lang);
}

/** A finding's message in both languages (tests, the review-note sheet). */
export function messageOf(finding: Pick<Finding, "ruleId" | "messageId" | "data">): Bilingual {
  return { zh: messageText(finding, "zh"), en: messageText(finding, "en") };
}

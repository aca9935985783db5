/**
 * A rule is metadata plus a check, like an ESLint rule. The engine enforces the metadata:
 * a report's severity must be one the rule declares, and only fixable rules may carry a fix.
 */
import type { Annex2 } from "../model/annex2";
import type { Annex3 } from "../model/annex3";
import type { Bilingual, CellEdit, Severity } from "../findings/finding";
import type { CellAddress } from "../grid/address";
import type { RuleSettings } from "../engine/settings";

export interface RuleMeta {
  /** Public and permanent: users quote it to reviewers (rules.md). */
  readonly id: string;
  readonly title: Bilingual;
  /** The default severity first; further ones a report may use (e.g. info for a blank derived cell). */
  readonly severities: readonly [Severity, ...Severity[]];
  readonly fixable: boolean;
  /** The engine skips the rule, with a sheet.label-missing finding, when a required annex is absent. */
  readonly requires: readonly ("annex2" | "annex3")[];
  /** The formula or condition, shown by the task pane's "why" expander. */
  readonly formula: Bilingual;
}

export interface Report {
  readonly severity?: Severity;
  readonly at: CellAddress | null;
  readonly related?: readonly CellAddress[];
  readonly expected?: string | null;
  readonly actual?: string | null;
  readonly message: Bilingual;
  readonly fix?: { readonly edits: readonly CellEdit[]; readonly safe?: boolean };
}

/** An annex that was found but could not be read (an unexpected failure while parsing it). */
export interface ExtraAnnex {
  readonly kind: "annex2" | "annex3";
  /** Where the extra table starts. */
  readonly at: CellAddress;
  /** Where the table that was checked starts. */
  readonly checkedAt: CellAddress | null;
}

export interface UnreadableAnnex {
  /** Where the annex was found; null when the failure came before it could be placed. */
  readonly at: CellAddress | null;
  /** What went wrong, for the message (one line). */
  readonly detail: string;
}

export interface RuleContext {
  readonly annex2: Annex2 | null;
  readonly annex3: Annex3 | null;
  /** Set by the engine when an annex is null because reading it failed, not because it is absent. */
  readonly unreadable?: { readonly annex2: UnreadableAnnex | null; readonly annex3: UnreadableAnnex | null };
  /** Further tables that also look like an annex (a second 附件3), beside the one that was checked. */
  readonly extraAnnexes?: readonly ExtraAnnex[];
  readonly settings: RuleSettings;
  report(report: Report): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Identity function that gives rule objects their type in one place. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

export class RuleContractError extends Error {
  constructor(ruleId: string, problem: string) {
    super(`rule ${ruleId}: ${problem}`);
    this.name = "RuleContractError";
  }
}

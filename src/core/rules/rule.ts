/**
 * A rule is metadata plus a check, like an ESLint rule. The engine enforces the metadata: a
 * report's severity must be one the rule declares, its message id one of the rule's messages,
 * and only fixable rules may carry a fix.
 */
import type { Annex2 } from "../model/annex2";
import type { Annex3 } from "../model/annex3";
import type { Bilingual, CellEdit, Severity, TableRef, TextRef } from "../findings/finding";
import type { CellAddress } from "../grid/address";
import type { RuleSettings } from "../engine/settings";
import type { MessageData, MessageTemplate } from "../messages/message";
import type { FormProfile, Terms } from "../profiles/profile";
import type { ReportTextInput } from "../report-text/input";
import type { ValueKind } from "../format/figures";

/** What a rule needs to run: a table kind, or the report's text (the r.* rules). */
export type Requirement = "annex2" | "annex3" | "reportText";

export interface RuleMeta<Id extends string = string, M extends string = string> {
  /** Public and permanent: users quote it to reviewers (rules.md). */
  readonly id: Id;
  readonly title: Bilingual;
  /** The default severity first; further ones a report may use (e.g. info for a blank derived cell). */
  readonly severities: readonly [Severity, ...Severity[]];
  readonly fixable: boolean;
  /**
   * The engine runs the rule only when these are present: once per self-evaluation table for a
   * rule that needs "annex3", once per workbook otherwise.
   */
  readonly requires: readonly Requirement[];
  /** The formula or condition, shown by the task pane's "why" expander. */
  readonly formula: Bilingual;
  /**
   * "table" (the default): the rule runs once per self-evaluation table. "workbook": once per
   * check (a table missing or found twice, the report text against the tables).
   */
  readonly scope?: "table" | "workbook";
  /** Every message the rule can report, by id; `{name}` placeholders are filled from the data. */
  readonly messages: Readonly<Record<M, MessageTemplate>>;
}

export interface Report<M extends string = string> {
  readonly severity?: Severity;
  readonly at: CellAddress | null;
  readonly related?: readonly CellAddress[];
  readonly expected?: string | null;
  readonly actual?: string | null;
  /** What `expected` and `actual` are, for showing them (format/figures.ts); text when absent. */
  readonly figure?: ValueKind;
  readonly messageId: M;
  readonly data?: MessageData;
  readonly fix?: { readonly edits: readonly CellEdit[]; readonly safe?: boolean };
  /** For the report-text rules: the sentence that states the figure. */
  readonly textRef?: TextRef;
}

/** A further table that also looks like an annex (a second 附件3), beside the one checked. */
export interface ExtraAnnex {
  readonly kind: "annex2" | "annex3";
  /** Where the extra table starts. */
  readonly at: CellAddress;
  /** Where the table that was checked starts. */
  readonly checkedAt: CellAddress | null;
  /** Set when no figure is typed in the extra table (a blank template inserted beside the filled one): no duplicate. */
  readonly blank?: boolean;
}

/** An annex that was found but could not be read (an unexpected failure while parsing it). */
export interface UnreadableAnnex {
  /** Where the annex was found; null when the failure came before it could be placed. */
  readonly at: CellAddress | null;
  /** What went wrong, for the message (one line). */
  readonly detail: string;
}

/** What the workbook holds, for the rules about the workbook as a whole (sheet.*). */
export interface WorkbookFacts {
  /** Every self-evaluation table found, in sheet and row order. */
  readonly selfEvalTables: readonly Annex3[];
  readonly basicData: Annex2 | null;
  readonly unreadable: { readonly annex2: UnreadableAnnex | null; readonly annex3: UnreadableAnnex | null };
  readonly extraAnnexes: readonly ExtraAnnex[];
}

export interface RuleContext<M extends string = string> {
  /** The basic-data table (附件2), when the form has one and the workbook holds it. */
  readonly annex2: Annex2 | null;
  /** The self-evaluation table being checked (附件3, or one project's table). */
  readonly annex3: Annex3 | null;
  /** Which table of several this run is about; absent when the workbook holds one. */
  readonly table?: TableRef;
  readonly profile: FormProfile;
  /** The profile's names of the figures, for messages. */
  readonly terms: Terms;
  readonly workbook: WorkbookFacts;
  /** The report's text, for the r.* rules (absent unless a report was given). */
  readonly reportText?: ReportTextInput;
  readonly settings: RuleSettings;
  report(report: Report<M>): void;
}

export interface Rule<Id extends string = string, M extends string = string> {
  readonly meta: RuleMeta<Id, M>;
  check(context: RuleContext<M>): void;
}

/** Gives a rule object its type in one place, with its id and message ids as literal types. */
export function defineRule<const Id extends string, const M extends string>(rule: Rule<Id, M>): Rule<Id, M> {
  return rule;
}

export class RuleContractError extends Error {
  constructor(ruleId: string, problem: string) {
    super(`rule ${ruleId}: ${problem}`);
    this.name = "RuleContractError";
  }
}

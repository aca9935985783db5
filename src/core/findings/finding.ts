import type { CellAddress } from "../grid/address";
import type { CellValue } from "../grid/workbook";
import type { MessageData } from "../messages/message";
import type { ValueKind } from "../format/figures";

export type Severity = "error" | "warning" | "info";

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** A message in both languages the product speaks. Rules write both; hosts pick one. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export type Lang = keyof Bilingual;

/**
 * One cell write of a fix plan. `before` is the value validation saw: a host refuses to write
 * when the cell no longer holds it (the user or a co-author changed it since).
 */
export interface CellEdit {
  readonly at: CellAddress;
  readonly before: CellValue;
  /** A number is written as a number; text is written as text, never as a formula. */
  readonly after: number | string;
  /** Number format to give the cell ("0.00%", "0.00"); absent keeps the cell's own. */
  readonly numberFormat?: string;
}

export interface Fix {
  readonly edits: readonly CellEdit[];
  /** Safe fixes are pre-selected; a suggested quantitative score is not (rules.md). */
  readonly safe: boolean;
}

export interface Finding {
  readonly ruleId: RuleIdText;
  readonly severity: Severity;
  /** The wrong cell; null only when no cell can be named (no annex found at all). */
  readonly at: CellAddress | null;
  readonly related: readonly CellAddress[];
  /** Decimal text or plain text; null when the rule has no single expected value. */
  readonly expected: string | null;
  readonly actual: string | null;
  /** What `expected` and `actual` are (an amount, a rate, a score, a grade…), so every edge shows them one way. */
  readonly figure?: ValueKind;
  /** Which of the rule's messages (its meta.messages) says what was found, and with what. */
  readonly messageId: string;
  readonly data: MessageData;
  /**
   * The table the finding is about when a workbook holds several (one per project): its name as
   * the sheet gives it (项目名称), so a reader of a long list knows which project a cell belongs to.
   */
  readonly table?: TableRef;
  readonly fix?: Fix;
  /** Set by the report-text rules (r.*): the sentence of the 自评报告 that states the figure. */
  readonly textRef?: TextRef;
}

/** A rule id as data (findings cross workers and JSON); the RuleId type narrows it in code. */
export type RuleIdText = string;

/** The table of a multi-table workbook a finding belongs to. */
export interface TableRef {
  /** 0-based position among the workbook's tables of its kind, in sheet and row order. */
  readonly index: number;
  /** 项目名称 (or the title) as written; null when the table names nothing. */
  readonly name: string | null;
}

/** A place in the report text: positions are 1-based, `offset` a UTF-16 offset into the text as given. */
export interface TextRef {
  readonly paragraph: number;
  readonly sentence: number;
  /** The sentence (or the sentences of one stated sum), as written. */
  readonly quote: string;
  /** Where the figure's label starts in the whole text. */
  readonly offset: number;
  readonly length: number;
}

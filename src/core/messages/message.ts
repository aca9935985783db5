/**
 * Messages as ids with typed data, like ESLint's `meta.messages` + `messageId`/`data`: a rule
 * reports *what* it found (a message id and the figures, cells and labels involved) and each
 * edge renders it in the user's language. Nothing language-specific travels in the data except
 * labels that carry both languages, so an English rendering can never contain a Chinese enum
 * value, and a form profile can rename a label once for every message that uses it.
 */
import { addressOf, type CellAddress } from "../grid/address";
import type { Bilingual } from "../findings/finding";
import type { FigureKind } from "../format/figures";

/** A message text per language, with `{name}` placeholders filled from the data. */
export type MessageTemplate = Bilingual;

/**
 * The figure kinds a message shows, each rendered one way by src/core/format/figures.ts: an
 * amount "982.60 万元", a rate "166.67%", a score "10.00", people "35 人", a figure as typed "98".
 */
export type FigureStyle = FigureKind;

/** One value of a message's data. */
export type MessageArg =
  /** Text from the workbook or the report (a label, an indicator's name): shown as written. */
  | string
  /** A count or position the code knows (a row number, a number of rows). */
  | number
  /** A decimal figure (plain decimal text, full precision), formatted by its style. */
  | { readonly figure: string; readonly style: FigureStyle }
  /** A cell, rendered "附件2!D4". */
  | { readonly cell: CellAddress }
  /** A term or phrase in both languages (a profile's name for a figure, an enum value). */
  | { readonly label: Bilingual }
  /** Another message of the same rule (a clause, a basis), rendered with its own data. */
  | { readonly message: string; readonly data: MessageData }
  /** Several values joined ("分值、年度指标值" / "weight, target"). */
  | { readonly list: readonly MessageArg[]; readonly separator: Bilingual };

export type MessageData = Readonly<Record<string, MessageArg>>;

/** The shape every reported message has: which template, with what. */
export interface MessageRef {
  readonly messageId: string;
  readonly data: MessageData;
}

// Constructors: rules read better with these than with object literals.

export function figure(value: { toFixed(): string } | string, style: FigureStyle): MessageArg {
  return { figure: typeof value === "string" ? value : value.toFixed(), style };
}

export function cellArg(at: CellAddress): MessageArg {
  return { cell: addressOf(at) };
}

export function label(text: Bilingual): MessageArg {
  return { label: text };
}

export function clause(messageId: string, data: MessageData = {}): MessageArg {
  return { message: messageId, data };
}

/** Nothing: an optional clause that does not apply renders as empty text. */
export const NOTHING: MessageArg = "";

export function list(items: readonly MessageArg[], separator: Bilingual = { zh: "、", en: ", " }): MessageArg {
  return { list: items, separator };
}

/** The placeholder names a template uses, in order of first appearance. */
export function placeholders(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(/\{([A-Za-z][\w]*)\}/g)) {
    if (!names.includes(match[1]!)) names.push(match[1]!);
  }
  return names;
}

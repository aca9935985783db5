/**
 * Shared pieces of rules: describing a cell's value in a message, building the edit that writes
 * a computed figure, and the common "derived cell against its recomputation" check.
 */
import { Decimal, fixed2, HUNDRED, plain, within } from "../numeric/decimal";
import type { LocatedNumber } from "../model/located";
import type { Bilingual, CellEdit, Severity } from "../findings/finding";
import { addressOf, type CellAddress } from "../grid/address";
import type { RuleContext } from "./rule";
import { figure, label, NOTHING, type MessageArg } from "../messages/message";
import { isCellError } from "../grid/workbook";

export type FigureKind = "amount" | "percent" | "score";

/** "166.67%" for a percent, "982.60" for an amount or a score. */
export function show(value: Decimal, kind: FigureKind): string {
  return kind === "percent" ? `${fixed2(value)}%` : fixed2(value);
}

/** How the cell's content reads in a message: its number as parsed, or what it holds instead. */
export function found(cell: LocatedNumber, kind: FigureKind): string {
  const p = cell.parsed;
  switch (p.kind) {
    case "number": return show(p.value, kind);
    case "blank": return "";
    case "dash": return p.text;
    case "error": return p.code;
    case "text": return p.text;
  }
}

/** The `actual` field of a finding: a decimal string, or the text found. */
export function actualOf(cell: LocatedNumber): string | null {
  const p = cell.parsed;
  if (p.kind === "number") return plain(p.value);
  if (p.kind === "blank") return null;
  return found(cell, "amount");
}

export function valueOf(cell: LocatedNumber | null | undefined): Decimal | null {
  return cell?.value ?? null;
}

export const NUMBER_FORMAT: Readonly<Record<FigureKind, string>> = { amount: "0.00", percent: "0.00%", score: "0.00" };

/**
 * The largest magnitude a fix writes. Excel keeps 15 significant digits, so from 1e15 on a
 * 2-decimal figure cannot be stored as computed; and no 万元 amount, rate or score of these forms
 * comes near it (1e15 万元 is a thousand times the world's GDP). A figure this large comes from
 * a tiny or mistyped input (编制数 5e-324 makes 控制率 overflow to Infinity): the finding still
 * says what the figure would be, but writing it would only replace one absurd value with another.
 */
export const MAX_FIX_MAGNITUDE = 1e15;

/**
 * The edit that writes a computed figure into a cell. A percent is written as a fraction with a
 * % format; a number embedded in a label is written back into the label's text. Null when the
 * number is not finite or not below MAX_FIX_MAGNITUDE, or the cell is hidden under another
 * cell's merge (Excel would not show what a fix wrote there): then no fix is offered.
 */
export function editFor(cell: LocatedNumber, value: Decimal, kind: FigureKind): CellEdit | null {
  if (cell.underMerge) return null;
  const number = kind === "percent" ? value.dividedBy(HUNDRED).toNumber() : value.toNumber();
  if (!Number.isFinite(number) || Math.abs(number) >= MAX_FIX_MAGNITUDE || !value.isFinite()) return null;
  if (cell.embedded) {
    return { at: addressOf(cell), before: cell.raw, after: `${cell.embedded.prefix}${fixed2(value)}${cell.embedded.suffix}` };
  }
  return { at: addressOf(cell), before: cell.raw, after: number, numberFormat: NUMBER_FORMAT[kind] };
}

/** Whether a reported figure equals the exact one shown with fewer decimals (rounding, not a mistake). */
export function isRoundingOnly(reported: Decimal, exact: Decimal): boolean {
  return [0, 1].some((places) => exact.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).equals(reported));
}

/** The messages checkDerived reports: a rule that uses it spreads these into its meta.messages. */
export const DERIVED_MESSAGES = {
  blank: { zh: "{what}未填，按公式应为 {expected}（{basis}）", en: "{what} is blank; by its formula it is {expected} ({basis})" },
  notNumber: {
    zh: "{what}应为 {expected}（{basis}），表中为“{found}”，不是数值",
    en: "{what} should be {expected} ({basis}); the cell holds \"{found}\", which is not a number",
  },
  rounding: { zh: "{what}表中为 {found}，精确值为 {expected}（{basis}）：仅为舍入差异", en: "{what} reads {found}; the exact figure is {expected} ({basis}): rounding only" },
  wrong: { zh: "{what}应为 {expected}（{basis}），表中为 {found}{extra}", en: "{what} should be {expected} ({basis}); the sheet says {found}{extra}" },
} as const;

export type DerivedMessageId = keyof typeof DERIVED_MESSAGES;

/** How a figure of a kind is shown in messages. */
export function figureOf(value: Decimal, kind: FigureKind): MessageArg {
  return figure(value, kind);
}

export interface DerivedCheck {
  readonly cell: LocatedNumber;
  /** The computed figure, already rounded as the spec says. */
  readonly expected: Decimal;
  /** The unrounded figure, to tell rounding from a mistake. */
  readonly exact?: Decimal;
  /** Instead of `exact`: whether a reported figure differs only by rounding of the inputs. */
  readonly roundingOnly?: (reported: Decimal) => boolean;
  readonly kind: FigureKind;
  readonly tolerance: Decimal;
  /** The cells it is computed from; a function when listing them is costly (every row of a table), called only for a finding. */
  readonly related: readonly CellAddress[] | (() => readonly CellAddress[]);
  /** Why the figure should be what it is: a clause of the rule's messages ("在职 35 ÷ 编制 21"). */
  readonly basis: MessageArg;
  /** What the figure is, at the start of a sentence ("控制率" / "The staff control rate"). */
  readonly what: Bilingual;
  /** A clause for a specific kind of mistake, with its leading comma (e.g. "，恰为其倒数"). */
  readonly explain?: (reported: Decimal) => MessageArg | null;
  readonly severity?: Severity;
}

/**
 * A derived cell against its recomputation. Blank: info with a fix that fills it in. Text or an
 * Excel error: error with a fix. A different number: error with a fix, or info when only
 * rounding explains it. Returns whether the cell matched.
 */
export function checkDerived(context: RuleContext<DerivedMessageId>, check: DerivedCheck): boolean {
  const { cell, expected, kind } = check;
  // A matching figure (most of them) needs none of the message parts or the fix built below.
  if (cell.parsed.kind === "number" && within(cell.parsed.value, expected, check.tolerance)) return true;
  const base = { at: cell, related: typeof check.related === "function" ? check.related() : check.related, expected: plain(expected), figure: kind };
  const data = { what: label(check.what), expected: figureOf(expected, kind), basis: check.basis };
  const edit = editFor(cell, expected, kind);
  const fix = edit ? { edits: [edit] } : undefined;
  const p = cell.parsed;
  if (p.kind === "blank" || p.kind === "dash") {
    context.report({ ...base, severity: "info", actual: null, fix, messageId: "blank", data });
    return false;
  }
  if (p.kind === "text" || p.kind === "error") {
    const shown = p.kind === "text" ? p.text : p.code;
    context.report({ ...base, severity: check.severity ?? "error", actual: shown, fix, messageId: "notNumber", data: { ...data, found: shown } });
    return false;
  }
  const reported = p.value;
  if (within(reported, expected, check.tolerance)) return true;
  const found = figureOf(reported, kind);
  if (check.roundingOnly ? check.roundingOnly(reported) : check.exact && isRoundingOnly(reported, check.exact)) {
    context.report({ ...base, severity: "info", actual: plain(reported), fix, messageId: "rounding", data: { ...data, found } });
    return false;
  }
  const extra = check.explain?.(reported) ?? NOTHING;
  context.report({ ...base, severity: check.severity ?? "error", actual: plain(reported), fix, messageId: "wrong", data: { ...data, found, extra } });
  return false;
}


/**
 * Whether a cell that should hold a number holds something that is not one: text ("约30") or an
 * Excel error. Its value is unknown, not zero, so no sum that includes it can be recomputed; the
 * cell.* rules report the cell itself. A blank or a dash ("—") means "none" and counts 0.
 */
export function isUnreadable(cell: LocatedNumber | null | undefined): boolean {
  return !!cell && (cell.parsed.kind === "text" || cell.parsed.kind === "error");
}

export function isErrorValue(cell: LocatedNumber): boolean {
  return isCellError(cell.raw) || cell.parsed.kind === "error";
}

/** A term at the start of a sentence: "执行率" / "The execution rate". */
export function subjectOf(term: Bilingual): Bilingual {
  return { zh: term.zh, en: `The ${term.en}` };
}

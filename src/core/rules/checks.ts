/**
 * Shared pieces of rules: describing a cell's value in a message, building the edit that writes
 * a computed figure, and the common "derived cell against its recomputation" check.
 */
import { Decimal, fixed2, HUNDRED, plain, within } from "../numeric/decimal";
import type { LocatedNumber } from "../model/located";
import type { Bilingual, CellEdit, Severity } from "../findings/finding";
import { toA1, type CellAddress } from "../grid/address";
import type { RuleContext } from "./rule";
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
    return { at: cell.at, before: cell.raw, after: `${cell.embedded.prefix}${fixed2(value)}${cell.embedded.suffix}` };
  }
  return { at: cell.at, before: cell.raw, after: number, numberFormat: NUMBER_FORMAT[kind] };
}

/** Whether a reported figure equals the exact one shown with fewer decimals (rounding, not a mistake). */
export function isRoundingOnly(reported: Decimal, exact: Decimal): boolean {
  return [0, 1].some((places) => exact.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).equals(reported));
}

export interface DerivedCheck {
  readonly cell: LocatedNumber;
  /** The computed figure, already rounded as the spec says. */
  readonly expected: Decimal;
  /** The unrounded figure, to tell rounding from a mistake. */
  readonly exact?: Decimal;
  readonly kind: FigureKind;
  readonly tolerance: Decimal;
  readonly related: readonly CellAddress[];
  /** Why the figure should be what it is, e.g. "在职 35 ÷ 编制 21" / "35 on staff ÷ 21 posts". */
  readonly basis: Bilingual;
  readonly what: Bilingual;
  /** Extra sentence for a specific kind of mistake (e.g. "恰为其倒数"). */
  readonly explain?: (reported: Decimal) => Bilingual | null;
  readonly severity?: Severity;
}

/**
 * A derived cell against its recomputation. Blank: info with a fix that fills it in. Text or an
 * Excel error: error with a fix. A different number: error with a fix, or info when only
 * rounding explains it. Returns whether the cell matched.
 */
export function checkDerived(context: RuleContext, check: DerivedCheck): boolean {
  const { cell, expected, kind, what, basis } = check;
  const exp = show(expected, kind);
  const base = { at: cell.at, related: check.related, expected: plain(expected) };
  const edit = editFor(cell, expected, kind);
  const fix = edit ? { edits: [edit] } : undefined;
  const p = cell.parsed;
  if (p.kind === "blank" || p.kind === "dash") {
    context.report({
      ...base, severity: "info", actual: null, fix,
      message: {
        zh: `${what.zh}未填，按公式应为 ${exp}（${basis.zh}）`,
        en: `${what.en} is blank; by its formula it is ${exp} (${basis.en})`,
      },
    });
    return false;
  }
  if (p.kind === "text" || p.kind === "error") {
    const shown = p.kind === "text" ? p.text : p.code;
    context.report({
      ...base, severity: check.severity ?? "error", actual: shown, fix,
      message: {
        zh: `${what.zh}应为 ${exp}（${basis.zh}），表中为“${shown}”，不是数值`,
        en: `${what.en} should be ${exp} (${basis.en}); the cell holds "${shown}", which is not a number`,
      },
    });
    return false;
  }
  const reported = p.value;
  if (within(reported, expected, check.tolerance)) return true;
  const act = show(reported, kind);
  if (check.exact && isRoundingOnly(reported, check.exact)) {
    context.report({
      ...base, severity: "info", actual: plain(reported), fix,
      message: {
        zh: `${what.zh}表中为 ${act}，精确值为 ${exp}（${basis.zh}）：仅为舍入差异`,
        en: `${what.en} reads ${act}; the exact figure is ${exp} (${basis.en}): rounding only`,
      },
    });
    return false;
  }
  const extra = check.explain?.(reported) ?? null;
  context.report({
    ...base, severity: check.severity ?? "error", actual: plain(reported), fix,
    message: {
      zh: `${what.zh}应为 ${exp}（${basis.zh}），表中为 ${act}${extra ? `，${extra.zh}` : ""}`,
      en: `${what.en} should be ${exp} (${basis.en}); the sheet says ${act}${extra ? `, ${extra.en}` : ""}`,
    },
  });
  return false;
}

/** A cell address's display for messages, e.g. "附件2!D4". */
export function cellName(at: CellAddress): string {
  return `${at.sheet}!${toA1(at)}`;
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

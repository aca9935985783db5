/** Turning the cells recognition found into located values. */
import { isPercentFormat, parseCellNumber, parseNumberText, type NumberKind } from "../cells/parse-value";
import { Decimal, HUNDRED } from "../numeric/decimal";
import type { LocatedNumber, LocatedText } from "../model/located";
import { canonicalText, canonicalTextSameLength } from "../text/normalize";
import type { SheetIndex } from "./sheet-index";

/**
 * The number at (row, col). A cell covered by another cell's merge shows nothing in Excel: it
 * reads as blank (a value a snapshot still carries there is hidden) and is marked underMerge, so
 * no fix writes into it.
 */
export function readNumber(index: SheetIndex, row: number, col: number, kind: NumberKind, role: "input" | "derived"): LocatedNumber {
  const cell = index.cell(row, col);
  const merge = index.mergeAt(row, col);
  if (merge && (merge.top !== row || merge.left !== col)) {
    return { sheet: index.name, row, col, raw: cell?.value ?? null, parsed: { kind: "blank" }, value: null, underMerge: true, role, kind };
  }
  const parsed = parseCellNumber(cell, kind);
  const sheet = index.name;
  const raw = cell?.value ?? null;
  const value = parsed.kind === "number" ? parsed.value : null;
  const formula = cell?.formula;
  const numberFormat = cell?.numberFormat;
  // This runs for every number cell of every table: each shape is one literal, with no spread and
  // no property added afterwards (which would allocate a second block for the object).
  if (formula === undefined) {
    return numberFormat === undefined ? { sheet, row, col, raw, parsed, value, role, kind } : { sheet, row, col, raw, parsed, value, role, kind, numberFormat };
  }
  return numberFormat === undefined ? { sheet, row, col, raw, parsed, value, role, kind, formula } : { sheet, row, col, raw, parsed, value, role, kind, formula, numberFormat };
}

export function readText(index: SheetIndex, row: number, col: number): LocatedText | null {
  const merge = index.mergeAt(row, col);
  const r = merge ? merge.top : row;
  const c = merge ? merge.left : col;
  const value = index.cell(r, c)?.value;
  const text = typeof value === "string" ? value : "";
  if (text.trim() === "") return typeof value === "number" ? { sheet: index.name, row: r, col: c, text: String(value) } : null;
  return { sheet: index.name, row: r, col: c, text };
}

/**
 * Text of a cell even when it holds a number (年度指标值 typed as 30 instead of "30次"). A number
 * shown as a percentage (0.95 formatted 0%) reads as the user sees it, "95%": compared with a
 * target of ≥90% it is 95, not 0.95.
 */
export function readAnyText(index: SheetIndex, row: number, col: number): LocatedText | null {
  const merge = index.mergeAt(row, col);
  const r = merge ? merge.top : row;
  const c = merge ? merge.left : col;
  const cell = index.cell(r, c);
  const value = cell?.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "object") return { sheet: index.name, row: r, col: c, text: value.error };
  if (typeof value === "number" && Number.isFinite(value) && isPercentFormat(cell?.numberFormat)) {
    return { sheet: index.name, row: r, col: c, text: `${new Decimal(value).times(HUNDRED).toFixed()}%` };
  }
  const text = typeof value === "string" ? value : String(value);
  if (text.trim() === "") return null;
  return { sheet: index.name, row: r, col: c, text };
}

/**
 * A number written inside a label ("按收入性质分：982.60"): the keyword is found in the
 * canonical text, and whatever follows it (after a colon) is the value. The text around the
 * number is kept so a fix rewrites only the number.
 */
export function readEmbeddedNumber(index: SheetIndex, row: number, col: number, keyword: RegExp): LocatedNumber | null {
  const cell = index.cell(row, col);
  if (!cell || typeof cell.value !== "string") return null;
  const raw = cell.value;
  const canonical = canonicalTextSameLength(raw);
  const match = keyword.exec(canonical);
  if (!match) return null;
  let start = match.index + match[0].length;
  const colon = /^\s*[:]?\s*/.exec(canonical.slice(start));
  start += colon ? colon[0].length : 0;
  const rest = canonical.slice(start);
  const numberMatch = /^[+-]?[\d,]*\.?\d+\s*(?:万元|亿元|千元|万|亿|元)?/.exec(rest);
  const text = numberMatch ? numberMatch[0] : "";
  const parsed = text ? parseNumberText(text, "amount") : rest.trim() === "" ? ({ kind: "blank" } as const) : parseNumberText(rest, "amount");
  const end = start + text.length;
  return {
    sheet: index.name,
    row,
    col,
    raw,
    parsed,
    value: parsed.kind === "number" ? parsed.value : null,
    embedded: { prefix: raw.slice(0, start), suffix: raw.slice(end) },
    role: "input",
    kind: "amount",
  };
}

/** First year written in a text ("2023年度…", "（2023年完工项目）"). */
export function yearIn(text: string): number | null {
  const match = /(19|20)\d{2}(?=\s*年)/.exec(canonicalText(text));
  return match ? Number(match[0]) : null;
}

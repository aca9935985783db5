/**
 * Cell addresses: 0-based row/column inside the core, A1 text only at the edges.
 * One converter pair (toA1 / fromA1) so no code does its own letter arithmetic.
 */
export interface CellAddress {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/**
 * A plain copy of an address: for keeping one that came with something larger (a located value
 * is its own cell's address), so a finding or an edit holds three fields, not the parsed figure.
 */
export function addressOf(address: CellAddress): CellAddress {
  return { sheet: address.sheet, row: address.row, col: address.col };
}

export interface CellRange {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B7" for {row: 6, col: 1}. The sheet is not part of the A1 text; see qualifiedA1. */
export function toA1(address: { row: number; col: number }): string {
  return `${columnLetters(address.col)}${address.row + 1}`;
}

export function rangeToA1(range: CellRange): string {
  const start = toA1({ row: range.top, col: range.left });
  if (range.top === range.bottom && range.left === range.right) return start;
  return `${start}:${toA1({ row: range.bottom, col: range.right })}`;
}

const A1_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Parses "B7" (or "$B$7"); returns null for anything else. */
export function fromA1(text: string, sheet = ""): CellAddress | null {
  const match = A1_PATTERN.exec(text.trim());
  if (!match) return null;
  return { sheet, row: Number(match[2]) - 1, col: columnIndex(match[1]!) };
}

export function parseRangeA1(text: string, sheet = ""): CellRange | null {
  const [first, second] = text.split(":");
  const start = fromA1(first ?? "", sheet);
  const end = second === undefined ? start : fromA1(second, sheet);
  if (!start || !end) return null;
  return {
    sheet,
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** 'Sheet name'!B7, quoted as Excel quotes sheet names. */
export function qualifiedA1(address: CellAddress): string {
  return `${quoteSheetName(address.sheet)}!${toA1(address)}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sameAddress(a: CellAddress, b: CellAddress): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

/** A cell as messages and lists show it: "附件2!D4" (sheet name as written, never quoted). */
export function cellLabel(address: CellAddress): string {
  return `${address.sheet}!${toA1(address)}`;
}

/** The one key for maps and sets of cells (a sheet name may contain "!" or ":"; it never contains NUL). */
export function addressKey(address: CellAddress): string {
  return `${address.sheet}\u0000${address.row}\u0000${address.col}`;
}

export function compareAddresses(a: CellAddress, b: CellAddress): number {
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  return a.row - b.row || a.col - b.col;
}

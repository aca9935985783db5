import type { CellAddress, CellRange } from "./address";

/** An Excel error literal as a cell holds it, e.g. "#DIV/0!". */
export interface CellError {
  readonly error: string;
}

/** What a cell holds after calculation. Dates are handed over as their ISO text by adapters. */
export type CellValue = string | number | boolean | CellError | null;

export interface Cell {
  /** Raw value: a percent cell holds 0.6 and the format "0%". */
  readonly value: CellValue;
  /** The formula text ("=C7/B7") when the cell has one; value is then its cached result. */
  readonly formula?: string;
  readonly numberFormat?: string;
  /** Fill colour ("#FFF2CC"); hosts carry it so a revert can restore it. The rules ignore it. */
  readonly fill?: string;
  /** Target of an internal hyperlink ("'附件2'!D4"), as the report sheet writes them. */
  readonly link?: string;
  /** Horizontal alignment a host wrote (the report sheet's figures are right-aligned). The rules ignore it. */
  readonly align?: "left" | "center" | "right";
}

/** A read-only view of one worksheet. The core never mutates it. */
export interface SheetGrid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  readonly merges: readonly CellRange[];
  readonly protected?: boolean;
  cell(row: number, col: number): Cell | undefined;
  /**
   * Visits every stored cell, in any order. Optional: without it readers scan rowCount × colCount,
   * which is slow when a sheet is large but nearly empty (a stray cell or merge far down).
   */
  forEachCell?(visit: (row: number, col: number, cell: Cell) => void): void;
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetGrid[];
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && "error" in value;
}

export function cellAt(workbook: WorkbookSnapshot, address: CellAddress): Cell | undefined {
  return workbook.sheets.find((s) => s.name === address.sheet)?.cell(address.row, address.col);
}

/**
 * A sheet backed by a sparse map, built by every adapter (xlsx, Office, memory).
 * Keeping one implementation means recognition behaves the same whatever the host.
 */
export class SparseSheet implements SheetGrid {
  private readonly cells = new Map<number, Map<number, Cell>>();
  private maxRow = -1;
  private maxCol = -1;
  readonly merges: CellRange[] = [];
  protected = false;

  constructor(readonly name: string) {}

  get rowCount(): number {
    return this.maxRow + 1;
  }

  get colCount(): number {
    return this.maxCol + 1;
  }

  set(row: number, col: number, cell: Cell): void {
    if (cell.value === null && cell.formula === undefined && cell.numberFormat === undefined && cell.fill === undefined) {
      this.clear(row, col);
      return;
    }
    let rowMap = this.cells.get(row);
    if (!rowMap) {
      rowMap = new Map();
      this.cells.set(row, rowMap);
    }
    rowMap.set(col, cell);
    if (row > this.maxRow) this.maxRow = row;
    if (col > this.maxCol) this.maxCol = col;
  }

  clear(row: number, col: number): void {
    this.cells.get(row)?.delete(col);
  }

  addMerge(range: CellRange): void {
    this.merges.push(range);
    if (range.bottom > this.maxRow) this.maxRow = range.bottom;
    if (range.right > this.maxCol) this.maxCol = range.right;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.cells.get(row)?.get(col);
  }

  /** At least this size (a sheet handed between threads keeps the size it had). */
  extendTo(rowCount: number, colCount: number): void {
    this.maxRow = Math.max(this.maxRow, rowCount - 1);
    this.maxCol = Math.max(this.maxCol, colCount - 1);
  }

  forEachCell(visit: (row: number, col: number, cell: Cell) => void): void {
    // forEach rather than for-of over entries: an entry array (and an iterator result) per cell
    // was a fifth of all that a check of a large table allocated.
    this.cells.forEach((rowMap, row) => rowMap.forEach((cell, col) => visit(row, col, cell)));
  }
}

/**
 * A cell as the core may rely on it, whatever a host handed over: hosts are typed, but a buggy
 * adapter, a Date from a library or a hand-built snapshot can still put other things in a cell
 * at run time. A Date becomes its ISO text (as adapters hand dates over); an error object keeps
 * its code; anything else that is not a CellValue becomes its text, or blank when it has none.
 * A valid cell is returned as it is, so this costs a few type checks per read.
 */
export function safeCell(cell: unknown): Cell | undefined {
  if (typeof cell !== "object" || cell === null) return undefined;
  const c = cell as { value?: unknown; formula?: unknown; numberFormat?: unknown; fill?: unknown; link?: unknown };
  const value = safeValue(c.value);
  const wellFormed = value === c.value
    && (c.formula === undefined || typeof c.formula === "string")
    && (c.numberFormat === undefined || typeof c.numberFormat === "string")
    && (c.fill === undefined || typeof c.fill === "string")
    && (c.link === undefined || typeof c.link === "string");
  if (wellFormed) return cell as Cell;
  return {
    value,
    ...(typeof c.formula === "string" ? { formula: c.formula } : {}),
    ...(typeof c.numberFormat === "string" ? { numberFormat: c.numberFormat } : {}),
    ...(typeof c.fill === "string" ? { fill: c.fill } : {}),
    ...(typeof c.link === "string" ? { link: c.link } : {}),
  };
}

function safeValue(value: unknown): CellValue {
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return value;
    case "undefined":
      return null;
    case "bigint":
      return Number(value);
    case "object": {
      if (value === null) return null;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
      const error = (value as { error?: unknown }).error;
      if (typeof error === "string") return Object.keys(value).length === 1 ? (value as CellError) : { error };
      return textOf(value);
    }
    default:
      return textOf(value);
  }
}

function textOf(value: unknown): string | null {
  try {
    const text = String(value);
    return text === "" ? null : text;
  } catch {
    // An object whose toString throws (or a Symbol.toPrimitive that does): nothing to show.
    return null;
  }
}

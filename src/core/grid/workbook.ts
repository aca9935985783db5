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
}

/** A read-only view of one worksheet. The core never mutates it. */
export interface SheetGrid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  readonly merges: readonly CellRange[];
  readonly protected?: boolean;
  cell(row: number, col: number): Cell | undefined;
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
}

/**
 * A searchable view of one sheet for recognition: every visible text cell with its normalized
 * label, by row, and the merged areas, so "the value beside a label" skips the label's own
 * merged cells. Built once per sheet; every lookup is then O(1) or O(log n), so validation stays
 * linear in the size of the sheet.
 */
import type { CellAddress, CellRange } from "../grid/address";
import { safeCell, type Cell, type SheetGrid } from "../grid/workbook";
import { normalizeLabel } from "../text/normalize";

export interface LabelCell {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly label: string;
}

const NO_LABELS: readonly LabelCell[] = [];
/** Headers of real forms sit in the first few dozen columns; a hostile sheet 16,384 wide is not scanned across. */
const HEADER_SCAN_COLS = 256;

export class SheetIndex {
  /**
   * The labels, row-major (by row, then by column: find/first rely on it to cut out a row span),
   * as parallel arrays: position, text as written, normalized label. A LabelCell object is made
   * only for a label handed out (a match, a row asked for); a 20,000-row table has some 100,000
   * labels and recognition hands out a few hundred.
   */
  private readonly labelRows: Int32Array;
  private readonly labelCols: Int32Array;
  private readonly labelTexts: string[];
  /** Every normalized label, row-major (what chooseProfile reads). */
  readonly normalizedLabels: readonly string[];
  /** The one object a predicate of find/first/firstInRow is given, refilled for each label. */
  private readonly cursor: { row: number; col: number; text: string; label: string } = { row: 0, col: 0, text: "", label: "" };
  /** Merged area by covered cell, keyed row × mergeWidth + col: numeric keys make no garbage. */
  private readonly mergeByCell = new Map<number, CellRange>();
  /**
   * The same, as a dense grid (index into `indexedMerges` + 1, 0 for none) when the merged rows
   * times mergeWidth stay small: every cell read asks for its merge, and an array index is much
   * cheaper than a Map lookup. Large sparse sheets keep the Map.
   */
  private mergeGrid: Int32Array | null = null;
  private readonly indexedMerges: CellRange[] = [];
  /** Every stored cell by row × colCount + col, when the sheet is small enough to hold densely. */
  private cellGrid: (Cell | undefined)[] | null = null;
  private readonly mergeWidth: number;
  /** Merges too large or too odd to index cell by cell (a hostile A1:XFD1048576): checked one by one. */
  private readonly hugeMerges: CellRange[] = [];
  /** The sheet's size, within Excel's limits (a host claiming more, or NaN, is not believed). */
  readonly rowCount: number;
  readonly colCount: number;
  /**
   * Every cell holding something (not blank, not only spaces), row-major, as row × MAX_COLS + col
   * (exact in a double). A row's cells and labels are contiguous runs of these and of the label
   * arrays, found through `rowsFilled` (the distinct rows, ascending) and the run starts beside them.
   * Typed arrays rather than an array per row, or even two growing number arrays: on a 20,000-row
   * table those were most of what building the index allocated.
   */
  private readonly filledKeys: Float64Array;
  private readonly rowsFilled: Int32Array;
  private readonly filledStart: Int32Array;
  private readonly labelStart: Int32Array;

  constructor(readonly sheet: SheetGrid) {
    const indexable = (m: CellRange) => [m.top, m.left, m.bottom, m.right].every(Number.isInteger)
      && m.top >= 0 && m.left >= 0 && m.right < MAX_COLS && m.bottom < MAX_ROWS
      && (m.bottom - m.top + 1) * (m.right - m.left + 1) <= HUGE_MERGE_CELLS;
    let width = 1;
    for (const merge of sheet.merges) {
      if (indexable(merge)) width = Math.max(width, merge.right + 1);
      else this.hugeMerges.push(merge);
    }
    this.mergeWidth = width;
    let mergedRows = 0;
    for (const merge of sheet.merges) if (indexable(merge)) mergedRows = Math.max(mergedRows, merge.bottom + 1);
    if (mergedRows * width <= DENSE_LIMIT) this.mergeGrid = new Int32Array(mergedRows * width);
    for (const merge of sheet.merges) {
      if (!indexable(merge)) continue;
      // Large merges (a whole footer row) are few; index every covered cell for O(1) lookups.
      this.indexedMerges.push(merge);
      const id = this.indexedMerges.length;
      for (let r = merge.top; r <= merge.bottom; r++) {
        for (let c = merge.left; c <= merge.right; c++) {
          if (this.mergeGrid) this.mergeGrid[r * width + c] = id;
          else this.mergeByCell.set(r * width + c, merge);
        }
      }
    }
    const rowCount = withinSheetLimit(sheet.rowCount, MAX_ROWS);
    const colCount = withinSheetLimit(sheet.colCount, MAX_COLS);
    this.rowCount = rowCount;
    this.colCount = colCount;
    // Only for sheets that hand over their cells in one pass (every adapter's SparseSheet): a
    // grid read cell by cell keeps being asked, so a host that fails on a later read still
    // fails inside the table being parsed (reported unreadable), not for the whole workbook.
    const dense = sheet.forEachCell && rowCount * colCount <= DENSE_LIMIT ? new Array<Cell | undefined>(rowCount * colCount) : null;
    let labelRows = new Int32Array(INITIAL_LABELS);
    let labelCols = new Int32Array(INITIAL_LABELS);
    const labelTexts: string[] = [];
    const labels: string[] = [];
    let keys = new Float64Array(Math.min(Math.max(16, rowCount * colCount), INITIAL_KEYS));
    let count = 0;
    let ordered = true;
    const visit = (row: number, col: number, raw: unknown) => {
      // A host may hand over anything as a position: only cells inside the sheet count.
      if (!(Number.isInteger(row) && Number.isInteger(col) && row >= 0 && col >= 0 && row < rowCount && col < colCount)) return;
      const cell = safeCell(raw);
      if (dense && cell) dense[row * colCount + col] = cell;
      const value = cell?.value;
      if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return;
      const key = row * MAX_COLS + col;
      if (count > 0 && key < keys[count - 1]!) ordered = false;
      if (count === keys.length) keys = doubled(keys);
      keys[count++] = key;
      if (typeof value !== "string") return;
      // Excel shows only the top-left value of a merged area; a value a snapshot still carries
      // under it (WPS files, hand-built specs) is invisible to the user and must not be a label.
      const merge = this.mergeAt(row, col);
      if (merge && (merge.top !== row || merge.left !== col)) return;
      const at = labels.length;
      if (at === labelRows.length) {
        labelRows = doubled(labelRows);
        labelCols = doubled(labelCols);
      }
      labelRows[at] = row;
      labelCols[at] = col;
      labelTexts.push(value);
      labels.push(normalizeLabel(value));
    };
    if (sheet.forEachCell) {
      // Sparse: the cost follows the cells stored, not the area a stray far cell or merge spans.
      sheet.forEachCell(visit);
      // Readers hand cells over row by row; a host that does not is put in order here.
      if (!ordered) {
        keys.subarray(0, count).sort();
        // The four label arrays in row-major order, through one sorted permutation.
        const order = labels.map((_, i) => i).sort((x, y) => labelRows[x]! - labelRows[y]! || labelCols[x]! - labelCols[y]!);
        const rowsBefore = labelRows.slice();
        const colsBefore = labelCols.slice();
        const textsBefore = labelTexts.slice();
        const labelsBefore = labels.slice();
        order.forEach((from, to) => {
          labelRows[to] = rowsBefore[from]!;
          labelCols[to] = colsBefore[from]!;
          labelTexts[to] = textsBefore[from]!;
          labels[to] = labelsBefore[from]!;
        });
      }
    } else {
      for (let row = 0; row < rowCount; row++) for (let col = 0; col < colCount; col++) visit(row, col, sheet.cell(row, col));
    }
    this.labelRows = trimmed(labelRows, labels.length);
    this.labelCols = trimmed(labelCols, labels.length);
    this.labelTexts = labelTexts;
    this.normalizedLabels = labels;
    this.cellGrid = dense;
    this.filledKeys = trimmed(keys, count);
    const rows = new Int32Array(count);
    const filledStart = new Int32Array(count + 1);
    const labelStart = new Int32Array(count + 1);
    let distinct = 0;
    let label = 0;
    for (let i = 0; i < count; i++) {
      const row = Math.floor(keys[i]! / MAX_COLS);
      if (distinct > 0 && rows[distinct - 1] === row) continue;
      while (label < labels.length && labelRows[label]! < row) label++;
      rows[distinct] = row;
      filledStart[distinct] = i;
      labelStart[distinct] = label;
      distinct++;
    }
    filledStart[distinct] = count;
    labelStart[distinct] = labels.length;
    // Sized for a row per cell; kept at the number of rows.
    this.rowsFilled = rows.slice(0, distinct);
    this.filledStart = filledStart.slice(0, distinct + 1);
    this.labelStart = labelStart.slice(0, distinct + 1);
  }

  get name(): string {
    return this.sheet.name;
  }

  address(row: number, col: number): CellAddress {
    return { sheet: this.sheet.name, row, col };
  }

  /** The cell at (row, col) as the core may rely on it (see safeCell). */
  cell(row: number, col: number): Cell | undefined {
    if (this.cellGrid && row >= 0 && col >= 0 && row < this.rowCount && col < this.colCount) return this.cellGrid[row * this.colCount + col];
    return safeCell(this.sheet.cell(row, col));
  }

  /** The merged area covering a cell, if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    let indexed: CellRange | undefined;
    if (col >= 0 && col < this.mergeWidth && row >= 0) {
      if (this.mergeGrid) {
        const at = row * this.mergeWidth + col;
        const id = at < this.mergeGrid.length ? this.mergeGrid[at]! : 0;
        indexed = id > 0 ? this.indexedMerges[id - 1] : undefined;
      } else {
        indexed = this.mergeByCell.get(row * this.mergeWidth + col);
      }
    }
    if (indexed || this.hugeMerges.length === 0) return indexed;
    return this.hugeMerges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** The top-left cell of the merged area covering (row, col), or the cell itself. */
  master(row: number, col: number): { row: number; col: number } {
    const merge = this.mergeAt(row, col);
    return merge ? { row: merge.top, col: merge.left } : { row, col };
  }

  /** Last column covered by the cell at (row, col), counting its merge. */
  rightEdge(row: number, col: number): number {
    return this.mergeAt(row, col)?.right ?? col;
  }

  bottomEdge(row: number, col: number): number {
    return this.mergeAt(row, col)?.bottom ?? row;
  }

  /** The text shown at (row, col), reading through merges (a merged label covers its rows). */
  textAt(row: number, col: number): string {
    const m = this.master(row, col);
    const value = this.cell(m.row, m.col)?.value;
    return typeof value === "string" ? value : "";
  }

  labelAt(row: number, col: number): string {
    return normalizeLabel(this.textAt(row, col));
  }

  /** Every label, as objects (made on each call: for tests and lists, not for scanning). */
  get labels(): readonly LabelCell[] {
    return this.normalizedLabels.map((_, i) => this.labelCell(i));
  }

  /**
   * The labels the predicate accepts, in row order (within `rows` when given). The cell a
   * predicate is given is one object refilled for each label: valid during the call only.
   */
  find(predicate: (label: string, cell: LabelCell) => boolean, rows?: RowSpan): LabelCell[] {
    const out: LabelCell[] = [];
    const [start, end] = this.span(rows);
    for (let i = start; i < end; i++) if (predicate(this.normalizedLabels[i]!, this.cursorAt(i))) out.push(this.labelCell(i));
    return out;
  }

  /** The first label the predicate accepts (the cell it is given as for find). */
  first(predicate: (label: string, cell: LabelCell) => boolean, rows?: RowSpan): LabelCell | undefined {
    const [start, end] = this.span(rows);
    for (let i = start; i < end; i++) if (predicate(this.normalizedLabels[i]!, this.cursorAt(i))) return this.labelCell(i);
    return undefined;
  }

  /** Labels of one row, left to right. */
  rowLabels(row: number): readonly LabelCell[] {
    const at = this.rowPosition(row);
    if (at < 0) return NO_LABELS;
    const start = this.labelStart[at]!;
    const end = this.labelStart[at + 1]!;
    if (start === end) return NO_LABELS;
    const out: LabelCell[] = [];
    for (let i = start; i < end; i++) out.push(this.labelCell(i));
    return out;
  }

  /**
   * The first label of a row, left to right, that the predicate accepts (given the cell as find
   * gives it): rowLabels(row).find without making the row's labels.
   */
  firstInRow(row: number, predicate: (cell: LabelCell) => boolean): LabelCell | undefined {
    const at = this.rowPosition(row);
    if (at < 0) return undefined;
    for (let i = this.labelStart[at]!, end = this.labelStart[at + 1]!; i < end; i++) if (predicate(this.cursorAt(i))) return this.labelCell(i);
    return undefined;
  }

  private labelCell(i: number): LabelCell {
    return { row: this.labelRows[i]!, col: this.labelCols[i]!, text: this.labelTexts[i]!, label: this.normalizedLabels[i]! };
  }

  private cursorAt(i: number): LabelCell {
    const cursor = this.cursor;
    cursor.row = this.labelRows[i]!;
    cursor.col = this.labelCols[i]!;
    cursor.text = this.labelTexts[i]!;
    cursor.label = this.normalizedLabels[i]!;
    return cursor;
  }

  /** Where a row is among the rows holding something, or -1 (binary search). */
  private rowPosition(row: number): number {
    const rows = this.rowsFilled;
    let low = 0;
    let high = rows.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = rows[mid]!;
      if (at === row) return mid;
      if (at < row) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** Index range [start, end) of the labels inside a row span, by binary search on the row order. */
  private span(rows: RowSpan | undefined): [number, number] {
    if (!rows) return [0, this.normalizedLabels.length];
    return [this.firstIndexAtOrAfter(rows.from), this.firstIndexAtOrAfter(rows.to + 1)];
  }

  private firstIndexAtOrAfter(row: number): number {
    let low = 0;
    let high = this.normalizedLabels.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.labelRows[mid]! < row) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The first column of a row that holds something, if any. */
  firstFilledColumn(row: number): number | undefined {
    const at = this.rowPosition(row);
    return at < 0 ? undefined : this.filledKeys[this.filledStart[at]!]! - row * MAX_COLS;
  }

  /** How many cells of a row hold something. */
  filledCount(row: number): number {
    const at = this.rowPosition(row);
    return at < 0 ? 0 : this.filledStart[at + 1]! - this.filledStart[at]!;
  }

  /**
   * The visible cells of a row, left to right, each once: a merged area counts once, at its
   * first column, whether it starts on this row or covers it from above. What a person sees when
   * reading the row across (a header merged down from the row above included).
   */
  visibleTexts(row: number, maxCols = HEADER_SCAN_COLS): { col: number; text: string; label: string; top: number; bottom: number }[] {
    const out: { col: number; text: string; label: string; top: number; bottom: number }[] = [];
    const limit = Math.min(this.colCount, maxCols);
    for (let col = 0; col < limit; col = this.rightEdge(row, col) + 1) {
      const merge = this.mergeAt(row, col);
      const text = this.textAt(row, col);
      if (text.trim() === "") continue;
      out.push({ col, text, label: normalizeLabel(text), top: merge?.top ?? row, bottom: merge?.bottom ?? row });
    }
    return out;
  }

  /** Whether the row holds nothing from fromCol to toCol (spaces count as nothing). */
  isRowBlank(row: number, fromCol = 0, toCol = this.colCount - 1): boolean {
    const at = this.rowPosition(row);
    if (at < 0) return true;
    for (let i = this.filledStart[at]!, end = this.filledStart[at + 1]!; i < end; i++) {
      const col = this.filledKeys[i]! - row * MAX_COLS;
      if (col >= fromCol && col <= toCol) return false;
    }
    return true;
  }
}

/** Excel's own limits: a host claiming more (or NaN) is not believed. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** A whole row of an 80-column sheet is 80 cells; no real form merges anything near this. */
const HUGE_MERGE_CELLS = 100_000;
/** Room for this many labels at first; more grow it by doubling. */
const INITIAL_LABELS = 1024;

type GrowingArray = Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** The array at twice its length, its contents kept (the arrays the index fills grow this way). */
function doubled<A extends GrowingArray>(array: A): A {
  const bigger = new (array.constructor as new (length: number) => A)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The first `used` entries, copied when the doubling left much slack: it is not kept for the life of the index. */
function trimmed<A extends GrowingArray>(array: A, used: number): A {
  return array.length > used + used / 4 ? (array.slice(0, used) as A) : array;
}

/** Room for this many filled cells at first; a larger sheet grows it by doubling. */
const INITIAL_KEYS = 65_536;
/** Grids up to this many cells are indexed densely (a 20,000-row, 10-column table is 200,000; at most 8 MB). */
const DENSE_LIMIT = 1_000_000;

function withinSheetLimit(count: number, limit: number): number {
  return Number.isFinite(count) && count > 0 ? Math.min(Math.floor(count), limit) : 0;
}

export interface RowSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * A searchable view of one sheet for recognition: every text cell with its normalized label,
 * and the merged areas, so "the value beside a label" skips the label's own merged cells.
 */
import type { CellAddress, CellRange } from "../grid/address";
import type { Cell, SheetGrid } from "../grid/workbook";
import { normalizeLabel } from "../text/normalize";

export interface LabelCell {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly label: string;
}

export class SheetIndex {
  readonly labels: readonly LabelCell[];
  private readonly mergeByCell = new Map<string, CellRange>();

  constructor(readonly sheet: SheetGrid) {
    const labels: LabelCell[] = [];
    for (let row = 0; row < sheet.rowCount; row++) {
      for (let col = 0; col < sheet.colCount; col++) {
        const value = sheet.cell(row, col)?.value;
        if (typeof value === "string" && value.trim() !== "") {
          labels.push({ row, col, text: value, label: normalizeLabel(value) });
        }
      }
    }
    this.labels = labels;
    for (const merge of sheet.merges) {
      // Large merges (a whole footer row) are few; index every covered cell for O(1) lookups.
      for (let r = merge.top; r <= merge.bottom; r++) {
        for (let c = merge.left; c <= merge.right; c++) this.mergeByCell.set(`${r}:${c}`, merge);
      }
    }
  }

  get name(): string {
    return this.sheet.name;
  }

  address(row: number, col: number): CellAddress {
    return { sheet: this.sheet.name, row, col };
  }

  cell(row: number, col: number): Cell | undefined {
    return this.sheet.cell(row, col);
  }

  /** The merged area covering a cell, if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    return this.mergeByCell.get(`${row}:${col}`);
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
    const value = this.sheet.cell(m.row, m.col)?.value;
    return typeof value === "string" ? value : "";
  }

  labelAt(row: number, col: number): string {
    return normalizeLabel(this.textAt(row, col));
  }

  find(predicate: (label: string, cell: LabelCell) => boolean, rows?: RowSpan): LabelCell[] {
    return this.labels.filter((l) => (!rows || (l.row >= rows.from && l.row <= rows.to)) && predicate(l.label, l));
  }

  first(predicate: (label: string, cell: LabelCell) => boolean, rows?: RowSpan): LabelCell | undefined {
    return this.labels.find((l) => (!rows || (l.row >= rows.from && l.row <= rows.to)) && predicate(l.label, l));
  }

  /** Labels of one row, left to right. */
  rowLabels(row: number): LabelCell[] {
    return this.labels.filter((l) => l.row === row);
  }

  isRowBlank(row: number, fromCol = 0, toCol = this.sheet.colCount - 1): boolean {
    for (let c = fromCol; c <= toCol; c++) {
      const v = this.sheet.cell(row, c)?.value;
      if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return false;
    }
    return true;
  }
}

export interface RowSpan {
  readonly from: number;
  readonly to: number;
}

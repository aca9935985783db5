/**
 * The in-memory workbook: a host for tests and the browser demo. It applies fix plans with the
 * same promise as the Office and .xlsx adapters: an edit is written only when the cell still
 * holds what validation saw, never over a formula, and text is always stored as text.
 */
import type { CellEdit } from "../../core/findings/finding";
import { SparseSheet, isCellError, type Cell, type CellValue, type WorkbookSnapshot } from "../../core/grid/workbook";
import { snapshotFromSpec, type WorkbookSpec } from "./grid-spec";

export interface ApplyResult {
  readonly applied: readonly CellEdit[];
  /** Edits refused because the cell changed since validation, holds a formula, or is gone. */
  readonly stale: readonly CellEdit[];
}

/** Excel reads a blank cell as "", so "" and blank are the same value here, as in the Office host. */
export function sameCellValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a === "" || a === undefined ? null : a;
  const y = b === "" || b === undefined ? null : b;
  if (isCellError(x) || isCellError(y)) return isCellError(x) && isCellError(y) && x.error === y.error;
  return x === y;
}

export class MemoryWorkbook {
  private readonly sheets: SparseSheet[];

  constructor(snapshot: WorkbookSnapshot) {
    this.sheets = snapshot.sheets.map((s) => copySheet(s));
  }

  static fromSpec(spec: WorkbookSpec): MemoryWorkbook {
    return new MemoryWorkbook(snapshotFromSpec(spec));
  }

  /** A snapshot independent of later edits. */
  read(): WorkbookSnapshot {
    return { sheets: this.sheets.map((s) => copySheet(s)) };
  }

  cell(sheet: string, row: number, col: number): Cell | undefined {
    return this.sheets.find((s) => s.name === sheet)?.cell(row, col);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  sheet(name: string): SparseSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Adds a sheet, or replaces the one of the same name in place (the report sheet is refreshed). */
  putSheet(sheet: SparseSheet): void {
    const index = this.sheets.findIndex((s) => s.name === sheet.name);
    if (index >= 0) this.sheets[index] = sheet;
    else this.sheets.push(sheet);
  }

  removeSheet(name: string): void {
    const index = this.sheets.findIndex((s) => s.name === name);
    if (index >= 0) this.sheets.splice(index, 1);
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    if (!sheet) return;
    const renamed = copySheet(sheet, to);
    this.sheets[this.sheets.indexOf(sheet)] = renamed;
  }

  /** Writes a cell directly, as a user typing would (tests use it to simulate concurrent edits). */
  setCell(sheet: string, row: number, col: number, cell: Cell): void {
    const target = this.sheets.find((s) => s.name === sheet);
    if (!target) throw new Error(`no sheet ${sheet}`);
    target.set(row, col, cell);
  }

  apply(edits: readonly CellEdit[]): ApplyResult {
    const applied: CellEdit[] = [];
    const stale: CellEdit[] = [];
    for (const edit of edits) {
      const sheet = this.sheets.find((s) => s.name === edit.at.sheet);
      const current = sheet?.cell(edit.at.row, edit.at.col);
      if (!sheet || sheet.protected || current?.formula !== undefined || !sameCellValue(current?.value, edit.before)) {
        stale.push(edit);
        continue;
      }
      sheet.set(edit.at.row, edit.at.col, {
        value: edit.after,
        ...(edit.numberFormat ?? current?.numberFormat ? { numberFormat: edit.numberFormat ?? current?.numberFormat } : {}),
      });
      applied.push(edit);
    }
    return { applied, stale };
  }
}

function copySheet(source: WorkbookSnapshot["sheets"][number], name = source.name): SparseSheet {
  const copy = new SparseSheet(name);
  for (let r = 0; r < source.rowCount; r++) {
    for (let c = 0; c < source.colCount; c++) {
      const cell = source.cell(r, c);
      if (cell) copy.set(r, c, cell);
    }
  }
  for (const m of source.merges) copy.addMerge(m);
  copy.protected = source.protected ?? false;
  return copy;
}

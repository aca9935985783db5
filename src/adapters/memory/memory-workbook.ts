/**
 * The in-memory workbook: a host for tests and the browser demo. It applies fix plans through the
 * same write planner as the Office host, the memory host and the .xlsx writer
 * (src/host/write-plan.ts): an edit is written only when the cell still holds what validation
 * saw, never over a formula or into a merged area's hidden cells, and text is stored as text.
 */
import type { CellEdit } from "../../core/findings/finding";
import type { CellAddress } from "../../core/grid/address";
import { SparseSheet, type Cell, type WorkbookSnapshot } from "../../core/grid/workbook";
import { planApply, type CellNow, type CellState } from "../../host/write-plan";
import { snapshotFromSpec, type WorkbookSpec } from "./grid-spec";

export interface ApplyResult {
  readonly applied: readonly CellEdit[];
  /**
   * Edits refused because the cell changed since validation, holds a formula, lies inside a
   * merged area, or is gone; every edit when one of them aims at a protected sheet (nothing is
   * written then, as a host refuses the whole batch).
   */
  readonly stale: readonly CellEdit[];
}

/** "" and blank are the same value, as in every host (the planner's rule). */
export { sameCellValue } from "../../host/write-plan";

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

  /** A cell as the write planner needs it. */
  cellNow(at: CellAddress): CellNow {
    const sheet = this.sheet(at.sheet);
    if (!sheet) return { sheetExists: false };
    const cell = sheet.cell(at.row, at.col);
    const merged = sheet.merges.some((m) => at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right && !(at.row === m.top && at.col === m.left));
    return {
      sheetExists: true, merged,
      value: cell?.value ?? null, formula: cell?.formula ?? null, numberFormat: cell?.numberFormat ?? null, fill: cell?.fill ?? null,
    };
  }

  /** Puts a cell into a state the planner decided (BLANK_STATE clears it). The sheet must exist. */
  writeState(at: CellAddress, state: CellState): void {
    const sheet = this.sheet(at.sheet);
    if (!sheet) throw new Error(`no sheet ${at.sheet}`);
    // SparseSheet.set clears a cell that holds nothing.
    sheet.set(at.row, at.col, {
      value: state.value,
      ...(state.formula !== null ? { formula: state.formula } : {}),
      ...(state.numberFormat !== null ? { numberFormat: state.numberFormat } : {}),
      ...(state.fill !== null ? { fill: state.fill } : {}),
    });
  }

  /**
   * Applies fixes as a host would, through the same planner, but bare: no highlight fill and no
   * revert log (like the .xlsx writer's copy). A protected sheet refuses the whole batch.
   */
  apply(edits: readonly CellEdit[], options: { readonly overwriteFormulas?: boolean } = {}): ApplyResult {
    const plan = planApply(edits, (at) => this.cellNow(at), {
      overwriteFormulas: options.overwriteFormulas === true,
      highlight: null,
      isProtected: (name) => this.sheet(name)?.protected ?? false,
    });
    if (plan.protectedSheet !== null) return { applied: [], stale: [...edits] };
    for (const write of plan.writes) this.writeState(write.at, write.after);
    return { applied: plan.applied, stale: plan.stale.map((s) => s.edit) };
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

/**
 * The in-memory workbook: a host for tests and the browser demo. It applies fix plans through the
 * same write planner as the Office host, the memory host and the .xlsx writer
 * (src/host/write-plan.ts): an edit is written only when the cell still holds what validation
 * saw, never over a formula or into a merged area's hidden cells, and text is stored as text.
 */
import type { CellEdit } from "../../core/findings/finding";
import type { CellAddress } from "../../core/grid/address";
import { SparseSheet, type Cell, type CellValue, type WorkbookSnapshot } from "../../core/grid/workbook";
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

// ----- what the user types into a cell (the demo grid's editor) -----

/** Why typed input was not stored: the in-memory workbook calculates no formulas. */
export type InputRefusal = "formula";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** "1,234.5": thousands separators in their places (en-US / zh-CN). */
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PERCENT = /^([+-]?(\d+(\.\d*)?|\.\d+))\s*%$/;
const ERROR_LITERALS = new Set(["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA"]);

/**
 * The cell after the user typed `input` into `before`, parsed as Excel parses plain input:
 * - "" clears the value (the number format and fill stay, as Excel's Delete leaves them);
 * - a leading "'" stores the rest as text, whatever it looks like;
 * - "=…" is refused: this workbook cannot calculate a formula (a cached result would be made up);
 * - a number ("12", "-3.5", "1e3", "1,234.5", surrounding spaces ignored) is a number; typed into a
 *   cell with a percent format, 1 and above mean percent (Excel's automatic percent entry: "60"
 *   in a 0.00% cell is 0.6, "0.6" stays 0.6);
 * - "12%" is 0.12; the cell gets "0%" ("0.00%" when typed with decimals) only when it had no
 *   number format (or General);
 * - TRUE/FALSE (any case) are booleans, Excel's error literals ("#N/A") are errors;
 * - anything else is text exactly as typed (a date stays its text, as hosts hand dates to the core).
 * A formula the cell had is replaced; number format, fill, link and alignment are kept.
 */
export function cellFromInput(input: string, before: Cell | undefined): { ok: true; cell: Cell } | { ok: false; reason: InputRefusal } {
  const keep = {
    ...(before?.numberFormat !== undefined ? { numberFormat: before.numberFormat } : {}),
    ...(before?.fill !== undefined ? { fill: before.fill } : {}),
    ...(before?.link !== undefined ? { link: before.link } : {}),
    ...(before?.align !== undefined ? { align: before.align } : {}),
  };
  const withValue = (value: CellValue, numberFormat?: string): { ok: true; cell: Cell } => ({
    ok: true,
    cell: { ...keep, value, ...(numberFormat !== undefined ? { numberFormat } : {}) },
  });
  if (input.startsWith("'")) return withValue(input.length > 1 ? input.slice(1) : null);
  if (input.startsWith("=") && input.length > 1) return { ok: false, reason: "formula" };
  const text = input.trim();
  if (text === "") return withValue(null);
  if (NUMBER.test(text) || GROUPED.test(text)) {
    const plain = text.replace(/,/g, "");
    const number = Number(plain);
    const percentCell = before?.numberFormat?.includes("%") === true;
    return withValue(percentCell && Math.abs(number) >= 1 ? hundredth(plain) : number);
  }
  const percent = PERCENT.exec(text);
  if (percent) {
    const general = before?.numberFormat === undefined || before.numberFormat === "General";
    return withValue(hundredth(percent[1]!), general ? (percent[1]!.includes(".") ? "0.00%" : "0%") : undefined);
  }
  if (/^(true|false)$/i.test(text)) return withValue(text.toLowerCase() === "true");
  if (ERROR_LITERALS.has(text.toUpperCase())) return withValue({ error: text.toUpperCase() });
  return withValue(input);
}

/** The number a decimal text means, divided by 100 without binary noise ("166.67" → 1.6667). */
function hundredth(decimal: string): number {
  return /e/i.test(decimal) ? Number(decimal) / 100 : Number(`${decimal}e-2`);
}

/**
 * A workbook described as data: rows of cells plus merged ranges. The sample workbook, the test
 * fixtures and the browser demo are all written in this form, so one description yields both an
 * in-memory snapshot (tests, demo) and a real .xlsx file (scripts/make-sample.ts).
 */
import { parseRangeA1 } from "../../core/grid/address";
import { SparseSheet, type Cell, type CellValue, type WorkbookSnapshot } from "../../core/grid/workbook";

/** A cell as written in a spec: a bare value, or a value with its format and/or formula. */
export type CellSpec =
  | CellValue
  | undefined
  | { readonly v: CellValue; readonly fmt?: string; readonly f?: string };

export interface SheetSpec {
  readonly name: string;
  /** rows[r][c] is the cell at row r, column c (0-based); missing cells are blank. */
  readonly rows: readonly (readonly CellSpec[])[];
  /** Merged ranges in A1 form ("A1:G1"). The value sits in the top-left cell of each. */
  readonly merges?: readonly string[];
  /** Column widths in characters, for the generated .xlsx only. */
  readonly widths?: readonly number[];
  readonly protected?: boolean;
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
}

export function toCell(spec: CellSpec): Cell | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (typeof spec === "object" && "v" in spec) {
    return {
      value: spec.v,
      ...(spec.f !== undefined ? { formula: spec.f } : {}),
      ...(spec.fmt !== undefined ? { numberFormat: spec.fmt } : {}),
    };
  }
  return { value: spec };
}

export function sheetFromSpec(spec: SheetSpec): SparseSheet {
  const sheet = new SparseSheet(spec.name);
  spec.rows.forEach((row, r) => {
    row.forEach((cellSpec, c) => {
      const cell = toCell(cellSpec);
      if (cell) sheet.set(r, c, cell);
    });
  });
  for (const merge of spec.merges ?? []) {
    const range = parseRangeA1(merge, spec.name);
    if (range) sheet.addMerge(range);
  }
  sheet.protected = spec.protected ?? false;
  return sheet;
}

export function snapshotFromSpec(spec: WorkbookSpec): WorkbookSnapshot {
  return { sheets: spec.sheets.map(sheetFromSpec) };
}

/**
 * The text a spec cell shows, as published: a number in its format ("116.80", "60%", "99.96%"),
 * General numbers as JavaScript prints them. For writers that render a spec as text (the sample
 * .docx, test PDFs).
 */
export function shownText(spec: SheetSpec, row: number, col: number): string {
  const cell = toCell(spec.rows[row]?.[col]);
  if (!cell || cell.value === null) return "";
  const v = cell.value;
  if (typeof v !== "number") return typeof v === "string" ? v : String(v);
  const format = cell.numberFormat ?? "General";
  const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  if (format.endsWith("%")) return `${(v * 100).toFixed(decimals)}%`;
  return format === "General" ? String(v) : v.toFixed(decimals);
}

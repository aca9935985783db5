/**
 * A workbook snapshot as flat arrays of plain values, to hand from one thread to another (the
 * folder summary reads a file in one worker and checks it in another): one copy of a few arrays
 * instead of a structured clone object by object, and back into the same snapshot — the same
 * cells in the same order (recognition scans in it), the same size, merges and protection.
 */
import { SparseSheet, type Cell, type CellValue, type WorkbookSnapshot } from "./workbook";

export interface PackedSheet {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  readonly protected: boolean;
  /** top, left, bottom, right of each merge. */
  readonly merges: number[];
  /** row, col of each cell, in the sheet's order. */
  readonly at: number[];
  readonly values: CellValue[];
  /** Formula and number format of each cell, null when it has none. */
  readonly formulas: (string | null)[];
  readonly formats: (string | null)[];
}

export interface PackedSnapshot {
  readonly sheets: PackedSheet[];
}

export function packSnapshot(snapshot: WorkbookSnapshot): PackedSnapshot {
  return {
    sheets: snapshot.sheets.map((sheet) => {
      const at: number[] = [];
      const values: CellValue[] = [];
      const formulas: (string | null)[] = [];
      const formats: (string | null)[] = [];
      const add = (row: number, col: number, cell: Cell | undefined) => {
        if (!cell) return;
        at.push(row, col);
        values.push(cell.value);
        formulas.push(cell.formula ?? null);
        formats.push(cell.numberFormat ?? null);
      };
      if (sheet.forEachCell) sheet.forEachCell(add);
      else for (let r = 0; r < sheet.rowCount; r++) for (let c = 0; c < sheet.colCount; c++) add(r, c, sheet.cell(r, c));
      return {
        name: sheet.name,
        rowCount: sheet.rowCount,
        colCount: sheet.colCount,
        protected: sheet.protected === true,
        merges: sheet.merges.flatMap((m) => [m.top, m.left, m.bottom, m.right]),
        at,
        values,
        formulas,
        formats,
      };
    }),
  };
}

export function unpackSnapshot(packed: PackedSnapshot): WorkbookSnapshot {
  return {
    sheets: packed.sheets.map((p) => {
      const sheet = new SparseSheet(p.name);
      for (let i = 0; i < p.values.length; i++) {
        const formula = p.formulas[i];
        const format = p.formats[i];
        const cell: Cell = formula !== null && formula !== undefined
          ? (format !== null && format !== undefined ? { value: p.values[i]!, formula, numberFormat: format } : { value: p.values[i]!, formula })
          : format !== null && format !== undefined ? { value: p.values[i]!, numberFormat: format } : { value: p.values[i]! };
        sheet.set(p.at[2 * i]!, p.at[2 * i + 1]!, cell);
      }
      for (let i = 0; i + 3 < p.merges.length; i += 4) {
        sheet.addMerge({ sheet: p.name, top: p.merges[i]!, left: p.merges[i + 1]!, bottom: p.merges[i + 2]!, right: p.merges[i + 3]! });
      }
      sheet.extendTo(p.rowCount, p.colCount);
      sheet.protected = p.protected;
      return sheet;
    }),
  };
}

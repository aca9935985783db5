/**
 * A workbook snapshot as plain data, for comparing two readers: every sheet's name, size, merges,
 * protection, and every stored cell in the order forEachCell visits it (recognition scans in that
 * order, so the order is part of what must agree).
 */
import type { Cell, WorkbookSnapshot } from "../../src/core/grid/workbook";

export interface SheetDigest {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  readonly protected: boolean;
  readonly merges: string[];
  readonly cells: [number, number, Cell][];
}

export function digest(snapshot: WorkbookSnapshot): SheetDigest[] {
  return snapshot.sheets.map((sheet) => {
    const cells: [number, number, Cell][] = [];
    if (sheet.forEachCell) sheet.forEachCell((r, c, cell) => cells.push([r, c, normalize(cell)]));
    else for (let r = 0; r < sheet.rowCount; r++) for (let c = 0; c < sheet.colCount; c++) { const cell = sheet.cell(r, c); if (cell) cells.push([r, c, normalize(cell)]); }
    return {
      name: sheet.name,
      rowCount: sheet.rowCount,
      colCount: sheet.colCount,
      protected: sheet.protected === true,
      merges: sheet.merges.map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`),
      cells,
    };
  });
}

// NaN is not equal to itself under toEqual's Object.is? It is (Object.is(NaN, NaN)); kept as is.
function normalize(cell: Cell): Cell {
  return { value: cell.value, ...(cell.formula !== undefined ? { formula: cell.formula } : {}), ...(cell.numberFormat !== undefined ? { numberFormat: cell.numberFormat } : {}) };
}

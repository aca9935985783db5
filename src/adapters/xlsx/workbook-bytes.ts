/**
 * A workbook held in memory as an .xlsx file (no Node built-ins): for a workbook that has no file
 * of its own — the tables imported from a Word report in the web checker — so that it can be
 * downloaded with the fixes applied. Values, number formats and merges; text as inline strings
 * (never a formula). A workbook that came from a file is written by the minimal-edit writer instead
 * (fixed-copy-browser.ts), which keeps everything else of the original.
 */
import { rangeToA1 } from "../../core/grid/address";
import { isCellError, type WorkbookSnapshot } from "../../core/grid/workbook";
import { WorkbookWriter, type WriterCell } from "./sheet-writer";

export function workbookBytes(snapshot: WorkbookSnapshot): Uint8Array {
  const writer = new WorkbookWriter();
  for (const grid of snapshot.sheets) {
    const widths = Array.from({ length: Math.max(1, grid.colCount) }, () => 14);
    const sheet = writer.addSheet(grid.name, { widths, autoFilter: false });
    const rows: (WriterCell | null)[][] = Array.from({ length: grid.rowCount }, () => []);
    const put = (row: number, col: number, cell: { value: unknown; numberFormat?: string | undefined }) => {
      const value = cell.value;
      const text = value === null || value === undefined ? null : typeof value === "number" ? value : isCellError(value as never) ? (value as { error: string }).error : String(value);
      rows[row]![col] = { value: text, ...(cell.numberFormat && cell.numberFormat !== "General" ? { style: { numFmt: cell.numberFormat } } : {}) };
    };
    if (grid.forEachCell) grid.forEachCell((row, col, cell) => put(row, col, cell));
    else for (let r = 0; r < grid.rowCount; r++) for (let c = 0; c < grid.colCount; c++) { const cell = grid.cell(r, c); if (cell) put(r, c, cell); }
    for (const row of rows) sheet.addRow(row);
    for (const merge of grid.merges) sheet.addMerge(rangeToA1({ ...merge, sheet: "" }));
  }
  return writer.bytes();
}

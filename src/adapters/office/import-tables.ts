/**
 * 导入附件表 in Excel: each table read from a Word report becomes a new sheet.
 *
 * Round trips: 2. Sync 1 loads the sheet names (an import never writes over a sheet: a taken name
 * gets " (2)"); sync 2 adds every sheet and writes it: one numberFormat grid and one formulas grid
 * per sheet (text goes in with Excel's text marker where it could be read as a formula, so it
 * never becomes one; numbers as numbers), then the merges. If sync 2 fails, the sheets it added are
 * deleted again (two more syncs), so a failed import leaves the workbook as it was.
 */
import { rangeToA1 } from "../../core/grid/address";
import type { Cell } from "../../core/grid/workbook";
import { importSheetNames } from "../../host/import-names";
import type { ImportOutcome, ImportedTable } from "../../host/ports";
import { excelText } from "./cells";
import { hostErrorFromOffice } from "./errors";
import { removeAddedSheets } from "./insert-template";

export async function importTableSheets(run: typeof Excel.run, tables: readonly ImportedTable[]): Promise<ImportOutcome> {
  let added: string[] = [];
  try {
    return await run(async (context): Promise<ImportOutcome> => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      const names = importSheetNames(worksheets.items.map((s) => s.name), tables.map((t) => t.name));
      added = names;
      const sheets = tables.map((table, i) => {
        const worksheet = worksheets.add(names[i]!);
        queueTable(worksheet, table);
        return worksheet;
      });
      sheets[0]?.activate();
      await context.sync();
      return { ok: true, sheets: names };
    });
  } catch (error) {
    if (added.length === 0) return hostErrorFromOffice(error, true);
    return hostErrorFromOffice(error, await removeAddedSheets(run, added));
  }
}

function queueTable(worksheet: Excel.Worksheet, table: ImportedTable): void {
  const rows = Math.max(1, table.rowCount);
  const cols = Math.max(1, table.colCount);
  const byKey = new Map(table.cells.map((c) => [c.row * cols + c.col, c.cell]));
  const grid = <T>(fn: (cell: Cell | undefined) => T): T[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => fn(byKey.get(r * cols + c))));
  const all = worksheet.getRange(rangeToA1({ sheet: "", top: 0, left: 0, bottom: rows - 1, right: cols - 1 }));
  all.numberFormat = grid((cell) => cell?.numberFormat ?? "General");
  all.formulas = grid((cell) => {
    const value = cell?.value;
    if (value === undefined || value === null) return "";
    if (typeof value === "number") return value;
    return excelText(typeof value === "string" ? value : String(value));
  });
  all.format.verticalAlignment = "Center";
  for (const merge of table.merges) worksheet.getRange(rangeToA1({ ...merge, sheet: "" })).merge(false);
}

/**
 * The whole workbook in two context.sync() calls, whatever the number or size of the sheets:
 *   sync 1: the worksheet collection (names, protection);
 *   sync 2: for every sheet at once, the block from A1 to the end of the used range (values,
 *           formulas, numberFormat, valueTypes) and its merged areas (ExcelApi 1.13).
 * Starting at A1 keeps row/column indexes equal to sheet coordinates and puts every merged
 * area's top-left inside the block (getMergedAreasOrNullObject only reports those).
 */
import { SparseSheet, type WorkbookSnapshot } from "../../core/grid/workbook";
import { cellFromRaw } from "./cells";
import { MERGE_GEOMETRY } from "./probe";

/** Excel may return null values for a range above 5,000,000 cells instead of throwing. */
export const MAX_READ_CELLS = 5_000_000;

export type ReadResult = { readonly ok: true; readonly snapshot: WorkbookSnapshot } | { readonly ok: false; readonly tooLarge: string };

/** `onMergesQueued`: called just before the sync that reads the merged areas (to tell a failure there). */
export async function readWorkbook(context: Excel.RequestContext, withMerges: boolean, onMergesQueued?: () => void): Promise<ReadResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  await context.sync();

  const blocks = worksheets.items.map((ws) => {
    // getUsedRange (not ...OrNullObject) returns A1 for a blank sheet, so the block always exists.
    const block = ws.getRange("A1").getBoundingRect(ws.getUsedRange(true));
    block.load("rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat,valueTypes");
    let merged: Excel.RangeAreas | null = null;
    if (withMerges) {
      merged = block.getMergedAreasOrNullObject();
      merged.load(MERGE_GEOMETRY);
    }
    return { name: ws.name, isProtected: ws.protection.protected, block, merged };
  });
  if (withMerges) onMergesQueued?.();
  await context.sync();

  const sheets: SparseSheet[] = [];
  for (const { name, isProtected, block, merged } of blocks) {
    if (block.rowCount * block.columnCount > MAX_READ_CELLS) return { ok: false, tooLarge: name };
    const { values, formulas, numberFormat, valueTypes } = block;
    if (!values || !formulas || !numberFormat || !valueTypes) return { ok: false, tooLarge: name };
    const sheet = new SparseSheet(name);
    sheet.protected = isProtected;
    for (let r = 0; r < values.length; r++) {
      const rowValues = values[r] ?? [];
      for (let c = 0; c < rowValues.length; c++) {
        const cell = cellFromRaw({
          value: rowValues[c],
          formula: formulas[r]?.[c],
          numberFormat: numberFormat[r]?.[c],
          valueType: valueTypes[r]?.[c],
        });
        if (cell) sheet.set(block.rowIndex + r, block.columnIndex + c, cell);
      }
    }
    // A null object (no merges, or more than 512 of them) means "no merges known".
    if (merged && !merged.isNullObject) {
      for (const area of merged.areas.items) {
        sheet.addMerge({
          sheet: name,
          top: area.rowIndex,
          left: area.columnIndex,
          bottom: area.rowIndex + area.rowCount - 1,
          right: area.columnIndex + area.columnCount - 1,
        });
      }
    }
    sheets.push(sheet);
  }
  return { ok: true, snapshot: { sheets } };
}

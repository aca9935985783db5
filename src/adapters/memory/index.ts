export { MemoryWorkbook, sameCellValue, type ApplyResult } from "./memory-workbook";
export { snapshotFromSpec, sheetFromSpec, toCell, type WorkbookSpec, type SheetSpec, type CellSpec } from "./grid-spec";

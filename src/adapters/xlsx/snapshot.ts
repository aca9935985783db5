/**
 * exceljs workbook → the core's WorkbookSnapshot. No Node built-ins here: the browser demo
 * uses the same code to read a dropped file.
 */
import * as ExcelJS from "exceljs";
import { parseRangeA1 } from "../../core/grid/address";
import { SparseSheet, type Cell, type CellValue, type WorkbookSnapshot } from "../../core/grid/workbook";

export function snapshotFromWorkbook(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  return { sheets: workbook.worksheets.map(sheetFromWorksheet) };
}

function sheetFromWorksheet(worksheet: ExcelJS.Worksheet): SparseSheet {
  const sheet = new SparseSheet(worksheet.name);
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (excelCell, colNumber) => {
      const cell = cellFromExcel(excelCell);
      if (cell) sheet.set(row.number - 1, colNumber - 1, cell);
    });
  });
  for (const merge of mergeRanges(worksheet)) {
    const range = parseRangeA1(merge, worksheet.name);
    if (range) sheet.addMerge(range);
  }
  sheet.protected = isProtected(worksheet);
  return sheet;
}

/** True for a cell covered by a merge but not its top-left: exceljs echoes the master's value there. */
export function isMergeFollower(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Merge || (cell.isMerged && cell.master.address !== cell.address);
}

/** The cell as the core sees it; undefined for merge followers and empty cells. */
export function cellFromExcel(cell: ExcelJS.Cell): Cell | undefined {
  if (isMergeFollower(cell)) return undefined;
  const numberFormat = cellNumberFormat(cell);
  const raw = cell.value;
  if (isFormulaValue(raw)) {
    const formula = cell.formula;
    return {
      value: plainValue(raw.result),
      ...(formula ? { formula: `=${formula}` } : {}),
      ...(numberFormat !== undefined ? { numberFormat } : {}),
    };
  }
  const value = plainValue(raw);
  if (value === null && numberFormat === undefined) return undefined;
  return { value, ...(numberFormat !== undefined ? { numberFormat } : {}) };
}

function cellNumberFormat(cell: ExcelJS.Cell): string | undefined {
  const format: unknown = cell.numFmt;
  if (typeof format !== "string" || format === "" || format === "General") return undefined;
  return format;
}

type FormulaLike = ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;

export function isFormulaValue(value: ExcelJS.CellValue): value is FormulaLike {
  return typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value);
}

/** exceljs cell value (or formula result) to the core's CellValue. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return isoDateText(value);
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return richTextToPlain(value.richText);
  if ("hyperlink" in value) return hyperlinkText(value);
  return null;
}

function richTextToPlain(runs: readonly ExcelJS.RichText[]): string {
  return runs.map((run) => run.text ?? "").join("");
}

function hyperlinkText(value: ExcelJS.CellHyperlinkValue): string {
  // exceljs keeps formatted link text as a rich-text object despite the declared string type.
  const text: unknown = value.text;
  if (typeof text === "string") return text;
  if (typeof text === "object" && text !== null && "richText" in text && Array.isArray(text.richText)) {
    return richTextToPlain(text.richText as ExcelJS.RichText[]);
  }
  return "";
}

/** exceljs builds Dates in UTC from the serial number, so the UTC fields are the cell's own. */
function isoDateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  const hasTime =
    date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0 || date.getUTCSeconds() !== 0 || date.getUTCMilliseconds() !== 0;
  return hasTime ? iso.slice(0, 19) : iso.slice(0, 10);
}

function mergeRanges(worksheet: ExcelJS.Worksheet): string[] {
  // _merges is what the model getter reads; going straight to it avoids serialising every row.
  const internal: unknown = (worksheet as unknown as { _merges?: unknown })._merges;
  if (typeof internal === "object" && internal !== null) {
    const ranges: string[] = [];
    for (const merge of Object.values(internal as Record<string, unknown>)) {
      if (typeof merge === "object" && merge !== null && "range" in merge && typeof merge.range === "string") {
        ranges.push(merge.range);
      }
    }
    return ranges;
  }
  return [...worksheet.model.merges];
}

function isProtected(worksheet: ExcelJS.Worksheet): boolean {
  const protection: unknown = (worksheet as unknown as { sheetProtection?: unknown }).sheetProtection;
  return typeof protection === "object" && protection !== null && "sheet" in protection && protection.sheet === true;
}

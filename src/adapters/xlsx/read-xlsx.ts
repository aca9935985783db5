/**
 * Reading .xlsx files (Node) into the core's WorkbookSnapshot. Bad input is a value, never an
 * exception: the CLI walks whole directories of whatever staff saved, and one odd file must not
 * stop the batch.
 */
import { readFile } from "node:fs/promises";
import * as ExcelJS from "exceljs";
import { parseRangeA1 } from "../../core/grid/address";
import { SparseSheet, type Cell, type CellValue, type WorkbookSnapshot } from "../../core/grid/workbook";
import type { Bilingual } from "../../core/findings/finding";

export type XlsxReadFailureReason = "not-xlsx" | "corrupt" | "encrypted" | "xls" | "missing";

export interface XlsxReadFailure {
  readonly ok: false;
  readonly reason: XlsxReadFailureReason;
  readonly message: Bilingual;
}

export type XlsxReadResult = { readonly ok: true; readonly snapshot: WorkbookSnapshot } | XlsxReadFailure;

export const READ_FAILURE_MESSAGES: Readonly<Record<XlsxReadFailureReason, Bilingual>> = {
  missing: { zh: "无法读取：文件不存在", en: "Cannot read: the file does not exist" },
  "not-xlsx": { zh: "无法读取：文件不是 .xlsx 工作簿", en: "Cannot read: the file is not an .xlsx workbook" },
  corrupt: { zh: "无法读取：工作簿已损坏或不完整", en: "Cannot read: the workbook is damaged or incomplete" },
  encrypted: {
    zh: "无法读取：工作簿设有打开密码，请在 Excel 中取消密码后另存",
    en: "Cannot read: the workbook is password-protected; remove the password in Excel and save a copy",
  },
  xls: {
    zh: "无法读取：这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx",
    en: "Cannot read: this is an old .xls file; save it as .xlsx in Excel",
  },
};

export function readFailure(reason: XlsxReadFailureReason): XlsxReadFailure {
  return { ok: false, reason, message: READ_FAILURE_MESSAGES[reason] };
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// Excel stores a password-protected .xlsx inside an OLE compound file, like an old .xls; only
// the stream directory tells them apart. Directory entry names are UTF-16LE.
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");
const ENCRYPTION_SCAN_BYTES = 64 * 1024;
// A zip entry name every SpreadsheetML package has; local headers store names uncompressed.
const WORKBOOK_PART = Buffer.from("xl/workbook.xml", "latin1");

/** What the first bytes say the file is, before any parsing. */
export function sniffBytes(bytes: Buffer): "zip" | "xls" | "encrypted" | "other" {
  if (bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) return "zip";
  if (bytes.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC)) {
    return bytes.subarray(0, ENCRYPTION_SCAN_BYTES).includes(ENCRYPTION_INFO) ? "encrypted" : "xls";
  }
  return "other";
}

export type LoadResult = { readonly ok: true; readonly workbook: ExcelJS.Workbook } | XlsxReadFailure;

/** Reads and parses a workbook with exceljs; shared by readXlsx and writeFixedCopy. */
export async function loadWorkbook(input: string | Buffer): Promise<LoadResult> {
  let bytes: Buffer;
  if (typeof input === "string") {
    try {
      bytes = await readFile(input);
    } catch (error) {
      const code = errorCode(error);
      return readFailure(code === "ENOENT" || code === "ENOTDIR" ? "missing" : code === "EISDIR" ? "not-xlsx" : "corrupt");
    }
  } else {
    bytes = input;
  }

  const kind = sniffBytes(bytes);
  if (kind === "xls" || kind === "encrypted") return readFailure(kind);
  if (kind === "other") return readFailure("not-xlsx");

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer (an ArrayBuffer); at runtime it takes Node's Buffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch {
    return readFailure("corrupt");
  }
  // exceljs accepts any zip (a .docx, a plain archive) and returns an empty workbook.
  if (workbook.worksheets.length === 0 && !bytes.includes(WORKBOOK_PART)) return readFailure("not-xlsx");
  return { ok: true, workbook };
}

export async function readXlsx(input: string | Buffer): Promise<XlsxReadResult> {
  try {
    const loaded = await loadWorkbook(input);
    if (!loaded.ok) return loaded;
    return { ok: true, snapshot: snapshotFromWorkbook(loaded.workbook) };
  } catch {
    // exceljs can fail lazily on malformed parts while we walk the cells.
    return readFailure("corrupt");
  }
}

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

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}

/**
 * A Word report dropped onto the web checker: its annex tables as the sheets of a new workbook
 * (named 附件N as their captions say, laid out as in Word), ready to check. Null when the bytes are
 * not a Word document (then they are read as a workbook).
 */
import type { Bilingual, WorkbookSnapshot } from "../core";
import { importableTables, readDocument } from "../adapters/docx/document";
import { vetDocx } from "../adapters/docx/decode-text";
import { DEFAULT_INPUT_LIMITS, InputLimitError, limitMessage } from "../adapters/limits";
import { readDirectory } from "../adapters/xlsx/fast/zip";
import { inflateFflate } from "../adapters/xlsx/read-bytes";
import { SparseSheet } from "../core/grid/workbook";
import { importSheetNames } from "../host/import-names";

export type ReportTables = { readonly ok: true; readonly snapshot: WorkbookSnapshot } | { readonly ok: false; readonly message: Bilingual };

const NO_TABLES: Bilingual = { zh: "这个 Word 文件中没有表格", en: "This Word file holds no tables" };
const DAMAGED: Bilingual = { zh: "无法读取：Word 文件已损坏", en: "Cannot read: the Word file is damaged" };

export function readReportTables(bytes: Uint8Array): ReportTables | null {
  const limits = DEFAULT_INPUT_LIMITS;
  try {
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
    if (![...readDirectory(bytes, limits.zipEntries).keys()].some((n) => n.toLowerCase() === "word/document.xml")) return null;
  } catch {
    return null;
  }
  const unsafe = vetDocx(bytes, inflateFflate, limits, false);
  if (unsafe && !unsafe.ok) return { ok: false, message: unsafe.message };
  try {
    const read = readDocument(bytes, inflateFflate, limits);
    if (!read.ok) return { ok: false, message: DAMAGED };
    const tables = importableTables(read.document);
    if (tables.length === 0) return { ok: false, message: NO_TABLES };
    const names = importSheetNames([], tables.map((t) => t.name));
    const sheets = tables.map((table, i) => {
      const sheet = new SparseSheet(names[i]!);
      for (const { row, col, cell } of table.cells) sheet.set(row, col, cell);
      for (const merge of table.merges) sheet.addMerge({ ...merge, sheet: names[i]! });
      sheet.extendTo(table.rowCount, table.colCount);
      return sheet;
    });
    return { ok: true, snapshot: { sheets } };
  } catch (error) {
    return { ok: false, message: error instanceof InputLimitError ? limitMessage(error.limit, error.value, false) : DAMAGED };
  }
}

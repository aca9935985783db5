/**
 * Loading a workbook with exceljs, for writing a corrected copy (write-xlsx.ts) — and, as
 * readXlsxWithExcelJs, the reader the CLI used before fast/: kept as the reference the fast
 * reader is differential-tested and benchmarked against. Bad input is a value, never an exception.
 */
import { readFile } from "node:fs/promises";
import * as ExcelJS from "exceljs";
import { contains, readFailure, sniffBytes, WORKBOOK_PART, type XlsxReadFailure, type XlsxReadResult } from "./sniff";
import { snapshotFromWorkbook } from "./snapshot";

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
  if (kind === "xls" || kind === "doc" || kind === "pdf" || kind === "encrypted" || kind === "corrupt") return readFailure(kind);
  if (kind === "other") return readFailure("not-xlsx");

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer (an ArrayBuffer); at runtime it takes Node's Buffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch {
    return readFailure("corrupt");
  }
  // exceljs accepts any zip (a .docx, a plain archive) and returns an empty workbook.
  if (workbook.worksheets.length === 0 && !contains(bytes, WORKBOOK_PART)) return readFailure("not-xlsx");
  return { ok: true, workbook };
}

/** The previous reader (exceljs → snapshot), the reference for the fast one. */
export async function readXlsxWithExcelJs(input: string | Buffer): Promise<XlsxReadResult> {
  try {
    const loaded = await loadWorkbook(input);
    if (!loaded.ok) return loaded;
    return { ok: true, snapshot: snapshotFromWorkbook(loaded.workbook) };
  } catch {
    // exceljs can fail lazily on malformed parts while we walk the cells.
    return readFailure("corrupt");
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}

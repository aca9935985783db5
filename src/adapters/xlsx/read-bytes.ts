/**
 * Reading .xlsx bytes in the browser (the demo's drop zone): the same checks, messages and
 * snapshot as the Node reader, without Node built-ins.
 */
import * as ExcelJS from "exceljs";
import { contains, readFailure, sniffBytes, WORKBOOK_PART, type XlsxReadResult } from "./sniff";
import { snapshotFromWorkbook } from "./snapshot";

export async function readXlsxBytes(buffer: ArrayBuffer): Promise<XlsxReadResult> {
  const bytes = new Uint8Array(buffer);
  const kind = sniffBytes(bytes);
  if (kind === "xls" || kind === "encrypted" || kind === "corrupt") return readFailure(kind);
  if (kind === "other") return readFailure("not-xlsx");
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    if (workbook.worksheets.length === 0 && !contains(bytes, WORKBOOK_PART)) return readFailure("not-xlsx");
    return { ok: true, snapshot: snapshotFromWorkbook(workbook) };
  } catch {
    return readFailure("corrupt");
  }
}

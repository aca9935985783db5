/** The bytes of an .xlsx → snapshot or failure, for Node and the browser alike (no Node built-ins). */
import { readFailure, sniffBytes, type XlsxReadResult } from "./sniff";
import { DEFAULT_LIMITS, readWorkbookPackage, type ReadLimits } from "./fast/read-workbook";
import type { Inflate } from "./fast/zip";

export function readXlsxPackage(bytes: Uint8Array, inflate: Inflate, limits: ReadLimits = DEFAULT_LIMITS): XlsxReadResult {
  const kind = sniffBytes(bytes);
  if (kind === "xls" || kind === "encrypted" || kind === "corrupt") return readFailure(kind);
  if (kind === "other") return readFailure("not-xlsx");
  const read = readWorkbookPackage(bytes, inflate, limits);
  return read.ok ? read : readFailure(read.reason);
}

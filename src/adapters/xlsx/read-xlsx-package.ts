/** The bytes of an .xlsx → snapshot or failure, for Node and the browser alike (no Node built-ins). */
import { limitFailure, readFailure, sniffBytes, type XlsxReadResult } from "./sniff";
import { readWorkbookPackage } from "./fast/read-workbook";
import type { Inflate } from "./fast/zip";
import { DEFAULT_INPUT_LIMITS, type InputLimits } from "../limits";

/** `namesOption`: messages about a limit name the CLI option that raises it. */
export function readXlsxPackage(bytes: Uint8Array, inflate: Inflate, limits: InputLimits = DEFAULT_INPUT_LIMITS, namesOption = false): XlsxReadResult {
  const kind = sniffBytes(bytes);
  if (kind === "xls" || kind === "doc" || kind === "pdf" || kind === "encrypted" || kind === "corrupt") return readFailure(kind);
  if (kind === "other") return readFailure("not-xlsx");
  const read = readWorkbookPackage(bytes, inflate, limits);
  if (read.ok) return read;
  return read.reason === "too-large" ? limitFailure(read.limit, read.value, namesOption) : readFailure(read.reason);
}

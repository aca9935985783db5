/**
 * Reading .xlsx files (Node) into the core's WorkbookSnapshot, with the package reader in fast/
 * over Node's native zlib. Bad input is a value, never an exception: the CLI walks whole
 * directories of whatever staff saved, and one odd file must not stop the batch.
 *
 * exceljs is not loaded here: it is only needed to write (load-workbook.ts, write-*.ts).
 */
import { readFileSync, statSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { readFailure, type XlsxReadResult } from "./sniff";
import { DEFAULT_LIMITS, type ReadLimits } from "./fast/read-workbook";
import { readXlsxPackage } from "./read-xlsx-package";
import type { Inflate } from "./fast/zip";

/** Native inflate that stops as soon as the output passes the limit (a zip bomb ends at once). */
export const inflateNode: Inflate = (data, limit) => inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });

// A file this size is no 自评表 workbook (real ones are tens of KB to a few MB); it is refused
// before being read into memory.
const MAX_FILE_BYTES = 512 * 2 ** 20;

export async function readXlsx(input: string | Buffer, limits: ReadLimits = DEFAULT_LIMITS): Promise<XlsxReadResult> {
  let bytes: Uint8Array;
  if (typeof input === "string") {
    // Synchronous on purpose: a workbook is read whole before anything else can happen, and in the
    // folder summary's workers an asynchronous read left the thread idle for each file's round trip.
    try {
      const info = statSync(input);
      if (info.isDirectory()) return readFailure("not-xlsx");
      if (info.size > MAX_FILE_BYTES) return readFailure("too-large");
      bytes = readFileSync(input);
    } catch (error) {
      const code = errorCode(error);
      return readFailure(code === "ENOENT" || code === "ENOTDIR" ? "missing" : code === "EISDIR" ? "not-xlsx" : "corrupt");
    }
  } else {
    bytes = input;
  }
  return readXlsxPackage(bytes, inflateNode, limits);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}

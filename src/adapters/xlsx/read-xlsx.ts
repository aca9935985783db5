/**
 * Reading .xlsx files (Node) into the core's WorkbookSnapshot, with the package reader in fast/
 * over Node's native zlib. Bad input is a value, never an exception: the CLI walks whole
 * directories of whatever staff saved, and one odd file must not stop the batch.
 *
 * exceljs is not loaded here: it is only needed to write (load-workbook.ts, write-*.ts).
 */
import { inflateRawSync } from "node:zlib";
import type { XlsxReadResult } from "./sniff";
import { readXlsxPackage } from "./read-xlsx-package";
import type { Inflate } from "./fast/zip";
import { DEFAULT_INPUT_LIMITS, type InputLimits } from "../limits";
import { readRegularFile } from "../files/read-regular-file";

/** Native inflate that stops as soon as the output passes the limit (a zip bomb ends at once). */
export const inflateNode: Inflate = (data, limit) => inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });

/**
 * A file (a path: only a regular file, within the size limit) or bytes already read. Synchronous
 * reading on purpose: a workbook is read whole before anything else can happen, and in the folder
 * summary's workers an asynchronous read left the thread idle for each file's round trip.
 */
export async function readXlsx(input: string | Buffer, limits: InputLimits = DEFAULT_INPUT_LIMITS): Promise<XlsxReadResult> {
  let bytes: Uint8Array;
  if (typeof input === "string") {
    const file = readRegularFile(input, limits.fileBytes);
    if (!file.ok) return file;
    bytes = file.bytes;
  } else {
    bytes = input;
  }
  return readXlsxPackage(bytes, inflateNode, limits, true);
}

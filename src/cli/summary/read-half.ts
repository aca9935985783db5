/** The first half of checking a file in the folder summary: reading it (see analyze.ts). */
import { packSnapshot, type PackedSnapshot } from "../../core/grid/transfer";
import type { WorkbookSnapshot } from "../../core/grid/workbook";
import { readXlsx } from "../../adapters/xlsx/read-xlsx";
import type { FileOutcome } from "../../core/report/folder-summary";
import { internalFailure } from "./failure";
import type { InputLimits } from "../../adapters/limits";

/** The file's snapshot, or the outcome of a file that cannot be read. */
export async function readFile(file: string, limits: InputLimits): Promise<FileOutcome | { readonly snapshot: WorkbookSnapshot }> {
  try {
    const read = await readXlsx(file, limits);
    if (!read.ok) return { kind: "unreadable", file, reason: read.reason, message: read.message };
    return { snapshot: read.snapshot };
  } catch (error) {
    return internalFailure(file, error);
  }
}

/** The same, packed for another thread. */
export async function readPacked(file: string, limits: InputLimits): Promise<FileOutcome | { readonly packed: PackedSnapshot }> {
  const read = await readFile(file, limits);
  if ("kind" in read) return read;
  try {
    return { packed: packSnapshot(read.snapshot) };
  } catch (error) {
    return internalFailure(file, error);
  }
}

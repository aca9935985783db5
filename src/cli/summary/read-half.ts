/** The first half of checking a file in the folder summary: reading it (see analyze.ts). */
import { packSnapshot, type PackedSnapshot } from "../../core/grid/transfer";
import type { WorkbookSnapshot } from "../../core/grid/workbook";
import { readInput } from "../../adapters/files/read-input";
import type { DocumentTable } from "../../adapters/docx/document";
import type { FileOutcome } from "../../core/report/folder-summary";
import { internalFailure } from "./failure";
import type { InputLimits } from "../../adapters/limits";

/** A Word report's text and tables, besides its grids (adapters/files/read-input.ts). */
export interface DocumentPart {
  readonly format: "docx" | "pdf";
  readonly text: string;
  readonly tables: readonly DocumentTable[];
}

/** The file's snapshot (and a Word report's text), or the outcome of a file that cannot be read. */
export async function readFile(file: string, limits: InputLimits): Promise<FileOutcome | { readonly snapshot: WorkbookSnapshot; readonly document?: DocumentPart }> {
  try {
    const read = await readInput(file, limits);
    if (!read.ok) return { kind: "unreadable", file, reason: read.reason, message: read.message };
    return read.kind === "document" ? { snapshot: read.snapshot, document: { format: read.format, text: read.text, tables: read.tables } } : { snapshot: read.snapshot };
  } catch (error) {
    return internalFailure(file, error);
  }
}

/** The same, packed for another thread. */
export async function readPacked(file: string, limits: InputLimits): Promise<FileOutcome | { readonly packed: PackedSnapshot; readonly document?: DocumentPart }> {
  const read = await readFile(file, limits);
  if ("kind" in read) return read;
  try {
    return { packed: packSnapshot(read.snapshot), ...(read.document ? { document: read.document } : {}) };
  } catch (error) {
    return internalFailure(file, error);
  }
}

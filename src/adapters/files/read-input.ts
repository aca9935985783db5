/**
 * Any input the CLI checks, by its content (never its name): a workbook (.xlsx/.xlsm) or a Word
 * report (.docx) whose tables are read as grids and whose other paragraphs are its text. Old
 * binary files (.xls, .doc, .wps) and everything else get their one line. Node only.
 */
import type { WorkbookSnapshot } from "../../core/grid/workbook";
import { DEFAULT_INPUT_LIMITS, InputLimitError, type InputLimits } from "../limits";
import { readRegularFile } from "./read-regular-file";
import { readDocument, type DocumentTable } from "../docx/document";
import { vetDocx } from "../docx/decode-text";
import { readDirectory } from "../xlsx/fast/zip";
import { inflateNode } from "../xlsx/read-xlsx";
import { readXlsxPackage } from "../xlsx/read-xlsx-package";
import { limitFailure, readFailure, sniffBytes, type XlsxReadFailure } from "../xlsx/sniff";

export type InputRead =
  | { readonly ok: true; readonly kind: "workbook"; readonly snapshot: WorkbookSnapshot }
  | {
    readonly ok: true;
    readonly kind: "document";
    /** docx: a Word report; pdf: a PDF's ruled tables rebuilt from its layout (best effort). */
    readonly format: "docx" | "pdf";
    readonly snapshot: WorkbookSnapshot;
    readonly text: string;
    readonly tables: readonly DocumentTable[];
  }
  | XlsxReadFailure;

export async function readInput(path: string, limits: InputLimits = DEFAULT_INPUT_LIMITS): Promise<InputRead> {
  const file = readRegularFile(path, limits.fileBytes);
  if (!file.ok) return file;
  return readInputBytes(file.bytes, limits, true);
}

/** `namesOption`: messages about a limit name the CLI option that raises it. */
export async function readInputBytes(bytes: Uint8Array, limits: InputLimits, namesOption: boolean): Promise<InputRead> {
  const kind = sniffBytes(bytes);
  if (kind === "pdf") return readPdfReport(bytes, limits, namesOption);
  if (kind === "zip" && isWordPackage(bytes, limits)) return readWordReport(bytes, limits, namesOption);
  const read = readXlsxPackage(bytes, inflateNode, limits, namesOption);
  return read.ok ? { ok: true, kind: "workbook", snapshot: read.snapshot } : read;
}

function isWordPackage(bytes: Uint8Array, limits: InputLimits): boolean {
  try {
    for (const name of readDirectory(bytes, limits.zipEntries).keys()) if (name.toLowerCase() === "word/document.xml") return true;
  } catch {
    // A damaged or oversized directory: the workbook reader gives the right line for it.
  }
  return false;
}

function readWordReport(bytes: Uint8Array, limits: InputLimits, namesOption: boolean): InputRead {
  // The same vetting as --report's: sizes within limits, every part inflating to its declared size, no DTD.
  const unsafe = vetDocx(bytes, inflateNode, limits, namesOption);
  if (unsafe && !unsafe.ok) {
    return unsafe.reason === "too-large" ? { ok: false, reason: "too-large", message: unsafe.message } : { ok: false, reason: "corrupt", message: unsafe.message };
  }
  try {
    const read = readDocument(bytes, inflateNode, limits);
    if (!read.ok) return readFailure(read.reason === "not-docx" ? "not-xlsx" : "corrupt");
    const { snapshot, text, tables } = read.document;
    return { ok: true, kind: "document", format: "docx", snapshot, text, tables };
  } catch (error) {
    if (error instanceof InputLimitError) return limitFailure(error.limit, error.value, namesOption);
    return readFailure("corrupt");
  }
}

async function readPdfReport(bytes: Uint8Array, limits: InputLimits, namesOption: boolean): Promise<InputRead> {
  try {
    // PDF.js is loaded only for a PDF.
    const { readPdf } = await import("../pdf/read-pdf");
    const read = await readPdf(bytes, limits);
    if (!read.ok) return { ok: false, reason: read.reason === "corrupt" ? "corrupt" : read.reason === "encrypted" ? "encrypted" : "pdf", message: read.message };
    const { snapshot, text, tables } = read.document;
    return { ok: true, kind: "document", format: "pdf", snapshot, text, tables };
  } catch (error) {
    if (error instanceof InputLimitError) return limitFailure(error.limit, error.value, namesOption);
    return readFailure("corrupt");
  }
}

/**
 * The report text of a file chosen in the task pane. mammoth's browser build is loaded only when a
 * .docx is actually opened, so it is not part of the pane's first download.
 */
import { corruptDocx, decodeText, OLD_DOC, reportTooLong, sniffReportFile, vetDocx, withinReportLimit, type ReportTextRead } from "./decode-text";
import { inflateFflate } from "../xlsx/read-bytes";
import { DEFAULT_INPUT_LIMITS, limitMessage, type InputLimits } from "../limits";
import { importableTables, readDocument } from "./document";
import type { ImportedTable } from "../../host/ports";

export async function reportTextFromFile(bytes: ArrayBuffer): Promise<ReportTextRead> {
  const limits = DEFAULT_INPUT_LIMITS;
  const view = new Uint8Array(bytes);
  if (view.length > limits.fileBytes) return { ok: false, reason: "too-large", message: limitMessage("fileBytes", limits.fileBytes, false) };
  const kind = sniffReportFile(view);
  if (kind === "doc") return { ok: false, reason: "doc", message: OLD_DOC };
  if (kind === "text") return view.length > limits.reportChars * 4 ? reportTooLong(limits, false) : withinReportLimit(decodeText(view), "text", limits, false);
  const unsafe = vetDocx(view, inflateFflate, limits, false);
  if (unsafe) return unsafe;
  try {
    const mammoth = (await import(/* webpackChunkName: "mammoth" */ "mammoth/mammoth.browser")).default;
    const result = await mammoth.extractRawText({ arrayBuffer: bytes });
    const read = withinReportLimit(result.value, "docx", limits, false);
    return read.ok ? { ...read, tables: tablesOf(view, limits) } : read;
  } catch (error) {
    return { ok: false, reason: "corrupt", message: corruptDocx(error instanceof Error ? error.message : String(error)) };
  }
}

/** The .docx's tables for 导入附件表; none when they cannot be read (the text is still checked). */
function tablesOf(bytes: Uint8Array, limits: InputLimits): ImportedTable[] {
  try {
    const read = readDocument(bytes, inflateFflate, limits);
    return read.ok ? importableTables(read.document) : [];
  } catch {
    return [];
  }
}

/**
 * The report text of a .docx or .txt file, for the CLI (Node). mammoth's extractRawText gives one
 * paragraph per line (with blank lines between), which is what src/core/report-text segments.
 */
import * as mammoth from "mammoth";
import { corruptDocx, decodeText, OLD_DOC, reportTooLong, sniffReportFile, vetDocx, withinReportLimit, type ReportTextRead } from "./decode-text";
import { readRegularFile } from "../files/read-regular-file";
import { inflateNode } from "../xlsx/read-xlsx";
import { DEFAULT_INPUT_LIMITS, type InputLimits } from "../limits";

/** The report file's text: only a regular file, within the limits (src/adapters/limits.ts). */
export async function readReportText(path: string, limits: InputLimits = DEFAULT_INPUT_LIMITS): Promise<ReportTextRead> {
  const file = readRegularFile(path, limits.fileBytes);
  if (!file.ok) {
    const message = file.reason === "missing" ? { zh: `找不到报告正文文件：${path}`, en: `report text file not found: ${path}` } : file.message;
    return { ok: false, reason: file.reason, message };
  }
  return reportTextFromBytes(file.bytes, limits);
}

export async function reportTextFromBytes(bytes: Buffer, limits: InputLimits = DEFAULT_INPUT_LIMITS): Promise<ReportTextRead> {
  const kind = sniffReportFile(bytes);
  if (kind === "doc") return { ok: false, reason: "doc", message: OLD_DOC };
  if (kind === "text") {
    // No encoding takes fewer than one byte per character: a file more than 4 bytes per allowed
    // character is too long without being decoded (a 200 MB file is never turned into a string).
    if (bytes.length > limits.reportChars * 4) return reportTooLong(limits, true);
    return withinReportLimit(decodeText(bytes), "text", limits, true);
  }
  const unsafe = vetDocx(bytes, inflateNode, limits, true);
  if (unsafe) return unsafe;
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    return withinReportLimit(result.value, "docx", limits, true);
  } catch (error) {
    return { ok: false, reason: "corrupt", message: corruptDocx(error instanceof Error ? error.message : String(error)) };
  }
}

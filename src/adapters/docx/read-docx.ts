/**
 * The report text of a .docx or .txt file, for the CLI (Node). mammoth's extractRawText gives one
 * paragraph per line (with blank lines between), which is what src/core/report-text segments.
 */
import { readFile } from "node:fs/promises";
import * as mammoth from "mammoth";
import { corruptDocx, decodeText, OLD_DOC, sniffReportFile, type ReportTextRead } from "./decode-text";

export async function readReportText(path: string): Promise<ReportTextRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return { ok: false, reason: "missing", message: { zh: `找不到报告正文文件：${path}`, en: `report text file not found: ${path}` } };
  }
  return reportTextFromBytes(bytes);
}

export async function reportTextFromBytes(bytes: Buffer): Promise<ReportTextRead> {
  const kind = sniffReportFile(bytes);
  if (kind === "doc") return { ok: false, reason: "doc", message: OLD_DOC };
  if (kind === "text") return { ok: true, text: decodeText(bytes), kind: "text" };
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    return { ok: true, text: result.value, kind: "docx" };
  } catch (error) {
    return { ok: false, reason: "corrupt", message: corruptDocx(error instanceof Error ? error.message : String(error)) };
  }
}

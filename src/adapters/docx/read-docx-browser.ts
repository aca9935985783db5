/**
 * The report text of a file chosen in the task pane. mammoth's browser build is loaded only when a
 * .docx is actually opened, so it is not part of the pane's first download.
 */
import { corruptDocx, decodeText, OLD_DOC, sniffReportFile, type ReportTextRead } from "./decode-text";

export async function reportTextFromFile(bytes: ArrayBuffer): Promise<ReportTextRead> {
  const view = new Uint8Array(bytes);
  const kind = sniffReportFile(view);
  if (kind === "doc") return { ok: false, reason: "doc", message: OLD_DOC };
  if (kind === "text") return { ok: true, text: decodeText(view), kind: "text" };
  try {
    const mammoth = (await import(/* webpackChunkName: "mammoth" */ "mammoth/mammoth.browser")).default;
    const result = await mammoth.extractRawText({ arrayBuffer: bytes });
    return { ok: true, text: result.value, kind: "docx" };
  } catch (error) {
    return { ok: false, reason: "corrupt", message: corruptDocx(error instanceof Error ? error.message : String(error)) };
  }
}

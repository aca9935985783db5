/**
 * Report text from bytes: a .docx (a zip) goes to mammoth; anything else is plain text. Reports
 * saved from Chinese Windows tools are often GB18030 (GBK) rather than UTF-8, so text that is not
 * valid UTF-8 is read as GB18030; a byte-order mark decides UTF-8 / UTF-16 outright.
 */
import type { Bilingual } from "../../core";

export type ReportFileKind = "docx" | "doc" | "text";

export function sniffReportFile(bytes: Uint8Array): ReportFileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "docx";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "doc";
  return "text";
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export type ReportTextRead =
  | { readonly ok: true; readonly text: string; readonly kind: "docx" | "text" }
  | { readonly ok: false; readonly reason: "missing" | "doc" | "corrupt"; readonly message: Bilingual };

export const OLD_DOC: Bilingual = {
  zh: "这是旧版 .doc 文件，请在 Word 中另存为 .docx 或 .txt 后再核对",
  en: "This is an old .doc file; save it as .docx or .txt in Word and try again",
};

export function corruptDocx(detail: string): Bilingual {
  return { zh: `无法读取 .docx：${detail}`, en: `The .docx could not be read: ${detail}` };
}

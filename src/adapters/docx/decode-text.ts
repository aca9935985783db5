/**
 * Report text from bytes: a .docx (a zip) goes to mammoth; anything else is plain text. Reports
 * saved from Chinese Windows tools are often GB18030 (GBK) rather than UTF-8, so text that is not
 * valid UTF-8 is read as GB18030; a byte-order mark decides UTF-8 / UTF-16 outright.
 */
import type { Bilingual } from "../../core";
import { readDirectory, readEntry, type Inflate } from "../xlsx/fast/zip";
import { InputLimitError, limitMessage, type InputLimits } from "../limits";
import type { XlsxReadFailureReason } from "../xlsx/sniff";
import type { ImportedTable } from "../../host/ports";

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
  | {
    readonly ok: true;
    readonly text: string;
    readonly kind: "docx" | "text";
    /** A .docx's tables, as sheets a workbook can take (导入附件表); absent for text. */
    readonly tables?: readonly ImportedTable[];
  }
  | { readonly ok: false; readonly reason: "doc" | "unsafe" | XlsxReadFailureReason; readonly message: Bilingual };

export const OLD_DOC: Bilingual = {
  zh: "这是旧版 .doc 文件，请在 Word 中另存为 .docx 或 .txt 后再核对",
  en: "This is an old .doc file; save it as .docx or .txt in Word and try again",
};

/** A damaged .docx; the detail (a parser's message) is kept to its first line and 200 characters. */
export function corruptDocx(detail: string): Bilingual {
  const first = (detail.split("\n")[0] ?? "").slice(0, 200);
  return { zh: `无法读取 .docx：文件已损坏（${first}）`, en: `The .docx could not be read: the file is damaged (${first})` };
}

const UNSAFE_DOCX: Bilingual = {
  zh: "无法读取 .docx：文件含有文档类型声明（DTD/外部实体），Word 不会这样保存，为安全起见未读取",
  en: "The .docx could not be read: it holds a document type declaration (DTD or external entities), which Word never writes; not read, for safety",
};

/**
 * A .docx checked before mammoth opens it: a sound zip within the limits, every part inflating to
 * exactly its declared size (so mammoth's own unzip is bounded too), and no DTD in any XML part
 * (mammoth's XML parser would otherwise answer an entity bomb or an external entity with a raw
 * parser error, or worse). Null when it may be opened; else why not, in one line.
 */
export function vetDocx(bytes: Uint8Array, inflate: Inflate, limits: InputLimits, namesOption: boolean): ReportTextRead | null {
  try {
    const entries = readDirectory(bytes, limits.zipEntries);
    let total = 0;
    for (const entry of entries.values()) {
      if (entry.size > limits.partBytes) throw new InputLimitError("partBytes", limits.partBytes);
      if (/\.(xml|rels)$/i.test(entry.name) && entry.size > limits.docxPartBytes) throw new InputLimitError("docxPartBytes", limits.docxPartBytes);
      total += entry.size;
      if (total > limits.totalBytes) throw new InputLimitError("totalBytes", limits.totalBytes);
    }
    for (const entry of entries.values()) {
      const data = readEntry(bytes, entry, entry.size, inflate);
      if (/\.(xml|rels)$/i.test(entry.name) && hasDoctype(data)) return { ok: false, reason: "unsafe", message: UNSAFE_DOCX };
    }
  } catch (error) {
    if (error instanceof InputLimitError) return { ok: false, reason: "too-large", message: limitMessage(error.limit, error.value, namesOption) };
    return { ok: false, reason: "corrupt", message: corruptDocx(error instanceof Error ? error.message : String(error)) };
  }
  return null;
}

/** "<!DOCTYPE" anywhere in the part (UTF-8 or UTF-16), compared without case. */
function hasDoctype(data: Uint8Array): boolean {
  const text = data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))
    ? new TextDecoder(data[0] === 0xff ? "utf-16le" : "utf-16be").decode(data)
    : new TextDecoder("latin1").decode(data);
  return /<!doctype/i.test(text);
}

/** The text, or the report-length limit's message when it is longer. */
export function withinReportLimit(text: string, kind: "docx" | "text", limits: InputLimits, namesOption: boolean): ReportTextRead {
  return text.length > limits.reportChars ? reportTooLong(limits, namesOption) : { ok: true, text, kind };
}

export function reportTooLong(limits: InputLimits, namesOption: boolean): ReportTextRead {
  return { ok: false, reason: "too-large", message: limitMessage("reportChars", limits.reportChars, namesOption) };
}

/**
 * What a file is, from its first bytes, and the messages for files that cannot be read. No Node
 * built-ins: the CLI and the browser demo share it.
 */
import type { WorkbookSnapshot } from "../../core/grid/workbook";
import type { Bilingual } from "../../core/findings/finding";

export type XlsxReadFailureReason = "not-xlsx" | "corrupt" | "encrypted" | "xls" | "missing";

export interface XlsxReadFailure {
  readonly ok: false;
  readonly reason: XlsxReadFailureReason;
  readonly message: Bilingual;
}

export type XlsxReadResult = { readonly ok: true; readonly snapshot: WorkbookSnapshot } | XlsxReadFailure;

export const READ_FAILURE_MESSAGES: Readonly<Record<XlsxReadFailureReason, Bilingual>> = {
  missing: { zh: "无法读取：文件不存在", en: "Cannot read: the file does not exist" },
  "not-xlsx": { zh: "无法读取：文件不是 .xlsx 工作簿", en: "Cannot read: the file is not an .xlsx workbook" },
  corrupt: { zh: "无法读取：工作簿已损坏或不完整", en: "Cannot read: the workbook is damaged or incomplete" },
  encrypted: {
    zh: "无法读取：工作簿设有打开密码，请在 Excel 中取消密码后另存",
    en: "Cannot read: the workbook is password-protected; remove the password in Excel and save a copy",
  },
  xls: {
    zh: "无法读取：这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx",
    en: "Cannot read: this is an old .xls file; save it as .xlsx in Excel",
  },
};

export function readFailure(reason: XlsxReadFailureReason): XlsxReadFailure {
  return { ok: false, reason, message: READ_FAILURE_MESSAGES[reason] };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// Excel stores a password-protected .xlsx inside an OLE compound file, like an old .xls; only
// the stream directory tells them apart. Directory entry names are UTF-16LE.
const ENCRYPTION_INFO = utf16le("EncryptionInfo");
const ENCRYPTION_SCAN_BYTES = 64 * 1024;
// A zip entry name every SpreadsheetML package has; local headers store names uncompressed.
export const WORKBOOK_PART = latin1("xl/workbook.xml");

/** What the first bytes say the file is, before any parsing. */
export function sniffBytes(bytes: Uint8Array): "zip" | "xls" | "encrypted" | "other" {
  if (startsWith(bytes, ZIP_MAGIC)) return "zip";
  if (startsWith(bytes, OLE_MAGIC)) return contains(bytes, ENCRYPTION_INFO, ENCRYPTION_SCAN_BYTES) ? "encrypted" : "xls";
  return "other";
}

export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export function contains(bytes: Uint8Array, needle: Uint8Array, limit = bytes.length): boolean {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[i * 2] = text.charCodeAt(i);
  return out;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

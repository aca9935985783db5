/**
 * What a file is, from its first bytes, and the messages for files that cannot be read. No Node
 * built-ins: the CLI and the browser demo share it.
 */
import type { WorkbookSnapshot } from "../../core/grid/workbook";
import type { Bilingual } from "../../core/findings/finding";
import { limitMessage, type LimitKey } from "../limits";

export type XlsxReadFailureReason =
  | "not-xlsx" | "corrupt" | "encrypted" | "xls" | "missing" | "too-large"
  // An old binary Word (.doc) or WPS 文字 (.wps) file: only a .docx is read.
  | "doc"
  // A PDF where PDF reports are not read (the browser); the CLI reads them (src/adapters/pdf).
  | "pdf"
  // Not a file that can be opened (src/adapters/files/read-regular-file.ts).
  | "folder" | "not-regular" | "link-loop" | "no-permission" | "unreadable";

export interface XlsxReadFailure {
  readonly ok: false;
  readonly reason: XlsxReadFailureReason;
  readonly message: Bilingual;
  /** For "too-large": the limit reached (src/adapters/limits.ts), when one is known. */
  readonly limit?: { readonly key: LimitKey; readonly value: number };
}

export type XlsxReadResult = { readonly ok: true; readonly snapshot: WorkbookSnapshot } | XlsxReadFailure;

// Each message names the cause and what to do about it: the reader is usually a finance clerk
// with a folder of files from other units, not someone who can inspect bytes.
export const READ_FAILURE_MESSAGES: Readonly<Record<XlsxReadFailureReason, Bilingual>> = {
  missing: { zh: "无法读取：文件不存在", en: "Cannot read: the file does not exist" },
  "not-xlsx": {
    zh: "无法读取：不是 Excel 文件（内容不是 .xlsx 工作簿，可能只是扩展名被改成了 .xlsx）",
    en: "Cannot read: not an Excel file (the content is not an .xlsx workbook; perhaps only the extension was changed)",
  },
  corrupt: {
    zh: "无法读取：文件已损坏或被截断（内容不完整），请重新下载或向报送单位索取原文件",
    en: "Cannot read: the file is damaged or cut off (incomplete); download it again or ask the sender for the original",
  },
  "too-large": {
    zh: "无法读取：文件解压后过大或单元格过多（远超任何自评表），为防止耗尽内存未读取；请确认是否选错了文件",
    en: "Cannot read: the file unpacks to far more data or cells than any self-evaluation workbook; it was not read, to protect memory. Check that this is the right file",
  },
  encrypted: {
    zh: "无法读取：工作簿已加密（设有打开密码），请在 Excel 中取消密码后另存一份再检查",
    en: "Cannot read: the workbook is encrypted with an open password; remove the password in Excel and check a saved copy",
  },
  xls: {
    zh: "无法读取：这是旧格式 .xls 文件（Excel 97-2003），请在 Excel 中另存为 .xlsx 后再检查",
    en: "Cannot read: this is an old-format .xls file (Excel 97-2003); save it as .xlsx in Excel and check again",
  },
  doc: {
    zh: "无法读取：这是旧版 Word 文件（.doc）或 WPS 文字文件（.wps），请另存为 .docx 后再检查",
    en: "Cannot read: this is an old Word (.doc) or WPS Writer (.wps) file; save it as .docx and check again",
  },
  pdf: {
    zh: "无法读取：这是 PDF 文件，这里不能读取其中的表格；请使用报告的 Word 版（.docx）或 Excel 附件，或用命令行检查 PDF",
    en: "Cannot read: this is a PDF, whose tables cannot be read here; use the report's Word version (.docx) or the Excel annexes, or check the PDF with the command line",
  },
  folder: { zh: "无法读取：这是一个文件夹，不是文件", en: "Cannot read: this is a folder, not a file" },
  "not-regular": {
    zh: "无法读取：不是普通文件（是管道、设备或其他特殊文件），未打开",
    en: "Cannot read: not a regular file (a pipe, a device or another special file); not opened",
  },
  "link-loop": { zh: "无法读取：快捷方式（符号链接）循环指向自身，无法打开", en: "Cannot read: a symbolic link that loops back on itself" },
  "no-permission": { zh: "无法读取：没有读取此文件的权限", en: "Cannot read: no permission to read this file" },
  unreadable: { zh: "无法读取：读取文件时出错（磁盘或网络位置不可用）", en: "Cannot read: the file could not be read (disk or network location unavailable)" },
};

export function readFailure(reason: XlsxReadFailureReason): XlsxReadFailure {
  return { ok: false, reason, message: READ_FAILURE_MESSAGES[reason] };
}

/**
 * A file past one of the limits: the message names it. `option`: and the CLI option that raises
 * it (the CLI's messages; the browser has no options to name).
 */
export function limitFailure(key: LimitKey, value: number, option: boolean): XlsxReadFailure {
  return { ok: false, reason: "too-large", message: limitMessage(key, value, option), limit: { key, value } };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// Excel stores a password-protected .xlsx inside an OLE compound file, like an old .xls; only
// the stream directory tells them apart. Directory entry names are UTF-16LE.
const ENCRYPTION_INFO = utf16le("EncryptionInfo");
const ENCRYPTION_SCAN_BYTES = 64 * 1024;
// A zip entry name every SpreadsheetML package has; local headers store names uncompressed.
export const WORKBOOK_PART = latin1("xl/workbook.xml");

/** What the first bytes say the file is, before any parsing. */
export function sniffBytes(bytes: Uint8Array): "zip" | "xls" | "doc" | "pdf" | "encrypted" | "corrupt" | "other" {
  if (startsWith(bytes, ZIP_MAGIC)) return "zip";
  if (startsWith(bytes, PDF_MAGIC)) return "pdf";
  if (startsWith(bytes, OLE_MAGIC)) return sniffCompoundFile(bytes);
  return "other";
}

/**
 * An OLE compound file, by the streams its directory lists: EncryptionInfo/EncryptedPackage is
 * a password-protected .xlsx, Workbook (BIFF8) or Book (BIFF5) an old .xls, anything else (a
 * Word .doc, an Outlook .msg) no workbook at all. The directory can sit anywhere in the file, so
 * it is found through the header and the FAT. A sound header whose chains run past the end of
 * the file is a truncated copy; without a sound header the first 64 KB are searched for the
 * stream name instead.
 */
function sniffCompoundFile(bytes: Uint8Array): "xls" | "doc" | "encrypted" | "corrupt" | "other" {
  const names = compoundFileEntryNames(bytes);
  if (names === "truncated") return contains(bytes, ENCRYPTION_INFO, ENCRYPTION_SCAN_BYTES) ? "encrypted" : "corrupt";
  if (names !== null) {
    if (names.includes("EncryptionInfo") || names.includes("EncryptedPackage")) return "encrypted";
    if (names.includes("Workbook") || names.includes("Book")) return "xls";
    if (names.includes("WordDocument")) return "doc";
    if (names.length > 1) return "other";
  }
  return contains(bytes, ENCRYPTION_INFO, ENCRYPTION_SCAN_BYTES) ? "encrypted" : "xls";
}

const CFB_LAST_REGULAR_SECTOR = 0xfffffffa;
const CFB_HEADER_DIFAT_ENTRIES = 109;
const CFB_DIRECTORY_ENTRY_BYTES = 128;

/**
 * The names in a compound file's directory; "truncated" when a sound header leads past the end of
 * the file; null when the header is not one.
 */
export function compoundFileEntryNames(bytes: Uint8Array): string[] | "truncated" | null {
  if (bytes.length < 512 || !startsWith(bytes, OLE_MAGIC)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  const byteOrderMark = view.getUint16(28, true);
  if ((shift !== 9 && shift !== 12) || byteOrderMark !== 0xfffe) return null;
  const sectorSize = 1 << shift;
  const sectorStart = (sector: number) => (sector + 1) * sectorSize;
  const inFile = (sector: number) => sector <= CFB_LAST_REGULAR_SECTOR && sectorStart(sector) + sectorSize <= bytes.length;
  const fatEntriesPerSector = sectorSize / 4;

  const nextSector = (sector: number): number | "truncated" | null => {
    const fatIndex = Math.floor(sector / fatEntriesPerSector);
    // Directories reached only through the extra DIFAT sectors of files over ~7 MB: not followed.
    if (fatIndex >= CFB_HEADER_DIFAT_ENTRIES) return null;
    const fatSector = view.getUint32(76 + fatIndex * 4, true);
    if (fatSector > CFB_LAST_REGULAR_SECTOR) return null;
    if (!inFile(fatSector)) return "truncated";
    return view.getUint32(sectorStart(fatSector) + (sector % fatEntriesPerSector) * 4, true);
  };

  const names: string[] = [];
  let sector = view.getUint32(48, true);
  // A chain never visits more sectors than the file has; a longer walk is a loop in a damaged FAT.
  for (let steps = Math.ceil(bytes.length / sectorSize); sector <= CFB_LAST_REGULAR_SECTOR; steps--) {
    if (steps <= 0) return null;
    if (!inFile(sector)) return "truncated";
    for (let at = sectorStart(sector); at < sectorStart(sector) + sectorSize; at += CFB_DIRECTORY_ENTRY_BYTES) {
      const nameBytes = view.getUint16(at + 64, true);
      const type = view.getUint8(at + 66);
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      let name = "";
      for (let i = 0; i < nameBytes / 2 - 1; i++) name += String.fromCharCode(view.getUint16(at + i * 2, true));
      names.push(name);
    }
    const next = nextSector(sector);
    if (typeof next !== "number") return next;
    sector = next;
  }
  return names.length > 0 ? names : null;
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

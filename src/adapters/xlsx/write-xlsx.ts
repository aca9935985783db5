/**
 * Writing .xlsx files (Node): a fixed copy of a checked workbook (its package with only the
 * corrected cells edited), and the sample workbook from a WorkbookSpec. The input workbook is
 * never written to; a fix lands in a new file only, whole or not at all.
 */
import { realpath, stat, writeFile } from "node:fs/promises";
import { crc32, deflateRawSync } from "node:zlib";
import { resolve } from "node:path";
import * as ExcelJS from "exceljs";
import { parseRangeA1, type CellRange } from "../../core/grid/address";
import { isCellError, type CellValue } from "../../core/grid/workbook";
import type { Bilingual, CellEdit } from "../../core/findings/finding";
import { toCell, type SheetSpec, type WorkbookSpec } from "../memory/grid-spec";
import { dosDateTime } from "./zip-node";
import { DEFAULT_INPUT_LIMITS, type InputLimits } from "../limits";
import { readRegularFile } from "../files/read-regular-file";
import { writeFileAtomic } from "../files/write-atomic";
import { pathExists } from "../files/path-exists";
import { fixPackage } from "./patch/fix-package";
import type { ZipCodec } from "./patch/rewrite-zip";
import { readDirectory, readEntry } from "./fast/zip";
import { inflateNode } from "./read-xlsx";

export type WriteFailureReason = "same-file" | "exists" | "unreadable" | "write-failed" | "needs-xlsm";

export type WriteResult =
  | { readonly ok: true; readonly applied: CellEdit[]; readonly stale: CellEdit[] }
  | { readonly ok: false; readonly reason: WriteFailureReason; readonly message: Bilingual };

export interface WriteOptions {
  /** Replace an existing output file. The input file is refused even with force. */
  readonly force?: boolean;
  /** The input limits (src/adapters/limits.ts); default the defaults. */
  readonly limits?: InputLimits;
}

const WRITE_FAILURE_MESSAGES: Readonly<Record<WriteFailureReason, Bilingual>> = {
  "same-file": {
    zh: "未写入：输出文件不能与输入文件相同，修正结果只写入新文件",
    en: "Not written: the output file must differ from the input; fixes are only written to a new file",
  },
  exists: {
    zh: "未写入：输出文件已存在（如需覆盖请使用 --force）",
    en: "Not written: the output file already exists (use --force to replace it)",
  },
  unreadable: { zh: "未写入：无法读取输入工作簿", en: "Not written: the input workbook cannot be read" },
  "write-failed": { zh: "未写入：无法保存输出文件", en: "Not written: the output file could not be saved" },
  "needs-xlsm": {
    zh: "未写入：这是含宏的工作簿（.xlsm），修正副本也须以 .xlsm 结尾，否则 Excel 无法打开",
    en: "Not written: this is a macro-enabled workbook (.xlsm); name the corrected copy .xlsm too, or Excel will not open it",
  },
};

function writeFailure(reason: WriteFailureReason, message: Bilingual = WRITE_FAILURE_MESSAGES[reason]): WriteResult {
  return { ok: false, reason, message };
}

export async function writeFixedCopy(
  inputPath: string,
  outputPath: string,
  edits: readonly CellEdit[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const input = resolve(inputPath);
  const output = resolve(outputPath);
  if (input === output || (await sameFileOnDisk(input, output))) return writeFailure("same-file");
  if (!options.force && (await pathExists(output))) return writeFailure("exists");
  const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
  const file = readRegularFile(input, limits.fileBytes);
  if (!file.ok) return writeFailure("unreadable", { zh: `未写入：${file.message.zh}`, en: `Not written: ${file.message.en}` });
  // A macro-enabled workbook keeps its macros only under a name Excel opens as one.
  if (isMacroEnabled(file.bytes) && !/\.xlsm$/i.test(output)) return writeFailure("needs-xlsm");

  // The input's package with only the corrected cells edited (patch/fix-package.ts), self-checked.
  const fixed = fixPackage(file.bytes, edits, inflateNode, NODE_ZIP_CODEC, limits);
  if (!fixed.ok) return writeFailure(fixed.reason === "unreadable" ? "unreadable" : "write-failed", fixed.message);
  // Whole or not at all (files/write-atomic.ts).
  const written = writeFileAtomic(output, fixed.bytes, { replace: options.force === true });
  if (!written.ok) {
    return written.reason === "exists" ? writeFailure("exists") : writeFailure("write-failed", {
      zh: `${WRITE_FAILURE_MESSAGES["write-failed"].zh}（${written.detail}）`,
      en: `${WRITE_FAILURE_MESSAGES["write-failed"].en} (${written.detail})`,
    });
  }
  return { ok: true, applied: [...fixed.applied], stale: [...fixed.stale] };
}

/** Node's deflate and CRC-32 for the package rewriter. */
const NODE_ZIP_CODEC: ZipCodec = {
  deflate: (data) => deflateRawSync(data, { level: 6 }),
  crc32: (data) => crc32(data),
};

/** Whether the package's content types declare a macro-enabled workbook (.xlsm). */
function isMacroEnabled(bytes: Uint8Array): boolean {
  try {
    const entries = readDirectory(bytes, DEFAULT_INPUT_LIMITS.zipEntries);
    const types = entries.get("[Content_Types].xml");
    if (!types) return false;
    return /sheet\.macroEnabled\.main\+xml/i.test(new TextDecoder().decode(readEntry(bytes, types, types.size, inflateNode)));
  } catch {
    return false;
  }
}

/** Catches the same file reached by another name: a symlink, a hard link, a case-insensitive disk. */
async function sameFileOnDisk(a: string, b: string): Promise<boolean> {
  try {
    const [statA, statB] = await Promise.all([stat(a), stat(b)]);
    if (statA.dev === statB.dev && statA.ino === statB.ino && statA.ino !== 0) return true;
    const [realA, realB] = await Promise.all([realpath(a), realpath(b)]);
    return realA === realB;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Spec -> .xlsx (the sample workbook)

export interface SpecStyleOptions {
  /** Per sheet name, the A1 range drawn with thin borders. Default: detected from the layout. */
  readonly tables?: Readonly<Record<string, string>>;
  /** Per sheet name, cells set bold and large. Default: the full-width merge near the top. */
  readonly titles?: Readonly<Record<string, readonly string[]>>;
}

/** A fixed timestamp so that regenerating the sample changes no byte unless the content did. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));
const CREATOR = "annex-checker";
const DEFAULT_COLUMN_WIDTH = 9;
const LINE_HEIGHT_POINTS = 15;
const MAX_ROW_HEIGHT_POINTS = 409;

const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const THIN_BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const EXCEL_ERRORS: ReadonlySet<string> = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"]);

export async function writeSpecToXlsx(spec: WorkbookSpec, outputPath: string, options: SpecStyleOptions = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;

  for (const sheetSpec of spec.sheets) {
    const worksheet = workbook.addWorksheet(sheetSpec.name);
    await fillWorksheet(worksheet, sheetSpec, options);
  }

  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeFile(outputPath, withFixedZipTimestamps(bytes, FIXED_DATE));
}

async function fillWorksheet(worksheet: ExcelJS.Worksheet, sheetSpec: SheetSpec, options: SpecStyleOptions): Promise<void> {
  sheetSpec.widths?.forEach((width, c) => {
    worksheet.getColumn(c + 1).width = width;
  });

  sheetSpec.rows.forEach((row, r) => {
    row.forEach((cellSpec, c) => {
      const cell = toCell(cellSpec);
      if (!cell) return;
      const target = worksheet.getCell(r + 1, c + 1);
      target.value = excelValue(cell.value, cell.formula);
      if (cell.numberFormat !== undefined) target.style = { ...target.style, numFmt: cell.numberFormat };
    });
  });

  const merges = (sheetSpec.merges ?? [])
    .map((text) => parseRangeA1(text, sheetSpec.name))
    .filter((range): range is CellRange => range !== null);
  for (const range of merges) worksheet.mergeCells(range.top + 1, range.left + 1, range.bottom + 1, range.right + 1);

  const layout = detectLayout(sheetSpec, merges);
  const tableText = options.tables?.[sheetSpec.name];
  const table = tableText !== undefined ? parseRangeA1(tableText, sheetSpec.name) : layout.table;
  const titleTexts = options.titles?.[sheetSpec.name];
  const titles =
    titleTexts !== undefined
      ? titleTexts.map((t) => parseRangeA1(t, sheetSpec.name)).filter((r): r is CellRange => r !== null)
      : layout.title
        ? [layout.title]
        : [];

  if (table) {
    for (let r = table.top; r <= table.bottom; r++) {
      for (let c = table.left; c <= table.right; c++) {
        const cell = worksheet.getCell(r + 1, c + 1);
        cell.style = { ...cell.style, border: THIN_BOX, alignment: { ...cell.style.alignment, vertical: "middle" } };
      }
    }
  }

  const widths = columnWidths(sheetSpec);
  const lineCounts = new Map<number, number>();
  sheetSpec.rows.forEach((row, r) => {
    row.forEach((cellSpec, c) => {
      const value = toCell(cellSpec)?.value;
      if (typeof value !== "string") return;
      const merge = merges.find((m) => m.top === r && m.left === c);
      const width = sumWidths(widths, c, merge ? merge.right : c);
      const lines = wrappedLineCount(value, width);
      if (!value.includes("\n") && lines <= 1) return;
      const cell = worksheet.getCell(r + 1, c + 1);
      cell.style = { ...cell.style, alignment: { ...cell.style.alignment, wrapText: true, vertical: "middle" } };
      // Excel never grows a row for a merged cell's wrapped text, so the height is set here.
      const rowsSpanned = merge ? merge.bottom - merge.top + 1 : 1;
      if (rowsSpanned === 1) lineCounts.set(r, Math.max(lineCounts.get(r) ?? 1, lines));
    });
  });
  for (const [r, lines] of [...lineCounts].sort((a, b) => a[0] - b[0])) {
    if (lines > 1) worksheet.getRow(r + 1).height = Math.min(MAX_ROW_HEIGHT_POINTS, lines * LINE_HEIGHT_POINTS);
  }

  for (const title of titles) {
    const cell = worksheet.getCell(title.top + 1, title.left + 1);
    cell.style = {
      ...cell.style,
      font: { name: "Calibri", ...cell.style.font, bold: true, size: 14 },
      alignment: { ...cell.style.alignment, horizontal: "center", vertical: "middle" },
    };
    worksheet.getRow(title.top + 1).height = 24;
  }

  if (sheetSpec.protected) await worksheet.protect("", {});
}

function excelValue(value: CellValue, formula: string | undefined): ExcelJS.CellValue {
  const plain = excelPlainValue(value);
  if (formula === undefined) return plain;
  // exceljs keeps formulas without the leading "=" that the core's Cell.formula carries.
  const text = formula.replace(/^=/, "");
  return plain === null ? { formula: text } : { formula: text, result: plain };
}

function excelPlainValue(value: CellValue): number | string | boolean | ExcelJS.CellErrorValue | null {
  if (value === null) return null;
  if (isCellError(value)) {
    // exceljs writes only the seven classic error literals; anything else stays visible as text.
    return EXCEL_ERRORS.has(value.error) ? ({ error: value.error } as ExcelJS.CellErrorValue) : value.error;
  }
  return value;
}

interface DetectedLayout {
  readonly title: CellRange | null;
  readonly table: CellRange | null;
}

/**
 * The form's shape: a full-width merged title near the top, the table below it, then full-width
 * merged note and footer lines (说明, 填表人) that are not part of the table.
 */
function detectLayout(sheetSpec: SheetSpec, merges: readonly CellRange[]): DetectedLayout {
  let lastCol = -1;
  sheetSpec.rows.forEach((row) => {
    row.forEach((cellSpec, c) => {
      if (toCell(cellSpec) && c > lastCol) lastCol = c;
    });
  });
  for (const m of merges) lastCol = Math.max(lastCol, m.right);
  const lastRow = Math.max(sheetSpec.rows.length - 1, ...merges.map((m) => m.bottom));
  if (lastCol < 0 || lastRow < 0) return { title: null, table: null };

  const fullWidthLine = (r: number): boolean =>
    merges.some((m) => m.top === r && m.bottom === r && m.left === 0 && m.right === lastCol);
  const emptyRow = (r: number): boolean =>
    !(sheetSpec.rows[r] ?? []).some((cellSpec) => toCell(cellSpec) !== undefined) &&
    !merges.some((m) => m.top <= r && r <= m.bottom);

  const title = merges.find((m) => m.top <= 2 && m.top === m.bottom && m.left === 0 && m.right === lastCol) ?? null;
  const top = title ? title.bottom + 1 : 0;
  let bottom = lastRow;
  while (bottom > top && (fullWidthLine(bottom) || emptyRow(bottom))) bottom--;
  const table = bottom >= top ? { sheet: sheetSpec.name, top, left: 0, bottom, right: lastCol } : null;
  return { title, table };
}

function columnWidths(sheetSpec: SheetSpec): (c: number) => number {
  return (c) => sheetSpec.widths?.[c] ?? DEFAULT_COLUMN_WIDTH;
}

function sumWidths(width: (c: number) => number, from: number, to: number): number {
  let total = 0;
  for (let c = from; c <= to; c++) total += width(c);
  return total;
}

/** Lines the text needs at this width; CJK and full-width characters take two character units. */
function wrappedLineCount(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const line of text.split("\n")) {
    let units = 0;
    for (const ch of line) units += isWide(ch) ? 2 : 1;
    lines += Math.max(1, Math.ceil(units / usable));
  }
  return lines;
}

function isWide(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

// ---------------------------------------------------------------------------------------------
// Zip timestamps

/**
 * JSZip stamps every entry with the current time, so two runs of the sample script would differ
 * in bytes though not in content. The DOS time fields are outside every checksum, so they are
 * overwritten in place. Anything unexpected leaves the archive as it was.
 */
export function withFixedZipTimestamps(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const { time: dosTime, date: dosDate } = dosDateTime(date);

  const eocd = findEndOfCentralDirectory(out);
  if (eocd < 0) return zip;
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (p + 46 > out.length || out.readUInt32LE(p) !== 0x02014b50) return zip;
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (local + 30 > out.length || out.readUInt32LE(local) !== 0x04034b50) return zip;
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let p = zip.length - 22; p >= earliest; p--) {
    if (zip.readUInt32LE(p) === 0x06054b50) return p;
  }
  return -1;
}

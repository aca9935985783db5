/**
 * The bad-input corpus: workbooks (and things that only claim to be workbooks) that staff
 * actually send — empty, half-filled, numbers typed as words or dashes, Excel error cells,
 * absurd magnitudes, hidden and merged cells, a 10,000-row table, renamed PNGs, truncated
 * downloads, password-protected and old .xls files. Each file is paired in expected.json with
 * the outcome it must give, so the tests can hold the CLI, the engine and the demo host to it.
 *
 * The expectations are written here by hand from the domain, never recorded from a run: a run
 * that disagrees is a bug to look at, not a fixture to refresh. Every file is byte-stable (fixed
 * timestamps, no randomness), so a test can regenerate the corpus and compare.
 *
 * Run: npm run fixtures:bad  (node scripts/run-ts.js scripts/make-bad-corpus.ts [output-dir])
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import * as ExcelJS from "exceljs";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../src/adapters/memory/grid-spec";
import type { XlsxReadFailureReason } from "../src/adapters/xlsx/sniff";
import { withFixedZipTimestamps, writeSpecToXlsx } from "../src/adapters/xlsx/write-xlsx";
import { zipParts } from "../src/adapters/xlsx/zip-node";
import { readDirectory, readEntry } from "../src/adapters/xlsx/fast/zip";
import { inflateNode } from "../src/adapters/xlsx/read-xlsx";
import { zhuzhouLuosongNpc2023 as SAMPLE } from "../src/samples/zhuzhou-luosong-npc-2023";
import { buildLargeSpec } from "./generate-large";

export const BAD_CORPUS_DIR = join(__dirname, "..", "test", "fixtures", "bad");
export const EXPECTED_FILE = "expected.json";

/** What checking a file must give. */
export type ExpectedOutcome =
  | {
      /** 1: readable, at least one error-level finding. */
      readonly exit: 1;
      /** Rule ids that must be among the findings. */
      readonly rules: readonly string[];
      readonly why: string;
      /** Findings the engine should give but does not yet: tested as known failures. */
      readonly knownGaps?: readonly KnownGap[];
    }
  | {
      /** 2: the file cannot be read; the message names the cause in both languages. */
      readonly exit: 2;
      readonly error: XlsxReadFailureReason;
      /** Words the message must contain, Chinese and English. */
      readonly keywords: { readonly zh: readonly string[]; readonly en: readonly string[] };
      readonly why: string;
    };

/** A finding that ought to exist: one at any of `at` ("sheet!A1", or a sheet name alone). */
export interface KnownGap {
  readonly what: string;
  readonly at: readonly string[];
}

interface BadCase {
  readonly file: string;
  readonly expected: ExpectedOutcome;
  readonly write: (path: string) => Promise<void>;
}

// The sample's own inconsistencies that survive every variant that leaves those cells alone.
const SAMPLE_STAFF_RATE = "a2.staff-control-rate"; // 控制率 60% vs 35/21 = 166.67%
const SAMPLE_EXECUTION_SCORE = "a3.execution-score"; // 执行率得分 98 with 分值 10

const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

type Keywords = Extract<ExpectedOutcome, { exit: 2 }>["keywords"];

const UNREADABLE_KEYWORDS: Readonly<Record<"not-xlsx" | "corrupt" | "encrypted" | "xls" | "doc", Keywords>> = {
  doc: { zh: ["旧版 Word 文件", ".docx"], en: ["old Word", ".docx"] },
  "not-xlsx": { zh: ["不是 Excel 文件"], en: ["not an Excel file"] },
  corrupt: { zh: ["损坏", "截断"], en: ["damaged", "cut off"] },
  encrypted: { zh: ["加密", "密码"], en: ["password"] },
  xls: { zh: ["旧格式 .xls", "另存为 .xlsx"], en: [".xls", "save it as .xlsx"] },
};

function unreadable(error: keyof typeof UNREADABLE_KEYWORDS, why: string): ExpectedOutcome {
  return { exit: 2, error, keywords: UNREADABLE_KEYWORDS[error], why };
}

function findings(rules: readonly string[], why: string, knownGaps?: readonly KnownGap[]): ExpectedOutcome {
  return { exit: 1, rules, why, ...(knownGaps ? { knownGaps } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Spec helpers

const annex2 = (): SheetSpec => SAMPLE.sheets[0]!;
const annex3 = (): SheetSpec => SAMPLE.sheets[1]!;

type Row = CellSpec[];

function numberOf(cell: CellSpec): number | undefined {
  if (typeof cell === "number") return cell;
  if (typeof cell === "object" && cell !== null && "v" in cell && typeof cell.v === "number") return cell.v;
  return undefined;
}

/** Every number cell of a sheet replaced; other cells as they are. */
function mapNumbers(sheet: SheetSpec, replace: (value: number, r: number, c: number) => CellSpec): SheetSpec {
  return {
    ...sheet,
    rows: sheet.rows.map((row, r) =>
      row.map((cell, c) => {
        const value = numberOf(cell);
        return value === undefined ? cell : replace(value, r, c);
      }),
    ),
  };
}

function everyNumber(replace: (value: number, r: number, c: number) => CellSpec): WorkbookSpec {
  return { sheets: SAMPLE.sheets.map((s) => mapNumbers(s, replace)) };
}

function setCells(sheet: SheetSpec, edits: readonly (readonly [row: number, col: number, value: CellSpec])[]): SheetSpec {
  const rows: Row[] = sheet.rows.map((r) => [...r]);
  for (const [r, c, value] of edits) {
    const row = rows[r] ?? [];
    while (row.length <= c) row.push(undefined);
    row[c] = value;
    rows[r] = row;
  }
  return { ...sheet, rows };
}

function mergeTop(merge: string): number {
  return Number(/\d+/.exec(merge)![0]) - 1;
}

function mergeBottom(merge: string): number {
  const rows = merge.match(/\d+/g)!;
  return Number(rows[rows.length - 1]) - 1;
}

/** The first `rows` rows of a sheet, merges clipped to them: a table saved half-typed. */
function cutAfter(sheet: SheetSpec, rows: number): SheetSpec {
  return {
    ...sheet,
    rows: sheet.rows.slice(0, rows),
    merges: (sheet.merges ?? [])
      .filter((m) => mergeTop(m) < rows)
      .map((m) => (mergeBottom(m) < rows ? m : m.replace(/(\d+)$/, String(rows)))),
  };
}

function rowIndexOf(sheet: SheetSpec, text: string): number {
  const index = sheet.rows.findIndex((row) => row.some((c) => typeof c === "string" && c.trim() === text));
  if (index < 0) throw new Error(`the sample has no "${text}" on ${sheet.name}`);
  return index;
}

async function fromSpec(spec: WorkbookSpec, path: string): Promise<void> {
  await writeSpecToXlsx(spec, path);
}

// ---------------------------------------------------------------------------------------------
// exceljs helpers, for what a WorkbookSpec cannot say (dates, hidden rows)

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "annex-checker";
  workbook.lastModifiedBy = "annex-checker";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeFile(path, withFixedZipTimestamps(bytes, FIXED_DATE));
}

/** Writes a spec, then lets exceljs change what the spec format has no words for. */
async function fromSpecThen(spec: WorkbookSpec, path: string, change: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  await writeSpecToXlsx(spec, path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  change(workbook);
  await saveWorkbook(workbook, path);
}

// ---------------------------------------------------------------------------------------------
// Raw zip rewriting: Excel escapes control characters in cell text as _xHHHH_, which exceljs
// cannot write; the escape is patched into the XML part after exceljs has written it.

interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

function readZipEntries(zip: Buffer): ZipEntry[] {
  return [...readDirectory(zip, Infinity).values()].map((entry) => ({ name: entry.name, data: Buffer.from(readEntry(zip, entry, Infinity, inflateNode)) }));
}

function writeZipEntries(entries: readonly ZipEntry[], date: Date): Buffer {
  return zipParts(Object.fromEntries(entries.map((e) => [e.name, e.data])), { level: 9, date });
}

// ---------------------------------------------------------------------------------------------
// OLE compound files (CFB, version 3): what Excel writes for a password-protected .xlsx
// (EncryptionInfo + EncryptedPackage streams) and for a 97-2003 .xls (a Workbook stream).

const SECTOR = 512;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;
const MINI_STREAM_CUTOFF = 4096;

interface CompoundStream {
  readonly name: string;
  readonly data: Buffer;
}

/**
 * A minimal but well-formed compound file: FAT sectors first, every stream in regular sectors (so
 * each must be at least the 4,096-byte mini-stream cutoff), and one directory sector, before the
 * data or, with `directoryLast`, after it (as some writers leave it, far from the start).
 */
function compoundFile(streams: readonly CompoundStream[], options: { readonly directoryLast?: boolean } = {}): Buffer {
  if (streams.length > 3) throw new Error("one directory sector holds the root and three streams");
  for (const s of streams) {
    if (s.data.length < MINI_STREAM_CUTOFF) throw new Error(`${s.name}: streams below 4096 bytes belong in the mini stream`);
  }
  const entriesPerSector = SECTOR / 4;
  const dataSectors = streams.reduce((n, s) => n + Math.ceil(s.data.length / SECTOR), 0);
  let fatSectors = 1;
  while (fatSectors * entriesPerSector < fatSectors + 1 + dataSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("the header's DIFAT lists 109 FAT sectors");

  const directorySector = options.directoryLast ? fatSectors + dataSectors : fatSectors;
  const starts: number[] = [];
  let next = options.directoryLast ? fatSectors : fatSectors + 1;
  for (const s of streams) {
    starts.push(next);
    next += Math.ceil(s.data.length / SECTOR);
  }

  const fat = Buffer.alloc(fatSectors * SECTOR, 0xff); // 0xFFFFFFFF everywhere: free sectors
  for (let i = 0; i < fatSectors; i++) fat.writeUInt32LE(FAT_SECTOR, i * 4);
  fat.writeUInt32LE(END_OF_CHAIN, directorySector * 4);
  streams.forEach((s, i) => {
    const count = Math.ceil(s.data.length / SECTOR);
    for (let k = 0; k < count; k++) fat.writeUInt32LE(k === count - 1 ? END_OF_CHAIN : starts[i]! + k + 1, (starts[i]! + k) * 4);
  });

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(directorySector, 48);
  header.writeUInt32LE(MINI_STREAM_CUTOFF, 56);
  header.writeUInt32LE(END_OF_CHAIN, 60);
  header.writeUInt32LE(END_OF_CHAIN, 68);
  header.fill(0xff, 76);
  for (let i = 0; i < fatSectors; i++) header.writeUInt32LE(i, 76 + i * 4); // DIFAT: where the FAT is

  // The children of the root form a red-black tree ordered by (name length, upper-case name).
  const order = streams
    .map((s, i) => ({ i, key: s.name.toUpperCase() }))
    .sort((a, b) => a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.i + 1);
  const middle = order[Math.floor((order.length - 1) / 2)]!;
  const directory = Buffer.alloc(SECTOR);
  const entry = (index: number, name: string, type: number, black: boolean, left: number, right: number, child: number, start: number, size: number) => {
    const at = index * 128;
    directory.write(name, at, "utf16le");
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory.writeUInt8(type, at + 66);
    directory.writeUInt8(black ? 1 : 0, at + 67);
    directory.writeUInt32LE(left, at + 68);
    directory.writeUInt32LE(right, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(start, at + 116);
    directory.writeUInt32LE(size, at + 120);
  };
  entry(0, "Root Entry", 5, true, NO_STREAM, NO_STREAM, streams.length ? middle : NO_STREAM, END_OF_CHAIN, 0);
  streams.forEach((s, i) => {
    const id = i + 1;
    const pos = order.indexOf(id);
    const isMiddle = id === middle;
    const left = isMiddle && pos > 0 ? order[pos - 1]! : NO_STREAM;
    const right = isMiddle && pos < order.length - 1 ? order[pos + 1]! : NO_STREAM;
    entry(id, s.name, 2, isMiddle, left, right, NO_STREAM, starts[i]!, s.data.length);
  });
  for (let i = streams.length + 1; i < SECTOR / 128; i++) {
    directory.writeUInt32LE(NO_STREAM, i * 128 + 68);
    directory.writeUInt32LE(NO_STREAM, i * 128 + 72);
    directory.writeUInt32LE(NO_STREAM, i * 128 + 76);
  }

  const data = streams.map((s) => {
    const padded = Buffer.alloc(Math.ceil(s.data.length / SECTOR) * SECTOR);
    s.data.copy(padded);
    return padded;
  });
  return Buffer.concat(options.directoryLast ? [header, fat, ...data, directory] : [header, fat, directory, ...data]);
}

/** Bytes that look like ciphertext, the same on every run. */
function pseudoRandomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

function passwordProtectedXlsx(plainSize = 8000, options: { readonly directoryLast?: boolean } = {}): Buffer {
  // Agile encryption (ECMA-376 part 2, 2.3.4.10): version 4.4, flags 0x40, then the XML descriptor.
  const descriptor =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA==" encryptedVerifierHashInput="AAAAAAAAAAAAAAAAAAAAAA==" encryptedVerifierHashValue="AAAAAAAAAAAAAAAAAAAAAA==" encryptedKeyValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
    "</keyEncryptor></keyEncryptors></encryption>";
  const info = Buffer.alloc(MINI_STREAM_CUTOFF, 0x20);
  info.writeUInt16LE(4, 0);
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  info.write(descriptor, 8, "utf8");
  const packageStream = Buffer.concat([Buffer.alloc(8), pseudoRandomBytes(Math.ceil(plainSize / 16) * 16, 4242)]);
  packageStream.writeUInt32LE(plainSize, 0);
  return compoundFile([
    { name: "EncryptionInfo", data: info },
    { name: "EncryptedPackage", data: packageStream },
  ], options);
}

function oldBinaryXls(): Buffer {
  // BIFF8: a BOF record (type 0x0809, 16 bytes: version 0x0600, workbook globals 0x0005), then EOF.
  const workbook = Buffer.alloc(MINI_STREAM_CUTOFF);
  workbook.writeUInt16LE(0x0809, 0);
  workbook.writeUInt16LE(16, 2);
  workbook.writeUInt16LE(0x0600, 4);
  workbook.writeUInt16LE(0x0005, 6);
  workbook.writeUInt16LE(0x0a, 20); // EOF record, length 0
  return compoundFile([{ name: "Workbook", data: workbook }]);
}

/** A Word 97-2003 .doc: a compound file too, but not a workbook. */
function oldWordDocument(): Buffer {
  const word = Buffer.alloc(MINI_STREAM_CUTOFF);
  word.writeUInt16LE(0xa5ec, 0); // the FIB's wIdent
  return compoundFile([
    { name: "WordDocument", data: word },
    { name: "1Table", data: Buffer.alloc(MINI_STREAM_CUTOFF) },
  ]);
}

// A 1×1 transparent PNG.
const PNG_BYTES = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

// ---------------------------------------------------------------------------------------------
// Odd text

const RLM = "\u200f";
const RLO = "\u202e";
const ZWSP = "\u200b";
const LONG_TEXT = "超过年初预算，".repeat(Math.ceil(4000 / 7)).slice(0, 4000);

async function oddText(path: string): Promise<void> {
  const a2 = annex2();
  const a3 = annex3();
  const header = rowIndexOf(a3, "一级指标");
  const spec: WorkbookSpec = {
    sheets: [
      // A sheet name with a right-to-left override: it is printed in every report's summary.
      setCells({ ...a2, name: `附件2${RLO}` }, [
        // Labels staff pasted from elsewhere: a right-to-left mark, a zero-width space, a tab.
        [rowIndexOf(a2, "三公经费"), 0, `三公经费${RLM}`],
        [rowIndexOf(a2, "公用经费"), 0, `公用${ZWSP}经费\t`],
        [rowIndexOf(a2, "政府采购金额"), 0, "政府采购金额\r\n"],
      ]),
      setCells(a3, [
        [2, 3, `株洲市芦淞区人民代表大会常务委员会 🏛️${RLM}`],
        [header + 1, 3, "机关福利、办公支出 👍🏽"],
        [header + 2, 3, `${RLO}六届三次全会`],
        // A 4,000-character score and a reason of 4,000 characters.
        [header + 3, 7, LONG_TEXT],
        [header + 4, 7, "4😀"],
        [header + 13, 8, LONG_TEXT],
        // Control characters in a score: they reach a finding's message, and so the terminal.
        [header + 5, 7, "CTRL_MARK_1"],
      ]),
    ],
  };
  await writeSpecToXlsx(spec, path);
  // exceljs drops C0 controls on write; Excel stores them as _xHHHH_ escapes, so they go in here.
  const entries = readZipEntries(await readFile(path)).map((entry) =>
    entry.name === "xl/sharedStrings.xml"
      ? { ...entry, data: Buffer.from(entry.data.toString("utf8").replace("CTRL_MARK_1", "4_x0007__x001B_[31m_x0000_"), "utf8") }
      : entry,
  );
  await writeFile(path, writeZipEntries(entries, FIXED_DATE));
}

// ---------------------------------------------------------------------------------------------
// The cases

function duplicateThreePublic(): WorkbookSpec {
  const a2 = annex2();
  const at = rowIndexOf(a2, "三公经费");
  const rows: Row[] = a2.rows.map((r) => [...r]);
  rows.splice(at + 1, 0, ["三公经费", 5, 6, 7]);
  const shift = (m: string) => m.replace(/([A-Z]+)(\d+)/g, (_x, col: string, row: string) => `${col}${Number(row) - 1 > at ? Number(row) + 1 : row}`);
  return { sheets: [{ ...a2, rows, merges: (a2.merges ?? []).map(shift) }, annex3()] };
}

function secondAnnex3(): WorkbookSpec {
  const copy = setCells({ ...annex3(), name: "附件3（修改稿）" }, [[4, 8, 9.5]]);
  return { sheets: [annex2(), annex3(), copy] };
}

const DATE_CELL = new Date(Date.UTC(2023, 11, 31));

export const BAD_CASES: readonly BadCase[] = [
  {
    file: "empty-workbook.xlsx",
    expected: findings(["sheet.annex-not-found"], "one blank sheet: neither annex can be found"),
    write: async (path) => {
      const workbook = newWorkbook();
      workbook.addWorksheet("Sheet1");
      await saveWorkbook(workbook, path);
    },
  },
  {
    file: "no-sheets.xlsx",
    expected: findings(["sheet.annex-not-found"], "a workbook part with no sheet at all (Excel never writes this, other tools do)"),
    write: (path) => saveWorkbook(newWorkbook(), path),
  },
  {
    file: "unrelated-table.xlsx",
    expected: findings(["sheet.annex-not-found"], "a staff address list: no annex label anywhere"),
    write: (path) =>
      fromSpec(
        {
          sheets: [
            {
              name: "通讯录",
              rows: [
                ["姓名", "科室", "电话", "年龄"],
                ["张三", "办公室", "28580679", 35],
                ["李四", "财务科", "28580680", 41],
                ["王五", "预算科", "28580681", 29],
              ],
            },
          ],
        },
        path,
      ),
  },
  {
    file: "only-annex2.xlsx",
    expected: findings(["sheet.annex-not-found", SAMPLE_STAFF_RATE], "附件3 missing: said so, and 附件2 still checked"),
    write: (path) => fromSpec({ sheets: [annex2()] }, path),
  },
  {
    file: "only-annex3.xlsx",
    expected: findings(["sheet.annex-not-found", SAMPLE_EXECUTION_SCORE], "附件2 missing: said so, and 附件3 still checked"),
    write: (path) => fromSpec({ sheets: [annex3()] }, path),
  },
  {
    file: "annex2-cut-half.xlsx",
    expected: findings(["sheet.label-missing", SAMPLE_STAFF_RATE, SAMPLE_EXECUTION_SCORE], "附件2 stops after 运行维护经费: 公用经费, 政府采购金额 and 楼堂馆所 are missing"),
    write: (path) => fromSpec({ sheets: [cutAfter(annex2(), 14), annex3()] }, path),
  },
  {
    file: "annex3-cut-half.xlsx",
    expected: findings(["sheet.label-missing", SAMPLE_STAFF_RATE, SAMPLE_EXECUTION_SCORE], "附件3 stops in the middle of the 产出 indicators: no 总分 row"),
    write: (path) => fromSpec({ sheets: [annex2(), cutAfter(annex3(), 16)] }, path),
  },
  {
    file: "numbers-as-chinese-text.xlsx",
    expected: findings(["cell.not-a-number"], "every number typed in words (三十)"),
    write: (path) => fromSpec(everyNumber(() => "三十"), path),
  },
  {
    file: "numbers-as-dash.xlsx",
    expected: findings(["a3.missing-field", "a3.weights-total"], "every number replaced by ——: nothing to recompute; the empty 分值 column cannot add up to 100"),
    write: (path) => fromSpec(everyNumber(() => "——"), path),
  },
  {
    file: "numbers-as-slash.xlsx",
    expected: findings(["a3.missing-field", "a3.weights-total"], "every number replaced by /: nothing to recompute; the empty 分值 column cannot add up to 100"),
    write: (path) => fromSpec(everyNumber(() => "/"), path),
  },
  ...(["#DIV/0!", "#REF!", "#VALUE!"] as const).map(
    (code): BadCase => ({
      file: `numbers-as-error-${code.replace(/[#!/]/g, "").toLowerCase()}.xlsx`,
      expected: findings(["cell.error-value"], `every number cell holds the Excel error ${code} (a real error cell)`),
      write: (path) => fromSpec(everyNumber(() => ({ v: { error: code } })), path),
    }),
  ),
  {
    file: "zero-establishment-and-budget.xlsx",
    expected: findings(
      ["a2.staff-control-rate", "a3.execution-rate", SAMPLE_EXECUTION_SCORE],
      "编制数 0 and 全年预算数 0: the rates divide by zero and must say so, not crash; 得分 98 still exceeds 分值 10",
    ),
    write: (path) => fromSpec({ sheets: [setCells(annex2(), [[3, 1, 0]]), setCells(annex3(), [[4, 4, { v: 0, fmt: "0.00" }]])] }, path),
  },
  {
    file: "negative-amounts.xlsx",
    expected: findings([SAMPLE_STAFF_RATE], "every number negated"),
    write: (path) => fromSpec(everyNumber((v, _r, _c) => (v === 0 ? -1 : -v)), path),
  },
  {
    file: "huge-numbers.xlsx",
    expected: findings(["a2.staff-control-rate", "a3.execution-rate"], "every number 1e300: computed, not overflowed to Infinity"),
    write: (path) => fromSpec(everyNumber(() => 1e300), path),
  },
  {
    file: "tiny-numbers.xlsx",
    expected: findings(["a2.staff-control-rate", "a3.execution-rate", "a3.level1-weight"], "every number 1e-300: computed, not underflowed"),
    write: (path) => fromSpec(everyNumber(() => 1e-300), path),
  },
  {
    file: "dates-as-numbers.xlsx",
    expected: findings(["cell.not-a-number"], "every number cell holds a real date (2023-12-31)"),
    write: (path) =>
      fromSpecThen(SAMPLE, path, (workbook) => {
        for (const worksheet of workbook.worksheets) {
          worksheet.eachRow((row) =>
            row.eachCell((cell) => {
              if (typeof cell.value === "number") {
                cell.value = DATE_CELL;
                cell.numFmt = "yyyy-mm-dd";
              }
            }),
          );
        }
      }),
  },
  {
    file: "duplicate-three-public.xlsx",
    expected: findings(["a2.three-public-total", SAMPLE_STAFF_RATE, SAMPLE_EXECUTION_SCORE], "two 三公经费 rows in 附件2: the second is checked as the total"),
    write: (path) => fromSpec(duplicateThreePublic(), path),
  },
  {
    file: "two-annex3.xlsx",
    expected: findings(["sheet.duplicate-annex", SAMPLE_STAFF_RATE, SAMPLE_EXECUTION_SCORE], "a second 附件3 sheet (a revised copy) next to the first: named, so nobody believes it was checked"),
    write: (path) => fromSpec(secondAnnex3(), path),
  },
  {
    file: "merged-label-value.xlsx",
    expected: findings(
      [SAMPLE_STAFF_RATE, SAMPLE_EXECUTION_SCORE],
      "merges spanning label and value columns (三公经费 over its 2022 amount; 年度资金总额 over 年初预算数, 全年预算数 over 全年执行数): the rate cannot be computed and 得分 98 exceeds 分值 10",
    ),
    write: (path) =>
      fromSpec(
        {
          sheets: [
            { ...annex2(), merges: [...(annex2().merges ?? []), "A6:B6", "A18:C18"] },
            { ...annex3(), merges: [...(annex3().merges ?? []).filter((m) => m !== "B5:C5"), "B5:D5", "E5:F5"] },
          ],
        },
        path,
      ),
  },
  {
    file: "hidden-rows-columns.xlsx",
    expected: findings([SAMPLE_STAFF_RATE, SAMPLE_EXECUTION_SCORE], "the sample with rows and columns hidden: hidden cells are still checked"),
    write: (path) =>
      fromSpecThen(SAMPLE, path, (workbook) => {
        const [a2, a3] = workbook.worksheets;
        for (const r of [4, 6, 7, 8]) a2!.getRow(r).hidden = true;
        a2!.getColumn(3).hidden = true;
        for (const r of [5, 14, 15, 16]) a3!.getRow(r).hidden = true;
        a3!.getColumn(9).hidden = true;
      }),
  },
  {
    file: "indicators-10000.xlsx",
    expected: findings([SAMPLE_EXECUTION_SCORE], "附件3 with 10,000 indicator rows"),
    write: (path) => fromSpec(buildLargeSpec({ indicatorRows: 10000, specialLines: 20 }), path),
  },
  {
    file: "odd-text.xlsx",
    expected: findings(["cell.not-a-number", SAMPLE_STAFF_RATE, SAMPLE_EXECUTION_SCORE], "control characters, right-to-left marks, emoji and 4,000-character strings in labels and cells"),
    write: oddText,
  },
  {
    file: "text-renamed.xlsx",
    expected: unreadable("not-xlsx", "a text file renamed .xlsx"),
    write: (path) => writeFile(path, "编制数,实际在职人数\n21,35\n", "utf8"),
  },
  {
    file: "png-renamed.xlsx",
    expected: unreadable("not-xlsx", "a PNG image renamed .xlsx"),
    write: (path) => writeFile(path, PNG_BYTES),
  },
  {
    file: "empty-file.xlsx",
    expected: unreadable("not-xlsx", "zero bytes"),
    write: (path) => writeFile(path, Buffer.alloc(0)),
  },
  {
    file: "zip-not-workbook.xlsx",
    expected: unreadable("not-xlsx", "a zip archive of text files renamed .xlsx"),
    write: (path) => writeFile(path, writeZipEntries([{ name: "readme.txt", data: Buffer.from("附件2 附件3\n", "utf8") }], FIXED_DATE)),
  },
  {
    file: "truncated-zip.xlsx",
    expected: unreadable("corrupt", "the sample workbook cut in half, as an interrupted download leaves it"),
    write: async (path) => {
      const whole = `${path}.tmp`;
      await writeSpecToXlsx(SAMPLE, whole);
      const bytes = await readFile(whole);
      await rm(whole);
      await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    },
  },
  {
    file: "password-protected.xlsx",
    expected: unreadable("encrypted", "an .xlsx with an open password: an OLE compound file with EncryptionInfo and EncryptedPackage"),
    write: (path) => writeFile(path, passwordProtectedXlsx()),
  },
  {
    file: "password-protected-large.xlsx",
    expected: unreadable("encrypted", "a 200 KB password-protected .xlsx whose stream directory comes after the encrypted data"),
    write: (path) => writeFile(path, passwordProtectedXlsx(200_000, { directoryLast: true })),
  },
  {
    file: "password-protected-truncated.xlsx",
    expected: unreadable("corrupt", "the large password-protected file cut off before its stream directory: damaged, not an .xls"),
    write: (path) => writeFile(path, passwordProtectedXlsx(200_000, { directoryLast: true }).subarray(0, 100_000)),
  },
  {
    file: "word-doc-renamed.xlsx",
    expected: unreadable("doc", "a Word 97-2003 .doc renamed .xlsx: a compound file with a WordDocument stream, told to save as .docx"),
    write: (path) => writeFile(path, oldWordDocument()),
  },
  {
    file: "old-format.xls",
    expected: unreadable("xls", "an Excel 97-2003 .xls: an OLE compound file with a Workbook stream"),
    write: (path) => writeFile(path, oldBinaryXls()),
  },
  {
    file: "old-format-renamed.xlsx",
    expected: unreadable("xls", "an .xls renamed .xlsx"),
    write: (path) => writeFile(path, oldBinaryXls()),
  },
];

/** Writes every case and expected.json into `dir`, removing files no case names. */
export async function writeBadCorpus(dir: string = BAD_CORPUS_DIR): Promise<Record<string, ExpectedOutcome>> {
  await mkdir(dir, { recursive: true });
  const expected: Record<string, ExpectedOutcome> = {};
  for (const c of BAD_CASES) {
    await c.write(join(dir, c.file));
    expected[c.file] = c.expected;
  }
  const wanted = new Set([...BAD_CASES.map((c) => c.file), EXPECTED_FILE]);
  for (const name of await readdir(dir)) if (!wanted.has(name)) await rm(join(dir, name), { recursive: true });
  await writeFile(join(dir, EXPECTED_FILE), `${JSON.stringify(expected, null, 2)}\n`, "utf8");
  return expected;
}

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? BAD_CORPUS_DIR);
  const started = performance.now();
  const expected = await writeBadCorpus(dir);
  console.log(`${relative(process.cwd(), dir) || dir}: ${Object.keys(expected).length} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === __filename) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

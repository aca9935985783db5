import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import * as ExcelJS from "exceljs";
import { snapshotFromSpec, type WorkbookSpec } from "../../src/adapters/memory/grid-spec";
import { readXlsx, writeFixedCopy, writeSpecToXlsx, type XlsxReadResult } from "../../src/adapters/xlsx";
import { fromA1, rangeToA1, type CellAddress } from "../../src/core/grid/address";
import type { Cell, SheetGrid, WorkbookSnapshot } from "../../src/core/grid/workbook";
import type { CellEdit } from "../../src/core/findings/finding";
import { zhuzhouLuosongNpc2023 as sample } from "../../src/samples/zhuzhou-luosong-npc-2023";

const COMMITTED_SAMPLE = join(__dirname, "..", "..", "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "annex-xlsx-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let fileCounter = 0;
function tempPath(name = "book.xlsx"): string {
  fileCounter += 1;
  return join(dir, `${fileCounter}-${name}`);
}

function expectOk(result: XlsxReadResult): WorkbookSnapshot {
  if (!result.ok) throw new Error(`read failed: ${result.reason} ${result.message.en}`);
  return result.snapshot;
}

function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetGrid {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function addr(sheet: string, a1: string): CellAddress {
  const address = fromA1(a1, sheet);
  if (!address) throw new Error(`bad address ${a1}`);
  return address;
}

function cellAtA1(snapshot: WorkbookSnapshot, sheet: string, a1: string): Cell | undefined {
  const { row, col } = addr(sheet, a1);
  return sheetOf(snapshot, sheet).cell(row, col);
}

/** Every non-blank cell as "sheet!A1" -> cell, for whole-workbook comparisons. */
function cellMap(snapshot: WorkbookSnapshot): Map<string, Cell> {
  const map = new Map<string, Cell>();
  for (const sheet of snapshot.sheets) {
    for (let r = 0; r < sheet.rowCount; r++) {
      for (let c = 0; c < sheet.colCount; c++) {
        const cell = sheet.cell(r, c);
        if (cell) map.set(`${sheet.name}!${fromRowCol(r, c)}`, cell);
      }
    }
  }
  return map;
}

function fromRowCol(row: number, col: number): string {
  return rangeToA1({ sheet: "", top: row, left: col, bottom: row, right: col });
}

function mergesOf(snapshot: WorkbookSnapshot): Record<string, string[]> {
  return Object.fromEntries(snapshot.sheets.map((s) => [s.name, s.merges.map(rangeToA1).sort()]));
}

/** The sample plus a sheet of formula cells, so writeFixedCopy has formulas to refuse. */
const specWithFormulas: WorkbookSpec = {
  sheets: [
    ...sample.sheets,
    {
      name: "计算",
      rows: [
        [21, 35, { v: 1.6667, f: "=C1/B1", fmt: "0.00%" }],
        ["合计", { v: 56, f: "=A1+B1" }, { v: { error: "#DIV/0!" }, f: "=A1/0" }],
      ],
    },
  ],
};

describe("writeSpecToXlsx + readXlsx round trip", () => {
  it("reads back every value, number format and merge of the sample spec", async () => {
    const path = tempPath();
    await writeSpecToXlsx(sample, path);
    const read = expectOk(await readXlsx(path));
    const expected = snapshotFromSpec(sample);

    expect(read.sheets.map((s) => s.name)).toEqual(["附件2", "附件3"]);
    const readCells = cellMap(read);
    const specCells = cellMap(expected);
    for (const [key, cell] of specCells) {
      expect({ key, value: readCells.get(key)?.value, format: readCells.get(key)?.numberFormat }).toEqual({
        key,
        value: cell.value,
        format: cell.numberFormat,
      });
    }
    // Nothing extra either: borders and merge followers must not show up as cells.
    expect([...readCells.keys()].sort()).toEqual([...specCells.keys()].sort());
    expect(mergesOf(read)).toEqual(mergesOf(expected));
    expect(read.sheets.every((s) => s.protected === false)).toBe(true);
  });

  it("reads formulas with their cached results", async () => {
    const path = tempPath();
    await writeSpecToXlsx(specWithFormulas, path);
    const read = expectOk(await readXlsx(path));
    expect(cellAtA1(read, "计算", "C1")).toEqual({ value: 1.6667, formula: "=C1/B1", numberFormat: "0.00%" });
    expect(cellAtA1(read, "计算", "B2")).toEqual({ value: 56, formula: "=A1+B1" });
    expect(cellAtA1(read, "计算", "C2")).toEqual({ value: { error: "#DIV/0!" }, formula: "=A1/0" });
  });

  it("marks protected sheets", async () => {
    const path = tempPath();
    await writeSpecToXlsx({ sheets: [{ name: "锁定", rows: [["a"]], protected: true }] }, path);
    const read = expectOk(await readXlsx(path));
    expect(read.sheets[0]?.protected).toBe(true);
  });

  it("writes the same bytes every time", async () => {
    const first = tempPath();
    const second = tempPath();
    await writeSpecToXlsx(sample, first);
    await new Promise((done) => setTimeout(done, 2100)); // DOS timestamps tick every 2 s
    await writeSpecToXlsx(sample, second);
    expect((await readFile(second)).equals(await readFile(first))).toBe(true);
  });
});

describe("readXlsx cell conversion", () => {
  it("turns rich text, hyperlinks, dates, booleans and errors into plain values", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("杂项");
    ws.getCell("A1").value = { richText: [{ text: "按收入" }, { text: "性质分", font: { bold: true } }] };
    ws.getCell("A2").value = { text: "链接", hyperlink: "https://example.org" };
    ws.getCell("A3").value = new Date(Date.UTC(2023, 11, 31));
    ws.getCell("A4").value = true;
    ws.getCell("A5").value = { error: "#N/A" };
    ws.getCell("A6").value = { formula: "A7*2", result: "文本结果" };
    ws.getCell("A7").value = { formula: "1+1" };
    ws.getCell("B1").value = 0.1;
    ws.getCell("B1").numFmt = "General";
    const path = tempPath();
    await workbook.xlsx.writeFile(path);

    const read = expectOk(await readXlsx(path));
    expect(cellAtA1(read, "杂项", "A1")?.value).toBe("按收入性质分");
    expect(cellAtA1(read, "杂项", "A2")?.value).toBe("链接");
    expect(cellAtA1(read, "杂项", "A3")?.value).toBe("2023-12-31");
    expect(cellAtA1(read, "杂项", "A4")?.value).toBe(true);
    expect(cellAtA1(read, "杂项", "A5")?.value).toEqual({ error: "#N/A" });
    expect(cellAtA1(read, "杂项", "A6")).toEqual({ value: "文本结果", formula: "=A7*2" });
    expect(cellAtA1(read, "杂项", "A7")).toEqual({ value: null, formula: "=1+1" });
    expect(cellAtA1(read, "杂项", "B1")).toEqual({ value: 0.1 });
  });

  it("accepts a Buffer as well as a path", async () => {
    const read = expectOk(await readXlsx(await readFile(COMMITTED_SAMPLE)));
    expect(read.sheets.map((s) => s.name)).toEqual(["附件2", "附件3"]);
  });
});

describe("the committed sample workbook", () => {
  it("reads, has 附件2 and 附件3, and matches its spec", async () => {
    const read = expectOk(await readXlsx(COMMITTED_SAMPLE));
    expect(read.sheets.map((s) => s.name)).toEqual(["附件2", "附件3"]);
    // A stale file (spec changed, `npm run sample` not run) fails here.
    const readCells = cellMap(read);
    for (const [key, cell] of cellMap(snapshotFromSpec(sample))) {
      expect({ key, cell: readCells.get(key) }).toEqual({ key, cell });
    }
    expect(mergesOf(read)).toEqual(mergesOf(snapshotFromSpec(sample)));
  });
});

describe("readXlsx on bad input", () => {
  async function readBytes(bytes: Buffer, name = "bad.xlsx"): Promise<XlsxReadResult> {
    const path = tempPath(name);
    await writeFile(path, bytes);
    return readXlsx(path);
  }

  function expectFailure(result: XlsxReadResult, reason: string): void {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(reason);
    expect(result.message.zh).toMatch(/^无法读取：/);
    expect(result.message.en).toMatch(/^Cannot read: /);
    expect(result.message.zh).not.toContain("\n");
    expect(result.message.en).not.toContain("\n");
  }

  /** Deterministic noise that does not start with a zip or OLE signature. */
  function noise(length: number): Buffer {
    const bytes = Buffer.alloc(length);
    let state = 12345;
    for (let i = 0; i < length; i++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = state >> 16;
    }
    bytes[0] = 0x13;
    return bytes;
  }

  it("reports a missing file", async () => {
    expectFailure(await readXlsx(join(dir, "does-not-exist.xlsx")), "missing");
  });

  it("reports a text file renamed .xlsx", async () => {
    expectFailure(await readBytes(Buffer.from("编制数,21\n实际在职人数,35\n", "utf8")), "not-xlsx");
  });

  it("reports an empty file", async () => {
    expectFailure(await readBytes(Buffer.alloc(0)), "not-xlsx");
  });

  it("reports random bytes", async () => {
    expectFailure(await readBytes(noise(4096)), "not-xlsx");
  });

  it("reports a directory", async () => {
    expectFailure(await readXlsx(dir), "folder");
  });

  it("reports a zip that is not a workbook", async () => {
    expectFailure(await readBytes(storedZip("readme.txt", "not a workbook")), "not-xlsx");
  });

  it("reports a truncated workbook", async () => {
    const whole = await readFile(COMMITTED_SAMPLE);
    expectFailure(await readBytes(whole.subarray(0, Math.floor(whole.length / 2))), "corrupt");
  });

  it("reports a zip with garbage after the signature", async () => {
    expectFailure(await readBytes(Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), noise(2048)])), "corrupt");
  });

  it("reports an old binary .xls", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    Buffer.from("Workbook", "utf16le").copy(ole, 1024);
    expectFailure(await readBytes(ole, "old.xls"), "xls");
  });

  it("reports a password-protected .xlsx (an OLE file with an EncryptionInfo stream)", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    Buffer.from("EncryptionInfo", "utf16le").copy(ole, 1024);
    Buffer.from("EncryptedPackage", "utf16le").copy(ole, 1152);
    expectFailure(await readBytes(ole), "encrypted");
  });

  it("never throws, for buffers either", async () => {
    await expect(readXlsx(Buffer.from("PK\x03\x04 junk", "latin1"))).resolves.toMatchObject({ ok: false, reason: "corrupt" });
    await expect(readXlsx(Buffer.alloc(0))).resolves.toMatchObject({ ok: false, reason: "not-xlsx" });
  });
});

describe("writeFixedCopy", () => {
  let input: string;
  let original: WorkbookSnapshot;

  beforeAll(async () => {
    input = tempPath("input.xlsx");
    await writeSpecToXlsx(specWithFormulas, input);
    original = expectOk(await readXlsx(input));
  });

  function edit(sheet: string, a1: string, before: Cell["value"], after: number | string, numberFormat?: string): CellEdit {
    return { at: addr(sheet, a1), before, after, ...(numberFormat !== undefined ? { numberFormat } : {}) };
  }

  /** Every cell of `after` equals `before` except the listed ones; merges and sheets too. */
  function expectUnchangedExcept(before: WorkbookSnapshot, after: WorkbookSnapshot, changed: readonly string[]): void {
    const a = cellMap(before);
    const b = cellMap(after);
    for (const key of changed) {
      a.delete(key);
      b.delete(key);
    }
    expect(Object.fromEntries(b)).toEqual(Object.fromEntries(a));
    expect(mergesOf(after)).toEqual(mergesOf(before));
    expect(after.sheets.map((s) => [s.name, s.protected])).toEqual(before.sheets.map((s) => [s.name, s.protected]));
  }

  it("applies number edits with their formats and changes nothing else", async () => {
    const output = tempPath("fixed.xlsx");
    const edits = [
      edit("附件2", "D4", 0.6, 1.6667, "0.00%"),
      // I5 shares its (General) style with many cells: the new format must not spread to them.
      edit("附件3", "I5", 98, 10, "0.00"),
      edit("附件3", "H26", 19, 19.38),
    ];
    const result = await writeFixedCopy(input, output, edits, {});
    expect(result).toEqual({ ok: true, applied: edits, stale: [] });

    const fixed = expectOk(await readXlsx(output));
    expect(cellAtA1(fixed, "附件2", "D4")).toEqual({ value: 1.6667, numberFormat: "0.00%" });
    expect(cellAtA1(fixed, "附件3", "I5")).toEqual({ value: 10, numberFormat: "0.00" });
    expect(cellAtA1(fixed, "附件3", "H26")).toEqual({ value: 19.38 });
    expect(cellAtA1(fixed, "附件3", "G5")).toEqual({ value: 10 });
    expectUnchangedExcept(original, fixed, ["附件2!D4", "附件3!I5", "附件3!H26"]);
    // The input is untouched.
    expect(cellMap(expectOk(await readXlsx(input)))).toEqual(cellMap(original));
  });

  it("refuses an edit whose cell no longer holds the value validation saw", async () => {
    const output = tempPath("stale.xlsx");
    const staleEdit = edit("附件2", "B4", 20, 35);
    const blankWas = edit("附件2", "A4", "something", "x");
    const good = edit("附件2", "C4", 35, 36);
    const result = await writeFixedCopy(input, output, [staleEdit, blankWas, good], {});
    expect(result).toEqual({ ok: true, applied: [good], stale: [staleEdit, blankWas] });
    const fixed = expectOk(await readXlsx(output));
    expect(cellAtA1(fixed, "附件2", "B4")?.value).toBe(21);
    expect(cellAtA1(fixed, "附件2", "A4")).toBeUndefined();
    expectUnchangedExcept(original, fixed, ["附件2!C4"]);
  });

  it("writes into an empty cell when validation saw it empty", async () => {
    const output = tempPath("blank.xlsx");
    const result = await writeFixedCopy(input, output, [edit("附件2", "C23", null, 0)], {});
    expect(result).toMatchObject({ ok: true, stale: [] });
    expect(cellAtA1(expectOk(await readXlsx(output)), "附件2", "C23")?.value).toBe(0);
  });

  it("never writes into formula cells, merge followers or unknown sheets", async () => {
    const output = tempPath("formula.xlsx");
    const edits = [
      edit("计算", "C1", 1.6667, 1.5),
      edit("计算", "B2", 56, 57),
      edit("附件3", "C5", null, "x"), // inside B5:C5
      edit("没有这张表", "A1", null, 1),
    ];
    const result = await writeFixedCopy(input, output, edits, {});
    expect(result).toEqual({ ok: true, applied: [], stale: edits });
    const fixed = expectOk(await readXlsx(output));
    expect(cellAtA1(fixed, "计算", "C1")).toEqual({ value: 1.6667, formula: "=C1/B1", numberFormat: "0.00%" });
    expectUnchangedExcept(original, fixed, []);
  });

  it("writes text that looks like a formula as literal text", async () => {
    const output = tempPath("literal.xlsx");
    const result = await writeFixedCopy(input, output, [edit("附件3", "I14", null, "=1+1"), edit("附件3", "I15", null, "-5+@x")], {});
    expect(result).toMatchObject({ ok: true, stale: [] });
    const fixed = expectOk(await readXlsx(output));
    expect(cellAtA1(fixed, "附件3", "I14")).toEqual({ value: "=1+1" });
    expect(cellAtA1(fixed, "附件3", "I15")).toEqual({ value: "-5+@x" });

    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(output);
    const cell = raw.getWorksheet("附件3")?.getCell("I14");
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe("=1+1");
  });

  it("refuses to write over its input", async () => {
    const result = await writeFixedCopy(input, input, [edit("附件2", "C4", 35, 36)], { force: true });
    expect(result).toMatchObject({ ok: false, reason: "same-file" });
    if (!result.ok) {
      expect(result.message.zh).toBeTruthy();
      expect(result.message.en).toBeTruthy();
    }
    const sameViaDots = await writeFixedCopy(input, `${dir}/sub/../${basename(input)}`, [], { force: true });
    expect(sameViaDots).toMatchObject({ ok: false, reason: "same-file" });
  });

  it("refuses to write over its input through a symlink", async () => {
    const link = tempPath("link.xlsx");
    await symlink(input, link);
    const result = await writeFixedCopy(input, link, [], { force: true });
    expect(result).toMatchObject({ ok: false, reason: "same-file" });
    expect(cellMap(expectOk(await readXlsx(input)))).toEqual(cellMap(original));
  });

  it("refuses an existing output unless forced", async () => {
    const output = tempPath("existing.xlsx");
    await writeFile(output, "keep me");
    const refused = await writeFixedCopy(input, output, [edit("附件2", "C4", 35, 36)], {});
    expect(refused).toMatchObject({ ok: false, reason: "exists" });
    expect(await readFile(output, "utf8")).toBe("keep me");

    const forced = await writeFixedCopy(input, output, [edit("附件2", "C4", 35, 36)], { force: true });
    expect(forced).toMatchObject({ ok: true, stale: [] });
    expect(cellAtA1(expectOk(await readXlsx(output)), "附件2", "C4")?.value).toBe(36);
  });

  it("reports an unreadable input and a failed write", async () => {
    const notXlsx = tempPath("text.xlsx");
    await writeFile(notXlsx, "plain text");
    const unreadable = await writeFixedCopy(notXlsx, tempPath("out.xlsx"), [], {});
    expect(unreadable).toMatchObject({ ok: false, reason: "unreadable" });

    const missingDir = await writeFixedCopy(input, join(dir, "no", "such", "dir", "out.xlsx"), [], {});
    expect(missingDir).toMatchObject({ ok: false, reason: "write-failed" });
  });
});

// ---------------------------------------------------------------------------------------------

/** A one-entry zip with no compression: a valid archive that is not a workbook. */
function storedZip(name: string, content: string): Buffer {
  const data = Buffer.from(content, "utf8");
  const fileName = Buffer.from(name, "utf8");
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

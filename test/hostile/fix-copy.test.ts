/**
 * The corrected copy changes only the cells it corrects (issue 13): --fix edits those cells in the
 * original package and copies every other part byte for byte, macros and all; the copy is
 * self-checked before it is written; two runs racing on one output leave one whole workbook.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { runCli } from "../helpers/run-cli";
import { writeFixedCopy } from "../../src/adapters/xlsx/write-xlsx";
import { readXlsx } from "../../src/adapters/xlsx/read-xlsx";
import { patchCells, PatchError, styleOfCell } from "../../src/adapters/xlsx/patch/cells-xml";
import { StylesPatch } from "../../src/adapters/xlsx/patch/styles-xml";
import { recalculateOnLoad } from "../../src/adapters/xlsx/patch/fix-package";
import { buildXlsx, stylesWith } from "../helpers/xlsx-parts";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-fixcopy-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The seed with a part of every kind the checker does not understand, as a macro-enabled workbook. */
function richWorkbook(): Buffer {
  const parts = unzipSync(new Uint8Array(readFileSync(SAMPLE)));
  const binary = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
  const extra: Record<string, Uint8Array> = {
    "xl/vbaProject.bin": binary,
    "xl/externalLinks/externalLink1.xml": strToU8(`<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook><sheetNames><sheetName val="2022"/></sheetNames></externalBook></externalLink>`),
    "xl/connections.xml": strToU8(`<?xml version="1.0"?><connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" name="财政库" type="1"/></connections>`),
    "xl/charts/chart1.xml": strToU8(`<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>`),
    "xl/media/image1.png": binary.slice(0, 777),
    "xl/comments1.xml": strToU8(`<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>财务科</author></authors></comments>`),
    "xl/pivotCache/pivotCacheDefinition1.xml": strToU8(`<?xml version="1.0"?><pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`),
    "customXml/item1.xml": strToU8(`<root>自定义</root>`),
  };
  const types = new TextDecoder().decode(parts["[Content_Types].xml"]!)
    .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  return Buffer.from(zipSync({ ...parts, "[Content_Types].xml": strToU8(types), ...extra }));
}

const partsOf = (bytes: Uint8Array) => unzipSync(bytes);
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) => a !== undefined && b !== undefined && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

test("--fix of a macro-enabled workbook: every part but the corrected sheets (and styles) byte for byte; the copy stays .xlsm", async () => {
  const input = join(dir, "rich.xlsm");
  writeFileSync(input, richWorkbook());
  const output = join(dir, "rich-fixed.xlsm");
  const run = await runCli([input, "--fix", output, "--format", "json"]);
  expect(run.stderr).toContain("修正 2 处");
  const before = partsOf(readFileSync(input));
  const after = partsOf(readFileSync(output));
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  const changed = Object.keys(before).filter((name) => !same(before[name], after[name])).sort();
  expect(changed).toEqual(["xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
  // Checked again, the two fixed cells hold their fixes and no error of those rules remains.
  const again = JSON.parse((await runCli([output, "--format", "json"])).stdout) as { findings: { ruleId: string; severity: string; cell: string }[] };
  const first = JSON.parse(run.stdout) as { findings: { ruleId: string; severity: string; cell: string; fix?: { safe: boolean } }[] };
  // --fix applies the safe fixes (a suggested score is only offered).
  const fixedCells = first.findings.filter((f) => f.fix?.safe).map((f) => f.cell);
  expect(fixedCells).toHaveLength(2);
  for (const cell of fixedCells) expect(again.findings.some((f) => f.cell === cell && f.severity === "error")).toBe(false);
});

test("a macro-enabled workbook's copy must be named .xlsm; nothing is written otherwise", async () => {
  const input = join(dir, "macro.xlsm");
  writeFileSync(input, richWorkbook());
  const run = await runCli([input, "--fix", join(dir, "macro-fixed.xlsx")]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("修正副本也须以 .xlsm 结尾");
});

test("the copy's other cells, formulas and shared strings are untouched: only the corrected <c> elements differ", async () => {
  const output = join(dir, "seed-fixed.xlsx");
  const result = await writeFixedCopy(SAMPLE, output, [
    { at: { sheet: "附件3", row: 4, col: 8 }, before: 98, after: 10, numberFormat: "0.00" },
  ]);
  expect(result.ok).toBe(true);
  const before = new TextDecoder().decode(partsOf(readFileSync(SAMPLE))["xl/worksheets/sheet2.xml"]!);
  const after = new TextDecoder().decode(partsOf(readFileSync(output))["xl/worksheets/sheet2.xml"]!);
  const cell = /<c r="I5"[^>]*>.*?<\/c>/;
  expect(after.replace(cell, "")).toBe(before.replace(cell, ""));
  expect(after.match(cell)![0]).toMatch(/^<c r="I5" s="\d+"><v>10<\/v><\/c>$/);
});

test("two --fix --force runs racing on one output leave one whole, readable workbook", async () => {
  const output = join(dir, "race.xlsx");
  const edits = [{ at: { sheet: "附件3", row: 4, col: 8 }, before: 98, after: 10 }];
  const results = await Promise.all(Array.from({ length: 6 }, () => writeFixedCopy(SAMPLE, output, edits, { force: true })));
  expect(results.every((r) => r.ok)).toBe(true);
  const read = await readXlsx(output);
  expect(read.ok && read.snapshot.sheets.find((s) => s.name === "附件3")!.cell(4, 8)?.value).toBe(10);
});

test("the self-check refuses a copy that would read back differently (a number written into a date cell)", async () => {
  const input = join(dir, "date.xlsx");
  writeFileSync(input, buildXlsx({ sheet: `<row r="1"><c r="A1" s="1"><v>45000</v></c></row>`, styles: stylesWith([14]) }));
  const read = await readXlsx(input);
  const shown = read.ok ? read.snapshot.sheets[0]!.cell(0, 0)!.value : null;
  const result = await writeFixedCopy(input, join(dir, "date-fixed.xlsx"), [{ at: { sheet: "附件3", row: 0, col: 0 }, before: shown, after: 5 }]);
  expect(result).toMatchObject({ ok: false, reason: "write-failed" });
  expect(!result.ok && result.message.zh).toContain("自检未通过");
});

describe("patchCells", () => {
  const sheet = (data: string, p = "") => `<?xml version="1.0"?><${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ""}="m"><${p}dimension ref="A1:C3"/><${p}sheetData>${data}</${p}sheetData><${p}mergeCells count="0"/></${p}worksheet>`;

  test("replaces a shared-string cell, keeping its style and phonetic flag, dropping type and metadata", () => {
    const xml = sheet(`<row r="2" spans="1:3"><c r="A2"><v>1</v></c><c r="B2" s="4" t="s" ph="1" vm="1"><v>7</v></c><c r="C2"><f>A2+1</f><v>2</v></c></row>`);
    const out = patchCells(xml, [{ row: 1, col: 1, value: 12.5 }]);
    expect(out).toBe(xml.replace(`<c r="B2" s="4" t="s" ph="1" vm="1"><v>7</v></c>`, `<c r="B2" s="4" ph="1"><v>12.5</v></c>`));
  });

  test("adds a missing cell in column order and widens the row's spans", () => {
    const xml = sheet(`<row r="2" spans="1:3"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row>`);
    expect(patchCells(xml, [{ row: 1, col: 1, value: 2 }])).toContain(`<row r="2" spans="1:3"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c></row>`);
    expect(patchCells(xml, [{ row: 1, col: 5, value: 6 }])).toContain(`<row r="2" spans="1:6"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c><c r="F2"><v>6</v></c></row>`);
  });

  test("adds a missing row in order, opens a self-closing row and an empty sheetData", () => {
    const xml = sheet(`<row r="1"><c r="A1"><v>1</v></c></row><row r="3"/>`);
    expect(patchCells(xml, [{ row: 1, col: 0, value: 2 }])).toContain(`</row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"/>`);
    expect(patchCells(xml, [{ row: 2, col: 0, value: 3 }])).toContain(`<row r="3"><c r="A3"><v>3</v></c></row>`);
    expect(patchCells(xml, [{ row: 9, col: 0, value: 3 }])).toContain(`<row r="3"/><row r="10"><c r="A10"><v>3</v></c></row></sheetData>`);
    expect(patchCells(sheet("").replace("<sheetData></sheetData>", "<sheetData/>"), [{ row: 0, col: 0, value: 1 }])).toContain(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`);
  });

  test("text is written as an inline string, escaped, never a formula; prefixed (strict) sheets keep their prefix", () => {
    const xml = sheet(`<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>`, "x:");
    const out = patchCells(xml, [{ row: 0, col: 0, value: "=HYPERLINK(\"x\")<&>" }]);
    expect(out).toContain(`<x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve">=HYPERLINK(&quot;x&quot;)&lt;&amp;&gt;</x:t></x:is></x:c>`);
    expect(out).not.toContain("<x:f>");
  });

  test("a sheet with implicit references or comments in its data is refused, not guessed", () => {
    expect(() => patchCells(sheet(`<row><c r="A1"><v>1</v></c></row>`), [{ row: 0, col: 0, value: 2 }])).toThrow(PatchError);
    expect(() => patchCells(sheet(`<row r="1"><c><v>1</v></c></row>`), [{ row: 0, col: 0, value: 2 }])).toThrow(PatchError);
    expect(() => patchCells(sheet(`<!-- x --><row r="1"/>`), [{ row: 0, col: 0, value: 2 }])).toThrow(PatchError);
  });

  test("styleOfCell reads a cell's style index (0 for none or a missing cell)", () => {
    const xml = sheet(`<row r="1"><c r="A1" s="3"><v>1</v></c><c r="B1"><v>1</v></c></row>`);
    expect([styleOfCell(xml, 0, 0), styleOfCell(xml, 0, 1), styleOfCell(xml, 4, 4)]).toEqual([3, 0, 0]);
  });
});

describe("StylesPatch", () => {
  const styles = `<?xml version="1.0"?><styleSheet xmlns="m"><fonts count="1"><font/></fonts><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"><alignment vertical="center"/></xf></cellXfs></styleSheet>`;

  test("a built-in format: the cell's style copied with the new numFmtId, appended; asked again, reused", () => {
    const patch = new StylesPatch(styles);
    expect(patch.styleWithFormat(1, "0.00%")).toBe(2);
    expect(patch.styleWithFormat(1, "0.00%")).toBe(2);
    const { xml, changed } = patch.result();
    expect(changed).toBe(true);
    expect(xml).toContain(`<cellXfs count="3">`);
    expect(xml).toContain(`<xf numFmtId="10" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyNumberFormat="1"><alignment vertical="center"/></xf></cellXfs>`);
    // Existing styles keep their place and meaning.
    expect(xml.indexOf(`<xf numFmtId="0" fontId="0" fillId="0" borderId="1"`)).toBeGreaterThan(0);
  });

  test("a custom format is added to numFmts (created first in the styleSheet) with id 164", () => {
    const patch = new StylesPatch(styles);
    expect(patch.styleWithFormat(0, "0.000\"万元\"")).toBe(2);
    const { xml } = patch.result();
    expect(xml).toContain(`<styleSheet xmlns="m"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000&quot;万元&quot;"/></numFmts><fonts`);
    expect(xml).toContain(`<xf numFmtId="164"`);
  });

  test("a style that already shows the format is the cell's own: nothing changes", () => {
    const patch = new StylesPatch(styles.replace(`<xf numFmtId="0" fontId="0" fillId="0" borderId="1"`, `<xf numFmtId="2" fontId="0" fillId="0" borderId="1"`));
    expect(patch.styleWithFormat(1, "0.00")).toBe(1);
    expect(patch.result().changed).toBe(false);
  });
});

describe("found in review", () => {
  test("a workbook with formulas: the copy asks Excel to recalculate on opening (calcPr fullCalcOnLoad), nothing else changes", async () => {
    const input = join(dir, "formulas.xlsx");
    writeFileSync(input, buildXlsx({ sheet: `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f><v>2</v></c></row>` }));
    const output = join(dir, "formulas-fixed.xlsx");
    const result = await writeFixedCopy(input, output, [{ at: { sheet: "附件3", row: 0, col: 0 }, before: 1, after: 5 }]);
    expect(result.ok).toBe(true);
    const before = partsOf(readFileSync(input));
    const after = partsOf(readFileSync(output));
    const changed = Object.keys(before).filter((name) => !same(before[name], after[name])).sort();
    expect(changed).toEqual(["xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
    expect(new TextDecoder().decode(after["xl/workbook.xml"])).toContain(`<calcPr fullCalcOnLoad="1"/></workbook>`);
  });

  test("recalculateOnLoad: an existing calcPr is set, a missing one goes before the elements that follow it", () => {
    expect(recalculateOnLoad(`<workbook><sheets/><calcPr calcId="191029"/></workbook>`)).toBe(`<workbook><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`);
    expect(recalculateOnLoad(`<workbook><calcPr fullCalcOnLoad="0" calcId="1"></calcPr></workbook>`)).toBe(`<workbook><calcPr fullCalcOnLoad="1" calcId="1"></calcPr></workbook>`);
    expect(recalculateOnLoad(`<x:workbook><x:sheets/><x:extLst/></x:workbook>`)).toBe(`<x:workbook><x:sheets/><x:calcPr fullCalcOnLoad="1"/><x:extLst/></x:workbook>`);
  });

  test("an empty <numFmts/> is opened up, never doubled", () => {
    const patch = new StylesPatch(`<styleSheet xmlns="m"><numFmts count="0"/><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`);
    patch.styleWithFormat(0, "0.000");
    const { xml } = patch.result();
    expect(xml.match(/<numFmts/g)).toHaveLength(1);
    expect(xml).toContain(`<numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts>`);
  });

  test("a package the rewriter cannot handle (Zip64) is refused with a reason, never an internal error", async () => {
    // A Zip64 end-of-directory locator before the end record: readers accept it, the rewriter refuses.
    const zip = Buffer.from(readFileSync(SAMPLE));
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    const patched = Buffer.concat([zip.subarray(0, eocd), locator, zip.subarray(eocd)]);
    const input = join(dir, "zip64.xlsx");
    writeFileSync(input, patched);
    const result = await writeFixedCopy(input, join(dir, "zip64-fixed.xlsx"), [{ at: { sheet: "附件3", row: 4, col: 8 }, before: 98, after: 10 }]);
    expect(result).toMatchObject({ ok: false });
  });
});

test("a cell written where none was keeps the style Excel showed there: its row's (customFormat) or its column's", () => {
  const xml = (data: string, cols = "") => `<worksheet xmlns="m">${cols}<sheetData>${data}</sheetData></worksheet>`;
  const withCols = xml(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<cols><col min="2" max="3" width="9" style="7" customWidth="1"/></cols>`);
  expect(patchCells(withCols, [{ row: 0, col: 1, value: 2 }])).toContain(`<c r="B1" s="7"><v>2</v></c>`);
  expect(patchCells(withCols, [{ row: 4, col: 2, value: 3 }])).toContain(`<row r="5"><c r="C5" s="7"><v>3</v></c></row>`);
  const rowStyled = xml(`<row r="1" s="4" customFormat="1"><c r="A1"><v>1</v></c></row>`, `<cols><col min="2" max="2" style="7"/></cols>`);
  expect(patchCells(rowStyled, [{ row: 0, col: 1, value: 2 }])).toContain(`<c r="B1" s="4"><v>2</v></c>`);
  expect(styleOfCell(withCols, 9, 2)).toBe(7);
  expect(patchCells(xml(`<row r="1"/>`), [{ row: 0, col: 3, value: 2 }])).toContain(`<c r="D1"><v>2</v></c>`);
});

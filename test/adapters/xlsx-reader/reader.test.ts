/**
 * The package reader's own guarantees: XML read strictly and decoded correctly, sizes capped
 * before anything is allocated, the browser's inflater giving the Node one's snapshot.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { readXlsx } from "../../../src/adapters/xlsx/read-xlsx";
import { readXlsxBytes } from "../../../src/adapters/xlsx/read-bytes";
import { decodeEntities, parseXml, XmlError } from "../../../src/adapters/xlsx/fast/xml";
import { slideFormula } from "../../../src/adapters/xlsx/fast/read-workbook";
import { readDirectory } from "../../../src/adapters/xlsx/fast/zip";
import { READ_FAILURE_MESSAGES } from "../../../src/adapters/xlsx/sniff";
import { DEFAULT_INPUT_LIMITS, type InputLimits } from "../../../src/adapters/limits";
import { buildXlsx, stylesWith } from "../../helpers/xlsx-parts";
import { digest } from "../../helpers/snapshot-digest";
import { ROOT, xlsxUnder } from "../../helpers/workbook-files";


function events(xml: string): string[] {
  const out: string[] = [];
  parseXml(xml, {
    wantsText: true,
    open: (name, a) => out.push(`<${name}${a.entries().map(([k, v]) => ` ${k}=${v}`).join("")}>`),
    close: (name) => out.push(`</${name}>`),
    text: (t) => out.push(JSON.stringify(t)),
  });
  return out;
}

describe("the XML tokenizer", () => {
  test("decodes the five entities and decimal and hexadecimal character references, once", () => {
    expect(decodeEntities("&lt;&gt;&amp;&apos;&quot;&#20013;&#x4E2D;&#x1F600;&amp;lt;")).toBe("<>&'\"中中😀&lt;");
  });
  test.each(["&nbsp;", "&", "&#;", "&#x;", "&#0;", "&#xD800;", "&#x110000;", "&#12a;", "a & b"])("refuses %s", (text) => {
    expect(() => decodeEntities(text)).toThrow(XmlError);
  });
  test("reads local names, attributes in either quote, CDATA, and normalizes line ends", () => {
    expect(events(`<?xml version="1.0"?><!-- c --><x:a xmlns:x="u" b='1' c = "&lt;2&gt;"><x:t>a\r\nb<![CDATA[<&>]]></x:t><e/></x:a>`)).toEqual([
      "<a b=1 c=<2>>", "<t>", JSON.stringify("a\nb"), JSON.stringify("<&>"), "</t>", "<e>", "</e>", "</a>",
    ]);
  });
  test("an unprefixed attribute wins over a prefixed one of the same local name", () => {
    expect(events(`<a r:id="1" id="2"/>`)).toEqual(["<a id=2>", "</a>"]);
    expect(events(`<a id="2" r:id="1"/>`)).toEqual(["<a id=2>", "</a>"]);
  });
  test.each([
    ["mismatched end tag", "<a><b></a></b>"],
    ["unclosed element", "<a><b></b>"],
    ["duplicate attribute", `<a x="1" x="2"/>`],
    ["unquoted attribute", "<a x=1/>"],
    ["'<' in an attribute", `<a x="<"/>`],
    ["attributes run together", `<a x="1"y="2"/>`],
    ["text outside the root", "<a/>b"],
    ["two roots", "<a/><b/>"],
    ["a control character", "<a>\u0001</a>"],
    ["no root", "<?xml version='1.0'?>"],
    ["a name starting with a digit", "<1a/>"],
    ["a DOCTYPE", "<!DOCTYPE a><a/>"],
    ["an entity declaration", `<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`],
  ])("refuses %s", (_what, xml) => {
    expect(() => events(xml)).toThrow(XmlError);
  });
  test("a DOCTYPE is refused as such", () => {
    try {
      events("<!DOCTYPE a SYSTEM 'http://x/'><a/>");
      throw new Error("not refused");
    } catch (error) {
      expect(error).toBeInstanceOf(XmlError);
      expect((error as XmlError).kind).toBe("dtd");
    }
  });
});

describe("cells", () => {
  const read = async (sheet: string, extra: Partial<Parameters<typeof buildXlsx>[0]> = {}) => {
    const result = await readXlsx(buildXlsx({ sheet, ...extra }));
    if (!result.ok) throw new Error(result.reason);
    return result.snapshot.sheets[0]!;
  };
  test("shared, inline and rich strings, with _xHHHH_ escapes decoded where Excel writes them", async () => {
    const sheet = await read(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>a_x000D_b</t></is></c><c r="D1" t="s"><v>2</v></c></row>`,
      { sharedStrings: ["<t>年度_x000D_资金</t>", `<r><rPr><b/></rPr><t>项目</t></r><r><t xml:space="preserve"> 支出</t></r>`, "<t>得分</t><rPh sb=\"0\" eb=\"1\"><t>DEFEN</t></rPh>"] },
    );
    expect([0, 1, 2, 3].map((c) => sheet.cell(0, c)?.value)).toEqual(["年度\r资金", "项目 支出", "a_x000D_b", "得分"]);
  });
  test("numbers, booleans, errors, formulas with cached results, number formats and dates", async () => {
    const sheet = await read(
      `<row r="3"><c r="A3" s="1"><v>0.6</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#DIV/0!</v></c><c r="D3" s="2"><v>45291.5</v></c><c r="E3"><f>SUM(A1:A2)</f><v>982.21</v></c><c r="F3" s="3"><v>1.6667</v></c></row>`,
      { styles: stylesWith([10, 14, "0.00\\%"]) },
    );
    expect(sheet.cell(2, 0)).toEqual({ value: 0.6, numberFormat: "0.00%" });
    expect(sheet.cell(2, 1)).toEqual({ value: true });
    expect(sheet.cell(2, 2)).toEqual({ value: { error: "#DIV/0!" } });
    expect(sheet.cell(2, 3)).toEqual({ value: "2023-12-31T12:00:00", numberFormat: "mm-dd-yy" });
    expect(sheet.cell(2, 4)).toEqual({ value: 982.21, formula: "=SUM(A1:A2)" });
    expect(sheet.cell(2, 5)).toEqual({ value: 1.6667, numberFormat: "0.00%" });
  });
  test("a shared formula is given to every cell of its range, its relative references moved", () => {
    expect(slideFormula("SUM($A1:B1)*2+A$1+LOG10(C1)+Sheet2!D4", "C1", "C3")).toBe("SUM($A3:B3)*2+A$1+LOG10(C3)+Sheet2!D6");
    expect(slideFormula("B1*2", "A1", "B1")).toBe("C1*2");
  });
  test("merge followers are not cells; the sheet grows to cover merges; protection is read", async () => {
    // Without the merge B1 is a cell like any other; with it, B1 is hidden under A1.
    const sheet = await read(`<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>hidden</t></is></c></row>`);
    expect(sheet.cell(0, 1)?.value).toBe("hidden");
    const merged = await readXlsx(buildXlsx({ sheet: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>hidden</t></is></c></row></sheetData><sheetProtection sheet="1"/><mergeCells count="1"><mergeCell ref="A1:C4"/></mergeCells></worksheet>` }));
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    const s = merged.snapshot.sheets[0]!;
    expect([s.cell(0, 0)?.value, s.cell(0, 1), s.rowCount, s.colCount, s.protected]).toEqual(["标题", undefined, 4, 3, true]);
  });
  test("overlapping merges are a damaged file, as Excel and exceljs treat them", async () => {
    const bytes = buildXlsx({ sheet: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells></worksheet>` });
    expect(await readXlsx(bytes)).toMatchObject({ ok: false, reason: "corrupt" });
  });
});

describe("limits: checked before anything large is allocated", () => {
  const sample = readFileSync(join(ROOT, "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx"));
  test("a part larger than allowed, a workbook larger than allowed, too many cells: too large", async () => {
    const limits = (changed: Partial<InputLimits>): InputLimits => ({ ...DEFAULT_INPUT_LIMITS, ...changed });
    expect(await readXlsx(sample, limits({ partBytes: 2_000 }))).toMatchObject({ ok: false, reason: "too-large", limit: { key: "partBytes", value: 2_000 } });
    expect(await readXlsx(sample, limits({ totalBytes: 20_000 }))).toMatchObject({ ok: false, reason: "too-large", limit: { key: "totalBytes" } });
    expect(await readXlsx(sample, limits({ cells: 50 }))).toMatchObject({ ok: false, reason: "too-large", limit: { key: "cells" } });
    expect((await readXlsx(sample, limits({ partBytes: 1e9, totalBytes: 1e9, cells: 1e9 }))).ok).toBe(true);
  });
  test("the refusal reads as a sentence in both languages", () => {
    expect(READ_FAILURE_MESSAGES["too-large"].zh).toMatch(/^无法读取：/);
    expect(READ_FAILURE_MESSAGES["too-large"].en).toMatch(/^Cannot read: /);
  });

  /** A package whose sheet entry inflates to `size` bytes but whose directory claims `claimed`. */
  function bomb(size: number, claimed?: number): Buffer {
    const padding = `<!--${" ".repeat(size - 200)}-->`;
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${padding}<sheetData/></worksheet>`;
    const good = buildXlsx({ sheet: xml });
    const zip = Buffer.from(good);
    if (claimed === undefined) return zip;
    // Patch the sheet's declared size in its central directory entry (and local header).
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    for (let at = zip.indexOf(name); at >= 0; at = zip.indexOf(name, at + 1)) {
      if (zip.readUInt32LE(at - 46) === 0x02014b50) zip.writeUInt32LE(claimed, at - 46 + 24);
      if (zip.readUInt32LE(at - 30) === 0x04034b50) zip.writeUInt32LE(claimed, at - 30 + 22);
    }
    return zip;
  }
  test("an entry that inflates past the size its directory declares is refused (a zip bomb stops there)", async () => {
    const lying = bomb(20_000_000, 4_096);
    expect(lying.length).toBeLessThan(200_000);
    expect(await readXlsx(lying)).toMatchObject({ ok: false, reason: "corrupt" });
    expect(await readXlsxBytes(new Uint8Array(lying).buffer)).toMatchObject({ ok: false, reason: "corrupt" });
  });
  test("an entry that declares more than the limit is refused before it is inflated", async () => {
    const huge = bomb(20_000_000);
    expect(await readXlsx(huge, { ...DEFAULT_INPUT_LIMITS, partBytes: 10_000_000 })).toMatchObject({ ok: false, reason: "too-large" });
    expect((await readXlsx(huge)).ok).toBe(true);
  });
  test("a directory claiming more entries than any workbook has is refused", () => {
    const zip = Buffer.from(zipSync({ "a.xml": strToU8("<a/>") }));
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    zip.writeUInt16LE(0xfffe, eocd + 8);
    zip.writeUInt16LE(0xfffe, eocd + 10);
    expect(() => readDirectory(new Uint8Array(zip), 100)).toThrow();
  });
  test("stored (uncompressed) entries are read as well as deflated ones", async () => {
    const parts = { "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`, "xl/workbook.xml": `<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="a"/></sheets></workbook>`, "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="a" Type="x/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`, "xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>` };
    const zip = Buffer.from(zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [strToU8(v), { level: 0 }]]))));
    const result = await readXlsx(zip);
    expect(result.ok && result.snapshot.sheets[0]!.cell(0, 0)).toEqual({ value: 7 });
  });
});

test("the browser's inflater (fflate) gives the same snapshot as Node's zlib on every fixture", async () => {
  const files = xlsxUnder(join(ROOT, "test", "fixtures"));
  expect(files.length).toBeGreaterThan(50);
  for (const file of files) {
    const bytes = readFileSync(file);
    const node = await readXlsx(bytes);
    const browser = await readXlsxBytes(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const shape = (r: typeof node) => (r.ok ? digest(r.snapshot) : r.reason);
    expect({ file, read: shape(browser) }).toEqual({ file, read: shape(node) });
  }
});

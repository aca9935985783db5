/**
 * Where the package reader differs from exceljs on purpose, one case each: what this reader
 * gives, and (so the list stays true) what exceljs gives. docs/reader.md lists the same cases.
 */
import { readXlsx } from "../../../src/adapters/xlsx/read-xlsx";
import { readXlsxWithExcelJs } from "../../../src/adapters/xlsx/load-workbook";
import type { XlsxReadResult } from "../../../src/adapters/xlsx/sniff";
import type { CellValue } from "../../../src/core/grid/workbook";
import { buildXlsx, sheetXml, stylesWith } from "../../helpers/xlsx-parts";

function value(result: XlsxReadResult, row: number, col: number): CellValue | undefined {
  if (!result.ok) return `refused: ${result.reason}`;
  return result.snapshot.sheets[0]?.cell(row, col)?.value;
}

async function both(bytes: Buffer, row: number, col: number): Promise<{ fast: unknown; exceljs: unknown }> {
  return { fast: value(await readXlsx(bytes), row, col), exceljs: value(await readXlsxWithExcelJs(bytes), row, col) };
}

test("a formula's text result holding '&amp;lt;' is the text '&lt;' (exceljs decoded entities twice)", async () => {
  const bytes = buildXlsx({ sheet: `<row r="1"><c r="A1" t="str"><f>"&amp;lt;"</f><v>&amp;lt;</v></c></row>` });
  expect(await both(bytes, 0, 0)).toEqual({ fast: "&lt;", exceljs: "<" });
});

test("a formula whose cached result is 0 reads 0, not blank (exceljs dropped falsy results)", async () => {
  const bytes = buildXlsx({ sheet: `<row r="1"><c r="A1"><f>B1-C1</f><v>0</v></c></row>` });
  expect(await both(bytes, 0, 0)).toEqual({ fast: 0, exceljs: null });
});

test("a row without r is the row after the previous one (exceljs refused the file)", async () => {
  const bytes = buildXlsx({ sheet: `<row r="1"><c r="A1"><v>1</v></c></row><row><c r="A2"><v>2</v></c></row>` });
  expect(await both(bytes, 1, 0)).toEqual({ fast: 2, exceljs: "refused: corrupt" });
});

test("a first cell without r is in column A (exceljs refused the file)", async () => {
  const bytes = buildXlsx({ sheet: `<row r="1"><c><v>5</v></c><c><v>6</v></c></row>` });
  expect(await both(bytes, 0, 1)).toEqual({ fast: 6, exceljs: "refused: corrupt" });
});

test("prefixed SpreadsheetML elements (x:row, x:c) are read (exceljs refused the file)", async () => {
  const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>项目支出</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
  expect(await both(buildXlsx({ sheet }), 0, 0)).toEqual({ fast: "项目支出", exceljs: "refused: corrupt" });
});

test("a Strict OOXML workbook reads like a Transitional one", async () => {
  const data = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.6</v></c></row>`;
  const transitional = await readXlsx(buildXlsx({ sheet: data, sharedStrings: ["<t>控制率</t>"], styles: stylesWith([10]) }));
  const strict = await readXlsx(buildXlsx({ sheet: data, sharedStrings: ["<t>控制率</t>"], styles: stylesWith([10]), strict: true }));
  expect(strict).toEqual(transitional);
  expect(value(strict, 0, 0)).toBe("控制率");
  expect(strict.ok && strict.snapshot.sheets[0]!.cell(0, 1)).toEqual({ value: 0.6, numberFormat: "0.00%" });
});

test("a DOCTYPE is refused as damaged, with or without entities (exceljs read a plain one)", async () => {
  const plain = buildXlsx({ sheet: `<?xml version="1.0"?><!DOCTYPE worksheet><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>` });
  expect((await readXlsx(plain)).ok).toBe(false);
  expect((await readXlsxWithExcelJs(plain)).ok).toBe(true);
  const entity = buildXlsx({ sheet: `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>` });
  expect(await readXlsx(entity)).toMatchObject({ ok: false, reason: "corrupt" });
});

test("a cell of type d (an ISO date) reads as its date (exceljs read the year as a number)", async () => {
  const bytes = buildXlsx({ sheet: `<row r="1"><c r="A1" t="d"><v>2023-12-31T00:00:00</v></c></row>` });
  expect(await both(bytes, 0, 0)).toEqual({ fast: "2023-12-31", exceljs: 2023 });
});

// Not a divergence: both refuse. Kept here because a lenient tokenizer would read the first row.
test("a sheet part cut off mid-way is refused as damaged, by both readers", async () => {
  const cut = sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`).slice(0, -40);
  const bytes = buildXlsx({ sheet: cut });
  expect(await both(bytes, 0, 0)).toEqual({ fast: "refused: corrupt", exceljs: "refused: corrupt" });
});

test("a shared formula whose master is under a hyperlink still gives its group their formulas (exceljs refused)", async () => {
  const sheet = sheetXml(
    `<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1*2</f><v>4</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>6</v></c><c r="B2"><v>3</v></c></row>`,
    `<hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks>`,
  );
  const sheetRels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.invalid/" TargetMode="External"/></Relationships>`;
  const bytes = buildXlsx({ sheet, sheetRels });
  const fast = await readXlsx(bytes);
  expect(fast.ok && fast.snapshot.sheets[0]!.cell(1, 0)).toEqual({ value: 6, formula: "=B2*2" });
  expect((await readXlsxWithExcelJs(bytes)).ok).toBe(false);
});

test("a shared formula cell whose master is gone keeps its cached value (exceljs read it blank)", async () => {
  const bytes = buildXlsx({ sheet: `<row r="2"><c r="A2"><f t="shared" si="3"/><v>17.5</v></c></row>` });
  expect(await both(bytes, 1, 0)).toEqual({ fast: 17.5, exceljs: undefined });
});

test("date1904=\"true\" is a 1904 workbook, as \"1\" is (exceljs took only \"1\")", async () => {
  const sheet = `<row r="1"><c r="A1" s="1"><v>0</v></c></row>`;
  const one = await readXlsx(buildXlsx({ sheet, styles: stylesWith([14]), workbookPr: `<workbookPr date1904="1"/>` }));
  const word = await readXlsx(buildXlsx({ sheet, styles: stylesWith([14]), workbookPr: `<workbookPr date1904="true"/>` }));
  expect(value(one, 0, 0)).toBe("1904-01-01");
  expect(value(word, 0, 0)).toBe("1904-01-01");
});

test("CDATA in a string is its text (exceljs dropped it)", async () => {
  const bytes = buildXlsx({ sheet: `<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b & c]]></t></is></c></row>` });
  expect(await both(bytes, 0, 0)).toEqual({ fast: "a<b & c", exceljs: undefined });
});

test("two zip entries of one name: refused as damaged (exceljs checked the last copy)", async () => {
  // sheet9.xml renamed to sheet1.xml in its headers: two parts of one name, holding 1 and 2.
  const bytes = buildXlsx({
    sheet: `<row r="1"><c r="A1"><v>1</v></c></row>`,
    extra: { "xl/worksheets/sheet9.xml": sheetXml(`<row r="1"><c r="A1"><v>2</v></c></row>`) },
  });
  const from = Buffer.from("xl/worksheets/sheet9.xml");
  for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + 1)) Buffer.from("xl/worksheets/sheet1.xml").copy(bytes, at);
  expect(await both(bytes, 0, 0)).toEqual({ fast: "refused: corrupt", exceljs: 2 });
});

test("a sheet the workbook lists whose part is missing: refused as damaged (exceljs skipped the sheet)", async () => {
  const { unzipSync, zipSync } = await import("fflate");
  const parts = unzipSync(new Uint8Array(buildXlsx({ sheet: `<row r="1"><c r="A1"><v>1</v></c></row>` })));
  delete parts["xl/worksheets/sheet1.xml"];
  const bytes = Buffer.from(zipSync(parts));
  const exceljs = await readXlsxWithExcelJs(bytes);
  expect(await readXlsx(bytes)).toMatchObject({ ok: false, reason: "corrupt" });
  expect(exceljs.ok && exceljs.snapshot.sheets.length).toBe(0);
});

/**
 * The SpreadsheetML writer of the folder summary: what it writes reads back, through exceljs (as
 * Excel-compatible readers see it) and through the strict package reader, with the values,
 * formats, styles, links, frozen panes and filter it was given; text never becomes a formula.
 */
import * as ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { WorkbookWriter, escapeXml } from "../../src/adapters/xlsx/sheet-writer";
import { readXlsx } from "../../src/adapters/xlsx/read-xlsx";
import { parseXml } from "../../src/adapters/xlsx/fast/xml";

function sample(): Uint8Array {
  const workbook = new WorkbookWriter();
  const sheet = workbook.addSheet("单位汇总", { widths: [10, 30, 12], frozen: { columns: 2, rows: 1 } });
  sheet.addRow([{ value: "状态", style: { bold: true } }, { value: "文件", style: { bold: true } }, { value: "执行率", style: { bold: true } }]);
  sheet.addRow([
    { value: "有错误", style: { fill: "FFFCE4D6" } },
    { value: "units/单位 #1.xlsx", link: { target: "units/%E5%8D%95.xlsx" } },
    { value: 0.9996, style: { numFmt: "0.00%", alignRight: true } },
  ]);
  sheet.addRow([{ value: "=HYPERLINK(\"http://x\")" }, { value: "a\u0001b & <c> \"d\"", link: { target: "u.xlsx", location: "'附件3'!I5" } }, { value: 982.21, style: { numFmt: '0.00" 万元"' } }]);
  sheet.addRow([null, null, { value: 12, style: { numFmt: "#,##0.00" } }]);
  workbook.addSheet("空表", { widths: [8] });
  return workbook.bytes();
}

test("every part is well-formed XML (read by the strict tokenizer)", () => {
  const parts = unzipSync(sample());
  for (const [name, bytes] of Object.entries(parts)) {
    expect(() => parseXml(strFromU8(bytes), { wantsText: false, open() {}, close() {}, text() {} })).not.toThrow();
    expect(name).toMatch(/\.(xml|rels)$/);
  }
});

test("exceljs reads back the values, formats, fills, bold headers, alignment, links and frozen panes", async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(sample()) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(["单位汇总", "空表"]);
  const sheet = workbook.getWorksheet("单位汇总")!;
  expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
  expect(sheet.getCell("A1").font?.bold).toBe(true);
  expect(sheet.getCell("A2").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE4D6" } });
  expect(sheet.getCell("B2").value).toEqual({ text: "units/单位 #1.xlsx", hyperlink: "units/%E5%8D%95.xlsx" });
  expect(sheet.getCell("C2").value).toBe(0.9996);
  expect(sheet.getCell("C2").numFmt).toBe("0.00%");
  expect(sheet.getCell("C2").alignment?.horizontal).toBe("right");
  expect(sheet.getCell("A3").value).toBe("=HYPERLINK(\"http://x\")");
  expect(sheet.getCell("A3").formula).toBeUndefined();
  expect(sheet.getCell("B3").value).toEqual({ text: "ab & <c> \"d\"", hyperlink: "u.xlsx" });
  expect(sheet.getCell("C3").numFmt).toBe('0.00" 万元"');
  expect(sheet.getCell("C4").numFmt).toBe("#,##0.00");
  expect(sheet.getColumn(2).width).toBe(30);
  expect(sheet.autoFilter).toBe("A1:C4");
});

test("the cell link's location is written on the hyperlink, the file on its relationship", () => {
  const parts = unzipSync(sample());
  const xml = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
  const rels = strFromU8(parts["xl/worksheets/_rels/sheet1.xml.rels"]!);
  expect(xml).toContain(`<hyperlink ref="B3" r:id="rId2" location="'附件3'!I5"/>`);
  expect(rels).toContain(`Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="u.xlsx" TargetMode="External"`);
  expect(xml).not.toContain("<f>");
});

test("the package reader reads it too, text as text", async () => {
  const read = await readXlsx(Buffer.from(sample()));
  expect(read.ok).toBe(true);
  if (!read.ok) return;
  const sheet = read.snapshot.sheets[0]!;
  expect(sheet.cell(2, 0)).toEqual({ value: "=HYPERLINK(\"http://x\")" });
  expect(sheet.cell(1, 2)).toEqual({ value: 0.9996, numberFormat: "0.00%" });
});

test("escaping", () => {
  expect(escapeXml("a<b>&\"c\"\u0000\u001f\uffff")).toBe("a&lt;b&gt;&amp;&quot;c&quot;");
});

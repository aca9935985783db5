/**
 * The Word report reader (src/adapters/docx/document.ts) on documents built for one structure
 * each, the grid asserted cell by cell: spans, vertical merges, grid before/after, nested tables,
 * split runs, content controls, tracked changes, a table split by a page break, captions.
 */
import { readDocument, cellValue } from "../../../src/adapters/docx/document";
import { inflateNode } from "../../../src/adapters/xlsx/read-xlsx";
import { DEFAULT_INPUT_LIMITS } from "../../../src/adapters/limits";
import type { SheetGrid } from "../../../src/core/grid/workbook";
import { strToU8, zipSync } from "fflate";
import { buildDocx, p, tbl, tc, tr } from "../../helpers/docx-parts";

function read(body: string) {
  const result = readDocument(buildDocx(body), inflateNode, DEFAULT_INPUT_LIMITS);
  if (!result.ok) throw new Error(result.reason);
  return result.document;
}

/** The grid as rows of values (null for empty), and its merges in A1-like "r,c-r,c" form. */
function grid(sheet: SheetGrid) {
  const rows: unknown[][] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < sheet.colCount; c++) row.push(sheet.cell(r, c)?.value ?? null);
    rows.push(row);
  }
  const merges = sheet.merges.map((m) => `${m.top},${m.left}-${m.bottom},${m.right}`).sort();
  return { rows, merges };
}

test("gridSpan makes a horizontal merge; gridBefore shifts a row; gridAfter leaves the end empty", () => {
  const doc = read(tbl(3, [
    tr([tc("标题", "<w:gridSpan w:val=\"3\"/>")]),
    tr([tc("b"), tc("c")], "<w:gridBefore w:val=\"1\"/>"),
    tr([tc("a"), tc("b")], "<w:gridAfter w:val=\"1\"/>"),
  ]));
  expect(grid(doc.snapshot.sheets[0]!)).toEqual({
    rows: [["标题", null, null], [null, "b", "c"], ["a", "b", null]],
    merges: ["0,0-0,2"],
  });
});

test("vMerge restart/continue makes a vertical merge, also with a span; a new restart ends the last", () => {
  const doc = read(tbl(3, [
    tr([tc("绩效指标", "<w:vMerge w:val=\"restart\"/>"), tc("产出", "<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>")]),
    tr([tc("", "<w:vMerge/>"), tc("", "<w:gridSpan w:val=\"2\"/><w:vMerge/>")]),
    tr([tc("", "<w:vMerge w:val=\"continue\"/>"), tc("效益", "<w:vMerge w:val=\"restart\"/>"), tc("1")]),
    tr([tc("x"), tc("", "<w:vMerge/>"), tc("2")]),
  ]));
  expect(grid(doc.snapshot.sheets[0]!)).toEqual({
    rows: [["绩效指标", "产出", null], [null, null, null], [null, "效益", 1], ["x", null, 2]],
    merges: ["0,0-2,0", "0,1-1,2", "2,1-3,1"],
  });
});

test("text from every run: split numbers joined, tabs and breaks as white space, deleted and moved-from text and field codes skipped", () => {
  const cell = `<w:p><w:r><w:t>98</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>2.</w:t></w:r><w:ins><w:r><w:t>21</w:t></w:r></w:ins><w:del><w:r><w:delText>99</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>7</w:t></w:r></w:moveFrom><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>`;
  const label = `<w:p><w:r><w:t>年度</w:t></w:r><w:r><w:tab/><w:t>预算</w:t><w:br/><w:t>（万元）</w:t></w:r></w:p>`;
  const doc = read(tbl(2, [tr([tc(label), tc(cell)])]));
  expect(grid(doc.snapshot.sheets[0]!).rows).toEqual([["年度\t预算\n（万元）", 982.21]]);
  expect(doc.snapshot.sheets[0]!.cell(0, 1)).toEqual({ value: 982.21, numberFormat: "0.00" });
});

test("paragraphs of a cell are its lines; a table in a cell is a table of its own, after the outer one", () => {
  const inner = tbl(2, [tr([tc("内1"), tc("内2")])]);
  const doc = read(tbl(2, [tr([tc(`${p("第一行")}${p("第二行")}`), tc(`${p("外")}${inner}`)])]) + p("正文。"));
  expect(doc.snapshot.sheets.map((s) => s.name)).toEqual(["表1", "表2"]);
  expect(grid(doc.snapshot.sheets[0]!).rows).toEqual([["第一行\n第二行", "外"]]);
  expect(grid(doc.snapshot.sheets[1]!).rows).toEqual([["内1", "内2"]]);
  expect(doc.text).toBe("正文。");
});

test("content controls (w:sdt) around a table and around a cell's text are read through", () => {
  const doc = read(`<w:sdt><w:sdtPr><w:alias w:val="表"/></w:sdtPr><w:sdtContent>${tbl(2, [tr([tc("编制数"), `<w:sdt><w:sdtPr/><w:sdtContent>${tc("21")}</w:sdtContent></w:sdt>`])])}</w:sdtContent></w:sdt>`);
  expect(grid(doc.snapshot.sheets[0]!).rows).toEqual([["编制数", 21]]);
});

test("a table split by a page break (empty paragraphs or 续表 between, same grid) is one table; another grid is another table", () => {
  const head = tr([tc("指标"), tc("分值")]);
  const doc = read(tbl(2, [head, tr([tc("a"), tc("1")])]) + p("") + `<w:p><w:r><w:br w:type="page"/></w:r></w:p>` + p("续表") + tbl(2, [head, tr([tc("b"), tc("2")])]) + p("") + tbl(3, [tr([tc("x"), tc("y"), tc("z")])]));
  expect(doc.snapshot.sheets).toHaveLength(2);
  expect(grid(doc.snapshot.sheets[0]!).rows).toEqual([["指标", "分值"], ["a", 1], ["指标", "分值"], ["b", 2]]);
});

test("captions: the short paragraphs above a table become merged title rows, from 附件N down; prose and signature lines are not", () => {
  const doc = read(p("一、基本情况。") + p("填表人：张三") + p("附件3") + p("2023年度部门（单位）整体支出绩效自评表") + tbl(2, [tr([tc("a"), tc("b")])]));
  const table = doc.snapshot.sheets[0]!;
  expect(grid(table)).toEqual({ rows: [["附件3", null], ["2023年度部门（单位）整体支出绩效自评表", null], ["a", "b"]], merges: ["0,0-0,1", "1,0-1,1"] });
  expect(doc.tables).toEqual([{ sheet: "表1", caption: "附件3 2023年度部门（单位）整体支出绩效自评表", captionRows: 2 }]);
  const prose = read(p("本年度预算执行良好。") + tbl(1, [tr([tc("a")])]));
  expect(prose.tables[0]!.captionRows).toBe(0);
});

test("text boxes and their fallback copies are not read twice into the body text", () => {
  const box = `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p("框内")}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p("框内")}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>`;
  expect(read(box).text).toBe("正文");
});

test("cell values: plain numbers and percents as numbers shown as written; anything else as text", () => {
  expect(cellValue("116.80")).toEqual({ value: 116.8, numberFormat: "0.00" });
  expect(cellValue("21")).toEqual({ value: 21 });
  expect(cellValue("1,234.5")).toEqual({ value: 1234.5, numberFormat: "#,##0.0" });
  expect(cellValue("60%")).toEqual({ value: 0.6, numberFormat: "0%" });
  expect(cellValue("99.96%")).toEqual({ value: 0.9996, numberFormat: "0.00%" });
  expect(cellValue("150万")).toEqual({ value: "150万" });
  expect(cellValue("≥95%")).toEqual({ value: "≥95%" });
  expect(cellValue("/")).toEqual({ value: "/" });
  expect(cellValue("  ")).toBeUndefined();
  expect(cellValue("   1、公务用车")).toEqual({ value: "   1、公务用车" });
  // Identifiers typed as digits stay text: more than 15 significant digits, or a leading zero.
  expect(cellValue("110101199003071234")).toEqual({ value: "110101199003071234" });
  expect(cellValue("6217000010001234567")).toEqual({ value: "6217000010001234567" });
  expect(cellValue("007")).toEqual({ value: "007" });
  expect(cellValue("0.5")).toEqual({ value: 0.5, numberFormat: "0.0" });
  expect(cellValue("123456789012345")).toEqual({ value: 123456789012345 });
});

test("a DOCTYPE in document.xml is refused (the tokenizer's rule): no entity is ever expanded", () => {
  const bytes = Buffer.from(zipSync({ "word/document.xml": strToU8(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:document xmlns:w="w"><w:body>${p("&a;")}</w:body></w:document>`) }));
  expect(() => readDocument(bytes, inflateNode, DEFAULT_INPUT_LIMITS)).toThrow(/DOCTYPE|DTD/i);
});

/**
 * Ranges read as ranges and each hard limit with its own message (issue 13): a merge over the
 * whole sheet, 60,000 merges, a 200,000-character cell, too many sheets or entries, two parts of
 * one name. Each ends quickly, as one line naming the limit.
 */
import { readXlsx } from "../../src/adapters/xlsx/read-xlsx";
import { readXlsxBytes } from "../../src/adapters/xlsx/read-bytes";
import { DEFAULT_INPUT_LIMITS, LIMIT_SPECS, parseLimitOption, type LimitKey } from "../../src/adapters/limits";
import { buildXlsx, sheetXml } from "../helpers/xlsx-parts";

const merges = (refs: string[]) => `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`;

async function expectLimit(bytes: Buffer, key: LimitKey, limits = DEFAULT_INPUT_LIMITS) {
  const started = Date.now();
  const read = await readXlsx(bytes, limits);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(read).toMatchObject({ ok: false, reason: "too-large", limit: { key } });
  if (read.ok) return;
  expect(read.message.zh).toMatch(/^无法读取：[^\n]+$/);
  expect(read.message.zh).toContain(LIMIT_SPECS[key].what.zh);
  expect(read.message.zh).toContain(`--limit ${LIMIT_SPECS[key].name}=`);
  expect(read.message.en).toContain(LIMIT_SPECS[key].what.en);
  // The browser reader says the same, without an option to name.
  const inBrowser = await readXlsxBytes(new Uint8Array(bytes).buffer as ArrayBuffer);
  if (limits === DEFAULT_INPUT_LIMITS) {
    expect(inBrowser).toMatchObject({ ok: false, reason: "too-large", limit: { key } });
    if (!inBrowser.ok) expect(inBrowser.message.zh).not.toContain("--limit");
  }
}

test("a merge over the whole sheet is measured as a range, never walked cell by cell", async () => {
  await expectLimit(buildXlsx({ sheet: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`, merges(["A1:XFD1048576"])) }), "mergedCells");
});

test("60,000 merged ranges pass the limit on ranges", async () => {
  const refs = Array.from({ length: 60_000 }, (_, i) => `A${i + 1}:B${i + 1}`);
  await expectLimit(buildXlsx({ sheet: sheetXml("", merges(refs)) }), "mergedRanges");
});

test("a cell of 200,000 characters, inline or shared, passes the limit on text", async () => {
  const long = "很".repeat(200_000);
  await expectLimit(buildXlsx({ sheet: `<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c></row>` }), "stringChars");
  await expectLimit(buildXlsx({ sheet: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, sharedStrings: [`<t>${long}</t>`] }), "stringChars");
});

test("sheets and zip entries past their limits", async () => {
  const one = buildXlsx({ sheet: `<row r="1"><c r="A1"><v>1</v></c></row>` });
  await expectLimit(one, "sheets", { ...DEFAULT_INPUT_LIMITS, sheets: 0 });
  await expectLimit(one, "zipEntries", { ...DEFAULT_INPUT_LIMITS, zipEntries: 3 });
  expect((await readXlsx(one)).ok).toBe(true);
});

test("two zip entries of one name (any case) make the package damaged, not silently the last copy", async () => {
  const doubled = buildXlsx({ sheet: `<row r="1"><c r="A1"><v>1</v></c></row>`, extra: { "XL/workbook.xml": "<workbook/>" } });
  expect(await readXlsx(doubled)).toMatchObject({ ok: false, reason: "corrupt" });
});

test("--limit values: names, MB scaling, bad input", () => {
  expect(parseLimitOption("cells=10000000")).toEqual({ key: "cells", value: 10_000_000 });
  expect(parseLimitOption("file-mb=300")).toEqual({ key: "fileBytes", value: 300 * 2 ** 20 });
  expect(parseLimitOption("seconds=5")).toEqual({ key: "fileSeconds", value: 5 });
  expect(parseLimitOption("cells = 1,000")).toEqual({ key: "cells", value: 1_000 });
  expect(parseLimitOption("nothing=3")).toHaveProperty("error");
  expect(parseLimitOption("cells=0")).toHaveProperty("error");
  expect(parseLimitOption("cells")).toHaveProperty("error");
  expect(parseLimitOption("cells=-4")).toHaveProperty("error");
});

test("a sheet the workbook lists but whose part is missing is a damaged file, not a missing table", async () => {
  const { unzipSync, zipSync } = await import("fflate");
  const parts = unzipSync(new Uint8Array(buildXlsx({ sheet: `<row r="1"><c r="A1"><v>1</v></c></row>` })));
  delete parts["xl/worksheets/sheet1.xml"];
  expect(await readXlsx(Buffer.from(zipSync(parts)))).toMatchObject({ ok: false, reason: "corrupt" });
});

/**
 * 导入附件表 on both hosts: the memory host (the demo) and Office.js over the Excel fake. The seed
 * report's tables, imported into a workbook, check exactly as the seed workbook does; an import
 * never writes over a sheet; text that looks like a formula stays text; 2 syncs in Excel.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importableTables, readDocument } from "../../src/adapters/docx/document";
import { inflateNode, readXlsx } from "../../src/adapters/xlsx/read-xlsx";
import { DEFAULT_INPUT_LIMITS } from "../../src/adapters/limits";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { importTableSheets } from "../../src/adapters/office/import-tables";
import { importSheetNames } from "../../src/host/import-names";
import { validate } from "../../src/core";
import { rangeToA1 } from "../../src/core/grid/address";
import { ExcelFake } from "../fakes/excel-fake";

const ROOT = join(__dirname, "..", "..");

function seedTables() {
  const read = readDocument(readFileSync(join(ROOT, "assets", "samples", "zhuzhou-luosong-npc-2023.docx")), inflateNode, DEFAULT_INPUT_LIMITS);
  if (!read.ok) throw new Error(read.reason);
  return importableTables(read.document);
}

const findingKeys = (snapshot: Parameters<typeof validate>[0]) =>
  validate(snapshot).findings.map((f) => `${f.ruleId} ${f.at ? `${f.at.sheet}!${f.at.row},${f.at.col}` : "-"} ${String(f.expected)} ${String(f.actual)}`);

test("the seed report's tables ask for 附件2 and 附件3, laid out with their captions", () => {
  const tables = seedTables();
  expect(tables.map((t) => [t.name, t.rowCount, t.colCount])).toEqual([["附件2", 26, 7], ["附件3", 29, 9]]);
});

test("memory host: imported into an empty workbook, the tables check exactly as the seed workbook", async () => {
  const host = new MemoryHost(MemoryWorkbook.fromSpec({ sheets: [{ name: "Sheet1", rows: [] }] }));
  expect(await host.importTables(seedTables())).toEqual({ ok: true, sheets: ["附件2", "附件3"] });
  const read = await host.read();
  const seed = await readXlsx(join(ROOT, "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx"));
  if (!read.ok || !seed.ok) throw new Error("unreadable");
  expect(findingKeys(read.snapshot)).toEqual(findingKeys(seed.snapshot));
});

test("an import never writes over a sheet: taken names get (2), (3); illegal characters and length are handled", async () => {
  const host = new MemoryHost(MemoryWorkbook.fromSpec({ sheets: [{ name: "附件2", rows: [["原有内容"]] }] }));
  const outcome = await host.importTables(seedTables());
  expect(outcome).toEqual({ ok: true, sheets: ["附件2 (2)", "附件3"] });
  expect(host.workbook.cell("附件2", 0, 0)?.value).toBe("原有内容");
  expect(importSheetNames(["A", "a (2)"], ["a", "A", "x/y:z", "", "很".repeat(40)])).toEqual(["a (3)", "A (4)", "xyz", "表4", "很".repeat(31)]);
});

describe("Office (over the Excel fake)", () => {
  test("2 syncs in 1 run: values, formats and merges as read; the existing sheet untouched", async () => {
    const fake = new ExcelFake();
    fake.addSheet("附件2");
    fake.resetCounts();
    const tables = seedTables();
    const outcome = await importTableSheets(fake.run, tables);
    expect(outcome).toEqual({ ok: true, sheets: ["附件2 (2)", "附件3"] });
    expect(fake.syncCount).toBe(2);
    expect(fake.runCount).toBe(1);
    const annex3 = fake.sheet("附件3")!;
    expect(annex3.get(4, 8)?.value).toBe(98);
    expect(annex3.get(4, 7)).toMatchObject({ value: 0.9996, numberFormat: "0.00%" });
    expect(annex3.get(0, 0)?.value).toBe("附件3");
    expect(annex3.merges.map((m) => rangeToA1({ sheet: "", ...m })).sort()).toEqual(tables[1]!.merges.map((m) => rangeToA1({ ...m, sheet: "" })).sort());
  });

  test("text that looks like a formula is written as text", async () => {
    const fake = new ExcelFake();
    fake.addSheet("Sheet1");
    const outcome = await importTableSheets(fake.run, [{ name: "表1", rowCount: 1, colCount: 2, cells: [{ row: 0, col: 0, cell: { value: "=1+1" } }, { row: 0, col: 1, cell: { value: "@SUM(1)" } }], merges: [] }]);
    expect(outcome.ok).toBe(true);
    const sheet = fake.sheet("表1")!;
    expect([sheet.get(0, 0)?.formula, sheet.get(0, 0)?.value]).toEqual([undefined, "=1+1"]);
    expect([sheet.get(0, 1)?.formula, sheet.get(0, 1)?.value]).toEqual([undefined, "@SUM(1)"]);
  });
});

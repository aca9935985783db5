/** A workbook without a file of its own (a Word report's tables) written as .xlsx and read back unchanged. */
import { readXlsx } from "../../src/adapters/xlsx/read-xlsx";
import { workbookBytes } from "../../src/adapters/xlsx/workbook-bytes";
import { snapshotFromSpec } from "../../src/adapters/memory/grid-spec";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { validate } from "../../src/core";

test("the seed written from memory reads back with the same cells, formats, merges and findings", async () => {
  const snapshot = snapshotFromSpec(zhuzhouLuosongNpc2023);
  const read = await readXlsx(Buffer.from(workbookBytes(snapshot)));
  if (!read.ok) throw new Error(read.message.en);
  for (const [i, sheet] of snapshot.sheets.entries()) {
    const back = read.snapshot.sheets[i]!;
    expect(back.name).toBe(sheet.name);
    expect(back.merges.map((m) => [m.top, m.left, m.bottom, m.right])).toEqual(sheet.merges.map((m) => [m.top, m.left, m.bottom, m.right]));
    sheet.forEachCell?.((r, c, cell) => {
      if (cell.value === null) return;
      expect([r, c, back.cell(r, c)?.value, back.cell(r, c)?.numberFormat]).toEqual([r, c, cell.value, cell.numberFormat]);
    });
  }
  const key = (f: { ruleId: string; at: unknown }) => `${f.ruleId} ${JSON.stringify(f.at)}`;
  expect(validate(read.snapshot).findings.map(key)).toEqual(validate(snapshot).findings.map(key));
});

test("text that looks like a formula is written as text", async () => {
  const read = await readXlsx(Buffer.from(workbookBytes(snapshotFromSpec({ sheets: [{ name: "S", rows: [["=1+1", "@SUM(1)"]] }] }))));
  if (!read.ok) throw new Error("unreadable");
  expect(read.snapshot.sheets[0]!.cell(0, 0)).toEqual({ value: "=1+1" });
  expect(read.snapshot.sheets[0]!.cell(0, 0)?.formula).toBeUndefined();
});

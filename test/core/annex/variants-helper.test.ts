/** The rearrangements of test/helpers/variants.ts do what the recognition tests rely on. */
import type { WorkbookSpec } from "../../../src/adapters/memory/grid-spec";
import { zhuzhouLuosongNpc2023 as SEED } from "../../../src/samples/zhuzhou-luosong-npc-2023";
import {
  combineSheets, deleteRow, findCell, findRow, getCell, insertColumns, insertRowAfter, removeMerges, renameSheets, replaceLabels,
  setCell, sheetOf, shiftSheet, splitLabel, swapColumns,
} from "../../helpers/variants";

const small: WorkbookSpec = {
  sheets: [{
    name: "S",
    rows: [["title"], ["a", 1, 2], ["b", 3, 4], ["c", 5, 6]],
    merges: ["A1:C1", "A2:A3", "B4:C4"],
  }],
};

test("the input spec is never changed", () => {
  const before = JSON.stringify(SEED);
  shiftSheet(SEED, "附件3", 3, 2);
  insertRowAfter(SEED, "附件2", "2、运行维护经费", ["x", 1, 2, 3]);
  combineSheets(SEED, ["附件2", "附件3"]);
  replaceLabels(SEED, { 总分: "合计" });
  swapColumns(SEED, "附件3", 6, 7);
  removeMerges(SEED);
  expect(JSON.stringify(SEED)).toBe(before);
});

test("shiftSheet moves cells and merges", () => {
  const out = sheetOf(shiftSheet(small, "S", 2, 1), "S");
  expect(out.rows[2]).toEqual([undefined, "title"]);
  expect(out.rows[3]).toEqual([undefined, "a", 1, 2]);
  expect(out.merges).toEqual(["B3:D3", "B4:B5", "C6:D6"]);
});

test("insertRowAfter moves merges below and grows a merge spanning the insertion point", () => {
  const out = sheetOf(insertRowAfter(small, "S", "a", ["new", 9]), "S");
  expect(out.rows.map((r) => r[0])).toEqual(["title", "a", "new", "b", "c"]);
  expect(out.merges).toEqual(["A1:C1", "A2:A4", "B5:C5"]);
});

test("deleteRow shrinks a merge over it and moves the ones below", () => {
  const out = sheetOf(deleteRow(small, "S", 2), "S");
  expect(out.rows.map((r) => r[0])).toEqual(["title", "a", "c"]);
  expect(out.merges).toEqual(["A1:C1", "B3:C3"]);
});

test("combineSheets stacks the sheets with blank rows between, merges moved", () => {
  const out = combineSheets(SEED, ["附件3", "附件2"], "Sheet1", 2);
  expect(out.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  const a3Rows = SEED.sheets[1]!.rows.length;
  expect(findRow(out, "Sheet1", "附件3")).toBe(0);
  expect(findRow(out, "Sheet1", "附件2")).toBe(a3Rows + 2);
  expect(sheetOf(out, "Sheet1").merges).toContain(`A${a3Rows + 2 + 2}:G${a3Rows + 2 + 2}`);
});

test("renameSheets, replaceLabels, splitLabel", () => {
  expect(renameSheets(SEED, { 附件2: "Sheet1" }).sheets.map((s) => s.name)).toEqual(["Sheet1", "附件3"]);
  const replaced = replaceLabels(SEED, { 总分: "合计" });
  expect(findCell(replaced, "附件3", "合计")).toEqual(findCell(SEED, "附件3", "总分"));
  expect(() => replaceLabels(SEED, { 不存在的标签: "x" })).toThrow(/no cell holds/);
  const split = splitLabel(SEED, "公用经费", "经费");
  expect(getCell(split, "附件2", findRow(SEED, "附件2", "公用经费"), 0)).toBe("公用\n经费");
});

test("swapColumns moves one-column merges and refuses to tear a wider one", () => {
  const out = sheetOf(swapColumns(small, "S", 1, 2, { from: 1, to: 2 }), "S");
  expect(out.rows[1]).toEqual(["a", 2, 1]);
  expect(out.rows[3]).toEqual(["c", 5, 6]);
  expect(() => swapColumns(small, "S", 0, 1)).toThrow(/torn apart/);
});

test("insertColumns shifts cells right and grows a merge spanning the column", () => {
  const out = sheetOf(insertColumns(small, "S", 1, 2, { from: 1, to: 3 }), "S");
  expect(out.rows[1]).toEqual(["a", undefined, undefined, 1, 2]);
  expect(out.merges).toEqual(["A1:C1", "A2:A3", "D4:E4"]);
});

test("setCell pads the row", () => {
  expect(sheetOf(setCell(small, "S", 5, 3, "x"), "S").rows[5]).toEqual([undefined, undefined, undefined, "x"]);
});

/**
 * SheetIndex keeps a sheet's filled cells and labels in flat row-major runs (not an array per
 * row). Whatever order a host hands its cells over in, and whether it hands them over at all
 * (a grid read cell by cell), every row query must answer the same.
 */
import fc from "fast-check";
import { SheetIndex, type LabelCell } from "../../../src/core/annex/sheet-index";
import type { Cell, SheetGrid } from "../../../src/core/grid/workbook";
import type { CellRange } from "../../../src/core/grid/address";
import { validate } from "../../../src/core";
import { snapshotFromSpec } from "../../../src/adapters/memory";
import { zhuzhouLuosongNpc2023 as SEED } from "../../../src/samples/zhuzhou-luosong-npc-2023";

type Entry = readonly [row: number, col: number, cell: Cell];

/** A sheet handing over `entries` in the order given; without forEachCell when `cellByCell`. */
function sheetOf(entries: readonly Entry[], rowCount: number, colCount: number, merges: readonly CellRange[] = [], cellByCell = false): SheetGrid {
  const byKey = new Map(entries.map(([r, c, cell]) => [`${r},${c}`, cell]));
  const sheet: SheetGrid = {
    name: "表",
    rowCount,
    colCount,
    merges,
    cell: (r, c) => byKey.get(`${r},${c}`),
  };
  if (cellByCell) return sheet;
  return { ...sheet, forEachCell: (visit) => entries.forEach(([r, c, cell]) => visit(r, c, cell)) };
}

/** Every row query of an index, for comparison. */
function answers(index: SheetIndex, rowCount: number) {
  const rows = [];
  for (let row = -1; row <= rowCount; row++) {
    // firstInRow is rowLabels(row).find without making the row's labels: the same label, or none.
    for (const accept of [(l: LabelCell) => l.col > 1, (l: LabelCell) => /分/.test(l.label), (l: LabelCell) => l.text.startsWith("其中"), () => true, () => false]) {
      expect(index.firstInRow(row, accept)).toEqual(index.rowLabels(row).find(accept));
    }
    rows.push({
      labels: index.rowLabels(row).map((l) => [l.col, l.label]),
      firstScore: index.firstInRow(row, (l) => l.label === "得分")?.col,
      filled: [0, 1, 2, 3, 4, 5].filter((col) => !index.isRowBlank(row, col, col)),
      first: index.firstFilledColumn(row),
      count: index.filledCount(row),
      blank: index.isRowBlank(row),
      blankRight: index.isRowBlank(row, 2),
      blankMiddle: index.isRowBlank(row, 1, 2),
    });
  }
  // find and first give their predicate each label's cell (one object refilled): what it holds is that label's.
  const all = index.labels;
  const spans = [undefined, { from: 2, to: 7 }, { from: 5, to: 5 }, { from: 9, to: 3 }];
  for (const rows of spans) {
    const within = all.filter((l) => !rows || (l.row >= rows.from && l.row <= rows.to));
    expect(index.find((label, cell) => cell.col >= 2 && cell.label === label, rows)).toEqual(within.filter((l) => l.col >= 2));
    expect(index.first((_, cell) => cell.text.trim().startsWith("1"), rows)).toEqual(within.find((l) => l.text.trim().startsWith("1")));
  }
  expect(index.normalizedLabels).toEqual(all.map((l) => l.label));
  return { labels: all.map((l) => [l.row, l.col, l.label]), rows };
}

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom("其中：项目支出", "1、分值", "  ", "", "得分", "（2）年度", "指标１", "14次", "≥95%").map((value) => ({ value })),
  fc.integer({ min: -5, max: 500 }).map((value) => ({ value })),
  fc.constant({ value: null }),
  fc.constant({ value: { error: "#DIV/0!" } }),
);

const entriesArb = fc.uniqueArray(
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 5 }), cellArb),
  { selector: ([r, c]) => `${r},${c}`, maxLength: 50 },
);

describe("SheetIndex row queries", () => {
  test("the same answers whether cells come row by row, shuffled, or read cell by cell", () => {
    fc.assert(
      fc.property(entriesArb, fc.integer(), (entries, seed) => {
        const ordered = [...entries].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        const shuffled = [...entries].sort((a, b) => hash(a, seed) - hash(b, seed));
        const expected = answers(new SheetIndex(sheetOf(ordered, 13, 6)), 13);
        expect(answers(new SheetIndex(sheetOf(shuffled, 13, 6)), 13)).toEqual(expected);
        expect(answers(new SheetIndex(sheetOf(entries, 13, 6, [], true)), 13)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  test("a row's labels, filled columns and blankness, read as a person reads the row", () => {
    const index = new SheetIndex(sheetOf([
      [3, 4, { value: "得分" }],
      [0, 0, { value: "（一）项目支出：" }],
      [3, 1, { value: 12 }],
      [3, 0, { value: "  " }],
      [5, 2, { value: "hidden" }],
      [5, 1, { value: "合并" }],
    ], 6, 5, [{ sheet: "表", top: 5, left: 1, bottom: 5, right: 2 }]));
    expect(index.rowLabels(0).map((l) => l.label)).toEqual(["项目支出"]);
    expect(index.rowLabels(3).map((l) => [l.col, l.label])).toEqual([[4, "得分"]]);
    expect([0, 1, 2, 3, 4].filter((col) => !index.isRowBlank(3, col, col))).toEqual([1, 4]);
    expect(index.firstFilledColumn(3)).toBe(1);
    expect(index.filledCount(3)).toBe(2);
    expect(index.isRowBlank(3, 2, 3)).toBe(true);
    expect(index.isRowBlank(3, 2, 4)).toBe(false);
    expect(index.isRowBlank(4)).toBe(true);
    expect(index.firstFilledColumn(4)).toBeUndefined();
    // The value still carried under a merge fills its cell but is no label.
    expect(index.rowLabels(5).map((l) => l.label)).toEqual(["合并"]);
    expect([0, 1, 2, 3, 4].filter((col) => !index.isRowBlank(5, col, col))).toEqual([1, 2]);
  });

  test("the seed checks the same when its cells are handed over in reverse order", () => {
    const snapshot = snapshotFromSpec(SEED);
    const reversed = {
      sheets: snapshot.sheets.map((sheet): SheetGrid => {
        const entries: Entry[] = [];
        sheet.forEachCell!((r, c, cell) => entries.push([r, c, cell]));
        entries.reverse();
        return { name: sheet.name, rowCount: sheet.rowCount, colCount: sheet.colCount, merges: sheet.merges, cell: (r, c) => sheet.cell(r, c), forEachCell: (visit) => entries.forEach(([r, c, cell]) => visit(r, c, cell)) };
      }),
    };
    expect(validate(reversed).findings).toEqual(validate(snapshot).findings);
  });
});

function hash([r, c]: Entry, seed: number): number {
  return Math.imul(r * 31 + c + 1, seed | 1) >>> 0;
}

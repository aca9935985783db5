// The demo grid's spreadsheet rules as pure functions: the editor's raw text round-trips through
// the memory host's parsing, arrow keys treat a merged area as one cell, keys map to actions.
import { anchorOf, cellKeyAction, editText, editorKeyAction, jump, step, type SheetShape } from "../../src/demo/cell-editor";
import { cellFromInput } from "../../src/adapters/memory/memory-workbook";
import type { Cell } from "../../src/core/grid/workbook";

describe("editText", () => {
  test.each<[Cell | undefined, string]>([
    [undefined, ""],
    [{ value: null, numberFormat: "0%" }, ""],
    [{ value: 1.6667, numberFormat: "0.00%" }, "166.67%"],
    [{ value: 0.6, numberFormat: "0%" }, "60%"],
    [{ value: 0.1 + 0.2 }, "0.3"],
    [{ value: 137.46, numberFormat: "0.00" }, "137.46"],
    [{ value: 56, formula: "=B2+B3" }, "56"],
    [{ value: true }, "TRUE"],
    [{ value: { error: "#DIV/0!" } }, "#DIV/0!"],
    [{ value: "编制数" }, "编制数"],
    [{ value: "00123" }, "'00123"],
    [{ value: "=A1" }, "'=A1"],
    [{ value: "12%" }, "'12%"],
    [{ value: "'quoted" }, "''quoted"],
    [{ value: "TRUE" }, "'TRUE"],
  ])("%j → %j", (cell, text) => {
    expect(editText(cell)).toBe(text);
  });

  test.each<Cell>([
    { value: 1.6667, numberFormat: "0.00%" },
    { value: 0.6, numberFormat: "0%" },
    { value: 137.46, numberFormat: "0.00" },
    { value: "00123" },
    { value: "=A1" },
    { value: "'quoted" },
    { value: "  说明 " },
    { value: false },
    { value: { error: "#N/A" } },
  ])("committing the editor's text unchanged gives %j back", (cell) => {
    const again = cellFromInput(editText(cell), cell);
    expect(again.ok && again.cell).toEqual(cell);
  });
});

describe("step and jump", () => {
  // A1:C1 merged; B3:C4 merged; 5 rows × 4 columns.
  const shape: SheetShape = {
    rowCount: 5,
    colCount: 4,
    merges: [
      { sheet: "S", top: 0, left: 0, bottom: 0, right: 2 },
      { sheet: "S", top: 2, left: 1, bottom: 3, right: 2 },
    ],
  };

  test("into a merged area: its top-left; out of one: past its far edge", () => {
    expect(step(shape, { row: 1, col: 1 }, "up")).toEqual({ row: 0, col: 0 });
    expect(step(shape, { row: 0, col: 0 }, "right")).toEqual({ row: 0, col: 3 });
    expect(step(shape, { row: 0, col: 0 }, "down")).toEqual({ row: 1, col: 0 });
    expect(step(shape, { row: 3, col: 0 }, "right")).toEqual({ row: 2, col: 1 });
    expect(step(shape, { row: 2, col: 1 }, "down")).toEqual({ row: 4, col: 1 });
    expect(step(shape, { row: 2, col: 1 }, "right")).toEqual({ row: 2, col: 3 });
  });

  test("the sheet's edges hold", () => {
    expect(step(shape, { row: 0, col: 0 }, "up")).toEqual({ row: 0, col: 0 });
    expect(step(shape, { row: 4, col: 3 }, "down")).toEqual({ row: 4, col: 3 });
    expect(step(shape, { row: 4, col: 3 }, "right")).toEqual({ row: 4, col: 3 });
    expect(step(shape, { row: 1, col: 0 }, "left")).toEqual({ row: 1, col: 0 });
  });

  test("Home/End in the row, Ctrl for the sheet", () => {
    expect(jump(shape, { row: 3, col: 3 }, "Home", false)).toEqual({ row: 3, col: 0 });
    expect(jump(shape, { row: 0, col: 3 }, "Home", false)).toEqual({ row: 0, col: 0 });
    expect(jump(shape, { row: 1, col: 0 }, "End", false)).toEqual({ row: 1, col: 3 });
    expect(jump(shape, { row: 3, col: 3 }, "Home", true)).toEqual({ row: 0, col: 0 });
    expect(jump(shape, { row: 0, col: 0 }, "End", true)).toEqual({ row: 4, col: 3 });
    expect(anchorOf(shape.merges, { row: 3, col: 2 })).toEqual({ row: 2, col: 1 });
  });
});

describe("keys", () => {
  const none = { ctrl: false, alt: false, meta: false };
  test("on a cell", () => {
    expect(cellKeyAction("ArrowLeft", none)).toEqual({ kind: "move", direction: "left" });
    expect(cellKeyAction("F2", none)).toEqual({ kind: "edit", text: null });
    expect(cellKeyAction("Enter", none)).toEqual({ kind: "edit", text: null });
    expect(cellKeyAction("Backspace", none)).toEqual({ kind: "edit", text: "" });
    expect(cellKeyAction("Delete", none)).toEqual({ kind: "clear" });
    expect(cellKeyAction("7", none)).toEqual({ kind: "edit", text: "7" });
    expect(cellKeyAction("c", { ...none, ctrl: true })).toBeNull();
    expect(cellKeyAction("Tab", none)).toBeNull();
    expect(cellKeyAction("End", { ...none, meta: true })).toEqual({ kind: "jump", key: "End", ctrl: true });
  });

  test("in the editor", () => {
    expect(editorKeyAction("Enter", false)).toEqual({ kind: "commit", direction: "down" });
    expect(editorKeyAction("Enter", true)).toEqual({ kind: "commit", direction: "up" });
    expect(editorKeyAction("Tab", false)).toEqual({ kind: "commit", direction: "right" });
    expect(editorKeyAction("Tab", true)).toEqual({ kind: "commit", direction: "left" });
    expect(editorKeyAction("Escape", false)).toEqual({ kind: "cancel" });
    expect(editorKeyAction("ArrowLeft", false)).toBeNull();
  });
});

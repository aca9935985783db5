/**
 * @jest-environment jsdom
 */
// The demo grid as a spreadsheet: click and arrow keys select (one cell in the tab order, focus
// follows), F2 / Enter / double-click / typing edit with the raw value, Enter and Tab commit and
// move, Escape cancels; commits reach the workbook and the host's watchers, refusals do not.
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DemoGrid } from "../../src/demo/DemoGrid";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import type { WorkbookChange } from "../../src/host/ports";
import { installResizeObserver } from "../helpers/pane-setup";

installResizeObserver();

/**
 *     A        B    C
 * 1   标题 (A1:C1 merged)
 * 2   编制数    21   60%
 * 3   在职      35   =B2+B3 (56)
 */
function setup() {
  const host = new MemoryHost(MemoryWorkbook.fromSpec({
    sheets: [
      {
        name: "表一",
        rows: [
          ["标题"],
          ["编制数", 21, { v: 0.6, fmt: "0%" }],
          ["在职", 35, { v: 56, f: "=B2+B3", fmt: "0.00" }],
        ],
        merges: ["A1:C1"],
      },
      { name: "表二", rows: [["锁定"]], protected: true },
    ],
  }));
  const changes: WorkbookChange[][] = [];
  void host.watch((c) => changes.push([...c]));
  render(
    <FluentProvider theme={webLightTheme}>
      <DemoGrid host={host} />
    </FluentProvider>,
  );
  return { host, changes };
}

const td = (address: string) => {
  const element = document.querySelector(`td[data-cell="${address}"]`);
  if (!element) throw new Error(`no cell ${address}`);
  return element as HTMLTableCellElement;
};
const editor = () => screen.getByRole("textbox") as HTMLInputElement;
const key = (element: Element, k: string, init: Partial<KeyboardEventInit> = {}) => {
  act(() => {
    fireEvent.keyDown(element, { key: k, ...init });
  });
};

test("a grid of gridcells, not read-only, with exactly one cell in the tab order", () => {
  setup();
  const grid = screen.getByRole("grid", { name: "表一" });
  expect(grid.getAttribute("aria-readonly")).toBeNull();
  expect(screen.getAllByRole("gridcell").length).toBe(7);
  const tabbable = [...document.querySelectorAll("td[data-cell]")].filter((c) => c.getAttribute("tabindex") === "0");
  expect(tabbable.map((c) => c.getAttribute("data-cell"))).toEqual(["表一!A1"]);
  expect(td("表一!C2").getAttribute("data-value")).toBe("0.6");
  expect(td("表一!C2").textContent).toMatch(/^60(\.00)?%$/);
});

test("a click selects the cell in the host; the selection is the tab stop", () => {
  const { host } = setup();
  act(() => {
    fireEvent.click(td("表一!B2"));
  });
  expect(host.selection).toEqual({ sheet: "表一", row: 1, col: 1 });
  expect(td("表一!B2").getAttribute("aria-selected")).toBe("true");
  expect(td("表一!B2").tabIndex).toBe(0);
  expect(td("表一!A1").tabIndex).toBe(-1);
});

test("arrow keys move the selection and focus; a merged area is one cell; the edges hold", () => {
  const { host } = setup();
  act(() => {
    fireEvent.click(td("表一!A2"));
  });
  key(td("表一!A2"), "ArrowRight");
  expect(host.selection).toEqual({ sheet: "表一", row: 1, col: 1 });
  expect(document.activeElement).toBe(td("表一!B2"));
  key(td("表一!B2"), "ArrowUp");
  // Into the merged title: its top-left.
  expect(host.selection).toEqual({ sheet: "表一", row: 0, col: 0 });
  expect(document.activeElement).toBe(td("表一!A1"));
  key(td("表一!A1"), "ArrowRight");
  expect(host.selection).toEqual({ sheet: "表一", row: 0, col: 0 });
  key(td("表一!A1"), "ArrowDown");
  key(td("表一!A2"), "ArrowDown");
  key(td("表一!A3"), "End");
  expect(host.selection).toEqual({ sheet: "表一", row: 2, col: 2 });
  key(td("表一!C3"), "Home", { ctrlKey: true });
  expect(host.selection).toEqual({ sheet: "表一", row: 0, col: 0 });
});

test("F2 edits with the raw value; Enter commits, moves down and tells the watchers", () => {
  const { host, changes } = setup();
  act(() => {
    fireEvent.click(td("表一!C2"));
  });
  key(td("表一!C2"), "F2");
  expect(editor().value).toBe("60%");
  expect(document.activeElement).toBe(editor());
  fireEvent.change(editor(), { target: { value: "166.67%" } });
  key(editor(), "Enter");
  expect(screen.queryByRole("textbox")).toBeNull();
  expect(host.workbook.cell("表一", 1, 2)).toEqual({ value: 1.6667, numberFormat: "0%" });
  expect(td("表一!C2").getAttribute("data-value")).toBe("1.6667");
  expect(changes).toEqual([[{ sheet: "表一", range: { sheet: "表一", top: 1, left: 2, bottom: 1, right: 2 } }]]);
  expect(host.selection).toEqual({ sheet: "表一", row: 2, col: 2 });
  expect(document.activeElement).toBe(td("表一!C3"));
});

test("Escape cancels: nothing written, nobody told, focus back on the cell", () => {
  const { host, changes } = setup();
  act(() => {
    fireEvent.click(td("表一!B2"));
  });
  key(td("表一!B2"), "Enter");
  expect(editor().value).toBe("21");
  fireEvent.change(editor(), { target: { value: "99" } });
  key(editor(), "Escape");
  expect(screen.queryByRole("textbox")).toBeNull();
  expect(host.workbook.cell("表一", 1, 1)).toEqual({ value: 21 });
  expect(changes).toEqual([]);
  expect(document.activeElement).toBe(td("表一!B2"));
  expect(host.selection).toEqual({ sheet: "表一", row: 1, col: 1 });
});

test("double-click edits; Tab commits and moves right", () => {
  const { host, changes } = setup();
  act(() => {
    fireEvent.doubleClick(td("表一!B3"));
  });
  expect(editor().value).toBe("35");
  fireEvent.change(editor(), { target: { value: "36" } });
  key(editor(), "Tab");
  expect(host.workbook.cell("表一", 2, 1)).toEqual({ value: 36 });
  expect(changes.length).toBe(1);
  expect(host.selection).toEqual({ sheet: "表一", row: 2, col: 2 });
});

test("typing a character starts editing with it, replacing the content", () => {
  const { host } = setup();
  act(() => {
    fireEvent.click(td("表一!B2"));
  });
  key(td("表一!B2"), "7");
  expect(editor().value).toBe("7");
  fireEvent.change(editor(), { target: { value: "72" } });
  key(editor(), "Enter");
  expect(host.workbook.cell("表一", 1, 1)).toEqual({ value: 72 });
});

test("a formula cell shows its value; unchanged it keeps the formula, a new value replaces it", () => {
  const { host, changes } = setup();
  expect(td("表一!C3").getAttribute("data-value")).toBe("56");
  expect(td("表一!C3").textContent).toMatch(/^56(\.00)?$/);
  act(() => {
    fireEvent.click(td("表一!C3"));
  });
  key(td("表一!C3"), "F2");
  expect(editor().value).toBe("56");
  key(editor(), "Enter");
  expect(host.workbook.cell("表一", 2, 2)).toEqual({ value: 56, formula: "=B2+B3", numberFormat: "0.00" });
  expect(changes).toEqual([]);
  act(() => {
    fireEvent.click(td("表一!C3"));
  });
  key(td("表一!C3"), "F2");
  fireEvent.change(editor(), { target: { value: "57" } });
  key(editor(), "Enter");
  expect(host.workbook.cell("表一", 2, 2)).toEqual({ value: 57, numberFormat: "0.00" });
  expect(changes.length).toBe(1);
});

test("a typed formula is refused: said below the grid, the editor stays open, nothing written", () => {
  const { host, changes } = setup();
  act(() => {
    fireEvent.click(td("表一!B2"));
  });
  key(td("表一!B2"), "F2");
  fireEvent.change(editor(), { target: { value: "=B3*2" } });
  key(editor(), "Enter");
  expect(editor().value).toBe("=B3*2");
  expect(screen.getByRole("status").textContent).toContain("不计算公式");
  expect(host.workbook.cell("表一", 1, 1)).toEqual({ value: 21 });
  expect(changes).toEqual([]);
  key(editor(), "Escape");
  expect(screen.queryByRole("textbox")).toBeNull();
});

test("Delete clears the value and keeps the format; the merged title is edited at its top-left", () => {
  const { host, changes } = setup();
  act(() => {
    fireEvent.click(td("表一!C2"));
  });
  key(td("表一!C2"), "Delete");
  expect(host.workbook.cell("表一", 1, 2)).toEqual({ value: null, numberFormat: "0%" });
  act(() => {
    fireEvent.doubleClick(td("表一!A1"));
  });
  expect(editor().value).toBe("标题");
  fireEvent.change(editor(), { target: { value: "新标题" } });
  key(editor(), "Enter");
  expect(host.workbook.cell("表一", 0, 0)).toEqual({ value: "新标题" });
  expect(changes.map((c) => c[0]!.range)).toEqual([
    { sheet: "表一", top: 1, left: 2, bottom: 1, right: 2 },
    { sheet: "表一", top: 0, left: 0, bottom: 0, right: 0 },
  ]);
  // Enter moved below the whole merged area.
  expect(host.selection).toEqual({ sheet: "表一", row: 1, col: 0 });
});

test("leaving the editor commits; a protected sheet does not open it", () => {
  const { host, changes } = setup();
  act(() => {
    fireEvent.click(td("表一!B2"));
  });
  key(td("表一!B2"), "F2");
  fireEvent.change(editor(), { target: { value: "22" } });
  act(() => {
    fireEvent.blur(editor());
  });
  expect(host.workbook.cell("表一", 1, 1)).toEqual({ value: 22 });
  expect(changes.length).toBe(1);
  act(() => {
    fireEvent.click(screen.getByRole("tab", { name: "表二" }));
  });
  key(td("表二!A1"), "F2");
  expect(screen.queryByRole("textbox")).toBeNull();
  expect(screen.getByRole("status").textContent).toContain("受保护");
});

test("the pane's 定位 shows the selection without taking the focus", async () => {
  const { host } = setup();
  const outside = document.createElement("button");
  document.body.appendChild(outside);
  outside.focus();
  await act(async () => {
    await host.select({ sheet: "表一", row: 2, col: 1 });
  });
  expect(td("表一!B3").getAttribute("aria-selected")).toBe("true");
  expect(document.activeElement).toBe(outside);
  outside.remove();
});

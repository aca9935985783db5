/**
 * The demo grid's spreadsheet behaviour as pure functions: what the cell editor opens with (the raw
 * value, typed so that committing it unchanged gives the same cell back), where the arrow keys lead
 * in a sheet with merged areas, and which key does what.
 */
import type { CellRange } from "../core/grid/address";
import { isCellError, type Cell } from "../core/grid/workbook";
import { cellFromInput } from "../adapters/memory/memory-workbook";

export interface Position {
  readonly row: number;
  readonly col: number;
}

/**
 * The editor's text for a cell, as Excel's formula bar shows a value: a percent cell as "166.67%",
 * other numbers to 15 significant digits without binary noise, TRUE/FALSE, an error literal, and
 * text prefixed with "'" when typing it would store something else ("'00123", "'=A1", "'12%").
 * A formula cell opens with its value (this workbook calculates no formulas; committing a new value
 * replaces the formula, committing it unchanged writes nothing).
 */
export function editText(cell: Cell | undefined): string {
  const value = cell?.value ?? null;
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (cell?.numberFormat?.includes("%")) return `${plain(value * 100)}%`;
    return plain(value);
  }
  const typed = cellFromInput(value, undefined);
  return typed.ok && typed.cell.value === value ? value : `'${value}`;
}

function plain(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/** The merged area `at` lies in, if any. */
export function mergeAt(merges: readonly CellRange[], at: Position): CellRange | undefined {
  return merges.find((m) => at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right);
}

/** The cell the grid shows for `at`: a merged area's top-left cell, else `at` itself. */
export function anchorOf(merges: readonly CellRange[], at: Position): Position {
  const merge = mergeAt(merges, at);
  return merge ? { row: merge.top, col: merge.left } : { row: at.row, col: at.col };
}

export type Direction = "up" | "down" | "left" | "right";

export interface SheetShape {
  readonly rowCount: number;
  readonly colCount: number;
  readonly merges: readonly CellRange[];
}

/**
 * One step from `from` (a shown cell): past the far edge of a merged area `from` heads, into the
 * top-left of a merged area it lands in; it stays put at the sheet's edge.
 */
export function step(shape: SheetShape, from: Position, direction: Direction): Position {
  const here = mergeAt(shape.merges, from) ?? { top: from.row, bottom: from.row, left: from.col, right: from.col };
  let { row, col } = from;
  if (direction === "up") row = here.top - 1;
  if (direction === "down") row = here.bottom + 1;
  if (direction === "left") col = here.left - 1;
  if (direction === "right") col = here.right + 1;
  if (row < 0 || col < 0 || row >= shape.rowCount || col >= shape.colCount) return anchorOf(shape.merges, from);
  return anchorOf(shape.merges, { row, col });
}

/** Where Home/End (Ctrl: the sheet's first/last cell) lead. */
export function jump(shape: SheetShape, from: Position, key: "Home" | "End", ctrl: boolean): Position {
  const lastRow = Math.max(0, shape.rowCount - 1);
  const lastCol = Math.max(0, shape.colCount - 1);
  if (key === "Home") return anchorOf(shape.merges, ctrl ? { row: 0, col: 0 } : { row: from.row, col: 0 });
  return anchorOf(shape.merges, ctrl ? { row: lastRow, col: lastCol } : { row: from.row, col: lastCol });
}

/** What a key does on a selected cell that is not being edited. */
export type CellKeyAction =
  | { readonly kind: "move"; readonly direction: Direction }
  | { readonly kind: "jump"; readonly key: "Home" | "End"; readonly ctrl: boolean }
  | { readonly kind: "edit"; readonly text: string | null }
  | { readonly kind: "clear" }
  | null;

export function cellKeyAction(key: string, mods: { ctrl: boolean; alt: boolean; meta: boolean }): CellKeyAction {
  switch (key) {
    case "ArrowUp": return { kind: "move", direction: "up" };
    case "ArrowDown": return { kind: "move", direction: "down" };
    case "ArrowLeft": return { kind: "move", direction: "left" };
    case "ArrowRight": return { kind: "move", direction: "right" };
    case "Home":
    case "End": return { kind: "jump", key, ctrl: mods.ctrl || mods.meta };
    case "F2":
    case "Enter": return { kind: "edit", text: null };
    case "Backspace": return { kind: "edit", text: "" };
    case "Delete": return { kind: "clear" };
    default:
      // A printable character starts editing with it, replacing the cell's content (as in Excel).
      if (key.length === 1 && !mods.ctrl && !mods.alt && !mods.meta) return { kind: "edit", text: key };
      return null;
  }
}

/** What a key does in the editor: commit and move (Enter down, Tab right; Shift reverses), cancel, or type. */
export function editorKeyAction(key: string, shift: boolean): { readonly kind: "commit"; readonly direction: Direction } | { readonly kind: "cancel" } | null {
  if (key === "Enter") return { kind: "commit", direction: shift ? "up" : "down" };
  if (key === "Tab") return { kind: "commit", direction: shift ? "left" : "right" };
  if (key === "Escape") return { kind: "cancel" };
  return null;
}

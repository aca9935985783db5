/**
 * Rearrangements of a WorkbookSpec, as staff rearrange the annex tables in Excel: a table moved
 * down and right, a 专项 line inserted, both tables on one sheet, sheets renamed, labels typed
 * another way, merges removed, a label broken over two lines, columns swapped or inserted.
 *
 * Every function is pure: it returns a new spec and never touches its input. Rows are 0-based
 * here (as in SheetSpec.rows); merges stay in A1 form. A transformation that cannot be done
 * faithfully (a label that is not there, a merge that a column swap would tear apart) throws, so
 * a test never silently runs on a workbook other than the one it describes.
 */
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../src/adapters/memory/grid-spec";
import type { CellValue } from "../../src/core/grid/workbook";
import { parseRangeA1, rangeToA1, type CellRange } from "../../src/core/grid/address";
import { normalizeLabel } from "../../src/core/text/normalize";

type Row = readonly CellSpec[];

/** Rows to act on, inclusive and 0-based; default the whole sheet. */
export interface RowRange {
  readonly from: number;
  readonly to: number;
}

// ---------------------------------------------------------------------------------------------
// Small pieces

/** The value a cell spec holds (a bare value or `{ v }`). */
export function valueOf(spec: CellSpec): CellValue {
  if (spec === undefined || spec === null) return null;
  if (typeof spec === "object" && "v" in spec) return spec.v;
  return spec as CellValue;
}

/** The text of a cell spec, or null when it holds no text. */
export function textOf(spec: CellSpec): string | null {
  const v = valueOf(spec);
  return typeof v === "string" ? v : null;
}

/** The same cell spec with another value, its format and formula kept. */
function withValue(spec: CellSpec, value: CellValue): CellSpec {
  if (spec !== null && spec !== undefined && typeof spec === "object" && "v" in spec) return { ...spec, v: value };
  return value;
}

function ranges(sheet: SheetSpec): CellRange[] {
  return (sheet.merges ?? []).map((m) => {
    const r = parseRangeA1(m, sheet.name);
    if (!r) throw new Error(`bad merge "${m}" on ${sheet.name}`);
    return r;
  });
}

function a1(r: CellRange): string {
  return rangeToA1(r);
}

function trimRow(row: readonly CellSpec[]): CellSpec[] {
  const out = [...row];
  while (out.length > 0 && (out[out.length - 1] === undefined || out[out.length - 1] === null)) out.pop();
  return out;
}

export function sheetOf(spec: WorkbookSpec, name: string): SheetSpec {
  const sheet = spec.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet "${name}" (sheets: ${spec.sheets.map((s) => s.name).join(", ")})`);
  return sheet;
}

/** Applies `fn` to one sheet (by name), or to every sheet when `name` is undefined. */
export function mapSheet(spec: WorkbookSpec, name: string | undefined, fn: (sheet: SheetSpec) => SheetSpec): WorkbookSpec {
  if (name !== undefined) sheetOf(spec, name);
  return { sheets: spec.sheets.map((s) => (name === undefined || s.name === name ? fn(s) : s)) };
}

/** A label matcher: text compared after normalizeLabel, a RegExp tested on the normalized label, or a predicate on the raw text. */
export type LabelMatch = string | RegExp | ((text: string) => boolean);

function matches(match: LabelMatch, text: string): boolean {
  if (typeof match === "string") return normalizeLabel(text) === normalizeLabel(match);
  if (match instanceof RegExp) return match.test(normalizeLabel(text));
  return match(text);
}

/** The first row (0-based) with a text cell matching `match`, at or after `from`. Throws when none. */
export function findRow(spec: WorkbookSpec, sheet: string, match: LabelMatch, from = 0): number {
  const rows = sheetOf(spec, sheet).rows;
  for (let r = from; r < rows.length; r++) {
    if ((rows[r] ?? []).some((c) => {
      const t = textOf(c);
      return t !== null && matches(match, t);
    })) return r;
  }
  throw new Error(`no row matching ${String(match)} on ${sheet}`);
}

/** The (row, col) of the first text cell matching `match`. Throws when none. */
export function findCell(spec: WorkbookSpec, sheet: string, match: LabelMatch): { row: number; col: number } {
  const rows = sheetOf(spec, sheet).rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = textOf(row[c]);
      if (t !== null && matches(match, t)) return { row: r, col: c };
    }
  }
  throw new Error(`no cell matching ${String(match)} on ${sheet}`);
}

/** One cell written (the row is padded as needed). */
export function setCell(spec: WorkbookSpec, sheet: string, row: number, col: number, value: CellSpec): WorkbookSpec {
  return mapSheet(spec, sheet, (s) => {
    const rows = s.rows.map((r) => [...r]);
    while (rows.length <= row) rows.push([]);
    const target = rows[row]!;
    while (target.length <= col) target.push(undefined);
    target[col] = value;
    rows[row] = trimRow(target);
    return { ...s, rows };
  });
}

/** The cell spec at (row, col), undefined when blank. */
export function getCell(spec: WorkbookSpec, sheet: string, row: number, col: number): CellSpec {
  return sheetOf(spec, sheet).rows[row]?.[col];
}

// ---------------------------------------------------------------------------------------------
// Moving content

/** Moves a sheet's content down by `rows` and right by `cols`; merges move with it. */
export function shiftSheet(spec: WorkbookSpec, sheet: string, rows: number, cols: number): WorkbookSpec {
  if (rows < 0 || cols < 0) throw new Error("shiftSheet moves content down and right only");
  return mapSheet(spec, sheet, (s) => shiftSheetSpec(s, rows, cols));
}

function shiftSheetSpec(s: SheetSpec, dr: number, dc: number): SheetSpec {
  const pad: CellSpec[] = Array.from({ length: dc }, () => undefined);
  return {
    ...s,
    rows: [...Array.from({ length: dr }, () => [] as CellSpec[]), ...s.rows.map((row) => (row.length ? [...pad, ...row] : []))],
    merges: ranges(s).map((r) => a1({ ...r, top: r.top + dr, bottom: r.bottom + dr, left: r.left + dc, right: r.right + dc })),
    ...(s.widths ? { widths: [...Array.from({ length: dc }, () => 8), ...s.widths] } : {}),
  };
}

/**
 * Inserts rows after the first row whose label matches `after` (see LabelMatch). Merges below
 * move down; a merge that spans the insertion point (a 一级指标 label merged over its rows, a side
 * label over the whole block) grows to cover the new rows.
 */
export function insertRowsAfter(spec: WorkbookSpec, sheet: string, after: LabelMatch | number, newRows: readonly Row[], from = 0): WorkbookSpec {
  const at = typeof after === "number" ? after : findRow(spec, sheet, after, from);
  return mapSheet(spec, sheet, (s) => insertRowsAt(s, at + 1, newRows));
}

/** Inserts one row after the row whose label matches `after`. */
export function insertRowAfter(spec: WorkbookSpec, sheet: string, after: LabelMatch | number, row: Row): WorkbookSpec {
  return insertRowsAfter(spec, sheet, after, [row]);
}

/** Inserts `newRows` so that the first of them has index `index`. */
function insertRowsAt(s: SheetSpec, index: number, newRows: readonly Row[]): SheetSpec {
  const n = newRows.length;
  const rows = [...s.rows];
  while (rows.length < index) rows.push([]);
  rows.splice(index, 0, ...newRows.map((r) => trimRow(r)));
  const merges = ranges(s).map((r) => {
    if (r.top >= index) return { ...r, top: r.top + n, bottom: r.bottom + n };
    if (r.bottom >= index) return { ...r, bottom: r.bottom + n };
    return r;
  });
  return { ...s, rows, merges: merges.map(a1) };
}

/** Deletes one row (0-based); merges above stay, merges below move up, a merge over it shrinks. */
export function deleteRow(spec: WorkbookSpec, sheet: string, index: number): WorkbookSpec {
  return mapSheet(spec, sheet, (s) => {
    const rows = [...s.rows];
    if (index < rows.length) rows.splice(index, 1);
    const merges: CellRange[] = [];
    for (const r of ranges(s)) {
      if (r.bottom < index) merges.push(r);
      else if (r.top > index) merges.push({ ...r, top: r.top - 1, bottom: r.bottom - 1 });
      else if (r.top === r.bottom) continue; // a one-row merge on the deleted row goes with it
      else merges.push({ ...r, bottom: r.bottom - 1 });
    }
    // A merge that shrank to one cell is no merge.
    return { ...s, rows, merges: merges.filter((r) => r.top !== r.bottom || r.left !== r.right).map(a1) };
  });
}

/**
 * Puts the named sheets on one sheet, in the given order (first on top), with `gap` blank rows
 * between them. Other sheets are kept. The new sheet takes the place of the first one listed.
 */
export function combineSheets(spec: WorkbookSpec, order: readonly string[], name = "Sheet1", gap = 3): WorkbookSpec {
  const parts = order.map((n) => sheetOf(spec, n));
  let rows: (readonly CellSpec[])[] = [];
  const merges: string[] = [];
  const widths: number[] = [];
  for (const part of parts) {
    if (rows.length > 0) rows = [...rows, ...Array.from({ length: gap }, () => [] as CellSpec[])];
    const shifted = shiftSheetSpec(part, rows.length, 0);
    merges.push(...(shifted.merges ?? []));
    rows = [...rows, ...shifted.rows.slice(rows.length)];
    (part.widths ?? []).forEach((w, c) => {
      widths[c] = Math.max(widths[c] ?? 0, w);
    });
  }
  const combined: SheetSpec = { name, rows, merges, ...(widths.length ? { widths } : {}) };
  const out: SheetSpec[] = [];
  for (const s of spec.sheets) {
    if (s.name === order[0]) out.push(combined);
    else if (!order.includes(s.name)) out.push(s);
  }
  return { sheets: out };
}

/** Renames a sheet. */
export function renameSheet(spec: WorkbookSpec, from: string, to: string): WorkbookSpec {
  return mapSheet(spec, from, (s) => ({ ...s, name: to }));
}

/** Renames several sheets at once ({ 附件2: "基础数据表", 附件3: "2023自评" }). */
export function renameSheets(spec: WorkbookSpec, names: Readonly<Record<string, string>>): WorkbookSpec {
  for (const from of Object.keys(names)) sheetOf(spec, from);
  return { sheets: spec.sheets.map((s) => ({ ...s, name: names[s.name] ?? s.name })) };
}

// ---------------------------------------------------------------------------------------------
// Changing texts

/**
 * Replaces label texts: every text cell equal to a key (exactly, or once both are trimmed) gets
 * the mapped text. Each key must match at least one cell.
 */
export function replaceLabels(spec: WorkbookSpec, map: Readonly<Record<string, string>>, sheet?: string): WorkbookSpec {
  const used = new Set<string>();
  const out = mapSheet(spec, sheet, (s) => ({
    ...s,
    rows: s.rows.map((row) => row.map((cell) => {
      const t = textOf(cell);
      if (t === null) return cell;
      for (const [from, to] of Object.entries(map)) {
        if (t === from || t.trim() === from.trim()) {
          used.add(from);
          return withValue(cell, to);
        }
      }
      return cell;
    })),
  }));
  const unused = Object.keys(map).filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`replaceLabels: no cell holds ${unused.map((u) => JSON.stringify(u)).join(", ")}`);
  return out;
}

/**
 * Breaks a label over two lines: a line break is put before `before` in the cell whose text is
 * `label` (exactly or trimmed). `before` is a substring of the label or a character offset.
 */
export function splitLabel(spec: WorkbookSpec, label: string, before: string | number, sheet?: string): WorkbookSpec {
  const at = typeof before === "number" ? before : label.indexOf(before);
  if (at <= 0 || at >= label.length) throw new Error(`splitLabel: cannot break "${label}" before ${JSON.stringify(before)}`);
  return replaceLabels(spec, { [label]: `${label.slice(0, at)}\n${label.slice(at)}` }, sheet);
}

/** Removes every merge of every sheet (the values stay in the top-left cells). */
export function removeMerges(spec: WorkbookSpec, sheet?: string): WorkbookSpec {
  return mapSheet(spec, sheet, (s) => ({ ...s, merges: [] }));
}

// ---------------------------------------------------------------------------------------------
// Columns

function inRows(range: RowRange | undefined, row: number): boolean {
  return !range || (row >= range.from && row <= range.to);
}

/**
 * Swaps two columns of a sheet (within `rows`, or the whole sheet): move the 分值 column after
 * 得分 with swapColumns(spec, "附件3", 6, 7). A merge covering one column only moves with it; a
 * merge covering both stays; a merge covering one of them and others would be torn apart, so
 * that throws.
 */
export function swapColumns(spec: WorkbookSpec, sheet: string, a: number, b: number, rows?: RowRange): WorkbookSpec {
  if (a === b) return spec;
  return mapSheet(spec, sheet, (s) => {
    const newRows = s.rows.map((row, r) => {
      if (!inRows(rows, r)) return row;
      const out = [...row];
      while (out.length <= Math.max(a, b)) out.push(undefined);
      [out[a], out[b]] = [out[b], out[a]];
      return trimRow(out);
    });
    const merges = ranges(s).map((m) => {
      const hasA = m.left <= a && a <= m.right;
      const hasB = m.left <= b && b <= m.right;
      if (hasA === hasB) return m;
      const touches = !rows || (m.bottom >= rows.from && m.top <= rows.to);
      if (!touches) return m;
      const inside = !rows || (m.top >= rows.from && m.bottom <= rows.to);
      if (m.left === m.right && inside) return { ...m, left: hasA ? b : a, right: hasA ? b : a };
      throw new Error(`swapColumns: merge ${a1(m)} on ${s.name} would be torn apart`);
    });
    const widths = s.widths ? [...s.widths] : undefined;
    if (widths && !rows) [widths[a], widths[b]] = [widths[b] ?? 8, widths[a] ?? 8];
    return { ...s, rows: newRows, merges: merges.map(a1), ...(widths ? { widths } : {}) };
  });
}

/**
 * Inserts `count` blank columns before column `at` (within `rows`, or the whole sheet). Merges
 * right of it move; a merge spanning it grows. Used to add the 指标性质 / 度量单位 columns.
 */
export function insertColumns(spec: WorkbookSpec, sheet: string, at: number, count: number, rows?: RowRange): WorkbookSpec {
  return mapSheet(spec, sheet, (s) => {
    const newRows = s.rows.map((row, r) => {
      if (!inRows(rows, r) || row.length <= at) return row;
      return [...row.slice(0, at), ...Array.from({ length: count }, () => undefined), ...row.slice(at)];
    });
    const merges = ranges(s).map((m) => {
      if (m.right < at) return m;
      const inside = !rows || (m.top >= rows.from && m.bottom <= rows.to);
      const outside = rows && (m.bottom < rows.from || m.top > rows.to);
      if (outside) return m;
      if (!inside) throw new Error(`insertColumns: merge ${a1(m)} on ${s.name} crosses the row range`);
      if (m.left >= at) return { ...m, left: m.left + count, right: m.right + count };
      return { ...m, right: m.right + count };
    });
    return { ...s, rows: newRows, merges: merges.map(a1) };
  });
}

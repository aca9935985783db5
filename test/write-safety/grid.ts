/**
 * Shared arbitraries and oracles of the write-safety properties: one random grid built into
 * both hosts (MemoryHost, and the Office host over the Excel fake), the whole workbook state of
 * each in one comparable form, and a model of what apply must do to it.
 */
import fc from "fast-check";
import { addressKey, parseRangeA1, rangeToA1, toA1, type CellAddress, type CellRange } from "../../src/core/grid/address";
import { SparseSheet, cellAt, isCellError, type CellValue, type WorkbookSnapshot } from "../../src/core/grid/workbook";
import type { CellEdit } from "../../src/core/findings/finding";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { createOfficeHost } from "../../src/adapters/office";
import { coreValue } from "../../src/adapters/office/cells";
import { FIXED_FILL, type ApplyOutcome, type StaleReason, type WorkbookHost } from "../../src/host/ports";
import { ExcelFake, type FakeOptions } from "../fakes/excel-fake";

export interface GridCell {
  readonly value: CellValue;
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly fill?: string;
}

export interface GridSheet {
  readonly name: string;
  readonly cells: readonly { readonly row: number; readonly col: number; readonly cell: GridCell }[];
  readonly merges: readonly CellRange[];
  readonly protected: boolean;
}

export interface Grid {
  readonly sheets: readonly GridSheet[];
}

/** A sheet name no grid uses: edits aimed there stand for a sheet deleted since validation. */
export const MISSING_SHEET = "已删除";

const SHEET_NAMES = ["附件2", "附件3", "Sheet 1", "O'Brien"];
export const MAX_ROWS = 6;
export const MAX_COLS = 5;

const TEXTS = ["中文", "=1+1", "12.5", "'abc", "TRUE", "#N/A", "-5", "60%", "2023-01-31", "  ", "——", "a\"b", "+x", "@sum"];

const finiteNumber = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
);
const text = fc.oneof(fc.constantFrom(...TEXTS), fc.string({ minLength: 1, maxLength: 5 }));
const errorValue = fc.constantFrom<CellValue>({ error: "#DIV/0!" }, { error: "#N/A" }, { error: "#REF!" });
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: finiteNumber, weight: 4 },
  { arbitrary: text, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: errorValue, weight: 1 },
);
const numberFormat = fc.constantFrom(undefined, undefined, "0.00", "0%", "0.00%", "#,##0.00", "yyyy-mm-dd");
const fill = fc.constantFrom(undefined, undefined, "#FFFF00", "#FFF2CC", "#FFFFFF", "#C6EFCE");
const formula = fc.constantFrom("=A1+1", "=SUM(B1:B3)", "=C2/B2", "=IF(A1>0,\"是\",\"否\")");

const gridCell: fc.Arbitrary<GridCell> = fc.record({
  value: fc.option(cellValue, { nil: null, freq: 6 }),
  formula: fc.option(formula, { nil: undefined, freq: 4 }),
  numberFormat,
  fill,
}).filter((c) => c.formula === undefined || (c.value !== null && c.value !== c.formula))
  .map((c) => ({
    value: c.value,
    ...(c.formula !== undefined ? { formula: c.formula } : {}),
    ...(c.numberFormat !== undefined ? { numberFormat: c.numberFormat } : {}),
    ...(c.fill !== undefined ? { fill: c.fill } : {}),
  }))
  .filter((c) => c.value !== null || c.numberFormat !== undefined || c.fill !== undefined);

const rect = fc.record({ top: fc.nat({ max: MAX_ROWS - 1 }), left: fc.nat({ max: MAX_COLS - 1 }), h: fc.integer({ min: 1, max: 2 }), w: fc.integer({ min: 1, max: 3 }) })
  .map(({ top, left, h, w }) => ({ top, left, bottom: top + h - 1, right: left + w - 1 }))
  .filter((r) => r.bottom > r.top || r.right > r.left);

function overlaps(a: Omit<CellRange, "sheet">, b: Omit<CellRange, "sheet">): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function sheetArb(name: string, protectedRate: number): fc.Arbitrary<GridSheet> {
  return fc.record({
    cells: fc.array(fc.record({ row: fc.nat({ max: MAX_ROWS - 1 }), col: fc.nat({ max: MAX_COLS - 1 }), cell: gridCell }), { maxLength: 18 }),
    merges: fc.array(rect, { maxLength: 2 }),
    locked: fc.double({ min: 0, max: 1, noNaN: true }),
  }).map(({ cells, merges, locked }) => {
    const kept: Omit<CellRange, "sheet">[] = [];
    for (const m of merges) if (!kept.some((k) => overlaps(k, m))) kept.push(m);
    // Excel keeps only the top-left value of a merged area.
    const inside = (row: number, col: number) => kept.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && !(row === m.top && col === m.left));
    const byKey = new Map<string, { row: number; col: number; cell: GridCell }>();
    for (const c of cells) if (!inside(c.row, c.col)) byKey.set(`${c.row}:${c.col}`, c);
    return { name, cells: [...byKey.values()], merges: kept.map((m) => ({ sheet: name, ...m })), protected: locked < protectedRate };
  });
}

/** One or two sheets of random cells; `protectedRate` of the sheets are protected. */
export function gridArb(protectedRate = 0): fc.Arbitrary<Grid> {
  return fc.shuffledSubarray(SHEET_NAMES, { minLength: 1, maxLength: 2 })
    .chain((names) => fc.tuple(...names.map((n) => sheetArb(n, protectedRate))))
    .map((sheets) => ({ sheets }));
}

export function memoryHostOf(grid: Grid): MemoryHost {
  const snapshot: WorkbookSnapshot = {
    sheets: grid.sheets.map((g) => {
      const sheet = new SparseSheet(g.name);
      for (const { row, col, cell } of g.cells) sheet.set(row, col, cell);
      for (const m of g.merges) sheet.addMerge(m);
      sheet.protected = g.protected;
      return sheet;
    }),
  };
  return new MemoryHost(new MemoryWorkbook(snapshot));
}

export function fakeOf(grid: Grid, options: FakeOptions = {}): ExcelFake {
  const fake = new ExcelFake(options);
  for (const g of grid.sheets) {
    const sheet = fake.addSheet(g.name);
    for (const { row, col, cell } of g.cells) {
      fake.putCell(g.name, row, col, {
        value: cell.value,
        ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
        ...(cell.numberFormat !== undefined ? { numberFormat: cell.numberFormat } : {}),
        ...(cell.fill !== undefined ? { fill: cell.fill } : {}),
      });
    }
    for (const m of g.merges) sheet.merges.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
    sheet.protected = g.protected;
  }
  fake.activeSheet = fake.sheets[0]?.name ?? null;
  return fake;
}

export function officeHostOf(fake: ExcelFake): WorkbookHost {
  return createOfficeHost(fake.run, fake.requirements);
}

// ---------------------------------------------------------------------------------------------
// The whole state of a workbook, the same shape for both hosts

export interface StateCell {
  readonly value: CellValue;
  readonly formula: string | null;
  readonly numberFormat: string | null;
  readonly fill: string | null;
}

export interface StateSheet {
  readonly name: string;
  readonly protected: boolean;
  readonly merges: readonly string[];
  /** By A1 address; blank unformatted cells are left out. */
  readonly cells: Readonly<Record<string, StateCell>>;
}

export type State = readonly StateSheet[];

function keep(cell: StateCell): boolean {
  return cell.value !== null || cell.formula !== null || cell.numberFormat !== null || cell.fill !== null;
}

export function memoryState(host: MemoryHost): State {
  return host.workbook.sheetNames().map((name) => {
    const sheet = host.workbook.sheet(name)!;
    const cells: Record<string, StateCell> = {};
    for (let row = 0; row < sheet.rowCount; row++) {
      for (let col = 0; col < sheet.colCount; col++) {
        const cell = sheet.cell(row, col);
        if (!cell) continue;
        const state: StateCell = { value: cell.value, formula: cell.formula ?? null, numberFormat: cell.numberFormat ?? null, fill: cell.fill ?? null };
        if (keep(state)) cells[toA1({ row, col })] = state;
      }
    }
    return { name, protected: sheet.protected, merges: sheet.merges.map((m) => rangeToA1(m)), cells };
  });
}

export function fakeState(fake: ExcelFake): State {
  return fake.sheets.map((sheet) => {
    const cells: Record<string, StateCell> = {};
    for (const [key, cell] of [...sheet.cells.entries()].sort((a, b) => a[0] - b[0])) {
      const state: StateCell = {
        value: cell.value,
        formula: cell.formula ?? null,
        numberFormat: cell.numberFormat === "General" ? null : cell.numberFormat,
        fill: cell.fill,
      };
      if (keep(state)) cells[toA1({ row: Math.floor(key / 16_384), col: key % 16_384 })] = state;
    }
    return { name: sheet.name, protected: sheet.protected, merges: sheet.merges.map((m) => rangeToA1({ sheet: sheet.name, ...m })), cells };
  });
}

/** The state cell at an address (undefined: blank, or no such sheet). */
export function stateAt(state: State, at: CellAddress): StateCell | undefined {
  return state.find((s) => s.name === at.sheet)?.cells[toA1(at)];
}

function withCell(state: State, at: CellAddress, cell: StateCell): State {
  return state.map((s) => (s.name === at.sheet ? { ...s, cells: { ...s.cells, [toA1(at)]: cell } } : s));
}

// ---------------------------------------------------------------------------------------------
// Edits: drawn once, made concrete per host from what that host's read() shows

export interface EditIntent {
  /** Index into the grid's sheets; past the end stands for a deleted sheet. */
  readonly sheet: number;
  /** When set, aim at the n-th filled cell of that sheet rather than at row/col. */
  readonly filled?: number;
  readonly row: number;
  readonly col: number;
  /** "seen": what validation would have seen there (an acceptable edit); else a stale guess. */
  readonly before: "seen" | CellValue;
  readonly after: number | string;
  readonly numberFormat?: string;
}

export const afterValue: fc.Arbitrary<number | string> = fc.oneof(finiteNumber, text);

const singleIntent: fc.Arbitrary<EditIntent> = fc.record({
  sheet: fc.oneof({ arbitrary: fc.nat({ max: 1 }), weight: 6 }, { arbitrary: fc.constant(9), weight: 1 }),
  filled: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
  row: fc.nat({ max: MAX_ROWS }),
  col: fc.nat({ max: MAX_COLS }),
  before: fc.oneof({ arbitrary: fc.constant("seen" as const), weight: 4 }, { arbitrary: fc.option(cellValue, { nil: null }), weight: 1 }),
  after: afterValue,
  numberFormat: fc.option(fc.constantFrom("0.00", "0.00%", "0"), { nil: undefined }),
}).map(({ filled, numberFormat, ...rest }) => ({ ...rest, ...(filled !== undefined ? { filled } : {}), ...(numberFormat !== undefined ? { numberFormat } : {}) }));

/** Edit lists in which some cells are aimed at twice, as two fixes of the same cell would be. */
export function intentsArb(maxLength = 8): fc.Arbitrary<EditIntent[]> {
  return fc.array(singleIntent, { minLength: 1, maxLength }).chain((list) => fc.tuple(
    fc.constant(list),
    fc.array(fc.tuple(fc.nat({ max: list.length - 1 }), singleIntent), { maxLength: 2 }),
  )).map(([list, repeats]) => [
    ...list,
    ...repeats.map(([i, other]) => ({ ...other, sheet: list[i]!.sheet, row: list[i]!.row, col: list[i]!.col, ...(list[i]!.filled !== undefined ? { filled: list[i]!.filled } : {}) })),
  ]);
}

/** The edits an intent list stands for, with `before` taken from this host's own snapshot. */
export function concreteEdits(grid: Grid, snapshot: WorkbookSnapshot, intents: readonly EditIntent[]): CellEdit[] {
  return intents.map((intent) => {
    const gridSheet = grid.sheets[intent.sheet];
    const filled = intent.filled !== undefined && gridSheet && gridSheet.cells.length > 0 ? gridSheet.cells[intent.filled % gridSheet.cells.length] : undefined;
    const at = { sheet: gridSheet?.name ?? MISSING_SHEET, row: filled?.row ?? intent.row, col: filled?.col ?? intent.col };
    const before = intent.before === "seen" ? (cellAt(snapshot, at)?.value ?? null) : intent.before;
    return { at, before, after: intent.after, ...(intent.numberFormat !== undefined ? { numberFormat: intent.numberFormat } : {}) };
  });
}

/** How a host sees a stored value when it compares with CellEdit.before. */
export type ValueView = (cell: StateCell | undefined) => CellValue;
export const memoryView: ValueView = (cell) => cell?.value ?? null;
/** The Office host reads a number in a date format as ISO text, like the xlsx adapter. */
export const officeView: ValueView = (cell) => (cell ? coreValue(cell.value, cell.numberFormat) : null);

export function sameValue(a: CellValue, b: CellValue): boolean {
  const x = a === "" ? null : a;
  const y = b === "" ? null : b;
  if (isCellError(x) || isCellError(y)) return isCellError(x) && isCellError(y) && x.error === y.error;
  return x === y;
}

export interface Expected {
  readonly error: "protected" | null;
  readonly applied: readonly CellEdit[];
  readonly stale: readonly { readonly at: CellAddress; readonly reason: StaleReason }[];
  readonly state: State;
}

/** What an apply must do, written as plainly as possible: the model both hosts are held to. */
export function expectedApply(before: State, edits: readonly CellEdit[], view: ValueView, overwriteFormulas = false): Expected {
  const locked = edits.some((e) => before.find((s) => s.name === e.at.sheet)?.protected);
  if (locked) return { error: "protected", applied: [], stale: [], state: before };
  let state = before;
  const applied: CellEdit[] = [];
  const stale: { at: CellAddress; reason: StaleReason }[] = [];
  for (const edit of edits) {
    const sheet = state.find((s) => s.name === edit.at.sheet);
    const current = stateAt(state, edit.at);
    const merges = mergesOf(sheet);
    if (!sheet) stale.push({ at: edit.at, reason: "sheet-missing" });
    else if (merges.some((m) => edit.at.row >= m.top && edit.at.row <= m.bottom && edit.at.col >= m.left && edit.at.col <= m.right && !(edit.at.row === m.top && edit.at.col === m.left))) {
      stale.push({ at: edit.at, reason: "merged" });
    } else if (current?.formula != null && !overwriteFormulas) stale.push({ at: edit.at, reason: "formula" });
    else if (!sameValue(view(current), edit.before)) stale.push({ at: edit.at, reason: "changed" });
    else {
      applied.push(edit);
      state = withCell(state, edit.at, { value: edit.after, formula: null, numberFormat: edit.numberFormat ?? current?.numberFormat ?? null, fill: FIXED_FILL });
    }
  }
  return { error: null, applied, stale, state };
}

function mergesOf(sheet: StateSheet | undefined): CellRange[] {
  return (sheet?.merges ?? []).map((a1) => parseRangeA1(a1, sheet!.name)!);
}

/** An outcome reduced to what both hosts must agree on. */
export function outcomeShape(outcome: ApplyOutcome): { error: string | null; applied: string[]; stale: string[] } {
  if (!outcome.ok) return { error: outcome.code, applied: [], stale: [] };
  return {
    error: null,
    applied: outcome.applied.map((e) => addressKey(e.at)),
    stale: outcome.stale.map((s) => `${addressKey(s.edit.at)}:${s.reason}`),
  };
}

export function expectedShape(expected: Expected): { error: string | null; applied: string[]; stale: string[] } {
  return {
    error: expected.error,
    applied: expected.applied.map((e) => addressKey(e.at)),
    stale: expected.stale.map((s) => `${addressKey(s.at)}:${s.reason}`),
  };
}

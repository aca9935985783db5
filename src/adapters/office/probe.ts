/**
 * Re-reading a set of target cells in one batch: the state of each cell (value, formula, number
 * format, fill), which sheets exist and which are protected, and the merged areas around the
 * targets. Everything is queued before one context.sync(); nothing is read before it, and only
 * plain data leaves (proxies never outlive the Excel.run that made them).
 */
import { addressKey, toA1, type CellAddress, type CellRange } from "../../core/grid/address";
import type { CellState } from "../../host/write-plan";
import { rawValue, realFormula, significantFormat, valueToWrite, type RawCell } from "./cells";

/** Everything we record about a cell so that it can be put back exactly (the planner's type). */
export type { CellState };

/**
 * Merged-area geometry, loaded through the RangeAreas itself (never by navigating from a possibly
 * null object first): rows/columns of each area, not the comma-joined address (office-js#1590).
 */
export const MERGE_GEOMETRY = "areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount";

export function sameState(a: CellState, b: CellState): boolean {
  const va = a.value;
  const vb = b.value;
  const sameV = typeof va === "object" && va !== null && typeof vb === "object" && vb !== null ? va.error === vb.error : va === vb;
  return sameV && a.formula === b.formula && a.numberFormat === b.numberFormat && (a.fill ?? "").toUpperCase() === (b.fill ?? "").toUpperCase();
}

export interface ProbeOptions {
  /** Load the fill colour (needed when the state must be restorable). */
  readonly fill: boolean;
  /** Load merged areas around the targets (ExcelApi 1.13). */
  readonly merges: boolean;
  /** Fill.pattern is ExcelApi 1.9; without it "#FFFFFF" is read as "no fill". */
  readonly pattern: boolean;
  /** When known, the sheets that exist: no proxy is made for the others. */
  readonly only: ReadonlySet<string> | null;
}

export interface ProbeResult {
  readonly present: ReadonlySet<string>;
  isProtected(sheet: string): boolean;
  /** undefined when the sheet is missing. */
  state(at: CellAddress): CellState | undefined;
  /** The cell's proxy, for writes queued in the same Excel.run; undefined when the sheet is missing. */
  range(at: CellAddress): Excel.Range | undefined;
  /** Merged areas whose top-left lies at or before the targets of that sheet. */
  merges(sheet: string): readonly CellRange[];
  worksheet(sheet: string): Excel.Worksheet | undefined;
}

interface SheetProbe {
  readonly sheet: Excel.Worksheet;
  readonly cells: Map<string, { at: CellAddress; range: Excel.Range }>;
  merged: Excel.RangeAreas | null;
}

/** Queues the reads; call the returned function after the next context.sync(). */
export function queueProbe(context: Excel.RequestContext, targets: readonly CellAddress[], options: ProbeOptions): () => ProbeResult {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  const bySheet = new Map<string, SheetProbe>();
  for (const at of targets) {
    if (options.only && !options.only.has(at.sheet)) continue;
    let probe = bySheet.get(at.sheet);
    if (!probe) {
      probe = { sheet: worksheets.getItemOrNullObject(at.sheet), cells: new Map(), merged: null };
      bySheet.set(at.sheet, probe);
    }
    const key = addressKey(at);
    if (probe.cells.has(key)) continue;
    const range = probe.sheet.getCell(at.row, at.col);
    range.load("values,formulas,numberFormat,valueTypes");
    if (options.fill) range.format.fill.load(options.pattern ? "color,pattern" : "color");
    probe.cells.set(key, { at, range });
  }
  if (options.merges) {
    for (const probe of bySheet.values()) {
      let bottom = 0;
      let right = 0;
      for (const { at } of probe.cells.values()) {
        bottom = Math.max(bottom, at.row);
        right = Math.max(right, at.col);
      }
      // A merge holding a target starts at or above-left of it, so A1:(max target) holds its top-left.
      probe.merged = probe.sheet.getRange(`A1:${toA1({ row: bottom, col: right })}`).getMergedAreasOrNullObject();
      probe.merged.load(MERGE_GEOMETRY);
    }
  }

  return () => {
    const present = new Set<string>();
    const protectedSheets = new Set<string>();
    for (const ws of worksheets.items) {
      present.add(ws.name);
      if (ws.protection.protected) protectedSheets.add(ws.name);
    }
    const states = new Map<string, CellState>();
    const ranges = new Map<string, Excel.Range>();
    const merges = new Map<string, CellRange[]>();
    for (const [name, probe] of bySheet) {
      if (!present.has(name)) continue;
      for (const [key, { range }] of probe.cells) {
        states.set(key, stateOf(range, options));
        ranges.set(key, range);
      }
      if (probe.merged && !probe.merged.isNullObject) {
        merges.set(name, probe.merged.areas.items.map((area) => ({
          sheet: name,
          top: area.rowIndex,
          left: area.columnIndex,
          bottom: area.rowIndex + area.rowCount - 1,
          right: area.columnIndex + area.columnCount - 1,
        })));
      }
    }
    return {
      present,
      isProtected: (sheet) => protectedSheets.has(sheet),
      state: (at) => (present.has(at.sheet) ? states.get(addressKey(at)) : undefined),
      range: (at) => (present.has(at.sheet) ? ranges.get(addressKey(at)) : undefined),
      merges: (sheet) => merges.get(sheet) ?? [],
      worksheet: (sheet) => (present.has(sheet) ? bySheet.get(sheet)?.sheet : undefined),
    };
  };
}

function stateOf(range: Excel.Range, options: ProbeOptions): CellState {
  const raw: RawCell = {
    value: range.values[0]?.[0],
    formula: range.formulas[0]?.[0],
    numberFormat: range.numberFormat[0]?.[0],
    valueType: range.valueTypes[0]?.[0],
  };
  return {
    value: rawValue(raw),
    formula: realFormula(raw),
    numberFormat: significantFormat(raw.numberFormat) ?? null,
    fill: options.fill ? fillOf(range.format.fill, options.pattern) : null,
  };
}

function fillOf(fill: Excel.RangeFill, pattern: boolean): string | null {
  if (pattern) return fill.pattern === "None" || !fill.color ? null : fill.color;
  // Before ExcelApi 1.9 a cell without fill reads "#FFFFFF", the same as a white fill.
  return !fill.color || fill.color.toUpperCase() === "#FFFFFF" ? null : fill.color;
}

/** Whether `at` lies in a merged area without being its top-left cell. */
export function insideMergeNotAnchor(merges: readonly CellRange[], at: CellAddress): boolean {
  return merges.some((m) => at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right && !(at.row === m.top && at.col === m.left));
}

/**
 * Queues the writes that put a cell back into `state`: number format first, then the formula
 * (only when there was a real one) or the value (text re-marked so it stays text), then the fill.
 */
/**
 * Puts a cell back. `fill`: whether its fill was read exactly (ExcelApi 1.9's pattern); without
 * it a white fill read as none, and clearing it would lose the white, so the fill is left alone.
 */
export function queueRestore(range: Excel.Range, state: CellState, fill = true): void {
  range.numberFormat = [[state.numberFormat ?? "General"]];
  if (state.formula !== null) range.formulas = [[state.formula]];
  else range.values = [[valueToWrite(state.value)]];
  if (!fill) return;
  if (state.fill === null) range.format.fill.clear();
  else range.format.fill.color = state.fill;
}

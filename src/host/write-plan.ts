/**
 * The one write planner of every host: which edits of a batch may be written and what exactly to
 * write, and what a revert restores. The Office host, the memory host, MemoryWorkbook.apply and
 * the .xlsx writer each read the cells they need, hand them to these functions through a
 * `current` callback, and carry out the plan; none of them decides anything about an edit itself.
 * Pure: no Office, no I/O, no mutation of the inputs.
 *
 * planApply, per edit in order:
 *   - an edit no cell can hold (address outside the grid, a number that is not finite): "changed"
 *     (validation can have seen neither, so it is refused like a cell that changed);
 *   - the sheet is gone (renamed or deleted): "sheet-missing";
 *   - the cell lies in a merged area without being its top-left: "merged";
 *   - merges are unknown to the host and the cell is empty (it may be such a cell): "merge-unknown";
 *   - the cell holds a formula and the user did not choose to overwrite formulas: "formula";
 *   - the cell no longer holds what validation saw (`before`): "changed";
 *   - else it is written: the value, the edit's number format (or the cell's own), the highlight.
 * An edit aimed at a cell already written by an earlier edit of the batch is checked against that
 * edit's result, so a cell is written twice only when the second edit expects the first's result.
 * Any edit aimed at a protected sheet refuses the whole batch (`protectedSheet`): nothing is written.
 *
 * planRevert, per log entry, newest first (a cell fixed twice ends with its very first content):
 *   - the sheet is gone: skipped "sheet-missing";
 *   - the cell holds a formula (even one showing our value) or not the value we wrote: skipped
 *     "changed-since" (it is the user's now);
 *   - else it is restored: value, formula, number format and fill as before the fix.
 * A restore aimed at a protected sheet refuses the whole revert (`protectedSheet`).
 */
import type { CellEdit } from "../core/findings/finding";
import { addressKey, type CellAddress } from "../core/grid/address";
import { isCellError, type CellValue } from "../core/grid/workbook";
import { FIXED_FILL, type StaleEdit } from "./ports";
import type { RevertEntry, RevertLog } from "./revert-log";
import { typedText } from "./text-safety";

/** Everything recorded about a cell so that it can be put back exactly. */
export interface CellState {
  readonly value: CellValue;
  readonly formula: string | null;
  /** null for General. */
  readonly numberFormat: string | null;
  /** null for no fill. */
  readonly fill: string | null;
}

export const BLANK_STATE: CellState = { value: null, formula: null, numberFormat: null, fill: null };

export function isBlankState(state: CellState): boolean {
  return state.value === null && state.formula === null && state.numberFormat === null && state.fill === null;
}

/**
 * Same value for the purpose of "the cell still holds what validation saw / what we wrote".
 * Excel reads a blank cell as "", so "", undefined and null are the same value; errors compare by code.
 */
export function sameCellValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a === "" || a === undefined ? null : a;
  const y = b === "" || b === undefined ? null : b;
  if (isCellError(x) || isCellError(y)) return isCellError(x) && isCellError(y) && x.error === y.error;
  return x === y;
}

/** A cell as the host finds it now. Fields left out are null (blank, no formula, General, no fill). */
export interface CellNow {
  readonly sheetExists: boolean;
  /** Inside a merged area without being its top-left cell. */
  readonly merged?: boolean;
  /** The host cannot tell whether the cell is inside a merged area (merges unknown). */
  readonly mergeUnknown?: boolean;
  readonly value?: CellValue;
  readonly formula?: string | null;
  readonly numberFormat?: string | null;
  readonly fill?: string | null;
}

export type CurrentCell = (at: CellAddress) => CellNow;

export interface PlanApplyOptions {
  /** Write into cells that hold a formula. Default false. */
  readonly overwriteFormulas?: boolean;
  /**
   * The value as this host's validation saw the cell, compared with CellEdit.before. Default: the
   * stored value. (The Office host reads a number shown as a date as its ISO text.)
   */
  readonly seen?: (state: CellState) => CellValue;
  /** Fill given to each written cell; null leaves fills alone. Default FIXED_FILL. */
  readonly highlight?: string | null;
  /** Whether the host may not write to a sheet (false for a sheet that does not exist). Default none. */
  readonly isProtected?: (sheet: string) => boolean;
}

export interface CellWrite {
  readonly edit: CellEdit;
  readonly at: CellAddress;
  /** The value to store, exactly. */
  readonly value: number | string;
  /** What to hand to a write API that parses its input like typing (Excel's Range.values): text stays text. */
  readonly typed: number | string;
  /** The number format to set; undefined keeps the cell's own. */
  readonly numberFormat?: string;
  /** The fill to paint; null leaves the cell's fill. */
  readonly fill: string | null;
  /** The cell before this write (an earlier write's result when the batch aims at it twice). */
  readonly before: CellState;
  /** The cell after this write: no formula, the resulting number format and fill. */
  readonly after: CellState;
}

/** A touched cell's state before the batch, to put back if a write fails half-way. */
export interface CellRollback {
  readonly at: CellAddress;
  readonly before: CellState;
}

export interface ApplyPlan {
  /** Set when an edit aims at a protected sheet: the host refuses the batch, and the plan is empty. */
  readonly protectedSheet: string | null;
  /** In edit order; carry them out in this order. */
  readonly writes: readonly CellWrite[];
  readonly applied: readonly CellEdit[];
  readonly stale: readonly StaleEdit[];
  /** The revert-log entries of this batch, to append to the log in the same write. */
  readonly entries: readonly RevertEntry[];
  /** One per touched cell: its state before the batch. */
  readonly rollback: readonly CellRollback[];
}

/** Excel's grid: 1,048,576 rows by 16,384 columns. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** Whether a cell could hold this edit at all: its address lies on the grid and its value is finite. */
export function isWritableEdit(edit: CellEdit): boolean {
  const { row, col } = edit.at;
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLS) return false;
  if (typeof edit.after === "number") return Number.isFinite(edit.after);
  return typeof edit.after === "string";
}

function stateOf(now: CellNow): CellState {
  return { value: now.value ?? null, formula: now.formula ?? null, numberFormat: now.numberFormat ?? null, fill: now.fill ?? null };
}

function protectedAmong(sheets: Iterable<string>, isProtected: ((sheet: string) => boolean) | undefined): string | null {
  if (!isProtected) return null;
  for (const sheet of new Set(sheets)) if (isProtected(sheet)) return sheet;
  return null;
}

const REFUSED = { writes: [], applied: [], stale: [], entries: [], rollback: [] } as const;

export function planApply(edits: readonly CellEdit[], current: CurrentCell, options: PlanApplyOptions = {}): ApplyPlan {
  const protectedSheet = protectedAmong(edits.map((e) => e.at.sheet), options.isProtected);
  if (protectedSheet !== null) return { protectedSheet, ...REFUSED };
  const seen = options.seen ?? ((state: CellState) => state.value);
  const highlight = options.highlight === undefined ? FIXED_FILL : options.highlight;
  const writes: CellWrite[] = [];
  const stale: StaleEdit[] = [];
  const rollback = new Map<string, CellRollback>();
  // What each cell holds once the earlier edits of this batch are in.
  const written = new Map<string, CellState>();
  for (const edit of edits) {
    if (!isWritableEdit(edit)) {
      stale.push({ edit, reason: "changed" });
      continue;
    }
    const key = addressKey(edit.at);
    const simulated = written.get(key);
    const now = simulated ? null : current(edit.at);
    const before = simulated ?? stateOf(now!);
    if (now && !now.sheetExists) stale.push({ edit, reason: "sheet-missing" });
    else if (now?.merged) stale.push({ edit, reason: "merged" });
    // A merge follower is always empty: only an empty target can be one when merges are unknown.
    else if (now?.mergeUnknown && (before.value === null || before.value === "") && before.formula === null) stale.push({ edit, reason: "merge-unknown" });
    else if (before.formula !== null && !options.overwriteFormulas) stale.push({ edit, reason: "formula" });
    else if (!sameCellValue(seen(before), edit.before)) stale.push({ edit, reason: "changed" });
    else {
      const after: CellState = {
        value: edit.after,
        formula: null,
        numberFormat: edit.numberFormat ?? before.numberFormat,
        fill: highlight ?? before.fill,
      };
      writes.push({
        edit, at: edit.at, value: edit.after,
        typed: typeof edit.after === "number" ? edit.after : typedText(edit.after),
        ...(edit.numberFormat !== undefined ? { numberFormat: edit.numberFormat } : {}),
        fill: highlight, before, after,
      });
      written.set(key, after);
      if (!rollback.has(key)) rollback.set(key, { at: edit.at, before });
    }
  }
  return {
    protectedSheet: null,
    writes,
    applied: writes.map((w) => w.edit),
    stale,
    entries: writes.map((w) => ({
      sheet: w.at.sheet, row: w.at.row, col: w.at.col,
      original: isBlankState(w.before) ? null : { ...w.before },
      written: w.value,
    })),
    rollback: [...rollback.values()],
  };
}

export type RevertSkipReason = "changed-since" | "sheet-missing";

export interface RevertWrite {
  readonly at: CellAddress;
  /** The state to put back (BLANK_STATE: clear the cell). */
  readonly state: CellState;
}

export interface RevertPlan {
  /** Set when a restore aims at a protected sheet: the host refuses the revert, and the plan is empty. */
  readonly protectedSheet: string | null;
  /** Newest entry first; carry them out in this order. */
  readonly writes: readonly RevertWrite[];
  readonly restored: readonly CellAddress[];
  readonly skipped: readonly { readonly at: CellAddress; readonly reason: RevertSkipReason }[];
  /** One per touched cell: its state before the revert. */
  readonly rollback: readonly CellRollback[];
}

export function planRevert(log: RevertLog, current: CurrentCell, options: Pick<PlanApplyOptions, "isProtected"> = {}): RevertPlan {
  const writes: RevertWrite[] = [];
  const skipped: { at: CellAddress; reason: RevertSkipReason }[] = [];
  const rollback = new Map<string, CellRollback>();
  const restoredState = new Map<string, CellState>();
  for (const entry of [...log.entries].reverse()) {
    const at: CellAddress = { sheet: entry.sheet, row: entry.row, col: entry.col };
    const key = addressKey(at);
    const simulated = restoredState.get(key);
    const now = simulated ? null : current(at);
    if (now && !now.sheetExists) {
      skipped.push({ at, reason: "sheet-missing" });
      continue;
    }
    const before = simulated ?? stateOf(now!);
    // A formula typed over our value since, even one showing the same result, is the user's.
    if (before.formula !== null || !sameCellValue(before.value, entry.written)) {
      skipped.push({ at, reason: "changed-since" });
      continue;
    }
    const state: CellState = entry.original === null ? BLANK_STATE : {
      value: entry.original.value as CellValue,
      formula: entry.original.formula,
      numberFormat: entry.original.numberFormat,
      fill: entry.original.fill,
    };
    writes.push({ at, state });
    restoredState.set(key, state);
    if (!rollback.has(key)) rollback.set(key, { at, before });
  }
  const protectedSheet = protectedAmong(writes.map((w) => w.at.sheet), options.isProtected);
  if (protectedSheet !== null) return { protectedSheet, writes: [], restored: [], skipped: [], rollback: [] };
  return { protectedSheet: null, writes, restored: writes.map((w) => w.at), skipped, rollback: [...rollback.values()] };
}

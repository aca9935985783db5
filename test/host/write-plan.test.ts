/**
 * The write planner on its own (src/host/write-plan.ts): a table of cells as a host finds them,
 * edits or log entries, and the plan every host must carry out. The hosts' own tests and the
 * write-safety properties check that each host does carry it out.
 */
import type { CellEdit } from "../../src/core/findings/finding";
import { addressKey, type CellAddress } from "../../src/core/grid/address";
import type { CellValue } from "../../src/core/grid/workbook";
import { FIXED_FILL } from "../../src/host/ports";
import { appendRevertEntries, REVERT_LOG_VERSION, type RevertEntry, type RevertLog } from "../../src/host/revert-log";
import {
  BLANK_STATE, isWritableEdit, planApply, planRevert, sameCellValue,
  type ApplyPlan, type CellNow, type PlanApplyOptions, type RevertPlan,
} from "../../src/host/write-plan";

const S = "附件2";
const at = (row: number, col: number, sheet = S): CellAddress => ({ sheet, row, col });
const A1 = at(0, 0);
const B2 = at(1, 1);

/** A workbook as `current` sees it: cells by "sheet!row:col", the sheets that exist. */
interface World {
  readonly sheets?: readonly string[];
  readonly cells?: Readonly<Record<string, Omit<CellNow, "sheetExists">>>;
}

function currentOf(world: World): { current: (a: CellAddress) => CellNow; asked: string[] } {
  const sheets = new Set(world.sheets ?? [S]);
  const asked: string[] = [];
  return {
    asked,
    current: (a) => {
      asked.push(addressKey(a));
      if (!sheets.has(a.sheet)) return { sheetExists: false };
      return { sheetExists: true, ...(world.cells?.[addressKey(a)] ?? {}) };
    },
  };
}

const key = (a: CellAddress) => addressKey(a);
const edit = (a: CellAddress, before: CellValue, after: number | string, numberFormat?: string): CellEdit =>
  ({ at: a, before, after, ...(numberFormat !== undefined ? { numberFormat } : {}) });

/** A plan reduced to what a reader checks at a glance. */
function shape(plan: ApplyPlan) {
  return {
    protectedSheet: plan.protectedSheet,
    writes: plan.writes.map((w) => ({ at: key(w.at), value: w.value, typed: w.typed, numberFormat: w.numberFormat, fill: w.fill, after: w.after })),
    stale: plan.stale.map((s) => `${key(s.edit.at)}:${s.reason}`),
  };
}

interface ApplyCase {
  readonly name: string;
  readonly world: World;
  readonly edits: readonly CellEdit[];
  readonly options?: PlanApplyOptions;
  readonly expected: Partial<ReturnType<typeof shape>>;
}

const DATE_VIEW = (state: { value: CellValue; numberFormat: string | null }): CellValue =>
  (typeof state.value === "number" && state.numberFormat === "yyyy-mm-dd" && state.value === 45291 ? "2023-12-31" : state.value);

const APPLY_CASES: readonly ApplyCase[] = [
  {
    name: "a cell holding what validation saw is written: value, the edit's format, the highlight",
    world: { cells: { [key(A1)]: { value: 0.6, numberFormat: "0%" } } },
    edits: [edit(A1, 0.6, 1.6667, "0.00%")],
    expected: {
      writes: [{ at: key(A1), value: 1.6667, typed: 1.6667, numberFormat: "0.00%", fill: FIXED_FILL, after: { value: 1.6667, formula: null, numberFormat: "0.00%", fill: FIXED_FILL } }],
      stale: [],
    },
  },
  {
    name: "without a format of its own the edit keeps the cell's (and sets none)",
    world: { cells: { [key(A1)]: { value: 98, numberFormat: "0.00", fill: "#FFFF00" } } },
    edits: [edit(A1, 98, 10)],
    expected: { writes: [{ at: key(A1), value: 10, typed: 10, numberFormat: undefined, fill: FIXED_FILL, after: { value: 10, formula: null, numberFormat: "0.00", fill: FIXED_FILL } }] },
  },
  {
    name: "a cell that no longer holds `before` is stale: changed",
    world: { cells: { [key(A1)]: { value: 9 } } },
    edits: [edit(A1, 98, 10)],
    expected: { writes: [], stale: [`${key(A1)}:changed`] },
  },
  {
    name: "blank, \"\" and null are the same value",
    world: { cells: { [key(A1)]: { value: "" } } },
    edits: [edit(A1, null, 1), edit(B2, "", 2)],
    expected: { stale: [] },
  },
  {
    name: "errors compare by their code",
    world: { cells: { [key(A1)]: { value: { error: "#DIV/0!" } }, [key(B2)]: { value: { error: "#N/A" } } } },
    edits: [edit(A1, { error: "#DIV/0!" }, 0), edit(B2, { error: "#DIV/0!" }, 0)],
    expected: { stale: [`${key(B2)}:changed`] },
  },
  {
    name: "a formula is refused, even one showing `before`",
    world: { cells: { [key(A1)]: { value: 0.6, formula: "=B4/C4" } } },
    edits: [edit(A1, 0.6, 1.6667)],
    expected: { writes: [], stale: [`${key(A1)}:formula`] },
  },
  {
    name: "a formula is overwritten when the user chose to (the value replaces it)",
    world: { cells: { [key(A1)]: { value: 0.6, formula: "=B4/C4" } } },
    edits: [edit(A1, 0.6, 1.6667)],
    options: { overwriteFormulas: true },
    expected: { stale: [], writes: [{ at: key(A1), value: 1.6667, typed: 1.6667, numberFormat: undefined, fill: FIXED_FILL, after: { value: 1.6667, formula: null, numberFormat: null, fill: FIXED_FILL } }] },
  },
  {
    name: "a merged area's hidden cell is refused, before the formula and value checks",
    world: { cells: { [key(B2)]: { merged: true, value: 1, formula: "=1" } } },
    edits: [edit(B2, 5, 6)],
    options: { overwriteFormulas: true },
    expected: { stale: [`${key(B2)}:merged`] },
  },
  {
    name: "a sheet renamed or deleted: sheet-missing",
    world: { sheets: [S] },
    edits: [edit(at(0, 0, "附件3"), null, 1), edit(A1, null, 1)],
    expected: { stale: [`${key(at(0, 0, "附件3"))}:sheet-missing`] },
  },
  {
    name: "one edit aimed at a protected sheet refuses the whole batch, stale ones included",
    world: { sheets: [S, "附件3"], cells: { [key(A1)]: { value: 1 } } },
    edits: [edit(A1, 1, 2), edit(at(3, 3, "附件3"), "not there", 1)],
    options: { isProtected: (sheet) => sheet === "附件3" },
    expected: { protectedSheet: "附件3", writes: [], stale: [] },
  },
  {
    name: "a cell aimed at twice: the second edit is checked against the first one's result",
    world: {},
    edits: [edit(A1, null, 87498), edit(A1, null, 0), edit(A1, 87498, 5, "0.00")],
    expected: {
      writes: [
        { at: key(A1), value: 87498, typed: 87498, numberFormat: undefined, fill: FIXED_FILL, after: { value: 87498, formula: null, numberFormat: null, fill: FIXED_FILL } },
        { at: key(A1), value: 5, typed: 5, numberFormat: "0.00", fill: FIXED_FILL, after: { value: 5, formula: null, numberFormat: "0.00", fill: FIXED_FILL } },
      ],
      stale: [`${key(A1)}:changed`],
    },
  },
  {
    name: "a host's own view of the value is what `before` is compared with (a date read as ISO text)",
    world: { cells: { [key(A1)]: { value: 45291, numberFormat: "yyyy-mm-dd" }, [key(B2)]: { value: 45291, numberFormat: "yyyy-mm-dd" } } },
    edits: [edit(A1, "2023-12-31", "2024-01-01"), edit(B2, 45291, 1)],
    options: { seen: DATE_VIEW },
    expected: { stale: [`${key(B2)}:changed`] },
  },
  {
    name: "text stays text: the typed form carries the text marker when Excel would parse it",
    world: {},
    edits: [edit(A1, null, "=1+1"), edit(at(0, 1), null, "12.5"), edit(at(0, 2), null, "＝1"), edit(at(0, 3), null, "优"), edit(at(0, 4), null, "'a")],
    expected: {
      writes: [
        { at: key(A1), value: "=1+1", typed: "'=1+1", numberFormat: undefined, fill: FIXED_FILL, after: { value: "=1+1", formula: null, numberFormat: null, fill: FIXED_FILL } },
        { at: key(at(0, 1)), value: "12.5", typed: "'12.5", numberFormat: undefined, fill: FIXED_FILL, after: { value: "12.5", formula: null, numberFormat: null, fill: FIXED_FILL } },
        { at: key(at(0, 2)), value: "＝1", typed: "'＝1", numberFormat: undefined, fill: FIXED_FILL, after: { value: "＝1", formula: null, numberFormat: null, fill: FIXED_FILL } },
        { at: key(at(0, 3)), value: "优", typed: "优", numberFormat: undefined, fill: FIXED_FILL, after: { value: "优", formula: null, numberFormat: null, fill: FIXED_FILL } },
        { at: key(at(0, 4)), value: "'a", typed: "''a", numberFormat: undefined, fill: FIXED_FILL, after: { value: "'a", formula: null, numberFormat: null, fill: FIXED_FILL } },
      ],
    },
  },
  {
    name: "no highlight (the bare workbook, the .xlsx copy): the cell keeps its fill",
    world: { cells: { [key(A1)]: { value: 1, fill: "#C6EFCE" } } },
    edits: [edit(A1, 1, 2)],
    options: { highlight: null },
    expected: { writes: [{ at: key(A1), value: 2, typed: 2, numberFormat: undefined, fill: null, after: { value: 2, formula: null, numberFormat: null, fill: "#C6EFCE" } }] },
  },
  {
    name: "an edit no cell can hold (off the grid, not a finite number) is refused without asking the host",
    world: {},
    edits: [edit(at(-1, 0), null, 1), edit(at(0, 16_384), null, 1), edit(at(1_048_576, 0), null, 1), edit(at(0.5, 0), null, 1), edit(A1, null, Number.NaN), edit(B2, null, Infinity)],
    expected: { writes: [], stale: [at(-1, 0), at(0, 16_384), at(1_048_576, 0), at(0.5, 0), A1, B2].map((a) => `${key(a)}:changed`) },
  },
];

describe("planApply", () => {
  test.each(APPLY_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { current } = currentOf(c.world);
    const got = shape(planApply(c.edits, current, c.options));
    const wanted = Object.fromEntries(Object.keys(c.expected).map((k) => [k, got[k as keyof typeof got]]));
    expect(wanted).toEqual(c.expected);
  });

  test("applied lists the written edits in order; applied + stale account for every edit", () => {
    const edits = [edit(A1, 1, 2), edit(B2, 7, 3), edit(at(2, 2), null, 4)];
    const plan = planApply(edits, currentOf({ cells: { [key(A1)]: { value: 1 }, [key(B2)]: { value: 8 } } }).current);
    expect(plan.applied).toEqual([edits[0], edits[2]]);
    expect(plan.applied.length + plan.stale.length).toBe(edits.length);
  });

  test("the revert entries record the whole cell before (null when it was blank) and what was written", () => {
    const world = { cells: { [key(A1)]: { value: 0.6, formula: "=B4/C4", numberFormat: "0%", fill: "#FFFF00" } } };
    const plan = planApply([edit(A1, 0.6, 1.6667, "0.00%"), edit(B2, null, "x")], currentOf(world).current, { overwriteFormulas: true });
    expect(plan.entries).toEqual<RevertEntry[]>([
      { sheet: S, row: 0, col: 0, original: { value: 0.6, formula: "=B4/C4", numberFormat: "0%", fill: "#FFFF00" }, written: 1.6667 },
      { sheet: S, row: 1, col: 1, original: null, written: "x" },
    ]);
  });

  test("a cell written twice: two log entries (the second records the first's result), one rollback with the state before the batch", () => {
    const world = { cells: { [key(A1)]: { value: 1, fill: "#FFFF00" } } };
    const plan = planApply([edit(A1, 1, 2), edit(A1, 2, 3)], currentOf(world).current);
    expect(plan.entries.map((e) => [e.original, e.written])).toEqual([
      [{ value: 1, formula: null, numberFormat: null, fill: "#FFFF00" }, 2],
      [{ value: 2, formula: null, numberFormat: null, fill: FIXED_FILL }, 3],
    ]);
    expect(plan.rollback).toEqual([{ at: A1, before: { value: 1, formula: null, numberFormat: null, fill: "#FFFF00" } }]);
  });

  test("the host is asked once per distinct cell, never for a cell the batch already wrote", () => {
    const probe = currentOf({});
    planApply([edit(A1, null, 1), edit(A1, 1, 2), edit(B2, null, 3), edit(A1, 2, 4)], probe.current);
    expect(probe.asked).toEqual([key(A1), key(B2)]);
  });

  test("an edit no cell can hold never reaches the host (the .xlsx writer would create the cell)", () => {
    const probe = currentOf({});
    planApply([edit(at(-1, 0), null, 1), edit(A1, null, Number.NaN)], probe.current);
    expect(probe.asked).toEqual([]);
  });

  test("an empty batch plans nothing", () => {
    expect(shape(planApply([], currentOf({}).current, { isProtected: () => true }))).toEqual({ protectedSheet: null, writes: [], stale: [] });
  });

  test("pure: the edits and what the host returned are not changed", () => {
    const edits = Object.freeze([Object.freeze(edit(A1, 1, 2))]);
    const cell = Object.freeze({ sheetExists: true, value: 1 });
    expect(() => planApply(edits, () => cell)).not.toThrow();
    expect(edits[0]).toEqual(edit(A1, 1, 2));
  });
});

function log(...entries: RevertEntry[]): RevertLog {
  return { version: REVERT_LOG_VERSION, entries };
}

const entry = (a: CellAddress, original: RevertEntry["original"], written: number | string): RevertEntry =>
  ({ sheet: a.sheet, row: a.row, col: a.col, original, written });

function revertShape(plan: RevertPlan) {
  return {
    protectedSheet: plan.protectedSheet,
    writes: plan.writes.map((w) => ({ at: key(w.at), state: w.state })),
    restored: plan.restored.map(key),
    skipped: plan.skipped.map((s) => `${key(s.at)}:${s.reason}`),
  };
}

interface RevertCase {
  readonly name: string;
  readonly world: World;
  readonly log: RevertLog;
  readonly isProtected?: (sheet: string) => boolean;
  readonly expected: Partial<ReturnType<typeof revertShape>>;
}

const ORIGINAL = { value: 0.6, formula: "=B4/C4", numberFormat: "0%", fill: "#FFFF00" };

const REVERT_CASES: readonly RevertCase[] = [
  {
    name: "a cell still holding what we wrote gets value, formula, format and fill back",
    world: { cells: { [key(A1)]: { value: 1.6667, numberFormat: "0.00%", fill: FIXED_FILL } } },
    log: log(entry(A1, ORIGINAL, 1.6667)),
    expected: { writes: [{ at: key(A1), state: ORIGINAL }], restored: [key(A1)], skipped: [] },
  },
  {
    name: "a cell that was blank is cleared",
    world: { cells: { [key(B2)]: { value: "x", fill: FIXED_FILL } } },
    log: log(entry(B2, null, "x")),
    expected: { writes: [{ at: key(B2), state: BLANK_STATE }] },
  },
  {
    name: "typed over since: skipped, changed-since",
    world: { cells: { [key(A1)]: { value: 5 } } },
    log: log(entry(A1, ORIGINAL, 1.6667)),
    expected: { writes: [], skipped: [`${key(A1)}:changed-since`] },
  },
  {
    name: "a formula typed over since, even one showing our value: skipped, changed-since",
    world: { cells: { [key(A1)]: { value: 1.6667, formula: "=1.6667" } } },
    log: log(entry(A1, ORIGINAL, 1.6667)),
    expected: { writes: [], skipped: [`${key(A1)}:changed-since`] },
  },
  {
    name: "the sheet is gone: skipped, sheet-missing; the others are restored",
    world: { sheets: [S], cells: { [key(A1)]: { value: 2 } } },
    log: log(entry(at(0, 0, "附件3"), null, 1), entry(A1, null, 2)),
    expected: { restored: [key(A1)], skipped: [`${key(at(0, 0, "附件3"))}:sheet-missing`] },
  },
  {
    name: "newest first: a cell fixed twice ends with its very first content",
    world: { cells: { [key(A1)]: { value: 3, fill: FIXED_FILL } } },
    log: log(entry(A1, { value: 1, formula: null, numberFormat: null, fill: "#FFFF00" }, 2), entry(A1, { value: 2, formula: null, numberFormat: null, fill: FIXED_FILL }, 3)),
    expected: {
      writes: [
        { at: key(A1), state: { value: 2, formula: null, numberFormat: null, fill: FIXED_FILL } },
        { at: key(A1), state: { value: 1, formula: null, numberFormat: null, fill: "#FFFF00" } },
      ],
      restored: [key(A1), key(A1)],
    },
  },
  {
    name: "a restore aimed at a protected sheet refuses the whole revert",
    world: { sheets: [S, "附件3"], cells: { [key(A1)]: { value: 2 }, [key(at(0, 0, "附件3"))]: { value: 1 } } },
    log: log(entry(at(0, 0, "附件3"), null, 1), entry(A1, null, 2)),
    isProtected: (sheet) => sheet === "附件3",
    expected: { protectedSheet: "附件3", writes: [], restored: [], skipped: [] },
  },
  {
    name: "a protected sheet whose cells are all skipped does not refuse the revert",
    world: { sheets: [S, "附件3"], cells: { [key(A1)]: { value: 2 }, [key(at(0, 0, "附件3"))]: { value: 9 } } },
    log: log(entry(at(0, 0, "附件3"), null, 1), entry(A1, null, 2)),
    isProtected: (sheet) => sheet === "附件3",
    expected: { protectedSheet: null, restored: [key(A1)], skipped: [`${key(at(0, 0, "附件3"))}:changed-since`] },
  },
];

describe("planRevert", () => {
  test.each(REVERT_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const got = revertShape(planRevert(c.log, currentOf(c.world).current, c.isProtected ? { isProtected: c.isProtected } : {}));
    const wanted = Object.fromEntries(Object.keys(c.expected).map((k) => [k, got[k as keyof typeof got]]));
    expect(wanted).toEqual(c.expected);
  });

  test("the rollback holds each touched cell's state before the revert, once", () => {
    const world = { cells: { [key(A1)]: { value: 3, fill: FIXED_FILL } } };
    const plan = planRevert(log(entry(A1, null, 2), entry(A1, { value: 2, formula: null, numberFormat: null, fill: FIXED_FILL }, 3)), currentOf(world).current);
    expect(plan.rollback).toEqual([{ at: A1, before: { value: 3, formula: null, numberFormat: null, fill: FIXED_FILL } }]);
  });

  test("apply then revert over the same cells puts every cell back", () => {
    const cells: Record<string, Omit<CellNow, "sheetExists">> = {
      [key(A1)]: { value: 0.6, numberFormat: "0%", fill: "#FFFF00" },
    };
    const world = { cells };
    const applied = planApply([edit(A1, 0.6, 1.6667, "0.00%"), edit(B2, null, "x")], currentOf(world).current);
    const afterApply: World = { cells: Object.fromEntries(applied.writes.map((w) => [key(w.at), w.after])) };
    const reverted = planRevert(log(...applied.entries), currentOf(afterApply).current);
    expect(Object.fromEntries(reverted.writes.map((w) => [key(w.at), w.state]))).toEqual({
      [key(A1)]: { value: 0.6, formula: null, numberFormat: "0%", fill: "#FFFF00" },
      [key(B2)]: BLANK_STATE,
    });
  });
});

describe("the shared rules", () => {
  test.each<[CellValue | undefined, CellValue | undefined, boolean]>([
    [null, "", true], [undefined, null, true], ["", undefined, true], [0, null, false], [0, "0", false],
    [{ error: "#N/A" }, { error: "#N/A" }, true], [{ error: "#N/A" }, "#N/A", false], [true, true, true], [1.5, 1.5, true],
  ])("sameCellValue(%j, %j) is %s", (a, b, same) => {
    expect(sameCellValue(a, b)).toBe(same);
  });

  test("isWritableEdit: on the grid and finite", () => {
    expect(isWritableEdit(edit(at(1_048_575, 16_383), null, 1))).toBe(true);
    expect(isWritableEdit(edit(A1, null, "text"))).toBe(true);
    expect(isWritableEdit(edit(A1, null, -Infinity))).toBe(false);
  });

  test("appendRevertEntries: appends to the stored log; none or a damaged one starts a new log", () => {
    const one = entry(A1, null, 1);
    const two = entry(B2, null, 2);
    expect(appendRevertEntries(JSON.stringify(log(one)), [two])).toEqual(log(one, two));
    expect(appendRevertEntries(null, [two])).toEqual(log(two));
    expect(appendRevertEntries(undefined, [two])).toEqual(log(two));
    expect(appendRevertEntries("not a log", [two])).toEqual(log(two));
  });
});

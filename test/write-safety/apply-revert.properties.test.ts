/**
 * Write safety as properties, checked through BOTH hosts on the same random workbooks: the
 * memory host of the demo, and the Office host over the Excel fake. Each property compares the
 * whole workbook (value, formula, number format and fill of every cell, merges, protection)
 * before and after, against a plain model of what a write may do (grid.ts expectedApply).
 *
 * Applying the same fixes twice: the second apply finds the cells holding the fixed value, not
 * the value validation saw, so each such edit is reported stale with reason "changed" and
 * nothing is written or logged (one revert still restores the original). An edit whose `before`
 * equals its `after` is still acceptable the second time and is written again, which leaves the
 * cell as it was. Both hosts behave so: both decide through the same planner
 * (src/host/write-plan.ts), and these properties check that each carries its plan out exactly.
 */
import fc from "fast-check";
import { addressKey } from "../../src/core/grid/address";
import type { WorkbookSnapshot } from "../../src/core/grid/workbook";
import type { CellEdit } from "../../src/core/findings/finding";
import { REVERT_LOG_KEY, type WorkbookHost } from "../../src/host/ports";
import type { MemoryHost } from "../../src/adapters/memory/memory-host";
import type { ExcelFake } from "../fakes/excel-fake";
import {
  concreteEdits, expectedApply, expectedShape, fakeOf, fakeState, gridArb, intentsArb, memoryHostOf, memoryState, memoryView,
  officeHostOf, officeView, outcomeShape, sameValue, stateAt, type EditIntent, type Grid, type State, type ValueView,
} from "./grid";

/** WRITE_SAFETY_RUNS=2000 for a deeper search; the default keeps the suite fast. */
const RUNS = Number(process.env.WRITE_SAFETY_RUNS ?? 150);

interface Subject {
  readonly name: "memory" | "office";
  readonly host: WorkbookHost;
  state(): State;
  readonly view: ValueView;
  /** A user typing a number into a cell between validation and apply. */
  type(sheet: string, row: number, col: number, value: number): void;
  /** A user (or co-author) putting a formula with this cached result into a cell. */
  putFormula(sheet: string, row: number, col: number, formula: string, value: number | string): void;
  hasLog(): boolean;
}

function memorySubject(host: MemoryHost): Subject {
  return {
    name: "memory", host, view: memoryView,
    state: () => memoryState(host),
    type: (sheet, row, col, value) => {
      const current = host.workbook.cell(sheet, row, col);
      host.workbook.setCell(sheet, row, col, {
        value,
        ...(current?.numberFormat !== undefined ? { numberFormat: current.numberFormat } : {}),
        ...(current?.fill !== undefined ? { fill: current.fill } : {}),
      });
    },
    putFormula: (sheet, row, col, formula, value) => host.workbook.setCell(sheet, row, col, { value, formula }),
    hasLog: () => host.settings.has(REVERT_LOG_KEY),
  };
}

function officeSubject(fake: ExcelFake, otherSession = false): Subject {
  const host = officeHostOf(fake);
  // Another session's host has not seen the log the first one wrote (revert then probes it first).
  const reverter = otherSession ? officeHostOf(fake) : host;
  return {
    name: "office", view: officeView,
    host: { ...bind(host), revert: () => reverter.revert(), canRevert: () => reverter.canRevert() },
    state: () => fakeState(fake),
    type: (sheet, row, col, value) => fake.writeValue(fake.mustSheet(sheet), row, col, value),
    putFormula: (sheet, row, col, formula, value) => fake.putCell(sheet, row, col, { value, formula }),
    hasLog: () => fake.settings.has(REVERT_LOG_KEY),
  };
}

function bind(host: WorkbookHost): WorkbookHost {
  return {
    kind: host.kind,
    read: () => host.read(),
    apply: (edits, options) => host.apply(edits, options),
    revert: () => host.revert(),
    canRevert: () => host.canRevert(),
    select: (at) => host.select(at),
    loadReviewNotes: () => host.loadReviewNotes(),
    saveReviewNotes: (notes) => host.saveReviewNotes(notes),
    writeReport: (content) => host.writeReport(content),
  };
}

/** How the Excel side runs: null objects that throw when chained, the oldest API with merges, a fresh session for revert. */
interface ExcelVariant {
  readonly nullChaining: "propagate" | "throw";
  readonly apiVersion: "1.13" | "1.20";
  readonly otherSession: boolean;
}

const variant: fc.Arbitrary<ExcelVariant> = fc.record({
  nullChaining: fc.constantFrom("propagate" as const, "throw" as const),
  apiVersion: fc.constantFrom("1.13" as const, "1.20" as const),
  otherSession: fc.boolean(),
});

const DEFAULT_VARIANT: ExcelVariant = { nullChaining: "propagate", apiVersion: "1.20", otherSession: false };

function subjects(grid: Grid, excel: ExcelVariant = DEFAULT_VARIANT): Subject[] {
  const fake = fakeOf(grid, { nullChaining: excel.nullChaining, apiVersion: excel.apiVersion });
  return [memorySubject(memoryHostOf(grid)), officeSubject(fake, excel.otherSession)];
}

async function snapshotOf(host: WorkbookHost): Promise<WorkbookSnapshot> {
  const read = await host.read();
  if (!read.ok) throw new Error(`read failed: ${read.message.en}`);
  return read.snapshot;
}

const intents = intentsArb();

/** Whether an intent sets a number format on a cell that holds a number in a date format. */
function reformatsADate(grid: Grid, drawn: readonly EditIntent[]): boolean {
  return drawn.some((intent) => {
    if (intent.numberFormat === undefined) return false;
    const sheet = grid.sheets[intent.sheet];
    if (!sheet) return false;
    const filled = intent.filled !== undefined && sheet.cells.length > 0 ? sheet.cells[intent.filled % sheet.cells.length] : undefined;
    const row = filled?.row ?? intent.row;
    const col = filled?.col ?? intent.col;
    const cell = sheet.cells.find((c) => c.row === row && c.col === col)?.cell;
    if (cell === undefined) return false;
    const stored = { value: cell.value, formula: cell.formula ?? null, numberFormat: cell.numberFormat ?? null, fill: null };
    return !sameValue(officeView(stored), memoryView(stored));
  });
}

test("(1) apply changes exactly the accepted cells, and (2) revert restores every cell exactly", async () => {
  await fc.assert(fc.asyncProperty(gridArb(0.1), intents, fc.boolean(), variant, async (grid, drawn, overwriteFormulas, excel) => {
    const shapes = [];
    for (const subject of subjects(grid, excel)) {
      const edits = concreteEdits(grid, await snapshotOf(subject.host), drawn);
      const before = subject.state();
      const expected = expectedApply(before, edits, subject.view, overwriteFormulas);
      const outcome = await subject.host.apply(edits, { overwriteFormulas });
      expect(outcomeShape(outcome)).toEqual(expectedShape(expected));
      expect(subject.state()).toEqual(expected.state);
      shapes.push(outcomeShape(outcome));
      if (!outcome.ok) {
        expect(outcome.untouched).toBe(true);
        expect(subject.hasLog()).toBe(false);
        continue;
      }
      expect(subject.hasLog()).toBe(outcome.applied.length > 0);
      expect(await subject.host.canRevert()).toBe(outcome.applied.length > 0);
      // The pane's check learns the same from read().
      const checked = await subject.host.read();
      expect(checked.ok && checked.canRevert).toBe(outcome.applied.length > 0);
      if (outcome.applied.length === 0) continue;

      const reverted = await subject.host.revert();
      if (!reverted.ok) throw new Error(`${subject.name} revert failed: ${reverted.message.en}`);
      expect(reverted.skipped).toEqual([]);
      expect(reverted.restored.map(addressKey)).toEqual(outcome.applied.map((e) => addressKey(e.at)).reverse());
      expect(subject.state()).toEqual(before);
      expect(subject.hasLog()).toBe(false);
      expect(await subject.host.canRevert()).toBe(false);
    }
    // Same workbook, same edits: the demo and Excel accept and refuse the same cells, as long as
    // they see the same values. Excel reads a number in a date format as a date, the demo the
    // number; so an edit that changes such a cell's format makes a later edit of the same cell
    // stale in Excel only (each host is held to its own model above). Found by seed -714123330.
    if (!reformatsADate(grid, drawn)) expect(shapes[1]).toEqual(shapes[0]);
  }), { numRuns: RUNS });
});

test("(3) applying the same fixes twice leaves the workbook as applying them once", async () => {
  await fc.assert(fc.asyncProperty(gridArb(), intents, async (grid, drawn) => {
    const seconds = [];
    for (const subject of subjects(grid)) {
      const edits = concreteEdits(grid, await snapshotOf(subject.host), drawn);
      const original = subject.state();
      const first = await subject.host.apply(edits);
      if (!first.ok) throw new Error(first.message.en);
      const once = subject.state();
      const expected = expectedApply(once, edits, subject.view);
      const second = await subject.host.apply(edits);
      expect(outcomeShape(second)).toEqual(expectedShape(expected));
      expect(subject.state()).toEqual(once);
      // Only an edit whose written cell still shows its `before` (it wrote what was there) is accepted again.
      for (const edit of second.ok ? second.applied : []) expect(sameValue(subject.view(stateAt(once, edit.at)), edit.before)).toBe(true);
      seconds.push(outcomeShape(second));
      if (first.applied.length > 0) {
        const reverted = await subject.host.revert();
        if (!reverted.ok) throw new Error(reverted.message.en);
        expect(subject.state()).toEqual(original);
      }
    }
    expect(seconds[1]).toEqual(seconds[0]);
  }), { numRuns: RUNS });
});

/** One edit per cell, each aimed at what validation saw. */
function seenOnly(drawn: readonly EditIntent[]): EditIntent[] {
  return drawn.map((d) => ({ ...d, before: "seen" as const }));
}

function onePerCell(edits: readonly CellEdit[]): CellEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const key = addressKey(e.at);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

test("(5) a cell changed between validation and apply is never overwritten, and is reported stale", async () => {
  await fc.assert(fc.asyncProperty(
    gridArb(), intents.map(seenOnly), fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), fc.integer({ min: -50, max: 5000 }),
    async (grid, drawn, touch, typed) => {
      for (const subject of subjects(grid)) {
        const edits = onePerCell(concreteEdits(grid, await snapshotOf(subject.host), drawn));
        const changed = new Set<string>();
        edits.forEach((edit, i) => {
          const before = subject.state();
          const sheet = before.find((s) => s.name === edit.at.sheet);
          if (!touch[i] || !sheet) return;
          const current = stateAt(before, edit.at);
          // The user's number, as this host will see it, must differ from what validation saw.
          let value = typed;
          while (sameValue(subject.view({ value, formula: null, numberFormat: current?.numberFormat ?? null, fill: null }), edit.before)) value += 1;
          subject.type(edit.at.sheet, edit.at.row, edit.at.col, value);
          changed.add(addressKey(edit.at));
        });
        const before = subject.state();
        const outcome = await subject.host.apply(edits);
        if (!outcome.ok) throw new Error(outcome.message.en);
        const after = subject.state();
        for (const edit of edits) {
          if (!changed.has(addressKey(edit.at))) continue;
          expect(stateAt(after, edit.at)).toEqual(stateAt(before, edit.at));
          expect(outcome.applied.map((e) => addressKey(e.at))).not.toContain(addressKey(edit.at));
          const reason = outcome.stale.find((s) => addressKey(s.edit.at) === addressKey(edit.at))?.reason;
          expect(["changed", "merged"]).toContain(reason);
        }
        expect(after).toEqual(expectedApply(before, edits, subject.view).state);
      }
    },
  ), { numRuns: RUNS });
});

test("(2b) revert never overwrites a cell changed after the fix (typed over, or a formula showing the same value)", async () => {
  await fc.assert(fc.asyncProperty(
    gridArb(), intents, fc.array(fc.constantFrom("keep", "type", "formula"), { minLength: 10, maxLength: 10 }), fc.integer({ min: -50, max: 5000 }), variant,
    async (grid, drawn, actions, typed, excel) => {
      const results = [];
      for (const subject of subjects(grid, excel)) {
        const edits = concreteEdits(grid, await snapshotOf(subject.host), drawn);
        const original = subject.state();
        const outcome = await subject.host.apply(edits);
        if (!outcome.ok || outcome.applied.length === 0) continue;
        // The last write of each cell is what the log says we wrote there.
        const lastWritten = new Map(outcome.applied.map((e) => [addressKey(e.at), e] as const));
        const touched = new Set<string>();
        [...lastWritten.values()].forEach((edit, i) => {
          const action = actions[i % actions.length];
          if (action === "keep") return;
          if (action === "type") {
            const value = typeof edit.after === "number" && edit.after === typed ? typed + 1 : typed;
            subject.type(edit.at.sheet, edit.at.row, edit.at.col, value);
          } else {
            subject.putFormula(edit.at.sheet, edit.at.row, edit.at.col, "=0+1", edit.after);
          }
          touched.add(addressKey(edit.at));
        });
        const beforeRevert = subject.state();
        const reverted = await subject.host.revert();
        if (!reverted.ok) throw new Error(reverted.message.en);
        const after = subject.state();
        for (const edit of lastWritten.values()) {
          const key = addressKey(edit.at);
          if (touched.has(key)) {
            expect(stateAt(after, edit.at)).toEqual(stateAt(beforeRevert, edit.at));
            expect(reverted.skipped.map((s) => addressKey(s.at))).toContain(key);
            expect(reverted.restored.map(addressKey)).not.toContain(key);
          } else {
            expect(stateAt(after, edit.at)).toEqual(stateAt(original, edit.at));
          }
        }
        expect(subject.hasLog()).toBe(false);
        results.push({ restored: reverted.restored.map(addressKey), skipped: reverted.skipped.map((s) => `${addressKey(s.at)}:${s.reason}`) });
      }
      if (results.length === 2 && !reformatsADate(grid, drawn)) expect(results[1]).toEqual(results[0]);
    },
  ), { numRuns: RUNS });
});

test("(2c) two batches, then one revert: every cell is back as before the first", async () => {
  await fc.assert(fc.asyncProperty(gridArb(), intents, intents, variant, async (grid, first, second, excel) => {
    const shapes = [];
    for (const subject of subjects(grid, excel)) {
      const original = subject.state();
      const one = await subject.host.apply(concreteEdits(grid, await snapshotOf(subject.host), first));
      const two = await subject.host.apply(concreteEdits(grid, await snapshotOf(subject.host), second));
      if (!one.ok || !two.ok) throw new Error("apply failed");
      const written = one.applied.length + two.applied.length;
      shapes.push([outcomeShape(one), outcomeShape(two)]);
      if (written === 0) continue;
      const reverted = await subject.host.revert();
      if (!reverted.ok) throw new Error(reverted.message.en);
      expect(reverted.restored).toHaveLength(written);
      expect(subject.state()).toEqual(original);
    }
    if (!reformatsADate(grid, first) && !reformatsADate(grid, second)) expect(shapes[1]).toEqual(shapes[0]);
  }), { numRuns: RUNS });
});

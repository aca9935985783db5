/**
 * Fault injection: whatever goes wrong between validation and the end of a write, the workbook
 * ends either exactly as a clean run leaves it (all applied) or exactly as it was (untouched),
 * judged by diffing the Excel fake's whole state (every cell with its flags, merges, protection,
 * settings). A HostError's `untouched` must be true in every case here, and its message must say
 * so in both languages ("未做任何修改 / nothing was changed").
 */
import fc from "fast-check";
import { addressKey } from "../../src/core/grid/address";
import type { CellEdit } from "../../src/core/findings/finding";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { REVERT_LOG_KEY, type HostError, type WorkbookHost } from "../../src/host/ports";
import { NOTHING_CHANGED } from "../../src/host/write-messages";
import { planFixes, validate } from "../../src/core";
import { ExcelFake, type FakeOptions } from "../fakes/excel-fake";
import { sample } from "../adapters/office/helpers";
import {
  concreteEdits, fakeOf, gridArb, intentsArb, memoryState, officeHostOf, outcomeShape, type EditIntent, type Grid,
} from "./grid";

/** WRITE_SAFETY_RUNS=2000 for a deeper search; the default keeps the suite fast. */
const RUNS = Number(process.env.WRITE_SAFETY_RUNS ?? 60);

/** Codes after which Excel may have run part of the batch; the host must roll that part back. */
const PARTIAL_CODES = ["GeneralException", "Conflict", "AccessDenied", "ItemNotFound"];
/** Codes with which Excel rejects a batch before running any of it. */
const WHOLE_CODES = ["InvalidOperationInCellEditMode", "RequestPayloadSizeLimitExceeded"];

/**
 * The fake's whole state, except Excel's quote-prefix flag on text cells. Office.js cannot read
 * that flag, so putting text back that holds a digit ("A0") writes it with the apostrophe marker
 * (text must never turn into a number or date) and the flag may appear where there was none; the
 * text, formula, number format and fill are still exact. Everything else is compared.
 */
function dumpOf(fake: ExcelFake): unknown {
  const dump = fake.dump() as { sheets: { cells: [string, { value: unknown; quotePrefix?: boolean }][] }[] };
  for (const sheet of dump.sheets) {
    for (const [, cell] of sheet.cells) if (typeof cell.value === "string") delete cell.quotePrefix;
  }
  return dump;
}

function expectNothingChanged(error: HostError): void {
  expect(error.untouched).toBe(true);
  expect(error.message.zh).toContain(NOTHING_CHANGED.zh);
  expect(error.message.en.toLowerCase()).toContain(NOTHING_CHANGED.en);
}

async function editsFor(host: WorkbookHost, grid: Grid, intents: readonly EditIntent[]): Promise<CellEdit[]> {
  const read = await host.read();
  if (!read.ok) throw new Error(read.message.en);
  return concreteEdits(grid, read.snapshot, intents);
}

const failure = fc.oneof(
  fc.record({ code: fc.constantFrom(...PARTIAL_CODES), applied: fc.nat({ max: 14 }) }),
  fc.record({ code: fc.constantFrom(...WHOLE_CODES), applied: fc.constant(0) }),
);
const fakeOptions = fc.record({ nullChaining: fc.constantFrom<FakeOptions["nullChaining"]>("propagate", "throw"), apiVersion: fc.constantFrom("1.20", "1.13", "1.9") });

describe("a sync failing at every point of apply", () => {
  test("ends all applied (as a clean run) or untouched, and says which", async () => {
    let failures = 0;
    await fc.assert(fc.asyncProperty(gridArb(), intentsArb(), fakeOptions, failure, async (grid, intents, options, fault) => {
      const clean = fakeOf(grid, options);
      const cleanHost = officeHostOf(clean);
      const edits = await editsFor(cleanHost, grid, intents);
      const start = clean.syncCount;
      const cleanOutcome = await cleanHost.apply(edits);
      const syncs = clean.syncCount - start;
      const applied = dumpOf(clean);

      for (let n = 1; n <= syncs; n++) {
        const fake = fakeOf(grid, options);
        const host = officeHostOf(fake);
        const before = dumpOf(fake);
        fake.failAtSync(n, fault.code, { applied: fault.applied });
        const outcome = await host.apply(edits);
        if (outcome.ok) {
          // Only a failed probe of a missing sheet is retried; the retry must reach the clean result.
          expect(dumpOf(fake)).toEqual(applied);
          expect(outcomeShape(outcome)).toEqual(outcomeShape(cleanOutcome));
        } else {
          failures++;
          expectNothingChanged(outcome);
          expect(dumpOf(fake)).toEqual(before);
          expect(await host.canRevert()).toBe(false);
        }
      }
    }), { numRuns: RUNS });
    expect(failures).toBeGreaterThan(0);
  });

  test("a second apply failing keeps the first batch and its log exactly", async () => {
    await fc.assert(fc.asyncProperty(gridArb(), intentsArb(), intentsArb(), failure, async (grid, first, second, fault) => {
      const fake = fakeOf(grid);
      const host = officeHostOf(fake);
      const firstOutcome = await host.apply(await editsFor(host, grid, first));
      const edits = await editsFor(host, grid, second);
      const afterFirst = dumpOf(fake);
      fake.failAtSync(2, fault.code, { applied: fault.applied });
      const outcome = await host.apply(edits);
      if (outcome.ok) return; // nothing to write: one sync only, the failure never fired
      expectNothingChanged(outcome);
      expect(dumpOf(fake)).toEqual(afterFirst);
      fake.failAtSync(99, "GeneralException"); // disarm: nothing else should fail
      if (firstOutcome.ok && firstOutcome.applied.length > 0) {
        const reverted = await host.revert();
        expect(reverted.ok && reverted.restored.length).toBe(firstOutcome.applied.length);
      }
    }), { numRuns: RUNS });
  });
});

describe("a sync failing at every point of revert", () => {
  test.each([
    ["the host that applied (log already known)", false],
    ["another session (log not seen yet)", true],
  ])("%s: ends fully reverted or untouched", async (_label, freshHost) => {
    await fc.assert(fc.asyncProperty(gridArb(), intentsArb(), failure, async (grid, intents, fault) => {
      const prepare = async () => {
        const fake = fakeOf(grid);
        let host = officeHostOf(fake);
        const outcome = await host.apply(await editsFor(host, grid, intents));
        if (freshHost) host = officeHostOf(fake);
        return { fake, host, applied: outcome.ok ? outcome.applied.length : 0 };
      };
      const clean = await prepare();
      if (clean.applied === 0) return;
      const start = clean.fake.syncCount;
      const cleanOutcome = await clean.host.revert();
      const syncs = clean.fake.syncCount - start;
      const reverted = dumpOf(clean.fake);
      expect(cleanOutcome.ok).toBe(true);

      for (let n = 1; n <= syncs; n++) {
        const { fake, host } = await prepare();
        const before = dumpOf(fake);
        fake.failAtSync(n, fault.code, { applied: fault.applied });
        const outcome = await host.revert();
        if (outcome.ok) {
          expect(dumpOf(fake)).toEqual(reverted);
          continue;
        }
        expectNothingChanged(outcome);
        expect(dumpOf(fake)).toEqual(before);
        expect(await host.canRevert()).toBe(true);
        const again = await host.revert();
        expect(again.ok).toBe(true);
        expect(dumpOf(fake)).toEqual(reverted);
      }
    }), { numRuns: RUNS / 2 });
  });
});

// ---------------------------------------------------------------------------------------------
// Changes made between validation and the write, in Excel (fake) and in the demo (memory)

interface Bench {
  readonly name: string;
  readonly host: WorkbookHost;
  dump(): unknown;
  protect(sheet: string, on: boolean): void;
  deleteSheet(sheet: string): void;
  renameSheet(from: string, to: string): void;
  setLog(raw: unknown): void;
  removeLog(): void;
}

function excelBench(options: FakeOptions = {}): Bench {
  const fake = ExcelFake.fromSpec(sample, options);
  return {
    name: `excel/${options.nullChaining ?? "propagate"}`,
    host: officeHostOf(fake),
    dump: () => dumpOf(fake),
    protect: (sheet, on) => fake.protect(sheet, on),
    deleteSheet: (sheet) => fake.deleteSheet(sheet),
    renameSheet: (from, to) => fake.renameSheet(from, to),
    setLog: (raw) => fake.settings.set(REVERT_LOG_KEY, raw),
    removeLog: () => fake.settings.delete(REVERT_LOG_KEY),
  };
}

function memoryBench(): Bench {
  const host = new MemoryHost(MemoryWorkbook.fromSpec(sample));
  return {
    name: "memory",
    host,
    dump: () => ({ cells: memoryState(host), settings: [...host.settings.entries()] }),
    protect: (sheet, on) => {
      host.workbook.sheet(sheet)!.protected = on;
    },
    deleteSheet: (sheet) => host.workbook.removeSheet(sheet),
    renameSheet: (from, to) => host.workbook.renameSheet(from, to),
    setLog: (raw) => host.settings.set(REVERT_LOG_KEY, typeof raw === "string" ? raw : JSON.stringify(raw)),
    removeLog: () => host.settings.delete(REVERT_LOG_KEY),
  };
}

const BENCHES: [string, () => Bench][] = [
  ["excel", () => excelBench()],
  ["excel (null objects throw)", () => excelBench({ nullChaining: "throw" })],
  ["memory", () => memoryBench()],
];

async function fixesOf(bench: Bench): Promise<CellEdit[]> {
  const read = await bench.host.read();
  if (!read.ok) throw new Error(read.message.en);
  const edits = planFixes(validate(read.snapshot).findings);
  // Both annexes must be written to, or the per-sheet cases below test nothing.
  expect(new Set(edits.map((e) => e.at.sheet))).toEqual(new Set(["附件2", "附件3"]));
  return edits;
}

describe.each(BENCHES)("%s: the workbook changed between validation and the write", (_name, make) => {
  test("a sheet protected meanwhile: refused whole, untouched, and the message names the sheet", async () => {
    const bench = make();
    const edits = await fixesOf(bench);
    bench.protect("附件3", true);
    const before = bench.dump();
    const outcome = await bench.host.apply(edits);
    if (outcome.ok) throw new Error("expected a refusal");
    expect(outcome.code).toBe("protected");
    expectNothingChanged(outcome);
    expect(outcome.message.zh).toContain("附件3");
    expect(bench.dump()).toEqual(before);
    expect(await bench.host.canRevert()).toBe(false);
  });

  test.each(["deleted", "renamed"])("a sheet %s meanwhile: its edits are stale, the others all applied", async (how) => {
    const bench = make();
    const edits = await fixesOf(bench);
    const reference = make();
    const others = edits.filter((e) => e.at.sheet !== "附件3");
    const expectedOutcome = await reference.host.apply(others);
    if (how === "deleted") {
      bench.deleteSheet("附件3");
      reference.deleteSheet("附件3");
    } else {
      bench.renameSheet("附件3", "附件3 (2)");
      reference.renameSheet("附件3", "附件3 (2)");
    }
    const outcome = await bench.host.apply(edits);
    if (!outcome.ok) throw new Error(outcome.message.en);
    expect(outcome.applied).toEqual(expectedOutcome.ok ? expectedOutcome.applied : null);
    expect(outcome.stale.map((s) => [addressKey(s.edit.at), s.reason])).toEqual(
      edits.filter((e) => e.at.sheet === "附件3").map((e) => [addressKey(e.at), "sheet-missing"]));
    expect(bench.dump()).toEqual(reference.dump());
  });

  test("a sheet protected between apply and revert: revert refused whole, log kept; works once unprotected", async () => {
    const bench = make();
    const edits = await fixesOf(bench);
    const original = bench.dump();
    expect((await bench.host.apply(edits)).ok).toBe(true);
    bench.protect("附件3", true);
    const applied = bench.dump();
    const outcome = await bench.host.revert();
    if (outcome.ok) throw new Error("expected a refusal");
    expect(outcome.code).toBe("protected");
    expectNothingChanged(outcome);
    expect(bench.dump()).toEqual(applied);
    expect(await bench.host.canRevert()).toBe(true);
    bench.protect("附件3", false);
    const reverted = await bench.host.revert();
    expect(reverted.ok && reverted.restored.length).toBe(edits.length);
    expect(bench.dump()).toEqual(original);
  });

  test("the log points at a sheet deleted since: that sheet's cells are skipped, the rest restored", async () => {
    const bench = make();
    const edits = await fixesOf(bench);
    expect((await bench.host.apply(edits)).ok).toBe(true);
    bench.deleteSheet("附件3");
    const outcome = await bench.host.revert();
    if (!outcome.ok) throw new Error(outcome.message.en);
    expect(outcome.skipped.map((s) => s.reason)).toEqual(edits.filter((e) => e.at.sheet === "附件3").map(() => "sheet-missing"));
    expect(outcome.restored.map(addressKey).sort()).toEqual(edits.filter((e) => e.at.sheet !== "附件3").map((e) => addressKey(e.at)).sort());
    const reference = make();
    reference.deleteSheet("附件3");
    expect(bench.dump()).toEqual(reference.dump());
  });

  const CORRUPT: [string, unknown][] = [
    ["not JSON", "{\"version\":1,\"entries\":[{\"sheet\":"],
    ["a newer version", JSON.stringify({ version: 2, entries: [] })],
    ["an entry without its cell", JSON.stringify({ version: 1, entries: [{ sheet: "附件2", written: 1, original: null }] })],
    ["a negative row", JSON.stringify({ version: 1, entries: [{ sheet: "附件2", row: -1, col: 0, written: 1, original: null }] })],
    ["a stored object of the wrong shape", { entries: "none" }],
    ["the JSON literal null", "null"],
  ];

  test.each(CORRUPT)("a revert log edited by hand (%s): revert refused, untouched", async (_label, raw) => {
    const bench = make();
    expect((await bench.host.apply(await fixesOf(bench))).ok).toBe(true);
    bench.setLog(raw);
    const before = bench.dump();
    const outcome = await bench.host.revert();
    if (outcome.ok) throw new Error("expected a refusal");
    expect(outcome.code).toBe("corrupt-revert-log");
    expectNothingChanged(outcome);
    expect(bench.dump()).toEqual(before);
    expect(await bench.host.canRevert()).toBe(false);
  });

  test("a revert log removed by hand: nothing to revert, untouched", async () => {
    const bench = make();
    expect((await bench.host.apply(await fixesOf(bench))).ok).toBe(true);
    bench.removeLog();
    const before = bench.dump();
    const outcome = await bench.host.revert();
    if (outcome.ok) throw new Error("expected a refusal");
    expect(outcome.code).toBe("no-revert-log");
    expectNothingChanged(outcome);
    expect(bench.dump()).toEqual(before);
  });

  test("apply over a damaged log starts a new log; revert then restores this batch exactly", async () => {
    const bench = make();
    const edits = await fixesOf(bench);
    bench.setLog("not a log");
    const before = bench.dump();
    expect((await bench.host.apply(edits)).ok).toBe(true);
    const reverted = await bench.host.revert();
    expect(reverted.ok && reverted.restored.length).toBe(edits.length);
    // The damaged text is gone with the revert: it described nothing that could be undone.
    const after = bench.dump() as { settings: unknown[] };
    expect(JSON.stringify(after).includes("not a log")).toBe(false);
    expect(JSON.stringify(before).includes("not a log")).toBe(true);
  });
});

test("known limit: text holding a digit comes back with Excel's quote-prefix flag (Office.js cannot read it)", async () => {
  const fake = new ExcelFake();
  fake.addSheet("S");
  fake.putCell("S", 0, 0, { value: "A0", fill: "#FFFF00" });
  expect(fake.cell("S", "A1")?.quotePrefix).toBeUndefined();
  const host = officeHostOf(fake);
  expect((await host.apply([{ at: { sheet: "S", row: 0, col: 0 }, before: "A0", after: 5 }])).ok).toBe(true);
  expect((await host.revert()).ok).toBe(true);
  expect(fake.cell("S", "A1")).toEqual({ value: "A0", numberFormat: "General", fill: "#FFFF00", quotePrefix: true });
});

/**
 * Live re-check in Excel (watch.ts) over the Excel fake: the user's edits are reported with sheet
 * and range, this host's own writes never are (triggerSource from ExcelApi 1.14, the mute records
 * below it), setup costs 1 sync (2 below ExcelApi 1.9), unwatch removes every handler through the
 * context that added it, and an Excel that cannot watch yields null without throwing.
 */
import { createOfficeHost } from "../../../src/adapters/office";
import { MuteBook, rangesFromEventAddress } from "../../../src/adapters/office/watch";
import { buildTemplate } from "../../../src/core/template";
import type { CellRange } from "../../../src/core/grid/address";
import { REPORT_SHEET, type Unwatch, type WorkbookChange, type WorkbookHost } from "../../../src/host/ports";
import { ExcelFake, type FakeOptions } from "../../fakes/excel-fake";
import { expectApplied, expectReverted, sample, sampleFixes } from "./helpers";

const range = (sheet: string, top: number, left: number, bottom = top, right = left): CellRange => ({ sheet, top, left, bottom, right });
const cell = (sheet: string, row: number, col: number): WorkbookChange => ({ sheet, range: range(sheet, row, col) });

interface Watched {
  fake: ExcelFake;
  host: WorkbookHost;
  clock: { now: number };
  seen: WorkbookChange[][];
  unwatch: Unwatch;
  setupSyncs: number;
}

async function watched(options: FakeOptions & { fake?: ExcelFake } = {}): Promise<Watched> {
  const fake = options.fake ?? ExcelFake.fromSpec(sample, options);
  const clock = { now: 1_000_000 };
  const host = createOfficeHost(fake.run, fake.requirements, { now: () => clock.now });
  const seen: WorkbookChange[][] = [];
  const before = fake.syncCount;
  const unwatch = await host.watch!((changes) => seen.push([...changes]));
  if (!unwatch) throw new Error("watch resolved null");
  return { fake, host, clock, seen, unwatch, setupSyncs: fake.syncCount - before };
}

/** Waits until `check` holds (background batches such as unwatch's removal settle in a few ticks). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(check()).toBe(true);
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe("ExcelApi 1.9 (one handler for every sheet)", () => {
  test("setup is 1 sync; a user edit is reported with its sheet and cell", async () => {
    const w = await watched({ apiVersion: "1.9" });
    expect(w.setupSyncs).toBe(1);
    expect(w.fake.activeHandlers("onChanged")).toBe(1);
    w.fake.userEdit("附件2", "D4", "1.5");
    w.fake.userEdit("附件3", "I5", "10");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([[cell("附件2", 3, 3)], [cell("附件3", 4, 8)]]);
    expect(w.fake.handlerErrors).toEqual([]);
  });

  test("apply and revert are never reported; other cells still are, and the written cells again after the window", async () => {
    const w = await watched({ apiVersion: "1.9" });
    const applied = expectApplied(await w.host.apply(sampleFixes()));
    expect(applied.applied.map((e) => `${e.at.sheet}!${e.at.row},${e.at.col}`).sort()).toEqual(["附件2!3,3", "附件3!4,8"]);
    await w.fake.flushEvents();
    // Excel fired onChanged for both writes; none reached the pane.
    expect(w.fake.deliveredEvents.filter((e) => e.kind === "onChanged").length).toBeGreaterThanOrEqual(2);
    expect(w.seen).toEqual([]);

    // Within the window: a cell outside the write is reported, the written cell is not (the documented cost).
    w.clock.now += 1000;
    w.fake.userEdit("附件2", "C4", "22");
    w.fake.userEdit("附件2", "D4", "1");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([[cell("附件2", 3, 2)]]);

    // After the window the written cell is the user's again.
    w.clock.now += 600;
    w.fake.userEdit("附件2", "D4", "2");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([[cell("附件2", 3, 2)], [cell("附件2", 3, 3)]]);

    w.seen.length = 0;
    w.fake.putCell("附件2", 3, 3, { value: 1.6667, numberFormat: "0.00%", fill: "#FFF2CC" });
    expectReverted(await w.host.revert());
    await w.fake.flushEvents();
    expect(w.seen).toEqual([]);
    expect(w.fake.handlerErrors).toEqual([]);
  });

  test("an event reaching beyond the written cells is reported (a paste over them and more)", async () => {
    const w = await watched({ apiVersion: "1.9" });
    expectApplied(await w.host.apply(sampleFixes()));
    await w.fake.flushEvents();
    w.fake.userChange("附件2", "D4:D5");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([[{ sheet: "附件2", range: range("附件2", 3, 3, 4, 3) }]]);
  });

  test("writeReport is never reported: neither the new sheet nor its cells", async () => {
    const w = await watched({ apiVersion: "1.9" });
    const outcome = await w.host.writeReport({ checkedAt: "2024-01-01T00:00:00Z", rulesVersion: "1", lang: "zh", rows: [] });
    expect(outcome.ok).toBe(true);
    await w.fake.flushEvents();
    expect(w.fake.deliveredEvents.map((e) => e.kind)).toEqual(expect.arrayContaining(["onAdded", "onChanged"]));
    expect(w.seen).toEqual([]);
    // Refreshing it again (clear + write) is not reported either.
    expect((await w.host.writeReport({ checkedAt: "2024-01-02T00:00:00Z", rulesVersion: "1", lang: "zh", rows: [] })).ok).toBe(true);
    await w.fake.flushEvents();
    expect(w.seen).toEqual([]);
    // The user typing into the report sheet after the window is.
    w.clock.now += 5000;
    w.fake.userEdit(REPORT_SHEET, "B9", "x");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([[cell(REPORT_SHEET, 8, 1)]]);
  });

  test("insertTemplate is never reported; a refused insert mutes nothing", async () => {
    const fake = new ExcelFake({ apiVersion: "1.9" });
    fake.addSheet("Sheet1");
    const w = await watched({ fake });
    const outcome = await w.host.insertTemplate!(buildTemplate({ year: 2024, weights: "40-20-10-20" }));
    expect(outcome.ok).toBe(true);
    await w.fake.flushEvents();
    expect(w.fake.deliveredEvents.length).toBeGreaterThan(2);
    expect(w.seen).toEqual([]);

    // After the window, a second insert is refused (the sheets exist), untouched: it mutes nothing,
    // so the user's next edit there is reported at once.
    w.clock.now += 2000;
    const refused = await w.host.insertTemplate!(buildTemplate({ year: 2024, weights: "40-20-10-20" }));
    expect(refused.ok).toBe(false);
    w.fake.userEdit("附件2", "C5", "21");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([[cell("附件2", 4, 2)]]);
  });

  test("whole columns, whole rows and several areas become ranges; sheet added and deleted by the user are reported", async () => {
    const w = await watched({ apiVersion: "1.9" });
    w.fake.userChange("附件2", "B:C");
    w.fake.userChange("附件2", "3:4");
    w.fake.userChange("附件2", "A1,C3:D4");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([
      [{ sheet: "附件2", range: range("附件2", 0, 1, 1_048_575, 2) }],
      [{ sheet: "附件2", range: range("附件2", 2, 0, 3, 16_383) }],
      [{ sheet: "附件2", range: range("附件2", 0, 0) }, { sheet: "附件2", range: range("附件2", 2, 2, 3, 3) }],
    ]);
    w.seen.length = 0;
    w.fake.userAddSheet("新表");
    await w.fake.flushEvents();
    w.fake.userEdit("新表", "A1", "1");
    await w.fake.flushEvents();
    w.fake.userDeleteSheet("新表");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([[{ sheet: "新表", range: null }], [cell("新表", 0, 0)], [{ sheet: "新表", range: null }]]);
  });

  test("an unknown sheet id refreshes the names (1 sync) and is reported with range null; an address that does not parse too", async () => {
    const w = await watched({ apiVersion: "1.9" });
    w.fake.addSheet("悄悄加的"); // added without an event reaching the pane (e.g. before watch ran)
    w.fake.userEdit("悄悄加的", "B2", "5");
    const before = w.fake.syncCount;
    await w.fake.flushEvents();
    expect(w.fake.syncCount - before).toBe(1);
    w.fake.userChange("附件2", "not-an-address");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([[{ sheet: "悄悄加的", range: null }], [{ sheet: "附件2", range: null }]]);
    // Known from now on: the next edit there has its range.
    w.fake.userEdit("悄悄加的", "B3", "6");
    await w.fake.flushEvents();
    expect(w.seen[2]).toEqual([cell("悄悄加的", 2, 1)]);
  });

  test("unwatch removes every handler through its own context (1 sync); events after it are not reported", async () => {
    const w = await watched({ apiVersion: "1.9" });
    const active = w.fake.activeHandlers();
    expect(active).toBe(3); // onChanged, onAdded, onDeleted
    const before = w.fake.syncCount;
    w.unwatch();
    // Delivered while the removal is still on its way: dropped.
    w.fake.userEdit("附件2", "D4", "1");
    await until(() => w.fake.activeHandlers() === 0);
    expect(w.fake.syncCount - before).toBe(1);
    await w.fake.flushEvents();
    w.fake.userEdit("附件2", "D5", "1");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([]);
    w.unwatch(); // twice: nothing happens
    expect(w.fake.handlerErrors).toEqual([]);
  });

  test("a throwing listener does not break watching; the handler never rejects", async () => {
    const fake = ExcelFake.fromSpec(sample, { apiVersion: "1.9" });
    const host = createOfficeHost(fake.run, fake.requirements);
    const calls: WorkbookChange[][] = [];
    const unwatch = await host.watch!((changes) => {
      calls.push([...changes]);
      throw new Error("listener bug");
    });
    expect(unwatch).not.toBeNull();
    fake.userEdit("附件2", "D4", "1");
    fake.userEdit("附件2", "D5", "1");
    await fake.flushEvents();
    expect(calls.length).toBe(2);
    expect(fake.handlerErrors).toEqual([]);
  });
});

describe("ExcelApi 1.7/1.8 (one handler per sheet)", () => {
  test.each(["1.7", "1.8"])("%s: setup is 2 syncs with one onChanged per sheet; a user edit is reported", async (apiVersion) => {
    const w = await watched({ apiVersion });
    expect(w.setupSyncs).toBe(2);
    expect(w.fake.activeHandlers("onChanged")).toBe(w.fake.sheets.length);
    expect(w.fake.eventRegistrations.filter((r) => r.kind === "onChanged").every((r) => r.sheet !== null)).toBe(true);
    w.fake.userEdit("附件3", "H26", "95");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([[cell("附件3", 25, 7)]]);
  });

  test("own apply, revert and writeReport are not reported", async () => {
    const w = await watched({ apiVersion: "1.7" });
    expectApplied(await w.host.apply(sampleFixes()));
    await w.fake.flushEvents();
    expectReverted(await w.host.revert());
    await w.fake.flushEvents();
    expect((await w.host.writeReport({ checkedAt: "2024-01-01T00:00:00Z", rulesVersion: "1", lang: "zh", rows: [] })).ok).toBe(true);
    await w.fake.flushEvents();
    expect(w.fake.deliveredEvents.length).toBeGreaterThan(0);
    expect(w.seen).toEqual([]);
    expect(w.fake.handlerErrors).toEqual([]);
  });

  test("a sheet the user adds is reported and watched from then on (one sync on the watching context)", async () => {
    const w = await watched({ apiVersion: "1.7" });
    const handlers = w.fake.activeHandlers("onChanged");
    const before = w.fake.syncCount;
    w.fake.userAddSheet("补充表");
    await w.fake.flushEvents();
    expect(w.fake.syncCount - before).toBe(1);
    expect(w.fake.activeHandlers("onChanged")).toBe(handlers + 1);
    w.fake.userEdit("补充表", "C3", "7");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([[{ sheet: "补充表", range: null }], [cell("补充表", 2, 2)]]);
    w.unwatch();
    await until(() => w.fake.activeHandlers() === 0);
  });
});

describe("ExcelApi 1.14+ (triggerSource decides)", () => {
  test("this add-in's writes are dropped by triggerSource; the user's edit of a just-written cell is reported at once", async () => {
    const w = await watched({ apiVersion: "1.14" });
    expectApplied(await w.host.apply(sampleFixes()));
    w.fake.userEdit("附件2", "D4", "1.2");
    await w.fake.flushEvents();
    expect(w.fake.deliveredEvents.some((e) => e.args["triggerSource"] === "ThisLocalAddin")).toBe(true);
    expect(w.seen).toEqual([[cell("附件2", 3, 3)]]);
  });

  test("an event marked ThisLocalAddin is dropped even far from any own write", async () => {
    const w = await watched({ apiVersion: "1.14" });
    w.fake.userChange("附件3", "Z99", "ThisLocalAddin");
    w.fake.userChange("附件3", "Z98", "Unknown");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([[cell("附件3", 97, 25)]]);
  });

  test("1.17: a rename reports both names and later edits carry the new one", async () => {
    const w = await watched({ apiVersion: "1.17" });
    expect(w.setupSyncs).toBe(1);
    w.fake.userRenameSheet("附件2", "基础数据表");
    await w.fake.flushEvents();
    w.fake.userEdit("基础数据表", "D4", "1");
    await w.fake.flushEvents();
    expect(w.seen).toEqual([
      [{ sheet: "附件2", range: null }, { sheet: "基础数据表", range: null }],
      [cell("基础数据表", 3, 3)],
    ]);
  });
});

describe("when Excel cannot watch", () => {
  test("below ExcelApi 1.7: null, no sync, nothing registered", async () => {
    const fake = ExcelFake.fromSpec(sample, { apiVersion: "1.6" });
    const host = createOfficeHost(fake.run, fake.requirements);
    await expect(host.watch!(() => undefined)).resolves.toBeNull();
    expect(fake.syncCount).toBe(0);
    expect(fake.eventRegistrations).toEqual([]);
  });

  test("a registration Excel refuses (ApiNotFound): null, and what was registered is removed again", async () => {
    const fake = ExcelFake.fromSpec(sample, { apiVersion: "1.9" });
    // The host claims 1.17, so onNameChanged is added and refused at sync after the others ran.
    const host = createOfficeHost(fake.run, { isSetSupported: () => true });
    const seen: unknown[] = [];
    await expect(host.watch!((c) => seen.push(c))).resolves.toBeNull();
    await until(() => fake.activeHandlers() === 0);
    fake.userEdit("附件2", "D4", "1");
    await fake.flushEvents();
    expect(seen).toEqual([]);
  });

  test("Excel.run itself failing, or isSetSupported throwing: null, never a rejection", async () => {
    const failing = (() => Promise.reject(new Error("no Excel"))) as unknown as typeof Excel.run;
    await expect(createOfficeHost(failing, { isSetSupported: () => true }).watch!(() => undefined)).resolves.toBeNull();
    const fake = ExcelFake.fromSpec(sample);
    const throwing = { isSetSupported: (): boolean => { throw new Error("no requirements"); } };
    await expect(createOfficeHost(fake.run, throwing).watch!(() => undefined)).resolves.toBeNull();
  });
});

describe("rangesFromEventAddress", () => {
  test.each([
    ["C4", [range("S", 3, 2)]],
    ["$C$4:$D$6", [range("S", 3, 2, 5, 3)]],
    ["D6:C4", [range("S", 3, 2, 5, 3)]],
    ["A:A", [range("S", 0, 0, 1_048_575, 0)]],
    ["$C:$A", [range("S", 0, 0, 1_048_575, 2)]],
    ["1:3", [range("S", 0, 0, 2, 16_383)]],
    ["'附件 2'!B2", [range("S", 1, 1)]],
    ["'a,b'!B2,C3", [range("S", 1, 1), range("S", 2, 2)]],
  ])("%s", (address, expected) => {
    expect(rangesFromEventAddress(address, "S")).toEqual(expected);
  });

  test.each(["", "hello", "A0", "XFE1", "A1:", "0:3", "A1048577"])("%j does not parse", (address) => {
    expect(rangesFromEventAddress(address, "S")).toBeNull();
  });
});

describe("MuteBook", () => {
  test("a record covers its cells while open and for the window after closing; only whole containment mutes", () => {
    let now = 0;
    const book = new MuteBook(() => now, 100);
    const record = book.open();
    record.coverCells([{ sheet: "S", row: 1, col: 1 }, { sheet: "S", row: 1, col: 2 }]);
    expect(book.mutes({ sheet: "S", range: range("S", 1, 1, 1, 2) }, now)).toBe(true);
    expect(book.mutes({ sheet: "S", range: range("S", 1, 1, 1, 3) }, now)).toBe(false);
    expect(book.mutes({ sheet: "T", range: range("T", 1, 1) }, now)).toBe(false);
    expect(book.mutes({ sheet: "S", range: null }, now)).toBe(false);
    now = 50;
    record.close(true);
    expect(book.mutes({ sheet: "S", range: range("S", 1, 1) }, 150)).toBe(true);
    expect(book.mutes({ sheet: "S", range: range("S", 1, 1) }, 151)).toBe(false);
    // An event that arrived before the write began is not its echo.
    expect(book.mutes({ sheet: "S", range: range("S", 1, 1) }, -1)).toBe(false);
  });

  test("a whole sheet covers any range and range null; a record that wrote nothing is dropped at once", () => {
    const book = new MuteBook(() => 0, 100);
    const sheet = book.open();
    sheet.coverSheet("R");
    expect(book.mutes({ sheet: "R", range: range("R", 0, 0, 1_048_575, 16_383) }, 0)).toBe(true);
    expect(book.mutes({ sheet: "R", range: null }, 0)).toBe(true);
    sheet.close(false);
    expect(book.mutes({ sheet: "R", range: null }, 0)).toBe(false);
  });
});

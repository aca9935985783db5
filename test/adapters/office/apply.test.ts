import { FIXED_FILL } from "../../../src/host/ports";
import type { WorkbookSpec } from "../../../src/adapters/memory/grid-spec";
import { REVERT_LOG_KEY } from "../../../src/adapters/office";
import { parseRevertLog } from "../../../src/host/revert-log";
import { edit, expectApplied, expectError, sample, sampleFixes, setup, syncsOf } from "./helpers";

const A2 = "附件2";
const A3 = "附件3";

/** A small sheet with a formula, a merge and text cells, next to the sample. */
const withExtras: WorkbookSpec = {
  sheets: [
    ...sample.sheets,
    {
      name: "Extra",
      rows: [
        [10, 20, { v: 30, f: "=A1+B1" }, "note"],
        ["merged", null, null, 5],
        [null, null, null, { v: 1, fmt: "0.00" }],
      ],
      merges: ["A2:C2"],
    },
  ],
};

describe("OfficeHost.apply", () => {
  test("writes the sample's safe fixes in one batch: numbers as numbers, formats, fill, log; 2 syncs", async () => {
    const { fake, host } = setup();
    const fixes = sampleFixes();
    expect(fixes.map((e) => `${e.at.sheet}!${e.at.row},${e.at.col}`)).toEqual([`${A2}!3,3`, `${A3}!4,8`]);
    const { result, syncs } = await syncsOf(fake, () => host.apply(fixes));
    const outcome = expectApplied(result);
    expect(syncs).toBeLessThanOrEqual(2);
    expect(fake.runCount).toBe(1);
    expect(outcome.applied).toEqual(fixes);
    expect(outcome.stale).toEqual([]);
    expect(fake.cell(A2, "D4")).toMatchObject({ value: 1.6667, numberFormat: "0.00%", fill: FIXED_FILL });
    expect(fake.cell(A2, "D4")?.formula).toBeUndefined();
    expect(fake.cell(A3, "I5")).toMatchObject({ value: 10, numberFormat: "0.00", fill: FIXED_FILL });

    const log = parseRevertLog(String(fake.settings.get(REVERT_LOG_KEY)));
    expect(log.ok).toBe(true);
    if (!log.ok) return;
    expect(log.log.version).toBe(1);
    expect(log.log.entries).toEqual([
      { sheet: A2, row: 3, col: 3, original: { value: 0.6, formula: null, numberFormat: "0%", fill: null }, written: 1.6667 },
      { sheet: A3, row: 4, col: 8, original: { value: 98, formula: null, numberFormat: null, fill: null }, written: 10 },
    ]);
    expect(await host.canRevert()).toBe(true);
  });

  test("the re-read after apply sees exactly what was written", async () => {
    const { host } = setup();
    expectApplied(await host.apply(sampleFixes()));
    const read = await host.read();
    if (!read.ok) throw new Error("read failed");
    const d4 = read.snapshot.sheets[0]!.cell(3, 3);
    expect(d4).toEqual({ value: 1.6667, numberFormat: "0.00%" });
  });

  test("a cell changed since validation is refused and left alone; the others are written", async () => {
    const { fake, host } = setup();
    const fixes = sampleFixes();
    fake.typeInto(A2, "D4", "70%"); // a colleague typed over D4 after the check
    const before = fake.cell(A2, "D4");
    const outcome = expectApplied(await host.apply(fixes));
    expect(outcome.stale).toEqual([{ edit: fixes[0], reason: "changed" }]);
    expect(outcome.applied).toEqual([fixes[1]]);
    expect(fake.cell(A2, "D4")).toEqual(before);
    expect(fake.cell(A3, "I5")?.value).toBe(10);
    const log = parseRevertLog(String(fake.settings.get(REVERT_LOG_KEY)));
    expect(log.ok && log.log.entries.map((e) => `${e.sheet}!${e.row},${e.col}`)).toEqual([`${A3}!4,8`]);
  });

  test("formula cells are kept unless overwriteFormulas; merge followers and missing sheets are refused", async () => {
    const { fake, host } = setup({ spec: withExtras });
    const edits = [
      edit("Extra", "C1", 30, 31),            // formula
      edit("Extra", "B2", null, "x"),         // inside A2:C2, not its top-left
      edit("Extra", "A2", "merged", "合并"),   // top-left of the merge: fine
      edit("Gone", "A1", null, 1),            // no such sheet
    ];
    const outcome = expectApplied(await host.apply(edits));
    expect(outcome.stale.map((s) => s.reason)).toEqual(["formula", "merged", "sheet-missing"]);
    expect(outcome.applied).toEqual([edits[2]]);
    expect(fake.cell("Extra", "C1")).toMatchObject({ value: 30, formula: "=A1+B1" });
    expect(fake.cell("Extra", "B2")).toBeUndefined();
    expect(fake.cell("Extra", "A2")?.value).toBe("合并");

    const overwrite = expectApplied(await host.apply([edits[0]!], { overwriteFormulas: true }));
    expect(overwrite.applied).toEqual([edits[0]]);
    expect(fake.cell("Extra", "C1")).toMatchObject({ value: 31, fill: FIXED_FILL });
    expect(fake.cell("Extra", "C1")?.formula).toBeUndefined();
    const log = parseRevertLog(String(fake.settings.get(REVERT_LOG_KEY)));
    expect(log.ok && log.log.entries.at(-1)?.original).toEqual({ value: 30, formula: "=A1+B1", numberFormat: null, fill: null });
  });

  test("a renamed sheet: its edits are sheet-missing, nothing is written there", async () => {
    const { fake, host } = setup();
    const fixes = sampleFixes();
    fake.renameSheet(A2, "附件二");
    const before = fake.dump();
    const outcome = expectApplied(await host.apply([fixes[0]!]));
    expect(outcome.stale).toEqual([{ edit: fixes[0], reason: "sheet-missing" }]);
    expect(outcome.applied).toEqual([]);
    expect(fake.dump()).toEqual(before);
  });

  test("a missing sheet when Excel refuses chained calls on null objects: one retry, same outcome", async () => {
    const { fake, host } = setup({ nullChaining: "throw" });
    const fixes = sampleFixes();
    fake.deleteSheet(A2);
    const { result, syncs } = await syncsOf(fake, () => host.apply(fixes));
    const outcome = expectApplied(result);
    expect(outcome.stale).toEqual([{ edit: fixes[0], reason: "sheet-missing" }]);
    expect(outcome.applied).toEqual([fixes[1]]);
    expect(fake.cell(A3, "I5")?.value).toBe(10);
    expect(syncs).toBe(4); // failed probe + sheet list + probe + write
  });

  test("a protected target sheet: clear zh/en message and no write at all", async () => {
    const { fake, host } = setup();
    fake.protect(A3);
    const before = fake.dump();
    const { result, syncs } = await syncsOf(fake, () => host.apply(sampleFixes()));
    const error = expectError(result);
    expect(error.code).toBe("protected");
    expect(error.untouched).toBe(true);
    expect(error.message.zh).toContain("附件3");
    expect(error.message.zh).toContain("受保护");
    expect(error.message.en).toContain("protected");
    expect(fake.dump()).toEqual(before);
    expect(syncs).toBe(1); // the write batch is never sent
    expect(await host.canRevert()).toBe(false);
  });

  test("formula-like text is written as text and reads back as text, not a formula", async () => {
    const spec: WorkbookSpec = { sheets: [{ name: "T", rows: [["a", "b", "c", "d", "e", "f", "g", "h", "i"]] }] };
    const { fake, host } = setup({ spec });
    const texts = ["=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-2+3", "'quoted", "0.60", "TRUE", "#N/A", "2023-01-31"];
    const edits = texts.map((text, i) => edit("T", `${String.fromCharCode(65 + i)}1`, String.fromCharCode(97 + i), text));
    const outcome = expectApplied(await host.apply(edits));
    expect(outcome.applied).toHaveLength(texts.length);
    texts.forEach((text, i) => {
      const cell = fake.cell("T", `${String.fromCharCode(65 + i)}1`);
      expect(cell?.value).toBe(text);
      expect(cell?.formula).toBeUndefined();
      expect(cell?.numberFormat).toBe("General");
    });
    const read = await host.read();
    if (!read.ok) throw new Error("read failed");
    texts.forEach((text, i) => expect(read.snapshot.sheets[0]!.cell(0, i)).toEqual({ value: text }));
  });

  test("the fake would have turned careless writes into formulas (the test above can fail)", async () => {
    const spec: WorkbookSpec = { sheets: [{ name: "T", rows: [["a"]] }] };
    const { fake } = setup({ spec });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("T").getRange("A1:D1").values = [["=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-2+3"]];
      await context.sync();
    });
    for (const a1 of ["A1", "B1", "C1", "D1"]) expect(fake.cell("T", a1)?.formula).toMatch(/^=/);
  });

  test("numbers keep the cell's own format when the edit has none", async () => {
    const { fake, host } = setup({ spec: withExtras });
    expectApplied(await host.apply([edit("Extra", "D3", 1, 2.5)]));
    expect(fake.cell("Extra", "D3")).toMatchObject({ value: 2.5, numberFormat: "0.00", fill: FIXED_FILL });
  });

  test("undo grouping (mergeUndoGroup) only when ExcelApi 1.20 is supported", async () => {
    const modern = setup({ apiVersion: "1.20" });
    const grouped = expectApplied(await modern.host.apply(sampleFixes()));
    expect(grouped.undoGrouped).toBe(true);
    expect(modern.fake.lastRunOptions).toEqual({ mergeUndoGroup: true });

    const older = setup({ apiVersion: "1.19" });
    const plain = expectApplied(await older.host.apply(sampleFixes()));
    expect(plain.undoGrouped).toBe(false);
    expect(older.fake.runOptionsLog.every((o) => o === null)).toBe(true);
    expect(older.fake.cell(A2, "D4")?.value).toBe(1.6667);
  });

  test("without ExcelApi 1.9 / 1.13 apply still works; no highlight is painted (a fill cannot be read back exactly there)", async () => {
    const { fake, host } = setup({ apiVersion: "1.8" });
    const outcome = expectApplied(await host.apply(sampleFixes()));
    expect(outcome.applied).toHaveLength(2);
    expect(fake.cell(A2, "D4")?.value).toBe(1.6667);
    expect(fake.cell(A2, "D4")?.fill ?? null).toBeNull();
  });

  test("a second apply appends to the log; an empty edit list touches nothing", async () => {
    const { fake, host } = setup();
    const fixes = sampleFixes();
    expectApplied(await host.apply([fixes[0]!]));
    expectApplied(await host.apply([fixes[1]!]));
    const log = parseRevertLog(String(fake.settings.get(REVERT_LOG_KEY)));
    expect(log.ok && log.log.entries).toHaveLength(2);
    const { syncs } = await syncsOf(fake, () => host.apply([]));
    expect(syncs).toBe(0);
  });

  test("two edits of the same cell in one batch: the second must match the first's result", async () => {
    const { fake, host } = setup();
    const first = edit(A3, "I5", 98, 10, "0.00");
    const second = edit(A3, "I5", 10, 9.5);
    const wrong = edit(A3, "I5", 98, 1);
    const outcome = expectApplied(await host.apply([first, second, wrong]));
    expect(outcome.applied).toEqual([first, second]);
    expect(outcome.stale).toEqual([{ edit: wrong, reason: "changed" }]);
    expect(fake.cell(A3, "I5")?.value).toBe(9.5);
  });
});

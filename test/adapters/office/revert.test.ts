import type { WorkbookSpec } from "../../../src/adapters/memory/grid-spec";
import { createOfficeHost, REVERT_LOG_KEY } from "../../../src/adapters/office";
import { edit, expectApplied, expectError, expectReverted, sample, sampleFixes, setup, syncsOf } from "./helpers";

const A2 = "附件2";
const A3 = "附件3";

/** Cells with every kind of content a fix may overwrite. */
const rich: WorkbookSpec = {
  sheets: [
    ...sample.sheets,
    {
      name: "R",
      rows: [
        [{ v: 30, f: "=A2+B2", fmt: "0.00" }, "=text typed with apostrophe", "+1+1", { v: { error: "#DIV/0!" } }, null, { v: 0.25, fmt: "0%" }],
        [10, 20, true, "0012", { v: 45291, fmt: "yyyy-mm-dd" }],
      ],
    },
  ],
};

function fillCells(fake: ReturnType<typeof setup>["fake"]): void {
  fake.putCell("R", 0, 0, { value: 30, formula: "=A2+B2", numberFormat: "0.00", fill: "#FF0000" });
  fake.putCell("R", 0, 5, { value: 0.25, numberFormat: "0%", fill: "#FFFFFF" });
}

describe("OfficeHost.revert", () => {
  test("restores value, formula, number format and fill of every changed cell exactly; 2 syncs", async () => {
    const { fake, host } = setup({ spec: rich });
    fillCells(fake);
    const before = fake.dump();
    const edits = [
      edit("R", "A1", 30, 31, "0"),
      edit("R", "B1", "=text typed with apostrophe", "plain"),
      edit("R", "C1", "+1+1", 2),
      edit("R", "D1", { error: "#DIV/0!" }, 0, "0.00"),
      edit("R", "E1", null, "new"),
      edit("R", "F1", 0.25, 0.3),
      edit("R", "C2", true, "yes"),
      edit("R", "D2", "0012", 12),
      edit("R", "E2", "2023-12-31", 45292),
      ...sampleFixes(),
    ];
    const applied = expectApplied(await host.apply(edits, { overwriteFormulas: true }));
    expect(applied.applied).toHaveLength(edits.length);
    expect(fake.dump()).not.toEqual(before);

    const { result, syncs } = await syncsOf(fake, () => host.revert());
    const outcome = expectReverted(result);
    expect(syncs).toBeLessThanOrEqual(2);
    expect(outcome.skipped).toEqual([]);
    expect(outcome.restored).toHaveLength(edits.length);
    expect(fake.dump()).toEqual(before);
    // Text that looks like a formula came back as text, the real formula as a formula.
    expect(fake.cell("R", "B1")).toMatchObject({ value: "=text typed with apostrophe" });
    expect(fake.cell("R", "B1")?.formula).toBeUndefined();
    expect(fake.cell("R", "C1")?.formula).toBeUndefined();
    expect(fake.cell("R", "A1")).toMatchObject({ value: 30, formula: "=A2+B2", numberFormat: "0.00", fill: "#FF0000" });
    expect(fake.settings.has(REVERT_LOG_KEY)).toBe(false);
    expect(await host.canRevert()).toBe(false);
  });

  test("a cell the user changed after apply is skipped (changed-since); the rest is restored", async () => {
    const { fake, host } = setup();
    const fixes = sampleFixes();
    expectApplied(await host.apply(fixes));
    fake.typeInto(A3, "I5", 11);
    const outcome = expectReverted(await host.revert());
    expect(outcome.skipped).toEqual([{ at: fixes[1]!.at, reason: "changed-since" }]);
    expect(outcome.restored).toEqual([fixes[0]!.at]);
    expect(fake.cell(A2, "D4")).toMatchObject({ value: 0.6, numberFormat: "0%", fill: null });
    expect(fake.cell(A3, "I5")).toMatchObject({ value: 11, fill: "#FFF2CC" });
    expect(fake.settings.has(REVERT_LOG_KEY)).toBe(false);
  });

  test("a sheet deleted after apply: its cells are skipped as sheet-missing", async () => {
    const { fake, host } = setup();
    const fixes = sampleFixes();
    expectApplied(await host.apply(fixes));
    fake.deleteSheet(A2);
    const outcome = expectReverted(await host.revert());
    expect(outcome.skipped).toEqual([{ at: fixes[0]!.at, reason: "sheet-missing" }]);
    expect(outcome.restored).toEqual([fixes[1]!.at]);
  });

  test("a cell fixed twice ends with its very first content", async () => {
    const { fake, host } = setup();
    const before = fake.dump();
    expectApplied(await host.apply([edit(A3, "I5", 98, 10, "0.00")]));
    expectApplied(await host.apply([edit(A3, "I5", 10, 9)]));
    expectReverted(await host.revert());
    expect(fake.dump()).toEqual(before);
  });

  test("removed log → no-revert-log; nothing touched", async () => {
    const { fake, host } = setup();
    expectApplied(await host.apply(sampleFixes()));
    fake.settings.delete(REVERT_LOG_KEY);
    const before = fake.dump();
    const error = expectError(await host.revert());
    expect(error.code).toBe("no-revert-log");
    expect(error.untouched).toBe(true);
    expect(fake.dump()).toEqual(before);
    expect(await host.canRevert()).toBe(false);
  });

  test.each([
    ["not JSON", "{ this is not json"],
    ["wrong schema", JSON.stringify({ version: 1, entries: [{ sheet: "附件2", row: -1 }] })],
    ["future version", JSON.stringify({ version: 99, entries: [] })],
    ["not a string", 42],
  ])("corrupt log (%s) → corrupt-revert-log, nothing touched", async (_name, stored) => {
    const { fake, host } = setup();
    expectApplied(await host.apply(sampleFixes()));
    fake.settings.set(REVERT_LOG_KEY, stored);
    const before = fake.dump();
    const error = expectError(await host.revert());
    expect(error.code).toBe("corrupt-revert-log");
    expect(error.untouched).toBe(true);
    expect(fake.dump()).toEqual(before);
  });

  test("a new host (pane reopened) reverts the log stored in the workbook; 3 syncs without canRevert, 2 after", async () => {
    const { fake, host } = setup();
    const before = fake.dump();
    expectApplied(await host.apply(sampleFixes()));

    const fresh = createOfficeHost(fake.run, fake.requirements);
    const { result, syncs } = await syncsOf(fake, () => fresh.revert());
    expectReverted(result);
    expect(syncs).toBe(3);
    expect(fake.dump()).toEqual(before);

    expectApplied(await host.apply(sampleFixes()));
    const reopened = createOfficeHost(fake.run, fake.requirements);
    expect(await reopened.canRevert()).toBe(true);
    const second = await syncsOf(fake, () => reopened.revert());
    expectReverted(second.result);
    expect(second.syncs).toBe(2);
    expect(fake.dump()).toEqual(before);
  });

  test("a protected sheet blocks the revert entirely", async () => {
    const { fake, host } = setup();
    expectApplied(await host.apply(sampleFixes()));
    fake.protect(A2);
    const before = fake.dump();
    const error = expectError(await host.revert());
    expect(error.code).toBe("protected");
    expect(fake.dump()).toEqual(before);
    fake.protect(A2, false);
    expectReverted(await host.revert());
  });

  test("with the strict null-object behaviour, a deleted sheet costs one retry", async () => {
    const { fake, host } = setup({ nullChaining: "throw" });
    const fixes = sampleFixes();
    expectApplied(await host.apply(fixes));
    fake.deleteSheet(A2);
    const outcome = expectReverted(await host.revert());
    expect(outcome.skipped).toEqual([{ at: fixes[0]!.at, reason: "sheet-missing" }]);
    expect(fake.cell(A3, "I5")?.value).toBe(98);
  });
});

/**
 * The Office adapter where Excel offers less (issue 15, point 3), on the Excel fake with the
 * requirement sets switched: a workbook past 512 merged areas is read again without merges;
 * below ExcelApi 1.13 merges are unknown and no fix goes into a cell a merge may cover; below 1.9
 * a white fill survives a fix and its revert.
 */
import type { WorkbookSpec } from "../../../src/adapters/memory/grid-spec";
import type { CellEdit } from "../../../src/core";
import { edit, expectApplied, sample, sampleFixes, setup } from "./helpers";

const A2 = "附件2";

/** The sample beside a sheet of 600 one-row merges (a long form laid out with merged cells). */
const manyMerges: WorkbookSpec = {
  sheets: [
    ...sample.sheets,
    { name: "明细", rows: Array.from({ length: 600 }, (_, r) => [`第${r + 1}行`]), merges: Array.from({ length: 600 }, (_, r) => `A${r + 1}:B${r + 1}`) },
  ],
};

/** An edit into an empty cell of 附件2 (G4 is blank in the sample). */
const intoEmpty: CellEdit = { at: { sheet: A2, row: 3, col: 6 }, before: null, after: 1 };

describe("past 512 merged areas", () => {
  test("the read is done again without merges, the workbook is still checked, and the read says so", async () => {
    const { fake, host } = setup({ spec: manyMerges });
    const read = await host.read();
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.mergesUnknown).toBe("failed");
    expect(read.snapshot.sheets.map((s) => s.name)).toEqual([A2, "附件3", "明细"]);
    expect(fake.runCount).toBe(2);
    // Not remembered: one failure (perhaps transient) never leaves the session without merges.
    fake.resetCounts();
    expect((await host.read()).ok).toBe(true);
    expect(fake.runCount).toBe(2);
  });

  test("apply probes the merges around its targets only (few): the fixes are written, an empty target too", async () => {
    const { fake, host } = setup({ spec: manyMerges });
    await host.read();
    const outcome = expectApplied(await host.apply([...sampleFixes(), intoEmpty]));
    expect(outcome.applied).toHaveLength(3);
    expect(fake.cell(A2, "G4")?.value).toBe(1);
  });

  test("a GeneralException at the first sync (not the merges) is reported, not retried", async () => {
    const { fake, host } = setup({ spec: manyMerges });
    fake.failAtSync(1, "GeneralException");
    const read = await host.read();
    expect(read.ok).toBe(false);
    expect(fake.runCount).toBe(1);
  });
});

describe("below ExcelApi 1.13 (merges unknown)", () => {
  test("the read says merges are unknown; an empty target is refused with its reason, a filled one is written", async () => {
    const { fake, host } = setup({ apiVersion: "1.12" });
    const read = await host.read();
    expect(read.ok && read.mergesUnknown).toBe("unsupported");
    const outcome = expectApplied(await host.apply([...sampleFixes(), intoEmpty]));
    expect(outcome.applied.map((e) => `${e.at.row},${e.at.col}`)).toEqual(["3,3", "4,8"]);
    expect(outcome.stale).toEqual([{ edit: intoEmpty, reason: "merge-unknown" }]);
    expect(fake.cell(A2, "G4")?.value ?? null).toBeNull();
  });

  test("with ExcelApi 1.13 the same empty cell is written (its merges are known)", async () => {
    const { fake, host } = setup({ apiVersion: "1.13" });
    const read = await host.read();
    expect(read.ok && read.mergesUnknown).toBeUndefined();
    expect(expectApplied(await host.apply([intoEmpty])).applied).toEqual([intoEmpty]);
    expect(fake.cell(A2, "G4")?.value).toBe(1);
  });
});

describe("below ExcelApi 1.9 (a fill cannot be read exactly)", () => {
  test("a white-filled cell keeps its white through a fix and its revert", async () => {
    const { fake, host } = setup({ apiVersion: "1.8" });
    fake.putCell(A2, 3, 3, { value: 0.6, numberFormat: "0%", fill: "#FFFFFF" });
    const [controlRate] = sampleFixes();
    expectApplied(await host.apply([controlRate!]));
    expect(fake.cell(A2, "D4")).toMatchObject({ value: 1.6667, fill: "#FFFFFF" });
    const reverted = await host.revert();
    expect(reverted.ok).toBe(true);
    expect(fake.cell(A2, "D4")).toMatchObject({ value: 0.6, numberFormat: "0%", fill: "#FFFFFF" });
  });

  test("from ExcelApi 1.9 the fill is read with its pattern: highlighted, then restored exactly", async () => {
    const { fake, host } = setup({ apiVersion: "1.9" });
    fake.putCell(A2, 3, 3, { value: 0.6, numberFormat: "0%", fill: "#FFFFFF" });
    expectApplied(await host.apply([sampleFixes()[0]!]));
    expect(fake.cell(A2, "D4")?.fill).not.toBe("#FFFFFF");
    expect((await host.revert()).ok).toBe(true);
    expect(fake.cell(A2, "D4")).toMatchObject({ value: 0.6, fill: "#FFFFFF" });
  });
});

void edit;

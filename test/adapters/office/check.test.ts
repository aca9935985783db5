/**
 * Round trips of the pane's three workbook actions, over the Excel fake (which counts syncs and
 * runs). A check (read: the snapshot, the review notes and whether a revert log exists) takes at
 * most 2 syncs in one Excel.run; apply and revert stay at 2 — for the sample and for a workbook
 * of 12 sheets of 5,000 rows alike.
 */
import type { CellSpec, WorkbookSpec } from "../../../src/adapters/memory/grid-spec";
import { createOfficeHost } from "../../../src/adapters/office";
import { REVERT_LOG_KEY, REVIEW_NOTES_KEY, type ReviewNote, type WorkbookHost } from "../../../src/host/ports";
import { serializeReviewNotes } from "../../../src/host/review-notes";
import type { ExcelFake, FakeOptions } from "../../fakes/excel-fake";
import { expectApplied, expectReverted, sample, sampleFixes, setup, syncsOf } from "./helpers";

const NOTE: ReviewNote = { ruleId: "x.project-spending", sheet: "附件3", cell: "F8", reason: "口径不同", acceptedAt: "2024-03-01T08:00:00Z" };

function bigSpec(): WorkbookSpec {
  const rows: CellSpec[][] = Array.from({ length: 5000 }, (_, r) => [`row ${r}`, r, r * 1.5, { v: r / 5000, fmt: "0.00%" }, r % 7 === 0 ? { v: 1, f: `=B${r + 1}` } : null]);
  return { sheets: [...sample.sheets, ...Array.from({ length: 10 }, (_, i) => ({ name: `Data${i + 1}`, rows, merges: ["F1:H2", "F10:F20"] }))] };
}

/** One pane action's cost: syncs and Excel.run calls. */
async function cost<T>(fake: ExcelFake, call: () => Promise<T>): Promise<{ result: T; syncs: number; runs: number }> {
  const runs = fake.runCount;
  const { result, syncs } = await syncsOf(fake, call);
  return { result, syncs, runs: fake.runCount - runs };
}

async function check(host: WorkbookHost) {
  const read = await host.read();
  if (!read.ok) throw new Error(`read failed: ${read.code} ${read.message.en}`);
  return read;
}

describe.each([
  ["the sample", () => setup()],
  ["12 sheets of 5,000 rows", () => setup({ spec: bigSpec() })],
])("%s", (_label, make) => {
  test("a check is one Excel.run of at most 2 syncs, and brings the notes and whether a revert log exists", async () => {
    const { fake, host } = make();
    fake.settings.set(REVIEW_NOTES_KEY, serializeReviewNotes([NOTE]));
    const first = await cost(fake, () => check(host));
    expect({ syncs: first.syncs <= 2, runs: first.runs }).toEqual({ syncs: true, runs: 1 });
    expect(first.result.notes).toEqual([NOTE]);
    expect(first.result.canRevert).toBe(false);
    expect(first.result.snapshot.sheets.map((s) => s.name)).toEqual(fake.sheets.map((s) => s.name));
  });

  test("check, apply, check, revert, check: 2 syncs each; revert by a pane reopened after a check: 2", async () => {
    const { fake, host } = make();
    const syncs: Record<string, number> = {};
    syncs.check = (await cost(fake, () => check(host))).syncs;
    const applied = await cost(fake, () => host.apply(sampleFixes()));
    expect(expectApplied(applied.result).applied).toHaveLength(2);
    syncs.apply = applied.syncs;
    const afterApply = await cost(fake, () => check(host));
    expect(afterApply.result.canRevert).toBe(true);
    syncs.checkAfterApply = afterApply.syncs;

    // The pane reopened (a new host): its check reads the stored log, so revert needs no extra sync.
    const reopened = createOfficeHost(fake.run, fake.requirements);
    expect((await check(reopened)).canRevert).toBe(true);
    const reverted = await cost(fake, () => reopened.revert());
    expect(expectReverted(reverted.result).restored).toHaveLength(2);
    syncs.revert = reverted.syncs;
    const afterRevert = await cost(fake, () => check(reopened));
    expect(afterRevert.result.canRevert).toBe(false);
    syncs.checkAfterRevert = afterRevert.syncs;

    expect(syncs).toEqual({ check: 2, apply: 2, checkAfterApply: 2, revert: 2, checkAfterRevert: 2 });
  });
});

describe("what a check reports about the stored settings", () => {
  test.each<[string, FakeOptions]>([
    ["ExcelApi 1.20", {}],
    ["null objects that throw when chained", { nullChaining: "throw" }],
    ["ExcelApi 1.12 (no merges)", { apiVersion: "1.12" }],
  ])("no log and no notes (%s): none, canRevert false, still 2 syncs", async (_label, options) => {
    const { fake, host } = setup(options);
    const { result, syncs } = await cost(fake, () => check(host));
    expect([result.notes, result.canRevert, syncs]).toEqual([[], false, 2]);
  });

  test("a damaged log or damaged notes count as none, like canRevert() and loadReviewNotes()", async () => {
    const { fake, host } = setup();
    fake.settings.set(REVERT_LOG_KEY, "{not json");
    fake.settings.set(REVIEW_NOTES_KEY, "[1,2");
    const read = await check(host);
    expect([read.notes, read.canRevert]).toEqual([[], false]);
    expect([await host.loadReviewNotes(), await host.canRevert()]).toEqual([[], false]);
  });

  test("an empty log is nothing to revert; a log stored as an object (another writer) is read", async () => {
    const { fake, host } = setup();
    fake.settings.set(REVERT_LOG_KEY, JSON.stringify({ version: 1, entries: [] }));
    expect((await check(host)).canRevert).toBe(false);
    fake.settings.set(REVERT_LOG_KEY, { version: 1, entries: [{ sheet: "附件3", row: 4, col: 8, original: null, written: 98 }] });
    expect((await check(host)).canRevert).toBe(true);
  });

  test("read and the separate calls agree, on a workbook with a log and notes", async () => {
    const { fake, host } = setup();
    expectApplied(await host.apply(sampleFixes()));
    fake.settings.set(REVIEW_NOTES_KEY, serializeReviewNotes([NOTE]));
    const read = await check(host);
    expect({ notes: read.notes, canRevert: read.canRevert }).toEqual({ notes: await host.loadReviewNotes(), canRevert: await host.canRevert() });
  });

  test("a failed check is a HostError, untouched, and leaves nothing behind", async () => {
    const { fake, host } = setup();
    fake.failAtSync(1, "GeneralException");
    const before = fake.dump();
    const read = await host.read();
    expect(read.ok === false && [read.code, read.untouched]).toEqual(["unknown", true]);
    expect(fake.dump()).toEqual(before);
  });
});

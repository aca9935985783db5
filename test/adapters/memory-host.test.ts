// The memory host keeps the same promises as the Office host: checked writes, exact revert,
// all-or-nothing on protected sheets, a damaged revert log touches nothing.
import { MemoryHost, REVERT_LOG_KEY } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { planFixes, validate, type CellEdit } from "../../src/core";
import { FIXED_FILL } from "../../src/host/ports";
import { SparseSheet } from "../../src/core/grid/workbook";
import { readFileSync } from "node:fs";
import { generate, OUT } from "../../scripts/gen-rule-docs";

function sampleHost() {
  return new MemoryHost(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023));
}

async function safeEdits(host: MemoryHost): Promise<CellEdit[]> {
  const read = await host.read();
  if (!read.ok) throw new Error("unreadable");
  return planFixes(validate(read.snapshot).findings);
}

test("apply writes numbers with formats and the highlight, and records a revert log", async () => {
  const host = sampleHost();
  const edits = await safeEdits(host);
  const outcome = await host.apply(edits);
  expect(outcome.ok && outcome.applied.length).toBe(2);
  expect(host.workbook.cell("附件2", 3, 3)).toEqual({ value: 1.6667, numberFormat: "0.00%", fill: FIXED_FILL });
  expect(await host.canRevert()).toBe(true);
});

test("a cell changed since validation is refused and left as the user typed it", async () => {
  const host = sampleHost();
  const edits = await safeEdits(host);
  host.workbook.setCell("附件3", 4, 8, { value: 9 });
  const outcome = await host.apply(edits);
  if (!outcome.ok) throw new Error("apply failed");
  expect(outcome.stale.map((s) => s.reason)).toEqual(["changed"]);
  expect(host.workbook.cell("附件3", 4, 8)).toEqual({ value: 9 });
});

test("formula cells are kept unless the user chose to overwrite them", async () => {
  const host = sampleHost();
  const edits = await safeEdits(host);
  host.workbook.setCell("附件2", 3, 3, { value: 0.6, formula: "=B4/C4", numberFormat: "0%" });
  const outcome = await host.apply(edits);
  if (!outcome.ok) throw new Error("apply failed");
  expect(outcome.stale.find((s) => s.edit.at.sheet === "附件2")?.reason).toBe("formula");
  expect(host.workbook.cell("附件2", 3, 3)?.formula).toBe("=B4/C4");
});

test("a protected sheet: clear message, nothing written", async () => {
  const host = sampleHost();
  const edits = await safeEdits(host);
  host.workbook.sheet("附件3")!.protected = true;
  const before = host.workbook.read();
  const outcome = await host.apply(edits);
  expect(outcome.ok).toBe(false);
  if (!outcome.ok) {
    expect(outcome.code).toBe("protected");
    expect(outcome.message.zh).toContain("受保护");
    expect(outcome.untouched).toBe(true);
  }
  expect(host.workbook.read()).toEqual(before);
});

test("revert restores value, number format and fill exactly, skipping cells edited after the fix", async () => {
  const host = sampleHost();
  const before = host.workbook.read();
  await host.apply(await safeEdits(host));
  host.workbook.setCell("附件2", 3, 3, { value: 1.5 });
  const outcome = await host.revert();
  if (!outcome.ok) throw new Error("revert failed");
  expect(outcome.restored).toEqual([{ sheet: "附件3", row: 4, col: 8 }]);
  expect(outcome.skipped).toEqual([{ at: { sheet: "附件2", row: 3, col: 3 }, reason: "changed-since" }]);
  expect(host.workbook.cell("附件3", 4, 8)).toEqual(before.sheets[1]!.cell(4, 8));
  expect(await host.canRevert()).toBe(false);
});

test("a revert log removed or damaged by hand: a clear message and nothing touched", async () => {
  const host = sampleHost();
  await host.apply(await safeEdits(host));
  const afterApply = host.workbook.read();
  host.settings.set(REVERT_LOG_KEY, "{not json");
  const damaged = await host.revert();
  expect(damaged.ok === false && damaged.code).toBe("corrupt-revert-log");
  expect(host.workbook.read()).toEqual(afterApply);
  host.settings.delete(REVERT_LOG_KEY);
  const missing = await host.revert();
  expect(missing.ok === false && missing.code).toBe("no-revert-log");
});

// Found by test/write-safety: the memory host checked every edit of a batch against the cells
// as they were before the batch, so a cell aimed at twice was written twice (the Office host
// refuses the second edit, whose `before` no longer matches).
test("a cell edited twice in one batch: the second edit is checked against the first one's result", async () => {
  const host = new MemoryHost(new MemoryWorkbook({ sheets: [] }));
  host.workbook.putSheet(new SparseSheet("O'Brien"));
  const at = { sheet: "O'Brien", row: 3, col: 2 };
  const outcome = await host.apply([{ at, before: null, after: 87498 }, { at, before: null, after: 0 }]);
  if (!outcome.ok) throw new Error("apply failed");
  expect(outcome.applied.map((e) => e.after)).toEqual([87498]);
  expect(outcome.stale.map((s) => s.reason)).toEqual(["changed"]);
  expect(host.workbook.cell("O'Brien", 3, 2)?.value).toBe(87498);
});

// Found by test/write-safety: revert compared values only, so a formula typed over a fixed cell
// (showing the same result) was wiped out by 撤销修正; the Office host leaves it alone.
test("revert leaves a formula typed over a fixed cell, even when it shows the value we wrote", async () => {
  const host = sampleHost();
  await host.apply(await safeEdits(host));
  host.workbook.setCell("附件3", 4, 8, { value: 10, formula: "=J5*0+10" });
  const outcome = await host.revert();
  if (!outcome.ok) throw new Error("revert failed");
  expect(outcome.skipped).toEqual([{ at: { sheet: "附件3", row: 4, col: 8 }, reason: "changed-since" }]);
  expect(host.workbook.cell("附件3", 4, 8)).toEqual({ value: 10, formula: "=J5*0+10" });
});

test("revert onto a sheet protected since the fix: refused whole, log kept, nothing touched", async () => {
  const host = sampleHost();
  await host.apply(await safeEdits(host));
  host.workbook.sheet("附件3")!.protected = true;
  const afterApply = host.workbook.read();
  const outcome = await host.revert();
  expect(outcome.ok === false && [outcome.code, outcome.untouched]).toEqual(["protected", true]);
  expect(host.workbook.read()).toEqual(afterApply);
  expect(await host.canRevert()).toBe(true);
});

test("read() brings what a check needs: the snapshot, the review notes, whether a revert log exists", async () => {
  const host = sampleHost();
  const note = { ruleId: "x.project-spending", sheet: "附件3", cell: "F8", reason: "口径不同", acceptedAt: "2024-03-01T08:00:00Z" };
  expect(await host.saveReviewNotes([note])).toEqual({ ok: true });
  const first = await host.read();
  expect([first.notes, first.canRevert]).toEqual([[note], false]);
  await host.apply(await safeEdits(host));
  expect((await host.read()).canRevert).toBe(true);
  host.settings.set(REVERT_LOG_KEY, "{not json");
  expect((await host.read()).canRevert).toBe(false);
});

// MemoryWorkbook.apply (the bare workbook of the core tests) decides through the same planner as
// the hosts; it used to write into merge followers, drop the cell's fill, and skip only the edits
// of a protected sheet while writing the others.
describe("MemoryWorkbook.apply: the hosts' rules, without highlight or log", () => {
  function bare() {
    const sheet = new SparseSheet("S");
    sheet.set(0, 0, { value: 1, fill: "#C6EFCE" });
    sheet.set(1, 0, { value: 5, formula: "=2+3" });
    sheet.set(2, 0, { value: "merged" });
    sheet.addMerge({ sheet: "S", top: 2, left: 0, bottom: 2, right: 1 });
    return new MemoryWorkbook({ sheets: [sheet] });
  }
  const at = (row: number, col: number) => ({ sheet: "S", row, col });

  test("writes value and format, keeps the cell's fill, adds none", () => {
    const workbook = bare();
    const result = workbook.apply([{ at: at(0, 0), before: 1, after: 2, numberFormat: "0.00" }, { at: at(4, 4), before: null, after: "x" }]);
    expect(result.stale).toEqual([]);
    expect(workbook.cell("S", 0, 0)).toEqual({ value: 2, numberFormat: "0.00", fill: "#C6EFCE" });
    expect(workbook.cell("S", 4, 4)).toEqual({ value: "x" });
  });

  test("refuses formulas (unless asked), merge followers, missing sheets and a changed `before`", () => {
    const workbook = bare();
    const edits: CellEdit[] = [
      { at: at(1, 0), before: 5, after: 6 },
      { at: at(2, 1), before: null, after: 1 },
      { at: { sheet: "gone", row: 0, col: 0 }, before: null, after: 1 },
      { at: at(0, 0), before: 7, after: 1 },
    ];
    expect(workbook.apply(edits)).toEqual({ applied: [], stale: edits });
    expect(workbook.apply([edits[0]!], { overwriteFormulas: true }).applied).toEqual([edits[0]]);
    expect(workbook.cell("S", 1, 0)).toEqual({ value: 6 });
  });

  test("a cell aimed at twice is checked against the first edit's result", () => {
    const workbook = bare();
    const first: CellEdit = { at: at(0, 0), before: 1, after: 2 };
    const second: CellEdit = { at: at(0, 0), before: 1, after: 3 };
    expect(workbook.apply([first, second])).toEqual({ applied: [first], stale: [second] });
  });

  test("an edit aimed at a protected sheet refuses the batch: every edit stale, nothing written", () => {
    const workbook = bare();
    const locked = new SparseSheet("L");
    locked.protected = true;
    workbook.putSheet(locked);
    const before = workbook.read();
    const edits: CellEdit[] = [{ at: at(0, 0), before: 1, after: 2 }, { at: { sheet: "L", row: 0, col: 0 }, before: null, after: 1 }];
    expect(workbook.apply(edits)).toEqual({ applied: [], stale: edits });
    expect(workbook.read()).toEqual(before);
  });
});

test("the pane's rule help is generated from the current docs (run scripts/gen-rule-docs.js)", () => {
  expect(readFileSync(OUT, "utf8")).toBe(generate());
});

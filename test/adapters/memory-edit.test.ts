// The memory host's user edits (the demo grid's editor): Excel's parsing of plain input, formats
// and fills kept, merged areas written at their top-left, refusals untouched; and watch reports
// exactly those edits, never the host's own apply, revert, writeReport or insertTemplate.
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook, cellFromInput } from "../../src/adapters/memory/memory-workbook";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { planFixes, validate } from "../../src/core";
import { buildTemplate } from "../../src/core/template";
import type { Cell } from "../../src/core/grid/workbook";
import type { WorkbookChange } from "../../src/host/ports";

function sampleHost() {
  return new MemoryHost(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023));
}

const parsed = (input: string, before?: Cell) => {
  const result = cellFromInput(input, before);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.cell;
};

describe("cellFromInput: what typing stores", () => {
  test.each<[string, Cell]>([
    ["12", { value: 12 }],
    [" -3.5 ", { value: -3.5 }],
    ["1e3", { value: 1000 }],
    ["1,234.5", { value: 1234.5 }],
    ["12%", { value: 0.12, numberFormat: "0%" }],
    ["166.67%", { value: 1.6667, numberFormat: "0.00%" }],
    ["'00123", { value: "00123" }],
    ["'=A1", { value: "=A1" }],
    ["TRUE", { value: true }],
    ["false", { value: false }],
    ["#n/a", { value: { error: "#N/A" } }],
    ["2023-01-31", { value: "2023-01-31" }],
    ["150万", { value: "150万" }],
    ["1,23", { value: "1,23" }],
    ["  说明 ", { value: "  说明 " }],
    ["", { value: null }],
    ["   ", { value: null }],
  ])("%j into a blank cell", (input, expected) => {
    expect(parsed(input)).toEqual(expected);
  });

  test("a formula is refused", () => {
    expect(cellFromInput("=B4/C4", undefined)).toEqual({ ok: false, reason: "formula" });
    // A lone "=" is text, as in Excel.
    expect(parsed("=")).toEqual({ value: "=" });
  });

  test("format, fill, link and alignment stay; the formula goes", () => {
    const before: Cell = { value: 0.6, formula: "=C4/B4", numberFormat: "0.00%", fill: "#FFF2CC", link: "'附件2'!D4", align: "right" };
    expect(parsed("166.67%", before)).toEqual({ value: 1.6667, numberFormat: "0.00%", fill: "#FFF2CC", link: "'附件2'!D4", align: "right" });
    expect(parsed("", before)).toEqual({ value: null, numberFormat: "0.00%", fill: "#FFF2CC", link: "'附件2'!D4", align: "right" });
  });

  test("a percent typed into a cell with a number format keeps that format", () => {
    expect(parsed("12%", { value: 1, numberFormat: "0.00" })).toEqual({ value: 0.12, numberFormat: "0.00" });
    expect(parsed("12%", { value: 1, numberFormat: "General" })).toEqual({ value: 0.12, numberFormat: "0%" });
  });

  test("a plain number in a percent cell: 1 and above mean percent, below 1 is the fraction (Excel's automatic percent entry)", () => {
    const percentCell: Cell = { value: 0.6, numberFormat: "0.00%" };
    expect(parsed("60", percentCell).value).toBe(0.6);
    expect(parsed("166.67", percentCell).value).toBe(1.6667);
    expect(parsed("0.6", percentCell).value).toBe(0.6);
    expect(parsed("-5", percentCell).value).toBe(-0.05);
  });
});

describe("MemoryHost.edit", () => {
  test("writes the parsed value, keeps the cell's format, bumps the version and tells the grid", () => {
    const host = sampleHost();
    let told = 0;
    host.subscribe(() => told++);
    const version = host.version;
    expect(host.workbook.cell("附件2", 3, 3)).toEqual({ value: 0.6, numberFormat: "0%" });
    const outcome = host.edit({ sheet: "附件2", row: 3, col: 3 }, "166.67%");
    // The cell's own percent format stays (typing decimals does not change it).
    expect(outcome).toEqual({ ok: true, at: { sheet: "附件2", row: 3, col: 3 }, cell: { value: 1.6667, numberFormat: "0%" } });
    expect(host.workbook.cell("附件2", 3, 3)).toEqual({ value: 1.6667, numberFormat: "0%" });
    expect(host.version).toBe(version + 1);
    expect(told).toBe(1);
  });

  test("the edit is what validation sees next", async () => {
    const host = sampleHost();
    host.edit({ sheet: "附件2", row: 3, col: 3 }, "166.67%");
    const read = await host.read();
    if (!read.ok) throw new Error("unreadable");
    expect(validate(read.snapshot).findings.some((f) => f.ruleId === "a2.staff-control-rate")).toBe(false);
  });

  test("inside a merged area the top-left cell is written", () => {
    const host = sampleHost();
    const sheet = host.workbook.sheet("附件2")!;
    const merge = sheet.merges.find((m) => m.bottom > m.top || m.right > m.left)!;
    const outcome = host.edit({ sheet: "附件2", row: merge.bottom, col: merge.right }, "新标题");
    expect(outcome.ok && outcome.at).toEqual({ sheet: "附件2", row: merge.top, col: merge.left });
    expect(host.workbook.cell("附件2", merge.top, merge.left)?.value).toBe("新标题");
    expect(host.workbook.cell("附件2", merge.bottom, merge.right)).toBeUndefined();
  });

  test("refused, untouched and unreported: a formula, a protected sheet, a missing sheet", async () => {
    const host = sampleHost();
    const seen: WorkbookChange[][] = [];
    await host.watch((c) => seen.push([...c]));
    const before = host.workbook.read();
    const version = host.version;
    const formula = host.edit({ sheet: "附件2", row: 3, col: 3 }, "=C4/B4");
    expect(formula.ok === false && formula.code).toBe("not-supported");
    expect(formula.ok === false && formula.untouched).toBe(true);
    host.workbook.sheet("附件3")!.protected = true;
    const locked = host.edit({ sheet: "附件3", row: 4, col: 8 }, "10");
    expect(locked.ok === false && locked.code).toBe("protected");
    const missing = host.edit({ sheet: "没有", row: 0, col: 0 }, "1");
    expect(missing.ok === false && missing.code).toBe("sheet-missing");
    host.workbook.sheet("附件3")!.protected = false;
    expect(host.workbook.read()).toEqual(before);
    expect(host.version).toBe(version);
    expect(seen).toEqual([]);
  });
});

describe("MemoryHost.watch", () => {
  test("reports each user edit with its cell; unwatch stops it", async () => {
    const host = sampleHost();
    const seen: WorkbookChange[][] = [];
    const unwatch = await host.watch((c) => seen.push([...c]));
    host.edit({ sheet: "附件3", row: 4, col: 8 }, "10");
    expect(seen).toEqual([[{ sheet: "附件3", range: { sheet: "附件3", top: 4, left: 8, bottom: 4, right: 8 } }]]);
    unwatch();
    unwatch();
    host.edit({ sheet: "附件3", row: 4, col: 8 }, "9");
    expect(seen.length).toBe(1);
  });

  test("own writes re-render the grid but are never reported", async () => {
    const host = sampleHost();
    const seen: WorkbookChange[][] = [];
    await host.watch((c) => seen.push([...c]));
    let told = 0;
    host.subscribe(() => told++);
    const read = await host.read();
    if (!read.ok) throw new Error("unreadable");
    const applied = await host.apply(planFixes(validate(read.snapshot).findings));
    expect(applied.ok && applied.applied.length).toBe(2);
    expect((await host.revert()).ok).toBe(true);
    expect((await host.writeReport({ checkedAt: "2024-01-01T00:00:00Z", rulesVersion: "1", lang: "zh", rows: [] })).ok).toBe(true);
    host.workbook.removeSheet("附件2");
    host.workbook.removeSheet("附件3");
    expect((await host.insertTemplate(buildTemplate({ year: 2024, weights: "40-20-10-20" }))).ok).toBe(true);
    await host.saveReviewNotes([]);
    expect(told).toBe(4);
    expect(seen).toEqual([]);
  });

  test("a throwing listener does not stop the edit nor the other listeners", async () => {
    const host = sampleHost();
    const seen: number[] = [];
    await host.watch(() => {
      throw new Error("listener bug");
    });
    await host.watch(() => seen.push(1));
    const outcome = host.edit({ sheet: "附件2", row: 3, col: 3 }, "1");
    expect(outcome.ok).toBe(true);
    expect(seen).toEqual([1]);
  });
});

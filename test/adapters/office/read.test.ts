import { validate } from "../../../src/core";
import { snapshotFromSpec, type WorkbookSpec, type CellSpec } from "../../../src/adapters/memory/grid-spec";
import { qualifiedA1 } from "../../../src/core/grid/address";
import type { Finding } from "../../../src/core/findings/finding";
import type { SheetGrid, WorkbookSnapshot } from "../../../src/core/grid/workbook";
import { createOfficeHost } from "../../../src/adapters/office";
import { ExcelFake } from "../../fakes/excel-fake";
import { sample, setup, syncsOf } from "./helpers";

function expectSnapshot(result: Awaited<ReturnType<ReturnType<typeof setup>["host"]["read"]>>): WorkbookSnapshot {
  if (!result.ok) throw new Error(`read failed: ${result.code} ${result.message.en}`);
  return result.snapshot;
}

function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}|${f.severity}|${f.at ? qualifiedA1(f.at) : "-"}|${f.expected}|${f.actual}|${JSON.stringify(f.fix ?? null)}`);
}

function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetGrid {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** "" is a blank in Excel: the fake cannot hold an empty string, so the spec's "" reads as no cell. */
function cellsOf(sheet: SheetGrid): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (let r = 0; r < sheet.rowCount; r++) {
    for (let c = 0; c < sheet.colCount; c++) {
      const cell = sheet.cell(r, c);
      if (cell && !(cell.value === "" && cell.formula === undefined && cell.numberFormat === undefined)) map.set(`${r},${c}`, cell);
    }
  }
  return map;
}

describe("OfficeHost.read", () => {
  test("the sample read through the fake yields the same findings as the spec snapshot", async () => {
    const { host } = setup();
    const snapshot = expectSnapshot(await host.read());
    expect(summary(validate(snapshot).findings)).toEqual(summary(validate(snapshotFromSpec(sample)).findings));
    expect(validate(snapshot).findings.length).toBeGreaterThan(5);
  });

  test("cells, number formats, merges and protection match the spec snapshot", async () => {
    const spec: WorkbookSpec = { sheets: sample.sheets.map((s, i) => ({ ...s, protected: i === 1 })) };
    const { host } = setup({ spec });
    const snapshot = expectSnapshot(await host.read());
    const expected = snapshotFromSpec(spec);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    for (const want of expected.sheets) {
      const got = sheetOf(snapshot, want.name);
      expect(cellsOf(got)).toEqual(cellsOf(want));
      const key = (m: { top: number; left: number; bottom: number; right: number }) => `${m.top},${m.left},${m.bottom},${m.right}`;
      expect(got.merges.map(key).sort()).toEqual(want.merges.map(key).sort());
      expect(got.protected).toBe(want.protected);
    }
  });

  test("formulas, errors, booleans, dates and apostrophe text are told apart", async () => {
    const rows: CellSpec[][] = [
      [{ v: 0.6, f: "=C1/B1", fmt: "0%" }, 21, 35],
      [{ v: { error: "#DIV/0!" }, f: "=1/0" }, { v: { error: "#N/A" } }, true],
      [{ v: 45291, fmt: "yyyy\"年\"m\"月\"d\"日\"" }, { v: 45291.5, fmt: "yyyy-mm-dd hh:mm" }, { v: 0.5, fmt: "0.00%" }],
      ["=SUM(1)", "+1+1", "  indented"],
      [{ v: null, fmt: "0.00" }, "", 0],
    ];
    const { host } = setup({ spec: { sheets: [{ name: "S", rows }] } });
    const sheet = sheetOf(expectSnapshot(await host.read()), "S");
    expect(sheet.cell(0, 0)).toEqual({ value: 0.6, formula: "=C1/B1", numberFormat: "0%" });
    expect(sheet.cell(1, 0)).toEqual({ value: { error: "#DIV/0!" }, formula: "=1/0" });
    expect(sheet.cell(1, 1)).toEqual({ value: { error: "#N/A" } });
    expect(sheet.cell(1, 2)).toEqual({ value: true });
    expect(sheet.cell(2, 0)).toEqual({ value: "2023-12-31", numberFormat: "yyyy\"年\"m\"月\"d\"日\"" });
    expect(sheet.cell(2, 1)).toEqual({ value: "2023-12-31T12:00:00", numberFormat: "yyyy-mm-dd hh:mm" });
    expect(sheet.cell(2, 2)).toEqual({ value: 0.5, numberFormat: "0.00%" });
    // Text cells typed with an apostrophe: formulas returns the text, but it is no formula.
    expect(sheet.cell(3, 0)).toEqual({ value: "=SUM(1)" });
    expect(sheet.cell(3, 1)).toEqual({ value: "+1+1" });
    expect(sheet.cell(3, 2)).toEqual({ value: "  indented" });
    expect(sheet.cell(4, 0)).toEqual({ value: null, numberFormat: "0.00" });
    expect(sheet.cell(4, 1)).toBeUndefined();
    expect(sheet.cell(4, 2)).toEqual({ value: 0 });
  });

  test("blank sheets read as empty, used ranges not starting at A1 keep sheet coordinates", async () => {
    const fake = new ExcelFake();
    fake.addSheet("Empty");
    fake.addSheet("Offset");
    fake.putCell("Offset", 9, 5, { value: "x" });
    fake.mustSheet("Offset").merges.push({ top: 9, left: 5, bottom: 10, right: 7 });
    const host = createOfficeHost(fake.run, fake.requirements);
    const snapshot = expectSnapshot(await host.read());
    expect(sheetOf(snapshot, "Empty").rowCount).toBe(0);
    const offset = sheetOf(snapshot, "Offset");
    expect(offset.cell(9, 5)).toEqual({ value: "x" });
    expect(offset.merges).toEqual([{ sheet: "Offset", top: 9, left: 5, bottom: 10, right: 7 }]);
  });

  test("sheets without merges read fine even when Excel refuses chained calls on null objects", async () => {
    const { fake, host } = setup({ nullChaining: "throw", spec: { sheets: [...sample.sheets, { name: "Plain", rows: [[1]] }] } });
    const snapshot = expectSnapshot(await host.read());
    expect(sheetOf(snapshot, "Plain").merges).toEqual([]);
    expect(sheetOf(snapshot, "附件3").merges.length).toBeGreaterThan(10);
    expect(fake.syncCount).toBe(2);
  });

  test("without ExcelApi 1.13 the read still works, with no merges", async () => {
    const { fake, host } = setup({ apiVersion: "1.12" });
    const snapshot = expectSnapshot(await host.read());
    expect(snapshot.sheets.every((s) => s.merges.length === 0)).toBe(true);
    expect(fake.syncCount).toBe(2);
  });

  test("sync count: 2 for the sample, 2 for 12 sheets of 5,000 rows", async () => {
    const small = setup();
    const smallRead = await syncsOf(small.fake, () => small.host.read());
    expect(smallRead.result.ok).toBe(true);

    const bigRows: CellSpec[][] = Array.from({ length: 5000 }, (_, r) => [`row ${r}`, r, r * 1.5, { v: r / 5000, fmt: "0.00%" }, r % 7 === 0 ? { v: 1, f: `=B${r + 1}` } : null]);
    const bigSpec: WorkbookSpec = {
      sheets: [
        ...sample.sheets,
        ...Array.from({ length: 10 }, (_, i) => ({ name: `Data${i + 1}`, rows: bigRows, merges: ["F1:H2", "F10:F20"] })),
      ],
    };
    const big = setup({ spec: bigSpec });
    const started = Date.now();
    const bigRead = await syncsOf(big.fake, () => big.host.read());
    const readMs = Date.now() - started;
    expect(bigRead.result.ok).toBe(true);
    const snapshot = expectSnapshot(bigRead.result);
    expect(snapshot.sheets).toHaveLength(12);
    expect(sheetOf(snapshot, "Data10").rowCount).toBe(5000);
    expect(sheetOf(snapshot, "Data3").cell(4999, 3)).toEqual({ value: 0.9998, numberFormat: "0.00%" });

    expect(smallRead.syncs).toBeLessThanOrEqual(2);
    expect(bigRead.syncs).toBe(smallRead.syncs);
    expect(big.fake.runCount).toBe(1);
    expect(readMs).toBeLessThan(10_000);
  });

  test("an Excel error during the read is a HostError, never a throw or a raw message", async () => {
    const { fake, host } = setup();
    fake.failAtSync(2, "ResponsePayloadSizeLimitExceeded");
    const result = await host.read();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("too-large");
    expect(result.untouched).toBe(true);
    expect(result.message.en).not.toMatch(/injected/);
  });
});

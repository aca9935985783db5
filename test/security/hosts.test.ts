/**
 * Text safety of every host that writes cells: the Office adapter over the fake (which parses
 * strings like Excel, so an unmarked "=..." becomes a formula there), the memory host of the demo,
 * and the .xlsx writer of the CLI (read back with exceljs). Whatever the user typed or a cell held,
 * it lands as exactly that text: never a formula, never a link to anything but a cell of this
 * workbook.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { fromA1 } from "../../src/core/grid/address";
import type { CellEdit } from "../../src/core/findings/finding";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { writeFixedCopy } from "../../src/adapters/xlsx/write-xlsx";
import { REPORT_SHEET, type ReportRow, type ReportSheetContent, type ReviewNote, type WorkbookHost } from "../../src/host/ports";
import { isFormulaLike } from "../../src/host/text-safety";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { ALL_PAYLOADS, FORMULA_PAYLOADS, HOSTILE_SHEET_NAMES } from "./payloads";
import { expectApplied, expectReverted, setup } from "../adapters/office/helpers";

const SAMPLE_XLSX = join(__dirname, "..", "..", "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx");
/** A link that can only mean a cell of this workbook: 'Sheet'!A1. */
const INTERNAL_LINK = /^'(?:[^']|'')+'!\$?[A-Z]{1,3}\$?[1-9]\d*$/;

function hostileRows(): ReportRow[] {
  const base: ReportRow = {
    ruleId: "a3.target-unparsed", severity: "info", sheet: "附件3", cell: "E20",
    expected: null, actual: null, message: "", status: "open", reason: null,
  };
  return [
    // Every text column carries a payload.
    ...ALL_PAYLOADS.map((p): ReportRow => ({ ...base, ruleId: p, sheet: "附件3", expected: p, actual: p, message: p, reason: p, status: "accepted" })),
    // Hostile sheet names still link, but only inside the workbook.
    ...HOSTILE_SHEET_NAMES.map((name): ReportRow => ({ ...base, sheet: name, cell: "D4", message: name })),
    // A hostile "cell" is never a link target.
    ...ALL_PAYLOADS.map((p): ReportRow => ({ ...base, cell: p })),
    { ...base, cell: "A1#http://evil.example" },
  ];
}

const content = (rows: ReportRow[]): ReportSheetContent => ({ checkedAt: "=NOW()", rulesVersion: "+1", lang: "zh", rows });

describe("Office adapter (fake Excel parses what it is given)", () => {
  test("writeReport stores every hostile string as exactly that text, with internal links only", async () => {
    const { fake, host } = setup();
    expect(await host.writeReport(content(hostileRows()))).toEqual({ ok: true });
    const sheet = fake.sheet(REPORT_SHEET)!;
    const texts = new Set<unknown>();
    let links = 0;
    for (const cell of sheet.cells.values()) {
      expect(cell.formula).toBeUndefined();
      texts.add(cell.value);
      if (typeof cell.value === "string" && isFormulaLike(cell.value)) expect({ value: cell.value, quotePrefix: cell.quotePrefix }).toEqual({ value: cell.value, quotePrefix: true });
      if (cell.hyperlink) {
        links++;
        expect(cell.hyperlink.address).toBeUndefined();
        expect(cell.hyperlink.documentReference).toMatch(INTERNAL_LINK);
        expect(fromA1(cell.hyperlink.textToDisplay ?? "")).not.toBeNull();
      }
    }
    for (const p of [...ALL_PAYLOADS, ...HOSTILE_SHEET_NAMES, "=NOW()", "+1"]) expect({ p, stored: texts.has(p) }).toEqual({ p, stored: true });
    // One link per row with a real address: the payload rows and the hostile sheet names.
    expect(links).toBe(ALL_PAYLOADS.length + HOSTILE_SHEET_NAMES.length);
  });

  test.each(ALL_PAYLOADS.map((p) => [JSON.stringify(p), p]))("apply writes the text fix %s as text; read and revert give it back", async (_label, payload) => {
    const { fake, host } = setup();
    const fix: CellEdit = { at: { sheet: "附件3", row: 19, col: 4 }, before: "2023年全年", after: payload };
    expectApplied(await host.apply([fix]));
    const cell = fake.cell("附件3", "E20")!;
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe(payload);
    if ((FORMULA_PAYLOADS as readonly string[]).includes(payload)) expect(cell.quotePrefix).toBe(true);
    const read = await host.read();
    if (!read.ok) throw new Error(read.message.en);
    const seen = read.snapshot.sheets.find((s) => s.name === "附件3")!.cell(19, 4);
    expect(seen?.value).toBe(payload);
    expect(seen?.formula).toBeUndefined();
    expectReverted(await host.revert());
    expect(fake.cell("附件3", "E20")?.value).toBe("2023年全年");
  });

  test("review notes with hostile reasons round-trip and reach the report sheet as text", async () => {
    const { fake, host } = setup();
    const notes: ReviewNote[] = ALL_PAYLOADS.map((reason, i) => ({ ruleId: "x.project-spending", sheet: HOSTILE_SHEET_NAMES[i % HOSTILE_SHEET_NAMES.length]!, cell: `F${i + 1}`, reason, acceptedAt: reason }));
    expect(await host.saveReviewNotes(notes)).toEqual({ ok: true });
    await expect(host.loadReviewNotes()).resolves.toEqual(notes);
    const rows = notes.map((n): ReportRow => ({ ruleId: n.ruleId, severity: "warning", sheet: n.sheet, cell: n.cell, expected: null, actual: null, message: "m", status: "accepted", reason: n.reason }));
    expect(await host.writeReport(content(rows))).toEqual({ ok: true });
    const reasons = notes.map((_, i) => fake.sheet(REPORT_SHEET)!.get(5 + i, 8));
    expect(reasons.map((c) => c?.value)).toEqual(notes.map((n) => n.reason));
    expect(reasons.every((c) => c?.formula === undefined)).toBe(true);
  });
});

/** Every cell of the report sheet a host wrote, for the host-independent checks. */
async function memoryReport(host: MemoryHost) {
  const sheet = host.workbook.sheet(REPORT_SHEET)!;
  const cells = [];
  for (let r = 0; r < sheet.rowCount; r++) for (let c = 0; c < sheet.colCount; c++) {
    const cell = sheet.cell(r, c);
    if (cell) cells.push(cell);
  }
  return cells;
}

describe("memory host (demo)", () => {
  test("writeReport keeps hostile text verbatim, no formula, links only to cells of the workbook", async () => {
    const host: WorkbookHost & MemoryHost = new MemoryHost(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023));
    expect(await host.writeReport(content(hostileRows()))).toEqual({ ok: true });
    const cells = await memoryReport(host);
    const values = new Set(cells.map((c) => c.value));
    for (const p of [...ALL_PAYLOADS, ...HOSTILE_SHEET_NAMES]) expect({ p, stored: values.has(p) }).toEqual({ p, stored: true });
    expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
    const links = cells.flatMap((c) => (c.link !== undefined ? [c.link] : []));
    expect(links).toHaveLength(ALL_PAYLOADS.length + HOSTILE_SHEET_NAMES.length);
    for (const link of links) expect(link).toMatch(INTERNAL_LINK);
  });

  test("apply writes hostile text fixes as plain text values", async () => {
    const host = new MemoryHost(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023));
    const edits: CellEdit[] = ALL_PAYLOADS.map((p, i) => ({ at: { sheet: "附件3", row: 40 + i, col: 10 }, before: null, after: p }));
    expect(expectApplied(await host.apply(edits)).applied).toHaveLength(ALL_PAYLOADS.length);
    for (const e of edits) expect(host.workbook.cell("附件3", e.at.row, e.at.col)).toMatchObject({ value: e.after });
    expect(edits.every((e) => host.workbook.cell("附件3", e.at.row, e.at.col)?.formula === undefined)).toBe(true);
  });
});

describe(".xlsx writer (CLI --fix)", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "annex-text-safety-"));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("hostile text fixes are written as strings: exceljs reads no formula and no external link back", async () => {
    const out = join(work, "fixed.xlsx");
    const edits: CellEdit[] = ALL_PAYLOADS.map((p, i) => ({ at: { sheet: "附件3", row: 40 + i, col: 10 }, before: null, after: p }));
    const result = await writeFixedCopy(SAMPLE_XLSX, out, edits);
    expect(result.ok && result.applied.length).toBe(ALL_PAYLOADS.length);

    const count = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      let formulas = 0;
      const external: string[] = [];
      wb.eachSheet((ws) => ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas++;
        const link = cell.hyperlink;
        if (link && !link.startsWith("#")) external.push(`${ws.name}!${cell.address} → ${link}`);
      })));
      return { wb, formulas, external };
    };
    const before = await count(SAMPLE_XLSX);
    const after = await count(out);
    expect(after.formulas).toBe(before.formulas); // the payloads added none
    expect(after.external).toEqual([]);
    const sheet = after.wb.getWorksheet("附件3")!;
    for (const e of edits) {
      const cell = sheet.getCell(e.at.row + 1, e.at.col + 1);
      // Exactly the text: a carriage return is written as &#13;, which XML keeps (a raw one would read back as LF).
      expect({ payload: e.after, type: cell.type, value: cell.value }).toEqual({ payload: e.after, type: ExcelJS.ValueType.String, value: e.after });
    }
  });
});

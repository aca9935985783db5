/** The .xlsx template writer: what exceljs reads back from the written file equals the description. */
import { mkdtemp, rm, writeFile, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { validate } from "../../src/core";
import { toA1 } from "../../src/core/grid/address";
import { buildTemplate } from "../../src/core/template";
import { readXlsx } from "../../src/adapters/xlsx";
import { writeTemplateXlsx } from "../../src/adapters/xlsx/write-template";
import { filledSnapshot } from "../helpers/template-fill";

describe("writeTemplateXlsx", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "template-xlsx-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function written(weights: "40-20-10-20" | "50-30-10", name: string) {
    const description = buildTemplate({ year: 2024, weights });
    const path = join(dir, name);
    const result = await writeTemplateXlsx(description, path);
    expect(result).toEqual({ ok: true, sheets: ["附件2", "附件3"] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    return { description, path, workbook };
  }

  test.each(["40-20-10-20", "50-30-10"] as const)("%s: every formula, label and number format reads back as described", async (weights) => {
    const { description, workbook } = await written(weights, `t-${weights}.xlsx`);
    for (const sheet of description.sheets) {
      const ws = workbook.getWorksheet(sheet.name)!;
      expect(ws).toBeDefined();
      for (const cell of sheet.cells) {
        const target = ws.getCell(cell.row + 1, cell.col + 1);
        if (cell.formula !== undefined) expect([toA1(cell), `=${target.formula}`]).toEqual([toA1(cell), cell.formula]);
        else if (cell.value !== undefined) expect([toA1(cell), target.value]).toEqual([toA1(cell), cell.value]);
        if (cell.numberFormat !== undefined) expect([toA1(cell), target.numFmt ?? "General"]).toEqual([toA1(cell), cell.numberFormat]);
      }
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      expect([...merges].sort()).toEqual([...sheet.merges].sort());
    }
  });

  test("data validations and the A4 print setup are in the file", async () => {
    const { description, workbook } = await written("40-20-10-20", "dv.xlsx");
    for (const sheet of description.sheets) {
      const ws = workbook.getWorksheet(sheet.name)!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: sheet.print.orientation, printArea: sheet.print.printArea });
      for (const v of sheet.validations) {
        const topLeft = v.range.split(":")[0]!;
        const dv = ws.getCell(topLeft).dataValidation;
        expect([v.range, dv?.type]).toEqual([v.range, v.kind]);
        if (v.kind === "custom") expect(dv.formulae).toEqual([v.formula.slice(1)]);
        if (v.kind === "list") expect(dv.formulae).toEqual([`"${v.items.join(",")}"`]);
        expect(dv.error).toContain(v.error.zh);
        expect(dv.showErrorMessage).toBe(true);
        const bottomRight = v.range.split(":")[1];
        if (bottomRight) expect(ws.getCell(bottomRight).dataValidation?.type).toBe(v.kind);
      }
    }
  });

  test("the self-checks' conditional formats are in the file: range, formula, fill and font colour, in order", async () => {
    const { description, workbook } = await written("40-20-10-20", "cf.xlsx");
    for (const sheet of description.sheets) {
      const ws = workbook.getWorksheet(sheet.name)!;
      const read = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
      expect(sheet.conditionalFormats.length).toBeGreaterThan(3);
      expect(read.map((cf) => cf.ref)).toEqual(sheet.conditionalFormats.map((f) => f.range));
      sheet.conditionalFormats.forEach((f, i) => {
        const [rule] = read[i]!.rules;
        expect(read[i]!.rules).toHaveLength(1);
        expect(rule).toMatchObject({ type: "expression", priority: i + 1, formulae: [f.formula.slice(1)] });
        const style = rule!.style!;
        expect(style.fill).toMatchObject({ type: "pattern", pattern: "solid", bgColor: { argb: `FF${f.fill.slice(1)}` } });
        expect(style.font?.color).toEqual({ argb: `FF${f.fontColor.slice(1)}` });
      });
    }
  });

  test("the 检查 column is written beside the form, its cells as formulas, outside the print area", async () => {
    const { description, workbook } = await written("50-30-10", "checks.xlsx");
    for (const sheet of description.sheets) {
      const ws = workbook.getWorksheet(sheet.name)!;
      const checks = sheet.cells.filter((c) => c.role === "check");
      expect(checks.length).toBeGreaterThan(2);
      for (const c of checks) expect(`=${ws.getCell(c.row + 1, c.col + 1).formula}`).toBe(c.formula);
      expect(ws.getColumn(sheet.colCount).width).toBe(sheet.columnWidths[sheet.colCount - 1]);
      expect(ws.pageSetup.printArea).toBe(sheet.print.printArea);
    }
  });

  test("a project template's conditional formats are written too", async () => {
    const { PROFILES } = await import("../../src/core");
    const { buildProjectTemplate } = await import("../../src/core/template/project");
    const description = buildProjectTemplate(PROFILES.find((p) => p.id === "sichuan-project")!, { year: 2024 });
    const path = join(dir, "project-cf.xlsx");
    expect((await writeTemplateXlsx(description, path)).ok).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const ws = workbook.getWorksheet(description.sheets[0].name)!;
    const read = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    expect(read.map((cf) => (cf.rules[0] as { formulae: string[] }).formulae[0])).toEqual(description.sheets[0].conditionalFormats.map((f) => f.formula.slice(1)));
  });

  test("Excel is told to compute every formula on open (no cached values are written)", async () => {
    const { path } = await written("50-30-10", "calc.xlsx");
    // jszip comes with exceljs; the calc flag is not read back by exceljs itself.
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(await readFile(path));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  test("the written file, read by the checker, gives the same findings as the described empty template", async () => {
    const { description, path } = await written("40-20-10-20", "read.xlsx");
    const read = await readXlsx(path);
    if (!read.ok) throw new Error(read.message.en);
    expect(validate(read.snapshot).findings).toEqual(validate(filledSnapshot(description)).findings);
  });

  test("refuses to overwrite without force, replaces with force", async () => {
    const path = join(dir, "exists.xlsx");
    await writeFile(path, "keep");
    const description = buildTemplate({ year: 2024, weights: "40-20-10-20" });
    const refused = await writeTemplateXlsx(description, path);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toBe("exists");
    expect(await readFile(path, "utf8")).toBe("keep");
    expect((await writeTemplateXlsx(description, path, { force: true })).ok).toBe(true);
    expect((await readFile(path)).subarray(0, 2).toString()).toBe("PK");
  });
});

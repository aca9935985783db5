/** 插入空白模板 through Office.js, over the Excel fake: the same cells, validations and self-checks as the description, in 3 syncs. */
import { insertTemplateSheets } from "../../../src/adapters/office/insert-template";
import { rangeToA1, toA1 } from "../../../src/core/grid/address";
import { buildTemplate, type TemplateDescription } from "../../../src/core/template";
import { zhuzhouLuosongNpc2023 } from "../../../src/samples/zhuzhou-luosong-npc-2023";
import { ExcelFake } from "../../fakes/excel-fake";

const description = buildTemplate({ year: 2024, weights: "40-20-10-20" });

async function insert(fake: ExcelFake, d: TemplateDescription = description) {
  fake.resetCounts();
  return insertTemplateSheets(fake.run, fake.requirements, d);
}

describe("insertTemplateSheets (Office)", () => {
  test("writes every cell of the description: formulas as formulas, labels as text, formats; in 3 syncs, 1 run", async () => {
    const fake = new ExcelFake();
    fake.addSheet("Sheet1");
    const outcome = await insert(fake);
    expect(outcome).toEqual({ ok: true, sheets: ["附件2", "附件3"], skipped: [] });
    // names; the table with its validations; the page layout on its own (see insert-template.ts).
    expect(fake.syncCount).toBe(3);
    expect(fake.runCount).toBe(1);
    for (const template of description.sheets) {
      const sheet = fake.sheet(template.name)!;
      expect(sheet).toBeDefined();
      for (const cell of template.cells) {
        const written = sheet.get(cell.row, cell.col);
        const where = toA1(cell);
        if (cell.formula !== undefined) expect([where, written?.formula]).toEqual([where, cell.formula]);
        else {
          expect([where, written?.formula]).toEqual([where, undefined]);
          expect([where, written?.value ?? null]).toEqual([where, cell.value ?? null]);
        }
        expect([where, written?.numberFormat ?? "General"]).toEqual([where, cell.numberFormat ?? "General"]);
        if (cell.fill) expect([where, written?.fill]).toEqual([where, cell.fill]);
        if (cell.bold) expect([where, written?.bold]).toEqual([where, true]);
      }
      expect(sheet.merges.map((m) => rangeToA1({ sheet: "", ...m })).sort()).toEqual([...template.merges].sort());
      expect(sheet.layout.dataValidations.map((v) => v.range)).toEqual(template.validations.map((v) => v.range));
      expect(sheet.layout.pageLayout).toMatchObject({
        paperSize: "A4",
        orientation: template.print.orientation === "landscape" ? "Landscape" : "Portrait",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printArea: template.print.printArea,
      });
      expect([...sheet.layout.columnWidths.keys()]).toEqual(template.columnWidths.map((_, i) => i));
    }
    expect(fake.activeSheet).toBe("附件2");
  });

  test("the self-checks: one custom conditional format per check, formula and colours as described, in the same batch (3 syncs)", async () => {
    const fake = new ExcelFake();
    await insert(fake);
    expect(fake.syncCount).toBe(3);
    for (const template of description.sheets) {
      const written = fake.sheet(template.name)!.layout.conditionalFormats;
      expect(template.conditionalFormats.length).toBeGreaterThan(3);
      expect(written).toEqual(template.conditionalFormats.map((f) => ({ range: f.range, type: "Custom", formula: f.formula, fill: f.fill, fontColor: f.fontColor })));
      // The 检查 column's cells are written as formulas like every derived cell.
      for (const cell of template.cells.filter((c) => c.role === "check")) {
        expect(fake.sheet(template.name)!.get(cell.row, cell.col)?.formula).toBe(cell.formula);
      }
    }
  });

  test("on ExcelApi 1.5 (no conditional formats, no data validation) both are skipped and named; cells written in 2 syncs", async () => {
    const fake = new ExcelFake({ apiVersion: "1.5" });
    const outcome = await insert(fake);
    expect(outcome).toEqual({ ok: true, sheets: ["附件2", "附件3"], skipped: ["dataValidation", "conditionalFormats", "pageLayout"] });
    expect(fake.syncCount).toBe(2);
    for (const template of description.sheets) {
      expect(fake.sheet(template.name)!.layout.conditionalFormats).toEqual([]);
      const check = template.cells.find((c) => c.role === "check")!;
      expect(fake.sheet(template.name)!.get(check.row, check.col)?.formula).toBe(check.formula);
    }
  });

  test("data validation rules carry the description's formulas, lists and bounds", async () => {
    const fake = new ExcelFake();
    await insert(fake);
    const annex3 = description.sheets[1];
    const written = fake.sheet(annex3.name)!.layout.dataValidations;
    annex3.validations.forEach((v, i) => {
      const rule = written[i]!.rule as Record<string, Record<string, unknown>>;
      if (v.kind === "custom") expect(rule).toEqual({ custom: { formula: v.formula } });
      if (v.kind === "list") expect(rule["list"]?.["source"]).toBe(v.items.join(","));
      if (v.kind === "decimal") expect(rule["decimal"]).toMatchObject({ formula1: Number(v.min), operator: v.max ? "Between" : "GreaterThanOrEqualTo" });
      expect(written[i]!.errorAlert).toMatchObject({ showAlert: true, style: "Stop" });
      expect((written[i]!.errorAlert as { message: string }).message).toContain(v.error.en);
    });
  });

  test("refuses when 附件2 or 附件3 exists: bilingual message, suggested names, workbook untouched, 1 sync", async () => {
    const fake = ExcelFake.fromSpec(zhuzhouLuosongNpc2023);
    const before = fake.sheets.map((s) => s.name);
    const outcome = await insert(fake);
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.code !== "sheet-exists") throw new Error("expected sheet-exists");
    expect(outcome.suggested).toEqual({ annex2: "附件2 (2)", annex3: "附件3 (2)" });
    expect(outcome.message.zh).toContain("附件2 (2)");
    expect(outcome.message.en).toContain("附件2 (2)");
    expect(outcome.untouched).toBe(true);
    expect(fake.syncCount).toBe(1);
    expect(fake.sheets.map((s) => s.name)).toEqual(before);
    const retry = await insert(fake, buildTemplate({ year: 2024, weights: "40-20-10-20", sheetNames: outcome.suggested }));
    expect(retry).toMatchObject({ ok: true, sheets: ["附件2 (2)", "附件3 (2)"] });
  });

  test("on ExcelApi 1.7 the cells are written; data validation and page layout are skipped and named", async () => {
    const fake = new ExcelFake({ apiVersion: "1.7" });
    const outcome = await insert(fake);
    expect(outcome).toEqual({ ok: true, sheets: ["附件2", "附件3"], skipped: ["dataValidation", "pageLayout"] });
    expect(fake.syncCount).toBe(2);
    const sheet = fake.sheet("附件3")!;
    expect(sheet.layout.dataValidations).toEqual([]);
    expect(sheet.layout.pageLayout).toEqual({});
    // Conditional formats need only ExcelApi 1.6: written.
    expect(sheet.layout.conditionalFormats).toHaveLength(description.sheets[1].conditionalFormats.length);
    const formulas = description.sheets[1].cells.filter((c) => c.formula);
    for (const cell of formulas) expect(sheet.get(cell.row, cell.col)?.formula).toBe(cell.formula);
  });

  test("a page layout Excel refuses is retried without the automatic height, then skipped; the cells stay", async () => {
    const once = new ExcelFake();
    once.failAtSync(3, "InvalidArgument");
    const retried = await insertTemplateSheets(once.run, once.requirements, description);
    expect(retried).toEqual({ ok: true, sheets: ["附件2", "附件3"], skipped: [] });
    expect(once.syncCount).toBe(4);
    expect(once.sheet("附件3")!.layout.pageLayout["zoom"]).toEqual({ horizontalFitToPages: 1 });

    const twice = new ExcelFake();
    twice.failAtSync(3, "InvalidArgument");
    twice.failAtSync(4, "InvalidArgument");
    const skipped = await insertTemplateSheets(twice.run, twice.requirements, description);
    expect(skipped).toEqual({ ok: true, sheets: ["附件2", "附件3"], skipped: ["pageLayout"] });
    const formula = description.sheets[1].cells.find((c) => c.formula)!;
    expect(twice.sheet("附件3")!.get(formula.row, formula.col)?.formula).toBe(formula.formula);
  });

  test("a failed write batch is undone: the sheets it added are deleted again", async () => {
    const fake = new ExcelFake();
    fake.addSheet("Sheet1");
    fake.failAtSync(2, "GeneralException", { applied: 5 });
    const outcome = await insertTemplateSheets(fake.run, fake.requirements, description);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.untouched).toBe(true);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("the Office host exposes it", () => {
  test("createOfficeHost(...).insertTemplate writes the sheets", async () => {
    const { createOfficeHost } = await import("../../../src/adapters/office");
    const fake = new ExcelFake();
    const host = createOfficeHost(fake.run, fake.requirements);
    expect(await host.insertTemplate!(description)).toMatchObject({ ok: true });
    expect(fake.sheet("附件3")).toBeDefined();
  });
});

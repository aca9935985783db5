/**
 * 插入空白模板 in Excel: writes a template description (src/core/template) into two new sheets.
 *
 * Round trips: 3 (2 on Excel without ExcelApi 1.9). Sync 1 loads the sheet names (a template never
 * replaces a sheet: an existing 附件2/附件3 refuses the insert, untouched, and offers "附件2 (2)");
 * sync 2 adds both sheets and writes the table: one numberFormat grid and one formulas grid per
 * sheet (labels go in as text with Excel's text marker, so they can never turn into formulas),
 * formats, merges, widths, borders, data validation (ExcelApi 1.8) and the self-checks'
 * conditional formats (ExcelApi 1.6: one custom-formula format per check, with its fill and font
 * colour; queued in the same batch, so they cost no sync of their own). Sync 3 sets the page layout
 * (ExcelApi 1.9) on its own: "fit to 1 page wide, any number tall" is written as
 * verticalFitToPages 0, which the Office.js docs do not promise to accept, so a refusal there only
 * retries without it (one more sync) and must never cost the sheets already written.
 * On an older Excel, what its requirement set lacks is skipped and named in the outcome:
 * "conditionalFormats" below ExcelApi 1.6, "dataValidation" below 1.8, "pageLayout" below 1.9 (or
 * when Excel refuses it). The 检查 column's formulas are cells and are always written, so the
 * self-checks still show as text where their colours are skipped.
 * If sync 2 fails, the sheets it added are deleted again (two more syncs).
 */
import { columnLetters, rangeToA1 } from "../../core/grid/address";
import type { TemplateCell, TemplateDescription, TemplateSheet, TemplateValidation } from "../../core/template/model";
import { templateConflict } from "../../core/template/names";
import type { TemplateOutcome } from "../../host/ports";
import { excelText } from "./cells";
import { hostErrorFromOffice } from "./errors";

export interface TemplateRequirements {
  isSetSupported(name: string, version: string): boolean;
}

interface Apis {
  readonly dataValidation: boolean;
  readonly pageLayout: boolean;
  readonly conditionalFormats: boolean;
}

const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

/** Excel's column width unit for Office.js is the point; the description counts characters. */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

export async function insertTemplateSheets(
  run: typeof Excel.run,
  requirements: TemplateRequirements,
  description: TemplateDescription,
): Promise<TemplateOutcome> {
  const supports = (version: string) => {
    try {
      return requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  };
  const apis: Apis = { dataValidation: supports("1.8"), pageLayout: supports("1.9"), conditionalFormats: supports("1.6") };
  const names = description.sheets.map((s) => s.name);
  let existingBefore: string[] | null = null;
  try {
    return await run(async (context): Promise<TemplateOutcome> => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      existingBefore = worksheets.items.map((s) => s.name);
      const conflict = templateConflict(existingBefore, { annex2: names[0]!, annex3: names[1]! });
      if (conflict) return { ok: false, code: "sheet-exists", message: conflict.message, untouched: true, suggested: conflict.suggested };
      const added = description.sheets.map((template) => {
        const worksheet = worksheets.add(template.name);
        queueSheet(worksheet, template, apis);
        return worksheet;
      });
      added[0]!.activate();
      await context.sync();
      const skipped: Extract<TemplateOutcome, { ok: true }>["skipped"][number][] = [];
      if (!apis.dataValidation) skipped.push("dataValidation");
      if (!apis.conditionalFormats) skipped.push("conditionalFormats");
      if (!apis.pageLayout || !(await setPageLayouts(context, added, description.sheets))) skipped.push("pageLayout");
      return { ok: true, sheets: names, skipped };
    });
  } catch (error) {
    const before = existingBefore as string[] | null;
    if (before === null) return hostErrorFromOffice(error, true);
    const removed = await removeAddedSheets(run, names.filter((n) => !before.includes(n)));
    return hostErrorFromOffice(error, removed);
  }
}

/** Page setup of every new sheet; false when Excel refused it even without the automatic height. */
async function setPageLayouts(context: Excel.RequestContext, sheets: readonly Excel.Worksheet[], templates: readonly TemplateSheet[]): Promise<boolean> {
  for (const automaticHeight of [true, false]) {
    sheets.forEach((sheet, i) => queuePageLayout(sheet, templates[i]!, automaticHeight));
    try {
      await context.sync();
      return true;
    } catch {
      // Only this batch is lost; the sheets and cells written by the previous sync stay.
    }
  }
  return false;
}

function queuePageLayout(worksheet: Excel.Worksheet, template: TemplateSheet, automaticHeight: boolean): void {
  const { print } = template;
  const layout = worksheet.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.zoom = automaticHeight
    ? { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight }
    : { horizontalFitToPages: print.fitToWidth };
  layout.centerHorizontally = print.centerHorizontally;
  layout.leftMargin = print.margins.left * 72;
  layout.rightMargin = print.margins.right * 72;
  layout.topMargin = print.margins.top * 72;
  layout.bottomMargin = print.margins.bottom * 72;
  layout.setPrintArea(print.printArea);
}

/** Deletes the sheets a failed insert (or import, import-tables.ts) added; true when the workbook is as before. */
export async function removeAddedSheets(run: typeof Excel.run, names: readonly string[]): Promise<boolean> {
  try {
    await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      for (const sheet of worksheets.items) if (names.includes(sheet.name)) sheet.delete();
      await context.sync();
    });
    return true;
  } catch {
    return false;
  }
}

/** Everything one sheet needs, queued on its proxy: no sync here. */
function queueSheet(worksheet: Excel.Worksheet, template: TemplateSheet, apis: Apis): void {
  const all = worksheet.getRange(rangeToA1({ sheet: "", top: 0, left: 0, bottom: template.rowCount - 1, right: template.colCount - 1 }));
  const byKey = new Map(template.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const grid = <T>(fn: (cell: TemplateCell | undefined) => T): T[][] =>
    Array.from({ length: template.rowCount }, (_, r) => Array.from({ length: template.colCount }, (_, c) => fn(byKey.get(`${r}:${c}`))));
  // Formats first: an input formatted as text ("@") keeps what staff type later as text. No
  // formula cell is text-formatted (the core's tests make sure), so its formula stays a formula.
  all.numberFormat = grid((cell) => cell?.numberFormat ?? "General");
  all.formulas = grid((cell) => {
    if (!cell) return "";
    if (cell.formula !== undefined) return cell.formula;
    if (typeof cell.value === "string") return excelText(cell.value);
    return cell.value ?? "";
  });
  all.format.verticalAlignment = "Center";
  for (const cell of template.cells) {
    if (!cell.bold && !cell.wrap && !cell.align && !cell.fill) continue;
    const format = worksheet.getCell(cell.row, cell.col).format;
    if (cell.bold) format.font.bold = true;
    if (cell.wrap) format.wrapText = true;
    if (cell.align) format.horizontalAlignment = cell.align === "center" ? "Center" : "Left";
    if (cell.fill) format.fill.color = cell.fill;
  }
  for (const merge of template.merges) worksheet.getRange(merge).merge(false);
  template.columnWidths.forEach((width, col) => {
    worksheet.getRange(`${columnLetters(col)}1`).format.columnWidth = widthInPoints(width);
  });
  for (const { row, height } of template.rowHeights) worksheet.getCell(row, 0).format.rowHeight = height;
  for (const range of template.bordered) {
    const borders = worksheet.getRange(range).format.borders;
    for (const edge of BORDER_EDGES) borders.getItem(edge).style = "Continuous";
  }
  if (apis.dataValidation) {
    for (const validation of template.validations) {
      const target = worksheet.getRange(validation.range).dataValidation;
      target.ignoreBlanks = true;
      target.rule = ruleOf(validation);
      target.errorAlert = { showAlert: true, style: "Stop", title: "输入有误 Invalid entry", message: `${validation.error.zh}\n${validation.error.en}` };
    }
  }
  if (apis.conditionalFormats) {
    // The self-checks: the formula is relative to the range's top-left cell, as in the description.
    for (const check of template.conditionalFormats) {
      const format = worksheet.getRange(check.range).conditionalFormats.add("Custom");
      format.custom.rule.formula = check.formula;
      format.custom.format.fill.color = check.fill;
      format.custom.format.font.color = check.fontColor;
    }
  }
}

function ruleOf(v: TemplateValidation): Excel.DataValidationRule {
  switch (v.kind) {
    case "custom":
      return { custom: { formula: v.formula } };
    case "list":
      return { list: { inCellDropDown: true, source: v.items.join(",") } };
    case "decimal":
    case "whole": {
      const basic: Excel.BasicDataValidation = v.max !== undefined
        ? { formula1: Number(v.min), formula2: Number(v.max), operator: "Between" }
        : { formula1: Number(v.min), operator: "GreaterThanOrEqualTo" };
      return v.kind === "decimal" ? { decimal: basic } : { wholeNumber: basic };
    }
  }
}

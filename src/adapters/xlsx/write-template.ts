/**
 * Writes a template description (src/core/template) to a new .xlsx with exceljs: labels as text,
 * formulas as formulas, number formats, merges, data validations, the self-checks' conditional
 * formats (one "expression" rule each, with a fill and font colour), widths, borders and an A4
 * print setup. Excel computes the formulas when it opens the file (fullCalcOnLoad): no value is
 * cached.
 */
import { stat } from "node:fs/promises";
import { writeFileAtomic } from "../files/write-atomic";
import * as ExcelJS from "exceljs";
import { parseRangeA1 } from "../../core/grid/address";
import type { Bilingual } from "../../core/findings/finding";
import type { TemplateCell, TemplateConditionalFormat, TemplateDescription, TemplateSheet, TemplateValidation } from "../../core/template";

export type TemplateWriteResult =
  | { readonly ok: true; readonly sheets: readonly string[] }
  | { readonly ok: false; readonly reason: "exists" | "write-failed"; readonly message: Bilingual };

const ERROR_TITLE = "输入有误 Invalid entry";

/** exceljs keeps data validations per worksheet in a model its typings do not expose. */
interface WithValidations {
  readonly dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** The workbook for a description, without touching the disk (tests read it back from a buffer). */
/** Any template: the 湖南 annexes, or one project table (only its sheets are written). */
export type WritableTemplate = Pick<TemplateDescription, "sheets"> | { readonly sheets: readonly TemplateSheet[] };

export function templateWorkbook(description: WritableTemplate): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Annex Checker";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of description.sheets) fillSheet(workbook.addWorksheet(sheet.name), sheet);
  return workbook;
}

export async function writeTemplateXlsx(description: WritableTemplate, outputPath: string, options: { force?: boolean } = {}): Promise<TemplateWriteResult> {
  if (!options.force && (await exists(outputPath))) {
    return {
      ok: false,
      reason: "exists",
      message: { zh: "未写入：输出文件已存在（如需覆盖请使用 --force）", en: "Not written: the output file already exists (use --force to replace it)" },
    };
  }
  let written: ReturnType<typeof writeFileAtomic>;
  try {
    const bytes = Buffer.from(await templateWorkbook(description).xlsx.writeBuffer());
    // Whole or not at all (files/write-atomic.ts).
    written = writeFileAtomic(outputPath, bytes, { replace: options.force === true });
  } catch (error) {
    written = { ok: false, reason: "write-failed", detail: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
  }
  if (!written.ok) {
    return written.reason === "exists"
      ? { ok: false, reason: "exists", message: { zh: "未写入：输出文件已存在（如需覆盖请使用 --force）", en: "Not written: the output file already exists (use --force to replace it)" } }
      : { ok: false, reason: "write-failed", message: { zh: `未写入：无法保存输出文件（${written.detail}）`, en: `Not written: the output file could not be saved (${written.detail})` } };
  }
  return { ok: true, sheets: description.sheets.map((s) => s.name) };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function fillSheet(worksheet: ExcelJS.Worksheet, sheet: TemplateSheet): void {
  sheet.columnWidths.forEach((width, c) => {
    worksheet.getColumn(c + 1).width = width;
  });
  for (const { row, height } of sheet.rowHeights) worksheet.getRow(row + 1).height = height;

  const thin: Partial<ExcelJS.Borders> = {
    top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" },
  };
  for (const text of sheet.bordered) {
    const range = parseRangeA1(text);
    if (!range) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) worksheet.getCell(r + 1, c + 1).border = thin;
    }
  }
  for (const cell of sheet.cells) writeCell(worksheet.getCell(cell.row + 1, cell.col + 1), cell);
  for (const merge of sheet.merges) worksheet.mergeCells(merge);
  const validations = (worksheet as unknown as WithValidations).dataValidations;
  for (const validation of sheet.validations) validations.add(validation.range, excelValidation(validation));
  // Priorities in the description's order (1 first); every rule only colours, so the order only
  // decides which colour wins where two checks flag the same cell, and they share one.
  sheet.conditionalFormats.forEach((format, i) => worksheet.addConditionalFormatting(excelConditionalFormat(format, i + 1)));

  const { print } = sheet;
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    paperSize: print.paperSize,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToWidth,
    fitToHeight: print.fitToHeight,
    printArea: print.printArea,
    horizontalCentered: print.centerHorizontally,
    margins: { ...print.margins, header: 0.3, footer: 0.3 },
  };
}

function writeCell(target: ExcelJS.Cell, cell: TemplateCell): void {
  if (cell.formula !== undefined) target.value = { formula: cell.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  else if (cell.value !== undefined) target.value = cell.value;
  // A new style object per cell: exceljs shares style objects between cells otherwise.
  target.style = {
    ...target.style,
    ...(cell.numberFormat !== undefined ? { numFmt: cell.numberFormat } : {}),
    font: { name: "宋体", size: 10, ...(cell.bold ? { bold: true } : {}) },
    alignment: { vertical: "middle", wrapText: cell.wrap ?? false, ...(cell.align ? { horizontal: cell.align } : {}) },
    ...(cell.fill ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${cell.fill.slice(1)}` } } as ExcelJS.Fill } : {}),
  };
}

function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

/** A self-check as an "expression" rule; in a rule's style (dxf) a solid fill's colour is its bgColor. */
function excelConditionalFormat(format: TemplateConditionalFormat, priority: number): ExcelJS.ConditionalFormattingOptions {
  return {
    ref: format.range,
    rules: [{
      type: "expression",
      priority,
      formulae: [format.formula.replace(/^=/, "")],
      style: {
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(format.fill) } },
        font: { color: { argb: argb(format.fontColor) } },
      },
    }],
  };
}

function excelValidation(v: TemplateValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: ERROR_TITLE,
    error: `${v.error.zh}\n${v.error.en}`,
    ...(v.prompt ? { showInputMessage: true, prompt: `${v.prompt.zh}\n${v.prompt.en}` } : {}),
  };
  switch (v.kind) {
    case "custom":
      return { ...common, type: "custom", formulae: [v.formula.replace(/^=/, "")] };
    case "list":
      return { ...common, type: "list", formulae: [`"${v.items.join(",")}"`] };
    case "decimal":
    case "whole":
      return v.max !== undefined
        ? { ...common, type: v.kind, operator: "between", formulae: [v.min, v.max] }
        : { ...common, type: v.kind, operator: "greaterThanOrEqual", formulae: [v.min] };
  }
}

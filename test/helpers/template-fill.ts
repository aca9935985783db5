/**
 * A template description turned into the snapshot Excel would hand over after staff typed the
 * given inputs: labels as written, inputs as filled, and every formula with the value Excel
 * would have cached (computed by ./formula-eval.ts from the formula text itself).
 */
import { parseRangeA1 } from "../../src/core/grid/address";
import { SparseSheet, type CellValue, type WorkbookSnapshot } from "../../src/core/grid/workbook";
import type { CellSlot, TemplateDescription, TemplateSheet } from "../../src/core/template";
import { evaluateSheet, type XValue } from "./formula-eval";

/** Inputs by sheet name, then "row:col". */
export class TemplateFill {
  readonly bySheet = new Map<string, Map<string, CellValue>>();

  set(sheet: string, at: CellSlot, value: CellValue): this {
    const map = this.bySheet.get(sheet) ?? new Map<string, CellValue>();
    map.set(`${at.row}:${at.col}`, value);
    this.bySheet.set(sheet, map);
    return this;
  }
}

export function formulaResults(sheet: TemplateSheet, inputs: ReadonlyMap<string, CellValue> = new Map()): Map<string, XValue> {
  const cells = new Map<string, { value?: XValue; formula?: string }>();
  for (const cell of sheet.cells) {
    const key = `${cell.row}:${cell.col}`;
    if (cell.formula !== undefined) cells.set(key, { formula: cell.formula });
    else cells.set(key, { value: inputs.has(key) ? (inputs.get(key) as XValue) : (cell.value ?? null) });
  }
  for (const [key, value] of inputs) if (!cells.has(key)) cells.set(key, { value: value as XValue });
  return evaluateSheet(cells);
}

export function filledSnapshot(description: Pick<TemplateDescription, "sheets"> | { readonly sheets: readonly TemplateSheet[] }, fill: TemplateFill = new TemplateFill()): WorkbookSnapshot {
  return {
    sheets: description.sheets.map((template) => {
      const inputs = fill.bySheet.get(template.name) ?? new Map<string, CellValue>();
      const results = formulaResults(template, inputs);
      const sheet = new SparseSheet(template.name);
      for (const cell of template.cells) {
        const key = `${cell.row}:${cell.col}`;
        const numberFormat = cell.numberFormat && cell.numberFormat !== "General" ? { numberFormat: cell.numberFormat } : {};
        if (cell.formula !== undefined) {
          sheet.set(cell.row, cell.col, { value: results.get(key) as CellValue, formula: cell.formula, ...numberFormat });
        } else {
          const value = inputs.has(key) ? inputs.get(key)! : (cell.value ?? null);
          if (value !== null || cell.numberFormat) sheet.set(cell.row, cell.col, { value, ...numberFormat });
        }
      }
      for (const [key, value] of inputs) {
        const [row, col] = key.split(":").map(Number) as [number, number];
        if (!sheet.cell(row, col)) sheet.set(row, col, { value });
      }
      for (const merge of template.merges) sheet.addMerge(parseRangeA1(merge, template.name)!);
      return sheet;
    }),
  };
}

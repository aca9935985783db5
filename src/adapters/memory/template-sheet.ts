/**
 * A template sheet (src/core/template) as an in-memory sheet. The memory workbook computes no
 * formula: each formula cell holds "", which is what Excel shows for every derived cell of an
 * empty template (the formulas are written to show a blank until their inputs are typed).
 */
import { parseRangeA1 } from "../../core/grid/address";
import { SparseSheet } from "../../core/grid/workbook";
import type { TemplateSheet } from "../../core/template/model";

export function sheetFromTemplate(template: TemplateSheet): SparseSheet {
  const sheet = new SparseSheet(template.name);
  for (const cell of template.cells) {
    const numberFormat = cell.numberFormat !== undefined && cell.numberFormat !== "General" ? { numberFormat: cell.numberFormat } : {};
    const fill = cell.fill !== undefined ? { fill: cell.fill } : {};
    if (cell.formula !== undefined) sheet.set(cell.row, cell.col, { value: "", formula: cell.formula, ...numberFormat, ...fill });
    else sheet.set(cell.row, cell.col, { value: cell.value ?? null, ...numberFormat, ...fill });
  }
  for (const merge of template.merges) {
    const range = parseRangeA1(merge, template.name);
    if (range) sheet.addMerge(range);
  }
  return sheet;
}

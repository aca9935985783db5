/**
 * A template sheet (src/core/template) as an in-memory sheet. The memory workbook computes no
 * formula: each formula cell holds "", which is what Excel shows for every derived cell and every
 * 检查 cell of an empty template (the formulas are written to show a blank until their inputs are
 * typed). The self-checks' conditional formats are kept with the sheet (`conditionalFormatsOf`),
 * so the demo can show them; none of them is on while the template is empty.
 */
import { parseRangeA1 } from "../../core/grid/address";
import { SparseSheet } from "../../core/grid/workbook";
import type { TemplateConditionalFormat, TemplateSheet } from "../../core/template/model";

/** A sheet inserted from a template: the cells, plus the conditional formats of its self-checks. */
export class TemplateGridSheet extends SparseSheet {
  constructor(name: string, readonly conditionalFormats: readonly TemplateConditionalFormat[]) {
    super(name);
  }
}

/** The conditional formats a sheet was inserted with; none for any other sheet. */
export function conditionalFormatsOf(sheet: SparseSheet | undefined): readonly TemplateConditionalFormat[] {
  return sheet instanceof TemplateGridSheet ? sheet.conditionalFormats : [];
}

export function sheetFromTemplate(template: TemplateSheet): TemplateGridSheet {
  const sheet = new TemplateGridSheet(template.name, template.conditionalFormats.map((f) => ({ ...f })));
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

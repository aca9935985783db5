/**
 * A template description turned into the snapshot Excel would hand over after staff typed the
 * given inputs: labels as written, inputs as filled, and every formula with the value Excel
 * would have cached (computed by ./formula-eval.ts from the formula text itself). `highlights`
 * gives the cells the template's conditional formats would colour, computed the same way;
 * `seedFill` and `projectFill` are the correct fills the template tests share.
 */
import { snapshotFromSpec } from "../../src/adapters/memory/grid-spec";
import { fromA1, parseRangeA1, toA1 } from "../../src/core/grid/address";
import { SparseSheet, type CellValue, type WorkbookSnapshot } from "../../src/core/grid/workbook";
import type { CellSlot, IndicatorSlots, TemplateCheckKind, TemplateDescription, TemplateSheet } from "../../src/core/template";
import type { ProjectTemplateDescription } from "../../src/core/template/project";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { evaluate, evaluateSheet, shiftFormula, type XValue } from "./formula-eval";

/** Inputs by sheet name, then "row:col". An input on a formula cell replaces the formula, as typing over it in Excel does. */
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
    if (cell.formula !== undefined && !inputs.has(key)) cells.set(key, { formula: cell.formula });
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
        if (cell.formula !== undefined && !inputs.has(key)) {
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

/** What a cell shows after the inputs are typed: its formula's result, the input, or the template's value. */
export function shownValues(sheet: TemplateSheet, inputs: ReadonlyMap<string, CellValue> = new Map()): (row: number, col: number) => XValue {
  const results = formulaResults(sheet, inputs);
  const byKey = new Map(sheet.cells.map((c) => [`${c.row}:${c.col}`, c]));
  return (row, col) => {
    const key = `${row}:${col}`;
    if (inputs.has(key)) return inputs.get(key) as XValue;
    const cell = byKey.get(key);
    if (!cell) return null;
    if (cell.formula !== undefined) return results.get(key) ?? null;
    return cell.value ?? null;
  };
}

/** A cell a conditional format colours: "B6 total". */
export interface Highlight {
  readonly cell: string;
  readonly check: TemplateCheckKind;
}

/**
 * The cells the sheet's conditional formats colour, every formula applied to every cell of its
 * range with its relative references moved there (as Excel applies them). A formula that
 * evaluates to an error colours nothing, as in Excel; the list is in the order of the formats.
 */
export function highlights(sheet: TemplateSheet, inputs: ReadonlyMap<string, CellValue> = new Map()): Highlight[] {
  const read = shownValues(sheet, inputs);
  const out: Highlight[] = [];
  for (const format of sheet.conditionalFormats) {
    const range = parseRangeA1(format.range)!;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const result = evaluate(shiftFormula(format.formula, r - range.top, c - range.left), read);
        if (result === true || (typeof result === "number" && result !== 0)) out.push({ cell: toA1({ row: r, col: c }), check: format.check });
      }
    }
  }
  return out;
}

/** The notes the 检查 cells show: "J14 得分超过分值". */
export function checkNotes(sheet: TemplateSheet, inputs: ReadonlyMap<string, CellValue> = new Map()): string[] {
  const read = shownValues(sheet, inputs);
  return sheet.cells
    .filter((c) => c.role === "check")
    .flatMap((c) => {
      const shown = read(c.row, c.col);
      return shown === "" || shown === null ? [] : [`${toA1(c)} ${typeof shown === "object" ? shown.error : String(shown)}`];
    });
}


// ----- fills shared by the template tests -----

const seed = snapshotFromSpec(zhuzhouLuosongNpc2023);

function seedValue(sheet: "附件2" | "附件3", a1: string): CellValue {
  const at = fromA1(a1)!;
  return seed.sheets.find((s) => s.name === sheet)!.cell(at.row, at.col)?.value ?? null;
}

/** The seed's 15 indicator rows: 5 数量 rows, one row for every other 二级指标. */
export const SEED_LAYOUT = { year: 2023, weights: "40-20-10-20", rowsPerLevel2: 1, rowsByLevel2: { 数量指标: 5 } } as const;

export function indicatorRows(description: TemplateDescription): IndicatorSlots[] {
  return description.slots.annex3.groups.flatMap((g) => g.level2.flatMap((l) => l.rows));
}

/** Copies every input of the seed (sample spec) into the template's input cells. */
export function seedFill(description: TemplateDescription): TemplateFill {
  const fill = new TemplateFill();
  const [a2name, a3name] = [description.sheets[0].name, description.sheets[1].name];
  const a2 = description.slots.annex2;
  fill.set(a2name, a2.establishment, seedValue("附件2", "B4")).set(a2name, a2.actualStaff, seedValue("附件2", "C4"));
  const fundsRows = [
    [a2.vehiclePurchase, 8], [a2.vehicleRunning, 9], [a2.abroad, 10], [a2.reception, 11],
    [a2.business, 13], [a2.maintenance, 14],
    [a2.publicFunds, 18], [a2.office, 19], [a2.utilities, 20], [a2.meetings, 21], [a2.procurement, 22], [a2.adjustment, 23],
  ] as const;
  for (const [slots, row] of fundsRows) {
    fill.set(a2name, slots.priorFinal, seedValue("附件2", `B${row}`));
    fill.set(a2name, slots.budget, seedValue("附件2", `C${row}`));
    fill.set(a2name, slots.final, seedValue("附件2", `D${row}`));
  }
  const a3 = description.slots.annex3;
  fill.set(a3name, a3.unitName, seedValue("附件3", "D3"));
  fill.set(a3name, a3.initialBudget, seedValue("附件3", "D5"));
  fill.set(a3name, a3.budget, seedValue("附件3", "E5"));
  fill.set(a3name, a3.executed, seedValue("附件3", "F5"));
  fill.set(a3name, a3.executionWeight, seedValue("附件3", "G5"));
  // The seed writes the breakdown figures inside its labels; the template has a cell for each.
  fill.set(a3name, a3.general, 982.6).set(a3name, a3.basic, 911.94).set(a3name, a3.project, 70.66);
  fill.set(a3name, a3.goalExpected, seedValue("附件3", "B12")).set(a3name, a3.goalActual, seedValue("附件3", "F12"));
  indicatorRows(description).forEach((slots, i) => {
    const row = 14 + i;
    fill.set(a3name, slots.level3, seedValue("附件3", `D${row}`));
    fill.set(a3name, slots.target, seedValue("附件3", `E${row}`));
    fill.set(a3name, slots.actual, seedValue("附件3", `F${row}`));
    fill.set(a3name, slots.weight, seedValue("附件3", `G${row}`));
    fill.set(a3name, slots.score, seedValue("附件3", `H${row}`));
    fill.set(a3name, slots.reason, seedValue("附件3", `I${row}`));
  });
  return fill;
}

/** A project's figures typed into a project template: every row of every 二级 a plausible indicator, 分值 as the scheme says, full marks. */
export function projectFill(description: ProjectTemplateDescription, overrides: { executed?: number } = {}): TemplateFill {
  const sheet = description.sheets[0].name;
  const f = new TemplateFill();
  const set = (slot: { row: number; col: number } | null, value: CellValue) => {
    if (slot && slot.col >= 0) f.set(sheet, slot, value);
  };
  const slots = description.slots;
  set(slots.project, "乡镇污水处理设施运行维护项目");
  set(slots.department, "县生态环境局");
  set(slots.implementer, "县污水处理中心");
  const executed = overrides.executed ?? 95;
  if (slots.parts.length > 0) {
    slots.parts.forEach((p, i) => {
      set(p.initialBudget, i === 0 ? 100 : 0);
      set(p.budget, i === 0 ? 100 : 0);
      set(p.executed, i === 0 ? executed : 0);
    });
  } else {
    set(slots.funds.initialBudget, 100);
    set(slots.funds.budget, 100);
    set(slots.funds.executed, executed);
  }
  set(slots.goalExpected, "保障全年污水设施正常运行");
  set(slots.goalActual, "全年设施运行正常");
  let n = 0;
  for (const group of slots.groups) {
    const rows = group.level2.flatMap((l2) => l2.rows);
    // The group's weight spread over its rows, integers with the rest on the first row.
    const each = Math.floor(group.weight / rows.length);
    rows.forEach((row, i) => {
      const weight = i === 0 ? group.weight - each * (rows.length - 1) : each;
      n++;
      set(row.level3, `指标${n}名称`);
      if (row.qualitative) {
        set(row.target, "有效提升");
        set(row.actual, "达成年度指标");
      } else if (row.nature) {
        set(row.nature, "≥");
        set(row.target, 90);
        set(row.unit, "%");
        set(row.actual, 95);
      } else {
        set(row.target, "≥90%");
        set(row.actual, "95%");
      }
      set(row.weight, weight);
      set(row.score, weight);
    });
  }
  return f;
}

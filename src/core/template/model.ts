/**
 * A blank 附件2/附件3 template described as data: which cells hold labels, inputs or formulas,
 * their number formats, merges, data validations, widths and print setup. Hosts (the .xlsx
 * writer, Office, the memory workbook) only transcribe this description, so every host writes
 * the same cells and the formulas are written once, here.
 */
import type { Bilingual } from "../findings/finding";

/** 产出40/效益20/满意度10/成本20 (the seed's) or the older 产出50/效益30/满意度10 (成本 inside 产出). */
export type WeightScheme = "40-20-10-20" | "50-30-10";

export const WEIGHT_SCHEMES: readonly WeightScheme[] = ["40-20-10-20", "50-30-10"];

/**
 * What a cell is for: labels are fixed text, inputs are typed by staff, derived cells hold the
 * form's formulas, check cells (the 检查 column beside the form, outside its print area) hold a
 * self-check formula that shows a blank, or a short note in the form's words when something on
 * its row does not add up.
 */
export type TemplateCellRole = "label" | "input" | "derived" | "check";

export interface TemplateCell {
  /** 0-based, like the rest of the core. */
  readonly row: number;
  readonly col: number;
  readonly role: TemplateCellRole;
  /** Label text, or a preset input (执行率 分值 10). Text is always written as text. */
  readonly value?: string | number;
  /** Excel formula text starting with "=", built by ./formulas.ts. */
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly align?: "left" | "center";
  readonly wrap?: boolean;
  readonly fill?: string;
}

/**
 * A data validation on a rectangular range. Formulas are relative to the range's top-left cell,
 * as Excel reads them.
 */
export type TemplateValidation =
  | { readonly range: string; readonly kind: "custom"; readonly formula: string; readonly error: Bilingual; readonly prompt?: Bilingual }
  | { readonly range: string; readonly kind: "decimal" | "whole"; readonly min: string; readonly max?: string; readonly error: Bilingual; readonly prompt?: Bilingual }
  | { readonly range: string; readonly kind: "list"; readonly items: readonly string[]; readonly error: Bilingual; readonly prompt?: Bilingual };

/**
 * What a self-check looks at (docs/template.md, 自检):
 * - total: a total typed over its formula that differs from the sum of its parts (to the cent);
 * - score-above-weight: a 得分 above the 分值 (权重) on its row;
 * - weights-total: the 分值 of the execution row and the indicators not adding up to 100, once one is typed;
 * - level1-weight: the 分值 under a 一级指标 not adding up to the points in its label;
 * - check-cell: a check cell that shows a note.
 */
export type TemplateCheckKind = "total" | "score-above-weight" | "weights-total" | "level1-weight" | "check-cell";

/**
 * A conditional format: the cells of `range` show `fill` and `fontColor` while `formula` is TRUE.
 * Relative references in the formula are relative to the range's top-left cell, as Excel reads
 * them (the formula written for B6 is applied to C6 as if shifted one column). Every formula is
 * FALSE on a blank template and on a correctly filled one.
 */
export interface TemplateConditionalFormat {
  readonly range: string;
  readonly formula: string;
  readonly check: TemplateCheckKind;
  /** "#RRGGBB". */
  readonly fill: string;
  readonly fontColor: string;
}

export interface TemplatePrint {
  /** ECMA-376 paper size code: 9 is A4. */
  readonly paperSize: 9;
  readonly orientation: "portrait" | "landscape";
  /** One page wide, as many pages tall as needed. */
  readonly fitToWidth: 1;
  readonly fitToHeight: 0;
  readonly printArea: string;
  readonly centerHorizontally: boolean;
  /** Margins in inches. */
  readonly margins: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

export interface TemplateSheet {
  readonly name: string;
  readonly cells: readonly TemplateCell[];
  readonly merges: readonly string[];
  /** Column widths in characters, column A first. */
  readonly columnWidths: readonly number[];
  /** Row heights in points for rows that need more than the default (titles, long text). */
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
  /** Ranges that get thin borders: the table body. */
  readonly bordered: readonly string[];
  readonly validations: readonly TemplateValidation[];
  /** The self-checks: highlights on the cells they check and on the 检查 column. */
  readonly conditionalFormats: readonly TemplateConditionalFormat[];
  /** The print area is the form; the 检查 column to its right is not printed. */
  readonly print: TemplatePrint;
  readonly rowCount: number;
  /** Every column written, the 检查 column included. */
  readonly colCount: number;
}

/** Where each input of a row with the three year columns sits. */
export interface FundsSlots {
  readonly priorFinal: CellSlot;
  readonly budget: CellSlot;
  readonly final: CellSlot;
}

export interface CellSlot {
  readonly row: number;
  readonly col: number;
}

export interface IndicatorSlots {
  readonly level3: CellSlot;
  readonly target: CellSlot;
  readonly actual: CellSlot;
  readonly weight: CellSlot;
  readonly score: CellSlot;
  readonly reason: CellSlot;
  readonly qualitative: boolean;
}

/** The input cells by meaning, so a caller (a test, a future import) can fill the template. */
export interface TemplateSlots {
  readonly annex2: {
    readonly establishment: CellSlot;
    readonly actualStaff: CellSlot;
    readonly vehiclePurchase: FundsSlots;
    readonly vehicleRunning: FundsSlots;
    readonly abroad: FundsSlots;
    readonly reception: FundsSlots;
    readonly business: FundsSlots;
    readonly maintenance: FundsSlots;
    readonly specialLines: readonly { readonly label: CellSlot; readonly funds: FundsSlots }[];
    readonly publicFunds: FundsSlots;
    readonly office: FundsSlots;
    readonly utilities: FundsSlots;
    readonly meetings: FundsSlots;
    readonly procurement: FundsSlots;
    readonly adjustment: FundsSlots;
    readonly buildings: readonly { readonly name: CellSlot; readonly approvedScale: CellSlot; readonly actualScale: CellSlot; readonly budgetInvestment: CellSlot; readonly actualInvestment: CellSlot }[];
    readonly savingMeasures: CellSlot;
  };
  readonly annex3: {
    readonly unitName: CellSlot;
    readonly initialBudget: CellSlot;
    readonly budget: CellSlot;
    readonly executed: CellSlot;
    readonly executionWeight: CellSlot;
    readonly general: CellSlot;
    readonly fund: CellSlot;
    readonly specialAccount: CellSlot;
    readonly other: CellSlot;
    readonly basic: CellSlot;
    readonly project: CellSlot;
    readonly goalExpected: CellSlot;
    readonly goalActual: CellSlot;
    readonly groups: readonly {
      readonly level1: string;
      readonly weight: number;
      readonly level2: readonly { readonly name: string; readonly rows: readonly IndicatorSlots[] }[];
    }[];
    /** Derived cells worth naming: the 总分 and 等级 a filled template shows. */
    readonly totalWeight: CellSlot;
    readonly totalScore: CellSlot;
    readonly grade: CellSlot;
  };
}

export interface TemplateDescription {
  readonly year: number;
  readonly weights: WeightScheme;
  readonly sheets: readonly [TemplateSheet, TemplateSheet];
  readonly slots: TemplateSlots;
}

export interface TemplateOptions {
  readonly year: number;
  readonly weights: WeightScheme;
  /** 市级专项资金 lines under 项目支出 (one 专项 per line). Default 3. */
  readonly specialLines?: number;
  /** Indicator rows under each 二级指标. Default 2. */
  readonly rowsPerLevel2?: number;
  /** Per-二级指标 overrides of rowsPerLevel2, by name ("数量指标": 5). */
  readonly rowsByLevel2?: Readonly<Record<string, number>>;
  /** 二级指标 whose rows are qualitative (实际完成值 from the three official phrases). Default: the 效益 ones. */
  readonly qualitativeLevel2?: readonly string[];
  /** 楼堂馆所 project rows. Default 2. */
  readonly buildingRows?: number;
  /** Lower bounds of 优, 良, 中 for the 等级 formula. Default 90/80/60. */
  readonly gradeBands?: readonly [number, number, number];
  /** Sheet names; default 附件2 and 附件3. */
  readonly sheetNames?: { readonly annex2: string; readonly annex3: string };
}

export const DEFAULT_SHEET_NAMES = { annex2: "附件2", annex3: "附件3" } as const;

/** Years a template can be made for: the forms exist from the 2010s on; a typo (203) is refused. */
export const MIN_TEMPLATE_YEAR = 2000;
export const MAX_TEMPLATE_YEAR = 2100;

export function isTemplateYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_TEMPLATE_YEAR && year <= MAX_TEMPLATE_YEAR;
}

export function isWeightScheme(text: string): text is WeightScheme {
  return (WEIGHT_SCHEMES as readonly string[]).includes(text);
}

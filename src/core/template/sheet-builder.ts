/** Collects the cells, merges and validations of one template sheet while its rows are laid out. */
import { rangeToA1 } from "../grid/address";
import type { Bilingual } from "../findings/finding";
import type { TemplateCell, TemplatePrint, TemplateSheet, TemplateValidation } from "./model";

export const FORMAT = {
  amount: "0.00",
  rate: "0.00%",
  score: "0.00",
  count: "0",
  text: "@",
} as const;

/** Derived cells are shaded so staff see they are computed and leave them alone. */
export const DERIVED_FILL = "#EDEDED";

type CellOptions = Omit<TemplateCell, "row" | "col" | "role" | "value" | "formula">;

export class SheetBuilder {
  private readonly cells = new Map<string, TemplateCell>();
  private readonly merges: string[] = [];
  private readonly validations: TemplateValidation[] = [];
  private readonly heights: { row: number; height: number }[] = [];
  private readonly borders: string[] = [];
  private maxRow = -1;

  constructor(readonly name: string, readonly colCount: number) {}

  private put(cell: TemplateCell): void {
    this.cells.set(`${cell.row}:${cell.col}`, cell);
    if (cell.row > this.maxRow) this.maxRow = cell.row;
  }

  label(row: number, col: number, text: string, options: CellOptions = {}): void {
    this.put({ row, col, role: "label", value: text, wrap: true, ...options });
  }

  input(row: number, col: number, numberFormat: string, options: CellOptions & { value?: string | number } = {}): void {
    this.put({ row, col, role: "input", numberFormat, ...options });
  }

  derived(row: number, col: number, formula: string, numberFormat: string, options: CellOptions = {}): void {
    this.put({ row, col, role: "derived", formula, numberFormat, fill: DERIVED_FILL, ...options });
  }

  /** Merges a block; `rows`/`cols` count cells, so merge(r, c, 1, 3) spans three columns. */
  merge(row: number, col: number, rows: number, cols: number): void {
    if (rows === 1 && cols === 1) return;
    this.merges.push(rangeToA1({ sheet: "", top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }));
    if (row + rows - 1 > this.maxRow) this.maxRow = row + rows - 1;
  }

  validate(validation: TemplateValidation): void {
    this.validations.push(validation);
  }

  height(row: number, height: number): void {
    this.heights.push({ row, height });
  }

  border(top: number, left: number, bottom: number, right: number): void {
    this.borders.push(rangeToA1({ sheet: "", top, left, bottom, right }));
  }

  get lastRow(): number {
    return this.maxRow;
  }

  build(columnWidths: readonly number[], print: Omit<TemplatePrint, "printArea" | "paperSize" | "fitToWidth" | "fitToHeight">): TemplateSheet {
    const rowCount = this.maxRow + 1;
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      name: this.name,
      cells,
      merges: [...this.merges],
      columnWidths: [...columnWidths],
      rowHeights: [...this.heights],
      bordered: [...this.borders],
      validations: [...this.validations],
      print: {
        paperSize: 9,
        fitToWidth: 1,
        fitToHeight: 0,
        printArea: rangeToA1({ sheet: "", top: 0, left: 0, bottom: rowCount - 1, right: this.colCount - 1 }),
        ...print,
      },
      rowCount,
      colCount: this.colCount,
    };
  }
}

export const MESSAGES = {
  amount: {
    zh: "请填写不小于 0 的金额（万元），最多两位小数；不适用可填“——”",
    en: "Enter an amount (10k yuan) of at least 0 with at most 2 decimals, or “——” when not applicable",
  },
  count: { zh: "请填写不小于 0 的整数人数", en: "Enter a whole number of people, at least 0" },
  area: { zh: "请填写不小于 0 的面积（㎡），最多两位小数", en: "Enter a floor area (㎡) of at least 0 with at most 2 decimals" },
  weight: { zh: "分值应在 0 到 100 之间", en: "The weight must lie between 0 and 100" },
  score: { zh: "得分应在 0 到本行分值之间，最多两位小数", en: "The score must lie between 0 and the row's weight, with at most 2 decimals" },
  qualitative: {
    zh: "定性指标的实际完成值请从三种标准表述中选择",
    en: "For a qualitative indicator, choose the actual result from the three standard phrases",
  },
} as const satisfies Record<string, Bilingual>;

/** Collects the cells, merges and validations of one template sheet while its rows are laid out. */
import { rangeToA1 } from "../grid/address";
import type { Bilingual } from "../findings/finding";
import type { TemplateCell, TemplateCheckKind, TemplateConditionalFormat, TemplatePrint, TemplateSheet, TemplateValidation } from "./model";
import { CHECK_HEADER, CHECK_STYLE, highlightFormula } from "./checks";

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
  private readonly conditionalFormats: TemplateConditionalFormat[] = [];
  private readonly heights: { row: number; height: number }[] = [];
  private readonly borders: string[] = [];
  private maxRow = -1;
  private maxCol = -1;

  /** `colCount`: the form's columns (its print area); a 检查 column may follow them. */
  constructor(readonly name: string, readonly colCount: number) {}

  private put(cell: TemplateCell): void {
    this.cells.set(`${cell.row}:${cell.col}`, cell);
    if (cell.row > this.maxRow) this.maxRow = cell.row;
    if (cell.col > this.maxCol) this.maxCol = cell.col;
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

  /** A self-check cell: `formula` (./checks.ts checkCell) shows a blank, or a note when something is wrong. */
  check(row: number, col: number, formula: string): void {
    this.put({ row, col, role: "check", formula, numberFormat: "General", wrap: true });
  }

  /** Highlights `range` while `condition` (./checks.ts, relative to the range's top-left cell) holds. */
  highlight(range: string, condition: string, check: TemplateCheckKind): void {
    this.conditionalFormats.push({ range, formula: highlightFormula(condition), check, ...CHECK_STYLE });
  }

  /**
   * The 检查 column: its header above the first check cell, and one highlight over its check
   * cells, on while a cell shows a note. Call once the check cells are in.
   */
  checkColumn(col: number): void {
    const rows = [...this.cells.values()].filter((c) => c.col === col && c.role === "check").map((c) => c.row);
    if (rows.length === 0) return;
    const top = Math.min(...rows);
    const bottom = Math.max(...rows);
    this.label(top - 1, col, CHECK_HEADER, { align: "center", bold: true });
    const first = rangeToA1({ sheet: "", top, left: col, bottom: top, right: col });
    this.highlight(rangeToA1({ sheet: "", top, left: col, bottom, right: col }), `${first}<>""`, "check-cell");
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
    const colCount = Math.max(this.colCount, this.maxCol + 1);
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      name: this.name,
      cells,
      merges: [...this.merges],
      columnWidths: [...columnWidths],
      rowHeights: [...this.heights],
      bordered: [...this.borders],
      validations: [...this.validations],
      conditionalFormats: [...this.conditionalFormats],
      print: {
        paperSize: 9,
        fitToWidth: 1,
        fitToHeight: 0,
        printArea: rangeToA1({ sheet: "", top: 0, left: 0, bottom: rowCount - 1, right: this.colCount - 1 }),
        ...print,
      },
      rowCount,
      colCount,
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

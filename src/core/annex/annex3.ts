/**
 * A self-evaluation table (湖南 附件3, a 财政部 or 四川 project table) from a located region, read
 * with the labels of the form's profile: the header fields (单位名称 / 项目名称, 主管部门, 实施单位),
 * the funds block (年度资金总额 and its 其中 rows, or 湖南's breakdown by 收入性质 and 支出性质),
 * the indicator table and its closing 总分/合计 row.
 *
 * Real tables are read as a person reads them: a header may span two rows with cells merged down
 * from the one above; notes, signatures and the sections some forms put after the table end it;
 * a header repeated after a page break is skipped; a 一级 label repeated after a page break is
 * the same dimension; rows of the blank template left unfilled are marked, not read as indicators.
 */
import type { LabelCell, RowSpan, SheetIndex } from "./sheet-index";
import { BREAKDOWN_KEYWORDS as K } from "./labels";
import { readAnyText, readEmbeddedNumber, readNumber, readText, yearIn } from "./read-cells";
import {
  type Annex3, type BreakdownPart, type FundsPart, type IndicatorField, type IndicatorRow, type Level1Group,
} from "../model/annex3";
import type { LocatedNumber, LocatedText } from "../model/located";
import { addressOf, type CellRange } from "../grid/address";
import type { YearMention } from "../model/annex2";
import { dec } from "../numeric/decimal";
import { canonicalText, compactText, normalizeLabel } from "../text/normalize";
import { matchesAny } from "../text/patterns";
import { parseCellNumber } from "../cells/parse-value";
import type { SelfEvalSpec } from "../profiles/profile";

export function parseAnnex3(index: SheetIndex, rows: RowSpan, spec: SelfEvalSpec): Annex3 {
  const titleCell = index.first((l) => spec.title.test(l) && !/续/.test(l), rows);
  const title = titleCell ? readText(index, titleCell.row, titleCell.col) : null;
  const field = (pattern: RegExp | null) => {
    if (!pattern) return null;
    const label = index.first((l) => pattern.test(l), rows);
    return label ? textRightOf(index, label) : null;
  };
  const indicatorHeader = findIndicatorHeader(index, rows, spec);
  const funds = parseFunds(index, rows, spec);
  const goalsRow = index.first((l) => spec.goals.test(l), rows)?.row;
  const breakdownRows: RowSpan = {
    from: funds ? funds.row + 1 : rows.from,
    to: Math.min(rows.to, (goalsRow ?? indicatorHeader?.row ?? rows.to + 1) - 1),
  };
  const indicators = indicatorHeader ? parseIndicators(index, rows, indicatorHeader, spec) : null;
  const years: YearMention[] = [];
  const titleYear = titleYearOf(index, title, titleCell);
  if (title && titleYear !== null) years.push({ at: addressOf(title), text: title.text, year: titleYear, expects: "Y" });
  const model: Annex3 = {
    kind: "annex3",
    sheet: index.name,
    range: { sheet: index.name, top: rows.from, left: 0, bottom: rows.to, right: Math.max(0, index.colCount - 1) },
    title,
    year: titleYear,
    years,
    unitName: field(spec.fields.unitName),
    project: field(spec.fields.project),
    department: field(spec.fields.department),
    implementer: field(spec.fields.implementer),
    funds: funds?.model ?? null,
    income: spec.funds.breakdowns ? parseIncome(index, breakdownRows) : null,
    expense: spec.funds.breakdowns ? parseExpense(index, breakdownRows) : null,
    indicatorHeader: indicatorHeader ? readText(index, indicatorHeader.row, indicatorHeader.col) : null,
    indicatorColumns: indicators?.columns ?? NO_COLUMNS,
    level1Groups: indicators?.groups ?? [],
    indicators: indicators?.rows ?? [],
    total: indicators?.total ?? null,
    anchor: index.address(rows.from, 0),
  };
  // Typed by construction; Annex3Schema (property tests hold models to it) is not run per check.
  return model;
}

/** The year of the title, or of a "（2022年度）" line right under it (the 财政部 layout). */
function titleYearOf(index: SheetIndex, title: LocatedText | null, cell: LabelCell | undefined): number | null {
  if (!title || !cell) return null;
  const own = yearIn(title.text);
  if (own !== null) return own;
  for (const row of [cell.row, cell.row + 1]) {
    for (const l of index.rowLabels(row)) {
      if (l === cell) continue;
      const year = /^\(?((?:19|20)\d{2})年度?\)?$/.exec(l.label);
      if (year) return Number(year[1]);
    }
  }
  return null;
}

function textRightOf(index: SheetIndex, label: LabelCell): LocatedText | null {
  for (let col = index.rightEdge(label.row, label.col) + 1; col < index.colCount; col = index.rightEdge(label.row, col) + 1) {
    const text = readText(index, label.row, col);
    if (text && text.text.trim() !== "") return text;
  }
  return null;
}

/**
 * The columns of a header that may span rows: for each field, the first column whose visible text
 * (read through merges) matches, looking at the anchor row first, then the row below, then the
 * row above. `bottom` is the last row of the header: data starts under it.
 */
function readHeader<F extends string>(index: SheetIndex, anchorRow: number, patterns: Readonly<Record<F, RegExp>>, within: RowSpan) {
  const columns = {} as Record<F, number | null>;
  const rowsToScan = [anchorRow, anchorRow + 1, anchorRow - 1].filter((r) => r >= within.from && r <= within.to);
  const scanned = rowsToScan.map((row) => ({ row, cells: index.visibleTexts(row) }));
  let bottom = anchorRow;
  const taken = new Set<number>();
  for (const field of Object.keys(patterns) as F[]) {
    columns[field] = null;
    for (const { row, cells } of scanned) {
      const hit = cells.find((c) => !taken.has(c.col) && patterns[field].test(c.label));
      if (!hit) continue;
      columns[field] = hit.col;
      taken.add(hit.col);
      // A header found on the row below, or merged down past the anchor row, pushes the data down.
      bottom = Math.max(bottom, hit.bottom, row === anchorRow + 1 ? row : anchorRow);
      break;
    }
  }
  return { columns, bottom };
}

function findIndicatorHeader(index: SheetIndex, rows: RowSpan, spec: SelfEvalSpec): LabelCell | undefined {
  const c = spec.indicators.columns;
  return index.first((l) => c.level1.test(l) || c.level3.test(l), rows);
}

type FundsColumn = keyof SelfEvalSpec["funds"]["columns"];

function parseFunds(index: SheetIndex, rows: RowSpan, spec: SelfEvalSpec): { row: number; model: NonNullable<Annex3["funds"]> } | null {
  const cols = spec.funds.columns;
  const budgetHeader = index.first((l, b) => {
    if (!cols.budget.test(l)) return false;
    const near = [b.row - 1, b.row, b.row + 1].flatMap((r) => index.visibleTexts(r).map((t) => t.label));
    return near.some((label) => cols.executed.test(label));
  }, rows);
  if (!budgetHeader) return null;
  const headerRow = budgetHeader.row;
  const patterns: Record<FundsColumn | "reason", RegExp> = { ...cols, reason: spec.funds.reason ?? NEVER };
  const { columns, bottom } = readHeader(index, headerRow, patterns, rows);
  const valueCols = [columns.initialBudget, columns.budget, columns.executed].filter((c): c is number => c !== null);
  const firstValueCol = Math.min(...valueCols);
  const totalLabel = index.first((l, cell) => spec.funds.totalRow.test(l) && cell.col < firstValueCol, { from: bottom + 1, to: rows.to })
    ?? index.first((l) => spec.funds.totalRow.test(l), { from: bottom + 1, to: rows.to });
  let row = totalLabel && totalLabel.row <= bottom + 8 ? totalLabel.row : undefined;
  if (row === undefined && columns.budget !== null) {
    // No 年度资金总额 label: the first row under the header with a number in the budget column.
    for (let r = bottom + 1; r <= Math.min(rows.to, bottom + 4); r++) {
      if (parseCellNumber(index.cell(r, columns.budget), "amount").kind === "number") { row = r; break; }
    }
  }
  if (row === undefined) return null;
  const valueRow = row;
  const read = (col: number | null, kind: "amount" | "percent" | "score", role: "input" | "derived", at = valueRow): LocatedNumber | null =>
    col !== null ? readNumber(index, at, col, kind, role) : null;
  const label = totalLabel && totalLabel.row === valueRow ? readText(index, totalLabel.row, totalLabel.col) : null;
  return {
    row: valueRow,
    model: {
      header: readText(index, headerRow, budgetHeader.col)!,
      label,
      initialBudget: read(columns.initialBudget, "amount", "input"),
      budget: read(columns.budget, "amount", "input"),
      executed: read(columns.executed, "amount", "input"),
      weight: read(columns.weight, "score", "input"),
      rate: read(columns.rate, "percent", "derived"),
      score: read(columns.score, "score", "derived"),
      parts: parseFundsParts(index, valueRow, totalLabel?.row === valueRow ? totalLabel.col : null, rows, spec, columns, firstValueCol),
      reason: columns.reason !== null ? (readText(index, valueRow, columns.reason) ?? { sheet: index.name, row: valueRow, col: columns.reason, text: "" }) : null,
    },
  };
}

const NEVER = /(?!)/;

/**
 * The 其中 rows under the total row: consecutive rows whose label (left of the amounts) is one of
 * the form's parts. The first row that is none of them (the goals, the indicator header) ends them.
 */
function parseFundsParts(
  index: SheetIndex, totalRow: number, labelCol: number | null, rows: RowSpan, spec: SelfEvalSpec,
  columns: Readonly<Record<FundsColumn, number | null>>, firstValueCol: number,
): FundsPart[] {
  const parts: FundsPart[] = [];
  if (spec.funds.parts.length === 0) return parts;
  // The total row may be two rows tall (its label merged down); the block's caption beside it is not its height.
  const lastRow = labelCol === null ? totalRow : index.bottomEdge(totalRow, labelCol);
  for (let row = lastRow + 1; row <= Math.min(rows.to, lastRow + 12); row++) {
    const labels = index.rowLabels(row).filter((l) => l.col < firstValueCol);
    const match = labels.find((l) => spec.funds.parts.some((p) => p.label.test(l.label)));
    if (!match) {
      if (index.isRowBlank(row)) continue;
      break;
    }
    const read = (col: number | null) => (col !== null ? readNumber(index, row, col, "amount", "input") : null);
    parts.push({
      label: readText(index, match.row, match.col)!,
      initialBudget: read(columns.initialBudget),
      budget: read(columns.budget),
      executed: read(columns.executed),
    });
  }
  return parts;
}

/**
 * A breakdown figure: inside its label ("项目支出：70.66") or, when the label has no number,
 * in the next cell to its right that is not itself another label.
 */
function breakdownPart(index: SheetIndex, cell: LabelCell, keyword: RegExp): BreakdownPart | null {
  const label: LocatedText = { sheet: index.name, row: cell.row, col: cell.col, text: cell.text };
  const embedded = readEmbeddedNumber(index, cell.row, cell.col, keyword);
  if (embedded && embedded.parsed.kind !== "blank") return { label, value: embedded };
  const nextCol = index.rightEdge(cell.row, cell.col) + 1;
  if (nextCol < index.colCount) {
    const next = index.cell(cell.row, nextCol);
    const parsed = parseCellNumber(next, "amount");
    const isOtherLabel = typeof next?.value === "string" && Object.values(K).some((k) => k.test(canonicalText(next.value as string)));
    if (parsed.kind !== "blank" && !isOtherLabel) return { label, value: readNumber(index, cell.row, nextCol, "amount", "input") };
  }
  return embedded ? { label, value: embedded } : null;
}

function findPart(index: SheetIndex, rows: RowSpan, keyword: RegExp, role: "input" | "derived"): BreakdownPart | null {
  const cell = index.first((_, l) => keyword.test(compactText(l.text)), rows);
  if (!cell) return null;
  const part = breakdownPart(index, cell, keyword);
  return part && { label: part.label, value: { ...part.value, role } };
}

function parseIncome(index: SheetIndex, rows: RowSpan): Annex3["income"] {
  if (rows.to < rows.from) return null;
  const total = findPart(index, rows, K.incomeTotal, "derived");
  const parts = [K.general, K.fund, K.specialAccount, K.other]
    .map((k) => findPart(index, rows, k, "input"))
    .filter((p): p is BreakdownPart => p !== null);
  if (!total && parts.length === 0) return null;
  return { total, parts };
}

function parseExpense(index: SheetIndex, rows: RowSpan): Annex3["expense"] {
  if (rows.to < rows.from) return null;
  const total = findPart(index, rows, K.expenseTotal, "derived");
  const basic = findPart(index, rows, K.basic, "input");
  const project = findPart(index, rows, K.project, "input");
  if (!total && !basic && !project) return null;
  return { total, basic, project };
}

const NO_COLUMNS: Readonly<Record<IndicatorField, number | null>> = {
  level1: null, level2: null, level3: null, target: null, actual: null, weight: null, score: null, reason: null, nature: null, unit: null,
};

const WEIGHT_IN_LABEL = /[(]\s*(\d+(?:\.\d+)?)\s*分\s*[)]|(\d+(?:\.\d+)?)\s*分\s*$/;

function statedWeight(text: string): ReturnType<typeof dec> | null {
  const match = WEIGHT_IN_LABEL.exec(compactText(text));
  if (!match) return null;
  return dec(match[1] ?? match[2]!);
}

/** A 一级 label's dimension name without its weight: "产出指标(40分)" and "产出指标" are one group. */
function groupKey(text: string): string {
  return normalizeLabel(text).replace(/[(]?\d+(?:\.\d+)?分[)]?/g, "");
}

/** Text typed to fill a template slot without content: "指标1：", "……", "/", "—". */
const STUB = /^(?:指标[\d一二三四五六七八九十]*[:]?|[.…。·、]+|[-—－_/\\]+|x+|X+)$/;
const SLASH = /^[-—－/\\]+$/;
const COLUMN_TAG = /^\(?[A-Za-z](?:\/[A-Za-z])?\)?$/;
const isColumnTag = (l: LabelCell) => COLUMN_TAG.test(l.label);

/** A template stub ("指标1：", "……", "—") or nothing: not an indicator's text. */
export function isStub(text: LocatedText | null): boolean {
  return text === null || STUB.test(compactText(text.text));
}

function isSlash(text: LocatedText | null): boolean {
  return text !== null && SLASH.test(compactText(text.text));
}

/** The texts of a row whose 分值 is 0 or "/": each "/" or empty, and a "/" among them or a 二级 label over them. */
function isNotApplicable(texts: readonly (LocatedText | null)[], underLevel2: boolean): boolean {
  return texts.every((t) => t === null || isSlash(t) || t.text.trim() === "") && (texts.some(isSlash) || underLevel2);
}

/** Whether a number cell holds a figure (typed, or text that reads as one). */
function isFigure(cell: LocatedNumber | null): boolean {
  return cell?.parsed.kind === "number";
}

/** Whether a number cell holds a figure other than 0. */
function nonZero(cell: LocatedNumber | null): boolean {
  return cell?.value != null && !cell.value.isZero();
}

/** readText for one column, row after row: a cell under the same merge as the last one gives the same object. */
function mergedTextReader(index: SheetIndex): (row: number, col: number) => LocatedText | null {
  let lastMerge: CellRange | undefined;
  let lastText: LocatedText | null = null;
  return (row, col) => {
    const merge = index.mergeAt(row, col);
    if (merge !== undefined && merge === lastMerge) return lastText;
    lastMerge = merge;
    lastText = readText(index, row, col);
    return lastText;
  };
}

/** The text of a row's cell in a column the header may not have. */
function anyTextAt(index: SheetIndex, row: number, col: number | null): LocatedText | null {
  return col !== null ? readAnyText(index, row, col) : null;
}

const STOP = 0;
const NEXT = 1;

function parseIndicators(index: SheetIndex, rows: RowSpan, anchor: LabelCell, spec: SelfEvalSpec) {
  const { columns: c, bottom } = readHeader(index, anchor.row, spec.indicators.columns, rows);
  const groups: Level1Group[] = [];
  const groupByKey = new Map<string, number>();
  const out: IndicatorRow[] = [];
  let total: Annex3["total"] = null;
  let lastGroup: number | null = null;
  let lastLevel2: LocatedText | null = null;
  const dataCols = [c.level1, c.level2, c.level3].filter((x): x is number => x !== null);
  const leftmostData = Math.min(...dataCols, c.weight ?? Number.MAX_SAFE_INTEGER, c.target ?? Number.MAX_SAFE_INTEGER);
  const firstValueCol = Math.min(...[c.target, c.actual, c.weight, c.score].filter((x): x is number => x !== null), Number.MAX_SAFE_INTEGER);
  // Each row's labels are held against every header pattern (a header repeated after a page break).
  const isHeaderLabel = matchesAny(Object.values(spec.indicators.columns) as RegExp[]);
  // The group key of each 一级 text is remembered for this table (rows merged under one 一级 repeat it).
  const groupKeys = new Map<string, string>();
  const groupKeyOf = (text: string) => {
    let key = groupKeys.get(text);
    if (key === undefined) groupKeys.set(text, (key = groupKey(text)));
    return key;
  };
  // 一级 and 二级 cells are merged down their rows: every row under one merge reads the same text,
  // one object for all of them instead of one per row.
  const level1Text = mergedTextReader(index);
  const level2Text = mergedTextReader(index);
  const firstLevelCol = Math.min(...[c.level1, c.level2, c.level3].filter((x): x is number => x !== null), Number.MAX_SAFE_INTEGER);
  // Each row is read by a function of its own (called per row, it is optimized after a few hundred
  // rows; a loop body would wait for the whole parser to be replaced on the stack).
  // The 总分/合计 label closing the table sits left of the figures.
  const isTotalLabel = (l: LabelCell) => l.col < firstValueCol && spec.total.test(l.label);
  const readRow = (row: number): typeof STOP | typeof NEXT => {
    const totalLabel = index.firstInRow(row, isTotalLabel);
    if (totalLabel) {
      total = {
        label: readText(index, row, totalLabel.col)!,
        weight: c.weight !== null ? readNumber(index, row, c.weight, "score", "derived") : null,
        score: c.score !== null ? readNumber(index, row, c.score, "score", "derived") : null,
      };
      return STOP;
    }
    if (index.isRowBlank(row, Number.isFinite(leftmostData) ? leftmostData : 0)) return NEXT;
    // Notes, signatures and the sections after the table: the row's first cell, starting at or left of
    // the 一级 column (an indicator named "存在问题整改率" sits further right and is no note).
    const firstCol = index.firstFilledColumn(row);
    if (firstCol !== undefined && firstCol <= firstLevelCol && spec.end.test(index.labelAt(row, firstCol))) return STOP;
    const weight = c.weight !== null ? readNumber(index, row, c.weight, "score", "input") : null;
    const score = c.score !== null ? readNumber(index, row, c.score, "score", "input") : null;
    // The column headers again, after a page break inside the table; a row of column letters ("(A)",
    // "B/A"). Neither has a figure under 分值 or 得分: most rows do, and need no label held against
    // the header patterns.
    if (!isFigure(weight) && !isFigure(score)) {
      const labels = index.rowLabels(row);
      let headers = 0;
      for (const l of labels) if (isHeaderLabel(l.label) && ++headers >= 2) break;
      if (headers >= 2) return NEXT;
      if (labels.length > 0 && labels.every(isColumnTag) && labels.length === index.filledCount(row)) return NEXT;
    }
    if (c.level1 !== null) {
      const text = level1Text(row, c.level1);
      if (text && text.text.trim() !== "") {
        const key = groupKeyOf(text.text);
        let group = groupByKey.get(key);
        // A new 一级 starts its own 二级 too: a row without a 二级 label does not inherit the last group's.
        if (group !== lastGroup) lastLevel2 = null;
        if (group === undefined) {
          group = groups.length;
          groups.push({ label: text, statedWeight: statedWeight(text.text) });
          groupByKey.set(key, group);
        } else if (groups[group]!.statedWeight === null && statedWeight(text.text) !== null) {
          groups[group] = { label: text, statedWeight: statedWeight(text.text) };
        }
        lastGroup = group;
      }
    }
    const level2 = c.level2 !== null ? level2Text(row, c.level2) : null;
    if (level2) lastLevel2 = level2;
    const level3 = anyTextAt(index, row, c.level3);
    const target = anyTextAt(index, row, c.target);
    const actual = anyTextAt(index, row, c.actual);
    // Not applicable: "/" (or nothing) in the text cells and a 分值 set to 0 or "/" on purpose
    // (the 湖南 form keeps such rows to show its structure). Unfilled: only template stubs and
    // no 分值 at all, or "/" rows nobody weighted.
    const weightMarkedZero = weight?.parsed.kind === "dash" || (weight?.value != null && weight.value.isZero());
    // The figures are looked at before the texts: most rows have a 分值, and need no text examined.
    const placeholder = weightMarkedZero && !nonZero(score) && isNotApplicable([level3, target, actual], level2 !== null);
    const unfilled = !placeholder && !nonZero(weight) && !nonZero(score) && isStub(level3) && isStub(target) && isStub(actual);
    out.push({
      row,
      group: lastGroup,
      level2: level2 ?? lastLevel2,
      level3,
      target,
      actual,
      nature: anyTextAt(index, row, c.nature),
      unit: anyTextAt(index, row, c.unit),
      weight,
      score,
      // Kept even when blank: a3.deviation-reason points at the empty cell to fill in.
      reason: c.reason !== null ? (anyTextAt(index, row, c.reason) ?? { sheet: index.name, row, col: c.reason, text: "" }) : null,
      placeholder,
      unfilled,
    });
    return NEXT;
  };
  for (let row = bottom + 1; row <= rows.to; row++) if (readRow(row) === STOP) break;
  return { groups, rows: out, total, columns: c as Record<IndicatorField, number | null> };
}

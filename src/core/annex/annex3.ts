/**
 * 附件3 整体支出绩效自评表 from a located region: the funds block (年度资金总额 and its
 * breakdown by 收入性质 and 支出性质), the indicator table and the 总分 row.
 */
import type { LabelCell, RowSpan, SheetIndex } from "./sheet-index";
import { ANNEX3_LABELS as L, BREAKDOWN_KEYWORDS as K } from "./labels";
import { readAnyText, readEmbeddedNumber, readNumber, readText, yearIn } from "./read-cells";
import { Annex3Schema, type Annex3, type BreakdownPart, type IndicatorField, type IndicatorRow, type Level1Group } from "../model/annex3";
import type { LocatedNumber, LocatedText } from "../model/located";
import type { YearMention } from "../model/annex2";
import { dec } from "../numeric/decimal";
import { canonicalText } from "../text/normalize";
import { parseCellNumber } from "../cells/parse-value";

export function parseAnnex3(index: SheetIndex, rows: RowSpan): Annex3 {
  const titleCell = index.first((l) => L.title.test(l), rows);
  const title = titleCell ? readText(index, titleCell.row, titleCell.col) : null;
  const unitLabel = index.first((l) => L.unitName.test(l), rows);
  const unitName = unitLabel ? textRightOf(index, unitLabel) : null;
  const indicatorHeader = index.first((l) => L.level3.test(l) || L.level1.test(l), rows);
  const funds = parseFunds(index, rows);
  const breakdownRows: RowSpan = {
    from: funds ? funds.row + 1 : rows.from,
    to: Math.min(rows.to, (index.first((l) => L.overallGoal.test(l), rows)?.row ?? indicatorHeader?.row ?? rows.to + 1) - 1),
  };
  const indicators = indicatorHeader ? parseIndicators(index, rows, indicatorHeader.row) : null;
  const years: YearMention[] = [];
  const titleYear = title ? yearIn(title.text) : null;
  if (title && titleYear !== null) years.push({ at: title.at, text: title.text, year: titleYear, expects: "Y" });
  const model: Annex3 = {
    kind: "annex3",
    sheet: index.name,
    range: { sheet: index.name, top: rows.from, left: 0, bottom: rows.to, right: Math.max(0, index.colCount - 1) },
    title,
    year: titleYear,
    years,
    unitName,
    funds: funds?.model ?? null,
    income: parseIncome(index, breakdownRows),
    expense: parseExpense(index, breakdownRows),
    indicatorHeader: indicatorHeader ? readText(index, indicatorHeader.row, indicatorHeader.col) : null,
    indicatorColumns: indicators?.columns ?? NO_COLUMNS,
    level1Groups: indicators?.groups ?? [],
    indicators: indicators?.rows ?? [],
    total: indicators?.total ?? null,
    anchor: index.address(rows.from, 0),
  };
  return Annex3Schema.parse(model) as Annex3;
}

function textRightOf(index: SheetIndex, label: LabelCell): LocatedText | null {
  for (let col = index.rightEdge(label.row, label.col) + 1; col < index.colCount; col = index.rightEdge(label.row, col) + 1) {
    const text = readText(index, label.row, col);
    if (text && text.text.trim() !== "") return text;
  }
  return null;
}

function parseFunds(index: SheetIndex, rows: RowSpan): { row: number; model: NonNullable<Annex3["funds"]> } | null {
  const budgetHeader = index.find((l) => L.budget.test(l), rows)
    .find((b) => index.rowLabels(b.row).some((l) => L.executed.test(l.label)));
  if (!budgetHeader) return null;
  const headerRow = budgetHeader.row;
  const headers = index.rowLabels(headerRow);
  const col = (pattern: RegExp) => headers.find((h) => pattern.test(h.label)) ?? null;
  const columns = {
    initialBudget: col(L.initialBudget), budget: budgetHeader, executed: col(L.executed),
    weight: col(L.weight), rate: col(L.rate), score: col(L.score),
  };
  const totalLabel = index.find((l) => L.fundsTotal.test(l), { from: headerRow + 1, to: rows.to })[0];
  let row = totalLabel?.row;
  if (row === undefined) {
    // No 年度资金总额 label: the first row under the header with a number in the budget column.
    for (let r = index.bottomEdge(headerRow, budgetHeader.col) + 1; r <= Math.min(rows.to, headerRow + 4); r++) {
      if (parseCellNumber(index.cell(r, budgetHeader.col), "amount").kind === "number") { row = r; break; }
    }
  }
  if (row === undefined) return null;
  const valueRow = row;
  const read = (c: LabelCell | null, kind: "amount" | "percent" | "score", role: "input" | "derived"): LocatedNumber | null =>
    c ? readNumber(index, valueRow, c.col, kind, role) : null;
  const label = totalLabel ? readText(index, totalLabel.row, totalLabel.col) : null;
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
    },
  };
}

/**
 * A breakdown figure: inside its label ("项目支出：70.66") or, when the label has no number,
 * in the next cell to its right that is not itself another label.
 */
function breakdownPart(index: SheetIndex, cell: LabelCell, keyword: RegExp): BreakdownPart | null {
  const label: LocatedText = { at: index.address(cell.row, cell.col), text: cell.text };
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
  const cell = index.labels.find((l) => l.row >= rows.from && l.row <= rows.to && keyword.test(canonicalText(l.text).replace(/\s+/g, "")));
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
  const match = WEIGHT_IN_LABEL.exec(canonicalText(text).replace(/\s+/g, ""));
  if (!match) return null;
  return dec(match[1] ?? match[2]!);
}

function parseIndicators(index: SheetIndex, rows: RowSpan, headerRow: number) {
  const headers = index.rowLabels(headerRow);
  const col = (pattern: RegExp) => headers.find((h) => pattern.test(h.label))?.col ?? null;
  const c = {
    level1: col(L.level1), level2: col(L.level2), level3: col(L.level3), target: col(L.target),
    actual: col(L.actual), weight: col(L.weight), score: col(L.score), reason: col(L.reason),
    nature: col(L.nature), unit: col(L.unit),
  };
  const groups: Level1Group[] = [];
  const groupByMaster = new Map<string, number>();
  const out: IndicatorRow[] = [];
  let total: Annex3["total"] = null;
  let lastGroup: number | null = null;
  let lastLevel2: LocatedText | null = null;
  // Only the recognized column headers count: a side label such as "绩效指标" is merged down
  // over the whole table and must not push the first data row below it.
  const known = headers.filter((h) => Object.values(c).includes(h.col));
  const headerBottom = Math.max(headerRow, ...known.map((h) => index.bottomEdge(h.row, h.col)));
  const leftmostData = Math.min(...[c.level1, c.level2, c.level3].filter((x): x is number => x !== null), c.weight ?? 0);
  for (let row = headerBottom + 1; row <= rows.to; row++) {
    const totalLabel = index.rowLabels(row).find((l) => L.total.test(l.label) && (c.weight === null || l.col < c.weight));
    if (totalLabel) {
      total = {
        label: readText(index, row, totalLabel.col)!,
        weight: c.weight !== null ? readNumber(index, row, c.weight, "score", "derived") : null,
        score: c.score !== null ? readNumber(index, row, c.score, "score", "derived") : null,
      };
      break;
    }
    if (index.isRowBlank(row, leftmostData)) continue;
    if (index.rowLabels(row).some((l) => /^填表人|^填报日期|^单位负责人/.test(l.label))) break;
    if (c.level1 !== null) {
      const master = index.master(row, c.level1);
      const text = readText(index, row, c.level1);
      if (text && text.text.trim() !== "") {
        const key = `${master.row}:${master.col}`;
        let group = groupByMaster.get(key);
        if (group === undefined) {
          group = groups.length;
          groups.push({ label: text, statedWeight: statedWeight(text.text) });
          groupByMaster.set(key, group);
        }
        lastGroup = group;
      }
    }
    const level2 = c.level2 !== null ? readText(index, row, c.level2) : null;
    if (level2) lastLevel2 = level2;
    const text = (colIndex: number | null) => (colIndex !== null ? readAnyText(index, row, colIndex) : null);
    const level3 = text(c.level3);
    const target = text(c.target);
    const actual = text(c.actual);
    const placeholder = [level3, target, actual].every((t) => t === null || /^[\s/\\—－-]*$/.test(canonicalText(t.text)));
    out.push({
      row,
      group: lastGroup,
      level2: level2 ?? lastLevel2,
      level3,
      target,
      actual,
      nature: text(c.nature),
      unit: text(c.unit),
      weight: c.weight !== null ? readNumber(index, row, c.weight, "score", "input") : null,
      score: c.score !== null ? readNumber(index, row, c.score, "score", "input") : null,
      // Kept even when blank: a3.deviation-reason points at the empty cell to fill in.
      reason: c.reason !== null ? (text(c.reason) ?? { at: index.address(row, c.reason), text: "" }) : null,
      placeholder,
    });
  }
  return { groups, rows: out, total, columns: c };
}

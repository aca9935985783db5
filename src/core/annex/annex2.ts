/**
 * 附件2 基础数据表 from a located region. Blocks are found by their header labels; value
 * columns by their header text; rows by their labels, so inserted rows, moved columns and
 * merged cells do not matter.
 */
import type { RowSpan, SheetIndex, LabelCell } from "./sheet-index";
import { ANNEX2_LABELS as L } from "./labels";
import { readNumber, readText, yearIn } from "./read-cells";
import { type Annex2, type BuildingRow, type FundsColumn, type FundsRow, type YearMention } from "../model/annex2";
import type { LocatedNumber, LocatedText } from "../model/located";
import { addressOf } from "../grid/address";
import type { NumberKind } from "../cells/parse-value";
import { normalizeLabel } from "../text/normalize";

export function parseAnnex2(index: SheetIndex, rows: RowSpan): Annex2 {
  const title = index.first((l) => L.title.test(l), rows);
  const titleText = title ? readText(index, title.row, title.col) : null;
  const staff = parseStaff(index, rows);
  const funds = parseFunds(index, rows);
  const buildings = parseBuildings(index, rows);
  const years = collectYears(index, rows, titleText);
  const titleYear = titleText ? yearIn(titleText.text) : null;
  const model: Annex2 = {
    kind: "annex2",
    sheet: index.name,
    range: { sheet: index.name, top: rows.from, left: 0, bottom: rows.to, right: Math.max(0, index.colCount - 1) },
    title: titleText,
    year: titleYear ?? inferYear(years),
    years,
    staff,
    funds,
    buildings,
  };
  // Typed by construction; Annex2Schema (property tests hold models to it) is not run per check.
  return model;
}

/** The cell below a header that holds its value: the first non-blank one across the header's merge. */
function valueBelow(index: SheetIndex, header: LabelCell, kind: NumberKind, role: "input" | "derived"): LocatedNumber {
  const valueRow = index.bottomEdge(header.row, header.col) + 1;
  const right = index.rightEdge(header.row, header.col);
  for (let c = header.col; c <= right; c++) {
    const value = index.cell(valueRow, c)?.value;
    if (value !== null && value !== undefined) return readNumber(index, valueRow, c, kind, role);
  }
  return readNumber(index, valueRow, header.col, kind, role);
}

function parseStaff(index: SheetIndex, rows: RowSpan): Annex2["staff"] {
  const establishment = index.first((l) => L.establishment.test(l), rows);
  if (!establishment) return null;
  const inRow = (pattern: RegExp) => index.rowLabels(establishment.row).find((l) => pattern.test(l.label));
  const actual = inRow(L.actualStaff);
  const rate = inRow(L.staffControlRate);
  const block = index.first((l) => L.staffBlock.test(l), { from: establishment.row, to: establishment.row });
  const header = readText(index, (block ?? establishment).row, (block ?? establishment).col)!;
  return {
    header,
    establishment: valueBelow(index, establishment, "count", "input"),
    actual: actual ? valueBelow(index, actual, "count", "input") : null,
    controlRate: rate ? valueBelow(index, rate, "percent", "derived") : null,
  };
}

interface FundsColumns {
  readonly priorFinal: LabelCell | null;
  readonly budget: LabelCell | null;
  readonly final: LabelCell | null;
}

/** Which header is {Y-1}决算, {Y}预算 and {Y}决算: by the years written in them, else by order. */
function fundsColumns(headers: readonly LabelCell[]): FundsColumns {
  const finals = headers.filter((h) => L.finalColumn.test(h.label)).sort((a, b) => a.col - b.col);
  const budgets = headers.filter((h) => L.budgetColumn.test(h.label)).sort((a, b) => a.col - b.col);
  const yearOf = (h: LabelCell) => Number(/^(\d{4})/.exec(h.label)?.[1] ?? NaN);
  const budget = budgets[budgets.length - 1] ?? null;
  let priorFinal: LabelCell | null = null;
  let final: LabelCell | null = null;
  if (finals.length >= 2) {
    const sorted = [...finals].sort((a, b) => (yearOf(a) - yearOf(b)) || a.col - b.col);
    priorFinal = sorted[0]!;
    final = sorted[sorted.length - 1]!;
  } else if (finals.length === 1) {
    const only = finals[0]!;
    const budgetYear = budget ? yearOf(budget) : NaN;
    const isPrior = Number.isFinite(budgetYear) ? yearOf(only) < budgetYear : budget !== null && only.col < budget.col;
    if (isPrior) priorFinal = only;
    else final = only;
  }
  return { priorFinal, budget, final };
}

function parseFunds(index: SheetIndex, rows: RowSpan): Annex2["funds"] {
  const block = index.first((l) => L.fundsBlock.test(l), rows);
  const headerRow = block?.row ?? index.first((l) => L.finalColumn.test(l) && /\d{4}/.test(l), rows)?.row;
  if (headerRow === undefined) return null;
  const headers = index.rowLabels(headerRow);
  const cols = fundsColumns(headers);
  const valueCols = [cols.priorFinal, cols.budget, cols.final].filter((c): c is LabelCell => c !== null).map((c) => c.col);
  if (valueCols.length === 0) return null;
  const firstValueCol = Math.min(...valueCols);
  const end = blockEnd(index, index.bottomEdge(headerRow, (block ?? headers[0]!).col) + 1, rows.to, firstValueCol);

  const rowOf = (row: number, label: LocatedText): FundsRow => {
    const at = (c: LabelCell | null) => (c ? readNumber(index, row, c.col, "amount", "input") : null);
    return { label, priorFinal: at(cols.priorFinal), budget: at(cols.budget), final: at(cols.final) };
  };
  const derived = (r: FundsRow): FundsRow => ({
    label: r.label,
    priorFinal: r.priorFinal && { ...r.priorFinal, role: "derived" },
    budget: r.budget && { ...r.budget, role: "derived" },
    final: r.final && { ...r.final, role: "derived" },
  });

  const result = {
    threePublic: null as FundsRow | null, vehicle: null as FundsRow | null,
    vehiclePurchase: null as FundsRow | null, vehicleRunning: null as FundsRow | null,
    abroad: null as FundsRow | null, reception: null as FundsRow | null,
    projectTotal: null as FundsRow | null, projectLines: [] as FundsRow[],
    publicFunds: null as FundsRow | null, publicFundsParts: [] as FundsRow[],
    procurement: null as FundsRow | null, budgetAdjustment: null as FundsRow | null,
  };
  let section: "none" | "three" | "project" | "public" = "none";
  for (let row = index.bottomEdge(headerRow, (block ?? headers[0]!).col) + 1; row <= end; row++) {
    const labelCell = rowLabel(index, row, firstValueCol);
    if (!labelCell) continue;
    const label = normalizeLabel(labelCell.text);
    const subItem = /^\s*其中/.test(labelCell.text.replace(/^[\s\u3000]+/, ""));
    if (L.ellipsis.test(label) || label === "") continue;
    const funds = rowOf(row, labelCell);
    if (L.threePublic.test(label)) { result.threePublic = derived(funds); section = "three"; continue; }
    if (L.project.test(label)) { result.projectTotal = derived(funds); section = "project"; continue; }
    if (L.publicFunds.test(label)) { result.publicFunds = funds; section = "public"; continue; }
    if (L.procurement.test(label)) { result.procurement = funds; section = "none"; continue; }
    if (L.budgetAdjustment.test(label)) { result.budgetAdjustment = funds; section = "none"; continue; }
    if (section === "three" || /公务用车|公车|出国|出境|公务接待/.test(label)) {
      if (/购置/.test(label) && /维护|运行/.test(label)) result.vehicle = derived(funds);
      else if (/购置/.test(label)) result.vehiclePurchase = funds;
      else if (/运行|维护/.test(label)) result.vehicleRunning = funds;
      else if (L.abroad.test(label)) result.abroad = funds;
      else if (L.reception.test(label)) result.reception = funds;
      continue;
    }
    // A "其中" line inside 项目支出 details the line above it; summing it would count twice.
    if (section === "project" && !subItem) result.projectLines.push(funds);
    else if (section === "public" && L.publicFundsPart.test(label)) result.publicFundsParts.push(funds);
  }
  const columnText = (c: LabelCell | null) => (c ? readText(index, c.row, c.col) : null);
  return {
    header: readText(index, headerRow, (block ?? headers[0]!).col)!,
    columns: { priorFinal: columnText(cols.priorFinal), budget: columnText(cols.budget), final: columnText(cols.final) } as Record<FundsColumn, LocatedText | null>,
    ...result,
  };
}

/** The label of a data row: the first text left of the value columns, read through merges. */
function rowLabel(index: SheetIndex, row: number, firstValueCol: number): LocatedText | null {
  for (let col = 0; col < firstValueCol; col++) {
    const text = readText(index, row, col);
    if (text && text.text.trim() !== "" && text.row === row) return text;
    if (text && text.text.trim() !== "" && text.row !== row) continue;
  }
  return null;
}

/** Last row of a block: before the next block header or the notes under the table. */
function blockEnd(index: SheetIndex, from: number, to: number, firstValueCol: number): number {
  for (let row = from; row <= to; row++) {
    const label = rowLabel(index, row, firstValueCol);
    if (label && (L.buildingsBlock.test(normalizeLabel(label.text)) || L.blockEnd.test(normalizeLabel(label.text)))) return row - 1;
  }
  return to;
}

function parseBuildings(index: SheetIndex, rows: RowSpan): Annex2["buildings"] {
  const block = index.first((l) => L.buildingsBlock.test(l), rows);
  if (!block) return null;
  const headers = index.rowLabels(block.row);
  const col = (pattern: RegExp) => headers.find((h) => pattern.test(h.label)) ?? null;
  const columns = {
    approvedScale: col(L.approvedScale), actualScale: col(L.actualScale), scaleRate: col(L.scaleRate),
    budgetInvestment: col(L.budgetInvestment), actualInvestment: col(L.actualInvestment), investmentRate: col(L.investmentRate),
  };
  const present = Object.values(columns).filter((c): c is LabelCell => c !== null);
  if (present.length === 0) return { header: readText(index, block.row, block.col)!, rows: [] };
  const firstValueCol = Math.min(...present.map((c) => c.col));
  const result: BuildingRow[] = [];
  for (let row = index.bottomEdge(block.row, block.col) + 1; row <= rows.to; row++) {
    const label = rowLabel(index, row, firstValueCol);
    if (label && L.blockEnd.test(normalizeLabel(label.text))) break;
    if (index.isRowBlank(row, firstValueCol)) continue;
    const read = (c: LabelCell | null, kind: NumberKind, role: "input" | "derived") => (c ? readNumber(index, row, c.col, kind, role) : null);
    result.push({
      label,
      approvedScale: read(columns.approvedScale, "amount", "input"),
      actualScale: read(columns.actualScale, "amount", "input"),
      scaleRate: read(columns.scaleRate, "percent", "derived"),
      budgetInvestment: read(columns.budgetInvestment, "amount", "input"),
      actualInvestment: read(columns.actualInvestment, "amount", "input"),
      investmentRate: read(columns.investmentRate, "percent", "derived"),
    });
  }
  return { header: readText(index, block.row, block.col)!, rows: result };
}

function collectYears(index: SheetIndex, rows: RowSpan, title: LocatedText | null): YearMention[] {
  const mentions: YearMention[] = [];
  const add = (cell: LabelCell, expects: "Y" | "Y-1") => {
    const year = yearIn(cell.text);
    if (year !== null) mentions.push({ at: index.address(cell.row, cell.col), text: cell.text, year, expects });
  };
  if (title) {
    const year = yearIn(title.text);
    if (year !== null) mentions.push({ at: addressOf(title), text: title.text, year, expects: "Y" });
  }
  for (const l of index.find((label) => L.actualStaff.test(label) || L.buildingsBlock.test(label), rows)) add(l, "Y");
  const headers = index.find((label) => (L.finalColumn.test(label) || L.budgetColumn.test(label)) && /\d{4}/.test(label), rows);
  const finals = headers.filter((h) => L.finalColumn.test(h.label));
  const earliestFinal = finals.length >= 2 ? finals.reduce((min, h) => Math.min(min, yearIn(h.text) ?? Infinity), Infinity) : null;
  for (const h of headers) {
    const isPriorFinal = L.finalColumn.test(h.label) && finals.length >= 2 && yearIn(h.text) === earliestFinal && h !== finals[finals.length - 1];
    add(h, isPriorFinal ? "Y-1" : "Y");
  }
  return mentions;
}

/** Without a year in the title, the year the headers agree on most. */
function inferYear(years: readonly YearMention[]): number | null {
  const counts = new Map<number, number>();
  for (const m of years) {
    const y = m.expects === "Y" ? m.year : m.year + 1;
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, count] of counts) if (best === null || count > counts.get(best)!) best = y;
  return best;
}

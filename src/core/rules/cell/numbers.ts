/**
 * The number cells of the models that hold something other than a number or nothing (text, an
 * error, a number stored as text), with a name for messages: the only cells the cell.* rules
 * report. A clean table of 20,000 rows gives an empty list instead of 40,000 entries.
 */
import type { Annex2, FundsRow } from "../../model/annex2";
import type { Annex3, IndicatorRow } from "../../model/annex3";
import type { LocatedNumber } from "../../model/located";
import { displayLabel, normalizeLabel } from "../../text/normalize";
import { label, type MessageArg } from "../../messages/message";
import type { Terms } from "../../profiles/profile";

export interface NamedNumber {
  readonly cell: LocatedNumber;
  /** The sheet's own label where there is one (shown as written), else the form's term. */
  readonly name: MessageArg;
}

const A2_NAMES = {
  establishment: { zh: "编制数", en: "authorized posts" },
  actual: { zh: "实际在职人数", en: "staff on post" },
  controlRate: { zh: "控制率", en: "control rate" },
  approvedScale: { zh: "批复规模", en: "approved floor area" },
  actualScale: { zh: "实际规模", en: "actual floor area" },
  scaleRate: { zh: "规模控制率", en: "scale control rate" },
  budgetInvestment: { zh: "预算投资", en: "budgeted investment" },
  actualInvestment: { zh: "实际投资", en: "actual investment" },
  investmentRate: { zh: "投资概算控制率", en: "investment control rate" },
} as const;

/** "专题视察、调研 分值": a name followed by the form's term for a figure. */
function termOf(name: string, what: keyof Terms, terms: Terms): MessageArg {
  return label({ zh: `${name} ${terms[what].zh}`, en: `${name} ${terms[what].en}` });
}

/**
 * An indicator's 分值 or 得分: its name ("专题视察、调研 分值") is only worked out when a finding
 * shows it; a large table has tens of thousands of these and most are never named.
 */
class IndicatorNumber implements NamedNumber {
  constructor(
    readonly cell: LocatedNumber,
    private readonly row: IndicatorRow,
    private readonly what: "weight" | "score",
    private readonly terms: Terms,
  ) {}

  get name(): MessageArg {
    return termOf(this.row.level3 ? displayLabel(this.row.level3.text) : this.terms.indicator.zh, this.what, this.terms);
  }
}

/**
 * Three cell.* rules walk the same cells: the list is built once per pair of models and terms,
 * and a cell's name is only worked out when a finding shows it (most cells never are).
 */
const built = new WeakMap<object, { annex2: Annex2 | null; annex3: Annex3 | null; terms: Terms; cells: NamedNumber[] }>();

export function numberCells(annex2: Annex2 | null, annex3: Annex3 | null, terms: Terms): NamedNumber[] {
  const key = annex3 ?? annex2;
  if (!key) return [];
  const cached = built.get(key);
  if (cached && cached.annex2 === annex2 && cached.annex3 === annex3 && cached.terms === terms) return cached.cells;
  const cells = collect(annex2, annex3, terms);
  built.set(key, { annex2, annex3, terms, cells });
  return cells;
}

function collect(annex2: Annex2 | null, annex3: Annex3 | null, terms: Terms): NamedNumber[] {
  const out: NamedNumber[] = [];
  const add = (cell: LocatedNumber | null | undefined, name: MessageArg) => {
    if (cell && isIrregular(cell)) out.push({ cell, name });
  };
  const term = (key: keyof Terms) => label(terms[key]);
  if (annex2) {
    add(annex2.staff?.establishment, label(A2_NAMES.establishment));
    add(annex2.staff?.actual, label(A2_NAMES.actual));
    add(annex2.staff?.controlRate, label(A2_NAMES.controlRate));
    const f = annex2.funds;
    if (f) {
      const rows: (FundsRow | null)[] = [
        f.threePublic, f.vehicle, f.vehiclePurchase, f.vehicleRunning, f.abroad, f.reception,
        f.projectTotal, ...f.projectLines, f.publicFunds, ...f.publicFundsParts, f.procurement, f.budgetAdjustment,
      ];
      for (const row of rows) {
        if (!row) continue;
        const label = displayLabel(row.label.text);
        add(row.priorFinal, label);
        add(row.budget, label);
        add(row.final, label);
      }
    }
    for (const b of annex2.buildings?.rows ?? []) {
      add(b.approvedScale, label(A2_NAMES.approvedScale));
      add(b.actualScale, label(A2_NAMES.actualScale));
      add(b.scaleRate, label(A2_NAMES.scaleRate));
      add(b.budgetInvestment, label(A2_NAMES.budgetInvestment));
      add(b.actualInvestment, label(A2_NAMES.actualInvestment));
      add(b.investmentRate, label(A2_NAMES.investmentRate));
    }
  }
  if (annex3) {
    const f = annex3.funds;
    add(f?.initialBudget, term("initialBudget"));
    add(f?.budget, term("budget"));
    add(f?.executed, term("executed"));
    add(f?.weight, term("weight"));
    add(f?.rate, term("rate"));
    add(f?.score, term("score"));
    for (const part of f?.parts ?? []) {
      const name = displayLabel(part.label.text);
      add(part.initialBudget, name);
      add(part.budget, name);
      add(part.executed, name);
    }
    for (const p of [annex3.income?.total, ...(annex3.income?.parts ?? []), annex3.expense?.total, annex3.expense?.basic, annex3.expense?.project]) {
      if (p) add(p.value, normalizeLabel(p.label.text).replace(/:.*$/, ""));
    }
    // A callback per row (docs/architecture.md, "Per-row code").
    annex3.indicators.forEach((row) => {
      if (row.weight && isIrregular(row.weight)) out.push(new IndicatorNumber(row.weight, row, "weight", terms));
      if (row.score && isIrregular(row.score)) out.push(new IndicatorNumber(row.score, row, "score", terms));
    });
    add(annex3.total?.weight, termOf(terms.total.zh, "weight", terms));
    add(annex3.total?.score, termOf(terms.total.zh, "score", terms));
  }
  return out;
}

/** Text, an error or a number stored as text: what cell.not-a-number, cell.error-value and cell.text-number look for. */
function isIrregular(cell: LocatedNumber): boolean {
  const p = cell.parsed;
  return p.kind === "text" || p.kind === "error" || (p.kind === "number" && p.storedAsText);
}

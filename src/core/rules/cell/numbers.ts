/** Every number cell the models hold, with a name for messages: what the cell.* rules walk. */
import type { Annex2, FundsRow } from "../../model/annex2";
import type { Annex3 } from "../../model/annex3";
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

export function numberCells(annex2: Annex2 | null, annex3: Annex3 | null, terms: Terms): NamedNumber[] {
  const out: NamedNumber[] = [];
  const add = (cell: LocatedNumber | null | undefined, name: MessageArg) => {
    if (cell) out.push({ cell, name });
  };
  const term = (key: keyof Terms) => label(terms[key]);
  const of = (name: string, what: keyof Terms): MessageArg => label({ zh: `${name} ${terms[what].zh}`, en: `${name} ${terms[what].en}` });
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
    for (const row of annex3.indicators) {
      const name = row.level3 ? displayLabel(row.level3.text) : terms.indicator.zh;
      add(row.weight, of(name, "weight"));
      add(row.score, of(name, "score"));
    }
    add(annex3.total?.weight, of(terms.total.zh, "weight"));
    add(annex3.total?.score, of(terms.total.zh, "score"));
  }
  return out;
}

/** Every number cell the models hold, with a name for messages: what the cell.* rules walk. */
import type { Annex2, FundsRow } from "../../model/annex2";
import type { Annex3 } from "../../model/annex3";
import type { LocatedNumber } from "../../model/located";
import { displayLabel, normalizeLabel } from "../../text/normalize";

export interface NamedNumber {
  readonly cell: LocatedNumber;
  readonly name: string;
}

export function numberCells(annex2: Annex2 | null, annex3: Annex3 | null): NamedNumber[] {
  const out: NamedNumber[] = [];
  const add = (cell: LocatedNumber | null | undefined, name: string) => {
    if (cell) out.push({ cell, name });
  };
  if (annex2) {
    add(annex2.staff?.establishment, "编制数");
    add(annex2.staff?.actual, "实际在职人数");
    add(annex2.staff?.controlRate, "控制率");
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
      add(b.approvedScale, "批复规模");
      add(b.actualScale, "实际规模");
      add(b.scaleRate, "规模控制率");
      add(b.budgetInvestment, "预算投资");
      add(b.actualInvestment, "实际投资");
      add(b.investmentRate, "投资概算控制率");
    }
  }
  if (annex3) {
    const f = annex3.funds;
    add(f?.initialBudget, "年初预算数");
    add(f?.budget, "全年预算数");
    add(f?.executed, "全年执行数");
    add(f?.weight, "分值");
    add(f?.rate, "执行率");
    add(f?.score, "得分");
    for (const p of [annex3.income?.total, ...(annex3.income?.parts ?? []), annex3.expense?.total, annex3.expense?.basic, annex3.expense?.project]) {
      if (p) add(p.value, normalizeLabel(p.label.text).replace(/:.*$/, ""));
    }
    for (const row of annex3.indicators) {
      const name = row.level3 ? displayLabel(row.level3.text) : "指标";
      add(row.weight, `${name} 分值`);
      add(row.score, `${name} 得分`);
    }
    add(annex3.total?.weight, "总分 分值");
    add(annex3.total?.score, "总分 得分");
  }
  return out;
}

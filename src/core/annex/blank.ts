/**
 * Whether a table read from a sheet is still blank: no figure typed by staff. A template inserted
 * beside the filled tables (插入空白模板 names it "附件2 (2)"/"附件3 (2)") is such a table. It is
 * not a second copy of the annex, so it never makes the filled table a duplicate, and when a
 * workbook holds both, the filled one is the one checked (see locate.ts, engine/validate.ts).
 *
 * A figure is typed when a cell that is not a formula holds a number other than 0, or text in a
 * figure's place ("约30"), or, for an indicator, a 完成值 that is more than a template stub. Not
 * figures: formula results (a template's derived cells show a blank until their inputs are typed),
 * 0 and dashes (forms are often issued pre-filled with them), and 分值 (权重): the template presets
 * 执行率 分值 10 and issued forms often print every 分值, so they are part of the form, not its filling.
 * Labels, names and indicator texts do not count either: they say nothing a rule could check.
 */
import type { Annex2, FundsRow } from "../model/annex2";
import type { Annex3 } from "../model/annex3";
import type { LocatedNumber, LocatedText } from "../model/located";
import { isStub } from "./annex3";

/** A figure staff typed: not a formula, not hidden under a merge, a non-zero number or text. */
function typed(n: LocatedNumber | null | undefined): boolean {
  if (!n || n.formula !== undefined || n.underMerge) return false;
  if (n.parsed.kind === "number") return !n.parsed.value.isZero();
  return n.parsed.kind === "text";
}

function typedText(t: LocatedText | null): boolean {
  return t !== null && t.text.trim() !== "" && !isStub(t);
}

function fundsRowFigures(row: FundsRow | null): (LocatedNumber | null)[] {
  return row ? [row.priorFinal, row.budget, row.final] : [];
}

/** A 附件2 with no staff count, amount or rate typed. */
export function isBlankAnnex2(table: Annex2): boolean {
  const figures: (LocatedNumber | null)[] = [];
  if (table.staff) figures.push(table.staff.establishment, table.staff.actual, table.staff.controlRate);
  const f = table.funds;
  if (f) {
    for (const row of [f.threePublic, f.vehicle, f.vehiclePurchase, f.vehicleRunning, f.abroad, f.reception, f.projectTotal,
      f.publicFunds, f.procurement, f.budgetAdjustment, ...f.projectLines, ...f.publicFundsParts]) {
      figures.push(...fundsRowFigures(row));
    }
  }
  for (const row of table.buildings?.rows ?? []) {
    figures.push(row.approvedScale, row.actualScale, row.scaleRate, row.budgetInvestment, row.actualInvestment, row.investmentRate);
  }
  return !figures.some(typed);
}

/** A self-evaluation table with no amount, rate, 得分 or 完成值 typed (分值 aside). */
export function isBlankAnnex3(table: Annex3): boolean {
  const figures: (LocatedNumber | null)[] = [];
  const f = table.funds;
  if (f) {
    figures.push(f.initialBudget, f.budget, f.executed, f.rate, f.score);
    for (const part of f.parts) figures.push(part.initialBudget, part.budget, part.executed);
  }
  if (table.income) figures.push(table.income.total?.value ?? null, ...table.income.parts.map((p) => p.value));
  if (table.expense) figures.push(table.expense.total?.value ?? null, table.expense.basic?.value ?? null, table.expense.project?.value ?? null);
  figures.push(table.total?.score ?? null);
  for (const row of table.indicators) {
    if (row.unfilled) continue;
    if (typed(row.score) || typedText(row.actual)) return false;
  }
  return !figures.some(typed);
}

import { defineRule } from "../rule";
import { FUNDS_SUM_MESSAGES, checkFundsSum, recomputedRow } from "./funds-sum";

/** 三公经费 = 公务用车购置和维护经费 + 出国经费 + 公务接待, in every year column. */
export default defineRule({
  meta: {
    id: "a2.three-public-total",
    title: { zh: "三公经费合计", en: "Three public expenses total" },
    severities: ["error", "info"],
    fixable: true,
    requires: ["annex2"],
    messages: FUNDS_SUM_MESSAGES,
    formula: { zh: "三公经费 = 公务用车购置和维护经费 + 出国经费 + 公务接待（每个年度列）", en: "three public expenses = vehicles + overseas trips + official reception (each year column)" },
  },
  check(context) {
    const f = context.annex2?.funds;
    if (!f) return;
    // The vehicle subtotal as recomputed from its two lines (a wrong subtotal is a2.vehicle-total's
    // finding); without the subtotal row, its two lines stand in for it.
    const vehicleParts = f.vehicle ? [recomputedRow(f.vehicle, [f.vehiclePurchase, f.vehicleRunning])] : [f.vehiclePurchase, f.vehicleRunning];
    checkFundsSum(context, f.threePublic, [...vehicleParts, f.abroad, f.reception], { zh: "三公经费", en: "The three public expenses" });
  },
});

import { defineRule } from "../rule";
import { BUILDING_RATE_MESSAGES, checkBuildingRate } from "./building-rates";

/** 投资概算控制率 = 实际投资 / 预算投资 × 100%. */
export default defineRule({
  meta: {
    id: "a2.building-investment-rate",
    title: { zh: "楼堂馆所投资概算控制率", en: "Building investment control rate" },
    severities: ["error", "info"],
    fixable: true,
    requires: ["annex2"],
    messages: BUILDING_RATE_MESSAGES,
    formula: { zh: "投资概算控制率 = 实际投资 ÷ 预算投资 × 100%", en: "investment rate = actual investment ÷ budgeted investment × 100%" },
  },
  check(context) {
    checkBuildingRate(
      context,
      (row) => ({ actual: row.actualInvestment, planned: row.budgetInvestment, rate: row.investmentRate }),
      { zh: "投资概算控制率", en: "The investment control rate" },
      { actual: { zh: "实际投资", en: "actual" }, planned: { zh: "预算投资", en: "budgeted" } },
    );
  },
});

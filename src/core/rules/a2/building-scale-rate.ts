import { defineRule } from "../rule";
import { BUILDING_RATE_MESSAGES, checkBuildingRate } from "./building-rates";

/** 规模控制率 = 实际规模 / 批复规模 × 100%. */
export default defineRule({
  meta: {
    id: "a2.building-scale-rate",
    title: { zh: "楼堂馆所规模控制率", en: "Building scale control rate" },
    severities: ["error", "info"],
    fixable: true,
    requires: ["annex2"],
    messages: BUILDING_RATE_MESSAGES,
    formula: { zh: "规模控制率 = 实际规模 ÷ 批复规模 × 100%", en: "scale rate = actual floor area ÷ approved floor area × 100%" },
  },
  check(context) {
    checkBuildingRate(
      context,
      (row) => ({ actual: row.actualScale, planned: row.approvedScale, rate: row.scaleRate }),
      { zh: "规模控制率", en: "The scale control rate" },
      { actual: { zh: "实际规模", en: "actual" }, planned: { zh: "批复规模", en: "approved" } },
    );
  },
});

import { defineRule } from "../rule";
import { FUNDS_SUM_MESSAGES, checkFundsSum } from "./funds-sum";

/** 项目支出 = the sum of its lines, however many 专项 lines the user inserted. */
export default defineRule({
  meta: {
    id: "a2.project-total",
    title: { zh: "项目支出合计", en: "Project spending total" },
    severities: ["error", "info"],
    fixable: true,
    requires: ["annex2"],
    messages: FUNDS_SUM_MESSAGES,
    formula: { zh: "项目支出 = 业务工作经费 + 运行维护经费 + 各市级/省级专项资金行", en: "project spending = operating funds + maintenance funds + every special fund line" },
  },
  check(context) {
    const f = context.annex2?.funds;
    if (!f) return;
    checkFundsSum(context, f.projectTotal, f.projectLines, { zh: "项目支出", en: "Project spending" });
  },
});

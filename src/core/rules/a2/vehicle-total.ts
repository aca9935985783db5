import { defineRule } from "../rule";
import { FUNDS_SUM_MESSAGES, checkFundsSum } from "./funds-sum";

/** 公务用车购置和维护经费 = 公车购置 + 公车运行维护. */
export default defineRule({
  meta: {
    id: "a2.vehicle-total",
    title: { zh: "公务用车经费合计", en: "Official vehicles total" },
    severities: ["error", "info"],
    fixable: true,
    requires: ["annex2"],
    messages: FUNDS_SUM_MESSAGES,
    formula: { zh: "公务用车购置和维护经费 = 公车购置 + 公车运行维护", en: "vehicles = vehicle purchase + vehicle running and maintenance" },
  },
  check(context) {
    const f = context.annex2?.funds;
    if (!f) return;
    checkFundsSum(context, f.vehicle, [f.vehiclePurchase, f.vehicleRunning], { zh: "公务用车购置和维护经费", en: "Official vehicle spending" });
  },
});

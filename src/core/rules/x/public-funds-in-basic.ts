import { defineRule } from "../rule";
import { AMOUNT_TOLERANCE, plain } from "../../numeric/decimal";
import { figure } from "../../messages/message";

/** 公用经费 is part of 基本支出, so 附件2 公用经费 决算数 cannot exceed 附件3 基本支出. */
export default defineRule({
  meta: {
    id: "x.public-funds-in-basic",
    title: { zh: "公用经费不超过基本支出", en: "Public funds within basic spending" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex2", "annex3"],
    messages: {
      exceeds: {
        zh: "附件2 公用经费 {publicFunds}，超过附件3 基本支出 {basic}，而公用经费是基本支出的一部分",
        en: "Annex 2 public funds {publicFunds} exceed annex 3 basic spending {basic}, of which they are a part",
      },
    },
    formula: { zh: "附件2 公用经费本年决算数 ≤ 附件3 基本支出", en: "annex 2 public funds (actuals) ≤ annex 3 basic spending" },
  },
  check(context) {
    const publicFunds = context.annex2?.funds?.publicFunds?.final;
    const basic = context.annex3?.expense?.basic?.value;
    if (publicFunds?.value == null || basic?.value == null) return;
    if (publicFunds.value.minus(basic.value).lessThanOrEqualTo(AMOUNT_TOLERANCE)) return;
    context.report({
      at: publicFunds,
      related: [basic],
      expected: `<= ${plain(basic.value)}`,
      actual: plain(publicFunds.value),
      figure: "amount",
      messageId: "exceeds",
      data: { publicFunds: figure(publicFunds.value, "amount"), basic: figure(basic.value, "amount") },
    });
  },
});

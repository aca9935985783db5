import { defineRule } from "../rule";
import { percent } from "../../numeric/decimal";
import { figure, label } from "../../messages/message";

/** 三公经费变动率 against the prior year, shown for information. */
export default defineRule({
  meta: {
    id: "a2.three-public-change",
    title: { zh: "三公经费变动率", en: "Three public expenses change" },
    severities: ["info"],
    fixable: false,
    requires: ["annex2"],
    messages: {
      change: {
        zh: "三公经费较上年{trend} {change}（{prior} → {final}）",
        en: "Three public expenses are {trend} {change} on the prior year ({prior} → {final})",
      },
    },
    formula: { zh: "变动率 = (本年决算 − 上年决算) ÷ 上年决算 × 100%", en: "change = (actuals − prior actuals) ÷ prior actuals × 100%" },
  },
  check(context) {
    const row = context.annex2?.funds?.threePublic;
    const prior = row?.priorFinal?.value;
    const final = row?.final?.value;
    if (!row || prior == null || final == null || prior.isZero()) return;
    const change = percent(final.minus(prior), prior)!;
    const trend = change.isNegative() ? { zh: "下降", en: "down" } : { zh: "增长", en: "up" };
    context.report({
      at: row.final!,
      related: [row.priorFinal!],
      expected: change.toFixed(2),
      actual: null,
      figure: "percent",
      messageId: "change",
      data: { trend: label(trend), change: figure(change.abs(), "percent"), prior: figure(prior, "decimal"), final: figure(final, "amount") },
    });
  },
});

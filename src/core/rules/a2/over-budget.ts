import { defineRule } from "../rule";
import { AMOUNT_TOLERANCE, plain } from "../../numeric/decimal";
import { figure } from "../../messages/message";
import { normalizeLabel } from "../../text/normalize";

/** A {Y}年决算数 above its {Y}年预算数 needs explaining (三公经费, 公用经费, 政府采购金额). */
export default defineRule({
  meta: {
    id: "a2.over-budget",
    title: { zh: "决算超预算", en: "Actuals above budget" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex2"],
    messages: {
      over: {
        zh: "{name}决算数 {final}，超过预算数 {budget}（超出 {over}），请核实或说明",
        en: "{name}: actuals {final} exceed the budget {budget} by {over}; verify or explain",
      },
    },
    formula: { zh: "本年决算数 ≤ 本年预算数（三公经费、公用经费、政府采购金额）", en: "actuals ≤ budget (three public expenses, public funds, procurement)" },
  },
  check(context) {
    const f = context.annex2?.funds;
    if (!f) return;
    for (const row of [f.threePublic, f.publicFunds, f.procurement]) {
      const budget = row?.budget?.value;
      const final = row?.final?.value;
      if (!row || budget == null || final == null) continue;
      if (final.minus(budget).lessThanOrEqualTo(AMOUNT_TOLERANCE)) continue;
      const name = normalizeLabel(row.label.text);
      context.report({
        at: row.final!,
        related: [row.budget!],
        expected: `<= ${plain(budget)}`,
        actual: plain(final),
        figure: "amount",
        messageId: "over",
        data: { name, final: figure(final, "amount"), budget: figure(budget, "amount"), over: figure(final.minus(budget), "amount") },
      });
    }
  },
});

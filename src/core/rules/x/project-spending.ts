import { defineRule } from "../rule";
import { recomputedRow } from "../a2/funds-sum";
import { AMOUNT_TOLERANCE, within, plain } from "../../numeric/decimal";
import { figure, label } from "../../messages/message";

/** 附件3 项目支出 equals 附件2 项目支出 {Y}年决算数 (or, when that is blank, its {Y}年预算数). */
export default defineRule({
  meta: {
    id: "x.project-spending",
    title: { zh: "两表项目支出一致", en: "Project spending across annexes" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex2", "annex3"],
    messages: {
      differs: {
        zh: "附件3 项目支出 {a3}与附件2 项目支出{column} {a2}不一致（相差 {difference}）",
        en: "Annex 3 project spending {a3} differs from annex 2 project spending ({column}) {a2} by {difference}",
      },
    },
    formula: { zh: "附件3 项目支出 = 附件2 项目支出本年决算数（无决算数时为预算数）", en: "annex 3 project spending = annex 2 project spending, actuals (else budget)" },
  },
  check(context) {
    const a3Project = context.annex3?.expense?.project?.value;
    // The 附件2 total as its lines add up: a wrong total there is a2.project-total's finding.
    const funds = context.annex2?.funds;
    const row = funds ? recomputedRow(funds.projectTotal, funds.projectLines) : null;
    const a2Cell = row?.final?.value != null ? row.final : row?.budget?.value != null ? row.budget : null;
    if (!a3Project || a3Project.value == null || !a2Cell?.value) return;
    if (within(a3Project.value, a2Cell.value, AMOUNT_TOLERANCE)) return;
    const column = a2Cell === row!.final ? { zh: "决算数", en: "actuals" } : { zh: "预算数", en: "budget" };
    context.report({
      at: a3Project,
      related: [a2Cell],
      expected: plain(a2Cell.value),
      actual: plain(a3Project.value),
      figure: "amount",
      messageId: "differs",
      data: {
        a3: figure(a3Project.value, "amount"), column: label(column), a2: figure(a2Cell.value, "amount"),
        difference: figure(a3Project.value.minus(a2Cell.value).abs(), "amount"),
      },
    });
  },
});

import { defineRule } from "../rule";
import { execution } from "../derived";
import { figure, label } from "../../messages/message";
import { canonicalText } from "../../text/normalize";

/**
 * Where the form says so (四川: 预算执行率未达到90%的需说明原因), a low 执行率 needs its reason in the
 * funds block's 原因 cell.
 */
export default defineRule({
  meta: {
    id: "a3.execution-reason",
    title: { zh: "执行率偏低须说明原因", en: "Low execution needs a reason" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex3"],
    formula: { zh: "执行率低于表式规定（如 90%）时，须在预算执行情况中说明原因", en: "an execution rate below the form's threshold (e.g. 90%) needs a reason in the funds block" },
    messages: {
      missing: {
        zh: "{rateName} {rate} 低于 {threshold}%，该表式要求说明原因，但原因栏为空",
        en: "The {rateName} {rate} is below {threshold}%; the form requires a reason, but the reason cell is empty",
      },
    },
  },
  check(context) {
    const threshold = context.profile.reasons.whenExecutionBelowPercent;
    const funds = context.annex3?.funds;
    if (threshold === null || !funds) return;
    const { rate } = execution(context.annex3, context.profile.execution);
    if (rate === null || rate.greaterThanOrEqualTo(threshold)) return;
    // A dash or slash is no reason, typed half- or full-width ("/", "／", "——", "－").
    const reason = funds.reason ? canonicalText(funds.reason.text).trim() : "";
    if (reason !== "" && !/^[/\\—-]+$/.test(reason)) return;
    context.report({
      at: funds.reason ?? funds.rate ?? funds.executed ?? null,
      related: [...(funds.rate ? [funds.rate] : [])],
      expected: null,
      actual: null,
      messageId: "missing",
      data: { rateName: label(context.terms.rate), rate: figure(rate, "percent"), threshold },
    });
  },
});

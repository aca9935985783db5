import { defineRule } from "../rule";
import { checkDerived, DERIVED_MESSAGES } from "../checks";
import { percent, percentExact, RATE_TOLERANCE, within } from "../../numeric/decimal";
import { clause, figure } from "../../messages/message";

/** 控制率 = 实际在职人数 / 编制数 × 100%. The seed reports the inverse (编制 / 在职). */
export default defineRule({
  meta: {
    id: "a2.staff-control-rate",
    title: { zh: "人员控制率", en: "Staff control rate" },
    severities: ["error", "warning", "info"],
    fixable: true,
    requires: ["annex2"],
    messages: {
      ...DERIVED_MESSAGES,
      noPosts: { zh: "编制数为 0，无法计算控制率", en: "Authorized posts are 0, so no control rate can be computed" },
      basis: { zh: "在职 {onPost} ÷ 编制 {posts}", en: "{onPost} on post ÷ {posts} posts" },
      inverse: { zh: "，恰为其倒数（编制 ÷ 在职 = {inverse}）", en: ", exactly its inverse (posts ÷ staff = {inverse})" },
    },
    formula: { zh: "控制率 = 实际在职人数 ÷ 编制数 × 100%（保留 2 位小数）", en: "control rate = staff on post ÷ authorized posts × 100% (2 dp)" },
  },
  check(context) {
    const staff = context.annex2?.staff;
    const posts = staff?.establishment?.value;
    const onPost = staff?.actual?.value;
    if (!staff?.controlRate || posts == null || onPost == null) return;
    const expected = percent(onPost, posts);
    if (expected === null) {
      context.report({
        severity: "warning",
        at: staff.establishment!,
        related: [staff.controlRate],
        expected: null,
        actual: "0",
        figure: "count",
        messageId: "noPosts",
      });
      return;
    }
    const inverse = percent(posts, onPost);
    checkDerived(context, {
      cell: staff.controlRate,
      expected,
      exact: percentExact(onPost, posts) ?? undefined,
      kind: "percent",
      tolerance: RATE_TOLERANCE,
      related: [staff.actual!, staff.establishment!],
      what: { zh: "控制率", en: "The control rate" },
      basis: clause("basis", { onPost: figure(onPost, "typed"), posts: figure(posts, "typed") }),
      explain: (reported) =>
        inverse !== null && within(reported, inverse, RATE_TOLERANCE)
          ? clause("inverse", { inverse: figure(inverse, "percent") })
          : null,
    });
  },
});

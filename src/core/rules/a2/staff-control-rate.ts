import { defineRule } from "../rule";
import { checkDerived } from "../checks";
import { percent, percentExact, RATE_TOLERANCE, within, fixed2, plain } from "../../numeric/decimal";

/** 控制率 = 实际在职人数 / 编制数 × 100%. The seed reports the inverse (编制 / 在职). */
export default defineRule({
  meta: {
    id: "a2.staff-control-rate",
    title: { zh: "人员控制率", en: "Staff control rate" },
    severities: ["error", "warning", "info"],
    fixable: true,
    requires: ["annex2"],
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
        at: staff.establishment!.at,
        related: [staff.controlRate.at],
        expected: null,
        actual: "0",
        message: { zh: "编制数为 0，无法计算控制率", en: "Authorized posts are 0, so no control rate can be computed" },
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
      related: [staff.actual!.at, staff.establishment!.at],
      what: { zh: "控制率", en: "The control rate" },
      basis: { zh: `在职 ${plain(onPost)} ÷ 编制 ${plain(posts)}`, en: `${plain(onPost)} on post ÷ ${plain(posts)} posts` },
      explain: (reported) =>
        inverse !== null && within(reported, inverse, RATE_TOLERANCE)
          ? { zh: `恰为其倒数（编制 ÷ 在职 = ${fixed2(inverse)}%）`, en: `exactly its inverse (posts ÷ staff = ${fixed2(inverse)}%)` }
          : null,
    });
  },
});

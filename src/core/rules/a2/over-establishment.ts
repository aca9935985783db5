import { defineRule } from "../rule";

/** 在职人数 above 编制数 is a fact worth seeing, not an error. */
export default defineRule({
  meta: {
    id: "a2.over-establishment",
    title: { zh: "超编", en: "Over establishment" },
    severities: ["info"],
    fixable: false,
    requires: ["annex2"],
    formula: { zh: "实际在职人数 > 编制数", en: "staff on post > authorized posts" },
  },
  check(context) {
    const staff = context.annex2?.staff;
    const posts = staff?.establishment?.value;
    const onPost = staff?.actual?.value;
    if (!staff || !posts || !onPost || !onPost.greaterThan(posts)) return;
    const over = onPost.minus(posts).toFixed();
    context.report({
      at: staff.actual!.at,
      related: [staff.establishment!.at],
      expected: null,
      actual: onPost.toFixed(),
      message: {
        zh: `实际在职 ${onPost.toFixed()} 人，超出编制数 ${posts.toFixed()} 人 ${over} 人`,
        en: `${onPost.toFixed()} staff on post, ${over} above the ${posts.toFixed()} authorized posts`,
      },
    });
  },
});

import { defineRule } from "../rule";
import { plain } from "../../numeric/decimal";

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
    const over = plain(onPost.minus(posts));
    context.report({
      at: staff.actual!.at,
      related: [staff.establishment!.at],
      expected: null,
      actual: plain(onPost),
      message: {
        zh: `实际在职 ${plain(onPost)} 人，超出编制数 ${plain(posts)} 人 ${over} 人`,
        en: `${plain(onPost)} staff on post, ${over} above the ${plain(posts)} authorized posts`,
      },
    });
  },
});

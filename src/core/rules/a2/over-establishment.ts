import { defineRule } from "../rule";
import { plain } from "../../numeric/decimal";
import { figure } from "../../messages/message";

/** 在职人数 above 编制数 is a fact worth seeing, not an error. */
export default defineRule({
  meta: {
    id: "a2.over-establishment",
    title: { zh: "超编", en: "Over establishment" },
    severities: ["info"],
    fixable: false,
    requires: ["annex2"],
    messages: {
      over: { zh: "实际在职 {onPost}，比编制数 {posts}多 {over}", en: "{onPost} staff on post, {over} more than the {posts} authorized posts" },
    },
    formula: { zh: "实际在职人数 > 编制数", en: "staff on post > authorized posts" },
  },
  check(context) {
    const staff = context.annex2?.staff;
    const posts = staff?.establishment?.value;
    const onPost = staff?.actual?.value;
    if (!staff || !posts || !onPost || !onPost.greaterThan(posts)) return;
    context.report({
      at: staff.actual!,
      related: [staff.establishment!],
      expected: null,
      actual: plain(onPost),
      figure: "count",
      messageId: "over",
      data: { onPost: figure(onPost, "count"), posts: figure(posts, "count"), over: figure(onPost.minus(posts), "count") },
    });
  },
});

import { defineRule } from "../rule";
import type { YearMention } from "../../model/annex2";

/** The report year agrees across both titles and every year column header. */
export default defineRule({
  meta: {
    id: "x.year",
    title: { zh: "年度一致", en: "Year consistency" },
    severities: ["error"],
    fixable: false,
    requires: [],
    messages: {
      mismatch: {
        zh: "“{text}”中的年度 {found} 与报告年度不一致，应为 {expected}",
        en: "\"{text}\" says {found}; the report year makes it {expected}",
      },
    },
    formula: { zh: "两表标题与各列标题中的年度一致：{Y-1}年决算数、{Y}年预算数、{Y}年决算数、{Y}年实际在职人数、{Y}年完工项目", en: "titles and column headers agree on the year Y ({Y-1} prior actuals, {Y} budget, {Y} actuals, ...)" },
  },
  check(context) {
    const mentions: YearMention[] = [...(context.annex2?.years ?? []), ...(context.annex3?.years ?? [])];
    if (mentions.length < 2) return;
    // The report year is the titles' when they agree; when they disagree or say nothing, the
    // year most mentions (titles and headers) agree on.
    const titleYears = [...new Set([context.annex3?.year, context.annex2?.year].filter((y): y is number => y != null))];
    const year = titleYears.length === 1 ? titleYears[0]! : majorityYear(mentions);
    for (const m of mentions) {
      const expected = m.expects === "Y" ? year : year - 1;
      if (m.year === expected) continue;
      context.report({
        at: m.at,
        expected: String(expected),
        actual: String(m.year),
        messageId: "mismatch",
        data: { text: m.text.replace(/\s+/g, ""), found: m.year, expected },
      });
    }
  },
});

function majorityYear(mentions: readonly YearMention[]): number {
  const votes = new Map<number, number>();
  for (const m of mentions) {
    const y = m.expects === "Y" ? m.year : m.year + 1;
    votes.set(y, (votes.get(y) ?? 0) + 1);
  }
  let best = mentions[0]!.year;
  for (const [y, count] of votes) if (count > (votes.get(best) ?? 0)) best = y;
  return best;
}

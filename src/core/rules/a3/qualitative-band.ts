import { defineRule } from "../rule";
import { decimalOf, plain, ONE, ZERO, type Decimal } from "../../numeric/decimal";
import { qualitativeOutcome, type QualitativeOutcome } from "../../indicator/target";
import { figure, label } from "../../messages/message";
import { indicatorName } from "./indicator-reading";

const OUTCOME_NAMES: Readonly<Record<QualitativeOutcome, { zh: string; en: string }>> = {
  achieved: { zh: "达成年度指标", en: "achieved" },
  partial: { zh: "部分达成", en: "partly achieved" },
  "not-achieved": { zh: "未达成", en: "not achieved" },
};

const PROFILE_KEYS = { achieved: "achieved", partial: "partial", "not-achieved": "notAchieved" } as const;

/**
 * Whether score ÷ weight lies in [low, high] (high included only for 达成, 100%; the other bands
 * stop below the next one). For a positive 分值 the score is held against low × 分值 and high × 分值
 * (exact products, and a multiplication costs far less than a division in decimal.js); a bound of
 * 100 % is the 分值 itself.
 */
function isInBand(score: Decimal, weight: Decimal, low: Decimal, high: Decimal, highIncluded: boolean): boolean {
  if (weight.greaterThan(ZERO)) {
    if (score.lessThan(low.isZero() ? ZERO : low.times(weight))) return false;
    const top = high.eq(ONE) ? weight : high.times(weight);
    return highIncluded ? score.lessThanOrEqualTo(top) : score.lessThan(top);
  }
  const share = score.dividedBy(weight);
  return share.greaterThanOrEqualTo(low) && (highIncluded ? share.lessThanOrEqualTo(high) : share.lessThan(high));
}

/**
 * A qualitative 实际完成值 (达成/部分达成/未达成) puts the score in its band of the 分值; the bands are
 * the form's (财政部 80–100 / 60–80 / 0–60 %; 湖北 80–100 / 50–80 / 0–50 %).
 */
export default defineRule({
  meta: {
    id: "a3.qualitative-band",
    title: { zh: "定性指标得分区间", en: "Qualitative score band" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex3"],
    formula: {
      zh: "达成年度指标：80%（含）–100% 分值；部分达成：60%（含）–80%；未达成：0–60%（区间按表式规定）",
      en: "achieved: 80% (incl.)–100% of the weight; partly: 60% (incl.)–80%; not achieved: 0–60% (bands as the form sets them)",
    },
    messages: {
      outside: {
        zh: "指标“{name}”完成情况为“{actual}”（{band}），得分应在 {low}–{high} 之间，表中为 {score}",
        en: "Indicator \"{name}\" is marked \"{actual}\" ({band}); its score should lie in {low}–{high}, the sheet says {score}",
      },
      band: { zh: "{outcome}：{low}–{high}%", en: "{outcome}: {low}–{high}%" },
    },
  },
  check(context) {
    (context.annex3?.indicators ?? []).forEach((row) => {
      const weight = row.weight?.value;
      const score = row.score?.value;
      if (weight == null || score == null || weight.isZero() || !row.actual) return;
      const outcome = qualitativeOutcome(row.actual.text);
      if (!outcome) return;
      const [lowShare, highShare] = context.profile.qualitativeBands[PROFILE_KEYS[outcome]];
      const low = decimalOf(lowShare);
      const high = decimalOf(highShare);
      if (isInBand(score, weight, low, high, outcome === "achieved")) return;
      context.report({
        at: row.score!,
        related: [row.actual!, row.weight!],
        expected: `${plain(low.times(weight))}..${plain(high.times(weight))}`,
        actual: plain(score),
        figure: "score",
        messageId: "outside",
        data: {
          name: indicatorName(row), actual: row.actual!.text.trim(),
          // "80%–100%", "0–60%": a lower bound of 0 needs no unit.
          band: { message: "band", data: { outcome: label(OUTCOME_NAMES[outcome]), low: low.isZero() ? "0" : `${plain(low.times(100))}%`, high: figure(high.times(100), "typed") } },
          low: figure(low.times(weight), "typed"), high: figure(high.times(weight), "typed"), score: figure(score, "typed"),
        },
      });
    });
  },
});

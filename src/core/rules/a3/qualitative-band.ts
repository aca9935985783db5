import { defineRule } from "../rule";
import { dec, plain } from "../../numeric/decimal";
import { qualitativeOutcome } from "../../indicator/target";
import { indicatorName } from "./indicator-reading";

const BANDS = {
  achieved: { low: dec("0.8"), high: dec(1), zh: "达成年度指标：80%–100%", en: "achieved: 80%–100%" },
  partial: { low: dec("0.6"), high: dec("0.8"), zh: "部分达成：60%–80%", en: "partly achieved: 60%–80%" },
  "not-achieved": { low: dec(0), high: dec("0.6"), zh: "未达成：0–60%", en: "not achieved: 0–60%" },
} as const;

/** A qualitative 实际完成值 (达成/部分达成/未达成) puts the score in its band of the 分值. */
export default defineRule({
  meta: {
    id: "a3.qualitative-band",
    title: { zh: "定性指标得分区间", en: "Qualitative score band" },
    severities: ["warning"],
    fixable: false,
    requires: ["annex3"],
    formula: {
      zh: "达成年度指标：80%（含）–100% 分值；部分达成：60%（含）–80%；未达成：0–60%",
      en: "achieved: 80% (incl.)–100% of the weight; partly: 60% (incl.)–80%; not achieved: 0–60%",
    },
  },
  check(context) {
    for (const row of context.annex3?.indicators ?? []) {
      const outcome = row.actual ? qualitativeOutcome(row.actual.text) : null;
      const weight = row.weight?.value;
      const score = row.score?.value;
      if (!outcome || weight == null || score == null || weight.isZero()) continue;
      const band = BANDS[outcome];
      const share = score.dividedBy(weight);
      // The upper bound is included only for 达成 (100%); the others stop below the next band.
      const inBand = share.greaterThanOrEqualTo(band.low) && (outcome === "achieved" ? share.lessThanOrEqualTo(band.high) : share.lessThan(band.high));
      if (inBand) continue;
      const low = band.low.times(weight);
      const high = band.high.times(weight);
      context.report({
        at: row.score!.at,
        related: [row.actual!.at, row.weight!.at],
        expected: `${plain(low)}..${plain(high)}`,
        actual: plain(score),
        message: {
          zh: `指标“${indicatorName(row)}”完成情况为“${row.actual!.text.trim()}”（${band.zh}），得分应在 ${plain(low)}–${plain(high)} 之间，表中为 ${plain(score)}`,
          en: `Indicator "${indicatorName(row)}" is marked "${row.actual!.text.trim()}" (${band.en}); its score should lie in ${plain(low)}–${plain(high)}, the sheet says ${plain(score)}`,
        },
      });
    }
  },
});

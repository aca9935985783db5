import { annex3Form, SEED_COST_ROW, seedWorkbook, withIndicators, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 专题视察、调研 row 16: E 年度指标值 不少于30次, F 实际完成值 34次.
const visits = (patch: Partial<IndicatorInput>) => workbook(annex3Form({ indicators: withIndicators({ "专题视察、调研": patch }) }));

testRule("a3.target-deviation", {
  valid: [
    { name: "38.9次 of 不少于30次 is just under 30% over", workbook: visits({ actual: "38.9次" }) },
    { name: "the seed: 34 of 30 (13.33%), 100% of ≥95% (5.26%), 100% of ≥98% (2.04%)", workbook: seedWorkbook() },
    { name: "38 of 30 is 26.67% over", workbook: visits({ actual: "38次" }) },
    { name: "等于 targets are not 正向: 1次 done twice", workbook: workbook(annex3Form({ indicators: withIndicators({ 六届三次全会: { actual: "2次" } }) })) },
    { name: "反向 targets are not checked: 1100万元 is 35% above ≤812.38万元", workbook: workbook(annex3Form({ indicators: withIndicators({ [SEED_COST_ROW]: { actual: "1100万元", score: 20 } }) })) },
    { name: "units that do not agree are not compared", workbook: visits({ actual: "45人" }) },
    { name: "a target of 0 is not compared", workbook: visits({ target: "≥0次", actual: "5次" }) },
  ],
  invalid: [
    {
      name: "不少于30次 with 39次: exactly 30% over",
      workbook: visits({ actual: "39次" }),
      findings: [{ cell: "附件3!F16", severity: "info", expected: null, actual: "39", fix: "none", related: ["附件3!E16"], messageIncludes: ["30.00%"] }],
    },
    {
      name: "the doc page's example: 不少于30次 with 45次, 50.00% over",
      workbook: visits({ actual: "45次" }),
      findings: [{ cell: "附件3!F16", severity: "info", actual: "45", messageIncludes: ["50.00%"] }],
    },
    {
      name: "a comparator after the number: 30次以上 with 45次",
      workbook: visits({ target: "30次以上", actual: "45次" }),
      findings: [{ cell: "附件3!F16", severity: "info", actual: "45" }],
    },
    {
      name: "> is 正向 too: >50% with 70%",
      workbook: workbook(annex3Form({ indicators: withIndicators({ "完成率%": { target: ">50%", actual: "70%" } }) })),
      findings: [{ cell: "附件3!F19", severity: "info", actual: "70", messageIncludes: ["40.00%"] }],
    },
    {
      name: "the doc page's example, word for word",
      workbook: visits({ actual: "45次" }),
      findings: [{
        cell: "附件3!F16",
        message: {
          zh: "指标“专题视察、调研”完成值超出指标值 50.00%（≥ 30%），目标可能设定偏低，部分地区按指标偏离扣分",
          en: "Indicator \"专题视察、调研\" beat its target by 50.00% (≥ 30%): the target may be set too low; some provinces deduct for this",
        },
      }],
    },
    {
      name: "a bare number as 实际完成值 (45 for 不少于30次) is compared",
      workbook: visits({ actual: "45" }),
      findings: [{ cell: "附件3!F16", severity: "info", actual: "45", messageIncludes: ["50.00%"] }],
    },
    {
      name: "a target without a unit (≥30) with 45次 is compared",
      workbook: visits({ target: "≥30", actual: "45次" }),
      findings: [{ cell: "附件3!F16", severity: "info", actual: "45", messageIncludes: ["50.00%"] }],
    },
  ],
});

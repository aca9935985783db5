import { annex3Form, group, SEED_COST_ROW, seedWorkbook, withIndicators, workbook, type IndicatorInput, type IndicatorLine } from "../../helpers/forms";
import { run, testRule } from "../../helpers/rule-tester";
import { planFixes } from "../../../src/core";

// Seed rows: 专题视察、调研 row 16 (不少于30次 / 34次 / 8 / 8); the cost row 26
// (≤812.38万元 / 837.48万元 / 20 / 19). Columns: E 年度指标值, F 实际完成值, G 分值, H 得分.
/** The seed with its cost row scored 19.38, so that only the patched rows can fire. */
const SETTLED = withIndicators({ [SEED_COST_ROW]: { score: 19.38 } });
const seedWith = (patches: Record<string, Partial<IndicatorInput>>) => workbook(annex3Form({ indicators: withIndicators(patches, SETTLED) }));
const cost = (patch: Partial<IndicatorInput>) => seedWith({ [SEED_COST_ROW]: patch });
const visits = (patch: Partial<IndicatorInput>) => seedWith({ "专题视察、调研": patch });
/** A one-row table (row 14) for cases the seed has no row for. */
const one = (line: IndicatorLine) => workbook(annex3Form({ indicators: group("产出指标\n(10分)", "数量指标", [line]) }));

testRule("a3.quantitative-score", {
  valid: [
    { name: "分值 blank: no score to suggest (a3.missing-field's)", workbook: visits({ actual: "24次", weight: null, score: 8 }) },
    { name: "得分 blank: nothing to compare (a3.missing-field's)", workbook: visits({ actual: "24次", score: null }) },
    { name: "6.391 for 6.40 is less than 0.01 off: agrees", workbook: visits({ actual: "24次", score: 6.391, reason: "疫情影响" }) },
    {
      name: "the seed's cost row entered as 19.38 (formula A); the full-mark rows 67人/67人, 1次/1次, 不少于30次/34次, ≥95%/100%, ≥98%/　100% agree",
      workbook: cost({ score: 19.38 }),
    },
    { name: "19.40 with formula B", workbook: cost({ score: 19.4 }), settings: { reverseFormula: "B" } },
    { name: "正向 not reached: 不少于30次, 24次, 分值 8 → 6.40", workbook: visits({ actual: "24次", score: 6.4, reason: "疫情影响" }) },
    { name: "反向 within target: ≤812.38万元, 800万元 → full marks", workbook: cost({ actual: "800万元", score: 20 }) },
    { name: "反向 at twice the target or more: 0", workbook: one(["运转成本", "≤100万元", "200万元", 10, 0, "超支"]) },
    { name: "元 and 万元 convert: ≤8123800元 against 837.48万元 → 19.38", workbook: cost({ target: "≤8123800元", score: 19.38 }) },
    { name: "words for comparators: 不超过812.38万元 → 19.38", workbook: cost({ target: "不超过812.38万元", score: 19.38 }) },
    { name: "a target of 0 is met only by 0: 0次 / 0次 → full marks", workbook: one(["安全事故", "0次", "0次", 10, 10]) },
    { name: "a qualitative target is not scored here", workbook: one(["履职成效", "显著提升", "有所提升", 10, 3, "差距较大"]) },
  ],
  invalid: [
    {
      name: "the seed: ≤812.38万元 / 837.48万元 / 20 → 19.38 (formula A); 19 entered is integer rounding: info",
      workbook: seedWorkbook(),
      findings: [{
        cell: "附件3!H26", severity: "info", expected: "19.38", actual: "19", fix: "unsafe",
        related: ["附件3!E26", "附件3!F26", "附件3!G26"], messageIncludes: ["19.38", "公式 A", "≤812.38万元", "837.48万元"],
      }],
      fixed: { "附件3!H26": 19.38 },
    },
    {
      name: "formula B (settings.reverseFormula): 812.38 ÷ 837.48 × 20 → 19.40",
      workbook: seedWorkbook(),
      settings: { reverseFormula: "B" },
      findings: [{ cell: "附件3!H26", severity: "info", expected: "19.40", actual: "19", messageIncludes: ["公式 B", "formula B"] }],
      fixed: { "附件3!H26": 19.4 },
    },
    {
      name: "entered 15, more than 0.5 off: warning",
      workbook: cost({ score: 15 }),
      findings: [{ cell: "附件3!H26", severity: "warning", expected: "19.38", actual: "15", fix: "unsafe" }],
      fixed: { "附件3!H26": 19.38 },
    },
    {
      name: "正向 不少于30次, actual 24次, 分值 8 → 6.40; full marks entered",
      workbook: visits({ actual: "24次", score: 8 }),
      findings: [{ cell: "附件3!H16", severity: "warning", expected: "6.40", actual: "8", messageIncludes: ["6.40", "不少于30次", "24次"] }],
      fixed: { "附件3!H16": 6.4 },
    },
    {
      name: "a comparator after the number: 30次以上, 24次 → 6.40",
      workbook: visits({ target: "30次以上", actual: "24次", score: 8 }),
      findings: [{ cell: "附件3!H16", severity: "warning", expected: "6.40", actual: "8" }],
    },
    {
      name: "the doc page's example: 不少于30次, 28次, 分值 8 → 7.47; 5 entered",
      workbook: visits({ actual: "28次", score: 5, reason: "部分调研延期" }),
      findings: [{ cell: "附件3!H16", severity: "warning", expected: "7.47", actual: "5" }],
      fixed: { "附件3!H16": 7.47 },
    },
    {
      name: "元 converts to 万元: ≤8123800元 against 837.48万元 → 19.38",
      workbook: cost({ target: "≤8123800元", score: 19 }),
      findings: [{ cell: "附件3!H26", severity: "info", expected: "19.38", actual: "19" }],
    },
    {
      name: "units that do not agree (次 vs 人): info, read as qualitative, no fix",
      workbook: visits({ actual: "34人" }),
      findings: [{ cell: "附件3!F16", severity: "info", expected: null, actual: "34人", fix: "none", related: ["附件3!E16"], messageIncludes: ["次", "人", "定性"] }],
    },
    {
      name: "等于 with a target of 0: 1次 against 0次 earns 0",
      workbook: one(["安全事故", "0次", "1次", 10, 10]),
      findings: [{ cell: "附件3!H14", severity: "warning", expected: "0.00", actual: "10" }],
    },
    {
      name: "a percentage not reached: ≥95%, 90%, 分值 6 → 5.68; 6 entered is within 0.5: info",
      workbook: seedWith({ "完成率%": { actual: "90%" } }),
      findings: [{ cell: "附件3!H19", severity: "info", expected: "5.68", actual: "6" }],
    },
    {
      name: "a 正向 shortfall scored full, word for word (warning: more than 0.5 off)",
      workbook: one(["调研", "不少于30次", "24次", 10, 10]),
      findings: [{
        cell: "附件3!H14", severity: "warning", expected: "8.00", actual: "10", fix: "unsafe",
        message: {
          zh: "指标“调研”建议得分 8.00（指标值 不少于30次，完成值 24次，分值 10），表中为 10",
          en: "Indicator \"调研\": suggested score 8.00 (target 不少于30次, actual 24次, weight 10); the sheet says 10",
        },
      }],
    },
    {
      name: "the seed's 反向 row, word for word (info: within 0.5)",
      workbook: workbook(annex3Form()),
      findings: [{
        cell: "附件3!H26", severity: "info", expected: "19.38", actual: "19",
        message: {
          zh: "指标“人员、运转类等办公基本保障和专项支出”建议得分 19.38（反向，公式 A）（指标值 ≤812.38万元，完成值 837.48万元，分值 20），表中为 19",
          en: "Indicator \"人员、运转类等办公基本保障和专项支出\": suggested score 19.38 (reverse, formula A) (target ≤812.38万元, actual 837.48万元, weight 20); the sheet says 19",
        },
      }],
    },
    {
      name: "units that differ, word for word",
      workbook: visits({ actual: "34人" }),
      findings: [{
        cell: "附件3!F16", severity: "info", expected: null, actual: "34人", fix: "none", related: ["附件3!E16"],
        message: {
          zh: "指标“专题视察、调研”的指标值单位（次）与完成值单位（人）不一致，按定性指标处理",
          en: "Indicator \"专题视察、调研\": target unit 次 and actual unit 人 differ; treated as qualitative",
        },
      }],
    },
    {
      name: "0.5 off exactly is still info; 0.51 is a warning",
      workbook: workbook(annex3Form({ indicators: [
        ...group("产出指标\n(20分)", "数量指标", [["调研", "不少于30次", "24次", 10, 8.5], ["培训", "不少于30次", "24次", 10, 8.51]]),
      ] })),
      findings: [
        { cell: "附件3!H14", severity: "info", expected: "8.00", actual: "8.5" },
        { cell: "附件3!H15", severity: "warning", expected: "8.00", actual: "8.51" },
      ],
    },
    {
      name: "6.39 for 6.40: 0.01 off is shown (info)",
      workbook: visits({ actual: "24次", score: 6.39, reason: "疫情影响" }),
      findings: [{ cell: "附件3!H16", severity: "info", expected: "6.40", actual: "6.39" }],
      fixed: { "附件3!H16": 6.4 },
    },
    {
      name: "texts are quoted without their padding (ideographic spaces), word for word",
      workbook: seedWith({ 服务对象满意度: { target: "\u3000≥98%", actual: "\u300090%", score: 10, reason: "x" } }),
      findings: [{
        cell: "附件3!H25", severity: "warning", expected: "9.18", actual: "10",
        message: {
          zh: "指标“服务对象满意度”建议得分 9.18（指标值 ≥98%，完成值 90%，分值 10），表中为 10",
          en: "Indicator \"服务对象满意度\": suggested score 9.18 (target ≥98%, actual 90%, weight 10); the sheet says 10",
        },
      }],
    },
  ],
});

describe("a3.quantitative-score fixes", () => {
  test("a suggested score is never in \"apply all\" by default", () => {
    const findings = run(seedWorkbook());
    const mine = findings.filter((f) => f.ruleId === "a3.quantitative-score");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.fix?.safe).toBe(false);
    const plan = planFixes(findings);
    expect(plan.some((e) => e.at.sheet === "附件3" && e.at.row === 25 && e.at.col === 7)).toBe(false);
    expect(planFixes(findings, { includeUnsafe: true }).some((e) => e.at.row === 25 && e.at.col === 7)).toBe(true);
  });
});

test("a3.quantitative-score writes its suggestion as a score: the number with format 0.00", () => {
  const findings = run(visits({ actual: "24次", score: 8 }), undefined, "a3.quantitative-score");
  expect(findings.flatMap((f) => f.fix?.edits ?? []).map((e) => ({ after: e.after, numberFormat: e.numberFormat }))).toEqual([{ after: 6.4, numberFormat: "0.00" }]);
});

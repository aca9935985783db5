import { annex3Form, group, workbook, seedWorkbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

/**
 * A form whose recomputed total is `total`: the seed's execution row (10 × 99.96% → 10.00) plus
 * one indicator worth 90 scored total − 10. The 总分 row is row 15 and holds `written`.
 */
const scoring = (total: number, written: number = total) => workbook(annex3Form({
  funds: { score: 10 },
  indicators: group("产出指标\n(90分)", "数量指标", [["综合履职", "达成年度指标", "部分达成", 90, total - 10, "见报告"]]),
  total: { weight: 100, score: written },
}));

const BANDS_80_70_60 = { gradeBands: [80, 70, 60] as const };

testRule("a3.grade", {
  valid: [
    { name: "no 附件3 indicator rows and no 总分 row", workbook: workbook(annex3Form({ indicators: [], total: null })) },
    { name: "no indicator rows: no total to grade", workbook: workbook(annex3Form({ indicators: [], total: null })) },
  ],
  invalid: [
    {
      name: "the seed: 98 (= 10.00 + 88) → 优",
      workbook: seedWorkbook(),
      findings: [{ cell: "附件3!H29", severity: "info", expected: "excellent", actual: null, fix: "none", messageIncludes: ["98.00", "优"] }],
    },
    { name: "85 → 良 (90/80/60)", workbook: scoring(85), findings: [{ cell: "附件3!H15", severity: "info", expected: "good" }] },
    { name: "85 → 优 (80/70/60)", workbook: scoring(85), settings: BANDS_80_70_60, findings: [{ cell: "附件3!H15", expected: "excellent", messageIncludes: ["优 ≥ 80"] }] },
    { name: "72 → 中 (90/80/60)", workbook: scoring(72), findings: [{ cell: "附件3!H15", expected: "fair" }] },
    { name: "72 → 良 (80/70/60)", workbook: scoring(72), settings: BANDS_80_70_60, findings: [{ cell: "附件3!H15", expected: "good" }] },
    { name: "90 → 优: the lower bound belongs to the band", workbook: scoring(90), findings: [{ cell: "附件3!H15", expected: "excellent" }] },
    { name: "89.99 → 良", workbook: scoring(89.99), findings: [{ cell: "附件3!H15", expected: "good" }] },
    { name: "80 → 良", workbook: scoring(80), findings: [{ cell: "附件3!H15", expected: "good" }] },
    { name: "60 → 中", workbook: scoring(60), findings: [{ cell: "附件3!H15", expected: "fair" }] },
    { name: "59.99 → 差", workbook: scoring(59.99), findings: [{ cell: "附件3!H15", expected: "poor" }] },
    { name: "65 → 中 (80/70/60)", workbook: scoring(65), settings: BANDS_80_70_60, findings: [{ cell: "附件3!H15", expected: "fair" }] },
    { name: "the grade follows the recomputed total, not the written one (95 written, 85 recomputed)", workbook: scoring(85, 95), findings: [{ cell: "附件3!H15", expected: "good", messageIncludes: ["85.00"] }] },
    {
      name: "the seed, word for word",
      workbook: seedWorkbook(),
      findings: [{
        cell: "附件3!H29",
        message: { zh: "重算总分 98.00，等级为“优”（优 ≥ 90，良 ≥ 80，中 ≥ 60）", en: "Recomputed total 98.00: grade \"Excellent\" (excellent ≥ 90, good ≥ 80, fair ≥ 60)" },
      }],
    },
    {
      name: "the bands in use are named, word for word (80/70/60)",
      workbook: scoring(72),
      settings: BANDS_80_70_60,
      findings: [{ cell: "附件3!H15", message: { zh: "重算总分 72.00，等级为“良”（优 ≥ 80，良 ≥ 70，中 ≥ 60）", en: "Recomputed total 72.00: grade \"Good\" (excellent ≥ 80, good ≥ 70, fair ≥ 60)" } }],
    },
    {
      name: "without a 总分 row (a table cut off) no grade is given: the finding says why, at the indicator header",
      workbook: workbook(annex3Form({ total: null })),
      findings: [{
        cell: "附件3!B13", severity: "info", expected: null,
        message: {
          zh: "重算得分合计 98.00，但表中没有总分行（表格可能不完整），未评定等级",
          en: "The scores add up to 98.00, but the table has no total score row (it may be cut off), so no grade is given",
        },
      }],
    },
    {
      name: "分值 adding up to 110 (a 产出 row of 10 too many): not out of 100, so no grade, and why",
      workbook: workbook(annex3Form({
        funds: { score: 10 },
        indicators: group("产出指标\n(100分)", "数量指标", [["综合履职", "达成年度指标", "部分达成", 100, 88, "见报告"]]),
        total: { weight: 100, score: 98 },
      })),
      findings: [{ cell: "附件3!H15", severity: "info", expected: null, messageIncludes: ["合计 110", "不是百分制", "not 100"] }],
    },
  ],
});

import { annex3Form, seedWorkbook, withIndicators, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// Seed rows: 代表培训 row 18 (分值 4), 服务对象满意度 row 25 (分值 10); 得分 in column H.
const seedWith = (patches: Record<string, Partial<IndicatorInput>>) => workbook(annex3Form({ indicators: withIndicators(patches) }));

testRule("a3.score-range", {
  valid: [
    { name: "−0.01 is within the 0.01 tolerance", workbook: seedWith({ 代表培训: { score: -0.01, reason: "扣分" } }) },
    { name: "the seed: every score within 0..分值, \"/\" rows 0 of 0", workbook: seedWorkbook() },
    { name: "0 is allowed", workbook: seedWith({ 代表培训: { score: 0, reason: "未开展" } }) },
    { name: "a blank score is a3.missing-field's", workbook: seedWith({ 代表培训: { score: null } }) },
    { name: "a blank 分值 is a3.missing-field's", workbook: seedWith({ 代表培训: { weight: null, score: 9 } }) },
    {
      name: "8.01 on 8 is within the 0.01 tolerance",
      workbook: seedWith({ "专题视察、调研": { score: 8.01 } }),
    },
  ],
  invalid: [
    {
      name: "the doc page's example: 12 on 服务对象满意度 (分值 10)",
      workbook: seedWith({ 服务对象满意度: { score: 12 } }),
      findings: [{ cell: "附件3!H25", severity: "error", expected: "0..10", actual: "12", fix: "none", related: ["附件3!G25"], messageIncludes: ["服务对象满意度"] }],
    },
    {
      name: "a row without a 三级指标 is named by its row number, as the other rules do",
      workbook: seedWith({ 代表培训: { level3: null, score: 12 } }),
      findings: [{ cell: "附件3!H18", severity: "error", expected: "0..4", actual: "12", messageIncludes: ["指标“第 18 行”得分 12", "Indicator \"row 18\""] }],
    },
    {
      name: "the doc page's example: −1 on 代表培训",
      workbook: seedWith({ 代表培训: { score: -1 } }),
      findings: [{ cell: "附件3!H18", severity: "error", expected: "0..4", actual: "-1" }],
    },
    {
      name: "a score on a \"/\" placeholder row (分值 0)",
      workbook: seedWith({ "/": { score: 1 } }),
      // withIndicators patches every row whose 三级指标 is "/": rows 23, 27 and 28
      findings: [
        { cell: "附件3!H23", severity: "error", expected: "0..0", actual: "1" },
        { cell: "附件3!H27", severity: "error", expected: "0..0", actual: "1" },
        { cell: "附件3!H28", severity: "error", expected: "0..0", actual: "1" },
      ],
    },
    {
      name: "−0.02 is below 0 beyond the tolerance",
      workbook: seedWith({ 代表培训: { score: -0.02, reason: "扣分" } }),
      findings: [{ cell: "附件3!H18", severity: "error", expected: "0..4", actual: "-0.02" }],
    },
    {
      name: "8.02 on 8 is above the 分值 beyond the tolerance",
      workbook: seedWith({ "专题视察、调研": { score: 8.02 } }),
      findings: [{ cell: "附件3!H16", severity: "error", expected: "0..8", actual: "8.02" }],
    },
    {
      name: "the doc page's example, word for word",
      workbook: seedWith({ 服务对象满意度: { score: 12 } }),
      findings: [{ cell: "附件3!H25", message: { zh: "指标“服务对象满意度”得分 12 不在 0 到分值 10 之间", en: "Indicator \"服务对象满意度\" scores 12, outside 0 to its weight of 10" } }],
    },
  ],
});

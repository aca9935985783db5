import { annex3Form, seedWorkbook, withIndicators, workbook, type Annex3Input } from "../../helpers/forms";
import { run, testRule } from "../../helpers/rule-tester";

// 执行率得分 on I5 (the seed wrongly says 98), indicator 得分 in column H, 总分 得分 on H29.
const form = (input: Annex3Input) => workbook(annex3Form(input));

testRule("a3.total-score", {
  valid: [
    { name: "no 总分 row: nothing to check", workbook: form({ total: null }) },
    { name: "an indicator score that is text: the total cannot be recomputed", workbook: form({ indicators: withIndicators({ 代表培训: { score: "约4" } }) }) },
    { name: "the seed: 98 = 10.00 (recomputed execution score) + 88, although I5 says 98", workbook: seedWorkbook() },
    { name: "the seed with I5 corrected to 10", workbook: form({ funds: { score: 10 } }) },
    { name: "98.00 with two decimals", workbook: form({ total: { weight: 100, score: { v: 98, fmt: "0.00" } } }) },
    { name: "总分 labelled 合计", workbook: form({ total: { label: "合计", weight: 100, score: 98 } }) },
    {
      name: "95% executed on 10 points: 9.50 + 88 = 97.50",
      workbook: form({ funds: { budget: 1000, executed: 950, rate: { v: 0.95, fmt: "0.00%" }, score: 9.5 }, total: { weight: 100, score: 97.5 } }),
    },
  ],
  invalid: [
    {
      name: "the doc page's example: the seed's data with 总分 96",
      workbook: form({ total: { weight: 100, score: 96 } }),
      findings: [{ cell: "附件3!H29", severity: "error", expected: "98", actual: "96", fix: "safe", messageIncludes: ["10.00", "88.00"] }],
      fixed: { "附件3!H29": 98 },
    },
    {
      name: "a deduction not carried into the total: 代表培训 4 → 3",
      workbook: form({ indicators: withIndicators({ 代表培训: { score: 3, reason: "一期培训延期" } }) }),
      findings: [{ cell: "附件3!H29", severity: "error", expected: "97", actual: "98" }],
      fixed: { "附件3!H29": 97 },
    },
    {
      name: "a blank total: info with a fix",
      workbook: form({ total: { weight: 100, score: null } }),
      findings: [{ cell: "附件3!H29", severity: "info", expected: "98", actual: null, fix: "safe" }],
      fixed: { "附件3!H29": 98 },
    },
    {
      name: "the total uses the recomputed execution score: 80% of 10 is 8.00, whatever I5 says",
      workbook: form({ funds: { budget: 1000, executed: 800, rate: { v: 0.8, fmt: "0.00%" }, score: 10 } }),
      findings: [{ cell: "附件3!H29", severity: "error", expected: "96", actual: "98" }],
      fixed: { "附件3!H29": 96 },
    },
    {
      name: "the doc page's example, word for word",
      workbook: form({ total: { weight: 100, score: 96 } }),
      findings: [{
        cell: "附件3!H29", related: ["附件3!I5", "附件3!H14", "附件3!H15", "附件3!H16", "附件3!H17", "附件3!H18", "附件3!H19", "附件3!H20", "附件3!H21", "附件3!H22", "附件3!H23", "附件3!H24", "附件3!H25", "附件3!H26", "附件3!H27", "附件3!H28"],
        message: {
          zh: "总分应为 98.00（执行率得分 10.00 + 指标得分 88.00），表中为 96.00",
          en: "The total score should be 98.00 (execution score 10.00 + indicator scores 88.00); the sheet says 96.00",
        },
      }],
    },
    {
      name: "0.02 off is beyond the tolerance; 0.01 is not",
      workbook: form({ total: { weight: 100, score: 97.98 } }),
      findings: [{ cell: "附件3!H29", severity: "error", expected: "98", actual: "97.98" }],
    },
    {
      name: "no 年度资金总额 row: the execution score counts 0, word for word",
      workbook: form({ funds: null }),
      findings: [{
        cell: "附件3!H27", severity: "error", expected: "88", actual: "98",
        message: { zh: "总分应为 88.00（执行率得分 0.00 + 指标得分 88.00），表中为 98.00", en: "The total score should be 88.00 (execution score 0.00 + indicator scores 88.00); the sheet says 98.00" },
      }],
      fixed: { "附件3!H27": 88 },
    },
  ],
});

test("a3.total-score writes its fix as a score: the number with format 0.00", () => {
  const findings = run(form({ total: { weight: 100, score: 96 } }), undefined, "a3.total-score");
  expect(findings.flatMap((f) => f.fix?.edits ?? []).map((e) => ({ after: e.after, numberFormat: e.numberFormat }))).toEqual([{ after: 98, numberFormat: "0.00" }]);
});

import { annex2Form, seedWorkbook, workbook, type Triple } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 三公经费 row 6: B = 2022年决算数, D = 2023年决算数.
const form = (threePublic: Triple) => workbook(annex2Form({ funds: { threePublic } }));

testRule("a2.three-public-change", {
  valid: [
    { name: "no 经费控制情况 block: nothing to compare", workbook: workbook(annex2Form({ funds: null })) },
    { name: "no 三公经费 row: nothing to compare", workbook: workbook(annex2Form({ funds: { threePublic: null } })) },
    { name: "the seed: prior year 0, no rate", workbook: seedWorkbook() },
    { name: "prior year 0 and this year 5: no rate", workbook: form([0, 6, 5]) },
    { name: "prior year blank: no rate", workbook: form([null, 6, 5]) },
    { name: "prior year \"——\": no rate", workbook: form(["——", 6, 5]) },
    { name: "this year blank: no rate", workbook: form([10, 6, null]) },
  ],
  invalid: [
    {
      name: "10 → 8 is 下降 20.00%",
      workbook: form([10, 9, 8]),
      findings: [{ cell: "附件2!D6", severity: "info", expected: "-20.00", actual: null, fix: "none", related: ["附件2!B6"], messageIncludes: ["下降 20.00%", "down 20.00%"] }],
    },
    {
      name: "the doc page's example: 12.50 → 10.00 is −20.00%",
      workbook: form([12.5, 11, 10]),
      findings: [{ cell: "附件2!D6", severity: "info", expected: "-20.00", messageIncludes: ["12.50 → 10.00"] }],
    },
    {
      name: "8.00 → 9.00 is 增长 12.50%",
      workbook: form([8, 9, 9]),
      findings: [{ cell: "附件2!D6", severity: "info", expected: "12.50", messageIncludes: ["增长 12.50%", "up 12.50%"] }],
    },
    {
      name: "unchanged: 0.00%",
      workbook: form([3, 3, 3]),
      findings: [{ cell: "附件2!D6", severity: "info", expected: "0.00" }],
    },
    {
      name: "down, word for word",
      workbook: form([12.5, 11, 10]),
      findings: [{ cell: "附件2!D6", message: { zh: "三公经费较上年下降 20.00%（12.50 → 10.00 万元）", en: "Three public expenses are down 20.00% on the prior year (12.50 → 10.00 × 10,000 yuan)" } }],
    },
    {
      name: "up, word for word",
      workbook: form([8, 9, 9]),
      findings: [{ cell: "附件2!D6", message: { zh: "三公经费较上年增长 12.50%（8.00 → 9.00 万元）", en: "Three public expenses are up 12.50% on the prior year (8.00 → 9.00 × 10,000 yuan)" } }],
    },
    {
      name: "this year 0 after a prior year: down 100%",
      workbook: form([4, 4, 0]),
      findings: [{ cell: "附件2!D6", expected: "-100.00", messageIncludes: ["下降 100.00%"] }],
    },
    {
      name: "unchanged reads as up 0.00%",
      workbook: form([3, 3, 3]),
      findings: [{ cell: "附件2!D6", messageIncludes: ["增长 0.00%", "up 0.00%"] }],
    },
  ],
});

import { annex2Form, annex3Form, seedWorkbook, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 附件2 公用经费 2023年决算数 on D18 (74.46); 附件3 基本支出 on F7 (911.94).
testRule("x.public-funds-in-basic", {
  valid: [
    { name: "附件2 without its 经费控制情况 block: nothing to compare", workbook: workbook(annex2Form({ funds: null }), annex3Form({ expense: { basic: 10 } })) },
    { name: "附件2 without the 公用经费 row: nothing to compare", workbook: workbook(annex2Form({ funds: { publicFunds: null, publicParts: [] } }), annex3Form({ expense: { basic: 10 } })) },
    { name: "附件3 without its 按支出性质分 block: nothing to compare", workbook: workbook(annex2Form(), annex3Form({ expense: null })) },
    { name: "the seed: 74.46 ≤ 911.94", workbook: seedWorkbook() },
    { name: "equal", workbook: workbook(annex2Form(), annex3Form({ expense: { basic: 74.46 } })) },
    { name: "0.01 above is within tolerance", workbook: workbook(annex2Form(), annex3Form({ expense: { basic: 74.45 } })) },
    { name: "基本支出 blank: not compared", workbook: workbook(annex2Form(), annex3Form({ expense: { basic: null } })) },
    { name: "公用经费 决算数 blank: not compared", workbook: workbook(annex2Form({ funds: { publicFunds: [99.41, 116.8, null] } }), annex3Form({ expense: { basic: 10 } })) },
  ],
  invalid: [
    {
      name: "the doc page's example: 74.46 above 基本支出 60.00",
      workbook: workbook(annex2Form(), annex3Form({ expense: { basic: 60 } })),
      findings: [{ cell: "附件2!D18", severity: "warning", expected: "<= 60", actual: "74.46", fix: "none", related: ["附件3!F7"], messageIncludes: ["74.46", "60.00"] }],
    },
    {
      name: "基本支出 in the next cell",
      workbook: workbook(annex2Form(), annex3Form({ expense: { basic: 70 }, breakdownValues: "nextCell" })),
      findings: [{ cell: "附件2!D18", severity: "warning", expected: "<= 70", related: ["附件3!H7"] }],
    },
    {
      name: "the doc page's example, word for word",
      workbook: workbook(annex2Form(), annex3Form({ expense: { basic: 60 } })),
      findings: [{
        cell: "附件2!D18",
        message: {
          zh: "附件2 公用经费 74.46 万元，超过附件3 基本支出 60.00 万元，而公用经费是基本支出的一部分",
          en: "Annex 2 public funds 74.46 × 10,000 yuan exceed annex 3 basic spending 60.00 × 10,000 yuan, of which they are a part",
        },
      }],
    },
    {
      name: "0.02 above is beyond the tolerance",
      workbook: workbook(annex2Form(), annex3Form({ expense: { basic: 74.44 } })),
      findings: [{ cell: "附件2!D18", severity: "warning", expected: "<= 74.44", actual: "74.46" }],
    },
  ],
});

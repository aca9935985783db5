import { annex2Form, seedWorkbook, workbook, type FundsInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 公务用车购置和维护经费 row 7 = 公车购置 row 8 + 公车运行维护 row 9; columns B, C, D.
const form = (funds: FundsInput) => workbook(annex2Form({ funds: { threePublic: [3.0, 3.5, 2.6], ...funds } }));

testRule("a2.vehicle-total", {
  valid: [
    { name: "no 经费控制情况 block: nothing to check", workbook: workbook(annex2Form({ funds: null })) },
    { name: "the seed: 0 = 0 + 0", workbook: seedWorkbook() },
    { name: "3.00 = 0 + 3.00, 3.50 = 0 + 3.50, 2.60 = 0 + 2.60", workbook: form({ vehicle: [3.0, 3.5, 2.6], vehiclePurchase: [0, 0, 0], vehicleRunning: [3.0, 3.5, 2.6] }) },
    { name: "a blank 公车购置 is not counted", workbook: form({ vehicle: [3.0, 3.5, 2.6], vehiclePurchase: [null, null, null], vehicleRunning: [3.0, 3.5, 2.6] }) },
    { name: "both lines blank: nothing to check", workbook: form({ vehicle: [3.0, 3.5, 2.6], vehiclePurchase: [null, null, null], vehicleRunning: ["——", "——", "——"] }) },
    { name: "0.01 off is within the tolerance of a two-item sum", workbook: form({ vehicle: [3.01, 3.5, 2.6], vehiclePurchase: [0, 0, 0], vehicleRunning: [3.0, 3.5, 2.6] }) },
    { name: "no subtotal row at all: nothing to check", workbook: form({ vehicle: null, vehiclePurchase: [1, 1, 1], vehicleRunning: [2, 2, 2] }) },
  ],
  invalid: [
    {
      name: "the doc page's example: 2.06 typed for 2.60",
      workbook: form({ vehicle: [3.0, 3.5, 2.06], vehiclePurchase: [0, 0, 0], vehicleRunning: [3.0, 3.5, 2.6] }),
      findings: [{ cell: "附件2!D7", severity: "error", expected: "2.6", actual: "2.06", fix: "safe", related: ["附件2!D8", "附件2!D9"], messageIncludes: ["2.60", "2.06"] }],
      fixed: { "附件2!D7": 2.6 },
    },
    {
      name: "purchase and running both filled: 1.20 + 2.30 = 3.50, not 3.00",
      workbook: form({ vehicle: [3.0, 3.5, 2.6], vehiclePurchase: [1.2, 0, 0], vehicleRunning: [2.3, 3.5, 2.6] }),
      findings: [{ cell: "附件2!B7", severity: "error", expected: "3.5", actual: "3" }],
      fixed: { "附件2!B7": 3.5 },
    },
    {
      name: "a blank subtotal: info with a fix",
      workbook: form({ vehicle: [null, 3.5, 2.6], vehiclePurchase: [0, 0, 0], vehicleRunning: [3.0, 3.5, 2.6] }),
      findings: [{ cell: "附件2!B7", severity: "info", expected: "3", actual: null, fix: "safe" }],
      fixed: { "附件2!B7": 3 },
    },
    {
      name: "the doc page's example, word for word",
      workbook: form({ vehicle: [3.0, 3.5, 2.06], vehiclePurchase: [0, 0, 0], vehicleRunning: [3.0, 3.5, 2.6] }),
      findings: [{
        cell: "附件2!D7",
        message: {
          zh: "公务用车购置和维护经费（本年决算数）应为 2.60 万元（公车购置 0.00 + 公车运行维护 2.60），表中为 2.06 万元",
          en: "Official vehicle spending (actuals) should be 2.60 × 10,000 yuan (公车购置 0.00 + 公车运行维护 2.60); the sheet says 2.06 × 10,000 yuan",
        },
      }],
    },
    {
      name: "a sum within 0.01 of two items matches, 0.02 off does not",
      workbook: form({ vehicle: [3.02, 3.51, 2.6], vehiclePurchase: [0, 0, 0], vehicleRunning: [3.0, 3.5, 2.6] }),
      findings: [{ cell: "附件2!B7", severity: "error", expected: "3", actual: "3.02" }],
    },
  ],
});

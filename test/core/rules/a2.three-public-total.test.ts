import { annex2Form, seedWorkbook, workbook, type FundsInput } from "../../helpers/forms";
import { run, testRule } from "../../helpers/rule-tester";

// Rows of the seed layout: 三公经费 6, 公务用车购置和维护经费 7, 公车购置 8, 公车运行维护 9,
// 出国经费 10, 公务接待 11; columns B = 2022年决算数, C = 2023年预算数, D = 2023年决算数.
const form = (funds: FundsInput) => workbook(annex2Form({ funds }));

/** The doc page's example with a correct total: 2.60 + 0 + 2.50 = 5.10 in 2023年决算数. */
const DOC: FundsInput = {
  threePublic:     [5.2, 6.0, 5.1],
  vehicle:         [3.0, 3.5, 2.6],
  vehiclePurchase: [0, 0, 0],
  vehicleRunning:  [3.0, 3.5, 2.6],
  abroad:          [0, 0, 0],
  reception:       [2.2, 2.5, 2.5],
};

testRule("a2.three-public-total", {
  valid: [
    { name: "the 出国经费 row deleted: the other parts still add up", workbook: form({ ...DOC, abroad: null }) },
    { name: "the 公车购置 row deleted: the vehicle subtotal is its running line", workbook: form({ ...DOC, vehiclePurchase: null }) },
    { name: "a part holding text (\"约2.5\") leaves that column unchecked: its value is unknown, not 0", workbook: form({ ...DOC, reception: [2.2, 2.5, "约2.5"] }) },
    { name: "a vehicle line holding text: the vehicle subtotal as written stands in", workbook: form({ ...DOC, vehicleRunning: [3.0, 3.5, "约2.6"] }) },
    { name: "no 经费控制情况 block: nothing to check", workbook: workbook(annex2Form({ funds: null })) },
    { name: "no 三公经费 row: nothing to check", workbook: form({ ...DOC, threePublic: null }) },
    { name: "the seed: every row 0", workbook: seedWorkbook() },
    { name: "5.20 / 6.00 / 5.10 add up in every year column", workbook: form(DOC) },
    { name: "a blank part is not counted (出国经费 left blank)", workbook: form({ ...DOC, abroad: [null, null, null] }) },
    { name: "dashes in a part are not counted", workbook: form({ ...DOC, abroad: ["——", "-", "—"] }) },
    { name: "a column with every part and the total blank is not checked", workbook: form({ ...DOC, threePublic: [null, 6.0, 5.1], vehicle: [null, 3.5, 2.6], vehiclePurchase: [null, 0, 0], vehicleRunning: [null, 3.5, 2.6], abroad: [null, 0, 0], reception: [null, 2.5, 2.5] }) },
    { name: "0.01 off is within the tolerance of a three-item sum (0.015)", workbook: form({ ...DOC, threePublic: [5.21, 6.0, 5.1] }) },
    { name: "a part stored as text (\"2.50\") is read as its number", workbook: form({ ...DOC, reception: [2.2, 2.5, "2.50"] }) },
    { name: "label variants: 三公经费： with a colon, half-width 其中:", workbook: form({ ...DOC, labels: { threePublic: "三公经费：", vehiclePurchase: "其中:公车购置" } }) },
    { name: "without the vehicle subtotal row, 公车购置 + 公车运行维护 stand in for it", workbook: form({ ...DOC, vehicle: null }) },
    {
      name: "a wrong vehicle subtotal is a2.vehicle-total's finding; 三公经费 uses the recomputed 2.60",
      workbook: form({ ...DOC, vehicle: [3.0, 3.5, 2.06] }),
    },
    {
      name: "a half-filled template: blank vehicle subtotal, 三公经费 already right",
      workbook: form({ ...DOC, vehicle: [3.0, 3.5, null] }),
    },
  ],
  invalid: [
    {
      name: "the doc page's example: 2023年决算数 4.80, the parts make 5.10",
      workbook: form({ ...DOC, threePublic: [5.2, 6.0, 4.8] }),
      findings: [{
        cell: "附件2!D6", severity: "error", expected: "5.1", actual: "4.8", fix: "safe",
        messageIncludes: ["5.10", "4.80"], related: ["附件2!D7", "附件2!D10", "附件2!D11"],
      }],
      fixed: { "附件2!D6": 5.1 },
    },
    {
      name: "each year column is checked on its own",
      workbook: form({ ...DOC, threePublic: [5.0, 6.5, 4.8] }),
      findings: [
        { cell: "附件2!B6", severity: "error", expected: "5.2", actual: "5" },
        { cell: "附件2!C6", severity: "error", expected: "6", actual: "6.5" },
        { cell: "附件2!D6", severity: "error", expected: "5.1", actual: "4.8" },
      ],
      fixed: { "附件2!B6": 5.2, "附件2!C6": 6, "附件2!D6": 5.1 },
    },
    {
      name: "a blank total: info with a fix writing the sum",
      workbook: form({ ...DOC, threePublic: [5.2, 6.0, null] }),
      findings: [{ cell: "附件2!D6", severity: "info", expected: "5.1", actual: null, fix: "safe" }],
      fixed: { "附件2!D6": 5.1 },
    },
    {
      name: "a dash in the total counts as blank",
      workbook: form({ ...DOC, threePublic: ["——", 6.0, 5.1] }),
      findings: [{ cell: "附件2!B6", severity: "info", expected: "5.2" }],
      fixed: { "附件2!B6": 5.2 },
    },
    {
      name: "without the vehicle subtotal row its two lines are summed",
      workbook: form({ ...DOC, vehicle: null, threePublic: [5.2, 6.0, 2.5] }),
      // rows move up by one: 三公经费 6, 公车购置 7, 公车运行维护 8, 出国经费 9, 公务接待 10
      findings: [{ cell: "附件2!D6", severity: "error", expected: "5.1", actual: "2.5", related: ["附件2!D7", "附件2!D8", "附件2!D9", "附件2!D10"] }],
      fixed: { "附件2!D6": 5.1 },
    },
    {
      name: "the doc page's example, word for word",
      workbook: form({ ...DOC, threePublic: [5.2, 6.0, 4.8] }),
      findings: [{
        cell: "附件2!D6",
        message: {
          zh: "三公经费（本年决算数）应为 5.10 万元（公务用车购置和维护经费 2.60 + 出国经费 0.00 + 公务接待 2.50），表中为 4.80 万元",
          en: "The three public expenses (actuals) should be 5.10 × 10,000 yuan (公务用车购置和维护经费 2.60 + 出国经费 0.00 + 公务接待 2.50); the sheet says 4.80 × 10,000 yuan",
        },
      }],
    },
    {
      name: "a wrong vehicle subtotal: 三公经费 is checked against the recomputed 2.60, not the 2.06 written",
      workbook: form({ ...DOC, vehicle: [3.0, 3.5, 2.06], threePublic: [5.2, 6.0, 4.56] }),
      findings: [{ cell: "附件2!D6", severity: "error", expected: "5.1", actual: "4.56", messageIncludes: ["公务用车购置和维护经费 2.60"] }],
    },
  ],
});

test("a2.three-public-total writes its fix as an amount: the number with format 0.00", () => {
  const [finding] = run(form({ ...DOC, threePublic: [5.2, 6.0, 4.8] }), undefined, "a2.three-public-total");
  expect(finding?.fix?.edits.map((e) => ({ after: e.after, numberFormat: e.numberFormat }))).toEqual([{ after: 5.1, numberFormat: "0.00" }]);
});

// A sentence in the pane keeps addresses, figures with their units and "→ after" whole.
import { splitWhole } from "../../src/taskpane/components/KeepTogether";

const wholes = (text: string) => splitWhole(text).filter((p) => p.whole).map((p) => p.text);

test("addresses, amounts with 万元, percentages and arrows are kept whole; the rest wraps", () => {
  const text = "附件3 项目支出 70.66 万元与附件2 项目支出决算数 70.27 万元不一致（附件3!F8），控制率 166.67%，修正 60.00% → 166.67%";
  expect(wholes(text)).toEqual(["70.66 万元", "70.27 万元", "附件3!F8", "166.67%", "60.00%", "→ 166.67%"]);
  expect(splitWhole(text).map((p) => p.text).join("")).toBe(text);
});

test("English units and counts stay with their number", () => {
  expect(wholes("Annex 3 spending 70.66 × 10,000 yuan; 35 人")).toEqual(["70.66 × 10,000 yuan", "35 人"]);
});

test("a sheet name with Chinese and a column of two letters", () => {
  expect(wholes("见 项目自评表!AB12。")).toEqual(["项目自评表!AB12"]);
});

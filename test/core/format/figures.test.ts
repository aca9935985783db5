/**
 * Numbers shown one way: every edge formats a figure through src/core/format/figures.ts. The same
 * finding reads the same in a message, the CLI table, the Markdown report, the pane's report rows
 * and the summary workbook.
 */
import { formatDateTime, formatFigure, formatValue } from "../../../src/core/format/figures";

describe("formatFigure", () => {
  test.each([
    ["982.21", "amount", "zh", "982.21 万元"],
    ["982.6", "amount", "zh", "982.60 万元"],
    ["982.6", "amount", "en", "982.60 × 10,000 yuan"],
    ["70.27", "decimal", "zh", "70.27"],
    ["166.6667", "percent", "zh", "166.67%"],
    ["60", "percent", "en", "60.00%"],
    ["9.996", "score", "zh", "10.00"],
    ["35", "count", "zh", "35 人"],
    ["35", "count", "en", "35"],
    ["98", "typed", "zh", "98"],
    ["0.60", "typed", "zh", "0.6"],
    ["-3.005", "amount", "zh", "-3.01 万元"],
    ["1e300", "amount", "zh", "1e+300 万元"],
  ] as const)("%s as %s (%s) → %s", (value, kind, lang, shown) => {
    expect(formatFigure(value, kind, lang)).toBe(shown);
  });

  test("text that is no number is shown as it is", () => {
    expect(formatFigure("约30", "amount", "zh")).toBe("约30");
  });
});

describe("formatValue: a finding's expected and found values", () => {
  test.each([
    ["166.67", "percent", "zh", "166.67%"],
    ["<= 116.8", "amount", "zh", "≤ 116.80 万元"],
    [">= 1099.1", "amount", "en", "≥ 1099.10 × 10,000 yuan"],
    ["0..10", "score", "zh", "0.00–10.00"],
    ["8..10", "typed", "zh", "8–10"],
    ["2.4..3.2", "amount", "zh", "2.40–3.20 万元"],
    ["excellent", "grade", "zh", "优"],
    ["good", "grade", "en", "Good"],
    ["2023年全年", undefined, "zh", "2023年全年"],
    ["９８２．６０", "amount", "zh", "９８２．６０"],
  ] as const)("%s (%s, %s) → %s", (value, kind, lang, shown) => {
    expect(formatValue(value, kind, lang)).toBe(shown);
  });

  test("no value stays no value", () => {
    expect(formatValue(null, "amount", "zh")).toBeNull();
  });
});

describe("formatDateTime", () => {
  test("local time to the second, no milliseconds, no zone letter", () => {
    expect(formatDateTime("2026-12-07T03:23:19.123Z", "Asia/Shanghai")).toBe("2026-12-07 11:23:19");
    expect(formatDateTime("2026-12-31T16:00:00.000Z", "Asia/Shanghai")).toBe("2027-01-01 00:00:00");
  });

  test("something that is not a time is shown as it is", () => {
    expect(formatDateTime("not a date")).toBe("not a date");
  });
});

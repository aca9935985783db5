/**
 * What a cell means as a number (src/core/cells/parse-value.ts): numbers, numbers stored as text,
 * percentages, blanks, dashes, Excel errors and plain text. Parsing never throws.
 */
import { isPercentFormat, numberOrNull, parseCellNumber, parseNumberText, type NumberKind, type ParsedNumber } from "../../../src/core/cells/parse-value";
import type { Cell, CellValue } from "../../../src/core/grid/workbook";

function cell(value: CellValue, numberFormat?: string): Cell {
  return numberFormat === undefined ? { value } : { value, numberFormat };
}

/** The parse result in plain JSON terms: a number as its decimal text. */
function summary(p: ParsedNumber): unknown {
  return p.kind === "number" ? { kind: "number", value: p.value.toFixed(), storedAsText: p.storedAsText, unit: p.unit } : p;
}

function parse(value: CellValue, kind: NumberKind = "amount", numberFormat?: string): unknown {
  return summary(parseCellNumber(cell(value, numberFormat), kind));
}

const num = (value: string, storedAsText: boolean, unit: string | null = null) => ({ kind: "number", value, storedAsText, unit });

describe("numbers", () => {
  test.each([
    [982.6, "982.6"],
    [0, "0"],
    [-5, "-5"],
    [-0.01, "-0.01"],
    [1e300, `1${"0".repeat(300)}`],
    [1e-7, "0.0000001"],
    [137.46, "137.46"],
  ])("%p is a number", (value, expected) => {
    expect(parse(value)).toEqual(num(expected, false));
  });

  test("1e300 keeps its magnitude (no overflow to Infinity)", () => {
    const p = parseCellNumber(cell(1e300), "amount");
    expect(p.kind === "number" && p.value.equals("1e300")).toBe(true);
  });

  test("a floating-point artifact is taken as stored (0.1 + 0.2)", () => {
    expect(parse(0.1 + 0.2)).toEqual(num("0.30000000000000004", false));
  });

  test("NaN and Infinity are not numbers", () => {
    expect(parse(Number.NaN)).toEqual({ kind: "text", text: "NaN" });
    expect(parse(Number.POSITIVE_INFINITY)).toEqual({ kind: "text", text: "Infinity" });
  });

  test("a boolean is text", () => {
    expect(parse(true)).toEqual({ kind: "text", text: "true" });
  });
});

describe("numbers stored as text", () => {
  test.each([
    ["982.60", num("982.6", true)],
    ["９８２．６０", num("982.6", true)],
    ["1,234.56", num("1234.56", true)],
    ["1,234,567.8", num("1234567.8", true)],
    ["１，２３４．５６", num("1234.56", true)],
    ["982.60万元", num("982.6", true, "万元")],
    ["982.60 万元", num("982.6", true, "万元")],
    ["９８２．６０万元", num("982.6", true, "万元")],
    ["-5", num("-5", true)],
    ["－５", num("-5", true)],
    ["+5", num("5", true)],
    [".5", num("0.5", true)],
    ["0", num("0", true)],
    [" 70.66 ", num("70.66", true)],
    ["\u300070.66\u3000", num("70.66", true)],
    ["\u200b982.6", num("982.6", true)],
  ])("%j", (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  test("元 in an amount cell is converted to 万元", () => {
    expect(parse("50000元")).toEqual(num("5", true, "元"));
    expect(parse("8374800元")).toEqual(num("837.48", true, "元"));
  });

  test("a count keeps its unit", () => {
    expect(parse("35人", "count")).toEqual(num("35", true, "人"));
    expect(parse("30次", "count")).toEqual(num("30", true, "次"));
  });

  test.each(["1,23", "12,34.5", "1e3", "0x10", "5.5.5", "(5)"])("%j is not a number", (text) => {
    expect(parse(text)).toEqual({ kind: "text", text });
  });
});

describe("percentages", () => {
  test("0.6 with format 0% is 60 (percentage points)", () => {
    expect(parse(0.6, "percent", "0%")).toEqual(num("60", false));
  });

  test("0.9996 with format 0.00% is 99.96", () => {
    expect(parse(0.9996, "percent", "0.00%")).toEqual(num("99.96", false));
  });

  test("1.6667 with format 0.00% is 166.67", () => {
    expect(parse(1.6667, "percent", "0.00%")).toEqual(num("166.67", false));
  });

  test("a % format counts only outside quotes", () => {
    expect(isPercentFormat("0%")).toBe(true);
    expect(isPercentFormat("0.00%;[Red]-0.00%")).toBe(true);
    expect(isPercentFormat('0.00"%"')).toBe(false);
    expect(isPercentFormat("0.00")).toBe(false);
    expect(isPercentFormat(undefined)).toBe(false);
    expect(parse(60, "percent", '0.00"%"')).toEqual(num("60", false));
  });

  test("a % format on an amount does not scale it", () => {
    expect(parse(0.6, "amount", "0%")).toEqual(num("0.6", false));
  });

  test.each([
    ["60%", num("60", true, "%")],
    ["60 %", num("60", true, "%")],
    ["６０％", num("60", true, "%")],
    ["99.96%", num("99.96", true, "%")],
    ["166.67%", num("166.67", true, "%")],
    ["5‰", num("0.5", true, "‰")],
  ])("text %j in a rate cell", (text, expected) => {
    expect(parse(text, "percent")).toEqual(expected);
  });

  test("60 in a plain rate cell is 60 percentage points", () => {
    expect(parse(60, "percent")).toEqual(num("60", false));
  });

  test("\"0.6\" typed as text in a rate cell is read as a fraction: 60", () => {
    expect(parse("0.6", "percent")).toEqual(num("60", true));
    expect(parse("1.5", "percent")).toEqual(num("150", true));
  });

  test("\"0.6\" in an amount cell stays 0.6", () => {
    expect(parse("0.6", "amount")).toEqual(num("0.6", true));
  });
});

describe("blanks and dashes mean not filled", () => {
  test.each([
    [null, { kind: "blank" }],
    ["", { kind: "blank" }],
    ["   ", { kind: "blank" }],
    ["\u3000", { kind: "blank" }],
    ["\n", { kind: "blank" }],
  ])("%j is blank", (value, expected) => {
    expect(parse(value)).toEqual(expected);
  });

  test("a missing cell is blank", () => {
    expect(summary(parseCellNumber(undefined, "amount"))).toEqual({ kind: "blank" });
  });

  test.each(["——", "—", "-", "/", "－", "――", "--", "–", "\\", "无"])("%j is a dash", (text) => {
    expect(parse(text)).toEqual({ kind: "dash", text });
  });

  test("a dash keeps its text trimmed", () => {
    expect(parse("  ——  ")).toEqual({ kind: "dash", text: "——" });
  });
});

describe("Excel errors", () => {
  test.each(["#DIV/0!", "#REF!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"])("%s as an error value", (code) => {
    expect(parse({ error: code })).toEqual({ kind: "error", code });
  });

  test.each([
    ["#DIV/0!", "#DIV/0!"],
    ["#div/0!", "#DIV/0!"],
    ["  #REF!  ", "#REF!"],
    ["#N/A", "#N/A"],
  ])("%j as text", (text, code) => {
    expect(parse(text)).toEqual({ kind: "error", code });
  });

  test("text that only looks like an error is text", () => {
    expect(parse("#DIV/0")).toEqual({ kind: "text", text: "#DIV/0" });
    expect(parse("#1")).toEqual({ kind: "text", text: "#1" });
  });
});

describe("text that is not a number", () => {
  test.each(["约30", "约 30", "30左右", "≈30", "三十", "待定", "见附表", "30-40"])("%j", (text) => {
    expect(parse(text)).toEqual({ kind: "text", text });
  });

  test("the text is kept trimmed", () => {
    expect(parse("  约30 ")).toEqual({ kind: "text", text: "约30" });
  });
});

describe("parseNumberText and numberOrNull", () => {
  test("parseNumberText is what a text cell goes through", () => {
    expect(summary(parseNumberText("９８２．６０", "amount"))).toEqual(num("982.6", true));
    expect(summary(parseNumberText("——", "amount"))).toEqual({ kind: "dash", text: "——" });
  });

  test("numberOrNull gives the Decimal of a number and null for anything else", () => {
    expect(numberOrNull(parseNumberText("1,234.56", "amount"))?.toFixed()).toBe("1234.56");
    for (const text of ["", "——", "#DIV/0!", "约30"]) expect(numberOrNull(parseNumberText(text, "amount"))).toBeNull();
  });

  test("never throws, whatever the text", () => {
    const odd = ["\u0000", "😀", "9".repeat(400), `${"1,".repeat(200)}1`, "-".repeat(1000), "%", "万元", ".", "+", "1e999999", "\ud800"];
    for (const text of odd) for (const kind of ["amount", "percent", "count", "score"] as const) expect(() => parseNumberText(text, kind)).not.toThrow();
  });
});

describe("parseCellNumber shares the outcome of a repeated typed number", () => {
  test("0 and -0 keep their own signs, whichever comes first", () => {
    const zero = parseCellNumber({ value: 0 }, "score");
    const negativeZero = parseCellNumber({ value: -0 }, "score");
    const zeroAgain = parseCellNumber({ value: 0 }, "score");
    expect(zero.kind === "number" && zero.value.isNegative()).toBe(false);
    expect(negativeZero.kind === "number" && negativeZero.value.isNegative()).toBe(true);
    expect(zeroAgain.kind === "number" && zeroAgain.value.isNegative()).toBe(false);
  });

  test("a repeated figure reads the same each time, and a percent cell still reads in points", () => {
    expect(parseCellNumber({ value: 12.5 }, "score")).toEqual(parseCellNumber({ value: 12.5 }, "amount"));
    const rate = parseCellNumber({ value: 0.6, numberFormat: "0%" }, "percent");
    expect(rate.kind === "number" && rate.value.toString()).toBe("60");
    const plain = parseCellNumber({ value: 0.6 }, "percent");
    expect(plain.kind === "number" && plain.value.toString()).toBe("0.6");
  });
});

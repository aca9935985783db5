import { cellFromRaw, excelText, isDateFormat, needsTextMarker, rawValue, realFormula, sameValue, serialToIso, valueToWrite } from "../../../src/adapters/office/cells";
import { parseInput } from "../../fakes/excel-fake";

const raw = (value: unknown, formula: unknown = value, numberFormat = "General", valueType = "Double") => ({ value, formula, numberFormat, valueType });

describe("cells: Excel's arrays to the core's Cell", () => {
  test("blank, numbers, booleans, errors", () => {
    expect(cellFromRaw(raw("", "", "General", "Empty"))).toBeUndefined();
    expect(cellFromRaw(raw("", "", "0.00", "Empty"))).toEqual({ value: null, numberFormat: "0.00" });
    expect(cellFromRaw(raw(0.6, 0.6, "0%"))).toEqual({ value: 0.6, numberFormat: "0%" });
    expect(cellFromRaw(raw(false, false, "General", "Boolean"))).toEqual({ value: false });
    expect(cellFromRaw(raw("#DIV/0!", "=1/0", "General", "Error"))).toEqual({ value: { error: "#DIV/0!" }, formula: "=1/0" });
    expect(rawValue(raw("", "", "General", "Error"))).toEqual({ error: "#VALUE!" });
  });

  test("a real formula vs text that only looks like one (apostrophe lost on read)", () => {
    expect(realFormula(raw(2, "=1+1"))).toBe("=1+1");
    expect(realFormula(raw("=1+1", "=1+1", "General", "String"))).toBeNull();
    expect(realFormula(raw("x", "=\"x\"", "General", "String"))).toBe("=\"x\"");
    expect(realFormula(raw(5, 5))).toBeNull();
  });

  test("date formats and serials, like the xlsx adapter hands dates over", () => {
    for (const format of ["yyyy-mm-dd", "m/d/yyyy", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy年m月d日", "h:mm AM/PM", "[h]:mm", "mmm-yy"]) {
      expect(isDateFormat(format)).toBe(true);
    }
    for (const format of ["0.00", "0%", "#,##0.00", "0.00E+00", "\"days\" 0", "[Red]0.00", "@", "0.00_);(0.00)", "[DBNum1]0"]) {
      expect(isDateFormat(format)).toBe(false);
    }
    expect(serialToIso(45291)).toBe("2023-12-31");
    expect(serialToIso(45291.75)).toBe("2023-12-31T18:00:00");
    expect(serialToIso(36526)).toBe("2000-01-01");
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(-1)).toBeNull();
    expect(cellFromRaw(raw(45291, 45291, "yyyy-mm-dd"))).toEqual({ value: "2023-12-31", numberFormat: "yyyy-mm-dd" });
  });

  test("sameValue: blank is blank, errors by literal, numbers exactly", () => {
    expect(sameValue(null, "")).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue({ error: "#N/A" }, { error: "#N/A" })).toBe(true);
    expect(sameValue({ error: "#N/A" }, "#N/A")).toBe(false);
    expect(sameValue(0.6, 0.6)).toBe(true);
    expect(sameValue(0.6, 0.60001)).toBe(false);
    expect(sameValue("1", 1)).toBe(false);
  });
});

describe("cells: text that must stay text", () => {
  const tricky = [
    "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1)", "\tTAB", "\rCR", "'already quoted",
    "0.60", "60%", "1e5", "TRUE", "false", "#N/A", "#DIV/0!", "2023-01-31", "2023/1/31", "2023年1月",
  ];

  test.each(tricky)("%j gets the text marker and Excel (the fake) stores it verbatim as text", (text) => {
    expect(needsTextMarker(text)).toBe(true);
    const stored = parseInput(excelText(text));
    expect(stored.formula).toBeUndefined();
    expect(stored.value).toBe(text);
  });

  test.each(["优", "良", "合格", "无直接经济效益", "——", "  ", "附件"])("%j is written as is", (text) => {
    expect(excelText(text)).toBe(text);
    expect(parseInput(text).value).toBe(text);
  });

  test("values to write back: blank clears, errors stay errors, text stays text", () => {
    expect(valueToWrite(null)).toBe("");
    expect(valueToWrite({ error: "#DIV/0!" })).toBe("#DIV/0!");
    expect(parseInput(String(valueToWrite({ error: "#DIV/0!" }))).value).toEqual({ error: "#DIV/0!" });
    expect(valueToWrite("=x")).toBe("'=x");
    expect(valueToWrite(3)).toBe(3);
    expect(valueToWrite(true)).toBe(true);
  });
});

/** The text-marker rules themselves and the report table's link policy, on the hostile strings. */
import { asCellText, isFormulaLike } from "../../src/host/text-safety";
import { excelText, needsTextMarker } from "../../src/adapters/office/cells";
import { reportTable } from "../../src/host/report-table";
import { parseInput } from "../fakes/excel-fake";
import { ALL_PAYLOADS, FORMULA_PAYLOADS, HOSTILE_SHEET_NAMES } from "./payloads";

test.each(FORMULA_PAYLOADS.map((p) => [JSON.stringify(p), p]))("%s is formula-like and gets the text marker", (_label, payload) => {
  expect(isFormulaLike(payload)).toBe(true);
  expect(asCellText(payload)).toBe(`'${payload}`);
  expect(needsTextMarker(payload)).toBe(true);
  // What Excel (the fake) makes of the marked string: exactly the payload, as text.
  expect(parseInput(excelText(payload))).toEqual({ value: payload, quotePrefix: true });
});

test("ordinary text is left alone; a leading apostrophe is doubled so it survives", () => {
  for (const text of ["附件2 基础数据表", "a=b", " =1+1 (leading space is text in Excel)", "优", "cmd|' /C calc'!A0"]) {
    expect({ text, formulaLike: isFormulaLike(text), written: asCellText(text) }).toEqual({ text, formulaLike: false, written: text });
  }
  expect(asCellText("'=1+1")).toBe("''=1+1");
  expect(parseInput(excelText("'=1+1"))).toEqual({ value: "'=1+1", quotePrefix: true });
});

test("every payload written through excelText stays exactly itself in the fake Excel", () => {
  for (const payload of ALL_PAYLOADS) {
    const parsed = parseInput(excelText(payload));
    expect({ payload, value: parsed.value, formula: parsed.formula }).toEqual({ payload, value: payload, formula: undefined });
  }
});

test("the report table links only plain A1 cells, normalized, whatever the sheet is called", () => {
  const row = { ruleId: "r", severity: "error" as const, expected: null, actual: null, message: "m", status: "open" as const, reason: null };
  const table = reportTable({
    checkedAt: "t", rulesVersion: "v", lang: "en",
    rows: [
      ...ALL_PAYLOADS.map((cell) => ({ ...row, sheet: "附件2", cell })),
      ...HOSTILE_SHEET_NAMES.map((sheet) => ({ ...row, sheet, cell: " d4 " })),
      { ...row, sheet: "附件2", cell: "A1#http://evil.example" },
      { ...row, sheet: "   ", cell: "A1" },
    ],
  });
  expect(table.links.map((l) => [l.sheet, l.cell])).toEqual(HOSTILE_SHEET_NAMES.map((sheet) => [sheet, "D4"]));
  // The rows keep the raw text; hosts make it formula-proof when writing.
  expect(table.rows.slice(table.headerRow + 1, table.headerRow + 1 + ALL_PAYLOADS.length).map((r) => r[3])).toEqual([...ALL_PAYLOADS]);
});

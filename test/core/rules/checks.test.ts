/**
 * The shared pieces of rules (src/core/rules/checks.ts) on their own: how a figure and a cell's
 * content read in messages, the edit a fix writes, and checkDerived's four outcomes (match,
 * blank, not a number, wrong number, rounding only) with their severities and messages.
 */
import type { CellValue } from "../../../src/core/grid/workbook";
import type { LocatedNumber } from "../../../src/core/model/located";
import type { ParsedNumber } from "../../../src/core/cells/parse-value";
import type { Report, RuleContext } from "../../../src/core/rules/rule";
import { DEFAULT_SETTINGS } from "../../../src/core";
import { addressOf, cellLabel } from "../../../src/core/grid/address";
import { HUNAN_DEPT } from "../../../src/core/profiles/hunan-dept";
import { messageOf } from "../../../src/core/messages/catalogue";
import { label } from "../../../src/core/messages/message";
import { dec, RATE_TOLERANCE, SCORE_TOLERANCE } from "../../../src/core/numeric/decimal";
import {
  actualOf, checkDerived, editFor, found, isErrorValue, isRoundingOnly, isUnreadable, NUMBER_FORMAT, show, valueOf,
  type DerivedCheck,
} from "../../../src/core/rules/checks";

const AT = { sheet: "附件2", row: 3, col: 3 }; // D4

function located(raw: CellValue, parsed: ParsedNumber, more: Partial<LocatedNumber> = {}): LocatedNumber {
  return { ...AT, raw, parsed, value: parsed.kind === "number" ? parsed.value : null, role: "derived", kind: "amount", ...more };
}
const number = (v: number | string, raw: CellValue = Number(v)) => located(raw, { kind: "number", value: dec(v), storedAsText: typeof raw === "string", unit: null });
const blank = located(null, { kind: "blank" });
const dash = located("——", { kind: "dash", text: "——" });
const text = located("约30", { kind: "text", text: "约30" });
const error = located({ error: "#DIV/0!" }, { kind: "error", code: "#DIV/0!" });

function collect(): { context: RuleContext; reports: Report[] } {
  const reports: Report[] = [];
  return {
    reports,
    context: {
      annex2: null, annex3: null, profile: HUNAN_DEPT, terms: HUNAN_DEPT.terms, settings: DEFAULT_SETTINGS,
      workbook: { basicData: null, selfEvalTables: [], unreadable: { annex2: null, annex3: null }, extraAnnexes: [] },
      report: (r) => reports.push(r),
    },
  };
}

/** A report as the user reads it: the message rendered (a2.staff-control-rate carries checkDerived's messages). */
// A report names its cell by the located value itself (validate keeps only the address: see
// test/core/finding-addresses.test.ts); the address is what these cases are about.
function view(report: Report): Omit<Report, "messageId" | "data"> & { message: { zh: string; en: string } } {
  const { messageId, data, ...rest } = report;
  const at = rest.at && addressOf(rest.at);
  return { ...rest, at, message: messageOf({ ruleId: "a2.staff-control-rate", messageId, data: data ?? {} }) };
}

describe("show and found", () => {
  test.each([
    ["percent", "166.6666", "166.67%"],
    ["amount", "982.6", "982.60"],
    ["score", "9.996", "10.00"],
    ["amount", "-3.005", "-3.01"],
  ] as const)("show(%s, %s) = %s", (kind, value, shown) => {
    expect(show(dec(value), kind)).toBe(shown);
  });

  test.each([
    ["a number as a percent", number("60", 0.6), "percent", "60.00%"],
    ["a number as an amount", number("982.6"), "amount", "982.60"],
    ["a blank", blank, "amount", ""],
    ["a dash, as written", dash, "amount", "——"],
    ["an Excel error, by its code", error, "amount", "#DIV/0!"],
    ["text, as written", text, "percent", "约30"],
  ] as const)("found: %s", (_name, cell, kind, shown) => {
    expect(found(cell, kind)).toBe(shown);
  });

  test.each([
    ["a number: its plain decimal", number("98.50"), "98.5"],
    ["a blank: null", blank, null],
    ["a dash: the dash", dash, "——"],
    ["an error: its code", error, "#DIV/0!"],
    ["text: the text", text, "约30"],
  ] as const)("actualOf: %s", (_name, cell, actual) => {
    expect(actualOf(cell)).toBe(actual);
  });

  test("valueOf: the cell's value, or null for a missing or blank cell", () => {
    expect(valueOf(number("7.5"))?.toFixed()).toBe("7.5");
    expect(valueOf(blank)).toBeNull();
    expect(valueOf(null)).toBeNull();
    expect(valueOf(undefined)).toBeNull();
  });

  test("cellLabel names the sheet and the A1 address", () => {
    expect(cellLabel({ sheet: "附件3", row: 4, col: 8 })).toBe("附件3!I5");
  });

  test("isUnreadable: text or an error is unknown; blank, a dash or a number is not", () => {
    expect([text, error, blank, dash, number("3"), null, undefined].map(isUnreadable)).toEqual([true, true, false, false, false, false, false]);
  });

  test("isErrorValue: an error raw value or an error parse, nothing else", () => {
    expect(isErrorValue(error)).toBe(true);
    expect(isErrorValue(located("#REF!", { kind: "error", code: "#REF!" }))).toBe(true);
    expect(isErrorValue(located({ error: "#N/A" }, { kind: "blank" }))).toBe(true);
    expect(isErrorValue(text)).toBe(false);
    expect(isErrorValue(number("1"))).toBe(false);
  });
});

describe("editFor", () => {
  test("the number formats of each kind", () => {
    expect(NUMBER_FORMAT).toEqual({ amount: "0.00", percent: "0.00%", score: "0.00" });
  });

  test("an amount is written as the number with 0.00", () => {
    expect(editFor(number("95.27"), dec("97.27"), "amount")).toEqual({ at: AT, before: 95.27, after: 97.27, numberFormat: "0.00" });
  });

  test("a score is written as the number with 0.00", () => {
    expect(editFor(number("98"), dec("10"), "score")).toEqual({ at: AT, before: 98, after: 10, numberFormat: "0.00" });
  });

  test("a percent is written as a fraction with 0.00%", () => {
    expect(editFor(number("60", 0.6), dec("166.67"), "percent")).toEqual({ at: AT, before: 0.6, after: 1.6667, numberFormat: "0.00%" });
  });

  test("the edit expects what the cell holds now (text, blank, error)", () => {
    expect(editFor(text, dec("5"), "amount")?.before).toBe("约30");
    expect(editFor(blank, dec("5"), "amount")?.before).toBeNull();
    expect(editFor(error, dec("5"), "amount")?.before).toEqual({ error: "#DIV/0!" });
  });

  test("no edit for a cell hidden under another cell's merge", () => {
    expect(editFor(located(null, { kind: "blank" }, { underMerge: true }), dec("5"), "amount")).toBeNull();
  });

  test("no edit for a figure too large for Excel to keep (from 1e15 on), one below is written", () => {
    expect(editFor(number("1"), dec("1e15"), "amount")).toBeNull();
    expect(editFor(number("1"), dec("-1e15"), "score")).toBeNull();
    expect(editFor(number("1"), dec("1e17"), "percent")).toBeNull();
    expect(editFor(number("1"), dec("99999999999999"), "amount")?.after).toBe(99999999999999);
    expect(editFor(number("1"), dec("1e16"), "percent")?.after).toBe(1e14);
  });

  test("no fix on a finding about a cell that cannot be written", () => {
    const { context, reports } = collect();
    checkDerived(context, {
      cell: located(null, { kind: "blank" }, { underMerge: true }), expected: dec("5"), kind: "amount", tolerance: SCORE_TOLERANCE,
      related: [], what: { zh: "x", en: "x" }, basis: label({ zh: "y", en: "y" }),
    });
    expect(reports.map((r) => [r.severity, r.fix])).toEqual([["info", undefined]]);
  });

  test("a number inside a label is written back into the label's text, with two decimals", () => {
    const cell = located("项目支出：70.6", { kind: "number", value: dec("70.6"), storedAsText: true, unit: null }, { embedded: { prefix: "项目支出：", suffix: "万元" } });
    expect(editFor(cell, dec("70.66"), "amount")).toEqual({ at: AT, before: "项目支出：70.6", after: "项目支出：70.66万元" });
    expect(editFor(cell, dec("70"), "percent")).toEqual({ at: AT, before: "项目支出：70.6", after: "项目支出：70.00万元" });
  });
});

describe("isRoundingOnly", () => {
  test.each([
    ["167 for 166.6667 (0 dp)", "167", "166.6667", true],
    ["166.7 for 166.6667 (1 dp)", "166.7", "166.6667", true],
    ["96 for 95.944 (0 dp, half up)", "96", "95.944", true],
    ["3 for 2.5 (half up)", "3", "2.5", true],
    ["2 for 2.5 is not", "2", "2.5", false],
    ["166.6 for 166.6667 is not", "166.6", "166.6667", false],
    ["60 for 166.6667 is not", "60", "166.6667", false],
    ["166.67 for 166.6667 (2 dp) is not this case", "166.67", "166.6667", false],
  ] as const)("%s", (_name, reported, exact, rounding) => {
    expect(isRoundingOnly(dec(reported), dec(exact))).toBe(rounding);
  });
});

describe("checkDerived", () => {
  const RELATED = [{ sheet: "附件2", row: 3, col: 2 }, { sheet: "附件2", row: 3, col: 1 }];
  const check = (cell: LocatedNumber, more: Partial<DerivedCheck> = {}): DerivedCheck => ({
    cell,
    expected: dec("166.67"),
    kind: "percent",
    tolerance: RATE_TOLERANCE,
    related: RELATED,
    what: { zh: "控制率", en: "The control rate" },
    basis: label({ zh: "在职 35 ÷ 编制 21", en: "35 on post ÷ 21 posts" }),
    ...more,
  });
  const FIX = { edits: [{ at: AT, before: 0.6, after: 1.6667, numberFormat: "0.00%" }] };

  test.each([
    ["the same figure", "166.67"],
    ["exactly the tolerance above", "166.68"],
    ["exactly the tolerance below", "166.66"],
  ])("%s matches: no report, returns true", (_name, value) => {
    const { context, reports } = collect();
    expect(checkDerived(context, check(number(value, 0.6)))).toBe(true);
    expect(reports).toEqual([]);
  });

  test("just beyond the tolerance is reported", () => {
    const { context, reports } = collect();
    expect(checkDerived(context, check(number("166.6899", 0.6)))).toBe(false);
    expect(reports.map((r) => [r.severity, r.actual])).toEqual([["error", "166.6899"]]);
  });

  test("a wrong number: error, with the fix, expected and actual, the related cells and both messages", () => {
    const { context, reports } = collect();
    expect(checkDerived(context, check(number("150", 0.6)))).toBe(false);
    expect(reports.map(view)).toEqual([{
      at: AT, related: RELATED, expected: "166.67", figure: "percent", actual: "150", severity: "error", fix: FIX,
      message: {
        zh: "控制率应为 166.67%（在职 35 ÷ 编制 21），表中为 150.00%",
        en: "The control rate should be 166.67% (35 on post ÷ 21 posts); the sheet says 150.00%",
      },
    }]);
  });

  test("a wrong number with an explanation appends it in both languages", () => {
    const { context, reports } = collect();
    const explain = (reported: { toFixed(): string }) => label({ zh: `，恰为 ${reported.toFixed()}`, en: `, exactly ${reported.toFixed()}` });
    checkDerived(context, check(number("60", 0.6), { explain }));
    expect(view(reports[0]!).message).toEqual({
      zh: "控制率应为 166.67%（在职 35 ÷ 编制 21），表中为 60.00%，恰为 60",
      en: "The control rate should be 166.67% (35 on post ÷ 21 posts); the sheet says 60.00%, exactly 60",
    });
  });

  test("an explanation that has nothing to say adds nothing", () => {
    const { context, reports } = collect();
    checkDerived(context, check(number("60", 0.6), { explain: () => null }));
    expect(view(reports[0]!).message.zh).toBe("控制率应为 166.67%（在职 35 ÷ 编制 21），表中为 60.00%");
    expect(view(reports[0]!).message.en).toBe("The control rate should be 166.67% (35 on post ÷ 21 posts); the sheet says 60.00%");
  });

  test("a rule's own severity replaces error for a wrong number", () => {
    const { context, reports } = collect();
    checkDerived(context, check(number("150", 0.6), { severity: "warning" }));
    expect(reports[0]!.severity).toBe("warning");
  });

  test("rounding only: info, with the fix and a message that says so", () => {
    const { context, reports } = collect();
    expect(checkDerived(context, check(number("167", 1.67), { exact: dec("166.666666") }))).toBe(false);
    expect(reports.map(view)).toEqual([{
      at: AT, related: RELATED, expected: "166.67", figure: "percent", actual: "167", severity: "info",
      fix: { edits: [{ at: AT, before: 1.67, after: 1.6667, numberFormat: "0.00%" }] },
      message: {
        zh: "控制率表中为 167.00%，精确值为 166.67%（在职 35 ÷ 编制 21）：仅为舍入差异",
        en: "The control rate reads 167.00%; the exact figure is 166.67% (35 on post ÷ 21 posts): rounding only",
      },
    }]);
  });

  test("rounding only stays info even for a rule that raises the severity", () => {
    const { context, reports } = collect();
    checkDerived(context, check(number("167", 1.67), { exact: dec("166.666666"), severity: "warning" }));
    expect(reports[0]!.severity).toBe("info");
  });

  test("without the exact figure a rounded one is a plain mistake", () => {
    const { context, reports } = collect();
    checkDerived(context, check(number("167", 1.67)));
    expect(reports[0]!.severity).toBe("error");
  });

  test.each([
    ["blank", blank, null],
    ["a dash", dash, "——"],
  ] as const)("%s: info that fills it in", (_name, cell, before) => {
    const { context, reports } = collect();
    expect(checkDerived(context, check(cell, { severity: "warning" }))).toBe(false);
    expect(reports.map(view)).toEqual([{
      at: AT, related: RELATED, expected: "166.67", figure: "percent", actual: null, severity: "info",
      fix: { edits: [{ at: AT, before, after: 1.6667, numberFormat: "0.00%" }] },
      message: {
        zh: "控制率未填，按公式应为 166.67%（在职 35 ÷ 编制 21）",
        en: "The control rate is blank; by its formula it is 166.67% (35 on post ÷ 21 posts)",
      },
    }]);
  });

  test.each([
    ["text", text, "约30"],
    ["an Excel error", error, "#DIV/0!"],
  ] as const)("%s: error naming what the cell holds", (_name, cell, shown) => {
    const { context, reports } = collect();
    expect(checkDerived(context, check(cell))).toBe(false);
    expect(reports.map(view)).toEqual([{
      at: AT, related: RELATED, expected: "166.67", figure: "percent", actual: shown, severity: "error",
      fix: { edits: [{ at: AT, before: cell.raw, after: 1.6667, numberFormat: "0.00%" }] },
      message: {
        zh: `控制率应为 166.67%（在职 35 ÷ 编制 21），表中为“${shown}”，不是数值`,
        en: `The control rate should be 166.67% (35 on post ÷ 21 posts); the cell holds "${shown}", which is not a number`,
      },
    }]);
  });

  test("text in a cell of a rule with its own severity takes that severity", () => {
    const { context, reports } = collect();
    checkDerived(context, check(text, { severity: "warning" }));
    expect(reports[0]!.severity).toBe("warning");
  });

  test("an amount reads with two decimals and no % sign", () => {
    const { context, reports } = collect();
    checkDerived(context, check(number("95.27"), { expected: dec("97.27"), kind: "amount", tolerance: SCORE_TOLERANCE, what: { zh: "项目支出", en: "Project spending" }, basis: label({ zh: "a", en: "a" }) }));
    expect(view(reports[0]!).message.zh).toBe("项目支出应为 97.27 万元（a），表中为 95.27 万元");
    expect(reports[0]!.fix).toEqual({ edits: [{ at: AT, before: 95.27, after: 97.27, numberFormat: "0.00" }] });
  });
});

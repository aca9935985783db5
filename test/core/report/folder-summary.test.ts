/** The folder summary's pure part: unit rows worst first, one issue row per finding. */
import { buildSummary, compareUnits, unitRow, type FileOutcome } from "../../../src/core/report/folder-summary";
import type { JsonFinding, JsonReport } from "../../../src/core";
import type { KeyFigures } from "../../../src/core/report/key-figures";

const FIGURES: KeyFigures = {
  unitName: "某单位", tables: 1, year: 2023, establishment: "10", staffActual: "9", budget: "100.00", executed: "90.00", executionRate: "90.00", threePublic: "1.00",
};

function finding(severity: JsonFinding["severity"], cell: string, ruleId = `r.${severity}`): JsonFinding {
  return { ruleId, severity, sheet: "附件3", cell, related: [], expected: "1", actual: "2", message: `${severity} at ${cell}`, messageId: "m", data: {} };
}

function checked(file: string, findings: JsonFinding[], score: string | null, unitName = file): FileOutcome {
  const count = (s: JsonFinding["severity"]) => findings.filter((f) => f.severity === s).length;
  const report: JsonReport = {
    schemaVersion: 2, file, rulesVersion: "test", profile: { id: "hunan-dept", name: "湖南", how: "detected", reasons: [] },
    annexes: { annex2: null, annex3: null }, tables: [], findings,
    summary: { errors: count("error"), warnings: count("warning"), infos: count("info"), score, grade: score === null ? null : "excellent", gradeName: score === null ? null : "优" },
  };
  return { kind: "checked", file, report, figures: { ...FIGURES, unitName } };
}

const unreadable = (file: string): FileOutcome => ({ kind: "unreadable", file, reason: "corrupt", message: { zh: "坏了", en: "broken" } });

describe("unit rows", () => {
  test("status follows the worst finding", () => {
    expect(unitRow(checked("a", [finding("info", "A1")], "90")).status).toBe("ok");
    expect(unitRow(checked("a", [finding("warning", "A1"), finding("info", "A2")], "90")).status).toBe("warnings");
    expect(unitRow(checked("a", [finding("warning", "A1"), finding("error", "A2")], "90")).status).toBe("errors");
    const bad = unitRow(unreadable("x"));
    expect(bad).toMatchObject({ status: "unreadable", figures: null, problem: { zh: "坏了", en: "broken" } });
  });

  test("worst first: unreadable, then more errors, more warnings, lower 总分 (none lowest), then file name", () => {
    const outcomes = [
      checked("ok-high.xlsx", [], "99.00"),
      checked("ok-low.xlsx", [], "70.00"),
      checked("ok-none.xlsx", [], null),
      checked("one-error.xlsx", [finding("error", "A1"), finding("warning", "A2"), finding("warning", "A3")], "95.00"),
      checked("two-errors.xlsx", [finding("error", "A1"), finding("error", "A2")], "99.00"),
      checked("warn-b.xlsx", [finding("warning", "A1")], "80.00"),
      checked("warn-a.xlsx", [finding("warning", "A1")], "80.00"),
      unreadable("zz-broken.xlsx"),
    ];
    const order = buildSummary(outcomes).units.map((u) => u.file);
    expect(order).toEqual([
      "zz-broken.xlsx", "two-errors.xlsx", "one-error.xlsx", "warn-a.xlsx", "warn-b.xlsx", "ok-none.xlsx", "ok-low.xlsx", "ok-high.xlsx",
    ]);
  });

  test("scores compare as numbers, not as text", () => {
    const low = unitRow(checked("a", [], "9.50"));
    const high = unitRow(checked("b", [], "10.00"));
    expect(compareUnits(low, high)).toBeLessThan(0);
    expect(compareUnits(high, low)).toBeGreaterThan(0);
  });

  test("the order does not depend on the order the workers finished in", () => {
    const outcomes = [checked("b", [finding("error", "A1")], "90"), checked("a", [], "80"), unreadable("c"), checked("d", [], "80")];
    const forward = buildSummary(outcomes).units.map((u) => u.file);
    const backward = buildSummary([...outcomes].reverse()).units.map((u) => u.file);
    expect(backward).toEqual(forward);
  });
});

describe("issue rows", () => {
  test("every finding once, files in unit order, errors before warnings before infos within a file", () => {
    const summary = buildSummary([
      checked("clean.xlsx", [finding("info", "B2")], "90", "甲"),
      checked("bad.xlsx", [finding("info", "A1"), finding("warning", "A2"), finding("error", "A9"), finding("error", "A3")], "90", "乙"),
      unreadable("broken.xlsx"),
    ]);
    expect(summary.issues.map((i) => [i.file, i.severity, i.cell])).toEqual([
      ["bad.xlsx", "error", "A9"],
      ["bad.xlsx", "error", "A3"],
      ["bad.xlsx", "warning", "A2"],
      ["bad.xlsx", "info", "A1"],
      ["clean.xlsx", "info", "B2"],
    ]);
    expect(summary.issues[0]).toMatchObject({ unitName: "乙", ruleId: "r.error", sheet: "附件3", expected: "1", actual: "2", message: "error at A9" });
  });

  test("totals add up over the checked files and count the unreadable ones", () => {
    const summary = buildSummary([
      checked("a", [finding("error", "A1"), finding("info", "A2")], "90"),
      checked("b", [finding("warning", "A1"), finding("error", "A2")], "90"),
      unreadable("c"),
    ]);
    expect(summary.totals).toEqual({ files: 3, unreadable: 1, errors: 2, warnings: 1, infos: 1 });
  });
});

test("an issue of one project among several names its project", () => {
  const project: JsonFinding = { ...finding("error", "H28"), table: { index: 1, name: "乡村学校校舍维修项目" } };
  const summary = buildSummary([checked("p.xlsx", [project], null)]);
  expect(summary.issues.map((i) => i.message)).toEqual(["［乡村学校校舍维修项目］error at H28"]);
});

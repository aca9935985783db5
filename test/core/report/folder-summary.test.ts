/** The folder summary's pure part: unit rows worst first, one issue row per finding. */
import { buildSummary, compareUnits, summaryReportOf, unitRow, type FileOutcome } from "../../../src/core/report/folder-summary";
import { toJsonReport, validate, type JsonFinding, type JsonReport } from "../../../src/core";
import type { JsonDocumentSource } from "../../../src/core/report/json-report";
import { withDocumentPlaces } from "../../../src/core/report/document-places";
import { snapshotFromSpec, type WorkbookSpec } from "../../../src/adapters/memory/grid-spec";
import { annex2Form, annex3Form, seedWorkbook, withIndicators, workbook } from "../../helpers/forms";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { prepareReportText } from "../../../src/core/report-text/input";
import { projectTablesOnOneSheet, projectWorkbook, type ProjectTableInput } from "../../helpers/project-forms";
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

describe("summaryReportOf: what the folder's workers send", () => {
  // The summary is built from these fields only; they must read exactly as the whole JSON report
  // gives them (a Word report's messages with their places), or the 问题清单 would change.
  const project = (i: number): ProjectTableInput => ({ project: `项目${i}`, funds: { executed: 100 + i, score: 9 } });
  const workbooks: [string, WorkbookSpec][] = [
    ["the seed", seedWorkbook()],
    ["the seed with wrong scores", workbook(annex2Form(), annex3Form({ indicators: withIndicators({ 代表培训: { score: 98 } }) }))],
    ["project tables on one sheet (findings name their table)", projectWorkbook(projectTablesOnOneSheet("表1", [project(1), project(2), project(3)]))],
    ["a Word report's tables as grids", { sheets: seedWorkbook().sheets.map((sheet, i) => ({ ...sheet, name: `表${i + 1}` })) }],
  ];
  const projection = (report: JsonReport) => ({
    summary: { errors: report.summary.errors, warnings: report.summary.warnings, infos: report.summary.infos, score: report.summary.score, grade: report.summary.grade },
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId, severity: f.severity, sheet: f.sheet, cell: f.cell, expected: f.expected, actual: f.actual,
      ...(f.figure ? { figure: f.figure } : {}), message: f.message, ...(f.table ? { table: { name: f.table.name } } : {}),
    })),
    ...(report.source ? { source: report.source } : {}),
  });
  const reportText = prepareReportText(readFileSync(join(__dirname, "../../fixtures/report/zhuzhou-luosong-npc-2023.txt"), "utf8"));
  const cases: [string, WorkbookSpec, boolean][] = [
    ...workbooks.map(([name, spec]): [string, WorkbookSpec, boolean] => [name, spec, false]),
    ["a Word report with its text (messages name grid cells: 表2!B5)", workbooks[3]![1], true],
  ];
  test.each(cases)("%s: the JSON report's fields, in zh and en, as a workbook and as a document", (_name, spec, withText) => {
    const result = validate(snapshotFromSpec(spec), undefined, withText ? { reportText } : {});
    expect(result.findings.length).toBeGreaterThan(0);
    if (withText) expect(toJsonReport("f", result, "zh").findings.some((f) => /表\d+!/.test(f.message))).toBe(true);
    const source: JsonDocumentSource = { kind: "docx", tables: spec.sheets.map((s) => ({ sheet: s.name, caption: `${s.name} 标题`, captionRows: 1 })) };
    for (const lang of ["zh", "en"] as const) {
      const json = toJsonReport("f.xlsx", result, lang);
      expect(summaryReportOf(result, lang)).toEqual(projection(json));
      expect(summaryReportOf(result, lang, source)).toEqual(projection(withDocumentPlaces({ ...json, source }, lang)));
    }
  });
});

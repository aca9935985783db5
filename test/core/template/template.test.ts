/**
 * The blank template: built as data, filled with the seed's inputs, its formulas evaluated from
 * their own text (test/helpers/formula-eval.ts) as Excel would cache them, then validated.
 */
import { RULES, validate, type ValidationResult } from "../../../src/core";
import { snapshotFromSpec } from "../../../src/adapters/memory/grid-spec";
import type { CellValue } from "../../../src/core/grid/workbook";
import { fromA1, toA1 } from "../../../src/core/grid/address";
import {
  buildTemplate, freeSheetNames, templateConflict, QUALITATIVE_PHRASES, SCHEMES,
  type TemplateDescription, type TemplateSheet,
} from "../../../src/core/template";
import { zhuzhouLuosongNpc2023 } from "../../../src/samples/zhuzhou-luosong-npc-2023";
import { evaluate, parseFormula, type XValue } from "../../helpers/formula-eval";
import { filledSnapshot, formulaResults, indicatorRows, SEED_LAYOUT, seedFill, TemplateFill } from "../../helpers/template-fill";

const seed = snapshotFromSpec(zhuzhouLuosongNpc2023);

function cellOf(description: TemplateDescription, sheet: 0 | 1, at: { row: number; col: number }, fill: TemplateFill): XValue | undefined {
  const template = description.sheets[sheet];
  return formulaResults(template, fill.bySheet.get(template.name)).get(`${at.row}:${at.col}`);
}

function describeFindings(result: ValidationResult): string[] {
  return result.findings.map((f) => `${f.severity} ${f.ruleId} ${f.at ? `${f.at.sheet}!${toA1(f.at)}` : ""}`);
}

describe("the template filled with the seed's inputs", () => {
  const description = buildTemplate(SEED_LAYOUT);
  const fill = seedFill(description);
  const result = validate(filledSnapshot(description, fill));

  test("has exactly the seed's 15 indicator rows", () => {
    expect(indicatorRows(description)).toHaveLength(15);
  });

  test("validates with no error", () => {
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.summary.errors).toBe(0);
  });

  test("the recomputed 总分 and 等级 equal the seed's (98.00, 优), and so do the template's own formulas", () => {
    const seedSummary = validate(seed).summary;
    expect(result.summary.score).toBe(seedSummary.score);
    expect(result.summary.grade).toBe(seedSummary.grade);
    expect(result.summary.score).toBe("98.00");
    expect(result.summary.grade).toBe("excellent");
    const a3 = description.slots.annex3;
    expect(cellOf(description, 1, a3.totalScore, fill)).toBe(98);
    expect(cellOf(description, 1, a3.totalWeight, fill)).toBe(100);
    expect(cellOf(description, 1, a3.grade, fill)).toBe("优");
  });

  test("the formulas compute what the seed got wrong: 控制率 166.67%, 执行率 99.96%, 执行率得分 10.00", () => {
    const a2 = description.sheets[0];
    const rate = a2.cells.find((c) => c.formula && c.row === description.slots.annex2.establishment.row)!;
    expect(cellOf(description, 0, rate, fill)).toBe(1.6667);
    expect(rate.numberFormat).toBe("0.00%");
    const a3 = description.slots.annex3;
    expect(cellOf(description, 1, { row: a3.budget.row, col: 7 }, fill)).toBe(0.9996);
    expect(cellOf(description, 1, { row: a3.budget.row, col: 8 }, fill)).toBe(10);
  });

  test("keeps the seed's two warnings (they are facts about the inputs, not formula mistakes)", () => {
    const warnings = result.findings.filter((f) => f.severity === "warning").map((f) => f.ruleId).sort();
    expect(warnings).toEqual(["a3.expense-breakdown", "x.project-spending"]);
  });

  test("the seed's own errors are gone and its infos remain, apart from the breakdown sums now computed", () => {
    const seedInfos = validate(seed).findings.filter((f) => f.severity === "info").map((f) => f.ruleId).sort();
    const infos = result.findings.filter((f) => f.severity === "info").map((f) => f.ruleId).sort();
    expect(infos).toEqual(seedInfos);
  });
});

describe("the empty template", () => {
  test.each(["40-20-10-20", "50-30-10"] as const)("%s: every derived cell shows a blank, not 0 or #DIV/0!", (weights) => {
    const description = buildTemplate({ year: 2024, weights });
    for (const sheet of description.sheets) {
      const results = formulaResults(sheet);
      const derived = sheet.cells.filter((c) => c.role === "derived");
      expect(derived.length).toBeGreaterThan(5);
      for (const cell of derived) expect([toA1(cell), results.get(`${cell.row}:${cell.col}`)]).toEqual([toA1(cell), ""]);
    }
  });

  // Until staff type the first indicator 分值 there is nothing to add up: a3.weights-total waits
  // (it used to say 10 ≠ 100 on every fresh template), so an unfilled template has infos only.
  test.each(["40-20-10-20", "50-30-10"] as const)("%s: validates without crashing; infos only", (weights) => {
    const description = buildTemplate({ year: 2024, weights });
    const result = validate(filledSnapshot(description));
    expect(result.annexes.annex2).not.toBeNull();
    expect(result.annexes.annex3).not.toBeNull();
    expect(describeFindings(result).filter((f) => !f.startsWith("info"))).toEqual([]);
    expect(result.summary.warnings).toBe(0);
  });

  test("every info on the empty template comes from a rule that declares info (blank derived cells are not errors)", () => {
    const result = validate(filledSnapshot(buildTemplate({ year: 2024, weights: "40-20-10-20" })));
    const infoRules = new Set<string>(RULES.filter((r) => r.meta.severities.includes("info")).map((r) => r.meta.id));
    for (const f of result.findings.filter((x) => x.severity === "info")) expect(infoRules.has(f.ruleId)).toBe(true);
  });
});

describe("weight schemes", () => {
  test.each([
    ["40-20-10-20", ["产出指标\n（40分）", "效益指标\n（20分）", "满意度指标\n（10分）", "成本指标\n（20分）"]],
    ["50-30-10", ["产出指标\n（50分）", "效益指标\n（30分）", "满意度指标\n（10分）"]],
  ] as const)("%s: the 一级 labels carry the scheme's weights and add up to 90 with 执行率 10", (weights, labels) => {
    const description = buildTemplate({ year: 2024, weights });
    const sheet = description.sheets[1];
    const level1 = sheet.cells.filter((c) => c.col === 1 && typeof c.value === "string" && /指标\n/.test(c.value)).map((c) => c.value);
    expect(level1).toEqual(labels);
    expect(SCHEMES[weights].reduce((s, l) => s + l.weight, 0) + 10).toBe(100);
  });

  test("50-30-10 filled with weights that honour the scheme validates with no error, 等级 from the formula", () => {
    const description = buildTemplate({ year: 2024, weights: "50-30-10", rowsPerLevel2: 1 });
    const fill = new TemplateFill();
    const a3 = description.slots.annex3;
    const name = description.sheets[1].name;
    fill.set(name, a3.budget, 100).set(name, a3.executed, 87.5).set(name, a3.initialBudget, 90);
    // 产出 50 over 4 rows, 效益 30 over 4 rows, 满意度 10 over 1 row.
    const weightsByGroup = [[20, 10, 10, 10], [10, 10, 5, 5], [10]];
    a3.groups.forEach((group, g) => group.level2.forEach((level2, l) => level2.rows.forEach((row) => {
      const weight = weightsByGroup[g]![l]!;
      fill.set(name, row.level3, `指标${g}${l}`).set(name, row.weight, weight);
      if (row.qualitative) {
        fill.set(name, row.target, "达成预期效果").set(name, row.actual, QUALITATIVE_PHRASES[0]).set(name, row.score, weight * 0.9).set(name, row.reason, "略有不足");
      } else {
        fill.set(name, row.target, "≥10次").set(name, row.actual, "12次").set(name, row.score, weight);
      }
    })));
    const result = validate(filledSnapshot(description, fill));
    expect(describeFindings(result).filter((f) => f.startsWith("error"))).toEqual([]);
    // 执行率 87.50% → 8.75; indicators 50 + 10 + 27 (qualitative rows at 90%).
    expect(result.summary.score).toBe("95.75");
    expect(cellOf(description, 1, a3.totalScore, fill)).toBe(95.75);
    expect(cellOf(description, 1, a3.grade, fill)).toBe("优");
  });
});

describe("year", () => {
  test("the year is in both titles and every year column header; x.year finds nothing", () => {
    const description = buildTemplate({ year: 2031, weights: "40-20-10-20" });
    const texts = description.sheets.flatMap((s) => s.cells.map((c) => (typeof c.value === "string" ? c.value : "")));
    for (const expected of ["2031年度部门（单位）整体支出绩效评价基础数据表", "2031年度部门（单位）整体支出绩效自评表", "2030年决算数", "2031年预算数", "2031年决算数", "2031年实际在职人数", "楼堂馆所控制情况（2031年完工项目）"]) {
      expect(texts).toContain(expected);
    }
    const result = validate(filledSnapshot(description));
    expect(result.findings.filter((f) => f.ruleId === "x.year")).toEqual([]);
  });
});

describe("data validation formulas behave as Excel evaluates them", () => {
  const description = buildTemplate({ year: 2024, weights: "40-20-10-20" });
  const rules = (sheet: TemplateSheet) => sheet.validations;

  function check(formula: string, values: Record<string, XValue>): XValue {
    return evaluate(parseFormula(formula), (row, col) => values[toA1({ row, col })] ?? null);
  }

  test("amounts: non-negative, at most 2 decimals, or ——", () => {
    const amount = rules(description.sheets[0]).find((v) => v.kind === "custom")!;
    if (amount.kind !== "custom") throw new Error("unreachable");
    const cell = amount.range.split(":")[0]!;
    expect(check(amount.formula, { [cell]: 12.34 })).toBe(true);
    expect(check(amount.formula, { [cell]: 0 })).toBe(true);
    expect(check(amount.formula, { [cell]: "——" })).toBe(true);
    expect(check(amount.formula, { [cell]: 12.345 })).toBe(false);
    expect(check(amount.formula, { [cell]: -1 })).toBe(false);
    expect(check(amount.formula, { [cell]: "约30" })).toBe(false);
  });

  test("得分 between 0 and the row's 分值", () => {
    const score = rules(description.sheets[1]).find((v) => v.kind === "custom" && v.formula.includes("<="))!;
    if (score.kind !== "custom") throw new Error("unreachable");
    const [scoreCell] = score.range.split(":");
    const weightCell = `G${scoreCell!.slice(1)}`;
    expect(check(score.formula, { [scoreCell!]: 5, [weightCell]: 8 })).toBe(true);
    expect(check(score.formula, { [scoreCell!]: 8, [weightCell]: 8 })).toBe(true);
    expect(check(score.formula, { [scoreCell!]: 8.5, [weightCell]: 8 })).toBe(false);
    expect(check(score.formula, { [scoreCell!]: -0.5, [weightCell]: 8 })).toBe(false);
  });

  test("qualitative 实际完成值: a list of the three official phrases on the 效益 rows only", () => {
    const lists = rules(description.sheets[1]).filter((v) => v.kind === "list");
    const qualitativeRows = indicatorRows(description).filter((r) => r.qualitative);
    expect(qualitativeRows.length).toBe(8);
    for (const list of lists) if (list.kind === "list") expect(list.items).toEqual(QUALITATIVE_PHRASES);
    const covered = lists.flatMap((l) => {
      const [from, to] = l.range.split(":").map((a) => fromA1(a)!);
      return Array.from({ length: to!.row - from!.row + 1 }, (_, i) => from!.row + i);
    });
    expect(covered.sort((a, b) => a - b)).toEqual(qualitativeRows.map((r) => r.actual.row));
    expect(new Set(qualitativeRows.map((r) => r.actual.col))).toEqual(new Set([5]));
  });

  test("every input with a number format has a validation covering it", () => {
    for (const sheet of description.sheets) {
      const covered = (row: number, col: number) => sheet.validations.some((v) => {
        const [a, b] = v.range.split(":");
        const from = fromA1(a!)!;
        const to = fromA1(b ?? a!)!;
        return row >= from.row && row <= to.row && col >= from.col && col <= to.col;
      });
      const numeric = sheet.cells.filter((c) => c.role === "input" && c.numberFormat !== "@");
      expect(numeric.filter((c) => !covered(c.row, c.col)).map((c) => toA1(c))).toEqual([]);
    }
  });
});

describe("print setup and layout", () => {
  test("A4, one page wide, print area covering the form; the 检查 column right of it is not printed", () => {
    const description = buildTemplate({ year: 2024, weights: "40-20-10-20" });
    description.sheets.forEach((sheet, i) => {
      const formCols = [7, 9][i]!;
      expect(sheet.print).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.print.printArea).toBe(`A1:${toA1({ row: sheet.rowCount - 1, col: formCols - 1 })}`);
      expect(sheet.colCount).toBe(formCols + 1);
      expect(sheet.cells.filter((c) => c.role === "check").every((c) => c.col === formCols)).toBe(true);
      expect(sheet.columnWidths).toHaveLength(sheet.colCount);
    });
  });

  test("no formula cell is text-formatted (Excel would store the formula as text)", () => {
    const description = buildTemplate({ year: 2024, weights: "50-30-10" });
    for (const sheet of description.sheets) {
      expect(sheet.cells.filter((c) => c.formula && c.numberFormat === "@")).toEqual([]);
    }
  });

  test("options: 专项 lines and rows per 二级指标 change the layout, and 项目支出 sums every 专项 line", () => {
    const description = buildTemplate({ year: 2024, weights: "40-20-10-20", specialLines: 5, rowsPerLevel2: 3 });
    expect(description.slots.annex2.specialLines).toHaveLength(5);
    expect(indicatorRows(description)).toHaveLength(11 * 3);
    const fill = new TemplateFill();
    const name = description.sheets[0].name;
    description.slots.annex2.specialLines.forEach((line, i) => fill.set(name, line.funds.final, i + 1));
    fill.set(name, description.slots.annex2.business.final, 100);
    const result = validate(filledSnapshot(description, fill));
    expect(result.findings.filter((f) => f.ruleId === "a2.project-total")).toEqual([]);
    const projectRow = description.slots.annex2.business.final.row - 1;
    expect(cellOf(description, 0, { row: projectRow, col: 3 }, fill)).toBe(115);
  });
});

describe("sheet names", () => {
  test("free names are kept; taken ones get the first free (n) pair, case-insensitively", () => {
    expect(freeSheetNames(["Sheet1"])).toEqual({ annex2: "附件2", annex3: "附件3" });
    expect(freeSheetNames(["附件3"])).toEqual({ annex2: "附件2 (2)", annex3: "附件3 (2)" });
    expect(freeSheetNames(["附件2", "附件2 (2)", "附件3 (3)"])).toEqual({ annex2: "附件2 (4)", annex3: "附件3 (4)" });
    const conflict = templateConflict(["附件2"], { annex2: "附件2", annex3: "附件3" })!;
    expect(conflict.message.zh).toContain("附件2 (2)");
    expect(conflict.message.en).toContain("附件2 (2)");
    expect(templateConflict(["x"], { annex2: "附件2", annex3: "附件3" })).toBeNull();
  });
});

describe("the test evaluator follows Excel where the template depends on it", () => {
  const cells: Record<string, XValue> = { A1: null, A2: "", A3: 2, A4: "x", A5: 0 };
  const run = (formula: string) => evaluate(parseFormula(formula), (row, col) => cells[toA1({ row, col })] ?? null);

  test.each([
    ["=ROUND(2.675,2)", 2.68],
    ["=ROUND(-1.005,2)", -1.01],
    ["=ROUND(0.99960296,4)", 0.9996],
    ["=A3/A5", { error: "#DIV/0!" }],
    ["=IFERROR(A3/A5,\"\")", ""],
    ["=A1=\"\"", true],
    ["=A2=\"\"", true],
    ["=A1+1", 1],
    ["=A2+1", { error: "#VALUE!" }],
    ["=SUM(A1:A4)", 2],
    ["=COUNT(A1:A5)", 2],
    ["=MIN(A4,1)", 1],
    ["=A4>=0", true],
    ["=IF(ISNUMBER(A4),AND(A4>=0,ROUND(A4,2)=A4),FALSE)", false],
    ["=AND(TRUE,ROUND(A4,2)=A4)", { error: "#VALUE!" }],
    ["=\"a\"&A3", "a2"],
    ["=1+2*3-4/2", 5],
    ["=-A3+1", -1],
  ])("%s", (formula, expected) => {
    expect(run(formula)).toEqual(expected);
  });

  test("a form it was not taught fails loudly", () => {
    expect(() => run("=VLOOKUP(A1,A2:A3,1)")).toThrow(/not supported/);
    expect(() => parseFormula("=A1 ^ 2")).toThrow();
  });
});

describe("formula edge cases, computed from the formula text", () => {
  const description = buildTemplate({ year: 2024, weights: "40-20-10-20" });
  const a3 = description.slots.annex3;
  const a3name = description.sheets[1].name;
  const rateCell = { row: a3.budget.row, col: 7 };
  const scoreCell = { row: a3.budget.row, col: 8 };

  function annex3With(values: [CellSlotLike, CellValue][]) {
    const fill = new TemplateFill();
    for (const [at, v] of values) fill.set(a3name, at, v);
    return (at: CellSlotLike) => cellOf(description, 1, at, fill);
  }
  type CellSlotLike = { row: number; col: number };

  test("spending above budget: 执行率 102.00%, 执行率得分 capped at the 分值", () => {
    const read = annex3With([[a3.budget, 100], [a3.executed, 102]]);
    expect(read(rateCell)).toBe(1.02);
    expect(read(scoreCell)).toBe(10);
  });

  test("全年预算数 0: 执行率 and its score stay blank, no #DIV/0!", () => {
    const read = annex3With([[a3.budget, 0], [a3.executed, 5]]);
    expect(read(rateCell)).toBe("");
    expect(read(scoreCell)).toBe("");
  });

  test("编制数 0: 控制率 blank", () => {
    const fill = new TemplateFill()
      .set(description.sheets[0].name, description.slots.annex2.establishment, 0)
      .set(description.sheets[0].name, description.slots.annex2.actualStaff, 3);
    expect(cellOf(description, 0, { row: 3, col: 3 }, fill)).toBe("");
  });

  test.each([[90, "优"], [89.99, "良"], [80, "良"], [79.99, "中"], [60, "中"], [59.99, "差"]])("总分 %s → 等级 %s (90/80/60)", (total, grade) => {
    const first = indicatorRows(description)[0]!;
    const read = annex3With([[first.weight, 100], [first.score, total]]);
    expect(read(a3.totalScore)).toBe(total);
    expect(read(a3.grade)).toBe(grade);
  });

  test("grade bands 80/70/60 reach the formula", () => {
    const custom = buildTemplate({ year: 2024, weights: "40-20-10-20", gradeBands: [80, 70, 60] });
    const cell = custom.sheets[1].cells.find((c) => c.row === custom.slots.annex3.grade.row && c.col === custom.slots.annex3.grade.col)!;
    expect(cell.formula).toContain(">=80,\"优\"");
    expect(cell.formula).toContain(">=70,\"良\"");
  });

  test("sums round to 2 places (0.1 + 0.2 is 0.3, not 0.30000000000000004)", () => {
    const a2 = description.slots.annex2;
    const name = description.sheets[0].name;
    const fill = new TemplateFill().set(name, a2.vehiclePurchase.final, 0.1).set(name, a2.vehicleRunning.final, 0.2);
    expect(cellOf(description, 0, { row: a2.vehiclePurchase.final.row - 1, col: 3 }, fill)).toBe(0.3);
  });
});

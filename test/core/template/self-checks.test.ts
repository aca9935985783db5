/**
 * The template's self-checks (src/core/template/checks.ts): conditional formats and 检查 cells
 * that show a mismatch in any spreadsheet program, without the add-in. Every formula is evaluated
 * from its own text (test/helpers/formula-eval.ts), conditional formats at every cell of their
 * range as Excel applies them: nothing shows on a blank template or a correctly filled one; each
 * kind of mistake typed over the filled form shows where it is, and the checker still recognizes
 * the form and finds the same mistake.
 */
import { PROFILES, validate, type FormProfile, type ValidationResult } from "../../../src/core";
import { toA1 } from "../../../src/core/grid/address";
import type { CellValue } from "../../../src/core/grid/workbook";
import { buildTemplate, type TemplateDescription, type TemplateSheet } from "../../../src/core/template";
import { buildProjectTemplate, type ProjectTemplateDescription } from "../../../src/core/template/project";
import { conditionalFormatsOf, sheetFromTemplate } from "../../../src/adapters/memory/template-sheet";
import { MemoryHost } from "../../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../../src/adapters/memory/memory-workbook";
import { SparseSheet } from "../../../src/core/grid/workbook";
import { evaluate, parseFormula, shiftFormula, type XValue } from "../../helpers/formula-eval";
import {
  checkNotes, filledSnapshot, highlights, indicatorRows, projectFill, SEED_LAYOUT, seedFill, TemplateFill,
} from "../../helpers/template-fill";

type AnyTemplate = Pick<TemplateDescription, "sheets"> | ProjectTemplateDescription;
type Slot = { readonly row: number; readonly col: number };

/**
 * Every highlighted cell of the form and every note shown: "附件3!H14 score-above-weight",
 * "附件3!J14 得分超过分值". The 检查 cells' own highlight is on exactly where a note shows.
 */
function shown(description: AnyTemplate, fill: TemplateFill = new TemplateFill()): { hits: string[]; notes: string[] } {
  const sheets: readonly TemplateSheet[] = description.sheets;
  const all = sheets.flatMap((s) => highlights(s, fill.bySheet.get(s.name)).map((h) => `${s.name}!${h.cell} ${h.check}`));
  const notes = sheets.flatMap((s) => checkNotes(s, fill.bySheet.get(s.name)).map((n) => `${s.name}!${n}`));
  const noted = all.filter((h) => h.endsWith(" check-cell")).map((h) => h.replace(/ check-cell$/, ""));
  expect(noted.sort()).toEqual(notes.map((n) => n.split(" ")[0]!).sort());
  return { hits: all.filter((h) => !h.endsWith(" check-cell")), notes };
}

/** A copy of a fill with some cells typed over. */
function typed(base: TemplateFill, sheet: string, cells: readonly [Slot, CellValue][]): TemplateFill {
  const copy = new TemplateFill();
  for (const [name, map] of base.bySheet) copy.bySheet.set(name, new Map(map));
  for (const [slot, value] of cells) copy.set(sheet, slot, value);
  return copy;
}

function errors(result: ValidationResult): string[] {
  return result.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.at ? toA1(f.at) : ""}`);
}

const at = (slot: Slot) => toA1(slot);
const right = (slot: Slot, cols = 1): Slot => ({ row: slot.row, col: slot.col + cols });
const below = (slot: Slot, rows = 1): Slot => ({ row: slot.row + rows, col: slot.col });
const checkCellOf = (sheet: TemplateSheet, row: number): string => at({ row, col: sheet.colCount - 1 });

describe("湖南 附件2/附件3: what the self-checks are", () => {
  const description = buildTemplate({ year: 2024, weights: "40-20-10-20" });
  const [annex2, annex3] = description.sheets;

  test("the checks, by form: totals on 附件2; 得分, totals, 分值 and 一级 weights on 附件3; a 检查 column on each", () => {
    const kinds = (sheet: TemplateSheet) => sheet.conditionalFormats.map((f) => `${f.range} ${f.check}`);
    expect(kinds(annex2)).toEqual(["B7:D7 total", "B6:D6 total", "B12:D12 total", "H6:H12 check-cell"]);
    expect(kinds(annex3)).toEqual([
      "I5 score-above-weight", "D6 total", "H6 total",
      "B14 level1-weight", "B20 level1-weight", "B28 level1-weight", "B30 level1-weight",
      "H14:H35 score-above-weight", "G36 weights-total", "G36 total", "H36 total", "J5:J36 check-cell",
    ]);
    expect(annex2.cells.find((c) => c.row === 4 && c.col === 7)?.value).toBe("检查");
    expect(annex3.cells.find((c) => c.row === 3 && c.col === 9)?.value).toBe("检查");
    expect(annex2.cells.filter((c) => c.role === "check").map(at)).toEqual(["H6", "H7", "H12"]);
    expect(annex3.cells.filter((c) => c.role === "check").map(at)).toEqual(["J5", "J6", ...Array.from({ length: 23 }, (_, i) => `J${14 + i}`)]);
  });

  test("one highlight style: Excel's light red fill with dark red text", () => {
    for (const sheet of description.sheets) {
      for (const f of sheet.conditionalFormats) expect([f.range, f.fill, f.fontColor]).toEqual([f.range, "#FFC7CE", "#9C0006"]);
    }
  });
});

describe.each(["40-20-10-20", "50-30-10"] as const)("湖南 %s: nothing shows while the template is blank", (weights) => {
  test("no highlight, every 检查 cell blank; validates with no error", () => {
    const description = buildTemplate({ year: 2024, weights });
    expect(shown(description)).toEqual({ hits: [], notes: [] });
    const result = validate(filledSnapshot(description));
    expect(result.annexes.annex2?.sheet).toBe("附件2");
    expect(result.annexes.annex3?.sheet).toBe("附件3");
    expect(errors(result)).toEqual([]);
  });
});

describe("湖南, filled with the seed's inputs", () => {
  const description = buildTemplate(SEED_LAYOUT);
  const [annex2, annex3] = description.sheets;
  const fill = seedFill(description);
  const a2 = description.slots.annex2;
  const a3 = description.slots.annex3;
  const rows = indicatorRows(description);

  /** Types over the filled seed and returns what shows and what the checker says. */
  function wrong(sheet: TemplateSheet, cells: readonly [Slot, CellValue][]) {
    const changed = typed(fill, sheet.name, cells);
    const result = validate(filledSnapshot(description, changed));
    // The form is still recognized as both annexes, notes and all.
    expect(result.annexes.annex2?.sheet).toBe("附件2");
    expect(result.annexes.annex3?.sheet).toBe("附件3");
    return { ...shown(description, changed), errors: errors(result) };
  }

  test("correct: no highlight, every 检查 cell blank; recognized with no error", () => {
    expect(shown(description, fill)).toEqual({ hits: [], notes: [] });
    const result = validate(filledSnapshot(description, fill));
    expect(result.annexes.annex2).not.toBeNull();
    expect(result.annexes.annex3).not.toBeNull();
    expect(errors(result)).toEqual([]);
  });

  test("三公经费 typed over its formula and not adding up: the cell and its 检查 cell show it", () => {
    const total = above(a2.vehiclePurchase.final, 2);
    const out = wrong(annex2, [[total, 5]]);
    expect(out.hits).toEqual([`附件2!${at(total)} total`]);
    expect(out.notes).toEqual([`附件2!${checkCellOf(annex2, total.row)} 合计与明细不符`]);
    expect(out.errors).toEqual([`a2.three-public-total ${at(total)}`]);
  });

  test("公务用车购置和维护经费 typed over: flagged; 三公经费 (a formula) adds up the typed figure, so it is not", () => {
    const vehicle = above(a2.vehiclePurchase.priorFinal);
    const out = wrong(annex2, [[vehicle, 1]]);
    expect(out.hits).toEqual([`附件2!${at(vehicle)} total`]);
    expect(out.notes).toEqual([`附件2!${checkCellOf(annex2, vehicle.row)} 合计与明细不符`]);
    // The checker recomputes the vehicle figure from its parts, so it also names 三公经费.
    expect(out.errors).toEqual([`a2.three-public-total ${at(above(vehicle))}`, `a2.vehicle-total ${at(vehicle)}`]);
  });

  test("项目支出 typed over with the dash beside figures in its parts: flagged (a dash is not their sum)", () => {
    const project = above(a2.business.budget);
    const out = wrong(annex2, [[project, "——"]]);
    expect(out.hits).toEqual([`附件2!${at(project)} total`]);
    expect(out.notes).toEqual([`附件2!${checkCellOf(annex2, project.row)} 合计与明细不符`]);
  });

  test("项目支出 typed to the cent of its parts: not flagged", () => {
    const project = above(a2.business.budget);
    expect(wrong(annex2, [[project, 150.13]])).toMatchObject({ hits: [], notes: [] });
  });

  test("得分 above 分值 on an indicator row: the 得分 and the row's 检查 cell", () => {
    const row = rows[1]!;
    const weight = fill.bySheet.get(annex3.name)!.get(`${row.weight.row}:${row.weight.col}`) as number;
    const out = wrong(annex3, [[row.score, weight + 1]]);
    expect(out.hits).toEqual([`附件3!${at(row.score)} score-above-weight`]);
    expect(out.notes).toEqual([`附件3!${checkCellOf(annex3, row.score.row)} 得分超过分值`]);
    expect(out.errors).toEqual([`a3.score-range ${at(row.score)}`]);
  });

  test("执行率得分 typed over as 98 (the seed's own mistake): above its 分值 10", () => {
    const score = right(a3.executionWeight, 2);
    const out = wrong(annex3, [[score, 98]]);
    expect(out.hits).toEqual([`附件3!${at(score)} score-above-weight`]);
    expect(out.notes).toEqual([`附件3!${checkCellOf(annex3, score.row)} 得分超过分值`]);
    expect(out.errors).toContain(`a3.execution-score ${at(score)}`);
  });

  test("one 分值 too many: the 一级 label and the 总分 分值 show it, with the sums in the 检查 cells", () => {
    const first = rows[0]!;
    const weight = fill.bySheet.get(annex3.name)!.get(`${first.weight.row}:${first.weight.col}`) as number;
    const label = { row: first.weight.row, col: 1 };
    const out = wrong(annex3, [[first.weight, weight + 2]]);
    expect(out.hits).toEqual([`附件3!${at(label)} level1-weight`, `附件3!${at(a3.totalWeight)} weights-total`]);
    expect(out.notes).toEqual([
      `附件3!${checkCellOf(annex3, first.weight.row)} 一级指标分值合计 42，应为 40`,
      `附件3!${checkCellOf(annex3, a3.totalWeight.row)} 分值合计 102，应为 100`,
    ]);
    expect(out.errors.sort()).toEqual([`a3.level1-weight ${at(label)}`, `a3.weights-total ${at(a3.totalWeight)}`].sort());
  });

  test("总分 typed over: flagged as a total; so is the 总分 分值", () => {
    const score = wrong(annex3, [[a3.totalScore, 99]]);
    expect(score.hits).toEqual([`附件3!${at(a3.totalScore)} total`]);
    expect(score.notes).toEqual([`附件3!${checkCellOf(annex3, a3.totalScore.row)} 合计与明细不符`]);
    const weight = wrong(annex3, [[a3.totalWeight, 90]]);
    expect(weight.hits).toEqual([`附件3!${at(a3.totalWeight)} total`]);
    expect(weight.notes).toEqual([`附件3!${checkCellOf(annex3, a3.totalWeight.row)} 合计与明细不符`]);
  });

  test("按收入性质分 typed over and not adding up: flagged", () => {
    const income = above(a3.general);
    const out = wrong(annex3, [[income, 1000]]);
    expect(out.hits).toEqual([`附件3!${at(income)} total`]);
    expect(out.notes).toEqual([`附件3!${checkCellOf(annex3, income.row)} 合计与明细不符`]);
  });
});

describe("湖南: when the checks wait and when they stand aside", () => {
  const description = buildTemplate({ year: 2024, weights: "40-20-10-20" });
  const annex3 = description.sheets[1];
  const first = indicatorRows(description)[0]!;
  const label = { row: first.weight.row, col: 1 };

  test("the first 分值 typed: 分值 合计 and its 一级 are flagged at once (the form is not finished)", () => {
    const fill = new TemplateFill().set(annex3.name, first.weight, 5);
    expect(shown(description, fill)).toEqual({
      hits: [`附件3!${at(label)} level1-weight`, `附件3!${at(description.slots.annex3.totalWeight)} weights-total`],
      notes: [
        `附件3!${checkCellOf(annex3, first.weight.row)} 一级指标分值合计 5，应为 40`,
        `附件3!${checkCellOf(annex3, description.slots.annex3.totalWeight.row)} 分值合计 15，应为 100`,
      ],
    });
  });

  test("a 一级 label retyped without its points: no 一级 check (as a3.level1-weight)", () => {
    const fill = new TemplateFill().set(annex3.name, label, "产出指标").set(annex3.name, first.weight, 5);
    expect(shown(description, fill).hits).toEqual([`附件3!${at(description.slots.annex3.totalWeight)} weights-total`]);
  });

  test("a total beside parts that are all dashes or blank is not flagged, whatever it holds", () => {
    const a2 = description.slots.annex2;
    const annex2 = description.sheets[0];
    const vehicle = above(a2.vehiclePurchase.final);
    const fill = new TemplateFill()
      .set(annex2.name, a2.vehiclePurchase.final, "——").set(annex2.name, a2.vehicleRunning.final, "——")
      .set(annex2.name, vehicle, 3);
    expect(shown(description, fill).hits.filter((h) => h.startsWith(`附件2!${at(vehicle)}`))).toEqual([]);
  });

  test("a part holding an error value: the 检查 cell stays blank rather than showing the error", () => {
    const a2 = description.slots.annex2;
    const fill = new TemplateFill().set(description.sheets[0].name, a2.abroad.final, { error: "#DIV/0!" });
    expect(shown(description, fill).notes).toEqual([]);
  });
});

const PROJECT_PROFILES = PROFILES.filter((p) => p.template.kind === "project-table");

describe.each(PROJECT_PROFILES.map((p) => [p.id, p] as const))("the %s template's self-checks", (id, profile: FormProfile) => {
  const description = buildProjectTemplate(profile, { year: 2024 });
  const sheet = description.sheets[0];
  const slots = description.slots;
  const fill = projectFill(description);
  const weightWord = id === "sichuan-project" ? "权重" : "分值";
  const checkAt = (row: number) => `${sheet.name}!${checkCellOf(sheet, row)}`;

  function wrong(cells: readonly [Slot, CellValue][]) {
    const changed = typed(fill, sheet.name, cells);
    const result = validate(filledSnapshot(description, changed));
    expect(result.profile.id).toBe(id);
    expect(result.tables.map((t) => t.name)).toEqual(["乡镇污水处理设施运行维护项目"]);
    return { ...shown(description, changed), errors: errors(result) };
  }

  test("blank: no highlight, every 检查 cell blank; recognized as its form with no error", () => {
    expect(shown(description)).toEqual({ hits: [], notes: [] });
    const result = validate(filledSnapshot(description));
    expect(result.profile.id).toBe(id);
    expect(errors(result)).toEqual([]);
  });

  test("filled correctly: no highlight, every 检查 cell blank; recognized with no error", () => {
    expect(shown(description, fill)).toEqual({ hits: [], notes: [] });
    const result = validate(filledSnapshot(description, fill));
    expect(result.profile.id).toBe(id);
    expect(errors(result)).toEqual([]);
  });

  test("the 检查 column is right of the form and outside its print area", () => {
    const checks = sheet.cells.filter((c) => c.role === "check");
    expect(checks.length).toBeGreaterThan(0);
    expect(new Set(checks.map((c) => c.col))).toEqual(new Set([sheet.colCount - 1]));
    expect(sheet.print.printArea.endsWith(toA1({ row: sheet.rowCount - 1, col: sheet.colCount - 2 }))).toBe(true);
  });

  test("年度资金总额 typed over and not adding up its 其中 rows (forms that have them)", () => {
    if (slots.parts.length === 0) {
      expect(sheet.conditionalFormats.filter((f) => f.check === "total" && f.range === at(slots.funds.budget))).toEqual([]);
      return;
    }
    const out = wrong([[slots.funds.budget, 120]]);
    expect(out.hits).toEqual([`${sheet.name}!${at(slots.funds.budget)} total`]);
    expect(out.notes).toEqual([`${checkAt(slots.funds.budget.row)} 合计与明细不符`]);
    expect(out.errors).toContain(`a3.funds-total ${at(slots.funds.budget)}`);
  });

  test("执行率得分 typed over above the row's 分值 (湖北: the 20 of its heading)", () => {
    const weight = profile.execution.weight ?? 10;
    const out = wrong([[slots.funds.score, weight + 5]]);
    expect(out.hits).toEqual([`${sheet.name}!${at(slots.funds.score)} score-above-weight`]);
    expect(out.notes).toEqual([`${checkAt(slots.funds.score.row)} 得分超过${weightWord}`]);
    expect(out.errors).toContain(`a3.execution-score ${at(slots.funds.score)}`);
  });

  test("得分 above 分值 on an indicator row", () => {
    const row = slots.groups[0]!.level2[0]!.rows[1]!;
    const weight = fill.bySheet.get(sheet.name)!.get(`${row.weight.row}:${row.weight.col}`) as number;
    const out = wrong([[row.score, weight + 1]]);
    expect(out.hits).toEqual([`${sheet.name}!${at(row.score)} score-above-weight`]);
    expect(out.notes).toEqual([`${checkAt(row.score.row)} 得分超过${weightWord}`]);
    expect(out.errors).toEqual([`a3.score-range ${at(row.score)}`]);
  });

  test("one 分值 too many: 合计 flagged, and the 一级 label where the form writes its points there", () => {
    const group = slots.groups[0]!;
    const row = group.level2[0]!.rows[0]!;
    const weight = fill.bySheet.get(sheet.name)!.get(`${row.weight.row}:${row.weight.col}`) as number;
    const out = wrong([[row.weight, weight + 2]]);
    const label = { row: row.weight.row, col: 1 };
    const inLabel = profile.weightsWrittenIn === "level1-label";
    expect(out.hits).toEqual([
      ...(inLabel ? [`${sheet.name}!${at(label)} level1-weight`] : []),
      `${sheet.name}!${at(slots.totalWeight)} weights-total`,
    ]);
    expect(out.notes).toEqual([
      ...(inLabel ? [`${checkAt(row.weight.row)} 一级指标${weightWord}合计 ${group.weight + 2}，应为 ${group.weight}`] : []),
      `${checkAt(slots.totalWeight.row)} ${weightWord}合计 102，应为 100`,
    ]);
    expect(out.errors).toContain(`a3.weights-total ${at(slots.totalWeight)}`);
    if (inLabel) expect(out.errors).toContain(`a3.level1-weight ${at(label)}`);
  });

  test("总分 typed over: flagged as a total", () => {
    const out = wrong([[slots.totalScore, 50]]);
    expect(out.hits).toEqual([`${sheet.name}!${at(slots.totalScore)} total`]);
    expect(out.notes).toEqual([`${checkAt(slots.totalScore.row)} 合计与明细不符`]);
  });
});

describe("every self-check formula", () => {
  const all: { where: string; sheet: TemplateSheet }[] = [
    ...(["40-20-10-20", "50-30-10"] as const).flatMap((w) => buildTemplate({ year: 2024, weights: w }).sheets.map((sheet) => ({ where: w, sheet }))),
    ...PROJECT_PROFILES.map((p) => ({ where: p.id, sheet: buildProjectTemplate(p, { year: 2024 }).sheets[0] })),
  ];

  test.each(all.map((x) => [`${x.where} ${x.sheet.name}`, x.sheet] as const))("%s: short enough for Excel (≤ 255 characters), inside the sheet, parsed by the evaluator", (_name, sheet) => {
    for (const f of sheet.conditionalFormats) {
      expect([f.range, f.formula.length <= 255]).toEqual([f.range, true]);
      expect(f.formula.startsWith("=")).toBe(true);
      expect(() => parseFormula(f.formula)).not.toThrow();
    }
    for (const c of sheet.cells.filter((x) => x.role === "check")) expect(() => parseFormula(c.formula!)).not.toThrow();
    expect(sheet.columnWidths).toHaveLength(sheet.colCount);
  });
});

describe("the memory host keeps the self-checks", () => {
  test("sheetFromTemplate: the conditional formats travel with the sheet; 检查 cells hold their formulas, showing blank", () => {
    const description = buildTemplate({ year: 2024, weights: "40-20-10-20" });
    const grid = sheetFromTemplate(description.sheets[1]);
    expect(conditionalFormatsOf(grid)).toEqual(description.sheets[1].conditionalFormats);
    const check = description.sheets[1].cells.find((c) => c.role === "check")!;
    expect(grid.cell(check.row, check.col)).toMatchObject({ value: "", formula: check.formula });
    expect(conditionalFormatsOf(new SparseSheet("x"))).toEqual([]);
  });

  test("MemoryHost.insertTemplate: both inserted sheets carry them", async () => {
    const host = new MemoryHost(new MemoryWorkbook({ sheets: [new SparseSheet("Sheet1")] }));
    const description = buildTemplate({ year: 2024, weights: "50-30-10" });
    expect(await host.insertTemplate(description)).toMatchObject({ ok: true });
    for (const sheet of description.sheets) expect(conditionalFormatsOf(host.workbook.sheet(sheet.name))).toEqual(sheet.conditionalFormats);
  });
});

describe("the evaluator's text functions and moved references, as Excel", () => {
  const cells: Record<string, XValue> = { A1: "产出指标\n（40分）", A2: 3, A3: null, B1: "x", B2: 5 };
  const run = (formula: string) => evaluate(parseFormula(formula), (row, col) => cells[toA1({ row, col })] ?? null);

  test.each([
    ['=FIND("（",A1)', 6],
    ['=FIND("分）",A1)', 9],
    ['=FIND("(",A1)', { error: "#VALUE!" }],
    ['=MID(A1,7,2)', "40"],
    ['=--MID(A1,FIND("（",A1)+1,FIND("分）",A1)-FIND("（",A1)-1)', 40],
    ['=MID("abc",0,1)', { error: "#VALUE!" }],
    ['=MID("abc",5,1)', ""],
    ['=MID("abc",2,-1)', { error: "#VALUE!" }],
    ['=IFERROR(--MID(B1,1,1),"")', ""],
    ['="合计 "&ROUND(99.5,2)&"，"&A3&TRUE', "合计 99.5，TRUE"],
    ['=FIND("",A1)', 1],
  ])("%s", (formula, expected) => {
    expect(run(formula)).toEqual(expected);
  });

  test("a conditional-format formula moved to another cell of its range reads the cells there", () => {
    const moved = shiftFormula("=A2>B2", 0, 0);
    expect(evaluate(moved, (row, col) => cells[toA1({ row, col })] ?? null)).toBe(false);
    const down: Record<string, XValue> = { A2: 3, B2: 5, A3: 9, B3: 5 };
    expect(evaluate(shiftFormula("=A2>B2", 1, 0), (row, col) => down[toA1({ row, col })] ?? null)).toBe(true);
    expect(() => shiftFormula("=A2>$B$2", 1, 0)).toThrow(/absolute/);
    expect(() => shiftFormula('=A2="$"', 1, 0)).not.toThrow();
  });
});

/** The cell `rows` above a slot (the total row over its first part). */
function above(slot: Slot, rows = 1): Slot {
  return below(slot, -rows);
}

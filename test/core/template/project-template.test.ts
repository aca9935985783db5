/**
 * The blank template of each project form (财政部, 四川, 湖北), built from its profile: filled with a
 * clean project's figures and computed as Excel would (test/helpers/formula-eval.ts), the checker
 * recognizes it as that form and finds no error and no warning; the formulas give the execution
 * rate and score, the 总分 and the 等级; an unfilled template is not called wrong.
 */
import { PROFILES, validate, messageText } from "../../../src/core";
import { buildProjectTemplate, type ProjectTemplateDescription } from "../../../src/core/template/project";
import type { CellValue, WorkbookSnapshot } from "../../../src/core/grid/workbook";
import { filledSnapshot, projectFill } from "../../helpers/template-fill";

const PROJECT_PROFILES = PROFILES.filter((p) => p.template.kind === "project-table");

/** A project's figures typed into the template (test/helpers/template-fill.ts projectFill). */
function fill(description: ProjectTemplateDescription, overrides: { executed?: number } = {}): WorkbookSnapshot {
  return filledSnapshot(description, projectFill(description, overrides));
}

describe.each(PROJECT_PROFILES.map((p) => [p.id, p] as const))("the %s template", (_id, profile) => {
  const description = buildProjectTemplate(profile, { year: 2024 });

  test("filled with a clean project: recognized as its form, one table, no error or warning", () => {
    const result = validate(fill(description));
    expect(result.profile.id).toBe(profile.id);
    expect(result.tables.map((t) => t.name)).toEqual(["乡镇污水处理设施运行维护项目"]);
    const serious = result.findings.filter((f) => f.severity !== "info").map((f) => `${f.ruleId}: ${messageText(f, "zh")}`);
    expect(serious).toEqual([]);
  });

  test("its formulas compute the execution rate and score, the 总分 and the 等级", () => {
    const result = validate(fill(description));
    const t = result.annex3!;
    expect(t.funds!.rate!.value!.toFixed(2)).toBe("95.00");
    const weight = profile.execution.weight ?? 10;
    expect(t.funds!.score!.value!.toFixed(2)).toBe((weight * 0.95).toFixed(2));
    expect(t.total!.score!.value!.toFixed(2)).toBe((100 - weight + weight * 0.95).toFixed(2));
    expect(result.summary.grade).toBe("excellent");
  });

  test("a wrong figure typed over the filled form is found: 得分 above its 分值", () => {
    const snapshot = fill(description);
    const row = description.slots.groups[0]!.level2[0]!.rows[0]!;
    const sheet = snapshot.sheets[0]!;
    const weight = sheet.cell(row.weight.row, row.weight.col)?.value as number;
    (sheet as unknown as { set(r: number, c: number, cell: { value: CellValue }): void }).set(row.score.row, row.score.col, { value: weight + 5 });
    const result = validate(snapshot);
    expect(result.findings.filter((f) => f.ruleId === "a3.score-range").length).toBe(1);
  });

  test("an unfilled template is not called wrong: no error", () => {
    const result = validate(filledSnapshot(description));
    expect(result.profile.id).toBe(profile.id);
    expect(result.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId}: ${messageText(f, "zh")}`)).toEqual([]);
  });
});

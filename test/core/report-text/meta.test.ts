// Every r.* rule is a rule of the engine (in RULES, after the table rules), documented and
// tested like the others.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../../../src/core";
import { REPORT_TEXT_RULES } from "../../../src/core/report-text";
import { RULE_DOCS } from "../../../src/taskpane/rule-docs.generated";

const REPO = join(__dirname, "..", "..", "..");
const RULES_TEST = readFileSync(join(__dirname, "rules.test.ts"), "utf8");
const README = readFileSync(join(REPO, "docs", "rules", "README.md"), "utf8");

test("r.* ids are unique, start with r., and are the engine's RULES, in order, after the table rules", () => {
  const ids = REPORT_TEXT_RULES.map((r) => r.meta.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.every((id) => /^r\.[a-z0-9-]+$/.test(id))).toBe(true);
  const registered = RULES.map((r) => r.meta.id);
  expect(registered.filter((id) => id.startsWith("r."))).toEqual(ids);
  expect(registered.slice(registered.length - ids.length)).toEqual(ids);
});

test("each r.* rule runs once per check, on the report text", () => {
  for (const rule of REPORT_TEXT_RULES) {
    expect({ id: rule.meta.id, scope: rule.meta.scope, text: rule.meta.requires.includes("reportText") }).toEqual({ id: rule.meta.id, scope: "workbook", text: true });
  }
});

describe.each(REPORT_TEXT_RULES.map((r) => [r.meta.id, r.meta] as const))("%s", (id, rule) => {
  test("has its doc page, listed in docs/rules/README.md, with the same sections as the others", () => {
    const page = join(REPO, "docs", "rules", `${id}.md`);
    expect(existsSync(page)).toBe(true);
    const text = readFileSync(page, "utf8");
    for (const heading of ["## 检查内容", "## 公式", "## 示例", "## 标签变体", "## 来源"]) expect(text).toContain(heading);
    expect(README).toContain(`(${id}.md)`);
  });

  test("has its tests (a describe block in rules.test.ts)", () => {
    expect(RULES_TEST).toContain(`describe("${id}"`);
  });

  test("its doc text is in the pane's generated help", () => {
    expect(RULE_DOCS[id]?.zh.length ?? 0).toBeGreaterThan(0);
    expect(RULE_DOCS[id]?.en.length ?? 0).toBeGreaterThan(0);
  });

  test("has a zh and en title and formula, is not fixable", () => {
    const { title, formula } = rule;
    expect([title.zh, title.en, formula.zh, formula.en].every((t) => t.trim().length > 0)).toBe(true);
    expect(/[\u4e00-\u9fff]/.test(title.zh)).toBe(true);
    expect(/[\u4e00-\u9fff]/.test(title.en)).toBe(false);
    expect(rule.fixable).toBe(false);
  });
});

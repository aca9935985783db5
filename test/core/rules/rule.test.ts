/**
 * The rule contract's own pieces (src/core/rules/rule.ts): defineRule gives a rule its type and
 * nothing else, and a broken contract fails loudly with the rule's id in the error: a severity the
 * rule does not declare, a fix from a rule that is not fixable, a message id it does not declare.
 */
import { DEFAULT_SETTINGS, RULES, validate } from "../../../src/core";
import { defineRule, RuleContractError, type Report, type Rule } from "../../../src/core/rules/rule";
import { snapshotFromSpec } from "../../../src/adapters/memory/grid-spec";
import { seedWorkbook } from "../../helpers/forms";

const probe = (report: Report): Rule => ({
  meta: {
    id: "test.probe", title: { zh: "探针", en: "Probe" }, severities: ["info"], fixable: false, requires: [],
    formula: { zh: "无", en: "none" }, messages: { said: { zh: "错", en: "wrong" } },
  },
  check: (context) => context.report(report),
});

test("defineRule returns the very rule it is given", () => {
  const rule = probe({ at: null, messageId: "said" });
  expect(defineRule(rule)).toBe(rule);
});

test("RuleContractError names the rule and the problem", () => {
  const error = new RuleContractError("a2.staff-control-rate", "severity fatal is not declared");
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe("RuleContractError");
  expect(error.message).toBe("rule a2.staff-control-rate: severity fatal is not declared");
});

const run = (rule: Rule) => () => validate(snapshotFromSpec(seedWorkbook()), DEFAULT_SETTINGS, { rules: [...RULES, rule] });

test("a rule reporting a severity it does not declare stops validation with a RuleContractError", () => {
  expect(run(probe({ severity: "error", at: null, messageId: "said" }))).toThrow(new RuleContractError("test.probe", "severity error is not declared"));
});

test("a rule reporting a message it does not declare stops validation with a RuleContractError", () => {
  expect(run(probe({ at: null, messageId: "unsaid" }))).toThrow(new RuleContractError("test.probe", "message \"unsaid\" is not among its meta.messages"));
});

test("a rule that is not fixable reporting a fix stops validation with a RuleContractError", () => {
  const fix = { edits: [{ at: { sheet: "附件2", row: 0, col: 0 }, before: null, after: 1 }] };
  expect(run(probe({ at: null, messageId: "said", fix }))).toThrow(new RuleContractError("test.probe", "reported a fix but is not fixable"));
});

test("a well-behaved extra rule runs once per table and its message renders from its own catalogue", () => {
  const result = validate(snapshotFromSpec(seedWorkbook()), DEFAULT_SETTINGS, { rules: [probe({ at: null, messageId: "said" })] });
  expect(result.findings.map((f) => [f.ruleId, f.messageId])).toEqual([["test.probe", "said"]]);
});

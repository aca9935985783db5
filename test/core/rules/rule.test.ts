/**
 * The rule contract's own pieces (src/core/rules/rule.ts): defineRule gives a rule its type and
 * nothing else, and a broken contract fails loudly with the rule's id in the error.
 */
import { DEFAULT_SETTINGS, RULES, validate } from "../../../src/core";
import { defineRule, RuleContractError, type Rule } from "../../../src/core/rules/rule";
import { snapshotFromSpec } from "../../../src/adapters/memory/grid-spec";
import { seedWorkbook } from "../../helpers/forms";

const probe: Rule = {
  meta: {
    id: "test.probe", title: { zh: "探针", en: "Probe" }, severities: ["info"], fixable: false, requires: [],
    formula: { zh: "无", en: "none" },
  },
  check: (context) => context.report({ severity: "error", at: null, message: { zh: "错", en: "wrong" } }),
};

test("defineRule returns the very rule it is given", () => {
  expect(defineRule(probe)).toBe(probe);
});

test("RuleContractError names the rule and the problem", () => {
  const error = new RuleContractError("a2.staff-control-rate", "severity fatal is not declared");
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe("RuleContractError");
  expect(error.message).toBe("rule a2.staff-control-rate: severity fatal is not declared");
});

test("a rule reporting a severity it does not declare stops validation with a RuleContractError", () => {
  expect(() => validate(snapshotFromSpec(seedWorkbook()), DEFAULT_SETTINGS, [...RULES, probe])).toThrow(
    new RuleContractError("test.probe", "severity error is not declared"),
  );
});

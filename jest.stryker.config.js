// Jest for mutation testing (scripts/mutation.mjs, npm run test:mutation). Stryker runs one
// group at a time (a rule file and its tests) and names the group's test files in
// STRYKER_RULE_TESTS ("a3.grade,a3.total-score"); without it, every rule test runs.
const base = require("./jest.config.js");

const only = (process.env.STRYKER_RULE_TESTS ?? "").split(",").filter(Boolean);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/test/core/rules"],
  ...(only.length > 0
    ? { testMatch: undefined, testRegex: `/test/core/rules/(${only.map(escape).join("|")})\\.test\\.ts$` }
    : { testMatch: ["**/*.test.ts"] }),
};

// Mutation testing of the rules: run through scripts/mutation.mjs (npm run test:mutation), which
// starts one Stryker run per rule file with that rule's tests and overrides `mutate` and the
// reporters' file names. Not in CI: it takes long.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ["src/core/rules/**/*.ts"],
  testRunner: "jest",
  jest: { projectType: "custom", configFile: "jest.stryker.config.js", enableFindRelatedTests: false },
  // Spares the tests of a group that never reach a mutant (another branch of the rule).
  coverageAnalysis: "perTest",
  // The TypeScript checker would double the time; a mutant that does not compile fails its tests.
  checkers: [],
  // jest-runner runs every covering test anyway; this makes the report list every test that kills a
  // mutant (killedBy), so the score of any subset of the tests can be read from one run.
  disableBail: true,
  concurrency: 2,
  timeoutMS: 10000,
  timeoutFactor: 2,
  // Rule metadata (titles, formulas) is evaluated once at import: such static mutants would each
  // need every test, and test/core/rules.meta.test.ts (not run here) is what pins them.
  ignoreStatic: true,
  tempDirName: ".stryker-tmp",
  // The sandbox gets only what the core tests read: sources, tests, the sample workbook and the
  // configs (other files come and go while people work, and a vanished one aborts the copy).
  ignorePatterns: ["/*", "!/src", "!/test", "!/assets", "!/package.json", "!/tsconfig.json", "!/jest.config.js", "!/jest.stryker.config.js"],
  disableTypeChecks: "{src,test}/**/*.{ts,tsx}",
  cleanTempDir: true,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
};

#!/usr/bin/env node
/**
 * `npm run test:all`: the README's test command, and exactly what CI runs (.ci/run calls it).
 *
 *   1. system packages   scripts/ensure-system.js: chromium, xmllint, Noto CJK fonts (installs the
 *                        missing ones when it may, else stops with one line naming the command)
 *   2. npm ci            only when node_modules was never installed (a fresh clone); a lockfile
 *                        newer than the install gets a warning, never a reinstall under your feet
 *   3. lint, type-check, build, manifest validation   (npm run lint / typecheck / build / validate)
 *   4. Jest              npm test -- --ci --json --outputFile=jest-results.json
 *
 * It closes with "N passed, N failed", computed from Jest's JSON results (CI reads the counts from
 * that line only); a step that fails before Jest closes with "0 passed, 1 failed". Exit code: the
 * failing step's, else Jest's. Arguments after `--` go to Jest (`npm run test:all -- test/core`).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const RESULTS = "jest-results.json";

/** The closing lines from Jest's JSON results (its --json output). */
function closingLines(results) {
  const lines = [];
  const failedSuites = results.numFailedTestSuites || 0;
  const failed = (results.numFailedTests || 0) + (results.numRuntimeErrorTestSuites || 0);
  if (failedSuites) lines.push(`${failedSuites} test suite(s) failed`);
  lines.push(`${results.numPassedTests || 0} passed, ${failed} failed`);
  return lines;
}

/** Whether node_modules is missing, current, or older than package-lock.json. */
function installState(root = ROOT) {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  if (!fs.existsSync(marker)) return "missing";
  const lock = path.join(root, "package-lock.json");
  return fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs ? "stale" : "current";
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function main(jestArgs) {
  const started = Date.now();
  const timings = [];
  const run = (command, args) => {
    const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit" });
    return result.error ? 127 : result.status ?? 1;
  };
  const fail = (what, status) => {
    console.log(`test:all: ${what} failed`);
    console.log("0 passed, 1 failed");
    return status || 1;
  };
  const step = (title, fn) => {
    console.log(`\n== ${title} ==`);
    const t0 = Date.now();
    const status = fn();
    timings.push(`${title} ${seconds(Date.now() - t0)}`);
    return status;
  };
  const npmRun = (script) => () => run("npm", ["run", "--silent", script]);

  let status = step("system packages", () => run(process.execPath, [path.join(__dirname, "ensure-system.js")]));
  if (status !== 0) return fail("system packages", status);

  const install = installState();
  if (install === "missing") {
    status = step("npm ci", () => run("npm", ["ci", "--no-audit", "--no-fund"]));
    if (status !== 0) return fail("npm ci", status);
  } else if (install === "stale") {
    console.log("\n注意 Note: package-lock.json 比 node_modules 新 is newer than node_modules: 如测试因依赖失败请运行 if tests fail on a dependency, run npm ci");
  }

  for (const [title, script] of [["lint", "lint"], ["type-check", "typecheck"], ["build", "build"], ["validate manifest", "validate"]]) {
    status = step(title, npmRun(script));
    if (status !== 0) return fail(title, status);
  }

  const results = path.join(ROOT, RESULTS);
  fs.rmSync(results, { force: true });
  status = step("jest", () => run("npm", ["test", "--silent", "--", "--ci", "--json", `--outputFile=${RESULTS}`, ...jestArgs]));
  console.log(`\n(${timings.join(", ")}; total ${seconds(Date.now() - started)})`);
  if (!fs.existsSync(results)) return fail("jest (it wrote no results)", status);
  for (const line of closingLines(JSON.parse(fs.readFileSync(results, "utf8")))) console.log(line);
  return status;
}

module.exports = { closingLines, installState };

if (require.main === module) process.exitCode = main(process.argv.slice(2));

#!/usr/bin/env node
// Mutation testing of src/core/rules (npm run test:mutation; not in CI: it takes long).
//
// Every rule test runs the whole validate() pipeline, so every test executes every rule and
// Stryker's per-test coverage cannot narrow a mutant's tests: one run over all rules would
// cost each mutant all ~370 rule tests (jest-runner never bails). Instead each rule file is
// mutated in its own Stryker run against its own test file(s) (GROUPS below): a mutant of a
// rule must be killed by that rule's tests. Results are merged into
// reports/mutation/mutation.json (plus one HTML page per group under reports/mutation/html/).
//
//   npm run test:mutation                          every group
//   npm run test:mutation -- a3.grade a2.funds-sum only these groups (merged into the report)
//   npm run test:mutation -- --list                the groups
//   npm run test:mutation -- --summary             the score table of the last merged report
//   npm run test:mutation -- --summary --only-tests names.json
//                                                  the same as if only those tests existed
//
// StrykerJS 10's CLI refuses Node < 22 while this project runs on Node 20; its engine works
// there, so this starts the engine directly (the package's main entry loads the CLI, whose
// version guard throws on import).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";

const ROOT = join(dirname(new URL(import.meta.url).pathname), "..");
const RULES = "src/core/rules";
const TESTS = "test/core/rules";
const REPORT = join(ROOT, "reports", "mutation", "mutation.json");

/** Shared modules and the rule tests that exercise them; every other rule file is a group of its own. */
const SHARED = {
  "checks": ["checks", "a2.staff-control-rate", "a2.building-investment-rate", "a2.three-public-total", "a3.execution-rate", "cell.text-number"],
  "derived": ["derived", "a3.execution-rate", "a3.execution-score", "a3.total-score", "a3.grade", "a3.weights-total"],
  "rule": ["rule", "a3.grade"],
  "index": ["a3.grade"],
  "a2.funds-sum": ["a2.vehicle-total", "a2.three-public-total", "a2.project-total", "x.project-spending"],
  "a2.building-rates": ["a2.building-scale-rate", "a2.building-investment-rate"],
  "a3.breakdown": ["a3.income-breakdown", "a3.expense-breakdown"],
  "a3.indicator-reading": ["a3.quantitative-score", "a3.target-deviation", "a3.target-unparsed", "a3.missing-field"],
  "cell.numbers": ["cell.text-number", "cell.not-a-number", "cell.error-value"],
};

/** Test files to leave out (MUTATION_SKIP_TESTS="checks,derived"), e.g. to measure the score without them. */
const SKIPPED = new Set((process.env.MUTATION_SKIP_TESTS ?? "").split(",").filter(Boolean));

function groups() {
  const out = [];
  const add = (id, file) => {
    const tests = (SHARED[id] ?? [id]).filter((t) => !SKIPPED.has(t) && existsSync(join(ROOT, TESTS, `${t}.test.ts`)));
    out.push({ id, mutate: `${RULES}/${file}`, tests });
  };
  for (const entry of readdirSync(join(ROOT, RULES), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile() && entry.name.endsWith(".ts")) add(entry.name.replace(/\.ts$/, ""), entry.name);
    if (entry.isDirectory()) {
      for (const f of readdirSync(join(ROOT, RULES, entry.name)).filter((n) => n.endsWith(".ts")).sort()) {
        add(`${entry.name}.${f.replace(/\.ts$/, "")}`, `${entry.name}/${f}`);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scores

function tally(files, keyOf) {
  const rows = new Map();
  for (const [path, file] of Object.entries(files)) {
    const key = keyOf(path);
    const row = rows.get(key) ?? { Killed: 0, Survived: 0, Timeout: 0, NoCoverage: 0, Ignored: 0, other: 0 };
    for (const m of file.mutants) {
      if (m.status in row) row[m.status]++;
      else row.other++;
    }
    rows.set(key, row);
  }
  return rows;
}

function scoreOf(row) {
  const counted = row.Killed + row.Survived + row.Timeout + row.NoCoverage;
  return counted === 0 ? null : ((row.Killed + row.Timeout) / counted) * 100;
}

function printSummary(report) {
  const files = Object.fromEntries(Object.entries(report.files).filter(([p]) => p.startsWith(RULES)));
  const byDir = tally(files, (p) => dirname(p.slice(RULES.length + 1)) || ".");
  const all = tally(files, () => RULES).get(RULES);
  const line = (name, r) =>
    `${name.padEnd(20)} ${String(r.Killed).padStart(7)} ${String(r.Survived).padStart(9)} ${String(r.Timeout).padStart(8)} ${String(r.NoCoverage).padStart(12)} ${String(r.Ignored).padStart(8)} ${(scoreOf(r)?.toFixed(2) ?? "n/a").padStart(8)}`;
  console.log(`${"".padEnd(20)} ${"killed".padStart(7)} ${"survived".padStart(9)} ${"timeout".padStart(8)} ${"no-coverage".padStart(12)} ${"ignored".padStart(8)} ${"score %".padStart(8)}`);
  for (const [dir, r] of [...byDir].sort()) console.log(line(dir === "." ? "(top level)" : `${dir}/`, r));
  if (all) console.log(line("src/core/rules", all));
}

/** Adds a group's report; test ids restart at 0 in every group, so they get the group's id as prefix. */
function merge(into, results, groupId) {
  const report = into ?? { schemaVersion: "2", thresholds: { high: 90, low: 80 }, files: {}, testFiles: {} };
  report.testFiles ??= {};
  const id = (t) => `${groupId}:${t}`;
  for (const [path, file] of Object.entries(results.files)) {
    report.files[path] = {
      ...file,
      mutants: file.mutants.map((m) => ({
        ...m,
        ...(m.killedBy ? { killedBy: m.killedBy.map(id) } : {}),
        ...(m.coveredBy ? { coveredBy: m.coveredBy.map(id) } : {}),
      })),
    };
  }
  for (const [path, file] of Object.entries(results.testFiles ?? {})) {
    const kept = (report.testFiles[path]?.tests ?? []).filter((t) => !t.id.startsWith(`${groupId}:`));
    report.testFiles[path] = { ...file, tests: [...kept, ...file.tests.map((t) => ({ ...t, id: id(t.id) }))] };
  }
  return report;
}

/**
 * The report as if only the named tests existed (--only-tests names.json, a JSON list of full
 * test names): a killed mutant none of them kills counts as survived. Timeouts stay detected.
 */
function restrictToTests(report, namesFile) {
  const names = new Set(JSON.parse(readFileSync(namesFile, "utf8")));
  const nameOf = new Map();
  for (const file of Object.values(report.testFiles ?? {})) for (const t of file.tests) nameOf.set(t.id, t.name);
  const files = {};
  for (const [path, file] of Object.entries(report.files)) {
    files[path] = {
      ...file,
      mutants: file.mutants.map((m) => {
        if (m.status !== "Killed") return m;
        return (m.killedBy ?? []).some((t) => names.has(nameOf.get(t))) ? m : { ...m, status: "Survived" };
      }),
    };
  }
  return { ...report, files };
}

// ---------------------------------------------------------------------------------------------
// Running

const args = process.argv.slice(2);
const all = groups();
if (args.includes("--list")) {
  for (const g of all) console.log(`${g.id.padEnd(28)} ${g.mutate}  ←  ${g.tests.join(", ")}`);
  process.exit(0);
}
const previous = existsSync(REPORT) ? JSON.parse(readFileSync(REPORT, "utf8")) : null;
if (args.includes("--summary")) {
  if (!previous) throw new Error(`no report at ${REPORT}`);
  const only = args.indexOf("--only-tests");
  printSummary(only >= 0 ? restrictToTests(previous, args[only + 1]) : previous);
  process.exit(0);
}
const unknown = args.filter((a) => !all.some((g) => g.id === a));
if (unknown.length > 0) {
  console.error(`mutation: unknown group(s) ${unknown.join(", ")} (see --list)`);
  process.exit(2);
}
// Groups named on the command line run in the order given.
const chosen = args.length > 0 ? args.map((a) => all.find((g) => g.id === a)) : all;

const require = createRequire(import.meta.url);
const core = dirname(require.resolve("@stryker-mutator/core/package.json"));
const { Stryker } = await import(pathToFileURL(join(core, "dist", "src", "stryker.js")).href);

// The whole run replaces the report; a run of some groups replaces only their files in it.
let report = args.length > 0 ? previous : null;
const started = Date.now();
mkdirSync(dirname(REPORT), { recursive: true });
for (const [i, g] of chosen.entries()) {
  const t0 = Date.now();
  console.log(`\n=== [${i + 1}/${chosen.length}] ${g.id}: ${g.mutate} ← ${g.tests.join(", ")}`);
  if (g.tests.length === 0) console.log("(no test file: every covered mutant survives)");
  // Read by jest.stryker.config.js in Stryker's test-runner processes, which inherit the environment.
  process.env.STRYKER_RULE_TESTS = g.tests.join(",");
  const stryker = new Stryker({
    mutate: [g.mutate],
    htmlReporter: { fileName: `reports/mutation/html/${g.id}.html` },
    jsonReporter: { fileName: `reports/mutation/groups/${g.id}.json` },
  });
  try {
    await stryker.runMutationTest();
  } catch (error) {
    console.error(`mutation: group ${g.id} failed:`, error);
    process.exitCode = 1;
    continue;
  }
  const groupReport = JSON.parse(readFileSync(join(ROOT, "reports", "mutation", "groups", `${g.id}.json`), "utf8"));
  report = merge(report, groupReport, g.id);
  writeFileSync(REPORT, JSON.stringify(report));
  console.log(`=== ${g.id} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
console.log(`\nmutation: ${chosen.length} group(s) in ${((Date.now() - started) / 60000).toFixed(1)} min; merged report ${REPORT}\n`);
if (report) printSummary(report);

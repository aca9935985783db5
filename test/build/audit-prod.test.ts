/**
 * scripts/audit-prod.js: how npm's answer is read (fixtures shaped like npm 10's `audit --json`),
 * and one real run. It must fail on high/critical, and never report success when npm could not ask.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

interface Outcome { status: "clean" | "vulnerable" | "unreachable" | "unreadable"; exitCode: number; lines: string[] }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { interpretAudit } = require("../../scripts/audit-prod.js") as { interpretAudit: (stdout: string, stderr?: string, options?: { strict?: boolean }) => Outcome };

const report = (vulnerabilities: Record<string, { severity: string; via: unknown[] }>) => {
  const counts: Record<string, number> = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
  for (const v of Object.values(vulnerabilities)) counts[v.severity]! += 1;
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(Object.entries(vulnerabilities).map(([name, v]) => [name, { name, range: "<9.9.9", isDirect: false, effects: [], nodes: [], fixAvailable: true, ...v }])),
    metadata: { vulnerabilities: { ...counts, total: Object.keys(vulnerabilities).length }, dependencies: { prod: 140, dev: 0, optional: 0, peer: 0, peerOptional: 0, total: 140 } },
  });
};

/** What this machine's npm prints: the registry answers the bulk advisory POST with 405. */
const OFFLINE_405 = JSON.stringify({
  message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  method: "POST", uri: "https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", statusCode: 405, body: "", error: { summary: "", detail: "" },
});

test("high or critical advisories fail, naming the package and the advisory", () => {
  const out = interpretAudit(report({
    jszip: { severity: "high", via: [{ title: "Prototype pollution", url: "https://github.com/advisories/GHSA-xxxx" }] },
    exceljs: { severity: "high", via: ["jszip"] },
    uuid: { severity: "moderate", via: [{ title: "Minor" }] },
  }));
  expect(out.status).toBe("vulnerable");
  expect(out.exitCode).toBe(1);
  expect(out.lines.join("\n")).toMatch(/jszip@<9\.9\.9: Prototype pollution \(https:\/\/github\.com\/advisories\/GHSA-xxxx\)/);
  expect(out.lines.join("\n")).toMatch(/exceljs.*via jszip/);
  expect(interpretAudit(report({ x: { severity: "critical", via: [{ title: "RCE" }] } })).exitCode).toBe(1);
});

test("only low/moderate advisories, or none: verified and green, with the counts", () => {
  const moderate = interpretAudit(report({ uuid: { severity: "moderate", via: [{ title: "Minor" }] } }));
  expect(moderate).toMatchObject({ status: "clean", exitCode: 0 });
  expect(moderate.lines[0]).toMatch(/verified.*0 critical, 0 high, 1 moderate/);
  expect(interpretAudit(report({}))).toMatchObject({ status: "clean", exitCode: 0 });
});

test("an unreachable advisory service is reported as not verified, never as clean", () => {
  for (const [stdout, stderr] of [
    [OFFLINE_405, "npm error audit endpoint returned an error"],
    [JSON.stringify({ error: { code: "ENOTFOUND", summary: "request to https://registry.npmjs.org failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org" } }), ""],
    ["", "npm error code ECONNREFUSED\nnpm error errno ECONNREFUSED"],
    ["", "npm error code ETIMEDOUT"],
  ] as const) {
    const out = interpretAudit(stdout, stderr);
    expect({ stdout: stdout.slice(0, 40), status: out.status, exitCode: out.exitCode }).toEqual({ stdout: stdout.slice(0, 40), status: "unreachable", exitCode: 0 });
    expect(out.lines[0]).toMatch(/^audit service unreachable — not verified/);
    expect(out.lines.join("\n")).not.toMatch(/\bverified, /);
    expect(interpretAudit(stdout, stderr, { strict: true }).exitCode).toBe(3);
  }
});

test("an answer that cannot be read is an error, not a success", () => {
  for (const stdout of ["", "not json", JSON.stringify({ error: { code: "ENOLOCK", summary: "This command requires an existing lockfile." } })]) {
    const out = interpretAudit(stdout, "");
    expect({ stdout, status: out.status, exitCode: out.exitCode }).toEqual({ stdout, status: "unreadable", exitCode: 2 });
    expect(out.lines[0]).toMatch(/not verified/);
  }
});

test("a real run says either verified or not verified, and its exit code matches", () => {
  const run = spawnSync(process.execPath, [path.join(__dirname, "..", "..", "scripts", "audit-prod.js")], { encoding: "utf8", timeout: 120_000 });
  const said = `${run.stdout}${run.stderr}`;
  if (/not verified/.test(said)) expect([0, 2]).toContain(run.status);
  else if (/FAILED/.test(said)) expect(run.status).toBe(1);
  else {
    expect(said).toMatch(/verified, no high or critical advisory/);
    expect(run.status).toBe(0);
  }
}, 150_000);

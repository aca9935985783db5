#!/usr/bin/env node
/**
 * `npm run audit:prod`: npm's advisory check of the production dependencies only
 * (`npm audit --omit=dev --json`), failing on high or critical advisories.
 *
 * Outcomes (never "clean" unless npm really answered with a report):
 *   exit 0  "verified": the advisory service answered; no high/critical advisory (lower ones listed)
 *   exit 1  high or critical advisories: each vulnerable package, severity and advisory title
 *   exit 0  "audit service unreachable — not verified": offline, proxy, or a registry without the
 *           bulk advisory endpoint (405). CI stays green, but nothing is claimed. With --strict
 *           (or AUDIT_STRICT=1) this exits 3 instead, for pipelines that do have network access.
 *   exit 2  npm's answer could not be read (no lockfile, unexpected output): not verified either.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const BLOCKING = ["high", "critical"];
/** npm's ways of saying the advisory service could not be asked. */
const UNREACHABLE = /\b(E?NOTFOUND|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ECONNABORTED|socket hang up|network|audit endpoint returned an error|Method Not Allowed|proxy|certificate|self.signed|UNABLE_TO_GET_ISSUER_CERT|offline)\b/i;

/**
 * What npm's answer means. `stdout` is the --json output, `stderr` its log.
 * Returns { status: "clean" | "vulnerable" | "unreachable" | "unreadable", lines, exitCode }.
 */
function interpretAudit(stdout, stderr = "", options = {}) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    report = null;
  }
  const counts = report && report.metadata && report.metadata.vulnerabilities;
  if (report && report.vulnerabilities && counts && typeof counts.total === "number") {
    const entries = Object.values(report.vulnerabilities);
    const describe = (v) => {
      const titles = (v.via || []).map((via) => (typeof via === "string" ? `via ${via}` : `${via.title || "advisory"}${via.url ? ` (${via.url})` : ""}`));
      return `  ${v.severity.padEnd(8)} ${v.name}${v.range ? `@${v.range}` : ""}: ${[...new Set(titles)].join("; ")}`;
    };
    const blocking = entries.filter((v) => BLOCKING.includes(v.severity));
    const summary = ["critical", "high", "moderate", "low", "info"].map((s) => `${counts[s] || 0} ${s}`).join(", ");
    const prod = report.metadata.dependencies && report.metadata.dependencies.prod;
    if (blocking.length > 0) {
      return {
        status: "vulnerable",
        exitCode: 1,
        lines: [`npm audit (production dependencies): ${summary} — FAILED: high/critical advisories`, ...blocking.map(describe)],
      };
    }
    return {
      status: "clean",
      exitCode: 0,
      lines: [
        `npm audit (production dependencies${prod ? `, ${prod} packages` : ""}): verified, no high or critical advisory (${summary})`,
        ...entries.map(describe),
      ],
    };
  }
  const said = [report && (report.message || (report.error && (report.error.summary || report.error.code))), report && report.code, stderr]
    .filter(Boolean)
    .join(" ");
  if (UNREACHABLE.test(said) || (report && (report.statusCode >= 400 || report.code === "ENOAUDIT"))) {
    const reason = (report && report.message) || said.split("\n").find((l) => UNREACHABLE.test(l)) || "no answer";
    return {
      status: "unreachable",
      exitCode: options.strict ? 3 : 0,
      lines: [`audit service unreachable — not verified (${String(reason).trim()})`, "No advisory check was done; run `npm run audit:prod` where the registry's advisory endpoint is reachable."],
    };
  }
  return {
    status: "unreadable",
    exitCode: 2,
    lines: [`npm audit gave no readable report — not verified${said ? ` (${said.trim().split("\n")[0]})` : ""}`],
  };
}

function main(argv) {
  const strict = argv.includes("--strict") || process.env.AUDIT_STRICT === "1";
  const npm = process.env.npm_execpath;
  // Under `npm run`, npm_execpath is npm's own CLI script: run it with this Node, whatever the OS.
  const [command, args] = npm && /\.c?js$/.test(npm)
    ? [process.execPath, [npm, "audit", "--omit=dev", "--json"]]
    : [process.platform === "win32" ? "npm.cmd" : "npm", ["audit", "--omit=dev", "--json"]];
  const run = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20, shell: process.platform === "win32" && command === "npm.cmd", timeout: 120_000 });
  if (run.error) {
    console.error(`npm audit could not be started — not verified (${run.error.message})`);
    return 2;
  }
  const outcome = interpretAudit(run.stdout || "", run.stderr || "", { strict });
  (outcome.exitCode === 0 ? console.log : console.error)(outcome.lines.join("\n"));
  return outcome.exitCode;
}

module.exports = { interpretAudit };

if (require.main === module) process.exitCode = main(process.argv.slice(2));

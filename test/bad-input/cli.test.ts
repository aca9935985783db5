/**
 * The installed CLI (node bin/annex-check.js, compiled to lib/) over the bad-input corpus, one
 * process per file and once over the whole folder: the exit code the corpus names, the rule ids
 * or the read failure, never a stack trace, and never a hang (each run has a deadline).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { ALL_FILES, CORPUS_DIR, EXPECTED, READABLE, ROOT, UNREADABLE, path, timeoutFor, type Unreadable } from "./corpus";

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(args: readonly string[], deadlineMs: number): Run {
  const run = spawnSync(process.execPath, [join(ROOT, "bin", "annex-check.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: deadlineMs,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (run.error || run.signal) throw new Error(`annex-check ${args.join(" ")} did not finish within ${deadlineMs} ms (${run.error?.message ?? run.signal})`);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A V8 stack frame ("    at fn (file.js:1:2)") or the CLI's last-resort internal-error line. */
function expectNoCrash(run: Run): void {
  expect(run.stderr).not.toMatch(/^\s+at .*(:\d+:\d+\)?|<anonymous>)$/m);
  expect(run.stderr).not.toContain("内部错误");
  expect(run.stdout).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
}

/** "<file>: <zh> / <en>": the Chinese half carries the Chinese keywords, the English half the English ones. */
function expectZhThenEn(line: string, file: string, expected: Unreadable): void {
  expect(line.startsWith(`${file}: `)).toBe(true);
  const [zh, en, ...rest] = line.slice(file.length + 2).split(" / ");
  expect(rest).toEqual([]);
  for (const word of expected.keywords.zh) expect(zh).toContain(word);
  for (const word of expected.keywords.en) expect(en).toContain(word);
  expect(zh).toMatch(/^无法读取：/);
  expect(en).toMatch(/^Cannot read: /);
}

beforeAll(() => {
  // lib/ is what bin/annex-check.js loads; build it from the current sources, as test/cli does.
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "ignore" });
}, 180_000);

describe.each(READABLE)("%s", (file, expected) => {
  test(`exit 1 with ${expected.rules.join(", ")}`, () => {
    const run = runCli([path(file), "--format", "json"], timeoutFor(file));
    expectNoCrash(run);
    expect(run.code).toBe(expected.exit);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; message: string }[]; summary: { errors: number } };
    const ids = new Set(report.findings.map((f) => f.ruleId));
    expect(expected.rules.filter((id) => !ids.has(id))).toEqual([]);
    expect(report.summary.errors).toBeGreaterThan(0);
    for (const f of report.findings) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  }, timeoutFor(file) + 5_000);
});

describe.each(UNREADABLE)("%s", (file, expected) => {
  test(`exit 2 (${expected.error}): JSON names the reason`, () => {
    const run = runCli([path(file), "--format", "json"], timeoutFor(file));
    expectNoCrash(run);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { error: { reason: string; message: string } };
    expect(report.error.reason).toBe(expected.error);
    for (const word of expected.keywords.zh) expect(report.error.message).toContain(word);
  }, timeoutFor(file) + 5_000);

  test(`exit 2 (${expected.error}): one line on stderr in Chinese and English`, () => {
    const run = runCli([path(file)], timeoutFor(file));
    expectNoCrash(run);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expectZhThenEn(lines[0]!, path(file), expected);
  }, timeoutFor(file) + 5_000);
});

test.each(["table", "md"])("odd-text.xlsx as %s: no control character or bidi override reaches the terminal", (format) => {
  const run = runCli([path("odd-text.xlsx"), "--format", format], timeoutFor("odd-text.xlsx"));
  expectNoCrash(run);
  expect(run.code).toBe(1);
  // The fixture carries BEL, ESC, NUL, RLM and RLO in a sheet name, labels and a score cell.
  // eslint-disable-next-line no-control-regex
  const unsafe = [...run.stdout.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g)];
  expect(unsafe.map((m) => `U+${m[0].codePointAt(0)!.toString(16)} at ${m.index}`)).toEqual([]);
  expect(run.stdout).toContain("cell.not-a-number");
}, timeoutFor("odd-text.xlsx") + 5_000);

describe("the whole folder", () => {
  const deadline = ALL_FILES.reduce((sum, f) => sum + timeoutFor(f), 0);

  test("every file is reported with its own outcome; exit 2 because some cannot be read", () => {
    const run = runCli([CORPUS_DIR, "--format", "json"], deadline);
    expectNoCrash(run);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as {
      files: ({ file: string; findings: { ruleId: string }[] } | { file: string; error: { reason: string } })[];
      summary: { files: number; unreadable: number };
    };
    // .xls files are listed too (not skipped in silence); expected.json itself is not a workbook.
    expect(report.files.map((f) => basename(f.file))).toEqual(ALL_FILES);
    expect(report.summary).toMatchObject({ files: ALL_FILES.length, unreadable: UNREADABLE.length });
    for (const entry of report.files) {
      const expected = EXPECTED[basename(entry.file)]!;
      if (expected.exit === 2) {
        expect("error" in entry && entry.error.reason).toBe(expected.error);
      } else {
        const ids = "findings" in entry ? new Set(entry.findings.map((f) => f.ruleId)) : new Set<string>();
        expect([basename(entry.file), expected.rules.filter((id) => !ids.has(id))]).toEqual([basename(entry.file), []]);
      }
    }
  }, deadline + 10_000);

  test("the table format names each unreadable file on stderr in Chinese and English", () => {
    // Only the unreadable files: the readable ones were just checked in the JSON run above.
    const dir = mkdtempSync(join(tmpdir(), "bad-unreadable-"));
    try {
      for (const [file] of UNREADABLE) copyFileSync(path(file), join(dir, file));
      const run = runCli([dir], 30_000);
      expectNoCrash(run);
      expect(run.code).toBe(2);
      for (const [file, expected] of UNREADABLE) {
        const line = run.stderr.split("\n").find((l) => l.startsWith(`${join(dir, file)}: `));
        expect([file, line !== undefined]).toEqual([file, true]);
        expectZhThenEn(line!, join(dir, file), expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});

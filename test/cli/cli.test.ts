/**
 * The command line end to end: golden output for every format, exit codes, --fix, folders and
 * unreadable inputs. Golden files live in test/cli/golden; regenerate with UPDATE_GOLDEN=1
 * after reading the diff.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsx } from "../../src/adapters/xlsx";
import { validate } from "../../src/core";
import { runCli } from "../helpers/run-cli";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = "assets/samples/zhuzhou-luosong-npc-2023.xlsx";
const GOLDEN = join(__dirname, "golden");

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env["UPDATE_GOLDEN"] === "1" || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("golden output on the sample workbook", () => {
  test.each([
    ["table", "zh", "sample.table.zh.txt"],
    ["table", "en", "sample.table.en.txt"],
    ["json", "zh", "sample.json"],
    ["json", "en", "sample.en.json"],
    ["md", "zh", "sample.zh.md"],
  ])("--format %s --lang %s", async (format, lang, file) => {
    const result = await runCli([SAMPLE, "--format", format, "--lang", lang]);
    expect(result.code).toBe(1);
    golden(file, result.stdout);
  });

  test("the JSON report has the documented shape and the seed's findings", async () => {
    const { stdout } = await runCli([SAMPLE, "--format", "json"]);
    const report = JSON.parse(stdout);
    expect(report.schemaVersion).toBe(2);
    expect(report.profile).toMatchObject({ id: "hunan-dept", how: "detected" });
    expect(report.tables.map((t: { kind: string; sheet: string }) => [t.kind, t.sheet])).toEqual([["annex2", "附件2"], ["annex3", "附件3"]]);
    expect(report.annexes.annex2.sheet).toBe("附件2");
    expect(report.annexes.annex3.sheet).toBe("附件3");
    const byRule = (id: string) => report.findings.filter((f: { ruleId: string }) => f.ruleId === id);
    expect(byRule("a2.staff-control-rate")[0]).toMatchObject({ sheet: "附件2", cell: "D4", expected: "166.67", severity: "error" });
    expect(byRule("a3.execution-score")[0]).toMatchObject({ cell: "I5", expected: "10", actual: "98" });
    expect(byRule("a3.execution-score")[0]).toMatchObject({ messageId: "wrong", data: { expected: { figure: "10", style: "score" } } });
    expect(byRule("a3.execution-score")[0].fix.edits).toEqual([{ sheet: "附件3", cell: "I5", before: 98, after: 10, numberFormat: "0.00" }]);
    expect(report.summary).toEqual({ errors: 2, warnings: 2, infos: 7, score: "98.00", grade: "excellent", gradeName: "优" });
  });
});

describe("exit status and messages", () => {
  test("0 when no error-level finding remains (the fixed copy)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "annex-cli-"));
    const out = join(dir, "fixed.xlsx");
    const fixed = await runCli([SAMPLE, "--fix", out]);
    expect(fixed.code).toBe(1);
    expect(fixed.stderr).toContain("修正 2 处");
    const again = await runCli([out, "--format", "json"]);
    const report = JSON.parse(again.stdout);
    expect(report.summary.errors).toBe(0);
    expect(again.code).toBe(0);
    // the suggested quantitative score is not applied by default
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain("a3.quantitative-score");
  });

  test("--fix never overwrites the input and refuses an existing output without --force", async () => {
    const dir = mkdtempSync(join(tmpdir(), "annex-cli-"));
    const input = join(dir, "in.xlsx");
    copyFileSync(join(ROOT, SAMPLE), input);
    const before = readFileSync(input);
    const same = await runCli([input, "--fix", input]);
    expect(same.code).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
    const out = join(dir, "out.xlsx");
    writeFileSync(out, "keep me");
    const exists = await runCli([input, "--fix", out]);
    expect(exists.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    const forced = await runCli([input, "--fix", out, "--force"]);
    expect(forced.code).toBe(1);
    expect((await readXlsx(out)).ok).toBe(true);
  });

  test.each([
    ["not an xlsx", Buffer.from("hello, not a workbook"), "不是 .xlsx"],
    ["old .xls", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), ".xls"],
    ["truncated zip", readFileSync(join(ROOT, SAMPLE)).subarray(0, 3000), "损坏"],
  ])("2 for an unreadable input (%s), one line each in Chinese and English, no stack", async (_name, bytes, zh) => {
    const dir = mkdtempSync(join(tmpdir(), "annex-cli-"));
    const file = join(dir, "bad.xlsx");
    writeFileSync(file, bytes);
    const result = await runCli([file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(zh);
    expect(result.stderr).toMatch(/Cannot read/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test("2 for a missing file and for bad arguments", async () => {
    expect((await runCli(["no/such/file.xlsx"])).code).toBe(2);
    const bad = await runCli([SAMPLE, "--format", "xml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format 只能是 table、json 或 md");
    expect((await runCli([])).code).toBe(2);
  });

  test("a folder checks every .xlsx in it and reports unreadable files without stopping", async () => {
    const dir = mkdtempSync(join(tmpdir(), "annex-cli-"));
    copyFileSync(join(ROOT, SAMPLE), join(dir, "a.xlsx"));
    copyFileSync(join(ROOT, SAMPLE), join(dir, "b.xlsx"));
    writeFileSync(join(dir, "c.xlsx"), "garbage");
    writeFileSync(join(dir, "notes.txt"), "ignored");
    writeFileSync(join(dir, "~$a.xlsx"), "excel lock file");
    const result = await runCli([dir, "--format", "json"]);
    const report = JSON.parse(result.stdout);
    expect(report.files).toHaveLength(3);
    expect(report.summary).toMatchObject({ files: 3, unreadable: 1, errors: 4 });
    expect(report.files[2].error.reason).toBe("not-xlsx");
    expect(result.code).toBe(2);
  });

  test("an empty folder is a clear message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "annex-cli-"));
    const result = await runCli([dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("没有 .xlsx 或 .docx 文件");
  });
});

describe("the installed program", () => {
  beforeAll(() => {
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "ignore" });
  }, 120000);

  test("npx annex-check FILE --format json prints only the JSON report on stdout", async () => {
    const run = spawnSync("npx", ["annex-check", SAMPLE, "--format", "json"], { cwd: ROOT, encoding: "utf8" });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.file).toBe(SAMPLE);
    const read = await readXlsx(join(ROOT, SAMPLE));
    if (!read.ok) throw new Error("sample unreadable");
    expect(report.findings).toHaveLength(validate(read.snapshot).findings.length);
  });
});

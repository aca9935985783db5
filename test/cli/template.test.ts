/** `annex-check --template <year> <out.xlsx>`: writes the blank template; refuses to overwrite without --force. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "../../src/cli/args";
import { readXlsx } from "../../src/adapters/xlsx";
import { validate } from "../../src/core";
import { runCli } from "../helpers/run-cli";

const env = { noColor: true, isTty: false };

describe("annex-check --template", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cli-template-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("writes 附件2 and 附件3 for the year; the checker recognizes both and the year is consistent", async () => {
    const out = join(dir, "t2025.xlsx");
    const result = await runCli(["--template", "2025", out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("2025");
    expect(result.stdout).toBe("");
    const read = await readXlsx(out);
    if (!read.ok) throw new Error(read.message.en);
    expect(read.snapshot.sheets.map((s) => s.name)).toEqual(["附件2", "附件3"]);
    const title = read.snapshot.sheets[1]!.cell(1, 0)?.value;
    expect(title).toBe("2025年度部门（单位）整体支出绩效自评表");
    const checked = validate(read.snapshot);
    expect(checked.annexes.annex2).not.toBeNull();
    expect(checked.annexes.annex3).not.toBeNull();
    expect(checked.findings.filter((f) => f.ruleId === "x.year")).toEqual([]);
  });

  test("--weights 50-30-10 gives the older frame; the same template through checking mode exits 0 (nothing typed yet is no error)", async () => {
    const out = join(dir, "t50.xlsx");
    expect((await runCli(["--template", "2024", out, "--weights", "50-30-10"])).code).toBe(0);
    const read = await readXlsx(out);
    if (!read.ok) throw new Error(read.message.en);
    const labels = read.snapshot.sheets[1]!;
    const texts: string[] = [];
    for (let r = 0; r < labels.rowCount; r++) {
      const v = labels.cell(r, 1)?.value;
      if (typeof v === "string") texts.push(v);
    }
    expect(texts).toContain("产出指标\n（50分）");
    expect(texts).toContain("效益指标\n（30分）");
    expect(texts.some((t) => t.startsWith("成本指标"))).toBe(false);
    const check = await runCli([out, "--format", "json"]);
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout) as { findings: { ruleId: string; severity: string }[] };
    expect(report.findings.filter((f) => f.severity === "error").map((f) => f.ruleId)).toEqual([]);
  });

  test.each(["mof-project", "sichuan-project", "hubei-project"])("--profile %s writes that form's project table, recognized as that form when checked", async (profile) => {
    const out = join(dir, `${profile}.xlsx`);
    const written = await runCli(["--template", "2025", out, "--profile", profile]);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain("已写出 2025 年度空白模板");
    const check = await runCli([out, "--format", "json"]);
    const report = JSON.parse(check.stdout) as { profile: { id: string }; tables: unknown[]; findings: { severity: string }[] };
    expect({ code: check.code, profile: report.profile.id, tables: report.tables.length }).toEqual({ code: 0, profile, tables: 1 });
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("--profile with an unknown id is refused with the list of forms", async () => {
    const refused = await runCli(["--template", "2025", join(dir, "x.xlsx"), "--profile", "beijing"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("hubei-project");
  });

  test("refuses to overwrite an existing file without --force (exit 2, file kept); --force replaces it", async () => {
    const out = join(dir, "exists.xlsx");
    await writeFile(out, "precious");
    const refused = await runCli(["--template", "2024", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--force");
    expect(await readFile(out, "utf8")).toBe("precious");
    const forced = await runCli(["--template", "2024", out, "--force"]);
    expect(forced.code).toBe(0);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe("PK");
  });

  test.each([
    [["--template", "2024"], "usage"],
    [["--template", "24", "x.xlsx"], "four digits"],
    [["--template", "2024", "x.csv"], ".xlsx"],
    [["--template", "2024", "x.xlsx", "--weights", "60-30"], "--weights"],
    [["--template", "2024", "x.xlsx", "--format", "json"], "--format"],
  ])("invalid: %j", async (args, fragment) => {
    const parsed = parseArgs(args, env);
    expect(parsed.kind).toBe("invalid");
    if (parsed.kind === "invalid") {
      expect(parsed.message.en).toContain(fragment);
      expect(parsed.message.zh).not.toBe("");
    }
    expect((await runCli(args)).code).toBe(2);
  });

  test("parses --template=YEAR, --weights=..., --lang en", () => {
    expect(parseArgs(["--template=2030", "o.xlsx", "--weights=50-30-10", "--lang", "en"], env)).toEqual({
      kind: "template",
      options: { year: 2030, output: "o.xlsx", weights: "50-30-10", profile: "hunan-dept", force: false, lang: "en" },
    });
  });

  test("--help names --template", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--template");
  });

  test("--template --help prints the help, not an argument error", async () => {
    const help = await runCli(["--template", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--template <年度> <out.xlsx>");
  });
});

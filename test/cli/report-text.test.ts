/**
 * `annex-check <file.xlsx> --report <file.docx|file.txt>`: the seed's text against the sample
 * workbook, from .txt (UTF-8, BOM, GB18030) and from a .docx built here with the docx package
 * (so mammoth's path is the real one), in every output format.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { parseArgs } from "../../src/cli/args";
import { readReportText } from "../../src/adapters/docx/read-docx";
import { decodeText } from "../../src/adapters/docx/decode-text";
import { runCli } from "../helpers/run-cli";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = "assets/samples/zhuzhou-luosong-npc-2023.xlsx";
const SEED_TXT = "test/fixtures/report/zhuzhou-luosong-npc-2023.txt";
const SEED_TEXT = readFileSync(join(ROOT, SEED_TXT), "utf8");
const dir = mkdtempSync(join(tmpdir(), "annex-report-"));

/** The seed's text as a Word document: one paragraph per line, as a report is typed. */
async function seedDocx(): Promise<string> {
  const doc = new Document({
    sections: [{ children: SEED_TEXT.split("\n").map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  const path = join(dir, "seed.docx");
  writeFileSync(path, await Packer.toBuffer(doc));
  return path;
}

interface JsonFindingLike {
  ruleId: string;
  severity: string;
  sheet: string | null;
  cell: string | null;
  expected: string | null;
  actual: string | null;
  message: string;
  textRef?: { paragraph: number; sentence: number; quote: string; offset: number; length: number };
}

const rText = (findings: JsonFindingLike[]) =>
  findings.filter((f) => f.ruleId.startsWith("r.")).map((f) => `${f.ruleId} ${f.sheet}!${f.cell} ${f.expected} ${f.actual} ¶${f.textRef?.paragraph}.${f.textRef?.sentence}`);

const SEED_R_FINDINGS = [
  "r.income 附件3!B7 982.6 982.21 ¶26.1",
  "r.project 附件3!F8 70.66 70.27 ¶27.2",
  "r.project 附件3!F8 70.66 70.27 ¶29.1",
  "r.project 附件3!F8 70.66 70.27 ¶48.1",
];

describe("--report with the seed's text", () => {
  test("json: the r.* findings carry the cell and the sentence; the engine's findings are unchanged", async () => {
    const plain = JSON.parse((await runCli([SAMPLE, "--format", "json"])).stdout);
    const result = await runCli([SAMPLE, "--report", SEED_TXT, "--format", "json"]);
    const report = JSON.parse(result.stdout);
    expect(rText(report.findings)).toEqual(SEED_R_FINDINGS);
    expect(report.findings.filter((f: JsonFindingLike) => !f.ruleId.startsWith("r."))).toEqual(plain.findings);
    expect(report.summary).toEqual({ ...plain.summary, warnings: plain.summary.warnings + 4 });
    const income = report.findings.find((f: JsonFindingLike) => f.ruleId === "r.income");
    expect(income.textRef).toEqual({ paragraph: 26, sentence: 1, quote: "2.2023年度单位一般公共预算财政拨款收入982.21万元。", offset: income.textRef.offset, length: 28 });
    expect(SEED_TEXT.slice(income.textRef.offset, income.textRef.offset + income.textRef.length)).toBe("2023年度单位一般公共预算财政拨款收入982.21万元");
    // r.* findings are warnings: the exit status is the engine's (1: the seed has errors)
    expect(result.code).toBe(plain.code ?? 1);
    expect(plain.findings.some((f: JsonFindingLike) => "textRef" in f)).toBe(false);
    // docs/report-format.md shows this very finding: keep the example true
    const documented = /"textRef": (\{[^\n]*\})\n/.exec(readFileSync(join(ROOT, "docs", "report-format.md"), "utf8"))!;
    expect(JSON.parse(documented[1]!)).toEqual(income.textRef);
  });

  test("table: the quoted sentence is printed under the message", async () => {
    const { stdout, code } = await runCli([SAMPLE, "--report", SEED_TXT]);
    expect(code).toBe(1);
    expect(stdout).toContain("r.income");
    expect(stdout).toContain("附件3!B7");
    expect(stdout).toContain("    正文第 26 段第 1 句：“2.2023年度单位一般公共预算财政拨款收入982.21万元。”");
    expect(stdout).toContain("错误 2，警告 6，提示 7");
  });

  test("table in English", async () => {
    const { stdout } = await runCli([SAMPLE, "--report", SEED_TXT, "--lang", "en"]);
    expect(stdout).toContain("Text, paragraph 29, sentence 1: “项目支出70.27万元（其中代表履职经费50.31万元；全会经费15.50万元；市代表活动经费4.46万元）。”");
  });

  test("md: the sentence follows the message in the same cell", async () => {
    const { stdout } = await runCli([SAMPLE, "--report", SEED_TXT, "--format", "md"]);
    const line = stdout.split("\n").find((l) => l.includes("`r.income`"))!;
    expect(line).toContain("| 附件3!B7 | 982.60 万元 | 982.21 万元 |");
    expect(line).toContain("<br>正文第 26 段第 1 句：“2.2023年度单位一般公共预算财政拨款收入982.21万元。” |");
  });

  test("a .docx of the same text (read by mammoth) gives the same findings", async () => {
    const docx = await seedDocx();
    const read = await readReportText(docx);
    expect(read.ok && read.kind).toBe("docx");
    const { stdout } = await runCli([SAMPLE, "--report", docx, "--format", "json"]);
    expect(rText(JSON.parse(stdout).findings)).toEqual(SEED_R_FINDINGS);
  });
});

describe("reading the text file", () => {
  test("UTF-8 with a BOM, UTF-16LE and GB18030 read the same as UTF-8", async () => {
    const sample = "2.2023年度单位一般公共预算财政拨款收入982.21万元。";
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, "utf8")]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, "utf16le")]);
    // GB18030 bytes of "收入982.21万元" (收 CAD5, 入 C8EB, 万 CDF2, 元 D4AA)
    const gb = Buffer.from([0xca, 0xd5, 0xc8, 0xeb, ...Buffer.from("982.21"), 0xcd, 0xf2, 0xd4, 0xaa]);
    expect(decodeText(bom)).toBe(sample);
    expect(decodeText(utf16)).toBe(sample);
    expect(decodeText(gb)).toBe("收入982.21万元");
    const path = join(dir, "gb.txt");
    writeFileSync(path, gb);
    const read = await readReportText(path);
    expect(read).toEqual({ ok: true, text: "收入982.21万元", kind: "text" });
  });

  test("a missing file, an old .doc and a broken .docx are exit status 2 with a message", async () => {
    const missing = await runCli([SAMPLE, "--report", join(dir, "nope.txt")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("找不到报告正文文件");
    const doc = join(dir, "old.doc");
    writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const old = await runCli([SAMPLE, "--report", doc]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain("另存为 .docx");
    const broken = join(dir, "broken.docx");
    writeFileSync(broken, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const bad = await runCli([SAMPLE, "--report", broken]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("无法读取 .docx");
  });
});

describe("arguments", () => {
  const env = { noColor: true, isTty: false };
  test("--report takes a value and one workbook", () => {
    const parsed = parseArgs([SAMPLE, "--report", "r.docx"], env);
    expect(parsed.kind === "run" && parsed.options.report).toBe("r.docx");
    expect(parseArgs([SAMPLE, "--report=r.txt"], env)).toMatchObject({ kind: "run", options: { report: "r.txt" } });
    expect(parseArgs([SAMPLE, "--report"], env)).toMatchObject({ kind: "invalid" });
    expect(parseArgs([SAMPLE, SAMPLE, "--report", "r.txt"], env)).toMatchObject({ kind: "invalid", message: { en: "--report works with a single workbook" } });
  });

  test("a folder with --report is refused", async () => {
    const folder = await runCli(["assets/samples", "--report", SEED_TXT]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("--report works with a single workbook");
  });
});

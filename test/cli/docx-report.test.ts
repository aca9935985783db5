/**
 * The report as published (issue 14): `annex-check report.docx` reads the annex tables inside the
 * Word file and checks them with the report's text in one run; a folder of .docx and .xlsx gives one
 * summary; old and hostile Word files end with one line.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { runCli } from "../helpers/run-cli";
import { readXlsx } from "../../src/adapters/xlsx/read-xlsx";
import { buildDocx, p, tbl, tc, tr } from "../helpers/docx-parts";

const XLSX = "assets/samples/zhuzhou-luosong-npc-2023.xlsx";
const DOCX = "assets/samples/zhuzhou-luosong-npc-2023.docx";
const TXT = "test/fixtures/report/zhuzhou-luosong-npc-2023.txt";
const ROOT = join(__dirname, "..", "..");

interface Finding { ruleId: string; severity: string; sheet: string | null; cell: string | null; expected: string | null; actual: string | null; message: string; textRef?: { paragraph: number; sentence: number } }

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-docx-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = (f: Finding) => `${f.ruleId} ${f.severity} ${(f.sheet ?? "").replace("附件2", "表1").replace("附件3", "表2")}!${f.cell} ${f.expected} ${f.actual}${f.textRef ? ` ¶${f.textRef.paragraph}.${f.textRef.sentence}` : ""}`;

test("the seed as a .docx gives the seed workbook's table findings and the text's r.* findings, in one run", async () => {
  const fromDocx = await runCli([DOCX, "--format", "json"]);
  const fromXlsx = await runCli([XLSX, "--report", TXT, "--format", "json"]);
  expect(fromDocx.code).toBe(1);
  const docx = JSON.parse(fromDocx.stdout) as { findings: Finding[]; source: { kind: string; tables: { sheet: string; caption: string; captionRows: number }[] }; summary: unknown };
  const xlsx = JSON.parse(fromXlsx.stdout) as { findings: Finding[]; summary: unknown };
  expect(docx.findings.map(key)).toEqual(xlsx.findings.map(key));
  expect(docx.findings.filter((f) => f.ruleId.startsWith("r.")).length).toBe(4);
  expect(docx.summary).toEqual(xlsx.summary);
  expect(docx.source).toEqual({
    kind: "docx",
    tables: [
      { sheet: "表1", caption: "附件2 2023年度部门（单位）整体支出绩效评价基础数据表", captionRows: 2 },
      { sheet: "表2", caption: "附件3 2023年度部门（单位）整体支出绩效自评表", captionRows: 2 },
    ],
  });
  // Messages name the place in the Word table, not a grid address.
  const income = docx.findings.find((f) => f.ruleId === "r.income")!;
  expect(income.message).toContain("表2 第5行 第2列");
  expect(income.message).not.toMatch(/表\d!/);
});

test("the table format names each table by its caption and each finding by row and column", async () => {
  const run = await runCli([DOCX]);
  expect(run.stdout).toContain("附件2：表1（附件2 2023年度部门（单位）整体支出绩效评价基础数据表）");
  expect(run.stdout).toMatch(/a3\.execution-score\s+表2 第3行 第9列/);
});

test("a folder of .docx and .xlsx gives one summary; a Word unit's places are text, not links", async () => {
  const folder = join(dir, "units");
  mkdirSync(folder);
  copyFileSync(join(ROOT, XLSX), join(folder, "甲单位.xlsx"));
  copyFileSync(join(ROOT, DOCX), join(folder, "乙单位.docx"));
  const out = join(dir, "汇总.xlsx");
  const run = await runCli([folder, "--summary", out]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain("2 个文件，无法读取 0 个");
  const read = await readXlsx(out);
  expect(read.ok).toBe(true);
  if (!read.ok) return;
  const issues = read.snapshot.sheets[1]!;
  const texts: string[] = [];
  issues.forEachCell?.((_r, _c, cell) => {
    if (typeof cell.value === "string") texts.push(cell.value);
  });
  expect(texts).toContain("表2 第3行 第9列");
  expect(texts).toContain("附件3!I5");
});

test(".doc and .wps files, and a broken PDF, each get one line saying what to do", async () => {
  const doc = readFileSync(join(ROOT, "test", "fixtures", "bad", "word-doc-renamed.xlsx"));
  for (const name of ["old.doc", "old.wps"]) {
    writeFileSync(join(dir, name), doc);
    const run = await runCli([join(dir, name)]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("请另存为 .docx");
  }
  writeFileSync(join(dir, "report.pdf"), "%PDF-1.7\n%âãÏÓ\n");
  const pdf = await runCli([join(dir, "report.pdf")]);
  expect(pdf.code).toBe(2);
  expect(pdf.stderr.trim().split("\n")).toHaveLength(1);
  expect(pdf.stderr).toContain("PDF 文件已损坏");
});

test("a .docx that is really a workbook is checked as the workbook it is", async () => {
  const renamed = join(dir, "really-a-workbook.docx");
  copyFileSync(join(ROOT, XLSX), renamed);
  const run = await runCli([renamed, "--format", "json"]);
  expect(run.code).toBe(1);
  expect(JSON.parse(run.stdout).source).toBeUndefined();
});

describe("hostile .docx", () => {
  test("a document part that inflates past the .docx limit: one line, before it is parsed", async () => {
    const path = join(dir, "bomb.docx");
    writeFileSync(path, buildDocx(p(" ".repeat(3 * 2 ** 20))));
    const run = await runCli([path, "--limit", "docx-mb=2"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(".docx 中单个 XML 部件解压后的大小超过上限 2 MB");
  });

  test("XXE / entity bomb: refused in one line", async () => {
    const path = join(dir, "xxe.docx");
    writeFileSync(path, zipSync({ "word/document.xml": strToU8(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="w"><w:body>${p("&x;")}</w:body></w:document>`) }));
    const run = await runCli([path]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("文档类型声明");
  });

  test("100,000 tables: refused at the table limit, in one line", async () => {
    const path = join(dir, "tables.docx");
    const one = tbl(1, [tr([tc("1")])]) + p("正文。");
    writeFileSync(path, buildDocx(one.repeat(100_000)));
    const run = await runCli([path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("工作表数（Word 报告中为表格数）超过上限 1,000 个");
  });
});

test("the sample .docx is what scripts/make-sample-docx.ts writes, byte for byte", () => {
  const out = join(dir, "regenerated.docx");
  execFileSync(process.execPath, [join(ROOT, "scripts", "run-ts.js"), join(ROOT, "scripts", "make-sample-docx.ts"), out], { cwd: ROOT, stdio: "ignore" });
  expect(Buffer.compare(readFileSync(out), readFileSync(join(ROOT, DOCX)))).toBe(0);
}, 60_000);

/**
 * The CLI on a folder an attacker or an unlucky user filled (issue 13): every file ends with its
 * own line, the good units are still checked, names are printed escaped, limits are options.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync, strToU8 } from "fflate";
import { runCli } from "../helpers/run-cli";

const SAMPLE = "assets/samples/zhuzhou-luosong-npc-2023.xlsx";
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a folder of a good unit, a FIFO, a device, a link loop, a folder linked into itself and other files: every file answered", async () => {
  const folder = join(dir, "units");
  mkdirSync(join(folder, "sub"), { recursive: true });
  copyFileSync(SAMPLE, join(folder, "good.xlsx"));
  copyFileSync(SAMPLE, join(folder, "sub", "good-in-sub.xlsm"));
  execFileSync("mkfifo", [join(folder, "pipe.xlsx")]);
  symlinkSync("/dev/zero", join(folder, "zero.xlsx"));
  symlinkSync("loop.xlsx", join(folder, "loop.xlsx"));
  symlinkSync("..", join(folder, "sub", "parent"));
  symlinkSync(".", join(folder, "self"));
  writeFileSync(join(folder, "说明.txt"), "not checked here");
  const started = Date.now();
  const run = await runCli([folder, "--format", "json"]);
  expect(Date.now() - started).toBeLessThan(60_000);
  const report = JSON.parse(run.stdout) as { files: { file: string; error?: { reason: string } }[] };
  const byName = Object.fromEntries(report.files.map((f) => [f.file.slice(folder.length + 1), f.error?.reason ?? "checked"]));
  expect(byName).toEqual({
    "good.xlsx": "checked",
    "loop.xlsx": "link-loop",
    "pipe.xlsx": "not-regular",
    "zero.xlsx": "not-regular",
    "sub/good-in-sub.xlsm": "checked",
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("已跳过：1 个非 Excel/Word/PDF 文件，2 个指向已检查文件夹的链接");
});

test("a file name with an escape sequence and a newline is printed escaped, on one line", async () => {
  const folder = join(dir, "names");
  mkdirSync(folder);
  const name = "evil\u001b[31mRED\nforged: 无法读取.xlsx";
  writeFileSync(join(folder, name), "not a workbook");
  const run = await runCli([folder]);
  expect(run.stderr).not.toContain("\u001b");
  const line = run.stderr.split("\n").find((l) => l.includes("evil"))!;
  expect(line).toContain("evil\\u001b[31mRED\\nforged: 无法读取.xlsx: 无法读取：不是 Excel 文件");
  expect(run.stdout).not.toContain("\u001b");
  expect(run.stdout.split("\n").some((l) => l.startsWith("forged"))).toBe(false);
});

test("a newline in a sheet's name does not split the report's header", async () => {
  const parts = unzipSync(new Uint8Array(readFileSync(join(__dirname, "..", "..", SAMPLE))));
  const workbook = new TextDecoder().decode(parts["xl/workbook.xml"]!).replace(/name="附件3"/, 'name="附件3&#10;伪造的一行"');
  parts["xl/workbook.xml"] = strToU8(workbook);
  const path = join(dir, "sheet-name.xlsx");
  writeFileSync(path, zipSync(parts));
  const run = await runCli([path]);
  expect(run.stdout).toContain("附件3\\n伪造的一行!");
  expect(run.stdout.split("\n").some((l) => l.startsWith("伪造的一行"))).toBe(false);
});

test("--limit raises or lowers a limit; the message names it", async () => {
  const low = await runCli([SAMPLE, "--limit", "cells=10"]);
  expect(low.code).toBe(2);
  expect(low.stderr).toContain("单元格数超过上限 10 个");
  expect(low.stderr).toContain("--limit cells=");
  expect((await runCli([SAMPLE, "--limit=cells=10000000", "--format", "json"])).code).toBe(1);
  const bad = await runCli([SAMPLE, "--limit", "bogus=3"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("--limit 没有 bogus 这一项");
});

describe("--report inputs", () => {
  test("a folder is a folder, not 'not found'", async () => {
    const run = await runCli([SAMPLE, "--report", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("这是一个文件夹，不是文件");
  });

  test("a .docx with a DTD (entity bomb, external entity) gets one line, not a parser's dump", async () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;&c;</w:t></w:r></w:p></w:body></w:document>`;
    const path = join(dir, "xxe.docx");
    writeFileSync(path, zipSync({
      "[Content_Types].xml": strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`),
      "_rels/.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
      "word/document.xml": strToU8(doc),
    }));
    const run = await runCli([SAMPLE, "--report", path]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("文档类型声明");
  });

  test("a .docx whose text inflates past the part limit is refused before mammoth unpacks it", async () => {
    const path = join(dir, "bomb.docx");
    const body = `<w:p><w:r><w:t>${"收入982.21万元。".repeat(200_000)}</w:t></w:r></w:p>`;
    writeFileSync(path, zipSync({ "word/document.xml": strToU8(`<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`) }));
    const run = await runCli([SAMPLE, "--report", path, "--limit", "part-mb=1"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("单个部件解压后的大小超过上限 1 MB");
    // The .docx's own, lower limit on XML parts (mammoth holds the whole document in memory).
    const docx = await runCli([SAMPLE, "--report", path, "--limit", "docx-mb=1"]);
    expect(docx.code).toBe(2);
    expect(docx.stderr).toContain(".docx 中单个 XML 部件解压后的大小超过上限 1 MB");
  });

  test("a text longer than the report limit is refused", async () => {
    const path = join(dir, "long.txt");
    writeFileSync(path, "收入982.21万元。".repeat(1_000));
    const run = await runCli([SAMPLE, "--report", path, "--limit", "report-chars=5000"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("报告正文长度超过上限 5,000 字");
  });
});

test("a sheet name longer than Excel allows (40 characters) is read and named as written, without library warnings", async () => {
  const parts = unzipSync(new Uint8Array(readFileSync(join(__dirname, "..", "..", SAMPLE))));
  const long = "附件3".padEnd(40, "长");
  parts["xl/workbook.xml"] = strToU8(new TextDecoder().decode(parts["xl/workbook.xml"]!).replace(/name="附件3"/, `name="${long}"`));
  const path = join(dir, "long-sheet-name.xlsx");
  writeFileSync(path, zipSync(parts));
  const run = await runCli([path, "--format", "json"]);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe("");
  expect(JSON.parse(run.stdout).findings.some((f: { sheet: string }) => f.sheet === long)).toBe(true);
});

/**
 * The installed CLI over a folder an attacker filled (issue 13): good units beside a FIFO, a device,
 * a link loop, a merge over the whole sheet, a zip bomb, a 200,000-character cell and names that
 * try to forge output or links. The run ends in bounded time, every file has its one line, and the
 * summary workbook is written with every good unit in it, its links all relative.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { readXlsx } from "../../src/adapters/xlsx/read-xlsx";
import { buildXlsx, sheetXml } from "../helpers/xlsx-parts";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx");
let dir: string;
let folder: string;

function runCli(args: readonly string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, "bin", "annex-check.js"), ...args], {
    cwd: dir, encoding: "utf8", timeout: 120_000, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" },
  });
  if (run.error || run.signal) throw new Error(`annex-check ${args.join(" ")} did not finish (${run.error?.message ?? run.signal})`);
  return run;
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "annex-folder-run-"));
  folder = join(dir, "units");
  mkdirSync(folder);
  for (const name of ["甲单位.xlsx", "乙单位.xlsx", "http:丙单位.xlsx", "丁\u001b[2J单位\n伪造.xlsx"]) copyFileSync(SAMPLE, join(folder, name));
  execFileSync("mkfifo", [join(folder, "pipe.xlsx")]);
  symlinkSync("/dev/zero", join(folder, "zero.xlsx"));
  symlinkSync("loop.xlsx", join(folder, "loop.xlsx"));
  symlinkSync(".", join(folder, "again"));
  writeFileSync(join(folder, "merge.xlsx"), buildXlsx({ sheet: sheetXml("", `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`) }));
  writeFileSync(join(folder, "long-cell.xlsx"), buildXlsx({ sheet: `<row r="1"><c r="A1" t="inlineStr"><is><t>${"长".repeat(200_000)}</t></is></c></row>` }));
  // A part that inflates to 300 MB from a few hundred KB (zeros compress ~1000:1).
  const bomb = buildXlsx({ sheet: sheetXml("", `<!--${" ".repeat(300 * 2 ** 20)}-->`) });
  writeFileSync(join(folder, "bomb.xlsx"), bomb);
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("--summary: bounded, every file answered in one line, the summary holds every good unit", () => {
  const run = runCli([folder, "--summary", "汇总.xlsx"]);
  expect(run.status).toBe(2);
  const lines = run.stderr.trim().split("\n");
  expect(run.stderr).not.toContain("\u001b");
  const about = (name: string) => lines.filter((l) => l.includes(name));
  for (const [name, words] of [
    ["pipe.xlsx", "不是普通文件"], ["zero.xlsx", "不是普通文件"], ["loop.xlsx", "循环"],
    ["merge.xlsx", "合并区域覆盖的单元格数超过上限"], ["long-cell.xlsx", "单个单元格的文字长度超过上限"],
    ["bomb.xlsx", "解压后的大小超过上限"],
  ] as const) {
    expect(about(name)).toHaveLength(1);
    expect(about(name)[0]).toContain(words);
  }
  expect(about("丁\\u001b[2J单位\\n伪造.xlsx")).toHaveLength(0); // a good unit: no line of its own
  expect(run.stderr).toContain("已写出汇总 汇总.xlsx：10 个文件，无法读取 6 个");
  expect(run.stderr).toContain("1 个指向已检查文件夹的链接");
});

test("the summary workbook: every good unit listed, every link relative", async () => {
  const path = join(dir, "汇总.xlsx");
  const read = await readXlsx(path);
  expect(read.ok).toBe(true);
  if (!read.ok) return;
  const units = read.snapshot.sheets[0]!;
  const texts: string[] = [];
  units.forEachCell?.((_r, _c, cell) => {
    if (typeof cell.value === "string") texts.push(cell.value);
  });
  // XML cannot hold most control characters: the summary's text of a name drops them (a newline stays).
  for (const name of ["甲单位.xlsx", "乙单位.xlsx", "http:丙单位.xlsx", "丁[2J单位\n伪造.xlsx"]) expect(texts.some((t) => t.endsWith(name))).toBe(true);
  const parts = unzipSync(new Uint8Array(readFileSync(path)));
  const targets = Object.entries(parts).filter(([name]) => name.endsWith(".rels") && name.includes("worksheets"))
    .flatMap(([, data]) => [...new TextDecoder().decode(data).matchAll(/Target="([^"]*)"/g)].map((m) => m[1]!));
  expect(targets.length).toBeGreaterThan(0);
  for (const target of targets) expect(target).toMatch(/^\.\.?\//);
  expect(targets.some((t) => t.includes("http%3A"))).toBe(true);
});

test("a folder check without --summary runs in workers too: one result per file, the good ones checked", () => {
  const run = runCli([folder, "--format", "json"]);
  expect(run.status).toBe(2);
  const report = JSON.parse(run.stdout) as { files: { file: string; error?: { reason: string } }[] };
  expect(report.files).toHaveLength(10);
  expect(report.files.filter((f) => !f.error)).toHaveLength(4);
});

/**
 * The web checker's flow in headless Chromium (issue 15), on the production build: drop a workbook,
 * check, apply the fixes, download the corrected copy. The download holds every zip part of the
 * input byte for byte except the corrected sheets and the styles, re-checks without the errors
 * the fixes removed, and the page made no request outside its own origin.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { useBrowserOnDist, ROOT } from "./browser";
import { readXlsx } from "../../src/adapters/xlsx/read-xlsx";
import { runCli } from "../helpers/run-cli";

const chromium = useBrowserOnDist();
const SAMPLE = join(ROOT, "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx");

/** The web checker in a fresh context, every request it makes recorded. */
async function openChecker(): Promise<{ context: BrowserContext; page: Page; pane: Locator; requests: string[] }> {
  const context = await chromium.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(chromium.url());
  const pane = page.getByTestId("pane");
  await pane.getByRole("button", { name: "一键校验" }).waitFor();
  return { context, page, pane, requests };
}

/** A real drop of the file onto the drop zone, under the given name. */
async function dropFile(page: Page, path: string, name: string, type: string): Promise<void> {
  const transfer = await page.evaluateHandle(({ data, name, type }) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const t = new DataTransfer();
    t.items.add(new File([bytes], name, { type }));
    return t;
  }, { data: readFileSync(path).toString("base64"), name, type });
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
}

/** 一键校验, then 全部修正 → 应用修正: the sample's two safe fixes written. */
async function checkAndFixAll(pane: Locator): Promise<void> {
  await pane.getByRole("button", { name: "一键校验" }).click();
  await pane.getByTestId("summary").waitFor();
  await pane.getByRole("button", { name: /^全部修正/ }).click();
  await pane.getByRole("button", { name: /^应用修正/ }).click();
  await pane.getByText("已写入 2 个单元格。").waitFor();
}

/** Requests that left the page's origin (blob: and data: URLs are the page's own). */
/** Clicks a download button and saves the file into `dir`: its suggested name and where it was saved. */
async function download(page: Page, testId: string, dir: string, file: string): Promise<{ name: string; path: string }> {
  const [started] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const path = join(dir, file);
  await started.saveAs(path);
  return { name: started.suggestedFilename(), path };
}

function foreign(requests: readonly string[]): string[] {
  const origin = new URL(chromium.url()).origin;
  return requests.filter((url) => !url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:"));
}

test("drop → check → 全部修正 → 下载修正副本: only the corrected cells changed; no request left the page's origin", async () => {
  const { context, page, pane, requests } = await openChecker();
  await dropFile(page, SAMPLE, "甲单位.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  await page.getByTestId("workbook-name").filter({ hasText: "甲单位.xlsx" }).waitFor();
  await checkAndFixAll(pane);

  const dir = mkdtempSync(join(tmpdir(), "annex-web-"));
  try {
    const { name, path: saved } = await download(page, "download-fixed", dir, "copy.xlsx");
    expect(name).toBe("甲单位-已修正.xlsx");
    const before = unzipSync(new Uint8Array(readFileSync(SAMPLE)));
    const after = unzipSync(new Uint8Array(readFileSync(saved)));
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const changed = Object.keys(before).filter((k) => Buffer.compare(Buffer.from(before[k]!), Buffer.from(after[k]!)) !== 0).sort();
    expect(changed).toEqual(["xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
    // Checked again by the CLI: no error of a rule that offers a fix is left.
    const again = await runCli([saved, "--format", "json"]);
    const checked = JSON.parse(again.stdout) as { findings: { ruleId: string; severity: string; fix?: { safe: boolean } }[] };
    expect(checked.findings.filter((f) => f.severity === "error" && f.fix?.safe)).toEqual([]);
    expect(checked.findings.map((f) => f.ruleId)).not.toContain("a3.execution-score");

    // The 校验报告, asked for, as a file of its own.
    await pane.getByRole("button", { name: "更多操作" }).click();
    await pane.getByRole("button", { name: "插入校验报告", exact: true }).click();
    await pane.getByText("已写入“校验报告”工作表。").waitFor();
    const report = await download(page, "download-report", dir, "report.xlsx");
    expect(report.name).toBe("甲单位-校验报告.xlsx");
    const reportPath = report.path;
    const reportRead = await readXlsx(reportPath);
    expect(reportRead.ok && reportRead.snapshot.sheets.map((s) => s.name)).toEqual(["校验报告"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(foreign(requests)).toEqual([]);
  await context.close();
}, 120_000);

test("the same with a Word report: its annex tables become the workbook, checked, fixed and downloaded as .xlsx", async () => {
  const { context, page, pane, requests } = await openChecker();
  await dropFile(page, join(ROOT, "assets", "samples", "zhuzhou-luosong-npc-2023.docx"), "乙单位报告.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  await page.getByTestId("workbook-name").filter({ hasText: "乙单位报告-附件表.xlsx" }).waitFor();
  await checkAndFixAll(pane);
  const dir = mkdtempSync(join(tmpdir(), "annex-web-docx-"));
  try {
    const { name, path: saved } = await download(page, "download-fixed", dir, "tables.xlsx");
    expect(name).toBe("乙单位报告-附件表.xlsx");
    const reread = await readXlsx(saved);
    if (!reread.ok) throw new Error("the downloaded workbook cannot be read");
    expect(reread.snapshot.sheets.map((s) => s.name)).toEqual(["附件2", "附件3"]);
    const again = await runCli([saved, "--format", "json"]);
    const report = JSON.parse(again.stdout) as { findings: { severity: string; fix?: { safe: boolean } }[] };
    expect(report.findings.filter((f) => f.severity === "error" && f.fix?.safe)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(foreign(requests)).toEqual([]);
  await context.close();
}, 120_000);

test("opened from a folder (file://), the web checker checks the sample without any request beyond its own files", async () => {
  const context = await chromium.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`file://${join(ROOT, "dist", "index.html")}`);
  const pane = page.getByTestId("pane");
  await pane.getByRole("button", { name: "一键校验" }).click();
  await pane.getByTestId("summary").waitFor();
  expect(requests.filter((url) => !url.startsWith("file://") && !url.startsWith("data:") && !url.startsWith("blob:"))).toEqual([]);
  await context.close();
}, 60_000);

test("导入附件表 in Chromium: the 报告正文 tab opens a .docx and writes its tables into new sheets beside the workbook's", async () => {
  const context = await chromium.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(chromium.url());
  const pane = page.getByTestId("pane");
  await pane.getByRole("button", { name: "一键校验" }).click();
  await pane.getByTestId("summary").waitFor();
  await pane.getByRole("button", { name: "更多操作" }).click();
  await pane.getByRole("button", { name: "核对报告正文", exact: true }).click();
  await pane.getByLabel("打开报告文件（.docx 或 .txt）").setInputFiles(join(ROOT, "assets", "samples", "zhuzhou-luosong-npc-2023.docx"));
  await pane.getByRole("button", { name: "导入附件表（2 张）" }).click();
  // The sample already has 附件2 and 附件3: the imported tables never write over them.
  await pane.getByText("已导入：附件2 (2)、附件3 (2)，并已重新校验。").waitFor();
  await page.getByRole("tab", { name: "附件3 (2)" }).waitFor();
  await context.close();
}, 60_000);

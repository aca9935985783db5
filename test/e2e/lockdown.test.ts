/**
 * The locked-down pages in headless Chromium (the production build, its own CSP meta, never
 * bypassed): the demo runs a check, the task pane boots outside Office with Office.js from the local
 * copy (the CDN is refused, as on an intranet that blocks it). Every request is recorded: only the
 * page's own origin and Office.js's CDN may appear. Every CSP violation (the
 * securitypolicyviolation event, and Chromium's "Refused to …" console errors) fails the test.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { Document, Packer, Paragraph } from "docx";
import type { Page } from "playwright-core";
import { ROOT, useBrowserOnDist } from "./browser";

const OFFICE_CDN = "https://appsforoffice.microsoft.com/";
const chromium = useBrowserOnDist();


interface Watched {
  page: Page;
  requests: string[];
  violations: string[];
}

/** A page whose requests and CSP violations are recorded from before its first script runs. */
async function watchedPage(): Promise<Watched> {
  const context = await chromium.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  const requests: string[] = [];
  const violations: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|evaluate|apply|connect|frame)/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
      void report(`${e.violatedDirective} blocked ${e.blockedURI || "(inline/eval)"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return { page, requests, violations };
}

function foreignHosts(requests: readonly string[]): string[] {
  return requests.filter((url) => !url.startsWith(chromium.url()) && !url.startsWith("data:") && !url.startsWith(OFFICE_CDN));
}

test("the demo runs a check with no CSP violation and no request beyond its own origin", async () => {
  const { page, requests, violations } = await watchedPage();
  await page.goto(chromium.url());
  const pane = page.getByTestId("pane");
  await pane.getByRole("button", { name: "一键校验" }).click();
  await pane.locator('li[data-rule="a3.execution-score"]').waitFor();
  // Accept a warning with a reason and write the report sheet: the pane's whole write path runs.
  const item = pane.locator('li[data-rule="x.project-spending"]');
  await item.locator("[data-card-head]").click();
  await item.getByRole("button", { name: "接受并说明" }).click();
  await item.getByRole("textbox").fill("<img src=x onerror=alert(1)>");
  await item.getByRole("button", { name: "确认" }).click();
  await item.getByText("已说明", { exact: true }).first().waitFor();
  await pane.getByRole("button", { name: "更多操作" }).click();
  await pane.getByRole("button", { name: "插入校验报告" }).click();
  await pane.getByText("已写入“校验报告”工作表。").waitFor();
  await expect(page.locator("img[src=x]").count()).resolves.toBe(0);
  await page.waitForTimeout(300); // violation events are dispatched asynchronously
  expect(violations).toEqual([]);
  expect(foreignHosts(requests)).toEqual([]);
  expect(requests.filter((url) => url.startsWith(OFFICE_CDN))).toEqual([]); // the demo never needs Office.js
  expect(requests.some((url) => url.startsWith(chromium.url()) && /demo\.js/.test(url))).toBe(true); // recording works
  await page.context().close();
}, 90000);

test("the task pane falls back to the local Office.js without a CSP violation or a foreign request", async () => {
  const { page, requests, violations } = await watchedPage();
  // As on an intranet that blocks the CDN: the loader must fall back to office/office.js.
  await page.route(`${OFFICE_CDN}**`, (route) => route.abort("internetdisconnected"));
  await page.goto(`${chromium.url()}taskpane.html`);
  // Outside Office, Office.onReady reports no host and the pane says it needs Excel.
  await page.getByText(/This add-in runs in Excel|Office\.js could not be loaded/).waitFor({ timeout: 30000 });
  await expect(page.evaluate(() => (window as unknown as { __officeSource?: string }).__officeSource)).resolves.toBe("local");
  await page.waitForTimeout(300);
  expect(violations).toEqual([]);
  expect(foreignHosts(requests)).toEqual([]);
  expect(requests.filter((url) => url.startsWith(OFFICE_CDN))).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  expect(requests.some((url) => url.startsWith(`${chromium.url()}office/office.js`))).toBe(true);
  await page.context().close();
}, 90000);

const IMG_PAYLOAD = "<img src=x onerror=alert(1)>";

test("a hostile workbook opened in the demo (exceljs chunk) shows its payloads as text, with no violation", async () => {
  const work = mkdtempSync(join(tmpdir(), "annex-lockdown-"));
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(ROOT, "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx"));
    // Recognition goes by labels, so the renamed annex is still found and its name is echoed.
    workbook.getWorksheet("附件3")!.name = IMG_PAYLOAD;
    workbook.worksheets[0]!.getCell("Z1").value = "=cmd|' /C calc'!A0";
    workbook.worksheets[0]!.getCell("Z2").value = IMG_PAYLOAD;
    const file = join(work, "hostile.xlsx");
    await workbook.xlsx.writeFile(file);

    const { page, requests, violations } = await watchedPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(chromium.url());
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByRole("tab", { name: IMG_PAYLOAD }).waitFor();
    const pane = page.getByTestId("pane");
    await pane.getByRole("button", { name: "一键校验" }).click();
    await pane.locator(`li[data-cell="${IMG_PAYLOAD}!I5"]`).waitFor();
    await pane.getByRole("button", { name: "更多操作" }).click();
    await pane.getByRole("button", { name: "插入校验报告" }).click();
    await pane.getByText("已写入“校验报告”工作表。").waitFor();
    await page.waitForTimeout(300);
    await expect(page.locator("img[src=x]").count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    expect(foreignHosts(requests)).toEqual([]);
    expect(requests.some((url) => /xlsx-reader\.[0-9a-f]+\.js/.test(url))).toBe(true); // the exceljs chunk really ran
    await page.context().close();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 90000);

test("a .docx report opened in the pane (mammoth chunk) is read as text, with no violation", async () => {
  const work = mkdtempSync(join(tmpdir(), "annex-lockdown-"));
  try {
    const text = `本单位2023年度部门整体支出绩效自评 ${IMG_PAYLOAD} =cmd|' /C calc'!A0`;
    const file = join(work, "report.docx");
    writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] })));
    const { page, requests, violations } = await watchedPage();
    await page.goto(chromium.url());
    const pane = page.getByTestId("pane");
    await pane.getByRole("button", { name: "一键校验" }).click();
    await pane.getByRole("button", { name: "更多操作" }).click();
    await pane.getByRole("button", { name: "核对报告正文" }).click();
    await pane.getByLabel("打开报告文件（.docx 或 .txt）").setInputFiles(file);
    await page.waitForFunction((expected) => [...document.querySelectorAll("textarea")].some((t) => t.value.includes(expected)), text, { timeout: 20000 });
    await page.waitForTimeout(300);
    await expect(page.locator("img[src=x]").count()).resolves.toBe(0);
    expect(violations).toEqual([]);
    expect(foreignHosts(requests)).toEqual([]);
    expect(requests.some((url) => /mammoth\.[0-9a-f]+\.js/.test(url))).toBe(true); // the mammoth chunk really ran
    await page.context().close();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 90000);

test("the page's CSP really is in force: an injected inline script and eval are refused and reported", async () => {
  const { page, violations } = await watchedPage();
  await page.goto(chromium.url());
  await page.getByTestId("pane").getByRole("button", { name: "一键校验" }).waitFor();
  const outcome = await page.evaluate(() => {
    const w = window as unknown as { __inlineRan?: boolean };
    const script = document.createElement("script");
    script.textContent = "window.__inlineRan = true";
    document.head.appendChild(script);
    // A string timer is compiled by the page itself (unlike code run through the devtools protocol).
    // eslint-disable-next-line no-implied-eval -- the string timer is the point: the CSP must refuse it
    setTimeout("window.__timerRan = true", 0);
    return new Promise<{ inlineRan: boolean; stringTimerRan: boolean }>((resolve) => {
      setTimeout(() => resolve({ inlineRan: w.__inlineRan === true, stringTimerRan: (w as { __timerRan?: boolean }).__timerRan === true }), 200);
    });
  });
  expect(outcome).toEqual({ inlineRan: false, stringTimerRan: false });
  await page.waitForTimeout(300);
  // The detector of the two tests above does see violations.
  expect(violations.some((v) => /script-src/.test(v))).toBe(true);
  await page.context().close();
}, 60000);

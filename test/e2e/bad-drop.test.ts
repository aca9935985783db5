/**
 * Bad files dropped onto the demo's DropZone in headless Chromium (the production build, as
 * demo.test.ts): a truncated download and a password-protected workbook each show their cause in
 * Chinese and English, the page keeps working (the loaded workbook stays, 一键校验 still checks),
 * and a readable bad file afterwards replaces the message with its findings.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { useBrowserOnDist } from "./browser";
import { EXPECTED, path } from "../bad-input/corpus";

const chromium = useBrowserOnDist();


async function openDemo(): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await chromium.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  await page.goto(chromium.url());
  await page.getByRole("button", { name: "一键校验" }).waitFor();
  return { page, pageErrors };
}

/** A real drop event carrying the fixture as a File, as the browser fires it. */
async function drop(page: Page, file: string): Promise<void> {
  const base64 = readFileSync(path(file)).toString("base64");
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      return transfer;
    },
    { base64, name: file },
  );
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });
}

const pane = (page: Page) => page.getByTestId("pane");

test.each(["truncated-zip.xlsx", "password-protected.xlsx"])("dropping %s: the cause in Chinese and English, the page unharmed", async (file) => {
  const expected = EXPECTED[file]!;
  if (expected.exit !== 2) throw new Error(`${file} is not an unreadable fixture`);
  const { page, pageErrors } = await openDemo();
  const before = await page.getByTestId("workbook-name").innerText();

  await drop(page, file);
  const alert = page.getByTestId("drop-zone").getByRole("alert");
  await alert.waitFor();
  const text = await alert.innerText();
  for (const word of [...expected.keywords.zh, ...expected.keywords.en]) expect(text).toContain(word);
  expect(text.indexOf("无法读取")).toBeLessThan(text.indexOf("Cannot read"));

  // The sample stays loaded and checkable.
  expect(await page.getByTestId("workbook-name").innerText()).toBe(before);
  await pane(page).getByRole("button", { name: "一键校验" }).click();
  await pane(page).locator('li[data-rule="a3.execution-score"]').waitFor();
  expect(pageErrors).toEqual([]);
  await page.context().close();
}, 90000);

test("a readable bad file after an unreadable one: the message goes, the file is checked", async () => {
  const { page, pageErrors } = await openDemo();
  await drop(page, "password-protected.xlsx");
  await page.getByTestId("drop-zone").getByRole("alert").waitFor();

  await drop(page, "only-annex3.xlsx");
  await page.getByTestId("workbook-name").getByText("only-annex3.xlsx").waitFor();
  expect(await page.getByTestId("drop-zone").getByRole("alert").count()).toBe(0);
  await pane(page).getByRole("button", { name: "一键校验" }).click();
  // "附件2 not found" is a 提示: under the 提示 filter its card says so.
  await pane(page).getByRole("button", { name: /^提示 \d+$/ }).click();
  await pane(page).getByText(/未找到附件2/).first().waitFor();
  expect(pageErrors).toEqual([]);
  await page.context().close();
}, 90000);

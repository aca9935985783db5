/**
 * The task pane end to end in headless Chromium, against the browser demo host (the production
 * build), as a finance officer uses it — at a task pane's 320 px (the whole window) and beside the
 * grid at 1280 px, in Chinese and in English:
 *   check → 修正 from a card → 接受并说明 (已说明) → filter → 下一个/上一个 (the grid's selection
 *   follows) → edit a cell in the grid and see the list update without clicking → 撤销修正.
 * At each step: nothing in the pane is clipped or wider than the pane, and axe finds no violation
 * (Fluent's hidden focus guards aside). Screenshots of each step are saved under reports/e2e/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import { ROOT, useBrowserOnDist } from "./browser";

const SHOTS = join(ROOT, "reports", "e2e");
const chromium = useBrowserOnDist();

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
  console.log(`screenshots: ${SHOTS}`);
});

type Lang = "zh" | "en";

const WORDS = {
  zh: {
    check: "一键校验", fixed: "已修正附件2!D4（60.00% → 166.67%）。", fix: /^修正：/, accept: "接受并说明", confirm: "确认", accepted: "已说明",
    acceptedCount: "2 警告（1 已说明）", warnings: "警告 2", all: /^全部 \d+$/, next: "下一条", previous: "上一条",
    auto: /^已自动重新校验，1 个问题已解决/, revert: "撤销修正", restored: "已恢复 1 个单元格。", more: "更多操作", settings: "设置", fixAll: /^全部修正/, back: "返回问题列表",
  },
  en: {
    check: "Check workbook", fixed: "Fixed 附件2!D4 (60.00% → 166.67%).", fix: /^Fix: /, accept: "Accept with reason", confirm: "Confirm", accepted: "Accepted",
    acceptedCount: "2 Warnings (1 accepted)", warnings: "Warnings 2", all: /^All \d+$/, next: "Next", previous: "Previous",
    auto: /^Re-checked automatically: 1 finding resolved/, revert: "Revert fixes", restored: "Restored 1 cell.", more: "More actions", settings: "Settings", fixAll: /^Fix all/, back: "Back to the findings",
  },
} as const;

const pane = (page: Page) => page.getByTestId("pane");
const card = (page: Page, rule: string) => pane(page).locator(`li[data-rule="${rule}"]`);
const gridValue = (page: Page, cell: string) => page.locator(`td[data-cell="${cell}"]`).getAttribute("data-value");

async function open(width: number, lang: Lang): Promise<Page> {
  const context = await chromium.browser().newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(chromium.url());
  await pane(page).getByRole("button", { name: "一键校验" }).waitFor();
  if (lang === "en") await pane(page).getByRole("button", { name: "Switch to English" }).click();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await pane(page).screenshot({ path: join(SHOTS, `${name}-pane.png`) });
}

/** Elements of the pane that stick out of it, and whether the pane scrolls sideways. */
async function clipped(page: Page): Promise<string[]> {
  return pane(page).evaluate((root) => {
    const box = root.getBoundingClientRect();
    const out = [...root.querySelectorAll<HTMLElement>("*")]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5);
      })
      .map((e) => `${e.tagName.toLowerCase()} “${(e.textContent ?? "").trim().slice(0, 30)}”`);
    if (root.scrollWidth > root.clientWidth) out.push(`pane scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    return out;
  });
}

/**
 * axe over the pane. Fluent's keyboard library (tabster) puts hidden focus guards
 * (<i data-tabster-dummy>) around some controls; axe flags them as aria-hidden-focus, but they
 * only redirect focus and are never read, so they are excluded. Everything else counts.
 */
async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[data-testid="pane"]').exclude("[data-tabster-dummy]").analyze();
  return results.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const VARIANTS: readonly [number, Lang][] = [[320, "zh"], [320, "en"], [1280, "zh"], [1280, "en"]];

describe.each(VARIANTS)("at %i px in %s", (width, lang) => {
  const w = WORDS[lang];
  const name = (step: string) => `${width}-${lang}-${step}`;

  test("check → fix from a card → accept → filter → next/previous → edit the grid, the list follows → revert", async () => {
    const page = await open(width, lang);
    await pane(page).getByRole("button", { name: w.check }).click();
    await pane(page).getByTestId("summary").waitFor();
    await shot(page, name("01-checked"));
    expect(await clipped(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);

    // 修正 on the open card writes that one cell; the next card opens and takes the focus.
    await card(page, "a2.staff-control-rate").getByRole("button", { name: w.fix }).click();
    await pane(page).getByText(w.fixed).waitFor();
    await expect(gridValue(page, "附件2!D4")).resolves.toBe("1.6667");
    await expect(card(page, "a2.staff-control-rate").count()).resolves.toBe(0);
    await page.waitForFunction(() => document.activeElement?.closest("li")?.getAttribute("data-rule") === "a3.execution-score");
    await shot(page, name("02-fixed"));

    // 接受并说明 on a warning: 已说明, and the counts say so.
    const warning = card(page, "x.project-spending");
    await warning.locator("[data-card-head]").click();
    await warning.getByRole("button", { name: w.accept }).click();
    await warning.getByRole("textbox").fill("附件2 按决算口径填报，差额 0.39 万元为代表活动经费");
    await warning.getByRole("button", { name: w.confirm }).click();
    await warning.getByText(w.accepted, { exact: true }).first().waitFor();
    await expect(pane(page).getByTestId("summary").innerText()).resolves.toContain(w.acceptedCount);
    await shot(page, name("03-accepted"));
    expect(await clipped(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);

    // The filter, then 下一个/上一个: the grid's selection follows the open card.
    await pane(page).getByRole("button", { name: w.warnings }).click();
    await expect(pane(page).locator("li[data-rule]").count()).resolves.toBe(2);
    await shot(page, name("04-filtered"));
    await pane(page).getByRole("button", { name: w.all }).click();
    await pane(page).getByRole("button", { name: w.next }).click();
    const selected = () => page.locator('td[aria-selected="true"]').getAttribute("data-cell");
    const first = await selected();
    await pane(page).getByRole("button", { name: w.previous }).click();
    await page.waitForFunction((before) => document.querySelector('td[aria-selected="true"]')?.getAttribute("data-cell") !== before, first);
    expect(await selected()).not.toBe(first);

    // Edit the wrong score in the grid (double-click, type, Enter): the pane re-checks by itself.
    await expect(card(page, "a3.execution-score").count()).resolves.toBe(1);
    await page.getByRole("tab", { name: "附件3" }).click();
    await page.locator('td[data-cell="附件3!I5"]').dblclick();
    const editor = page.getByRole("textbox", { name: "编辑 Edit 附件3!I5" });
    await editor.fill("10");
    await editor.press("Enter");
    await pane(page).getByText(w.auto).waitFor({ timeout: 10000 });
    await expect(card(page, "a3.execution-score").count()).resolves.toBe(0);
    await shot(page, name("05-live"));

    // 撤销修正 restores the cell the pane wrote; the cell the user typed stays theirs.
    await pane(page).getByRole("button", { name: w.revert }).click();
    await pane(page).getByText(w.restored).waitFor();
    await expect(gridValue(page, "附件3!I5")).resolves.toBe("10");
    await page.getByRole("tab", { name: "附件2" }).click();
    await expect(gridValue(page, "附件2!D4")).resolves.toBe("0.6");
    await shot(page, name("06-reverted"));
    expect(await clipped(page)).toEqual([]);
    await page.context().close();
  }, 120000);

  test("为什么, 全部修正 and 设置 fit the pane and pass axe", async () => {
    const page = await open(width, lang);
    await pane(page).getByRole("button", { name: w.check }).click();
    await pane(page).getByTestId("summary").waitFor();
    await card(page, "a2.staff-control-rate").getByRole("button", { name: lang === "zh" ? "为什么" : "Why" }).click();
    await card(page, "a2.staff-control-rate").getByRole("region").waitFor();
    await shot(page, name("07-why"));
    expect(await clipped(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);

    await pane(page).getByRole("button", { name: w.fixAll }).click();
    await pane(page).getByRole("checkbox").first().waitFor();
    await shot(page, name("08-fix-all"));
    expect(await clipped(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await pane(page).getByRole("button", { name: w.back }).click();

    await pane(page).getByRole("button", { name: w.more }).click();
    await pane(page).getByRole("button", { name: w.settings, exact: true }).click();
    await pane(page).getByRole("switch").waitFor();
    await shot(page, name("09-settings"));
    expect(await clipped(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  }, 90000);
});

test("the pane makes no network request outside its own origin", async () => {
  const context = await chromium.browser().newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(chromium.url());
  await pane(page).getByRole("button", { name: "一键校验" }).click();
  await pane(page).getByTestId("summary").waitFor();
  await card(page, "a2.staff-control-rate").getByRole("button", { name: "为什么" }).click();
  await card(page, "a2.staff-control-rate").getByRole("region").waitFor();
  const foreign = requests.filter((url) => !url.startsWith(chromium.url()) && !url.startsWith("data:"));
  expect(foreign).toEqual([]);
  // The link of 为什么 leads to the rule's section of the built rules page.
  const href = await card(page, "a2.staff-control-rate").getByRole("link").getAttribute("href");
  const target = new URL(href!, chromium.url());
  expect(target.hash).toBe("#a2.staff-control-rate");
  const rules = await context.newPage();
  expect((await rules.goto(target.toString()))?.status()).toBe(200);
  const heading = rules.locator('[id="a2.staff-control-rate"] h2');
  await expect(heading.textContent()).resolves.toContain("人员控制率");
  await context.close();
}, 60000);

test("a 350 px pane (?pane=350) fits as well", async () => {
  const context = await chromium.browser().newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${chromium.url()}?pane=350`);
  await pane(page).getByRole("button", { name: "一键校验" }).click();
  await pane(page).getByTestId("summary").waitFor();
  await expect(pane(page).evaluate((e) => Math.round(e.getBoundingClientRect().width))).resolves.toBe(350);
  expect(await clipped(page)).toEqual([]);
  await shot(page, "350-zh-checked");
  await context.close();
}, 60000);

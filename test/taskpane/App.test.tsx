/**
 * @jest-environment jsdom
 */
// The pane against the memory host, as a finance officer uses it: check, act on a finding from
// its card (修正 one cell, 接受并说明 and withdraw, 定位), the 全部修正 preview, revert, the report
// sheet, language switch. Cell contents are read back from the workbook, not from the pane.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { FIXED_FILL, REPORT_SHEET } from "../../src/host/ports";
import { cardOf, installResizeObserver, memoryPreferences, openCard, openFromMenu, findNotice } from "../helpers/pane-setup";

installResizeObserver();

function setup() {
  const host = new MemoryHost(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023));
  const preferences = memoryPreferences();
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} preferences={preferences} />
    </FluentProvider>,
  );
  return { host, preferences };
}

const value = (host: MemoryHost, sheet: string, row: number, col: number) => host.workbook.cell(sheet, row, col);

async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

async function check() {
  await click(screen.getByRole("button", { name: "一键校验" }));
  await screen.findByTestId("summary");
}

/** Rule ids of the cards in the order shown. */
const cardOrder = () => [...document.querySelectorAll("li[data-rule]")].map((li) => li.getAttribute("data-rule"));

test("一键校验: the counts, errors first, the first error open with its sentence and its fix", async () => {
  setup();
  await check();
  const summary = screen.getByTestId("summary").textContent!;
  expect(summary).toContain("2 错误");
  expect(summary).toContain("2 警告");
  expect(summary).toContain("98.00");
  expect(summary).toMatch(/校验时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  // Errors, then warnings; the 7 提示 are folded under one line.
  expect(cardOrder()).toEqual(["a2.staff-control-rate", "a3.execution-score", "a3.expense-breakdown", "x.project-spending"]);
  expect(screen.getByText("7 条提示")).toBeTruthy();
  const first = cardOf("a2.staff-control-rate", "附件2!D4");
  expect(first.getAttribute("data-current")).toBe("true");
  expect(within(first).getByText(/恰为其倒数/)).toBeTruthy();
  // Expected and found in the cell's own format, and the fix says what it writes.
  expect(first.textContent).toContain("应为 166.67%");
  expect(first.textContent).toContain("表中 60.00%");
  expect(within(first).getByRole("button", { name: "修正：60.00% → 166.67%" })).toBeTruthy();
  // An amount carries its unit.
  expect(cardOf("a3.expense-breakdown").textContent).toContain("应为 982.21 万元");
});

test("修正 on a card writes that one cell, the card goes, the next one opens and takes the focus", async () => {
  const { host } = setup();
  await check();
  const before = host.workbook.read();
  await click(within(cardOf("a2.staff-control-rate")).getByRole("button", { name: /^修正/ }));
  await findNotice("已修正附件2!D4（60.00% → 166.67%）。");
  expect(value(host, "附件2", 3, 3)).toMatchObject({ value: 1.6667, numberFormat: "0.00%", fill: FIXED_FILL });
  expect(value(host, "附件3", 4, 8)).toEqual(before.sheets[1]!.cell(4, 8)); // the other error is untouched
  expect(cardOrder()[0]).toBe("a3.execution-score");
  await waitFor(() => expect(cardOf("a3.execution-score").getAttribute("data-current")).toBe("true"));
  await waitFor(() => expect(document.activeElement).toBe(cardOf("a3.execution-score").querySelector("[data-card-head]")));
  expect(screen.getByTestId("summary").textContent).toContain("1 错误");
  // 撤销修正 restores it.
  await click(screen.getByRole("button", { name: "撤销修正" }));
  await findNotice(/已恢复 1 个单元格/);
  expect(value(host, "附件2", 3, 3)).toEqual(before.sheets[0]!.cell(3, 3));
});

test("clicking a card, or its 定位, selects the finding's cell in the workbook", async () => {
  const { host } = setup();
  await check();
  await openCard("a3.execution-score", "附件3!I5");
  await waitFor(() => expect(host.selection).toEqual({ sheet: "附件3", row: 4, col: 8 }));
  await click(screen.getByRole("button", { name: "定位 附件3!I5" }));
  expect(host.selection).toEqual({ sheet: "附件3", row: 4, col: 8 });
});

test("全部修正 previews every cell in its own format, ticks safe fixes only, writes exactly the ticked ones", async () => {
  const { host } = setup();
  await check();
  const before = host.workbook.read();
  await click(screen.getByRole("button", { name: "全部修正（2）" }));
  // (jsdom's name computation puts a space after the address's own span; browsers do not.)
  const d4 = (await screen.findByRole("checkbox", { name: /^附件2!D4\s?：60.00% → 166.67%$/ })) as HTMLInputElement;
  const i5 = screen.getByRole("checkbox", { name: /^附件3!I5\s?：98.00 → 10.00$/ }) as HTMLInputElement;
  const h26 = screen.getByRole("checkbox", { name: /附件3!H26/ }) as HTMLInputElement;
  expect([d4.checked, i5.checked, h26.checked]).toEqual([true, true, false]);
  await click(d4); // the user unticks the control rate
  await click(screen.getByRole("button", { name: /^应用修正/ }));
  await findNotice(/已写入 1 个单元格/);
  expect(value(host, "附件3", 4, 8)).toMatchObject({ value: 10, fill: FIXED_FILL });
  expect(value(host, "附件2", 3, 3)?.value).toBe(0.6);
  const after = host.workbook.read();
  for (const sheet of before.sheets) {
    const now = after.sheets.find((s) => s.name === sheet.name)!;
    for (let r = 0; r < sheet.rowCount; r++) {
      for (let c = 0; c < sheet.colCount; c++) {
        if (sheet.name === "附件3" && r === 4 && c === 8) continue;
        expect(now.cell(r, c)).toEqual(sheet.cell(r, c));
      }
    }
  }
  // Back on the findings, the notice has the focus (not the page body).
  await waitFor(() => expect(document.activeElement?.getAttribute("role")).toBe("status"));
  await click(screen.getByRole("button", { name: "撤销修正" }));
  await findNotice(/已恢复 1 个单元格/);
  expect(value(host, "附件3", 4, 8)).toEqual(before.sheets[1]!.cell(4, 8));
});

test("接受并说明: 已说明 with the reason, the counts say so, it reaches the report sheet, and can be withdrawn", async () => {
  const { host } = setup();
  await check();
  const card = await openCard("x.project-spending", "附件3!F8");
  await click(within(card).getByRole("button", { name: "接受并说明" }));
  const box = await within(card).findByRole("textbox");
  await waitFor(() => expect(document.activeElement).toBe(box));
  fireEvent.change(box, { target: { value: "附件2 按决算口径填报，差额为代表活动经费" } });
  await click(within(card).getByRole("button", { name: "确认" }));
  await within(cardOf("x.project-spending")).findByText("已说明");
  expect(screen.getByTestId("summary").textContent).toContain("2 警告（1 已说明）");
  expect(cardOf("x.project-spending").textContent).toContain("附件2 按决算口径填报，差额为代表活动经费");
  expect(document.activeElement).toBe(within(cardOf("x.project-spending")).getByRole("button", { name: "撤回说明" }));
  expect((await host.loadReviewNotes())[0]).toMatchObject({ ruleId: "x.project-spending", sheet: "附件3", cell: "F8" });

  await openFromMenu("插入校验报告");
  await findNotice(/已写入“校验报告”工作表/);
  const report = host.workbook.sheet(REPORT_SHEET)!;
  const rows = Array.from({ length: report.rowCount }, (_, r) => Array.from({ length: report.colCount }, (_, c) => report.cell(r, c)?.value ?? null));
  const accepted = rows.find((r) => r[0] === "x.project-spending")!;
  expect(accepted[7]).toBe("已说明");
  expect(accepted[8]).toBe("附件2 按决算口径填报，差额为代表活动经费");

  await click(within(cardOf("x.project-spending")).getByRole("button", { name: "撤回说明" }));
  await findNotice("已撤回 附件3!F8 的审核说明。");
  expect(await host.loadReviewNotes()).toEqual([]);
  expect(screen.getByTestId("summary").textContent).not.toContain("已说明");
  expect(within(cardOf("x.project-spending")).queryByText("已说明")).toBeNull();
});

test("the filter shows one severity; 提示 unfold; 下一个/上一个 walk the list and select each cell", async () => {
  const { host } = setup();
  await check();
  await click(screen.getByRole("button", { name: "提示 7" }));
  expect(cardOrder()).toHaveLength(7);
  expect(cardOrder().every((id) => id !== "a2.staff-control-rate")).toBe(true);
  await click(screen.getByRole("button", { name: "警告 2" }));
  expect(cardOrder()).toEqual(["a3.expense-breakdown", "x.project-spending"]);
  await click(screen.getByRole("button", { name: "全部 11" }));
  expect(cardOrder()).toHaveLength(4);
  await click(screen.getByRole("button", { name: "展开" }));
  expect(cardOrder()).toHaveLength(11);
  await click(screen.getByRole("button", { name: "收起" }));
  expect(cardOrder()).toHaveLength(4);

  // The warning chosen under the filter is still current: 下一个 goes to the next one and selects its cell.
  expect(cardOf("a3.expense-breakdown").getAttribute("data-current")).toBe("true");
  await click(screen.getByRole("button", { name: "下一条" }));
  expect(cardOf("x.project-spending").getAttribute("data-current")).toBe("true");
  await waitFor(() => expect(host.selection).toEqual({ sheet: "附件3", row: 7, col: 5 }));
  expect(screen.getByText("第 4 条，共 11 条")).toBeTruthy();
  await click(screen.getByRole("button", { name: "上一条" }));
  await click(screen.getByRole("button", { name: "上一条" }));
  await click(screen.getByRole("button", { name: "上一条" }));
  expect(cardOf("a2.staff-control-rate").getAttribute("data-current")).toBe("true");
  expect(screen.getByText("第 1 条，共 11 条")).toBeTruthy();
  await click(screen.getByRole("button", { name: "上一条" }));
  // Past the first, round to the last: a 提示, which unfolds to show it.
  expect(screen.getByText("第 11 条，共 11 条")).toBeTruthy();
  expect(cardOrder()).toHaveLength(11);
});

test("为什么 shows the rule, its formula and the figures of this table it used, in one language", async () => {
  setup();
  await check();
  const card = cardOf("a2.staff-control-rate");
  await click(within(card).getByRole("button", { name: "为什么" }));
  const why = await within(card).findByRole("region", { name: "为什么" });
  expect(why.textContent).toContain("人员控制率");
  expect(why.textContent).toContain("a2.staff-control-rate");
  expect(why.textContent).toContain("附件2!D4 = 60.00%"); // a rate reads one way, whatever the cell's format
  expect(why.textContent).toContain("附件2!C4 = 35");
  expect(why.textContent).not.toMatch(/Checks|\{Y/);
  expect(within(why).getByRole("link", { name: "查看规则说明" }).getAttribute("href")).toBe("rules.html#a2.staff-control-rate");
});

test("switching to English relabels the pane, the notice too, and is remembered", async () => {
  const { preferences } = setup();
  await check();
  await click(within(cardOf("a2.staff-control-rate")).getByRole("button", { name: /^修正/ }));
  await findNotice("已修正附件2!D4（60.00% → 166.67%）。");
  await click(screen.getByRole("button", { name: "Switch to English" }));
  expect(screen.getByRole("button", { name: "Check again" })).toBeTruthy();
  await findNotice("Fixed 附件2!D4 (60.00% → 166.67%).");
  expect(document.querySelector("[data-intent]")!.textContent).not.toMatch(/已修正/);
  expect(cardOf("a3.execution-score").textContent).toMatch(/The execution score should be 10.00/);
  expect(screen.getByTestId("summary").textContent).toContain("1 Error");
  expect(preferences.saved.at(-1)?.lang).toBe("en");
});

test("a check where Excel could not report merged areas says so, and what it means for fixes", async () => {
  class NoMergesHost extends MemoryHost {
    override async read() {
      const read = await super.read();
      return read.ok ? { ...read, mergesUnknown: "failed" as const } : read;
    }
  }
  const host = new NoMergesHost(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023));
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} preferences={memoryPreferences()} />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
  const notice = await findNotice("合并单元格过多（超过 512 个）");
  expect(notice.dataset["intent"]).toBe("warning");
  expect(notice.textContent).toContain("修正不会写入空单元格");
});

/**
 * @jest-environment jsdom
 */
// The pane against the memory host: check, preview, apply, revert, accept with a reason, report,
// language switch. Cell contents are read back from the workbook, not from the pane.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { FIXED_FILL, REPORT_SHEET } from "../../src/host/ports";
import { installResizeObserver, memoryPreferences } from "../helpers/pane-setup";

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

async function check() {
  fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
  await screen.findByTestId("summary");
}

test("一键校验 shows the seed's findings, grouped by annex, with the summary", async () => {
  setup();
  await check();
  expect(screen.getByTestId("summary").textContent).toContain("2 错误");
  expect(screen.getByTestId("summary").textContent).toContain("98.00");
  const annex3 = screen.getByRole("region", { name: "附件3" });
  expect(within(annex3).getByText(/执行率得分应为 10.00/)).toBeTruthy();
  expect(screen.getByText(/恰为其倒数/)).toBeTruthy();
});

test("clicking 定位 selects the finding's cell in the workbook", async () => {
  const { host } = setup();
  await check();
  fireEvent.click(screen.getByRole("button", { name: "定位 附件3!I5" }));
  await waitFor(() => expect(host.selection).toEqual({ sheet: "附件3", row: 4, col: 8 }));
});

test("the fix preview ticks safe fixes only; apply writes exactly the ticked cells; revert restores them", async () => {
  const { host } = setup();
  await check();
  const before = host.workbook.read();
  fireEvent.click(screen.getByRole("tab", { name: "修正预览" }));
  const d4 = screen.getByRole("checkbox", { name: /附件2!D4/ }) as HTMLInputElement;
  const i5 = screen.getByRole("checkbox", { name: /附件3!I5/ }) as HTMLInputElement;
  const h26 = screen.getByRole("checkbox", { name: /附件3!H26/ }) as HTMLInputElement;
  expect([d4.checked, i5.checked, h26.checked]).toEqual([true, true, false]);
  fireEvent.click(d4); // the user unticks the control rate
  fireEvent.click(screen.getByRole("button", { name: "应用修正" }));
  await screen.findByText(/已写入 1 个单元格/);
  expect(value(host, "附件3", 4, 8)).toMatchObject({ value: 10, fill: FIXED_FILL });
  expect(value(host, "附件2", 3, 3)?.value).toBe(0.6);
  // nothing else changed
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
  fireEvent.click(screen.getByRole("button", { name: "撤销修正" }));
  await screen.findByText(/已恢复 1 个单元格/);
  expect(value(host, "附件3", 4, 8)).toEqual(before.sheets[1]!.cell(4, 8));
});

test("接受并说明 stores the reason in the workbook and the report sheet shows it", async () => {
  const { host } = setup();
  await check();
  const item = screen.getByText(/附件3 项目支出 70.66/).closest("li")!;
  fireEvent.click(within(item).getByRole("button", { name: "接受并说明" }));
  fireEvent.change(within(item).getByRole("textbox"), { target: { value: "附件2 按决算口径填报，差额为代表活动经费" } });
  fireEvent.click(within(item).getByRole("button", { name: "确认" }));
  await within(item).findByText("已说明");
  expect((await host.loadReviewNotes())[0]).toMatchObject({ ruleId: "x.project-spending", sheet: "附件3", cell: "F8" });
  fireEvent.click(screen.getByRole("button", { name: "插入校验报告" }));
  await screen.findByText(/已写入“校验报告”工作表/);
  const report = host.workbook.sheet(REPORT_SHEET)!;
  const rows = Array.from({ length: report.rowCount }, (_, r) => Array.from({ length: report.colCount }, (_, c) => report.cell(r, c)?.value ?? null));
  const accepted = rows.find((r) => r[0] === "x.project-spending")!;
  expect(accepted[7]).toBe("已说明");
  expect(accepted[8]).toBe("附件2 按决算口径填报，差额为代表活动经费");
  expect(report.cell(rows.indexOf(accepted), 3)?.link).toBe("附件3!F8".replace(/^(.*)!/, "'$1'!"));
});

test("switching to English relabels the pane and is remembered", async () => {
  const { preferences } = setup();
  await check();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Switch to English" })));
  expect(screen.getByRole("button", { name: "Check again" })).toBeTruthy();
  expect(screen.getByText(/The execution score should be 10.00/)).toBeTruthy();
  expect(preferences.saved.at(-1)?.lang).toBe("en");
});

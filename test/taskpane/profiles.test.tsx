/**
 * @jest-environment jsdom
 */
// The pane and the form profiles: the header says which form was recognized and why; a workbook of
// several project tables lists them and groups the findings by project; the setting that forces a
// form is used on the next check and remembered.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { projectTablesOnOneSheet, projectWorkbook } from "../helpers/project-forms";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { installResizeObserver, memoryPreferences, openCard, openFromMenu } from "../helpers/pane-setup";

installResizeObserver();


const PROJECTS = projectWorkbook(projectTablesOnOneSheet("项目自评", [
  { project: "农村公路养护项目" },
  { project: "乡村学校校舍维修项目", funds: { score: 10 }, total: { weight: 100, score: 98 } },
]));

function setup(spec = PROJECTS, preferences = memoryPreferences()) {
  const host = new MemoryHost(MemoryWorkbook.fromSpec(spec));
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} preferences={preferences} />
    </FluentProvider>,
  );
  return { host, preferences };
}

async function check() {
  fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
  await screen.findByTestId("summary");
}

test("a workbook of project tables: the header names the form and why, and lists the projects", async () => {
  setup();
  await check();
  const profile = screen.getByTestId("profile").textContent!;
  expect(profile).toContain("财政部 项目支出绩效自评表");
  expect(profile).toContain("依据：标题为“项目支出绩效自评表”");
  expect(screen.getByText(/找到 2 张自评表：农村公路养护项目、乡村学校校舍维修项目/)).toBeTruthy();
});

test("with several projects, each card names its project: the wrong score under its own", async () => {
  setup();
  await check();
  const cards = [...document.querySelectorAll<HTMLElement>('li[data-rule="a3.execution-score"]')];
  expect(cards).toHaveLength(1);
  expect(cards[0]!.textContent).toContain("表：乡村学校校舍维修项目");
  const card = await openCard("a3.execution-score");
  expect(card.textContent).toMatch(/执行率得分应为 9.50/);
});

test("the 湖南 annexes keep their 附件2 / 附件3 header", async () => {
  setup(zhuzhouLuosongNpc2023);
  await check();
  expect(screen.getByTestId("profile").textContent).toContain("湖南 部门整体支出绩效自评");
  expect(screen.getByText(/附件2 基础数据表：附件2!A1:G28/)).toBeTruthy();
});

test("forcing a form in the settings re-reads the workbook with it, says so, and is remembered", async () => {
  const { preferences } = setup();
  await check();
  await openFromMenu("设置");
  fireEvent.click(await screen.findByRole("radio", { name: "四川 部门预算项目支出绩效自评表" }));
  expect(preferences.saved[preferences.saved.length - 1]!.profile).toBe("sichuan-project");
  fireEvent.click(screen.getByRole("button", { name: "返回问题列表" }));
  await waitFor(() => expect(screen.getByTestId("profile").textContent).toContain("四川 部门预算项目支出绩效自评表已在设置中指定"));
  await openFromMenu("设置");
  fireEvent.click(await screen.findByRole("radio", { name: "自动识别" }));
  expect(preferences.saved[preferences.saved.length - 1]!.profile).toBeUndefined();
  fireEvent.click(screen.getByRole("button", { name: "返回问题列表" }));
  await waitFor(() => expect(screen.getByTestId("profile").textContent).toMatch(/财政部 项目支出绩效自评表依据/));
});

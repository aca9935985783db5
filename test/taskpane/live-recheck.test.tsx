/**
 * @jest-environment jsdom
 */
// Live re-check: the user edits a cell of a table (through the memory host, as the demo grid
// does) and the list updates by itself after a pause, saying what was resolved and marking what
// is new; the pane's own writes never trigger it; switched off, nothing happens.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { DEFAULT_PREFERENCES, type Preferences } from "../../src/taskpane/preferences";
import { LIVE_DELAY_MS } from "../../src/taskpane/state/useChecker";
import { cardOf, installResizeObserver, memoryPreferences, findNotice } from "../helpers/pane-setup";

installResizeObserver();

function setup(initial: Preferences = DEFAULT_PREFERENCES) {
  const host = new MemoryHost(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023));
  let reads = 0;
  const read = host.read.bind(host);
  host.read = () => {
    reads += 1;
    return read();
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} preferences={memoryPreferences(initial)} />
    </FluentProvider>,
  );
  return { host, reads: () => reads };
}

async function check() {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
  });
  await screen.findByTestId("summary");
}

const rules = () => [...document.querySelectorAll("li[data-rule]")].map((li) => li.getAttribute("data-rule"));
const I5 = { sheet: "附件3", row: 4, col: 8 };
const pause = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

test("typing the right score into the table re-checks by itself: the error is gone, the notice says so", async () => {
  const { host, reads } = setup();
  await check();
  expect(rules()).toContain("a3.execution-score");
  const before = reads();
  act(() => void host.edit(I5, "10"));
  // Nothing before the pause is over (typing a column of figures checks once, at the end).
  await pause(LIVE_DELAY_MS / 2);
  expect(reads()).toBe(before);
  await findNotice("已自动重新校验，1 个问题已解决。", 4000);
  expect(reads()).toBe(before + 1);
  expect(rules()).not.toContain("a3.execution-score");
  expect(screen.getByTestId("summary").textContent).toContain("（自动）");
});

test("a new mistake is marked 新", async () => {
  const { host } = setup();
  await check();
  act(() => void host.edit({ sheet: "附件3", row: 13, col: 7 }, "99")); // a 得分 far above its 分值
  // The score out of range, and what it throws off: the 总分 and the suggested score of that row.
  await findNotice("已自动重新校验，新增 3 个问题。", 4000);
  const fresh = [...document.querySelectorAll<HTMLElement>("li[data-new]")];
  expect(fresh.map((li) => `${li.dataset["rule"]} ${li.dataset["cell"]}`)).toContain("a3.score-range 附件3!H14");
  expect(fresh).toHaveLength(3);
  for (const li of fresh) expect(li.textContent).toContain("新");
});

test("a cell outside every table changes nothing; the pane's own fix does not re-check twice", async () => {
  const { host, reads } = setup();
  await check();
  const before = reads();
  act(() => void host.edit({ sheet: "附件3", row: 60, col: 20 }, "note"));
  await pause(LIVE_DELAY_MS * 2);
  expect(reads()).toBe(before);
  await act(async () => {
    fireEvent.click(within(cardOf("a2.staff-control-rate")).getByRole("button", { name: /^修正/ }));
  });
  await findNotice(/已修正附件2!D4/);
  const afterFix = reads();
  await pause(LIVE_DELAY_MS * 2);
  expect(reads()).toBe(afterFix);
  expect([...document.querySelectorAll("[data-intent]")].map((n) => n.textContent).join("")).not.toMatch(/已自动重新校验/);
});

test("switched off in the settings, an edit waits for 重新校验", async () => {
  const { host, reads } = setup({ ...DEFAULT_PREFERENCES, live: false });
  await check();
  const before = reads();
  act(() => void host.edit(I5, "10"));
  await pause(LIVE_DELAY_MS * 2);
  expect(reads()).toBe(before);
  await waitFor(() => expect(rules()).toContain("a3.execution-score"));
});

/**
 * @jest-environment jsdom
 */
// The pane shows hostile workbook text (sheet names, indicator names and values echoed in
// findings) and hostile typed reasons as literal text: no element is ever created from them.
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { DEFAULT_PREFERENCES } from "../../src/taskpane/preferences";
import { REPORT_SHEET } from "../../src/host/ports";
import { hostileSample, IMG } from "./payloads";
import { installResizeObserver, findNotice, openCard, openFromMenu } from "../helpers/pane-setup";

installResizeObserver();

const SCRIPT = "<script>window.__pwned = true</script>";
const LINK = "[click](javascript:alert(1))";
const FORMULA = "=cmd|' /C calc'!A0";

let alerts: jest.SpyInstance;
beforeEach(() => {
  alerts = jest.spyOn(window, "alert").mockImplementation(() => undefined);
});
afterEach(() => alerts.mockRestore());

function setup() {
  // 附件3 itself is called <img …>: every finding on it echoes the name in its cell reference.
  const host = new MemoryHost(MemoryWorkbook.fromSpec(hostileSample([IMG, SCRIPT, LINK, FORMULA], IMG)));
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} preferences={{ load: () => DEFAULT_PREFERENCES, save: () => undefined }} />
    </FluentProvider>,
  );
  return host;
}

/** Elements a payload would have created if it had been parsed as HTML. */
function injected(): string[] {
  return [...document.querySelectorAll("img, script, a[href], iframe, object")].map((el) => el.outerHTML);
}

test("workbook text with markup is rendered as literal text, never as elements", async () => {
  setup();
  fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
  await screen.findByTestId("summary");
  // Open every card (提示 unfolded) so every sentence is on the page at some point.
  const unfold = screen.queryByRole("button", { name: "展开" });
  if (unfold) await act(async () => fireEvent.click(unfold));
  let text = document.body.textContent ?? "";
  for (const li of [...document.querySelectorAll<HTMLElement>("li[data-rule]")]) {
    await act(async () => fireEvent.click(li.querySelector<HTMLElement>("[data-card-head]")!));
    text += document.body.textContent ?? "";
    expect(injected()).toEqual([]);
  }
  // The findings really echo the payloads (else this test would prove nothing).
  for (const payload of [IMG, SCRIPT, LINK, FORMULA]) expect({ payload, shown: text.includes(payload) }).toEqual({ payload, shown: true });
  await openCard("a3.execution-score", `${IMG}!I5`);
  expect(screen.getByRole("button", { name: `定位 ${IMG}!I5` })).toBeTruthy();
  expect(injected()).toEqual([]);
  expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  expect(alerts).not.toHaveBeenCalled();
});

test("a reason typed with a payload is stored verbatim and shown as text, also in the report sheet", async () => {
  const host = setup();
  fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
  await screen.findByTestId("summary");
  const reason = `${IMG} ${FORMULA} ${SCRIPT}`;
  const item = await openCard("x.project-spending");
  fireEvent.click(within(item).getByRole("button", { name: "接受并说明" }));
  fireEvent.change(await within(item).findByRole("textbox"), { target: { value: reason } });
  fireEvent.click(within(item).getByRole("button", { name: "确认" }));
  await within(item).findByText("已说明");
  expect((await host.loadReviewNotes()).map((n) => n.reason)).toEqual([reason]);
  expect(item.textContent).toContain(reason);
  await openFromMenu("插入校验报告");
  await findNotice(/已写入“校验报告”工作表/);
  const report = host.workbook.sheet(REPORT_SHEET)!;
  const cells = Array.from({ length: report.rowCount }, (_, r) => Array.from({ length: report.colCount }, (_, c) => report.cell(r, c))).flat();
  expect(cells.some((c) => c?.value === reason)).toBe(true);
  expect(cells.filter((c) => c?.formula !== undefined)).toEqual([]);
  expect(injected()).toEqual([]);
  expect(alerts).not.toHaveBeenCalled();
});

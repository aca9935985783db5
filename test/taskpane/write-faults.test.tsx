/**
 * @jest-environment jsdom
 */
// A write that fails must reach the user with the host's own words: which sheet, and whether
// the workbook was left as it was. The pane runs against a MemoryHost whose writes fail.
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { DEFAULT_PREFERENCES, type PreferenceStore } from "../../src/taskpane/preferences";
import { REVERT_LOG_KEY, type ApplyOptions, type ApplyOutcome, type HostError } from "../../src/host/ports";
import { hostErrorFromOffice } from "../../src/adapters/office/errors";
import type { CellEdit } from "../../src/core";
import { installResizeObserver, findNotice } from "../helpers/pane-setup";

installResizeObserver();

/** A memory host whose next apply answers with `failure` instead of writing. */
class FailingHost extends MemoryHost {
  failure: HostError | Error | null = null;

  override async apply(edits: readonly CellEdit[], options?: ApplyOptions): Promise<ApplyOutcome> {
    const failure = this.failure;
    if (failure instanceof Error) throw failure;
    if (failure) return failure;
    return super.apply(edits, options);
  }
}

function setup() {
  const host = new FailingHost(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023));
  const preferences: PreferenceStore = { load: () => DEFAULT_PREFERENCES, save: () => undefined };
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} preferences={preferences} />
    </FluentProvider>,
  );
  return host;
}

/** Clicks and lets the host call it starts settle, so React sees every state update in act(). */
async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

async function checkThenApply() {
  await click(screen.getByRole("button", { name: "一键校验" }));
  await screen.findByTestId("summary");
  await click(screen.getByRole("button", { name: /^全部修正/ }));
  await click(await screen.findByRole("button", { name: /^应用修正/ }));
}

test("a sheet protected after the check: the pane says which sheet and that nothing was changed", async () => {
  const host = setup();
  await click(screen.getByRole("button", { name: "一键校验" }));
  await screen.findByTestId("summary");
  host.workbook.sheet("附件3")!.protected = true;
  const before = host.workbook.read();
  await click(screen.getByRole("button", { name: /^全部修正/ }));
  await click(await screen.findByRole("button", { name: /^应用修正/ }));
  await findNotice(/工作表“附件3”受保护，未做任何修改/);
  expect(host.workbook.read()).toEqual(before);
  expect(host.settings.has(REVERT_LOG_KEY)).toBe(false);
});

test("a write batch that failed and was rolled back: the Office wording reaches the user", async () => {
  const host = setup();
  host.failure = hostErrorFromOffice({ code: "Conflict" }, true);
  await checkThenApply();
  await findNotice(/共同编辑者.*工作簿未做任何修改/);
});

test("a rollback that failed too: the pane warns that the workbook may be partly changed", async () => {
  const host = setup();
  host.failure = hostErrorFromOffice({ code: "GeneralException" }, false);
  await checkThenApply();
  await findNotice(/工作簿可能已被部分修改，请检查/);
});

test("a host that throws instead of answering: the pane still reports that the operation did not finish", async () => {
  const host = setup();
  host.failure = new Error("connection reset");
  await checkThenApply();
  await findNotice(/操作未完成：connection reset/);
});

test("a revert log damaged by hand: 撤销修正 says so and nothing changes", async () => {
  const host = setup();
  await checkThenApply();
  await findNotice(/已写入 2 个单元格/);
  host.settings.set(REVERT_LOG_KEY, "{ broken");
  const before = host.workbook.read();
  await click(screen.getByRole("button", { name: "撤销修正" }));
  await findNotice(/修正记录已损坏.*未做任何修改/);
  expect(host.workbook.read()).toEqual(before);
});

/**
 * @jest-environment jsdom
 */
// The pane's 一键校验 against the Office host over the Excel fake: the whole check (both tables,
// the review notes, whether 撤销修正 is enabled) costs one Excel.run of at most 2 syncs. With live
// re-check on, the pane then registers its change handler once (1 sync on ExcelApi 1.9+), and a
// second check does not register it again.
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../../src/taskpane/components/App";
import { DEFAULT_PREFERENCES } from "../../../src/taskpane/preferences";
import { installResizeObserver, memoryPreferences } from "../../helpers/pane-setup";
import { setup } from "./helpers";

installResizeObserver();

function renderPane(live: boolean) {
  const { fake, host } = setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} preferences={memoryPreferences({ ...DEFAULT_PREFERENCES, live })} />
    </FluentProvider>,
  );
  return fake;
}

async function check(fake: ReturnType<typeof renderPane>): Promise<{ syncs: number; runs: number }> {
  // Whatever the pane does on opening is not part of the check.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  const syncs = fake.syncCount;
  const runs = fake.runCount;
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: /^(一键校验|重新校验)$/ }));
  });
  await screen.findByTestId("summary");
  return { syncs: fake.syncCount - syncs, runs: fake.runCount - runs };
}

test("一键校验 over Excel: one Excel.run, at most 2 syncs", async () => {
  const fake = renderPane(false);
  expect(await check(fake)).toEqual({ syncs: 2, runs: 1 });
});

test("with live re-check: the check still costs 2 syncs; watching costs 1 more, once", async () => {
  const fake = renderPane(true);
  const before = fake.syncCount;
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
  });
  await screen.findByTestId("summary");
  await waitFor(() => expect(fake.syncCount - before).toBe(3));
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  expect(fake.syncCount - before).toBe(3);
  // A second check: 2 syncs, no new registration.
  expect(await check(fake)).toEqual({ syncs: 2, runs: 1 });
});

/**
 * @jest-environment jsdom
 */
// The pane's 一键校验 against the Office host over the Excel fake: the whole check (both tables,
// the review notes, whether 撤销修正 is enabled) costs one Excel.run of at most 2 syncs.
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../../src/taskpane/components/App";
import { installResizeObserver, memoryPreferences } from "../../helpers/pane-setup";
import { setup } from "./helpers";

installResizeObserver();

test("一键校验 over Excel: one Excel.run, at most 2 syncs", async () => {
  const { fake, host } = setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} preferences={memoryPreferences()} />
    </FluentProvider>,
  );
  // Whatever the pane does on opening is not part of the check.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const syncs = fake.syncCount;
  const runs = fake.runCount;
  fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
  await screen.findByTestId("summary");
  expect({ syncs: fake.syncCount - syncs, runs: fake.runCount - runs }).toEqual({ syncs: 2, runs: 1 });
});

/**
 * @jest-environment jsdom
 */
// 插入空白模板 in the pane, against the memory host: the sheets land in the workbook with the
// description's formulas; an existing 附件2 refuses the insert and offers "附件2 (2)".
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { SparseSheet } from "../../src/core/grid/workbook";
import { buildTemplate } from "../../src/core/template";
import { validate } from "../../src/core";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { DEFAULT_PREFERENCES, type PreferenceStore, type Preferences } from "../../src/taskpane/preferences";
import type { WorkbookHost } from "../../src/host/ports";
import { installResizeObserver, menuItems, openFromMenu } from "../helpers/pane-setup";

async function openFromMenuItems(check: (items: string[]) => void): Promise<void> {
  check(await menuItems());
}

installResizeObserver();

function store(initial: Preferences = DEFAULT_PREFERENCES): PreferenceStore {
  const saved: Preferences[] = [];
  return { load: () => saved[saved.length - 1] ?? initial, save: (p) => void saved.push(p) };
}

function renderWith(host: WorkbookHost, lang: "zh" | "en" = "zh") {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} preferences={store({ ...DEFAULT_PREFERENCES, lang })} />
    </FluentProvider>,
  );
}

function emptyHost(): MemoryHost {
  return new MemoryHost(new MemoryWorkbook({ sheets: [new SparseSheet("Sheet1")] }));
}

describe("插入空白模板 in the pane", () => {
  test("year and 50-30-10 chosen: both sheets inserted with the description's formulas, and the checker finds them", async () => {
    const host = emptyHost();
    renderWith(host);
    await openFromMenu("插入空白模板");
    const year = (await screen.findByRole("textbox", { name: "年度" }));
    fireEvent.change(year, { target: { value: "2026" } });
    fireEvent.click(screen.getByRole("radio", { name: /产出50/ }));
    fireEvent.click(screen.getByRole("button", { name: "插入" }));
    await screen.findByText(/已插入空白模板：附件2、附件3/);
    expect(host.workbook.sheetNames()).toEqual(["Sheet1", "附件2", "附件3"]);
    const expected = buildTemplate({ year: 2026, weights: "50-30-10" });
    for (const template of expected.sheets) {
      for (const cell of template.cells.filter((c) => c.formula)) {
        expect(host.workbook.cell(template.name, cell.row, cell.col)?.formula).toBe(cell.formula);
      }
    }
    expect(host.workbook.cell("附件3", 1, 0)?.value).toBe("2026年度部门（单位）整体支出绩效自评表");
    const result = validate((await host.read()).snapshot);
    expect(result.annexes.annex2?.sheet).toBe("附件2");
    expect(result.annexes.annex3?.sheet).toBe("附件3");
  });

  test("an invalid year disables 插入 and says why", async () => {
    renderWith(emptyHost());
    await openFromMenu("插入空白模板");
    fireEvent.change((await screen.findByRole("textbox", { name: "年度" })), { target: { value: "203" } });
    expect(screen.getByRole("button", { name: "插入" })).toHaveProperty("disabled", true);
    expect(screen.getByText("请输入 2000–2100 之间的四位年度。")).toBeTruthy();
  });

  test("on the seed workbook: refused (nothing written), then inserted as 附件2 (2) / 附件3 (2) on request; in English", async () => {
    const host = new MemoryHost(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023));
    const before = host.workbook.read();
    renderWith(host, "en");
    await openFromMenu("Insert blank template");
    fireEvent.click(await screen.findByRole("button", { name: "Insert" }));
    await screen.findByText(/already has a sheet named "附件2" and "附件3"/);
    expect(host.workbook.sheetNames()).toEqual(["附件2", "附件3"]);
    expect(host.workbook.read()).toEqual(before);
    fireEvent.click(screen.getByRole("button", { name: 'Insert as "附件2 (2)" and "附件3 (2)" instead' }));
    await waitFor(() => expect(host.workbook.sheetNames()).toEqual(["附件2", "附件3", "附件2 (2)", "附件3 (2)"]));
    await screen.findByText(/Inserted the blank template: 附件2 \(2\), 附件3 \(2\)/);
    expect(host.workbook.cell("附件2", 3, 3)?.value).toBe(0.6);
  });

  test("a host without insertTemplate offers no 插入空白模板 in the menu", async () => {
    const host = emptyHost();
    const bare: WorkbookHost = {
      kind: host.kind, read: () => host.read(), apply: (e, o) => host.apply(e, o), revert: () => host.revert(),
      canRevert: () => host.canRevert(), select: (a) => host.select(a), loadReviewNotes: () => host.loadReviewNotes(),
      saveReviewNotes: (n) => host.saveReviewNotes(n), writeReport: (c) => host.writeReport(c),
    };
    renderWith(bare);
    await openFromMenu("设置"); // the menu opens and has its other items
    await openFromMenuItems((items) => expect(items).not.toContain("插入空白模板"));
  });
});

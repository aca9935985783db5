/**
 * @jest-environment jsdom
 */
// The 报告正文 tab against the memory host holding the sample workbook: paste the seed's text (or
// open it as a .docx through mammoth's browser build), 核对, read the findings with their
// sentences, 定位 a cell.
import { readFileSync } from "node:fs";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
import { join } from "node:path";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { App } from "../../src/taskpane/components/App";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { DEFAULT_PREFERENCES, type PreferenceStore, type Preferences } from "../../src/taskpane/preferences";
import { installResizeObserver, openFromMenu } from "../helpers/pane-setup";

installResizeObserver();
// jsdom lacks the Encoding API that browsers (and Office's WebViews) have; the docx package and
// the .txt reader use it.
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= NodeTextEncoder;
(globalThis as { TextDecoder?: unknown }).TextDecoder ??= NodeTextDecoder;

const SEED_TEXT = readFileSync(join(__dirname, "..", "fixtures", "report", "zhuzhou-luosong-npc-2023.txt"), "utf8");

function setup(initial: Preferences = DEFAULT_PREFERENCES) {
  const host = new MemoryHost(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023));
  const saved: Preferences[] = [];
  const preferences: PreferenceStore = { load: () => saved[saved.length - 1] ?? initial, save: (p) => void saved.push(p) };
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} preferences={preferences} />
    </FluentProvider>,
  );
  return { host };
}

async function openReportTab() {
  fireEvent.click(screen.getByRole("button", { name: "一键校验" }));
  await screen.findByTestId("summary");
  await openFromMenu("核对报告正文");
  await screen.findByLabelText(/自评报告正文/);
}

function findingItems(): HTMLElement[] {
  return within(screen.getByRole("list", { name: "报告正文" })).getAllByRole("listitem");
}

test("pasting the seed's text and clicking 核对 lists r.income and r.project with their sentences", async () => {
  setup();
  await openReportTab();
  fireEvent.change(screen.getByLabelText(/自评报告正文/), { target: { value: SEED_TEXT } });
  fireEvent.click(screen.getByRole("button", { name: "核对" }));
  await screen.findByRole("list", { name: "报告正文" });
  const items = findingItems();
  expect(items.map((li) => `${li.dataset["rule"]} ${li.dataset["cell"]}`)).toEqual([
    "r.income 附件3!B7", "r.project 附件3!F8", "r.project 附件3!F8", "r.project 附件3!F8",
  ]);
  const income = items[0]!;
  expect(within(income).getByText("正文第 26 段第 1 句")).toBeTruthy();
  const quote = within(income).getByLabelText("正文原句（正文第 26 段第 1 句）");
  expect(quote.textContent).toBe("2.2023年度单位一般公共预算财政拨款收入982.21万元。");
  expect(income.textContent).toContain("与附件3 一般公共预算 982.60 万元（附件3!B7）不一致（相差 0.39 万元）");
  expect(screen.getByText(/发现 4 处与附件或自身不符/)).toBeTruthy();
  // The rule line names the rule and its formula, with no template placeholder left in it.
  expect(income.textContent).toContain("规则：r.income · 公式：正文");
  expect(screen.getByRole("list", { name: "报告正文" }).textContent).not.toMatch(/\{[a-z.]+\}/);
});

test("定位 selects the cell of the finding", async () => {
  const { host } = setup();
  await openReportTab();
  fireEvent.change(screen.getByLabelText(/自评报告正文/), { target: { value: "项目支出70.27万元。" } });
  fireEvent.click(screen.getByRole("button", { name: "核对" }));
  await screen.findByRole("list", { name: "报告正文" });
  fireEvent.click(within(findingItems()[0]!).getByRole("button", { name: "定位 附件3!F8" }));
  await waitFor(() => expect(host.selection).toEqual({ sheet: "附件3", row: 7, col: 5 }));
});

test("text that agrees says so; an empty text asks for one", async () => {
  setup();
  await openReportTab();
  fireEvent.click(screen.getByRole("button", { name: "核对" }));
  expect(await screen.findByText("请先粘贴报告正文或打开报告文件。")).toBeTruthy();
  fireEvent.change(screen.getByLabelText(/自评报告正文/), { target: { value: "基本支出911.94万元，其中人员经费837.48万元，公用经费74.46万元。" } });
  fireEvent.click(screen.getByRole("button", { name: "核对" }));
  expect(await screen.findByText("正文 1 段中读到 3 个数字，与附件一致。")).toBeTruthy();
});

test("opening a .docx fills the text (mammoth's browser build, loaded on demand) and the check finds the same", async () => {
  setup();
  await openReportTab();
  const doc = new Document({ sections: [{ children: SEED_TEXT.split("\n").map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  const bytes = await Packer.toBuffer(doc);
  const file = new File([new Uint8Array(bytes)], "seed.docx", { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  fireEvent.change(screen.getByLabelText("打开报告文件（.docx 或 .txt）"), { target: { files: [file] } });
  const textarea = screen.getByLabelText(/自评报告正文/) as HTMLTextAreaElement;
  await waitFor(() => expect(textarea.value).toContain("一般公共预算财政拨款收入982.21万元"), { timeout: 15000 });
  fireEvent.click(screen.getByRole("button", { name: "核对" }));
  await screen.findByRole("list", { name: "报告正文" });
  expect(findingItems().map((li) => li.dataset["rule"])).toEqual(["r.income", "r.project", "r.project", "r.project"]);
});

test("opening a GB18030 .txt fills the text with the right characters", async () => {
  setup();
  await openReportTab();
  // "基本支出911.94万元。" in GB18030
  const gb = new Uint8Array([0xbb, 0xf9, 0xb1, 0xbe, 0xd6, 0xa7, 0xb3, 0xf6, ...new TextEncoder().encode("911.94"), 0xcd, 0xf2, 0xd4, 0xaa, 0xa1, 0xa3]);
  fireEvent.change(screen.getByLabelText("打开报告文件（.docx 或 .txt）"), { target: { files: [new File([gb], "report.txt", { type: "text/plain" })] } });
  const textarea = screen.getByLabelText(/自评报告正文/) as HTMLTextAreaElement;
  await waitFor(() => expect(textarea.value).toBe("基本支出911.94万元。"));
  fireEvent.click(screen.getByRole("button", { name: "核对" }));
  expect(await screen.findByText("正文 1 段中读到 1 个数字，与附件一致。")).toBeTruthy();
});

test("an old .doc is refused with a message", async () => {
  setup();
  await openReportTab();
  const file = new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])], "old.doc");
  fireEvent.change(screen.getByLabelText("打开报告文件（.docx 或 .txt）"), { target: { files: [file] } });
  expect(await screen.findByText(/旧版 \.doc 文件/)).toBeTruthy();
});

test("in English, labels and findings follow the language", async () => {
  setup({ ...DEFAULT_PREFERENCES, lang: "en" });
  fireEvent.click(screen.getByRole("button", { name: "Check workbook" }));
  await screen.findByTestId("summary");
  await openFromMenu("Check report text");
  await screen.findByLabelText(/Self-evaluation report text/);
  fireEvent.change(screen.getByLabelText(/Self-evaluation report text/), { target: { value: "一般公共预算财政拨款收入982.21万元。" } });
  fireEvent.click(screen.getByRole("button", { name: "Check text" }));
  await screen.findByRole("list", { name: "Report text" });
  expect(screen.getByText("Paragraph 1, sentence 1")).toBeTruthy();
  expect(screen.getByText(/annex 3 general public budget income is 982.60/)).toBeTruthy();
  // The message opens with its place, as a sentence does.
  expect(screen.getByText(/^Paragraph 1, sentence 1 of the text states/)).toBeTruthy();
});

test("导入附件表: a .docx with the annex tables, imported into an empty workbook, is checked as the seed workbook is", async () => {
  const host = new MemoryHost(MemoryWorkbook.fromSpec({ sheets: [{ name: "Sheet1", rows: [] }] }));
  const preferences: PreferenceStore = { load: () => DEFAULT_PREFERENCES, save: () => undefined };
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} preferences={preferences} />
    </FluentProvider>,
  );
  await openFromMenu("核对报告正文");
  await screen.findByLabelText(/自评报告正文/);
  const bytes = readFileSync(join(__dirname, "..", "..", "assets", "samples", "zhuzhou-luosong-npc-2023.docx"));
  const file = new File([new Uint8Array(bytes)], "report.docx", { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  fireEvent.change(screen.getByLabelText("打开报告文件（.docx 或 .txt）"), { target: { files: [file] } });
  const importButton = await screen.findByRole("button", { name: "导入附件表（2 张）" }, { timeout: 10_000 });
  expect(screen.getByText("把报告中的表格写入新的工作表（不覆盖已有工作表），然后校验")).toBeTruthy();
  fireEvent.click(importButton);
  await screen.findByText("已导入：附件2、附件3，并已重新校验。", {}, { timeout: 10_000 });
  expect(host.workbook.sheetNames()).toEqual(["Sheet1", "附件2", "附件3"]);
  // The text was compared with the imported tables: the seed's r.* findings.
  const items = within(await screen.findByRole("list", { name: "报告正文" })).getAllByRole("listitem");
  expect(items.map((li) => `${li.dataset["rule"]} ${li.dataset["cell"]}`)).toEqual([
    "r.income 附件3!B7", "r.project 附件3!F8", "r.project 附件3!F8", "r.project 附件3!F8",
  ]);
}, 30_000);

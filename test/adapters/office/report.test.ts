import { REPORT_SHEET, type ReportRow, type ReportSheetContent, type ReviewNote } from "../../../src/host/ports";
import { REVIEW_NOTES_KEY } from "../../../src/adapters/office";
import { validate } from "../../../src/core";
import { toA1 } from "../../../src/core/grid/address";
import { reportLinkTarget } from "../../../src/adapters/office/report";
import { at, expectError, setup, syncsOf } from "./helpers";
import { messageOf } from "../../../src/core/messages/catalogue";
import { formatDateTime } from "../../../src/core/format/figures";

const row = (over: Partial<ReportRow> = {}): ReportRow => ({
  ruleId: "a2.staff-control-rate",
  severity: "error",
  sheet: "附件2",
  cell: "D4",
  expected: "166.67",
  actual: "60",
  message: "控制率应为 166.67%",
  status: "open",
  reason: null,
  ...over,
});

const content = (rows: ReportRow[], lang: "zh" | "en" = "zh"): ReportSheetContent => ({
  checkedAt: "2024-03-01T02:00:00.123Z",
  rulesVersion: "1.0.0",
  lang,
  rows,
});

describe("OfficeHost.writeReport", () => {
  test("writes header and rows; the 单元格 column links inside the workbook; 2 syncs", async () => {
    const { fake, host } = setup();
    const rows = [
      row(),
      row({ ruleId: "a3.execution-score", sheet: "附件3", cell: "I5", expected: "10", actual: "98", status: "fixed", message: "得分" }),
      row({ ruleId: "a3.grade", severity: "warning", sheet: "附件3", cell: "H29", status: "accepted", reason: "经领导确认" }),
    ];
    const { result, syncs } = await syncsOf(fake, () => host.writeReport(content(rows)));
    expect(result).toEqual({ ok: true });
    expect(syncs).toBeLessThanOrEqual(3);
    expect(syncs).toBe(2);
    expect(fake.sheet(REPORT_SHEET)).toBeDefined();
    expect(fake.activeSheet).toBe(REPORT_SHEET);
    expect(fake.cell(REPORT_SHEET, "A1")?.value).toBe("校验报告");
    expect(fake.cell(REPORT_SHEET, "A2")?.value).toBe("检查时间");
    // The ISO time in the reader's local time, to the second (formatDateTime, as every edge shows times).
    expect(fake.cell(REPORT_SHEET, "B2")?.value).toBe(formatDateTime("2024-03-01T02:00:00.123Z"));
    expect(fake.cell(REPORT_SHEET, "B2")?.value).toMatch(/^2024-03-0[12] \d\d:\d\d:00$/);
    expect(fake.cell(REPORT_SHEET, "A3")?.value).toBe("规则版本");
    expect(fake.cell(REPORT_SHEET, "B3")?.value).toBe("1.0.0");
    const header = "ABCDEFGHI".split("").map((c) => fake.cell(REPORT_SHEET, `${c}5`)?.value);
    expect(header).toEqual(["规则", "级别", "工作表", "单元格", "应为", "表中", "说明", "状态", "审核说明"]);
    expect(fake.cell(REPORT_SHEET, "A5")?.bold).toBe(true);
    // Rows: text stays text (no number conversion of "166.67"), statuses in Chinese.
    expect(fake.cell(REPORT_SHEET, "E6")).toMatchObject({ value: "166.67" });
    expect(fake.cell(REPORT_SHEET, "H6")?.value).toBe("未处理");
    expect(fake.cell(REPORT_SHEET, "H7")?.value).toBe("已修正");
    expect(fake.cell(REPORT_SHEET, "H8")?.value).toBe("已说明");
    expect(fake.cell(REPORT_SHEET, "I8")?.value).toBe("经领导确认");
    expect(fake.cell(REPORT_SHEET, "B8")?.value).toBe("警告");
    // Links: internal documentReference only, never an external address.
    expect(fake.cell(REPORT_SHEET, "D6")).toMatchObject({ value: "D4", hyperlink: { documentReference: "'附件2'!D4", textToDisplay: "D4" } });
    expect(fake.cell(REPORT_SHEET, "D7")?.hyperlink).toEqual({ documentReference: "'附件3'!I5", textToDisplay: "I5" });
    for (const sheet of fake.sheets) {
      for (const cell of sheet.cells.values()) {
        if (cell.hyperlink) expect(cell.hyperlink.address).toBeUndefined();
      }
    }
    // The annexes are untouched.
    expect(fake.cell("附件2", "D4")).toMatchObject({ value: 0.6, fill: null });
  });

  test("every string is formula-proof, including rule text and review notes", async () => {
    const { fake, host } = setup();
    const evil = ["=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-2+3", "=HYPERLINK(\"http://x\")"];
    const rows = evil.map((text, i) => row({ message: text, reason: text, expected: text, actual: i % 2 ? "TRUE" : "#N/A", sheet: text, cell: "not an address" }));
    expect((await host.writeReport(content(rows))).ok).toBe(true);
    const sheet = fake.mustSheet(REPORT_SHEET);
    for (const cell of sheet.cells.values()) {
      expect(cell.formula).toBeUndefined();
      expect(cell.hyperlink).toBeUndefined();
    }
    expect(fake.cell(REPORT_SHEET, "G6")?.value).toBe(evil[0]);
    expect(fake.cell(REPORT_SHEET, "F6")?.value).toBe("#N/A");
    expect(fake.cell(REPORT_SHEET, "F7")?.value).toBe("TRUE");
  });

  test("refresh replaces old rows, formats and links; English headers when lang is en", async () => {
    const { fake, host } = setup();
    const many = Array.from({ length: 12 }, (_, i) => row({ cell: `D${i + 1}` }));
    await host.writeReport(content(many));
    expect(fake.cell(REPORT_SHEET, "D17")?.hyperlink).toBeDefined();
    const sheetCount = fake.sheets.length;

    const { syncs } = await syncsOf(fake, () => host.writeReport(content([row({ status: "fixed" })], "en")));
    expect(syncs).toBe(2);
    expect(fake.sheets).toHaveLength(sheetCount);
    expect(fake.cell(REPORT_SHEET, "A1")?.value).toBe("Check report");
    expect(fake.cell(REPORT_SHEET, "A2")?.value).toBe("Checked at");
    expect("ABCDEFGHI".split("").map((c) => fake.cell(REPORT_SHEET, `${c}5`)?.value)).toEqual(
      ["Rule", "Severity", "Sheet", "Cell", "Expected", "Found", "Message", "Status", "Review note"],
    );
    expect(fake.cell(REPORT_SHEET, "H6")?.value).toBe("fixed");
    expect(fake.cell(REPORT_SHEET, "A7")).toBeUndefined();
    expect(fake.cell(REPORT_SHEET, "D17")).toBeUndefined();
    expect(fake.mustSheet(REPORT_SHEET).usedRect(false)).toEqual({ top: 0, left: 0, bottom: 5, right: 8 });
  });

  test("no findings: a single line says so", async () => {
    const { fake, host } = setup();
    await host.writeReport(content([]));
    expect(fake.cell(REPORT_SHEET, "A6")?.value).toBe("未发现问题");
  });

  test("a protected existing report sheet → HostError protected, nothing written", async () => {
    const { fake, host } = setup();
    await host.writeReport(content([row()]));
    fake.protect(REPORT_SHEET);
    const before = fake.dump();
    const error = expectError(await host.writeReport(content([row({ status: "fixed" })])));
    expect(error.code).toBe("protected");
    expect(error.message.zh).toContain(REPORT_SHEET);
    expect(fake.dump()).toEqual(before);
  });

  test("without ExcelApi 1.7 the report is written without links", async () => {
    const { fake, host } = setup({ apiVersion: "1.6" });
    expect((await host.writeReport(content([row()]))).ok).toBe(true);
    expect(fake.cell(REPORT_SHEET, "D6")).toMatchObject({ value: "D4" });
    expect(fake.cell(REPORT_SHEET, "D6")?.hyperlink).toBeUndefined();
  });

  test("a failure in the write batch is reported; untouched is honest", async () => {
    const { fake, host } = setup();
    fake.failAtSync(1, "GeneralException");
    expect(expectError(await host.writeReport(content([row()]))).untouched).toBe(true);
    fake.failAtSync(2, "GeneralException", { applied: 1 });
    const error = expectError(await host.writeReport(content([row()])));
    expect(error.untouched).toBe(false);
  });

  test("a re-read after writing the report finds the same annexes and findings", async () => {
    const { host } = setup();
    const first = await host.read();
    if (!first.ok) throw new Error("read failed");
    const result = validate(first.snapshot);
    const rows = result.findings.map((f): ReportRow => ({
      ruleId: f.ruleId, severity: f.severity, sheet: f.at?.sheet ?? null, cell: f.at ? toA1(f.at) : null,
      expected: f.expected, actual: f.actual, message: messageOf(f).zh, status: "open", reason: null,
    }));
    expect((await host.writeReport(content(rows))).ok).toBe(true);
    const second = await host.read();
    if (!second.ok) throw new Error("read failed");
    expect(second.snapshot.sheets.map((s) => s.name)).toContain(REPORT_SHEET);
    const again = validate(second.snapshot);
    expect(again.annexes).toEqual(result.annexes);
    expect(again.findings).toEqual(result.findings);
  });

  test("link targets: only plain A1 cells, sheet names quoted", () => {
    expect(reportLinkTarget("附件2", "D4")).toEqual({ documentReference: "'附件2'!D4", text: "D4" });
    expect(reportLinkTarget("Sheet1", "$B$7")).toEqual({ documentReference: "Sheet1!B7", text: "B7" });
    expect(reportLinkTarget("It's", "A1")).toEqual({ documentReference: "'It''s'!A1", text: "A1" });
    expect(reportLinkTarget("附件2", "http://evil.example/x")).toBeNull();
    expect(reportLinkTarget("附件2", "A1:B2")).toBeNull();
    expect(reportLinkTarget("", "A1")).toBeNull();
  });
});

describe("OfficeHost.select", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    const { fake, host } = setup();
    const { result, syncs } = await syncsOf(fake, () => host.select(at("附件3", "I5")));
    expect(result).toEqual({ ok: true });
    expect(syncs).toBe(1);
    expect(fake.activeSheet).toBe("附件3");
    expect(fake.selection).toEqual({ sheet: "附件3", address: "I5" });
  });

  test("a missing sheet → sheet-missing", async () => {
    const { host } = setup();
    expect(expectError(await host.select(at("Nope", "A1"))).code).toBe("sheet-missing");
  });
});

describe("review notes", () => {
  const notes: ReviewNote[] = [
    { ruleId: "a3.grade", sheet: "附件3", cell: "H29", reason: "经领导确认，=不是公式", acceptedAt: "2024-03-01T10:00:00Z" },
    { ruleId: "x.project-spending", sheet: "附件3", cell: "F8", reason: "口径不同", acceptedAt: "2024-03-02T10:00:00Z" },
  ];

  test("round trip through workbook settings, schema-versioned, one sync each", async () => {
    const { fake, host } = setup();
    expect(await host.loadReviewNotes()).toEqual([]);
    const saved = await syncsOf(fake, () => host.saveReviewNotes(notes));
    expect(saved.result).toEqual({ ok: true });
    expect(saved.syncs).toBe(1);
    expect(JSON.parse(String(fake.settings.get(REVIEW_NOTES_KEY)))).toEqual({ version: 1, notes });
    const loaded = await syncsOf(fake, () => host.loadReviewNotes());
    expect(loaded.result).toEqual(notes);
    expect(loaded.syncs).toBe(1);
  });

  test.each([
    ["garbage", "{{{"],
    ["wrong version", JSON.stringify({ version: 7, notes })],
    ["wrong shape", JSON.stringify({ version: 1, notes: [{ ruleId: 5 }] })],
    ["a number", 12],
  ])("tolerates %s → empty list", async (_name, stored) => {
    const { fake, host } = setup();
    fake.settings.set(REVIEW_NOTES_KEY, stored);
    expect(await host.loadReviewNotes()).toEqual([]);
  });

  test("notes stored as an object by another writer are still read", async () => {
    const { fake, host } = setup();
    fake.settings.set(REVIEW_NOTES_KEY, { version: 1, notes });
    expect(await host.loadReviewNotes()).toEqual(notes);
  });
});

/**
 * Numbers shown one way everywhere (issue 11): a finding's expected and found values read the same
 * in the pane's report rows, the 校验报告 sheet (memory host and Office host), the CLI's table and
 * Markdown and the summary workbook, and that is what src/core/format/figures.ts formatValue prints.
 * The seed's findings give one of each kind: an amount, a rate, a score, a head count, a grade and text.
 * The summary workbook keeps figures as numbers with a number format; what Excel shows for that
 * format is rendered here (renderNumFmt) and compared.
 */
import * as ExcelJS from "exceljs";
import { validate, type Finding, type Lang, type ValidationResult } from "../../src/core";
import { toA1 } from "../../src/core/grid/address";
import { formatDateTime, formatValue } from "../../src/core/format/figures";
import { toJsonReport, type JsonReport } from "../../src/core/report/json-report";
import { buildSummary } from "../../src/core/report/folder-summary";
import { keyFigures } from "../../src/core/report/key-figures";
import { MemoryWorkbook } from "../../src/adapters/memory";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { createOfficeHost } from "../../src/adapters/office";
import { ISSUES_SHEET, summaryBytes } from "../../src/adapters/xlsx/write-summary";
import { formatMarkdown, formatTable } from "../../src/cli/format";
import { REPORT_SHEET, type ReportSheetContent } from "../../src/host/ports";
import { reportTable } from "../../src/host/report-table";
import { reportRows } from "../../src/taskpane/state/view-model";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { ExcelFake } from "../fakes/excel-fake";

const CHECKED_AT = "2026-12-07T03:23:19.123Z";
const LANGS: readonly Lang[] = ["zh", "en"];

const result: ValidationResult = validate(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023).read());

/** The seed's findings that carry a value, by what it is. */
const KINDS = ["amount", "percent", "score", "count", "grade", "text"] as const;
const picked: Finding[] = KINDS.map((kind) => {
  const f = result.findings.find((x) => (x.figure ?? "text") === kind && (x.expected !== null || x.actual !== null));
  if (!f) throw new Error(`the seed has no finding of kind ${kind}`);
  return f;
});

const key = (f: { sheet: string | null; cell: string | null; ruleId: string }) => `${f.ruleId} ${f.sheet}!${f.cell}`;
const findingKey = (f: Finding) => key({ ruleId: f.ruleId, sheet: f.at?.sheet ?? null, cell: f.at ? toA1(f.at) : null });

/** Expected and found as each edge shows them, by finding; "" for nothing shown. */
type Shown = Map<string, readonly [string, string]>;
const pair = (expected: string | null | undefined, actual: string | null | undefined) => [expected ?? "", actual ?? ""] as const;

function reference(lang: Lang): Shown {
  return new Map(picked.map((f) => [findingKey(f), pair(formatValue(f.expected, f.figure, lang), formatValue(f.actual, f.figure, lang))]));
}

function content(lang: Lang): ReportSheetContent {
  return { checkedAt: CHECKED_AT, rulesVersion: result.rulesVersion, lang, rows: reportRows(picked, [], [], lang) };
}

function pane(lang: Lang): Shown {
  return new Map(reportRows(picked, [], [], lang).map((r) => [key(r), pair(r.expected, r.actual)]));
}

/** The report sheet's data rows (below the header), whatever host wrote it. */
function sheetRows(cell: (row: number, col: number) => unknown, headerRow: number): Shown {
  const shown: Shown = new Map();
  for (let r = headerRow + 1; r <= headerRow + picked.length; r++) {
    const text = (c: number) => (cell(r, c) === null || cell(r, c) === undefined ? "" : String(cell(r, c)));
    shown.set(`${text(0)} ${text(2)}!${text(3)}`, [text(4), text(5)]);
  }
  return shown;
}

async function memorySheet(lang: Lang): Promise<{ shown: Shown; host: MemoryHost }> {
  const host = new MemoryHost(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023));
  expect(await host.writeReport(content(lang))).toEqual({ ok: true });
  const sheet = host.workbook.sheet(REPORT_SHEET)!;
  return { shown: sheetRows((r, c) => sheet.cell(r, c)?.value, reportTable(content(lang)).headerRow), host };
}

async function officeSheet(lang: Lang): Promise<{ shown: Shown; fake: ExcelFake }> {
  const fake = ExcelFake.fromSpec(zhuzhouLuosongNpc2023);
  const host = createOfficeHost(fake.run, fake.requirements);
  expect(await host.writeReport(content(lang))).toEqual({ ok: true });
  const sheet = fake.sheet(REPORT_SHEET)!;
  return { shown: sheetRows((r, c) => sheet.get(r, c)?.value, reportTable(content(lang)).headerRow), fake };
}

function jsonReport(lang: Lang): JsonReport {
  return toJsonReport("单位A.xlsx", { ...result, findings: picked }, lang);
}

/** The CLI table: a finding's line holds level, rule, cell, then the values shown (none when blank). */
function cliTable(lang: Lang): Shown {
  const lines = formatTable(jsonReport(lang), lang, false).split("\n");
  const shown: Shown = new Map();
  for (const f of picked) {
    const cell = `${f.at!.sheet}!${toA1(f.at!)}`;
    const line = lines.find((l) => l.includes(` ${f.ruleId} `) && l.includes(cell));
    if (!line) throw new Error(`no table line for ${f.ruleId} ${cell}`);
    const values = line.trim().split(/\s{2,}/).slice(3);
    const blank = [f.expected === null, f.actual === null];
    // A blank column is padding only: the values present are the ones shown, in column order.
    const expected = blank[0] ? "" : values.shift()!;
    const actual = blank[1] ? "" : values.shift()!;
    shown.set(findingKey(f), [expected, actual]);
  }
  return shown;
}

/** The CLI's Markdown: the 应为/表中 columns of each finding's table row. */
function cliMarkdown(lang: Lang): Shown {
  const rows = formatMarkdown(jsonReport(lang), lang).split("\n").filter((l) => l.startsWith("| ") && l.includes("`"));
  const shown: Shown = new Map();
  for (const f of picked) {
    const cell = `${f.at!.sheet}!${toA1(f.at!)}`;
    const row = rows.find((l) => l.includes(`\`${f.ruleId}\``) && l.includes(cell));
    if (!row) throw new Error(`no Markdown row for ${f.ruleId} ${cell}`);
    const cells = row.slice(2, -2).split(" | ");
    shown.set(findingKey(f), [cells[3]!, cells[4]!]);
  }
  return shown;
}

/**
 * What Excel shows for a number in the formats the summary writes: "0", "0.00", "0.00%", each
 * optionally with a quoted literal after it ('0.00" 万元"'), and General.
 */
function renderNumFmt(value: number, numFmt: string | undefined): string {
  if (numFmt === undefined || numFmt === "General") return String(value);
  const match = /^0(?:\.(0+))?(%)?(?:"([^"]*)")?$/.exec(numFmt);
  if (!match) throw new Error(`numFmt ${numFmt} is not one this test renders`);
  const decimals = match[1]?.length ?? 0;
  const percent = match[2] === "%";
  return `${(percent ? value * 100 : value).toFixed(decimals)}${percent ? "%" : ""}${match[3] ?? ""}`;
}

async function summaryWorkbook(lang: Lang): Promise<{ shown: Shown; aligned: string[] }> {
  const report = jsonReport(lang);
  const summary = buildSummary([{ kind: "checked", file: "单位A.xlsx", report, figures: keyFigures(result) }]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await summaryBytes(summary, process.cwd(), lang) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(ISSUES_SHEET)!;
  const header = (sheet.getRow(1).values as unknown[]).map((v) => (v === undefined ? "" : String(v)));
  const col = (title: { zh: string; en: string }) => header.indexOf(title[lang]);
  const [ruleCol, cellCol, expectedCol, actualCol] = [
    col({ zh: "规则", en: "Rule" }), col({ zh: "单元格", en: "Cell" }), col({ zh: "应为", en: "Expected" }), col({ zh: "实为", en: "Found" }),
  ];
  const shown: Shown = new Map();
  const aligned: string[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const text = (c: number): string => {
      const cell = row.getCell(c);
      if (cell.value === null || cell.value === undefined) return "";
      if (typeof cell.value === "number") return renderNumFmt(cell.value, cell.numFmt);
      if (typeof cell.value === "object" && "text" in cell.value) return String(cell.value.text);
      return String(cell.value);
    };
    const [sheetName, address] = text(cellCol).split(/!(?=[A-Z]+\d+$)/);
    shown.set(key({ ruleId: text(ruleCol), sheet: sheetName ?? null, cell: address ?? null }), [text(expectedCol), text(actualCol)]);
    for (const c of [expectedCol, actualCol]) if (text(c) !== "" && row.getCell(c).alignment?.horizontal !== "right") aligned.push(`${text(ruleCol)} col ${c}`);
  }
  return { shown, aligned };
}

describe.each(LANGS)("a finding's expected and found values read the same everywhere (%s)", (lang) => {
  const want = reference(lang);

  test("the picked findings cover every kind, and formatValue gives each its unit", () => {
    expect(picked.map((f) => f.figure ?? "text")).toEqual([...KINDS]);
    const amount = want.get(findingKey(picked[0]!))!;
    expect(amount.join(" ")).toContain(lang === "zh" ? " 万元" : " × 10,000 yuan");
    expect(want.get(findingKey(picked[1]!))![0]).toMatch(/^\d+\.\d\d%$/);
    expect(want.get(findingKey(picked[2]!))![0]).toMatch(/^\d+\.\d\d$/);
  });

  test("the pane's report rows", () => {
    expect(pane(lang)).toEqual(want);
  });

  test("the 校验报告 sheet written by the memory host, 应为/表中 right-aligned", async () => {
    const { shown, host } = await memorySheet(lang);
    expect(shown).toEqual(want);
    const sheet = host.workbook.sheet(REPORT_SHEET)!;
    const { headerRow } = reportTable(content(lang));
    for (let r = headerRow; r <= headerRow + picked.length; r++) {
      for (const c of [4, 5]) if (sheet.cell(r, c)) expect([r, c, sheet.cell(r, c)!.align]).toEqual([r, c, "right"]);
      expect([r, sheet.cell(r, 6)?.align]).toEqual([r, undefined]);
    }
  });

  test("the 校验报告 sheet written by the Office host over the fake, 应为/表中 right-aligned", async () => {
    const { shown, fake } = await officeSheet(lang);
    expect(shown).toEqual(want);
    const { headerRow } = reportTable(content(lang));
    const last = headerRow + picked.length + 1;
    const formats = fake.sheet(REPORT_SHEET)!.layout.formats.filter((f) => f.property === "horizontalAlignment");
    expect(formats).toEqual([
      { range: `E${headerRow + 1}:E${last}`, property: "horizontalAlignment", value: "Right" },
      { range: `F${headerRow + 1}:F${last}`, property: "horizontalAlignment", value: "Right" },
    ]);
  });

  test("the CLI's table and Markdown", () => {
    expect(cliTable(lang)).toEqual(want);
    expect(cliMarkdown(lang)).toEqual(want);
  });

  test("the summary workbook: the value and number format each cell carries show what formatValue prints, right-aligned", async () => {
    const { shown, aligned } = await summaryWorkbook(lang);
    expect(shown).toEqual(want);
    expect(aligned).toEqual([]);
  });
});

describe("the check time on the 校验报告 sheet", () => {
  test("is the reader's local time to the second, not UTC with milliseconds", () => {
    const table = reportTable(content("zh"), "Asia/Shanghai");
    expect(table.rows[1]).toEqual(["检查时间", "2026-12-07 11:23:19"]);
    expect(reportTable(content("en"), "UTC").rows[1]).toEqual(["Checked at", "2026-12-07 03:23:19"]);
  });

  test("both hosts write it as formatDateTime shows it in the local zone", async () => {
    const local = formatDateTime(CHECKED_AT);
    expect(local).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:19$/);
    const { host } = await memorySheet("zh");
    expect(host.workbook.cell(REPORT_SHEET, 1, 1)?.value).toBe(local);
    const { fake } = await officeSheet("zh");
    expect(fake.cell(REPORT_SHEET, "B2")?.value).toBe(local);
  });
});

/**
 * The folder summary workbook: sheet 单位汇总 (one row per file, worst first) and sheet 问题清单
 * (one row per finding, its cell a link that opens that cell of the source workbook).
 *
 * Links are relative to the summary's own folder, so the summary and the units' workbooks can be
 * moved or zipped together. A link to a cell of another workbook is, in SpreadsheetML, an
 * external relationship to the file plus a `location` ('附件3'!I5) on the hyperlink.
 *
 * Written with sheet-writer.ts, once, at the end: text as inline strings (never formulas, whatever
 * they start with: a unit name "=…" stays text), figures as numbers with their formats.
 */
import { writeFileAtomic } from "../files/write-atomic";
import { pathExists } from "../files/path-exists";
import { dirname, relative, resolve, sep } from "node:path";
import { zipParts } from "./zip-node";
import { WorkbookWriter, type CellStyle, type SheetWriter, type WriterCell } from "./sheet-writer";
import { GRADE_NAMES } from "../../core/findings/grade";
import type { Bilingual, Lang, Severity } from "../../core/findings/finding";
import { formatValue, type ValueKind } from "../../core/format/figures";
import type { FolderSummary, UnitRow, UnitStatus } from "../../core/report/folder-summary";

export const UNITS_SHEET = "单位汇总";
export const ISSUES_SHEET = "问题清单";

export type SummaryWriteResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: "exists" | "write-failed"; readonly message: Bilingual };

export interface SummaryWriteOptions {
  readonly lang: Lang;
  readonly force?: boolean;
}

interface Column {
  readonly header: Bilingual;
  readonly width: number;
  readonly numFmt?: string;
}

const UNIT_COLUMNS = {
  status: { header: { zh: "状态", en: "Status" }, width: 10 },
  file: { header: { zh: "文件", en: "File" }, width: 30 },
  unit: { header: { zh: "单位名称", en: "Unit" }, width: 34 },
  year: { header: { zh: "年度", en: "Year" }, width: 7, numFmt: "0" },
  tables: { header: { zh: "自评表数", en: "Tables" }, width: 8, numFmt: "0" },
  errors: { header: { zh: "错误", en: "Errors" }, width: 7, numFmt: "0" },
  warnings: { header: { zh: "警告", en: "Warnings" }, width: 8, numFmt: "0" },
  infos: { header: { zh: "提示", en: "Infos" }, width: 7, numFmt: "0" },
  score: { header: { zh: "总分（重算）", en: "Total score (recomputed)" }, width: 12, numFmt: "0.00" },
  grade: { header: { zh: "等级", en: "Grade" }, width: 6 },
  establishment: { header: { zh: "编制数", en: "Establishment" }, width: 8, numFmt: "0" },
  staffActual: { header: { zh: "在职人数", en: "Staff" }, width: 8, numFmt: "0" },
  budget: { header: { zh: "全年预算数（万元）", en: "Budget (10k yuan)" }, width: 14, numFmt: "#,##0.00" },
  executed: { header: { zh: "全年执行数（万元）", en: "Executed (10k yuan)" }, width: 14, numFmt: "#,##0.00" },
  executionRate: { header: { zh: "执行率", en: "Execution rate" }, width: 9, numFmt: "0.00%" },
  threePublic: { header: { zh: "三公经费（万元）", en: "Three public expenses (10k yuan)" }, width: 14, numFmt: "#,##0.00" },
  problem: { header: { zh: "说明", en: "Note" }, width: 50 },
} satisfies Record<string, Column>;

const ISSUE_COLUMNS = {
  file: { header: { zh: "文件", en: "File" }, width: 30 },
  unit: { header: { zh: "单位名称", en: "Unit" }, width: 30 },
  severity: { header: { zh: "级别", en: "Severity" }, width: 7 },
  ruleId: { header: { zh: "规则", en: "Rule" }, width: 26 },
  cell: { header: { zh: "单元格", en: "Cell" }, width: 12 },
  expected: { header: { zh: "应为", en: "Expected" }, width: 12 },
  actual: { header: { zh: "实为", en: "Found" }, width: 12 },
  message: { header: { zh: "说明", en: "Message" }, width: 80 },
} satisfies Record<string, Column>;

const STATUS_TEXT: Readonly<Record<UnitStatus, Bilingual>> = {
  unreadable: { zh: "无法读取", en: "unreadable" },
  errors: { zh: "有错误", en: "errors" },
  warnings: { zh: "有警告", en: "warnings" },
  ok: { zh: "通过", en: "ok" },
};

const STATUS_FILL: Readonly<Record<UnitStatus, string | null>> = { unreadable: "FFF4B6B6", errors: "FFFCE4D6", warnings: "FFFFF2CC", ok: null };

const SEVERITY_TEXT: Readonly<Record<Severity, Bilingual>> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};

type CellContent = string | number | null | { readonly text: string; readonly link: string; readonly location?: string };

export async function writeSummaryXlsx(summary: FolderSummary, outputPath: string, options: SummaryWriteOptions): Promise<SummaryWriteResult> {
  const output = resolve(outputPath);
  if (!options.force && (await pathExists(output))) return { ok: false, reason: "exists", message: SUMMARY_EXISTS };
  const failed = (detail: string): SummaryWriteResult => ({
    ok: false, reason: "write-failed", message: { zh: `未写入：无法保存汇总文件（${detail}）`, en: `Not written: the summary could not be saved (${detail})` },
  });
  let bytes: Buffer;
  try {
    bytes = await summaryBytes(summary, dirname(output), options.lang);
  } catch (error) {
    return failed(error instanceof Error ? error.message.split("\n")[0]! : String(error));
  }
  // Whole or not at all (files/write-atomic.ts): a full disk or a kill never leaves half a summary.
  const written = writeFileAtomic(output, bytes, { replace: options.force === true });
  if (written.ok) return { ok: true };
  return written.reason === "exists" ? { ok: false, reason: "exists", message: SUMMARY_EXISTS } : failed(written.detail);
}

export const SUMMARY_EXISTS: Bilingual = {
  zh: "未写入：汇总文件已存在（如需覆盖请使用 --force）",
  en: "Not written: the summary file already exists (use --force to replace it)",
};

/** The summary workbook's bytes; links are relative to `baseDir`. */
export async function summaryBytes(summary: FolderSummary, baseDir: string, lang: Lang): Promise<Buffer> {
  const workbook = new WorkbookWriter();
  // Every finding of a file links to it: the relative path is worked out once per file.
  const links = new Map<string, string>();
  const link = (file: string) => {
    let path = links.get(file);
    if (path === undefined) links.set(file, (path = relativeLink(baseDir, file)));
    return path;
  };

  const units = addSheet(workbook, UNITS_SHEET, UNIT_COLUMNS, lang, 3);
  for (const unit of summary.units) {
    const fill = STATUS_FILL[unit.status];
    units.addRow(cellsOf(UNIT_COLUMNS, unitCells(unit, lang, link), { status: fill ? { fill } : undefined }));
  }

  const issues = addSheet(workbook, ISSUES_SHEET, ISSUE_COLUMNS, lang, 2);
  for (const issue of summary.issues) {
    const place = issue.sheet !== null && issue.cell !== null ? `${quoteSheet(issue.sheet)}!${issue.cell}` : null;
    const cells = cellsOf(ISSUE_COLUMNS, rowOf(ISSUE_COLUMNS, {
      file: { text: issue.file, link: link(issue.file) },
      unit: issue.unitName,
      severity: SEVERITY_TEXT[issue.severity][lang],
      ruleId: issue.ruleId,
      // A Word report's place is text: no cell of a .docx can be opened by a link.
      cell: issue.place !== undefined ? issue.place : place ? { text: `${issue.sheet}!${issue.cell}`, link: link(issue.file), location: place } : null,
      expected: null,
      actual: null,
      message: issue.message,
    }), {});
    // Expected and found as figures of their kind: numbers stay numbers, shown as everywhere else.
    const keys = Object.keys(ISSUE_COLUMNS);
    for (const [key, value] of [["expected", issue.expected], ["actual", issue.actual]] as const) {
      const shown = figureCell(value, issue.figure, lang);
      cells[keys.indexOf(key)] = shown.value === null ? null : { value: shown.value, style: { ...(shown.numFmt ? { numFmt: shown.numFmt } : {}), alignRight: true } };
    }
    issues.addRow(cells);
  }

  return Buffer.from(workbook.bytes(zipParts));
}

function addSheet(workbook: WorkbookWriter, name: string, columns: Record<string, Column>, lang: Lang, frozenColumns: number): SheetWriter {
  const list = Object.values(columns);
  const sheet = workbook.addSheet(name, { widths: list.map((c) => c.width), frozen: { columns: frozenColumns, rows: 1 } });
  sheet.addRow(list.map((c) => ({ value: c.header[lang], style: { bold: true } })));
  return sheet;
}

/** Each value as a cell of its column: the column's number format, links, and any extra style by key. */
function cellsOf<K extends string>(columns: Record<K, Column>, values: CellContent[], extra: Partial<Record<K, CellStyle | undefined>>): (WriterCell | null)[] {
  const keys = Object.keys(columns) as K[];
  return values.map((value, i) => {
    const key = keys[i]!;
    const column: Column = columns[key];
    const style: CellStyle | undefined = column.numFmt || extra[key] ? { ...(column.numFmt ? { numFmt: column.numFmt } : {}), ...extra[key] } : undefined;
    if (value === null) return style?.fill ? { value: null, style } : null;
    if (typeof value === "object") return { value: value.text, ...(style ? { style } : {}), link: { target: value.link, ...(value.location ? { location: value.location } : {}) } };
    return { value, ...(style ? { style } : {}) };
  });
}

function rowOf<K extends string>(columns: Record<K, Column>, values: Record<K, CellContent>): CellContent[] {
  return (Object.keys(columns) as K[]).map((key) => values[key]);
}

function unitCells(unit: UnitRow, lang: Lang, link: (file: string) => string): CellContent[] {
  const f = unit.figures;
  const checked = unit.status !== "unreadable";
  const rate = numberOrNull(f?.executionRate);
  return rowOf(UNIT_COLUMNS, {
    status: STATUS_TEXT[unit.status][lang],
    file: { text: unit.file, link: link(unit.file) },
    unit: f?.unitName ?? null,
    year: f?.year ?? null,
    tables: f ? f.tables : null,
    errors: checked ? unit.errors : null,
    warnings: checked ? unit.warnings : null,
    infos: checked ? unit.infos : null,
    score: numberOrNull(unit.score),
    grade: unit.grade ? GRADE_NAMES[unit.grade][lang] : null,
    establishment: numberOrNull(f?.establishment),
    staffActual: numberOrNull(f?.staffActual),
    budget: numberOrNull(f?.budget),
    executed: numberOrNull(f?.executed),
    // The core gives percentage points; Excel's percent format wants the fraction.
    executionRate: rate === null ? null : rate / 100,
    threePublic: numberOrNull(f?.threePublic),
    problem: unit.problem ? unit.problem[lang] : null,
  });
}

function numberOrNull(text: string | null | undefined): number | null {
  return text === null || text === undefined ? null : Number(text);
}

/** The number formats that show a figure as src/core/format/figures.ts writes it. */
const FIGURE_FORMATS: Readonly<Record<Lang, Partial<Record<ValueKind, string>>>> = {
  zh: { amount: '0.00" 万元"', decimal: "0.00", percent: "0.00%", score: "0.00", count: '0" 人"', typed: "General" },
  en: { amount: '0.00" × 10,000 yuan"', decimal: "0.00", percent: "0.00%", score: "0.00", count: "0", typed: "General" },
};

/**
 * A finding's expected or found value as a cell: a decimal becomes a number with its kind's format
 * (a rate as the fraction under 0.00%); a bound, a range or a grade becomes its text as the pane
 * writes it ("≤ 116.80 万元", "0–10", "优"); other text stays text.
 */
function figureCell(text: string | null, kind: ValueKind | undefined, lang: Lang): { value: string | number | null; numFmt?: string } {
  if (text === null) return { value: null };
  const format = kind ? FIGURE_FORMATS[lang][kind] : undefined;
  if (format && /^-?\d+(\.\d+)?$/.test(text)) {
    const value = Number(text);
    return { value: kind === "percent" ? value / 100 : value, numFmt: format };
  }
  return { value: formatValue(text, kind, lang) };
}

/** Sheet names always quoted in a reference ('附件3'!I5); a quote inside is doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The source file as seen from the summary's folder, with "/" separators, always relative: a file
 * named "http:…", "javascript:…" or "\\host\share\…" must not become an absolute web or network
 * link. So ":" and "\\" are percent-encoded (no scheme, no UNC path can form), as are "#" (it would
 * end the file part), "%" itself and control characters, and the path starts with "./" or "../".
 */
export function relativeLink(baseDir: string, file: string): string {
  const path = relative(baseDir, resolve(file)).split(sep).join("/");
  // eslint-disable-next-line no-control-regex -- control characters are among those encoded
  const encoded = path.replace(/[%#:\\\u0000-\u001f\u007f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  return encoded.startsWith("../") ? encoded : `./${encoded}`;
}

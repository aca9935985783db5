/**
 * The 校验报告 sheet as a plain table: the same layout whichever host writes it. Links are
 * returned separately and only ever point at a cell of this workbook.
 */
import { fromA1, toA1 } from "../core/grid/address";
import { formatDateTime } from "../core/format/figures";
import type { ReportSheetContent, FindingStatus } from "./ports";

const HEADERS = {
  zh: ["规则", "级别", "工作表", "单元格", "应为", "表中", "说明", "状态", "审核说明"],
  en: ["Rule", "Severity", "Sheet", "Cell", "Expected", "Found", "Message", "Status", "Review note"],
} as const;

const SEVERITY = { zh: { error: "错误", warning: "警告", info: "提示" }, en: { error: "error", warning: "warning", info: "info" } } as const;
const STATUS: Record<"zh" | "en", Record<FindingStatus, string>> = {
  zh: { open: "未处理", fixed: "已修正", accepted: "已说明" },
  en: { open: "open", fixed: "fixed", accepted: "accepted" },
};

export interface ReportTable {
  /** Values by row; text is raw (hosts make it formula-proof when writing). */
  readonly rows: readonly (readonly (string | null)[])[];
  /** Cell links of the 单元格 column; `cell` is always a normalized A1 address. */
  readonly links: readonly { row: number; col: number; sheet: string; cell: string; text: string }[];
  /** Row of the column headers (0-based). */
  readonly headerRow: number;
  /**
   * The 应为/表中 columns (0-based): figures already formatted as everywhere else ("982.21 万元",
   * "166.67%"), right-aligned by every host from the header row down so their decimals line up.
   */
  readonly figureColumns: readonly number[];
}

/** Columns of the table: 规则 级别 工作表 单元格 应为 表中 说明 状态 审核说明. */
const EXPECTED_COL = 4;
const ACTUAL_COL = 5;

/**
 * `content.checkedAt` is an ISO time (UTC, with milliseconds); the sheet shows it in the reader's
 * local time to the second (formatDateTime). `timeZone` is for tests; hosts leave it out.
 */
export function reportTable(content: ReportSheetContent, timeZone?: string): ReportTable {
  const lang = content.lang;
  const title = lang === "zh" ? "校验报告" : "Check report";
  const rows: (string | null)[][] = [
    [title],
    [lang === "zh" ? "检查时间" : "Checked at", formatDateTime(content.checkedAt, timeZone)],
    [lang === "zh" ? "规则版本" : "Rules version", content.rulesVersion],
    [],
    [...HEADERS[lang]],
  ];
  const links: ReportTable["links"][number][] = [];
  for (const r of content.rows) {
    const row = rows.length;
    rows.push([
      r.ruleId, SEVERITY[lang][r.severity], r.sheet, r.cell, r.expected, r.actual, r.message, STATUS[lang][r.status], r.reason,
    ]);
    // Only a plain A1 address becomes a link, so a link can name nothing but a cell of this workbook.
    const at = r.sheet && r.cell ? fromA1(r.cell.trim(), r.sheet) : null;
    if (at && r.sheet!.trim() !== "") links.push({ row, col: 3, sheet: r.sheet!, cell: toA1(at), text: r.cell! });
  }
  if (content.rows.length === 0) rows.push([lang === "zh" ? "未发现问题" : "No findings"]);
  return { rows, links, headerRow: 4, figureColumns: [EXPECTED_COL, ACTUAL_COL] };
}

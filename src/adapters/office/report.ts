/**
 * The 校验报告 sheet in two syncs: sync 1 finds out whether the sheet exists and is protected;
 * sync 2 clears (or creates) it and writes the whole table in one range, the cell links, the
 * header formatting, the right alignment of the 应为/表中 figures and the column widths. The
 * check time is shown in the reader's local time to the second (src/host/report-table.ts). Every string is written formula-proof; a link only ever points at a cell of
 * this workbook (documentReference "'附件2'!D4"), never at an external address.
 */
import { fromA1, quoteSheetName, toA1 } from "../../core/grid/address";
import { REPORT_SHEET, type ReportSheetContent } from "../../host/ports";
import { reportTable } from "../../host/report-table";
import { excelText } from "./cells";

export type ReportPhase = "inspect" | "write";

export interface ReportOptions {
  /** Range.hyperlink is ExcelApi 1.7; without it the cell column is plain text. */
  readonly hyperlinks: boolean;
}

/** The internal link target for a report row, or null when the cell text is not a plain A1 address. */
export function reportLinkTarget(sheet: string, cell: string): { documentReference: string; text: string } | null {
  const at = fromA1(cell, sheet);
  if (!at || sheet.trim() === "") return null;
  const a1 = toA1(at);
  return { documentReference: `${quoteSheetName(sheet)}!${a1}`, text: a1 };
}

export async function writeReportSheet(
  context: Excel.RequestContext,
  content: ReportSheetContent,
  options: ReportOptions,
  onPhase: (phase: ReportPhase) => void,
): Promise<{ ok: true } | { ok: false; protectedSheet: string }> {
  onPhase("inspect");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  await context.sync();

  const existing = worksheets.items.find((ws) => ws.name === REPORT_SHEET);
  if (existing?.protection.protected) return { ok: false, protectedSheet: REPORT_SHEET };

  onPhase("write");
  const table = reportTable(content);
  const width = Math.max(1, ...table.rows.map((row) => row.length));
  const grid = table.rows.map((row) => {
    const padded: string[] = [];
    for (let c = 0; c < width; c++) {
      const value = row[c];
      padded.push(value === null || value === undefined ? "" : excelText(value));
    }
    return padded;
  });

  const ws = existing ?? worksheets.add(REPORT_SHEET);
  // Refresh: old rows, formats and links go; clearing keeps the sheet (and its position).
  if (existing) ws.getRange().clear("All");
  const body = ws.getRange(`A1:${toA1({ row: grid.length - 1, col: width - 1 })}`);
  body.values = grid;
  ws.getRange("A1").format.font.bold = true;
  ws.getRange(`A${table.headerRow + 1}:${toA1({ row: table.headerRow, col: width - 1 })}`).format.font.bold = true;
  // 应为/表中 hold formatted figures ("982.21 万元", "166.67%"): right-aligned, header included, so decimals line up.
  for (const col of table.figureColumns) {
    ws.getRange(`${toA1({ row: table.headerRow, col })}:${toA1({ row: grid.length - 1, col })}`).format.horizontalAlignment = "Right";
  }
  if (options.hyperlinks) {
    for (const link of table.links) {
      const target = reportLinkTarget(link.sheet, link.cell);
      if (!target) continue;
      ws.getCell(link.row, link.col).hyperlink = { documentReference: target.documentReference, textToDisplay: target.text };
    }
  }
  // Every column as wide as its longest text, so an address or a formatted amount is never cut.
  body.format.autofitColumns();
  ws.activate();
  await context.sync();
  return { ok: true };
}

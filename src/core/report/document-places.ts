/**
 * Places in a Word report as its reader counts them: a finding on grid cell 表2!I5 of a table with
 * two caption rows is "表2 第3行 第9列" — the table's own row and column. The JSON keeps the grid's
 * sheet and cell (with `source` saying how to map them); the text people read says the place.
 */
import { fromA1 } from "../grid/address";
import type { Lang } from "../findings/finding";
import type { JsonDocumentSource, JsonReport } from "./json-report";

const GRID_REF = /(表\d+)!\$?([A-Z]{1,3})\$?(\d+)/g;

/** "表2 第3行 第9列" (en "table 2, row 3, column 9"); a caption row is "表2 标题". */
export function documentPlace(source: JsonDocumentSource, sheet: string, cell: string, lang: Lang): string {
  const table = source.tables.find((t) => t.sheet === sheet);
  const at = fromA1(cell);
  if (!table || !at) return `${sheet}!${cell}`;
  const row = at.row - table.captionRows + 1;
  const number = sheet.replace(/^表/, "");
  if (row < 1) return lang === "zh" ? `${sheet} 标题` : `table ${number}, caption`;
  return lang === "zh" ? `${sheet} 第${row}行 第${at.col + 1}列` : `table ${number}, row ${row}, column ${at.col + 1}`;
}

/**
 * The report with every grid reference in its messages said as a place in the document; from a
 * PDF, each message also says it was read from the PDF (its tables are rebuilt, not read).
 */
export function withDocumentPlaces<R extends Pick<JsonReport, "source"> & { readonly findings: readonly { readonly message: string }[] }>(report: R, lang: Lang): R {
  const source = report.source;
  if (!source) return report;
  const mark = source.kind === "pdf" ? (lang === "zh" ? "（读自 PDF，请对照原文核实）" : " (read from the PDF: verify against the original)") : "";
  const say = (text: string) => `${text.replace(GRID_REF, (whole, sheet: string, col: string, row: string) => documentPlace(source, sheet, `${col}${row}`, lang))}${mark}`;
  return { ...report, findings: report.findings.map((f) => ({ ...f, message: say(f.message) })) };
}

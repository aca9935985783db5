/**
 * A Word report (.docx) read as the engine reads a workbook: every table of the document becomes a
 * sheet-like grid, the rest of the body is the report's text. Reports are published as Word files
 * with the annex tables inside; a finance bureau receives them as they are.
 *
 * Tables: rows start at w:gridBefore, a cell spans w:gridSpan grid columns, w:vMerge continues the
 * cell above in the same grid column (both become merged ranges, as in Excel); a cell's text is
 * every run's text (tabs and breaks as white space, deleted and moved-from text and field codes
 * skipped); a table inside a cell is a table of its own; two tables with nothing but empty
 * paragraphs (or a "续表" line) between them and the same grid are one table split by a page break.
 * The paragraphs just above a table (its caption: "附件2", the table's title, "单位：万元") become
 * merged rows above it, where a workbook has its title rows, so recognition finds the same labels.
 * Figures typed as plain numbers ("116.80", "1,234.5", "60%") become numbers with the format that
 * shows them as written; anything else stays text, for the engine's own reading of typed values.
 *
 * Our zip directory and strict XML tokenizer (no DTD, sizes capped); no Node built-ins.
 */
import { SparseSheet, type Cell, type WorkbookSnapshot } from "../../core/grid/workbook";
import { parseXml, type Attributes, type XmlHandler } from "../xlsx/fast/xml";
import { readDirectory, readEntry, type Inflate } from "../xlsx/fast/zip";
import { InputLimitError, type InputLimits } from "../limits";
import type { ImportedTable } from "../../host/ports";

/** One table of the document, as a grid named 表N. */
export interface DocumentTable {
  /** The grid's sheet name: 表1, 表2… in document order. */
  readonly sheet: string;
  /** The caption paragraphs above the table, joined ("附件2 2023年度…基础数据表"); "" when none. */
  readonly caption: string;
  /** Caption rows placed above the table's own rows in the grid (row r of the grid is the table's row r - captionRows + 1). */
  readonly captionRows: number;
}

export interface ReadDocument {
  readonly snapshot: WorkbookSnapshot;
  readonly tables: readonly DocumentTable[];
  /** The body's paragraphs outside tables, one per line. */
  readonly text: string;
}

export type DocumentRead = { readonly ok: true; readonly document: ReadDocument } | { readonly ok: false; readonly reason: "not-docx" | "corrupt" };

const utf8 = new TextDecoder("utf-8");
const utf16 = new TextDecoder("utf-16le");

/** At most this many caption paragraphs are taken from above a table, each at most this long. */
const MAX_CAPTION_LINES = 3;
const MAX_CAPTION_LENGTH = 80;

/** Reads a .docx package (InputLimitError past a limit). */
export function readDocument(bytes: Uint8Array, inflate: Inflate, limits: InputLimits): DocumentRead {
  let entries: ReturnType<typeof readDirectory>;
  try {
    entries = readDirectory(bytes, limits.zipEntries);
  } catch (error) {
    if (error instanceof InputLimitError) throw error;
    return { ok: false, reason: "corrupt" };
  }
  const main = [...entries.keys()].find((name) => name.toLowerCase() === "word/document.xml");
  if (main === undefined) return { ok: false, reason: "not-docx" };
  const entry = entries.get(main)!;
  if (entry.size > limits.partBytes) throw new InputLimitError("partBytes", limits.partBytes);
  if (entry.size > limits.docxPartBytes) throw new InputLimitError("docxPartBytes", limits.docxPartBytes);
  let xml: string;
  try {
    const data = readEntry(bytes, entry, entry.size, inflate);
    xml = data.length >= 2 && data[0] === 0xff && data[1] === 0xfe ? utf16.decode(data.subarray(2)) : utf8.decode(data);
  } catch {
    return { ok: false, reason: "corrupt" };
  }
  const blocks = readBody(xml, limits);
  return { ok: true, document: toDocument(blocks, limits) };
}

// ---------------------------------------------------------------------------------------------
// The body as blocks: paragraphs and tables, in order.

interface RawCell {
  readonly text: string;
  /** Grid column where the cell starts. */
  readonly col: number;
  readonly span: number;
  /** "restart" starts a vertical merge, "continue" continues the one above. */
  readonly vMerge: "restart" | "continue" | null;
}

interface RawTable {
  readonly kind: "table";
  readonly gridColumns: number;
  readonly rows: RawCell[][];
  /** Read from inside another table's cell: never joined to a neighbour as a split table. */
  readonly nested: boolean;
}

type Block = { readonly kind: "paragraph"; readonly text: string } | RawTable;

interface TableBuilder {
  gridColumns: number;
  rows: RawCell[][];
  row: RawCell[] | null;
  col: number;
  gridAfter: number;
  cell: { span: number; vMerge: "restart" | "continue" | null; paragraphs: string[] } | null;
}

function readBody(xml: string, limits: InputLimits): Block[] {
  const blocks: Block[] = [];
  const tables: TableBuilder[] = [];
  // Nested tables are read as tables of their own, after the one that holds them.
  const finished: RawTable[][] = [];
  let inBody = false;
  let paragraph: string[] | null = null;
  let paragraphDepth = 0;
  let inRun = false;
  let skip = 0; // inside deleted or moved-from text, field codes, properties, text boxes, fallbacks
  let inText = false;
  let cells = 0;

  const current = () => tables[tables.length - 1];
  const value = (a: Attributes, fallback: number) => {
    const n = Number.parseInt(a.get("val") ?? "", 10);
    return Number.isInteger(n) && n >= 0 ? Math.min(n, 16_384) : fallback;
  };
  const SKIPPED = new Set(["del", "moveFrom", "instrText", "delText", "delInstrText", "sdtPr", "rPr", "pPr", "txbxContent", "Fallback", "footnoteReference", "commentReference"]);

  const handler: XmlHandler & { wantsText: boolean } = {
    wantsText: false,
    open(name, a) {
      if (name === "body") {
        inBody = true;
        return;
      }
      if (!inBody) return;
      if (SKIPPED.has(name)) {
        skip++;
        return;
      }
      if (skip > 0) {
        // Inside tcPr/trPr the merge and span markers are still wanted; everything else skipped is text.
        return;
      }
      const table = current();
      switch (name) {
        case "tbl":
          tables.push({ gridColumns: 0, rows: [], row: null, col: 0, gridAfter: 0, cell: null });
          return;
        case "gridCol":
          if (table && table.rows.length === 0) table.gridColumns++;
          return;
        case "tr":
          if (table) {
            table.row = [];
            table.col = 0;
            table.gridAfter = 0;
          }
          return;
        case "gridBefore":
          if (table?.row && table.row.length === 0) table.col = value(a, 0);
          return;
        case "gridAfter":
          if (table?.row) table.gridAfter = value(a, 0);
          return;
        case "tc":
          if (table?.row) table.cell = { span: 1, vMerge: null, paragraphs: [] };
          if (++cells > limits.cells) throw new InputLimitError("cells", limits.cells);
          return;
        case "gridSpan":
          if (table?.cell) table.cell.span = Math.max(1, value(a, 1));
          return;
        case "hMerge":
          // Old Word's horizontal merge: a "continue" cell widens the cell before it.
          if (table?.cell && a.get("val") !== "restart") table.cell.span = 0;
          return;
        case "vMerge":
          if (table?.cell) table.cell.vMerge = a.get("val") === "restart" ? "restart" : "continue";
          return;
        case "p":
          if (paragraphDepth++ === 0) paragraph = [];
          return;
        case "r":
          inRun = true;
          return;
        case "t":
          if (inRun && paragraph) {
            inText = true;
            handler.wantsText = true;
          }
          return;
        case "tab":
        case "ptab":
          if (inRun) paragraph?.push("\t");
          return;
        case "br":
        case "cr":
          if (inRun) paragraph?.push("\n");
          return;
        case "noBreakHyphen":
          if (inRun) paragraph?.push("-");
          return;
        default:
          return;
      }
    },
    close(name) {
      if (name === "body") {
        inBody = false;
        return;
      }
      if (!inBody) return;
      if (SKIPPED.has(name)) {
        skip = Math.max(0, skip - 1);
        return;
      }
      if (skip > 0) return;
      const table = current();
      switch (name) {
        case "t":
          inText = false;
          handler.wantsText = false;
          return;
        case "r":
          inRun = false;
          return;
        case "p": {
          if (--paragraphDepth > 0) return;
          const text = (paragraph ?? []).join("");
          paragraph = null;
          if (table?.cell) table.cell.paragraphs.push(text);
          else if (!table) blocks.push({ kind: "paragraph", text });
          return;
        }
        case "tc":
          if (table?.row && table.cell) {
            const { span, vMerge, paragraphs } = table.cell;
            const text = paragraphs.join("\n");
            if (span === 0 && table.row.length > 0) {
              const before = table.row.pop()!;
              table.row.push({ ...before, span: before.span + 1 });
              table.col += 1;
            } else {
              table.row.push({ text, col: table.col, span: Math.max(1, span), vMerge });
              table.col += Math.max(1, span);
            }
          }
          if (table) table.cell = null;
          return;
        case "tr":
          if (table?.row) {
            table.rows.push(table.row);
            table.row = null;
          }
          return;
        case "tbl": {
          const done = tables.pop();
          if (!done) return;
          const outer = current();
          const raw: RawTable = { kind: "table", gridColumns: done.gridColumns, rows: done.rows, nested: outer !== undefined };
          if (outer) {
            // A table inside a cell: its own table, placed after the outer one.
            (finished[tables.length - 1] ??= []).push(raw);
          } else {
            blocks.push(raw);
            for (const nested of finished.splice(0).flat()) blocks.push(nested);
          }
          return;
        }
        default:
          return;
      }
    },
    text(text) {
      if (inText && skip === 0) paragraph?.push(text);
    },
  };
  parseXml(xml, handler);
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Blocks → grids and text.

function toDocument(blocks: readonly Block[], limits: InputLimits): ReadDocument {
  const sheets: SparseSheet[] = [];
  const tables: DocumentTable[] = [];
  const text: string[] = [];
  // Paragraphs since the last table: candidates for the next table's caption.
  let since: string[] = [];
  let previous: { raw: RawTable; sheet: SparseSheet; captionRows: number } | null = null;
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      text.push(block.text);
      since.push(block.text);
      continue;
    }
    // A table split by a page break: nothing but empty paragraphs or "续表" between, the same grid.
    const between = since.filter((p) => p.trim() !== "");
    if (previous && !previous.raw.nested && !block.nested && between.every((p) => /^[\s（(]*续表?[)）]?[\s:：]*$/.test(p)) && sameGrid(previous.raw, block)) {
      appendRows(previous.sheet, block, previous.sheet.rowCount);
      previous.raw = { ...previous.raw, rows: [...previous.raw.rows, ...block.rows] };
      since = [];
      continue;
    }
    if (sheets.length >= limits.sheets) throw new InputLimitError("sheets", limits.sheets);
    const caption = captionOf(since);
    const name = `表${sheets.length + 1}`;
    const sheet = new SparseSheet(name);
    const width = Math.max(1, tableWidth(block));
    caption.forEach((line, r) => {
      sheet.set(r, 0, { value: line.trim() });
      if (width > 1) sheet.addMerge({ sheet: name, top: r, left: 0, bottom: r, right: width - 1 });
    });
    appendRows(sheet, block, caption.length);
    sheets.push(sheet);
    tables.push({ sheet: name, caption: caption.map((l) => l.trim()).join(" "), captionRows: caption.length });
    previous = { raw: block, sheet, captionRows: caption.length };
    since = [];
  }
  return { snapshot: { sheets }, tables, text: text.join("\n") };
}

/**
 * The short paragraphs right above a table (its caption lines), nearest last. An "附件N" line is the
 * caption's first: anything above it belongs to what came before (a previous table's notes).
 */
export function captionOf(paragraphs: readonly string[]): string[] {
  const lines: string[] = [];
  for (let i = paragraphs.length - 1; i >= 0 && lines.length < MAX_CAPTION_LINES; i--) {
    const line = paragraphs[i]!.trim();
    if (line === "") {
      if (lines.length > 0) break;
      continue;
    }
    // Prose (a sentence that ends) is the report's body, and a table's notes or signature line
    // (说明, 注, 填表人) close what came before: neither is a caption.
    if (line.length > MAX_CAPTION_LENGTH || /[。；;]$/.test(line) || /^(?:说明|注|填表人|填报人|单位负责人)[:：]/.test(line)) break;
    lines.unshift(paragraphs[i]!);
    if (/^附件\s*[0-9０-９一二三四五六七八九十]{1,2}(?:[\s:：]|$)/.test(line)) break;
  }
  return lines;
}

function tableWidth(table: RawTable): number {
  let width = table.gridColumns;
  for (const row of table.rows) for (const cell of row) width = Math.max(width, cell.col + cell.span);
  return Math.min(width, 16_384);
}

function sameGrid(a: RawTable, b: RawTable): boolean {
  return tableWidth(a) === tableWidth(b);
}

/** The table's rows into the grid from `top` on: values, horizontal spans and vertical merges as merged ranges. */
function appendRows(sheet: SparseSheet, table: RawTable, top: number): void {
  // The open vertical merge per grid column: where it started and how wide it is.
  const open = new Map<number, { row: number; span: number }>();
  const close = (col: number, lastRow: number) => {
    const start = open.get(col);
    if (!start) return;
    open.delete(col);
    if (lastRow > start.row || start.span > 1) sheet.addMerge({ sheet: sheet.name, top: start.row, left: col, bottom: lastRow, right: col + start.span - 1 });
  };
  table.rows.forEach((row, r) => {
    const gridRow = top + r;
    const continued = new Set<number>();
    for (const cell of row) {
      if (cell.vMerge === "continue" && open.has(cell.col)) {
        continued.add(cell.col);
        continue;
      }
      close(cell.col, gridRow - 1);
      const value = cellValue(cell.text);
      if (value) sheet.set(gridRow, cell.col, value);
      if (cell.vMerge === "restart") open.set(cell.col, { row: gridRow, span: cell.span });
      else if (cell.span > 1) sheet.addMerge({ sheet: sheet.name, top: gridRow, left: cell.col, bottom: gridRow, right: cell.col + cell.span - 1 });
      continued.add(cell.col);
    }
    // A merge not continued in this row ended in the row above.
    for (const col of [...open.keys()]) if (!continued.has(col)) close(col, gridRow - 1);
  });
  for (const col of [...open.keys()]) close(col, top + table.rows.length - 1);
}

const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const PERCENT = /^[+-]?\d+(?:\.(\d+))?[%％]$/;

/**
 * A cell's text as a workbook would hold it: a plain number as a number, formatted to show as
 * written ("116.80" → 116.8 with 0.00; "60%" → 0.6 with 0%); any other text as text.
 */
export function cellValue(text: string): Cell | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const number = PLAIN_NUMBER.exec(t);
  // An identifier typed as digits (身份证号, 账号, "007") is text: more than 15 significant digits
  // cannot be a number Excel holds exactly, and a leading zero would be lost.
  const digits = t.replace(/^[+-]/, "").replace(/[,.]/g, "");
  const identifier = number !== null && !t.includes(",") && ((/^0\d/.test(t.replace(/^[+-]/, "")) && !t.includes(".")) || digits.replace(/^0+/, "").length > 15);
  if (number && !identifier) {
    const decimals = number[1]?.length ?? 0;
    const grouped = t.includes(",");
    const value = Number(t.replace(/,/g, ""));
    if (!Number.isFinite(value)) return { value: text };
    const format = grouped ? `#,##0${decimals ? `.${"0".repeat(decimals)}` : ""}` : decimals ? `0.${"0".repeat(decimals)}` : undefined;
    return format ? { value, numberFormat: format } : { value };
  }
  const percent = PERCENT.exec(t);
  if (percent) {
    const decimals = percent[1]?.length ?? 0;
    // "98.5e-2": the correctly rounded double of the fraction, as Excel stores 98.5%.
    const value = Number(`${t.slice(0, -1)}e-2`);
    return { value, numberFormat: `0${decimals ? `.${"0".repeat(decimals)}` : ""}%` };
  }
  return { value: text };
}

/**
 * The document's tables as sheets to add to a workbook (导入附件表), laid out as in Word: caption
 * rows, merges, numbers as numbers. A table captioned "附件N" asks for that name, the others for 表N.
 */
export function importableTables(document: ReadDocument): ImportedTable[] {
  return document.snapshot.sheets.map((sheet, i) => {
    const caption = document.tables[i]?.caption ?? "";
    const annex = /^附件\s*([0-9０-９一二三四五六七八九十]{1,2})/.exec(caption);
    const cells: { row: number; col: number; cell: Cell }[] = [];
    sheet.forEachCell?.((row, col, cell) => cells.push({ row, col, cell }));
    return { name: annex ? `附件${annex[1]}` : sheet.name, rowCount: sheet.rowCount, colCount: sheet.colCount, cells, merges: sheet.merges };
  });
}

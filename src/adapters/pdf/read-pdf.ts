/**
 * A PDF report, best effort (Node): PDF.js (pdfjs-dist 3, its CommonJS build; the CJK character
 * maps it ships are read from node_modules, never fetched) gives each page's text pieces and
 * drawing operations; layout.ts rebuilds the ruled tables and the text. The result has the shape
 * of a Word report's (document.ts): grids named 表N with their captions as title rows, and the
 * text outside the tables. A PDF without a text layer (a scan) or with a password gets one line.
 */
import { dirname, join } from "node:path";
import { SparseSheet } from "../../core/grid/workbook";
import type { Bilingual } from "../../core/findings/finding";
import { captionOf, cellValue, type DocumentTable, type ReadDocument } from "../docx/document";
import { InputLimitError, type InputLimits } from "../limits";
import { layoutPage, paragraphsOf, type LaidTable, type Segment, type TextLine, type TextPiece } from "./layout";

export type PdfRead = { readonly ok: true; readonly document: ReadDocument } | { readonly ok: false; readonly reason: "scanned" | "encrypted" | "corrupt"; readonly message: Bilingual };

export const PDF_MESSAGES: Readonly<Record<"scanned" | "encrypted" | "corrupt", Bilingual>> = {
  scanned: {
    zh: "无法读取：这个 PDF 没有文字层（扫描件或图片），无法读取其中的表格；请使用报告的 Word 版（.docx）或 Excel 附件",
    en: "Cannot read: this PDF has no text layer (a scan or images), so its tables cannot be read; use the report's Word version (.docx) or the Excel annexes",
  },
  encrypted: {
    zh: "无法读取：PDF 设有密码，请取消密码后再检查，或使用 Word 版（.docx）",
    en: "Cannot read: the PDF is password-protected; remove the password or use the Word version (.docx)",
  },
  corrupt: { zh: "无法读取：PDF 文件已损坏", en: "Cannot read: the PDF is damaged" },
};

interface PdfJs {
  getDocument(options: Record<string, unknown>): { promise: Promise<PdfDocument> };
  OPS: Record<string, number>;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfPage {
  view: number[];
  getTextContent(): Promise<{ items: { str?: string; transform: number[]; width: number }[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
}

const MAX_PAGES = 2_000;

function loadPdfJs(): { pdfjs: PdfJs; root: string } {
  // PDF.js announces on loading that it cannot polyfill the canvas it needs only to render (never
  // here): quiet while it loads, so the CLI's stderr keeps one line per file.
  const log = console.log;
  let pdfjs: PdfJs;
  try {
    console.log = () => undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS build, loaded only for a PDF
    pdfjs = require("pdfjs-dist/legacy/build/pdf.js") as PdfJs;
  } finally {
    console.log = log;
  }
  const root = dirname(require.resolve("pdfjs-dist/package.json"));
  return { pdfjs, root };
}

export async function readPdf(bytes: Uint8Array, limits: InputLimits): Promise<PdfRead> {
  const { pdfjs, root } = loadPdfJs();
  let document: PdfDocument;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: `${join(root, "cmaps")}/`,
      cMapPacked: true,
      standardFontDataUrl: `${join(root, "standard_fonts")}/`,
      // Never true: with it, this PDF.js version runs code compiled from font data (CVE-2024-4367).
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    return { ok: false, reason: name === "PasswordException" ? "encrypted" : "corrupt", message: PDF_MESSAGES[name === "PasswordException" ? "encrypted" : "corrupt"] };
  }
  try {
    if (document.numPages > MAX_PAGES) throw new InputLimitError("sheets", MAX_PAGES);
    const pages: { tables: LaidTable[]; lines: TextLine[]; height: number }[] = [];
    let pieces = 0;
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const layout = await pageLayout(page, pdfjs.OPS);
      pieces += layout.pieces.length;
      if (pieces > limits.cells) throw new InputLimitError("cells", limits.cells);
      pages.push({ ...layoutPage(layout), height: layout.height });
    }
    if (pieces === 0) return { ok: false, reason: "scanned", message: PDF_MESSAGES.scanned };
    return { ok: true, document: toDocument(pages, limits) };
  } finally {
    await document.destroy().catch(() => undefined);
  }
}

/** A page's text pieces and straight lines, in page units (y upwards). */
export async function pageLayout(page: PdfPage, OPS: Record<string, number>): Promise<{ pieces: TextPiece[]; segments: Segment[]; height: number }> {
  const content = await page.getTextContent();
  const pieces: TextPiece[] = [];
  for (const item of content.items) {
    if (typeof item.str !== "string" || item.str.trim() === "") continue;
    const [a = 0, b = 0, , , e = 0, f = 0] = item.transform;
    pieces.push({ text: item.str, x: e, y: f, width: item.width, size: Math.hypot(a, b) || 10 });
  }
  const ops = await page.getOperatorList();
  const segments: Segment[] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  let path: (Segment & { thin?: boolean })[] = [];
  // The pen carries over from one constructPath to the next: PDF.js may split one path (a moveTo
  // in one, its lineTo in the next).
  const pen: Pen = { current: null, start: null };
  const apply = (x: number, y: number) => [ctm[0]! * x + ctm[2]! * y + ctm[4]!, ctm[1]! * x + ctm[3]! * y + ctm[5]!] as const;
  const multiply = (m: readonly number[]) => {
    const [a, b, c, d, e, f] = ctm as [number, number, number, number, number, number];
    ctm = [m[0]! * a + m[1]! * c, m[0]! * b + m[1]! * d, m[2]! * a + m[3]! * c, m[2]! * b + m[3]! * d, m[4]! * a + m[5]! * c + e, m[4]! * b + m[5]! * d + f];
  };
  const STROKES = new Set([OPS["stroke"], OPS["closeStroke"], OPS["fillStroke"], OPS["eoFillStroke"], OPS["closeFillStroke"], OPS["closeEOFillStroke"]]);
  const FILLS = new Set([OPS["fill"], OPS["eoFill"]]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS["save"]) stack.push(ctm);
    else if (fn === OPS["restore"]) ctm = stack.pop() ?? ctm;
    else if (fn === OPS["transform"] && args) multiply(args as number[]);
    else if (fn === OPS["paintFormXObjectBegin"] && args) {
      stack.push(ctm);
      if (Array.isArray(args[0])) multiply(args[0] as number[]);
    } else if (fn === OPS["paintFormXObjectEnd"]) ctm = stack.pop() ?? ctm;
    else if (fn === OPS["constructPath"] && args) path = path.concat(pathSegments(args, OPS, apply, pen));
    else if (fn !== undefined && (STROKES.has(fn) || FILLS.has(fn))) {
      // A filled path counts only where it is a thin bar (a border drawn as a filled rectangle);
      // shading and blocks of colour are not borders.
      for (const s of path) if (STROKES.has(fn) || s.thin) segments.push(s);
      path = [];
      pen.current = pen.start = null;
    } else if (fn === OPS["endPath"]) {
      path = [];
      pen.current = pen.start = null;
    }
  }
  return { pieces, segments, height: page.view[3] ?? 842 };
}

interface Pen {
  current: readonly [number, number] | null;
  start: readonly [number, number] | null;
}

/** The straight segments of one constructPath; rectangles as their four edges (or one bar if thin). */
function pathSegments(args: unknown[], OPS: Record<string, number>, apply: (x: number, y: number) => readonly [number, number], pen: Pen): (Segment & { thin?: boolean })[] {
  const subOps = args[0] as number[];
  const values = args[1] as number[];
  const out: (Segment & { thin?: boolean })[] = [];
  let k = 0;
  let { current, start } = pen;
  for (const op of subOps) {
    if (op === OPS["moveTo"]) {
      current = apply(values[k]!, values[k + 1]!);
      start = current;
      k += 2;
    } else if (op === OPS["lineTo"]) {
      const next = apply(values[k]!, values[k + 1]!);
      if (current) out.push({ x1: current[0], y1: current[1], x2: next[0], y2: next[1] });
      current = next;
      k += 2;
    } else if (op === OPS["curveTo"]) {
      current = apply(values[k + 4]!, values[k + 5]!);
      k += 6;
    } else if (op === OPS["curveTo2"] || op === OPS["curveTo3"]) {
      current = apply(values[k + 2]!, values[k + 3]!);
      k += 4;
    } else if (op === OPS["closePath"]) {
      if (current && start) out.push({ x1: current[0], y1: current[1], x2: start[0], y2: start[1] });
      current = start;
    } else if (op === OPS["rectangle"]) {
      const [x, y, w, h] = [values[k]!, values[k + 1]!, values[k + 2]!, values[k + 3]!];
      k += 4;
      const p1 = apply(x, y);
      const p2 = apply(x + w, y + h);
      const [x1, x2] = [Math.min(p1[0], p2[0]), Math.max(p1[0], p2[0])];
      const [y1, y2] = [Math.min(p1[1], p2[1]), Math.max(p1[1], p2[1])];
      if (y2 - y1 <= 2 && x2 - x1 > 2) out.push({ x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2, thin: true });
      else if (x2 - x1 <= 2 && y2 - y1 > 2) out.push({ x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2, thin: true });
      else {
        out.push({ x1, y1, x2, y2: y1 }, { x1, y1: y2, x2, y2 }, { x1, y1, x2: x1, y2 }, { x1: x2, y1, x2, y2 });
      }
    }
  }
  pen.current = current;
  pen.start = start;
  return out;
}

/** Pages → the grids (a table continued at the top of the next page joined to the last one) and the text. */
function toDocument(pages: readonly { tables: LaidTable[]; lines: TextLine[]; height: number }[], limits: InputLimits): ReadDocument {
  const found: { parts: LaidTable[]; caption: string[] }[] = [];
  const paragraphs: string[] = [];
  let last: { table: LaidTable; pageBottom: boolean } | null = null;
  for (const page of pages) {
    page.tables.forEach((table, i) => {
      const above = page.lines.filter((l) => l.y > table.top && (i === 0 || l.y < page.tables[i - 1]!.bottom));
      const continued = i === 0 && last !== null && last.pageBottom && sameColumns(last.table, table) && above.every((l) => /^\s*(续表|\d+|第\s*\d+\s*页.*)\s*$/.test(l.text));
      if (continued) found[found.length - 1]!.parts.push(table);
      else {
        if (found.length >= limits.sheets) throw new InputLimitError("sheets", limits.sheets);
        found.push({ parts: [table], caption: captionOf(above.map((l) => l.text)) });
      }
      last = { table, pageBottom: isNearBottom(table, page.height) };
    });
    paragraphs.push(...paragraphsOf(page.lines));
  }
  const sheets: SparseSheet[] = [];
  const tables: DocumentTable[] = [];
  for (const { parts, caption } of found) {
    const name = `表${sheets.length + 1}`;
    const sheet = new SparseSheet(name);
    const grid = joinParts(parts);
    caption.forEach((line, r) => {
      sheet.set(r, 0, { value: line.trim() });
      if (grid.cols > 1) sheet.addMerge({ sheet: name, top: r, left: 0, bottom: r, right: grid.cols - 1 });
    });
    const top = caption.length;
    for (const [key, text] of grid.texts) {
      const value = cellValue(text);
      if (value) sheet.set(top + Math.floor(key / grid.cols), key % grid.cols, value);
    }
    for (const m of grid.merges) sheet.addMerge({ sheet: name, top: top + m.top, left: m.left, bottom: top + m.bottom, right: m.right });
    sheet.extendTo(top + grid.rows, grid.cols);
    sheets.push(sheet);
    tables.push({ sheet: name, caption: caption.map((l) => l.trim()).join(" "), captionRows: caption.length });
  }
  return { snapshot: { sheets }, tables, text: paragraphs.join("\n") };
}

type Box = { top: number; left: number; bottom: number; right: number };

/**
 * The parts of a table split by page breaks as one grid. A merged cell cut by the break is drawn as
 * two boxes; they are joined again when they line up and one of them is empty (Word prints a
 * vertically merged cell's text once, on the first page).
 */
function joinParts(parts: readonly LaidTable[]): { rows: number; cols: number; texts: Map<number, string>; merges: Box[] } {
  const cols = parts[0]!.cols;
  const texts = new Map<number, string>();
  let boxes: Box[] = [];
  let rows = 0;
  for (const part of parts) {
    const offset = rows;
    const partBoxes: Box[] = part.merges.map((m) => ({ ...m }));
    // Every cell of the part's first and last row is a box too: the first to join a merge cut
    // above it, the last to be joined by one cut below.
    for (const r of new Set([0, part.rows - 1])) {
      for (let c = 0; c < part.cols; c++) {
        if (!partBoxes.some((b) => b.top <= r && r <= b.bottom && b.left <= c && c <= b.right)) partBoxes.push({ top: r, left: c, bottom: r, right: c });
      }
    }
    for (const box of partBoxes) {
      const text = part.texts.get(box.top * part.cols + box.left) ?? "";
      const above = offset > 0 && box.top === 0
        ? boxes.find((a) => a.bottom === offset - 1 && a.left === box.left && a.right === box.right && (a.bottom > a.top || box.bottom > box.top))
        : undefined;
      const aboveText = above ? texts.get(above.top * cols + above.left) ?? "" : "";
      if (above && (text === "" || aboveText === "")) {
        above.bottom = offset + box.bottom;
        if (aboveText === "" && text !== "") texts.set(above.top * cols + above.left, text);
        continue;
      }
      if (text !== "") texts.set((offset + box.top) * cols + box.left, text);
      boxes.push({ top: offset + box.top, left: box.left, bottom: offset + box.bottom, right: box.right });
    }
    for (const [key, text] of part.texts) {
      const r = Math.floor(key / part.cols);
      // Box anchors were placed above; the other cells' texts go where they are.
      if (partBoxes.some((b) => b.top === r && b.left === key % part.cols)) continue;
      texts.set((offset + r) * cols + (key % part.cols), text);
    }
    rows += part.rows;
  }
  boxes = boxes.filter((b) => b.bottom > b.top || b.right > b.left);
  return { rows, cols, texts, merges: boxes };
}

function sameColumns(a: LaidTable, b: LaidTable): boolean {
  return a.xs.length === b.xs.length && a.xs.every((x, i) => Math.abs(x - b.xs[i]!) <= 2);
}

function isNearBottom(table: LaidTable, height: number): boolean {
  return table.bottom < height * 0.2;
}


/**
 * Text-layer PDFs with ruled tables, generated with pdfkit and the system's Noto CJK font, for the
 * PDF reader's tests and its accuracy measurement: paragraphs of text, then tables laid out from a
 * sheet spec range (merged cells drawn without their inner borders, text wrapped inside cells), a
 * table that does not fit continued on the next page.
 */
import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { parseRangeA1, type CellRange } from "../../src/core/grid/address";
import { shownText, type SheetSpec } from "../../src/adapters/memory/grid-spec";

export { shownText };

export const CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
export const hasCjkFont = () => existsSync(CJK_FONT);

export type PdfBlock =
  | { readonly kind: "text"; readonly text: string; readonly size?: number; readonly indent?: boolean }
  | { readonly kind: "table"; readonly sheet: SheetSpec; readonly range: string; readonly size?: number; readonly widthScale?: number; readonly fill?: boolean }
  | { readonly kind: "pageBreak" };

export function buildPdf(blocks: readonly PdfBlock[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50, bufferPages: true, info: { CreationDate: new Date(Date.UTC(2024, 0, 1)) } });
  doc.font(CJK_FONT, "NotoSansCJKsc-Regular");
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const left = 50;
  const bottom = doc.page.height - 50;
  let y = 50;
  for (const block of blocks) {
    if (block.kind === "pageBreak") {
      doc.addPage();
      y = 50;
      continue;
    }
    if (block.kind === "text") {
      const size = block.size ?? 10.5;
      doc.fontSize(size);
      const x = left + (block.indent ? size * 2 : 0);
      const width = doc.page.width - 50 - x;
      const height = doc.heightOfString(block.text || " ", { width });
      if (y + height > bottom) {
        doc.addPage();
        y = 50;
      }
      doc.text(block.text, x, y, { width, lineGap: 2 });
      y += height + size * 0.6;
      continue;
    }
    y = drawTable(doc, block, y, bottom);
  }
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, block: Extract<PdfBlock, { kind: "table" }>, startY: number, bottom: number): number {
  const size = block.size ?? 9;
  doc.fontSize(size);
  const range = parseRangeA1(block.range, block.sheet.name)!;
  const cols = range.right - range.left + 1;
  const scale = block.widthScale ?? 1;
  const available = (doc.page.width - 100) * scale;
  const raw = Array.from({ length: cols }, (_, i) => block.sheet.widths?.[range.left + i] ?? 10);
  const total = raw.reduce((a, b) => a + b, 0);
  const widths = raw.map((w) => (w / total) * available);
  const xs = widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [50]);
  const merges = (block.sheet.merges ?? []).map((m) => parseRangeA1(m, block.sheet.name)!).filter((m) => m.top >= range.top && m.bottom <= range.bottom);
  const mergeAt = (r: number, c: number): CellRange | undefined => merges.find((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right);
  const pad = 2;
  // Row heights: the tallest single-row cell's wrapped text.
  const heights: number[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    let h = size + pad * 2 + 2;
    for (let c = range.left; c <= range.right; c++) {
      const m = mergeAt(r, c);
      if (m && (m.top !== r || m.left !== c || m.bottom > m.top)) continue;
      const width = xs[(m ? m.right : c) - range.left + 1]! - xs[c - range.left]! - pad * 2;
      const text = shownText(block.sheet, r, c);
      if (text) h = Math.max(h, doc.heightOfString(text, { width }) + pad * 2);
    }
    heights.push(h);
  }
  let y = startY;
  const rowTop: number[] = [];
  const rowPage: number[] = [];
  let page = 0;
  heights.forEach((h) => {
    if (y + h > bottom) {
      doc.addPage();
      page++;
      y = 50;
    }
    rowTop.push(y);
    rowPage.push(page);
    y += h;
  });
  // Draw page by page: the rows of a page, their text and their borders.
  const pages = Math.max(...rowPage) + 1;
  const firstPage = doc.bufferedPageRange().count - pages;
  for (let p = 0; p < pages; p++) {
    doc.switchToPage(firstPage + p);
    doc.fontSize(size);
    for (let i = 0; i < heights.length; i++) {
      if (rowPage[i] !== p) continue;
      const r = range.top + i;
      for (let c = range.left; c <= range.right; c++) {
        const m = mergeAt(r, c);
        const ci = c - range.left;
        const x1 = xs[ci]!;
        const x2 = xs[ci + 1]!;
        const y1 = rowTop[i]!;
        const y2 = y1 + heights[i]!;
        // Borders: top and left of every cell unless inside a merge; the table's outer edges.
        const insideLeft = m !== undefined && c > m.left;
        const insideTop = m !== undefined && r > m.top && rowPage[i - 1] === p;
        if (!insideTop) line(doc, x1, y1, x2, y1, block.fill);
        if (!insideLeft) line(doc, x1, y1, x1, y2, block.fill);
        if (c === range.right) line(doc, x2, y1, x2, y2, block.fill);
        if (i === heights.length - 1 || rowPage[i + 1] !== p) line(doc, x1, y2, x2, y2, block.fill);
        if (m && (m.top !== r || m.left !== c)) continue;
        const text = shownText(block.sheet, r, c);
        if (!text) continue;
        const right = m ? xs[m.right - range.left + 1]! : x2;
        doc.text(text, x1 + pad, y1 + pad, { width: right - x1 - pad * 2, lineGap: 0 });
      }
    }
  }
  doc.switchToPage(doc.bufferedPageRange().count - 1);
  return y + size;
}

/** A border: a stroked line, or a thin filled bar (as Word's PDF export draws them). */
function line(doc: PDFKit.PDFDocument, x1: number, y1: number, x2: number, y2: number, fill?: boolean): void {
  if (fill) {
    const w = Math.max(0.5, Math.abs(x2 - x1));
    const h = Math.max(0.5, Math.abs(y2 - y1));
    doc.rect(Math.min(x1, x2), Math.min(y1, y2), w, h).fill("#000");
  } else {
    doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(0.5).stroke();
  }
}

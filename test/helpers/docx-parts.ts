/**
 * Minimal .docx packages from body XML, for reader tests that need exactly one structure: the
 * parts every Word document has and a document.xml holding the given body.
 */
import { strToU8, zipSync } from "fflate";

export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

export function buildDocx(body: string, extra: Record<string, string> = {}): Buffer {
  return Buffer.from(zipSync({
    "[Content_Types].xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
    "_rels/.rels": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
  }));
}

/** A paragraph of one run. */
export const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A cell: its paragraphs' XML, with optional tcPr content (gridSpan, vMerge). */
export const tc = (content: string, props = "") => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${content.startsWith("<") ? content : p(content)}</w:tc>`;

/** A row of cells, with optional trPr content (gridBefore, gridAfter). */
export const tr = (cells: string[], props = "") => `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ""}${cells.join("")}</w:tr>`;

/** A table with a grid of `columns` and the given rows. */
export const tbl = (columns: number, rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid>${"<w:gridCol/>".repeat(columns)}</w:tblGrid>${rows.join("")}</w:tbl>`;

/**
 * Editing cells in a worksheet's XML text, touching nothing else: the corrected copy keeps every
 * byte of the sheet that is not one of the corrected cells (row attributes, other cells, formulas,
 * conditional formats, data validations, extensions). Each edit replaces one <c> element (or adds
 * one, or a <row>, in order); the cell keeps its other attributes (style, phonetic flag) and loses
 * only its type, value, formula and value metadata, which the new value replaces.
 *
 * Only what Excel and every common writer produce is edited: rows and cells with explicit
 * references. A sheet that leaves them implicit, or holds comments or CDATA inside its data, is
 * refused (PatchError) rather than guessed at. No Node built-ins.
 */
import { columnIndex, columnLetters } from "../../../core/grid/address";
import { escapeXml } from "../sheet-writer";

export class PatchError extends Error {}

export interface CellPatch {
  readonly row: number;
  readonly col: number;
  readonly value: number | string;
  /** A style index to give the cell instead of its own; undefined keeps it. */
  readonly style?: number;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

interface ElementAt extends Span {
  /** The attributes' text (between the name and ">"). */
  readonly attributes: string;
  readonly prefix: string;
  /** Where the element's content starts and ends (equal for a self-closing element). */
  readonly inner: Span;
  readonly selfClosing: boolean;
}

/**
 * The style index a cell of this sheet shows, for the styles patcher to base a format on: its own
 * `s`, or for a cell not written yet the style Excel shows there (its row's, when the row has a
 * custom format, else its column's), else 0.
 */
export function styleOfCell(xml: string, row: number, col: number): number {
  const data = sheetData(xml);
  if (!data) return 0;
  const rowElement = data.selfClosing ? null : findRow(xml, data, row + 1);
  const cell = rowElement && !("before" in rowElement) ? findCell(xml, rowElement, cellRef(row, col)) : null;
  if (cell && !("before" in cell)) return styleIndex(attribute(cell.attributes, "s"));
  return inheritedStyle(xml, rowElement && !("before" in rowElement) ? rowElement : null, col);
}

function styleIndex(s: string | undefined): number {
  return s === undefined ? 0 : Number.parseInt(s, 10) || 0;
}

/** The style an empty cell shows: its row's (customFormat="1"), else its column's (<col style>), else 0. */
function inheritedStyle(xml: string, row: ElementAt | null, col: number): number {
  if (row && /^(1|true)$/.test(attribute(row.attributes, "customFormat") ?? "")) return styleIndex(attribute(row.attributes, "s"));
  const cols = /<([A-Za-z_][\w.-]*:)?cols\b[^>]*>([\s\S]*?)<\/\1?cols>/.exec(xml);
  if (cols) {
    for (const m of cols[2]!.matchAll(/<(?:[A-Za-z_][\w.-]*:)?col\b([^>]*)\/?>/g)) {
      const min = Number(attribute(m[1]!, "min"));
      const max = Number(attribute(m[1]!, "max"));
      if (col + 1 >= min && col + 1 <= max) return styleIndex(attribute(m[1]!, "style"));
    }
  }
  return 0;
}

/** The sheet's XML with the patches applied. Throws PatchError when the sheet cannot be edited safely. */
export function patchCells(xml: string, patches: readonly CellPatch[]): string {
  let out = xml;
  // Applied one at a time, each on the text the last one left: a sheet gets a handful of fixes.
  for (const patch of patches) out = patchOne(out, patch);
  return out;
}

function patchOne(xml: string, patch: CellPatch): string {
  const data = sheetData(xml);
  if (!data) throw new PatchError("no <sheetData>");
  const ref = cellRef(patch.row, patch.col);
  const rowNumber = patch.row + 1;
  // A cell written where none was shows the style Excel showed there (its row's or column's).
  const fresh = (row: ElementAt | null): CellPatch => {
    if (patch.style !== undefined) return patch;
    const inherited = inheritedStyle(xml, row, patch.col);
    return inherited !== 0 ? { ...patch, style: inherited } : patch;
  };
  if (data.selfClosing) {
    // <sheetData/>: opened up to hold the new row.
    const p = data.prefix;
    const replacement = `<${p}sheetData>${newRow(p, rowNumber, newCell(p, ref, "", fresh(null)))}</${p}sheetData>`;
    return xml.slice(0, data.start) + replacement + xml.slice(data.end);
  }
  const rowElement = findRow(xml, data, rowNumber);
  if (rowElement === null || "before" in rowElement) {
    const at = rowElement === null ? data.inner.end : rowElement.before;
    return xml.slice(0, at) + newRow(data.prefix, rowNumber, newCell(data.prefix, ref, "", fresh(null))) + xml.slice(at);
  }
  const cell = findCell(xml, rowElement, ref);
  if (cell !== null && !("before" in cell)) {
    return xml.slice(0, cell.start) + newCell(cell.prefix, ref, cell.attributes, patch) + xml.slice(cell.end);
  }
  const row = rowElement;
  if (row.selfClosing) {
    // <row r="5"/>: opened up to hold the cell.
    const opened = `<${row.prefix}row${row.attributes.replace(/\/\s*$/, "")}>${newCell(row.prefix, ref, "", fresh(row))}</${row.prefix}row>`;
    return xml.slice(0, row.start) + widenSpans(opened, patch.col) + xml.slice(row.end);
  }
  const at = cell === null ? row.inner.end : cell.before;
  const edited = xml.slice(0, at) + newCell(row.prefix, ref, "", fresh(row)) + xml.slice(at);
  // The row's spans attribute is a hint of its first and last column; kept true when it grows.
  const openTag = edited.slice(row.start, row.inner.start);
  return edited.slice(0, row.start) + widenSpans(openTag, patch.col) + edited.slice(row.inner.start);
}

function cellRef(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

function sheetData(xml: string): ElementAt | null {
  const open = /<([A-Za-z_][\w.-]*:)?sheetData\b([^>]*)>/.exec(xml);
  if (!open) return null;
  const prefix = open[1] ?? "";
  const start = open.index;
  const afterOpen = start + open[0].length;
  if (open[2]!.trimEnd().endsWith("/")) return { start, end: afterOpen, attributes: open[2]!, prefix, inner: { start: afterOpen, end: afterOpen }, selfClosing: true };
  const close = xml.indexOf(`</${prefix}sheetData>`, afterOpen);
  if (close < 0) throw new PatchError("<sheetData> not closed");
  const inner = xml.slice(afterOpen, close);
  if (inner.includes("<!--") || inner.includes("<![CDATA[")) throw new PatchError("comments or CDATA inside <sheetData>");
  return { start, end: close + `</${prefix}sheetData>`.length, attributes: open[2]!, prefix, inner: { start: afterOpen, end: close }, selfClosing: false };
}

/** The row numbered `r`, or where a row of that number belongs (before the first greater one). */
function findRow(xml: string, data: ElementAt, r: number): ElementAt | { before: number } | null {
  return findChild(xml, data, "row", (attributes) => {
    const number = Number(attribute(attributes, "r"));
    if (!Number.isInteger(number) || number < 1) throw new PatchError("a row without its number (r)");
    return number - r;
  });
}

/** The cell `ref` in the row, or where it belongs (before the first cell of a greater column). */
function findCell(xml: string, row: ElementAt, ref: string): ElementAt | { before: number } | null {
  const col = columnIndex(ref.replace(/\d+$/, ""));
  return findChild(xml, row, "c", (attributes) => {
    const r = attribute(attributes, "r");
    if (r === undefined) throw new PatchError("a cell without its reference (r)");
    const normalized = r.replace(/\$/g, "").toUpperCase();
    return normalized === ref ? 0 : columnIndex(normalized.replace(/\d+$/, "")) - col;
  });
}

/**
 * The child element `name` of `parent` (children are in order) that `compare` finds (0), or where
 * one belongs: before the first child that compares greater; null when every child is smaller.
 * Children do not nest in themselves (rows, cells), so each one's end is its first closing tag.
 */
function findChild(xml: string, parent: ElementAt, name: string, compare: (attributes: string) => number): ElementAt | { before: number } | null {
  const pattern = new RegExp(`<([A-Za-z_][\\w.-]*:)?${name}\\b([^>]*)>`, "g");
  pattern.lastIndex = parent.inner.start;
  for (let m = pattern.exec(xml); m !== null && m.index < parent.inner.end; m = pattern.exec(xml)) {
    const attributes = m[2]!;
    const order = compare(attributes);
    const prefix = m[1] ?? "";
    const afterOpen = m.index + m[0].length;
    let element: ElementAt;
    if (attributes.trimEnd().endsWith("/")) {
      element = { start: m.index, end: afterOpen, attributes, prefix, inner: { start: afterOpen, end: afterOpen }, selfClosing: true };
    } else {
      const close = xml.indexOf(`</${prefix}${name}>`, afterOpen);
      if (close < 0 || close > parent.inner.end) throw new PatchError(`<${name}> not closed`);
      element = { start: m.index, end: close + `</${prefix}${name}>`.length, attributes, prefix, inner: { start: afterOpen, end: close }, selfClosing: false };
      pattern.lastIndex = element.end;
    }
    if (order === 0) return element;
    if (order > 0) return { before: m.index };
  }
  return null;
}

/** An attribute's value in an element's attribute text (either quote). */
function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The attributes kept from the old cell: all but its reference, type, value metadata and (if restyled) style. */
function keptAttributes(attributes: string, restyled: boolean): string {
  const drop = new Set(["r", "t", "cm", "vm", ...(restyled ? ["s"] : [])]);
  const kept: string[] = [];
  for (const m of attributes.replace(/\/\s*$/, "").matchAll(/([\w:.-]+)\s*=\s*("[^"]*"|'[^']*')/g)) {
    if (!drop.has(m[1]!)) kept.push(`${m[1]}=${m[2]}`);
  }
  return kept.length > 0 ? ` ${kept.join(" ")}` : "";
}

function newCell(prefix: string, ref: string, oldAttributes: string, patch: CellPatch): string {
  const style = patch.style !== undefined ? ` s="${patch.style}"` : "";
  const attributes = `${keptAttributes(oldAttributes, patch.style !== undefined)}${style}`;
  if (typeof patch.value === "number") {
    if (!Number.isFinite(patch.value)) throw new PatchError("a value that is not a finite number");
    return `<${prefix}c r="${ref}"${attributes}><${prefix}v>${String(patch.value)}</${prefix}v></${prefix}c>`;
  }
  // Text as an inline string: it is never parsed as a formula, and the shared strings stay as they
  // were. A carriage return is written as a character reference: a raw one reads back as a line feed.
  const text = escapeXml(patch.value).replace(/\r/g, "&#13;");
  return `<${prefix}c r="${ref}"${attributes} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${text}</${prefix}t></${prefix}is></${prefix}c>`;
}

function newRow(prefix: string, r: number, cell: string): string {
  return `<${prefix}row r="${r}">${cell}</${prefix}row>`;
}

/** A row's opening tag with its spans hint ("2:9", 1-based) widened to take in the column. */
function widenSpans(openTag: string, col: number): string {
  return openTag.replace(/(\sspans\s*=\s*")(\d+):(\d+)(")/, (whole, before: string, from: string, to: string, after: string) => {
    const c = col + 1;
    return `${before}${Math.min(Number(from), c)}:${Math.max(Number(to), c)}${after}`;
  });
}

/**
 * A small SpreadsheetML writer for workbooks the CLI makes from scratch (the folder summary): rows
 * of text and numbers, number formats, bold, fills, right alignment, column widths, frozen panes,
 * an autofilter and hyperlinks (to a file, or to a cell of another workbook). The rows are turned
 * into XML as they are added and the package is zipped once, so writing a summary of 1,000 units
 * costs a fraction of building it through exceljs.
 *
 * Text is always an inline string: it can never become a formula, whatever it starts with. Text
 * is escaped for XML and characters XML cannot hold (C0 controls) are dropped, as exceljs did.
 */
import { strToU8, zipSync } from "fflate";
import { columnLetters } from "../../core/grid/address";

export interface CellStyle {
  readonly numFmt?: string;
  readonly bold?: boolean;
  /** ARGB fill colour, e.g. "FFFCE4D6". */
  readonly fill?: string;
  readonly alignRight?: boolean;
}

export interface CellLink {
  /** The file, as a relative path with "/" separators (already percent-encoded where needed). */
  readonly target: string;
  /** A cell of that file ("'附件3'!I5"), written as the hyperlink's location. */
  readonly location?: string;
}

export interface WriterCell {
  readonly value: string | number | null;
  readonly style?: CellStyle;
  readonly link?: CellLink;
}

export interface SheetOptions {
  readonly widths: readonly number[];
  /** Columns and rows kept in view (frozen panes). */
  readonly frozen?: { readonly columns: number; readonly rows: number };
  /** An autofilter over the rows written (the summary's lists); default true. */
  readonly autoFilter?: boolean;
}

// Excel's built-in format ids for the codes the writers use; any other code gets an id from 164.
const BUILT_IN: Readonly<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold, and markup
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff&<>"]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, "");
  return clean.replace(/[&<>"]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"));
}

class Styles {
  private readonly formats = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly byKey = new Map<string, number>([["", 0]]);

  id(style: CellStyle | undefined): number {
    if (!style) return 0;
    const key = `${style.numFmt ?? ""}\u0000${style.bold ? 1 : 0}\u0000${style.fill ?? ""}\u0000${style.alignRight ? 1 : 0}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const numFmtId = style.numFmt === undefined ? 0 : this.format(style.numFmt);
    const fillId = style.fill === undefined ? 0 : this.fill(style.fill);
    const attributes = [
      `numFmtId="${numFmtId}"`, `fontId="${style.bold ? 1 : 0}"`, `fillId="${fillId}"`, 'borderId="0"', 'xfId="0"',
      ...(numFmtId ? ['applyNumberFormat="1"'] : []), ...(style.bold ? ['applyFont="1"'] : []), ...(fillId ? ['applyFill="1"'] : []),
      ...(style.alignRight ? ['applyAlignment="1"'] : []),
    ].join(" ");
    this.xfs.push(style.alignRight ? `<xf ${attributes}><alignment horizontal="right"/></xf>` : `<xf ${attributes}/>`);
    const id = this.xfs.length - 1;
    this.byKey.set(key, id);
    return id;
  }

  private format(code: string): number {
    const builtIn = BUILT_IN[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) this.formats.set(code, (id = 164 + this.formats.size));
    return id;
  }

  private fill(argb: string): number {
    let id = this.fills.get(argb);
    // Fills 0 and 1 are the two Excel reserves (none, gray125).
    if (id === undefined) this.fills.set(argb, (id = 2 + this.fills.size));
    return id;
  }

  xml(): string {
    const numFmts = this.formats.size === 0 ? "" : `<numFmts count="${this.formats.size}">${[...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join("")}</numFmts>`;
    const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>',
      ...[...this.fills.keys()].map((argb) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`)];
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">${numFmts}`
      + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
      + `<fills count="${fills.length}">${fills.join("")}</fills>`
      + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>`
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  }
}

class Sheet {
  private readonly rows: string[] = [];
  private readonly links: { ref: string; target: string; location?: string }[] = [];
  private readonly merges: string[] = [];
  private width = 0;

  constructor(
    readonly name: string,
    private readonly options: SheetOptions,
    private readonly styles: Styles,
  ) {}

  get rowCount(): number {
    return this.rows.length;
  }

  get columns(): number {
    return Math.max(this.width, this.options.widths.length);
  }

  get hasAutoFilter(): boolean {
    return this.options.autoFilter !== false;
  }

  addRow(cells: readonly (WriterCell | null)[]): void {
    const r = this.rows.length + 1;
    let xml = `<row r="${r}">`;
    cells.forEach((cell, c) => {
      if (!cell) return;
      const ref = `${columnLetters(c)}${r}`;
      const s = this.styles.id(cell.style);
      const style = s ? ` s="${s}"` : "";
      if (cell.value === null) {
        if (s) xml += `<c r="${ref}"${style}/>`;
      } else if (typeof cell.value === "number") {
        xml += Number.isFinite(cell.value) ? `<c r="${ref}"${style}><v>${cell.value}</v></c>` : `<c r="${ref}"${style} t="inlineStr"><is><t>${escapeXml(String(cell.value))}</t></is></c>`;
      } else {
        xml += `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.value)}</t></is></c>`;
      }
      if (cell.link && cell.value !== null) this.links.push({ ref, target: cell.link.target, ...(cell.link.location ? { location: cell.link.location } : {}) });
    });
    this.width = Math.max(this.width, cells.length);
    this.rows.push(`${xml}</row>`);
  }

  /** A merged range, in A1 form ("A1:G1"). */
  addMerge(ref: string): void {
    if (/^[A-Z]{1,3}[1-9][0-9]*:[A-Z]{1,3}[1-9][0-9]*$/.test(ref)) this.merges.push(ref);
  }

  xml(): string {
    const frozen = this.options.frozen;
    const pane = frozen
      ? `<pane${frozen.columns ? ` xSplit="${frozen.columns}"` : ""}${frozen.rows ? ` ySplit="${frozen.rows}"` : ""} topLeftCell="${columnLetters(frozen.columns)}${frozen.rows + 1}" activePane="${frozen.columns && frozen.rows ? "bottomRight" : frozen.rows ? "bottomLeft" : "topRight"}" state="frozen"/>`
      : "";
    const cols = this.options.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
    const lastColumn = columnLetters(this.columns - 1);
    const filter = this.options.autoFilter === false ? "" : `<autoFilter ref="A1:${lastColumn}${Math.max(1, this.rows.length)}"/>`;
    const merges = this.merges.length === 0 ? "" : `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
    const links = this.links.length === 0 ? "" : `<hyperlinks>${this.links.map((l, i) => `<hyperlink ref="${l.ref}" r:id="rId${i + 1}"${l.location ? ` location="${escapeXml(l.location)}"` : ""}/>`).join("")}</hyperlinks>`;
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`
      + `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`
      + (cols ? `<cols>${cols}</cols>` : "")
      + `<sheetData>${this.rows.join("")}</sheetData>${filter}${merges}${links}`
      + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  }

  relsXml(): string | null {
    if (this.links.length === 0) return null;
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">${this.links
      .map((l, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/hyperlink" Target="${escapeXml(l.target)}" TargetMode="External"/>`).join("")}</Relationships>`;
  }
}

export class WorkbookWriter {
  private readonly styles = new Styles();
  private readonly sheets: Sheet[] = [];

  addSheet(name: string, options: SheetOptions): Sheet {
    const sheet = new Sheet(name, options, this.styles);
    this.sheets.push(sheet);
    return sheet;
  }

  /**
   * The .xlsx package, zipped by `zip` (Node passes its native zlib, zip-node.ts) or by fflate.
   */
  bytes(zip: (parts: Record<string, Uint8Array>) => Uint8Array = (parts) => zipSync(parts, { level: 6, mtime: new Date("2024-01-01T00:00:00Z") })): Uint8Array {
    const files: Record<string, Uint8Array> = {};
    const put = (path: string, text: string) => {
      files[path] = strToU8(text);
    };
    put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      + this.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")
      + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>');
    put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`);
    put("docProps/app.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>annex-check</Application></Properties>');
    const definedNames = this.sheets.map((s, i) => !s.hasAutoFilter ? "" : `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(s.name.replace(/'/g, "''"))}'!$A$1:$${columnLetters(Math.max(0, s.columns - 1))}$${Math.max(1, s.rowCount)}</definedName>`).join("");
    put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>`
      + this.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")
      + `</sheets>${definedNames ? `<definedNames>${definedNames}</definedNames>` : ""}</workbook>`);
    put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">`
      + this.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")
      + `<Relationship Id="rId${this.sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`);
    this.sheets.forEach((sheet, i) => {
      put(`xl/worksheets/sheet${i + 1}.xml`, sheet.xml());
      const rels = sheet.relsXml();
      if (rels) put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, rels);
    });
    put("xl/styles.xml", this.styles.xml());
    return zip(files);
  }
}

export type { Sheet as SheetWriter };

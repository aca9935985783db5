/**
 * A cell style with another number format, in the styles part's XML text: a fix that writes a rate
 * into a cell formatted as a plain number also gives it "0.00%". The cell's own style (font, fill,
 * borders, alignment) is copied with only the number format changed; an identical style already in
 * the part is reused, so the part changes only when a new one is needed, and then only by appending
 * (existing style indexes keep their meaning). No Node built-ins.
 */
import { BUILT_IN_FORMATS } from "../fast/number-formats";
import { escapeXml } from "../sheet-writer";
import { decodeEntities } from "../fast/xml";
import { PatchError } from "./cells-xml";

// Custom number formats take ids from 164 on (ECMA-376 §18.8.30).
const FIRST_CUSTOM_FORMAT = 164;

export class StylesPatch {
  private xml: string;
  private changed = false;

  constructor(xml: string) {
    this.xml = xml;
  }

  /** The styles part's text, and whether it differs from what was given. */
  result(): { xml: string; changed: boolean } {
    return { xml: this.xml, changed: this.changed };
  }

  /** The index of a cell style like `baseStyle` but showing `format`. */
  styleWithFormat(baseStyle: number, format: string): number {
    const formatId = this.formatId(format);
    const xfs = this.cellXfs();
    const base = xfs.items[baseStyle] ?? xfs.items[0];
    if (base === undefined) throw new PatchError("no cell styles in the styles part");
    const wanted = withAttributes(base, { numFmtId: String(formatId), applyNumberFormat: "1" });
    if (base === wanted || attributeOf(base, "numFmtId") === String(formatId)) return xfs.items[baseStyle] !== undefined ? baseStyle : 0;
    const existing = xfs.items.indexOf(wanted);
    if (existing >= 0) return existing;
    const index = xfs.items.length;
    const count = `count="${index + 1}"`;
    const open = /count\s*=\s*"\d*"/.test(xfs.open) ? xfs.open.replace(/count\s*=\s*"\d*"/, count) : xfs.open.replace(/>$/, ` ${count}>`);
    this.xml = this.xml.slice(0, xfs.start) + open + this.xml.slice(xfs.start + xfs.open.length, xfs.closeAt) + wanted + this.xml.slice(xfs.closeAt);
    this.changed = true;
    return index;
  }

  /** The id of a number format showing `format`: built in, already defined, or added. */
  private formatId(format: string): number {
    for (const [id, code] of Object.entries(BUILT_IN_FORMATS)) if (code === format) return Number(id);
    // An empty <numFmts/> is opened up first, so the format goes into it (never a second element).
    this.xml = this.xml.replace(/<([A-Za-z_][\w.-]*:)?numFmts\b([^>]*?)\s*\/>/, (_whole, p: string | undefined, attributes: string) => `<${p ?? ""}numFmts${attributes}></${p ?? ""}numFmts>`);
    const numFmts = /<([A-Za-z_][\w.-]*:)?numFmts\b[^>]*>([\s\S]*?)<\/\1?numFmts>/.exec(this.xml);
    let highest = FIRST_CUSTOM_FORMAT - 1;
    const prefix = /<([A-Za-z_][\w.-]*:)?styleSheet\b/.exec(this.xml)?.[1] ?? "";
    if (numFmts) {
      for (const m of numFmts[2]!.matchAll(/<(?:[A-Za-z_][\w.-]*:)?numFmt\b([^>]*)\/?>/g)) {
        const id = Number(attributeOf(m[1]!, "numFmtId"));
        const code = decodeEntities(attributeOf(m[1]!, "formatCode") ?? "");
        if (code === format && Number.isInteger(id)) return id;
        if (Number.isInteger(id)) highest = Math.max(highest, id);
      }
    }
    const id = highest + 1;
    const element = `<${prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(format)}"/>`;
    if (numFmts) {
      const closeAt = numFmts.index + numFmts[0].lastIndexOf("</");
      const openTag = /^<[^>]*>/.exec(numFmts[0])![0];
      const count = (Number(attributeOf(openTag, "count")) || 0) + 1;
      const newOpen = /count\s*=/.test(openTag) ? openTag.replace(/count\s*=\s*"\d*"/, `count="${count}"`) : openTag.replace(/>$/, ` count="${count}">`);
      this.xml = this.xml.slice(0, numFmts.index) + newOpen + this.xml.slice(numFmts.index + openTag.length, closeAt) + element + this.xml.slice(closeAt);
    } else {
      // numFmts is the first child of styleSheet.
      const sheet = /<([A-Za-z_][\w.-]*:)?styleSheet\b[^>]*>/.exec(this.xml);
      if (!sheet) throw new PatchError("no <styleSheet>");
      const at = sheet.index + sheet[0].length;
      this.xml = `${this.xml.slice(0, at)}<${prefix}numFmts count="1">${element}</${prefix}numFmts>${this.xml.slice(at)}`;
    }
    this.changed = true;
    return id;
  }

  private cellXfs(): { start: number; open: string; closeAt: number; items: string[] } {
    const open = /<([A-Za-z_][\w.-]*:)?cellXfs\b[^>]*>/.exec(this.xml);
    if (!open) throw new PatchError("no <cellXfs>");
    const prefix = open[1] ?? "";
    const closeAt = this.xml.indexOf(`</${prefix}cellXfs>`, open.index);
    if (closeAt < 0) throw new PatchError("<cellXfs> not closed");
    const body = this.xml.slice(open.index + open[0].length, closeAt);
    const items: string[] = [];
    const pattern = new RegExp(`<${prefix}xf\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}xf>)`, "g");
    for (const m of body.matchAll(pattern)) items.push(m[0]);
    return { start: open.index, open: open[0], closeAt, items };
  }
}

function attributeOf(text: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The <xf> element with these attributes set (replaced where present, else added to its opening tag). */
function withAttributes(xf: string, values: Readonly<Record<string, string>>): string {
  const end = xf.indexOf(">");
  const selfClosing = xf[end - 1] === "/";
  let open = xf.slice(0, selfClosing ? end - 1 : end);
  for (const [name, value] of Object.entries(values)) {
    const pattern = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
    open = pattern.test(open) ? open.replace(pattern, `$1"${value}"`) : `${open.trimEnd()} ${name}="${value}"`;
  }
  return `${open}${selfClosing ? "/>" : ">"}${xf.slice(end + 1)}`;
}

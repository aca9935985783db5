/**
 * Minimal .xlsx packages built from XML text, for reader tests that need exactly one odd thing:
 * the package parts every workbook has, a sheet's XML as given, optional styles and strings.
 */
import { strToU8, zipSync } from "fflate";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface PartsOptions {
  /** The <sheetData> content, or a whole worksheet part when it starts with "<?xml" or "<worksheet"/"<x:". */
  readonly sheet: string;
  readonly sharedStrings?: string[];
  readonly styles?: string;
  readonly workbookPr?: string;
  readonly sheetRels?: string;
  /** Extra parts, by path, as text. */
  readonly extra?: Record<string, string>;
  /** Relationship namespace and type prefix (Strict OOXML uses purl.oclc.org ones). */
  readonly strict?: boolean;
}

export function sheetXml(sheetData: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export function buildXlsx(options: PartsOptions): Buffer {
  const main = options.strict ? "http://purl.oclc.org/ooxml/spreadsheetml/main" : MAIN;
  const rel = options.strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : REL;
  const sheet = /^(<\?xml|<worksheet|<x:)/.test(options.sheet) ? options.sheet : sheetXml(options.sheet).replace(MAIN, main).replace(REL, rel);
  const parts: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}">${options.workbookPr ?? ""}<sheets><sheet name="附件3" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>${options.styles ? `<Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/>` : ""}${options.sharedStrings ? `<Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
    "xl/worksheets/sheet1.xml": sheet,
    ...(options.styles ? { "xl/styles.xml": options.styles } : {}),
    ...(options.sharedStrings ? { "xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}" count="${options.sharedStrings.length}" uniqueCount="${options.sharedStrings.length}">${options.sharedStrings.map((s) => `<si>${s}</si>`).join("")}</sst>` } : {}),
    ...(options.sheetRels ? { "xl/worksheets/_rels/sheet1.xml.rels": options.sheetRels } : {}),
    ...(options.extra ?? {}),
  };
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)]))));
}

/** Styles whose cellXfs are, in order: General, the given number formats (custom ids from 164). */
export function stylesWith(formats: readonly (string | number)[]): string {
  const custom = formats.filter((f): f is string => typeof f === "string");
  const numFmts = custom.length ? `<numFmts count="${custom.length}">${custom.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${f.replace(/"/g, "&quot;")}"/>`).join("")}</numFmts>` : "";
  let next = 164;
  const xfs = formats.map((f) => `<xf numFmtId="${typeof f === "number" ? f : next++}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${numFmts}<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs.join("")}</cellXfs></styleSheet>`;
}

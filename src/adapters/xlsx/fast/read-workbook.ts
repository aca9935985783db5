/**
 * An .xlsx package → the core's WorkbookSnapshot, reading only what the snapshot holds: sheet
 * names and order, cell values (shared, inline and rich strings, numbers, booleans, errors, dates,
 * formulas with their cached results), number formats, merges and sheet protection.
 *
 * It gives the snapshot exceljs gave (a differential test holds the two together on every
 * fixture, the bad-input corpus and fuzzed sheet XML), except where exceljs is wrong; each such
 * place is marked "Unlike exceljs" below and listed in docs/reader.md.
 *
 * No Node built-ins: the CLI and the browser demo pass their own inflater.
 */
import { SparseSheet, type Cell, type CellValue, type WorkbookSnapshot } from "../../../core/grid/workbook";
import { columnIndex, columnLetters, fromA1, parseRangeA1 } from "../../../core/grid/address";
import { parseXml, type XmlHandler } from "./xml";
import { readDirectory, readEntry, type Inflate, type ZipEntry } from "./zip";
import { BUILT_IN_FORMATS, isDateFormat, serialToIsoText } from "./number-formats";
import { DEFAULT_INPUT_LIMITS, InputLimitError, type InputLimits, type LimitKey } from "../../limits";

export type PackageReadFailure = "corrupt" | "not-xlsx" | "too-large";
/** Where the parts of a read package are: what a writer that edits the package in place needs. */
export interface PackageLayout {
  /** Each worksheet read, by its name: the path of its part. */
  readonly sheetParts: ReadonlyMap<string, string>;
  /** The styles part, when the package has one. */
  readonly stylesPath: string | null;
  /** The workbook part (its calcPr says whether Excel recalculates on opening). */
  readonly workbookPath: string;
}

export type PackageReadResult =
  | { readonly ok: true; readonly snapshot: WorkbookSnapshot; readonly layout: PackageLayout }
  | { readonly ok: false; readonly reason: Exclude<PackageReadFailure, "too-large"> }
  | { readonly ok: false; readonly reason: "too-large"; readonly limit: LimitKey; readonly value: number };

class CorruptError extends Error {}
class NotWorkbookError extends Error {}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const utf8 = new TextDecoder("utf-8");
const utf16 = new TextDecoder("utf-16le");

export function readWorkbookPackage(bytes: Uint8Array, inflate: Inflate, limits: InputLimits = DEFAULT_INPUT_LIMITS): PackageReadResult {
  try {
    const reader = new PackageReader(bytes, inflate, limits);
    const snapshot = reader.read();
    return { ok: true, snapshot, layout: { sheetParts: reader.sheetParts, stylesPath: reader.stylesPath, workbookPath: reader.workbookPart } };
  } catch (error) {
    if (error instanceof NotWorkbookError) return { ok: false, reason: "not-xlsx" };
    if (error instanceof InputLimitError) return { ok: false, reason: "too-large", limit: error.limit, value: error.value };
    // Anything else (damaged zip or XML, a reference out of Excel's grid, a bug): a damaged file.
    return { ok: false, reason: "corrupt" };
  }
}


interface Relationship {
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** A shared string as exceljs modelled it: plain text, rich text, or nothing (an empty <si/>). */
type SharedString = { readonly kind: "text" | "rich"; readonly text: string } | { readonly kind: "none" };

class PackageReader {
  private readonly entries: Map<string, ZipEntry>;
  private totalBytes = 0;
  private cells = 0;
  readonly sheetParts = new Map<string, string>();
  stylesPath: string | null = null;
  workbookPart = "xl/workbook.xml";

  constructor(
    private readonly bytes: Uint8Array,
    private readonly inflate: Inflate,
    private readonly limits: InputLimits,
  ) {
    this.entries = readDirectory(bytes, limits.zipEntries);
  }

  read(): WorkbookSnapshot {
    const workbookPath = this.workbookPath();
    if (workbookPath === undefined) throw new NotWorkbookError("no workbook part");
    this.workbookPart = workbookPath;
    const workbook = readWorkbookPart(this.text(workbookPath));
    const rels = this.relationships(workbookPath);
    const dir = directoryOf(workbookPath);
    const byType = (suffix: string, fallback: string) => {
      for (const rel of rels.values()) if (!rel.external && rel.type.endsWith(suffix)) return resolvePath(dir, rel.target);
      return fallback;
    };
    const sharedStringsPath = byType("/sharedStrings", "xl/sharedStrings.xml");
    const stylesPath = byType("/styles", "xl/styles.xml");
    if (workbook.sheets.length > this.limits.sheets) throw new InputLimitError("sheets", this.limits.sheets);
    const sharedStrings = this.entries.has(sharedStringsPath) ? readSharedStrings(this.text(sharedStringsPath), this.limits.stringChars) : [];
    const styles = this.entries.has(stylesPath) ? readStyles(this.text(stylesPath)) : [];
    if (this.entries.has(stylesPath)) this.stylesPath = stylesPath;

    const formats = styles.map(shownFormat);
    const context: SheetContext = { sharedStrings, formats, dates: formats.map(isDateFormat), date1904: workbook.date1904, limits: this.limits };
    const sheets: SparseSheet[] = [];
    for (const sheet of workbook.sheets) {
      const rel = rels.get(sheet.relationshipId);
      if (!rel || rel.external) continue;
      // Chart sheets, dialog and macro sheets hold no cells to check.
      if (/\/(chartsheet|dialogsheet|xlMacrosheet|xlIntlMacrosheet)$/i.test(rel.type)) continue;
      const path = resolvePath(dir, rel.target);
      // A sheet the workbook lists whose part is missing: a damaged file (Excel repairs it by
      // dropping the sheet), not a workbook without that table.
      if (!this.entries.has(path)) throw new CorruptError(`sheet part ${path} missing`);
      const xml = this.text(path);
      const budget = this.limits.cells - this.cells;
      let built: { sheet: SparseSheet; cellCount: number } | undefined;
      try {
        const parsed = readWorksheet(xml, context, budget, new SparseSheet(sheet.name));
        built = parsed && { sheet: finishDirect(parsed, this.hyperlinkAddresses(path, parsed.hyperlinks), this.limits.mergedCells), cellCount: parsed.cellCount };
      } catch (error) {
        if (error !== NEEDS_BUFFER) throw error;
        const parsed = readWorksheet(xml, context, budget, null);
        built = parsed && { sheet: buildSheet(sheet.name, parsed, this.hyperlinkAddresses(path, parsed.hyperlinks), this.limits.mergedCells), cellCount: parsed.cellCount };
      }
      if (!built) continue;
      this.sheetParts.set(sheet.name, path);
      this.cells += built.cellCount;
      sheets.push(built.sheet);
    }
    return { sheets };
  }

  /** The main workbook part: where the package's relationships say, else the usual place. */
  private workbookPath(): string | undefined {
    if (this.entries.has("_rels/.rels")) {
      for (const rel of this.relationships("").values()) {
        if (!rel.external && rel.type.endsWith("/officeDocument")) {
          const path = resolvePath("", rel.target);
          if (this.entries.has(path)) return path;
        }
      }
    }
    return this.entries.has("xl/workbook.xml") ? "xl/workbook.xml" : undefined;
  }

  /** The addresses that carry a hyperlink whose relationship exists (exceljs's rule). */
  private hyperlinkAddresses(sheetPath: string, hyperlinks: readonly { ref: string; id: string | undefined }[]): Set<string> {
    const found = new Set<string>();
    if (hyperlinks.length === 0) return found;
    const rels = this.relationships(sheetPath);
    for (const link of hyperlinks) {
      if (link.id === undefined) continue;
      // exceljs fails on a hyperlink whose relationship is missing; so does this reader.
      if (!rels.has(link.id)) throw new CorruptError(`hyperlink ${link.ref} has no relationship ${link.id}`);
      found.add(link.ref);
    }
    return found;
  }

  private relationships(partPath: string): Map<string, Relationship> {
    const relsPath = partPath === "" ? "_rels/.rels" : `${directoryOf(partPath)}_rels/${partPath.slice(partPath.lastIndexOf("/") + 1)}.rels`;
    const map = new Map<string, Relationship>();
    if (!this.entries.has(relsPath)) return map;
    const handler: XmlHandler = {
      wantsText: false,
      open(name, a) {
        const id = a.get("Id");
        const target = a.get("Target");
        if (name === "Relationship" && id !== undefined && target !== undefined) {
          map.set(id, { type: a.get("Type") ?? "", target, external: a.get("TargetMode") === "External" });
        }
      },
      close() {},
      text() {},
    };
    parseXml(this.text(relsPath), handler);
    return map;
  }

  private text(path: string): string {
    const entry = this.entries.get(path)!;
    // Each limit by its own name: the declared size is checked before anything is inflated, and
    // the inflater stops at the declared size.
    if (entry.size > this.limits.partBytes) throw new InputLimitError("partBytes", this.limits.partBytes);
    if (entry.size > this.limits.totalBytes - this.totalBytes) throw new InputLimitError("totalBytes", this.limits.totalBytes);
    const data = readEntry(this.bytes, entry, entry.size, this.inflate);
    this.totalBytes += data.length;
    if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return utf16.decode(data.subarray(2));
    return utf8.decode(data);
  }
}

function directoryOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

/** A relationship target resolved against the source part's folder ("/xl/x.xml" is absolute). */
function resolvePath(dir: string, target: string): string {
  const trimmed = target.trim();
  const joined = trimmed.startsWith("/") ? trimmed.slice(1) : dir + trimmed;
  const out: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

interface WorkbookPart {
  readonly sheets: { name: string; relationshipId: string }[];
  readonly date1904: boolean;
}

function xmlTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

function readWorkbookPart(xml: string): WorkbookPart {
  const sheets: { name: string; relationshipId: string }[] = [];
  let date1904 = false;
  let depth = 0;
  let inSheets = false;
  parseXml(xml, {
    wantsText: false,
    open(name, a) {
      depth++;
      if (depth === 2 && name === "sheets") inSheets = true;
      else if (inSheets && depth === 3 && name === "sheet") {
        const id = a.get("id");
        if (id !== undefined) sheets.push({ name: a.get("name") ?? "", relationshipId: id });
      }
      // Unlike exceljs (only "1"): xsd:boolean "true" is a 1904 workbook too.
      else if (depth === 2 && name === "workbookPr") date1904 = xmlTrue(a.get("date1904"));
    },
    close(name) {
      if (depth === 2 && name === "sheets") inSheets = false;
      depth--;
    },
    text() {},
  });
  return { sheets, date1904 };
}

/** exceljs decoded _xHHHH_ escapes (upper-case hex) in shared strings' <t>, not in inline ones. */
function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function readSharedStrings(xml: string, maxChars: number): SharedString[] {
  const strings: SharedString[] = [];
  // Inside one <si>: its direct <t> text, its runs' texts; <rPh> (phonetic guides) is not text.
  let inItem = false;
  let plain: string | undefined;
  let runs: string[] | undefined;
  let runText: string | undefined;
  let inRun = false;
  let phonetic = 0;
  let collecting = false;
  let buffer = "";
  const handler = {
    wantsText: false,
    open(name: string) {
      if (!inItem) {
        if (name === "si") {
          inItem = true;
          plain = undefined;
          runs = undefined;
          return;
        }
        if (name === "sst") return;
        // exceljs refuses any other element between the items.
        throw new CorruptError(`unexpected <${name}> in the shared strings`);
      }
      if (name === "rPh") phonetic++;
      if (phonetic > 0) return;
      if (name === "r") {
        inRun = true;
        runText = undefined;
      } else if (name === "t") {
        collecting = true;
        handler.wantsText = true;
        buffer = "";
      }
    },
    close(name: string) {
      if (!inItem) return;
      if (name === "rPh") {
        phonetic--;
        return;
      }
      if (phonetic > 0) return;
      if (name === "t" && collecting) {
        collecting = false;
        handler.wantsText = false;
        const text = decodeEscapes(buffer);
        if (inRun) runText = text;
        else plain = text;
      } else if (name === "r" && inRun) {
        inRun = false;
        if (plain === undefined) (runs ??= []).push(runText ?? "");
      } else if (name === "si") {
        inItem = false;
        const item: SharedString = plain !== undefined ? { kind: "text", text: plain } : runs !== undefined ? { kind: "rich", text: runs.join("") } : { kind: "none" };
        if (item.kind !== "none" && item.text.length > maxChars) throw new InputLimitError("stringChars", maxChars);
        strings.push(item);
      }
    },
    text(text: string) {
      if (collecting) buffer += text;
    },
  };
  parseXml(xml, handler);
  return strings;
}

/** The number format of each cell style (cellXfs), by index; undefined for none. */
function readStyles(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const styles: (string | undefined)[] = [];
  const path: string[] = [];
  const xfNumberFormats: number[] = [];
  parseXml(xml, {
    wantsText: false,
    open(name, a) {
      const parent = path[path.length - 1];
      if (name === "numFmt" && parent === "numFmts") {
        const id = parseInt(a.get("numFmtId") ?? "", 10);
        // Backslash escapes dropped, as exceljs did ("0.0\%" → "0.0%").
        const code = a.get("formatCode");
        if (code !== undefined) custom.set(id, code.replace(/[\\](.)/g, "$1"));
      } else if (name === "xf" && parent === "cellXfs") {
        xfNumberFormats.push(parseInt(a.get("numFmtId") ?? "", 10));
      }
      path.push(name);
    },
    close() {
      path.pop();
    },
    text() {},
  });
  for (const id of xfNumberFormats) {
    // Id 0 (General) and a missing id mean no format.
    styles.push(id ? custom.get(id) ?? BUILT_IN_FORMATS[id] : undefined);
  }
  return styles;
}

interface SheetContext {
  readonly sharedStrings: readonly SharedString[];
  /** Per cell style: the format a cell shows (undefined for General), and whether it is a date. */
  readonly formats: readonly (string | undefined)[];
  readonly dates: readonly boolean[];
  readonly date1904: boolean;
  readonly limits: InputLimits;
}

/** One <c> as read: where, and what the snapshot will hold (before hyperlinks and merges). */
interface ParsedCell {
  readonly row: number;
  readonly col: number;
  /** The r attribute as written, which exceljs matched hyperlinks against. */
  readonly address: string | undefined;
  /** undefined: nothing to store (exceljs's "merge" type for a bare <c/>). */
  readonly cell: Cell | null | undefined;
  /** The text a hyperlink on this cell shows instead of the value. */
  readonly linkText: string;
  readonly numberFormat: string | undefined;
}

interface ParsedSheet {
  readonly rows: Map<number, ParsedCell[]>;
  readonly merges: { top: number; left: number; bottom: number; right: number }[];
  readonly hyperlinks: { ref: string; id: string | undefined }[];
  readonly protected: boolean;
  readonly cellCount: number;
  /** Row numbers strictly ascending in the file. */
  readonly rowsInOrder: boolean;
  /** Rows whose cells' columns are strictly ascending (no cell written twice). */
  readonly cellsInOrder: ReadonlySet<number>;
  /** The sheet the cells were read straight into (direct reading); rows is then empty. */
  readonly direct: SparseSheet | null;
  /** Direct reading: the cells (row × 20,000 + col, 1-based) whose value was made a date. */
  readonly datedCells: ReadonlySet<number> | undefined;
  /** Some cell had no r (its place inferred): exceljs matched no link to it. */
  readonly implicitReferences: boolean;
}

/** Column (1-based, as the file numbers them) of upper-case column letters. */
function columnNumber(letters: string): number {
  return columnIndex(letters) + 1;
}

/** Column and row (1-based) of an upper-case A1 reference, "$" allowed; undefined otherwise. */
function parseA1(ref: string): { col: number; row: number } | undefined {
  const at = /^\$?[A-Z]{1,3}\$?[1-9]/.test(ref) ? fromA1(ref) : null;
  return at ? { col: at.col + 1, row: at.row + 1 } : undefined;
}

/**
 * One worksheet part. Read directly into `direct` when given (cells go straight into the sheet,
 * nothing else is kept per cell); that throws NEEDS_BUFFER when the file writes rows or cells out
 * of order, and the sheet is then read again buffered (every cell kept until the end, so a row
 * written twice can replace the first and the cells can be sorted).
 */
function readWorksheet(xml: string, context: SheetContext, cellBudget: number, direct: SparseSheet | null): ParsedSheet | undefined {
  const rows = new Map<number, ParsedCell[]>();
  const merges: ParsedSheet["merges"] = [];
  const hyperlinks: ParsedSheet["hyperlinks"] = [];
  let isProtected = false;
  let rowsInOrder = true;
  let lastRow = 0;
  const cellsInOrder = new Set<number>();
  let depth = 0;
  let rootIsWorksheet = false;
  let cellCount = 0;

  let inSheetData = false;
  let rowNumber = 0;
  let rowCells: ParsedCell[] | undefined;
  let datedCells: Set<number> | undefined;
  let implicitReferences = false;
  let previousCol = 0;
  // The <c> being read.
  let inCell = false;
  let address: string | undefined;
  let col = 0;
  let type: string | undefined;
  let styleId = 0;
  let formula: string | undefined;
  let formulaShare: string | undefined;
  let formulaRef: string | undefined;
  let formulaIndex: string | undefined;
  let value: string | undefined;
  let richRuns: string[] | undefined;
  let runText: string | undefined;
  let inRun = false;
  let target: "f" | "v" | "t" | "run" | undefined;
  const sharedMasters = new Map<string, { address: string; formula: string | undefined }>();

  const handler: XmlHandler & { wantsText: boolean } = {
    wantsText: false,
    open(name, a) {
      depth++;
      if (depth === 1) {
        rootIsWorksheet = name === "worksheet";
        return;
      }
      if (!rootIsWorksheet) return;
      if (inCell) {
        if (name === "f") {
          target = "f";
          formulaShare = a.get("t");
          formulaRef = a.get("ref");
          formulaIndex = a.get("si");
        } else if (name === "v") target = "v";
        else if (name === "r") {
          inRun = true;
          runText = undefined;
        } else if (name === "t") target = inRun ? "run" : "t";
        handler.wantsText = target !== undefined;
        return;
      }
      if (depth === 2) {
        if (name === "sheetData") inSheetData = true;
        else if (name === "sheetProtection") isProtected = xmlTrue(a.get("sheet"));
        return;
      }
      if (inSheetData && depth === 3 && name === "row") {
        const r = a.get("r");
        // Unlike exceljs (which drops a row without r): the row after the previous one, as Excel reads it.
        const n = r === undefined ? rowNumber + 1 : parseInt(r, 10);
        if (!(n >= 1)) {
          rowNumber = 0;
          rowCells = undefined;
        } else {
          if (n > MAX_ROW) throw new CorruptError(`row ${r} beyond Excel's last row`);
          if (n <= lastRow) {
            if (direct) throw NEEDS_BUFFER;
            rowsInOrder = false;
          }
          rowNumber = n;
          lastRow = Math.max(lastRow, n);
          if (!direct) {
            // A row written twice replaces the first, as it did through exceljs.
            rowCells = [];
            if (rows.has(n)) rows.delete(n);
            rows.set(n, rowCells);
            cellsInOrder.add(n);
          }
        }
        previousCol = 0;
        return;
      }
      if (inSheetData && depth === 4 && name === "c") {
        inCell = true;
        address = a.get("r");
        if (address !== undefined) {
          col = cellColumn(address);
        } else {
          // Unlike exceljs (which fails on a first cell without r): the next column, as Excel reads it.
          col = previousCol + 1;
          implicitReferences = true;
          if (col > MAX_COL) throw new CorruptError("cell beyond Excel's last column");
        }
        if (col <= previousCol) {
          if (direct) throw NEEDS_BUFFER;
          cellsInOrder.delete(rowNumber);
        }
        // A reference to another row than its <row> ("A7" inside row 5) or with "$": exceljs
        // matched hyperlinks by the reference as written, which only the buffered reading keeps.
        if (direct && address !== undefined && !plainReferenceIn(address, rowNumber)) throw NEEDS_BUFFER;
        previousCol = col;
        type = a.get("t");
        const s = a.get("s");
        styleId = s ? parseInt(s, 10) : 0;
        formula = undefined;
        formulaShare = undefined;
        formulaRef = undefined;
        formulaIndex = undefined;
        value = undefined;
        richRuns = undefined;
        inRun = false;
        target = undefined;
        return;
      }
      if (depth === 3 && name === "mergeCell") {
        const ref = a.get("ref");
        const range = ref !== undefined ? parseRange(ref) : undefined;
        if (range) {
          if (merges.length >= context.limits.mergedRanges) throw new InputLimitError("mergedRanges", context.limits.mergedRanges);
          merges.push(range);
        }
        return;
      }
      const ref = depth === 3 && name === "hyperlink" ? a.get("ref") : undefined;
      if (ref !== undefined) hyperlinks.push({ ref, id: a.get("id") });
    },
    close(name) {
      depth--;
      if (!rootIsWorksheet) return;
      if (inCell) {
        if (name === "c" && depth === 3) {
          inCell = false;
          handler.wantsText = false;
          if (rowNumber > 0) {
            if (++cellCount > cellBudget) throw new InputLimitError("cells", context.limits.cells);
            finishCell();
            if (direct) {
              if (finished) {
                direct.set(rowNumber - 1, col - 1, finished);
                if (dated) (datedCells ??= new Set()).add(rowNumber * 20_000 + col);
              }
            } else {
              const numberFormat = styleId ? context.formats[styleId] : undefined;
              const linkText = !dated && finished && typeof finished.value === "string" ? finished.value : "";
              rowCells!.push({ row: rowNumber, col, address, cell: finished, linkText, numberFormat });
            }
          }
          return;
        }
        if (name === "r" && inRun) {
          inRun = false;
          // Runs' <t> had their _xHHHH_ escapes decoded by exceljs; a plain inline <t> did not.
          (richRuns ??= []).push(decodeEscapes(runText ?? ""));
        }
        if (name === "f" || name === "v" || name === "t") {
          target = undefined;
          handler.wantsText = false;
        }
        return;
      }
      if (name === "sheetData" && depth === 1) inSheetData = false;
    },
    text(text) {
      if (target === "f") formula = formula === undefined ? text : formula + text;
      else if (target === "v" || target === "t") value = value === undefined ? text : value + text;
      else if (target === "run") runText = runText === undefined ? text : runText + text;
    },
  };

  function cellColumn(ref: string): number {
    // exceljs: upper-case letters then digits, "$" skipped; lower case and junk fail the load.
    let letters = "";
    let digits = "";
    for (let i = 0; i < ref.length; i++) {
      const c = ref.charCodeAt(i);
      if (digits === "" && c >= 65 && c <= 90) letters += ref[i];
      else if (c >= 48 && c <= 57) digits += ref[i];
      else if (c === 36) continue;
      else if (letters !== "" && digits !== "") break;
    }
    if (letters === "" || digits === "") throw new CorruptError(`bad cell reference "${ref.slice(0, 20)}"`);
    const n = columnNumber(letters);
    if (n > MAX_COL) throw new CorruptError(`column ${letters} beyond Excel's last column`);
    return n;
  }

  /**
   * The cell just closed, as the snapshot holds it: a Cell, null (a styled empty cell: nothing
   * stored, but it replaces an earlier <c> at the same place), or undefined (a bare <c/>: nothing
   * at all). `dated` says whether its value was turned into a date (a link on it then shows "").
   */
  let finished: Cell | null | undefined;
  let dated = false;

  function withFormat(v: CellValue, numberFormat: string | undefined): Cell {
    if (typeof v === "string" && v.length > context.limits.stringChars) throw new InputLimitError("stringChars", context.limits.stringChars);
    return numberFormat !== undefined ? { value: v, numberFormat } : { value: v };
  }

  function finishCell(): void {
    const numberFormat = styleId ? context.formats[styleId] : undefined;
    const isDate = styleId ? context.dates[styleId] === true : false;
    dated = false;
    if (formula !== undefined || formulaShare !== undefined) {
      let result: CellValue = null;
      if (value !== undefined && value !== "") {
        // Unlike exceljs, a text result is not entity-decoded a second time ("&amp;lt;" stays "&lt;").
        if (type === "str") result = value;
        else if (type === "b") result = parseInt(value, 10) !== 0;
        else if (type === "e") result = { error: value };
        else result = parseFloat(value);
        if (isDate) {
          result = dateText(result);
          dated = true;
        }
      }
      let text = formula;
      if (formulaShare === "shared" && formulaIndex !== undefined) {
        if (formulaRef !== undefined) sharedMasters.set(formulaIndex, { address: normalizedAddress(address ?? ""), formula });
        else if (text === undefined) {
          const master = sharedMasters.get(formulaIndex);
          if (master?.formula !== undefined && address !== undefined) text = slideFormula(master.formula, master.address, normalizedAddress(address));
        }
      }
      // Unlike exceljs, which dropped a cached result of 0, FALSE or "" (the cell read as blank).
      finished = text ? (numberFormat !== undefined ? { value: result, formula: `=${text}`, numberFormat } : { value: result, formula: `=${text}` }) : withFormat(result, numberFormat);
      return;
    }
    let cellValue: CellValue;
    if (richRuns !== undefined && (type === "inlineStr" || type === undefined || type === "s" || type === "str")) {
      cellValue = richRuns.join("");
    } else if (value !== undefined && value !== "") {
      switch (type) {
        case "s": {
          const shared = context.sharedStrings[parseInt(value, 10)];
          if (shared === undefined) throw new CorruptError(`shared string ${value} does not exist`);
          cellValue = shared.kind === "none" ? null : shared.text;
          break;
        }
        case "str":
        case "inlineStr":
          // Unlike exceljs for "str" (a second decoding of entities): the text as written.
          cellValue = value;
          break;
        case "b":
          cellValue = parseInt(value, 10) !== 0;
          break;
        case "e":
          cellValue = { error: value };
          break;
        case "d":
          // Unlike exceljs (which read an ISO date as its year): the date, as ISO text.
          cellValue = isoDateOf(value);
          dated = true;
          break;
        default:
          cellValue = parseFloat(value);
          if (isDate) {
            cellValue = dateText(cellValue);
            dated = true;
          }
          break;
      }
    } else {
      // No value: a styled empty cell replaces what an earlier <c> put there but is not stored
      // (exceljs's eachCell skipped empty cells, whatever their format); a bare <c/> is nothing.
      finished = styleId ? null : undefined;
      return;
    }
    finished = withFormat(cellValue, numberFormat);
  }

  function dateText(result: CellValue): CellValue {
    if (typeof result === "number") return serialToIsoText(result, context.date1904);
    if (typeof result === "boolean") return serialToIsoText(result ? 1 : 0, context.date1904);
    if (typeof result === "string") return serialToIsoText(Number(result), context.date1904);
    return "";
  }

  parseXml(xml, handler);
  if (!rootIsWorksheet) return undefined;
  return { rows, merges, hyperlinks, protected: isProtected, cellCount, rowsInOrder, cellsInOrder, direct, datedCells, implicitReferences };
}

/** Thrown in direct reading when the sheet needs the buffered one (rows or cells out of order). */
const NEEDS_BUFFER = new Error("needs the buffered reading");

/** Whether a cell reference is plain A1 form ("B12") on the given row. */
function plainReferenceIn(ref: string, row: number): boolean {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 90) i++;
  if (i === 0 || i === ref.length) return false;
  let n = 0;
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) return false;
    n = n * 10 + c - 48;
  }
  return n === row && ref.charCodeAt(i) !== 48;
}

/** The format a cell shows, or undefined for General (and for none). */
function shownFormat(format: string | undefined): string | undefined {
  return format === undefined || format === "" || format === "General" ? undefined : format;
}

function normalizedAddress(ref: string): string {
  return ref.replace(/\$/g, "");
}

function isoDateOf(text: string): string {
  const time = Date.parse(text.endsWith("Z") || /[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(time)) return text;
  return serialToIsoText(time / 86_400_000 + 25569, false);
}

/** A merge's range, 1-based like the rows; undefined when it is not one within Excel's grid. */
function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const range = parseRangeA1(ref);
  if (!range || range.top < 0 || range.right >= MAX_COL || range.bottom >= MAX_ROW) return undefined;
  return { top: range.top + 1, left: range.left + 1, bottom: range.bottom + 1, right: range.right + 1 };
}

/**
 * A shared formula's text for another cell of its range: relative references move by the offset
 * between the cells, absolute ($) parts stay, function names ("LOG10(") are left alone.
 */
export function slideFormula(formula: string, from: string, to: string): string {
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return formula;
  const rowShift = b.row - a.row;
  const colShift = b.col - a.col;
  return formula.replace(/((?:[A-Za-z_\-0-9]*)!)?([A-Za-z0-9_$]{2,})(\()?/g, (match, sheet: string | undefined, part: string, paren: string | undefined) => {
    if (paren) return match;
    const m = /^(\$)?([A-Za-z]+)(\$)?([1-9][0-9]*)$/.exec(part);
    if (!m) return match;
    const letters = m[2]!.toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return match;
    const colNo = columnNumber(letters) + (m[1] ? 0 : colShift);
    const rowNo = parseInt(m[4]!, 10) + (m[3] ? 0 : rowShift);
    if (colNo < 1 || colNo > MAX_COL) return match;
    return `${sheet ?? ""}${m[1] ?? ""}${columnLetters(colNo - 1)}${m[3] ?? ""}${rowNo}`;
  });
}

/** Every position the merges cover (row × 20,000 + col, 1-based); refuses overlapping or huge merges. */
function coveredByMerges(merges: ParsedSheet["merges"], maxCells: number): Set<number> {
  const covered = new Set<number>();
  for (const m of merges) {
    // The area is computed before any cell is visited: a merge over the whole sheet ends here at once.
    if (covered.size + (m.bottom - m.top + 1) * (m.right - m.left + 1) > maxCells) throw new InputLimitError("mergedCells", maxCells);
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const k = r * 20_000 + c;
        // exceljs fails on overlapping merges, and Excel repairs such a file.
        if (covered.has(k)) throw new CorruptError("overlapping merged ranges");
        covered.add(k);
      }
    }
  }
  return covered;
}

/** The directly read sheet, finished: links shown as their text, merge followers removed, merges added. */
function finishDirect(parsed: ParsedSheet, hyperlinks: ReadonlySet<string>, maxMergedCells: number): SparseSheet {
  const sheet = parsed.direct!;
  if (hyperlinks.size > 0 && parsed.implicitReferences) throw NEEDS_BUFFER;
  for (const ref of hyperlinks) {
    // Only a plain reference matched a cell's r (direct reading holds no other).
    if (!/^[A-Z]{1,3}[1-9][0-9]{0,6}$/.test(ref)) continue;
    const at = parseA1(ref)!;
    const cell = sheet.cell(at.row - 1, at.col - 1);
    // A link on a blank or bare <c>: whether the <c> was there only the buffered reading knows.
    if (!cell) throw NEEDS_BUFFER;
    const text = parsed.datedCells?.has(at.row * 20_000 + at.col) ? "" : typeof cell.value === "string" ? cell.value : "";
    sheet.set(at.row - 1, at.col - 1, cell.numberFormat !== undefined ? { value: text, numberFormat: cell.numberFormat } : { value: text });
  }
  if (parsed.merges.length > 0) {
    coveredByMerges(parsed.merges, maxMergedCells);
    for (const m of parsed.merges) {
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) sheet.clear(r - 1, c - 1);
    }
    for (const m of parsed.merges) sheet.addMerge({ sheet: sheet.name, top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  sheet.protected = parsed.protected;
  return sheet;
}

function buildSheet(name: string, parsed: ParsedSheet, hyperlinks: ReadonlySet<string>, maxMergedCells: number): SparseSheet {
  const sheet = new SparseSheet(name);
  // Cells covered by a merge but not its top-left are not cells of their own.
  const covered = coveredByMerges(parsed.merges, maxMergedCells);
  const key = (r: number, c: number) => r * 20_000 + c;
  const topLeft = new Set(parsed.merges.map((m) => key(m.top, m.left)));
  const isFollower = (r: number, c: number) => covered.has(key(r, c)) && !topLeft.has(key(r, c));
  const followerRows = new Set<number>();
  for (const m of parsed.merges) for (let r = m.top; r <= m.bottom; r++) followerRows.add(r);

  // Rows in the order of their numbers and cells in column order, as exceljs handed them over
  // (recognition scans in that order). Files are nearly always written in order already.
  const rowNumbers = [...parsed.rows.keys()];
  if (!parsed.rowsInOrder) rowNumbers.sort((x, y) => x - y);
  for (const r of rowNumbers) {
    const cells = parsed.rows.get(r)!;
    const simple = parsed.cellsInOrder.has(r) && hyperlinks.size === 0 && !followerRows.has(r);
    if (simple) {
      // Columns strictly ascending, no links, no merge in the row: each cell as read.
      for (const p of cells) if (p.cell) sheet.set(r - 1, p.col - 1, p.cell);
      continue;
    }
    const final = new Map<number, Cell | null>();
    for (const p of cells) {
      let cell = p.cell;
      if (p.address !== undefined && hyperlinks.has(p.address)) {
        // A linked cell shows its text; a number or date under a link read as "" through exceljs.
        cell = p.numberFormat !== undefined ? { value: p.linkText, numberFormat: p.numberFormat } : { value: p.linkText };
      }
      if (cell === undefined) continue;
      final.set(p.col, cell);
    }
    for (const c of [...final.keys()].sort((x, y) => x - y)) {
      if (isFollower(r, c)) continue;
      const cell = final.get(c)!;
      if (cell !== null) sheet.set(r - 1, c - 1, cell);
    }
  }
  for (const m of parsed.merges) {
    sheet.addMerge({ sheet: name, top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  sheet.protected = parsed.protected;
  return sheet;
}


/**
 * The corrected copy of a workbook, made by editing its package in place: only the corrected
 * cells' sheets change (and the styles part, when a fix needs a number format no style has yet);
 * every other part is copied byte for byte (rewrite-zip.ts). Before the copy is handed back it is
 * read again and compared, cell by cell, with the input plus the corrections: a copy that differs
 * anywhere else is never written. Shared by the CLI (--fix) and the browser; no Node built-ins.
 */
import type { CellAddress } from "../../../core/grid/address";
import { isCellError, type Cell, type CellValue, type SheetGrid, type WorkbookSnapshot } from "../../../core/grid/workbook";
import type { Bilingual, CellEdit } from "../../../core/findings/finding";
import { planApply, type CellNow, type CellWrite } from "../../../host/write-plan";
import { readWorkbookPackage } from "../fast/read-workbook";
import { readDirectory, readEntry, type Inflate } from "../fast/zip";
import type { InputLimits } from "../../limits";
import { patchCells, PatchError, styleOfCell, type CellPatch } from "./cells-xml";
import { StylesPatch } from "./styles-xml";
import { rewriteZip, type ZipCodec } from "./rewrite-zip";

export type FixPackageResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly applied: readonly CellEdit[]; readonly stale: readonly CellEdit[]; readonly macros: boolean }
  | { readonly ok: false; readonly reason: "unreadable" | "unsupported" | "verify-failed"; readonly message: Bilingual };

const UNSUPPORTED: Bilingual = {
  zh: "未写入：此工作簿的内部结构不常见（如未注明单元格位置），无法只改动要修正的单元格；请在 Excel 中另存后再试",
  en: "Not written: this workbook's inner layout is unusual (e.g. cells without references), so the corrected cells cannot be changed alone; save it again in Excel and retry",
};

const VERIFY_FAILED: Bilingual = {
  zh: "未写入：修正副本自检未通过（除修正的单元格外还有内容不同），为免改动原表内容未保存",
  en: "Not written: the corrected copy failed its self-check (something besides the corrected cells differed); nothing was saved",
};

const utf8 = new TextDecoder("utf-8");
const encoder = new TextEncoder();

export function fixPackage(bytes: Uint8Array, edits: readonly CellEdit[], inflate: Inflate, codec: ZipCodec, limits: InputLimits): FixPackageResult {
  const read = readWorkbookPackage(bytes, inflate, limits);
  if (!read.ok) return { ok: false, reason: "unreadable", message: { zh: "未写入：无法读取输入工作簿", en: "Not written: the input workbook cannot be read" } };
  const { snapshot, layout } = read;
  // The same planner as every host decides; the copy gets no highlight and no revert log.
  const plan = planApply(edits, (at) => cellNow(snapshot, at), { highlight: null });
  const applied = [...plan.applied];
  const stale = plan.stale.map((s) => s.edit);
  const entries = readDirectory(bytes, limits.zipEntries);
  const partText = (path: string) => {
    const data = readEntry(bytes, entries.get(path)!, entries.get(path)!.size, inflate);
    if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) throw new PatchError("a UTF-16 part");
    return utf8.decode(data);
  };
  const macros = [...entries.keys()].some((name) => /vbaProject\.bin$/i.test(name));

  const replaced = new Map<string, Uint8Array>();
  let out: Uint8Array;
  try {
    const styles = layout.stylesPath !== null ? new StylesPatch(partText(layout.stylesPath)) : null;
    const bySheet = new Map<string, CellWrite[]>();
    for (const write of plan.writes) {
      const list = bySheet.get(write.at.sheet);
      if (list) list.push(write);
      else bySheet.set(write.at.sheet, [write]);
    }
    for (const [sheet, writes] of bySheet) {
      const path = layout.sheetParts.get(sheet);
      if (path === undefined) throw new PatchError(`no part for sheet ${sheet}`);
      const xml = partText(path);
      const patches: CellPatch[] = writes.map((w) => {
        const wanted = w.numberFormat;
        // A new style only when the format shown must change and the workbook has styles to copy.
        const style = wanted !== undefined && wanted !== (w.before.numberFormat ?? "General") && styles
          ? styles.styleWithFormat(styleOfCell(xml, w.at.row, w.at.col), wanted)
          : undefined;
        return { row: w.at.row, col: w.at.col, value: w.value, ...(style !== undefined ? { style } : {}) };
      });
      replaced.set(path, encoder.encode(patchCells(xml, patches)));
    }
    // Formulas keep their cached results in the copy; Excel recomputes them on opening only when told
    // to, so a workbook with formulas (a 合计 over a corrected cell) gets calcPr fullCalcOnLoad.
    if (plan.writes.length > 0 && hasFormulas(snapshot)) replaced.set(layout.workbookPath, encoder.encode(recalculateOnLoad(partText(layout.workbookPath))));
    if (styles && layout.stylesPath !== null) {
      const result = styles.result();
      if (result.changed) replaced.set(layout.stylesPath, encoder.encode(result.xml));
    }
    out = replaced.size > 0 ? rewriteZip(bytes, replaced, codec) : bytes.slice();
  } catch (error) {
    // The sheet could not be edited safely, or the package cannot be rewritten (Zip64, an entry the
    // reader never opened that is damaged): nothing is written.
    if (error instanceof PatchError) return { ok: false, reason: "unsupported", message: UNSUPPORTED };
    throw error;
  }
  const reread = readWorkbookPackage(out, inflate, limits);
  if (!reread.ok || !sameExceptWrites(snapshot, reread.snapshot, plan.writes)) return { ok: false, reason: "verify-failed", message: VERIFY_FAILED };
  return { ok: true, bytes: out, applied, stale, macros };
}

/**
 * A cell of the input as the write planner needs it. A merge follower (invisible) and a formula (it
 * must keep computing) are flagged so that the planner refuses them.
 */
function cellNow(snapshot: WorkbookSnapshot, at: CellAddress): CellNow {
  const sheet = snapshot.sheets.find((s) => s.name === at.sheet);
  if (!sheet) return { sheetExists: false };
  const follower = sheet.merges.some((m) => m.top <= at.row && at.row <= m.bottom && m.left <= at.col && at.col <= m.right && (m.top !== at.row || m.left !== at.col));
  if (follower) return { sheetExists: true, merged: true };
  const cell = sheet.cell(at.row, at.col);
  return { sheetExists: true, value: cell?.value ?? null, formula: cell?.formula ?? null, numberFormat: cell?.numberFormat ?? null };
}

/** Whether the copy read back holds the input's cells, except the written ones, which hold what was written. */
function sameExceptWrites(before: WorkbookSnapshot, after: WorkbookSnapshot, writes: readonly CellWrite[]): boolean {
  if (before.sheets.length !== after.sheets.length) return false;
  const written = new Map<string, CellWrite>();
  for (const w of writes) written.set(`${w.at.sheet}\u0000${w.at.row}\u0000${w.at.col}`, w);
  for (let i = 0; i < before.sheets.length; i++) {
    const a = before.sheets[i]!;
    const b = after.sheets[i]!;
    if (a.name !== b.name || a.merges.length !== b.merges.length || a.protected !== b.protected) return false;
    const expected = cellsOf(a);
    for (const [key, w] of written) {
      if (!key.startsWith(`${a.name}\u0000`)) continue;
      const numberFormat = w.after.numberFormat ?? undefined;
      expected.set(`${w.at.row}:${w.at.col}`, numberFormat !== undefined && numberFormat !== "General" ? { value: w.value, numberFormat } : { value: w.value });
    }
    const actual = cellsOf(b);
    if (expected.size !== actual.size) return false;
    for (const [key, cell] of expected) if (!sameCell(cell, actual.get(key))) return false;
  }
  return true;
}

function cellsOf(sheet: SheetGrid): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  sheet.forEachCell?.((row, col, cell) => {
    if (cell.value !== null || cell.formula !== undefined) cells.set(`${row}:${col}`, cell);
  });
  return cells;
}

function sameCell(a: Cell, b: Cell | undefined): boolean {
  if (!b) return false;
  return sameValue(a.value, b.value) && (a.formula ?? null) === (b.formula ?? null) && (a.numberFormat ?? null) === (b.numberFormat ?? null);
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isCellError(a) || isCellError(b)) return isCellError(a) && isCellError(b) && a.error === b.error;
  return a === b;
}

function hasFormulas(snapshot: WorkbookSnapshot): boolean {
  for (const sheet of snapshot.sheets) {
    let found = false;
    sheet.forEachCell?.((_r, _c, cell) => {
      if (cell.formula !== undefined) found = true;
    });
    if (found) return true;
  }
  return false;
}

// The elements CT_Workbook allows after calcPr, in order: calcPr goes before the first present.
const AFTER_CALC_PR = /<([A-Za-z_][\w.-]*:)?(oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/([A-Za-z_][\w.-]*:)?workbook>/;

/** The workbook part with calcPr fullCalcOnLoad="1" (set on the existing calcPr, or one added). */
export function recalculateOnLoad(xml: string): string {
  const calcPr = /<([A-Za-z_][\w.-]*:)?calcPr\b([^>]*?)(\/?)>/.exec(xml);
  if (calcPr) {
    const attributes = /\sfullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')/.test(calcPr[2]!)
      ? calcPr[2]!.replace(/(\sfullCalcOnLoad\s*=\s*)("[^"]*"|'[^']*')/, '$1"1"')
      : `${calcPr[2]} fullCalcOnLoad="1"`;
    return xml.slice(0, calcPr.index) + `<${calcPr[1] ?? ""}calcPr${attributes}${calcPr[3]}>` + xml.slice(calcPr.index + calcPr[0].length);
  }
  const after = AFTER_CALC_PR.exec(xml);
  if (!after) throw new PatchError("no end of the workbook part");
  const prefix = /<([A-Za-z_][\w.-]*:)?workbook\b/.exec(xml)?.[1] ?? "";
  return `${xml.slice(0, after.index)}<${prefix}calcPr fullCalcOnLoad="1"/>${xml.slice(after.index)}`;
}

/**
 * The WorkbookHost of the browser demo and the pane's tests: the same contract as the Office
 * adapter, over a MemoryWorkbook. The revert log and the review notes live in "document
 * settings" of the in-memory workbook, as they live in the workbook in Excel.
 */
import type { CellEdit } from "../../core/findings/finding";
import { addressKey, quoteSheetName, type CellAddress } from "../../core/grid/address";
import { SparseSheet, type Cell, type CellValue } from "../../core/grid/workbook";
import {
  FIXED_FILL, REPORT_SHEET, REVERT_LOG_KEY, REVIEW_NOTES_KEY,
  type ApplyOptions, type ApplyOutcome, type HostOutcome, type ReportSheetContent,
  type RevertOutcome, type ReviewNote, type StaleEdit, type TemplateOutcome, type WorkbookHost,
} from "../../host/ports";
import { templateConflict } from "../../core/template/names";
import type { TemplateDescription } from "../../core/template/model";
import { sheetFromTemplate } from "./template-sheet";
import { reportTable } from "../../host/report-table";
import { parseRevertLog, REVERT_LOG_VERSION, type RevertLog } from "../../host/revert-log";
import { parseReviewNotes, serializeReviewNotes } from "../../host/review-notes";
import { corruptRevertLogError, noRevertLogError, protectedSheetError, sheetMissingError } from "../../host/write-messages";
import type { MemoryWorkbook } from "./memory-workbook";
import { sameCellValue } from "./memory-workbook";

export { REVERT_LOG_KEY, REVIEW_NOTES_KEY };

export class MemoryHost implements WorkbookHost {
  readonly kind = "demo" as const;
  /** Document settings: survive as long as the workbook does. */
  readonly settings = new Map<string, string>();
  selection: CellAddress | null = null;
  /** Bumped on every change, for React's useSyncExternalStore. */
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly workbook: MemoryWorkbook) {}

  /** The demo grid re-renders when cells, fills or the selection change. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  async read() {
    return { ok: true as const, snapshot: this.workbook.read() };
  }

  async apply(edits: readonly CellEdit[], options: ApplyOptions = {}): Promise<ApplyOutcome> {
    const protectedSheet = [...new Set(edits.map((e) => e.at.sheet))].find((name) => this.workbook.sheet(name)?.protected);
    if (protectedSheet) return protectedSheetError(protectedSheet);
    const stale: StaleEdit[] = [];
    const ready: { edit: CellEdit; original: Cell | undefined; written: Cell }[] = [];
    // What each cell holds once the earlier edits of this batch are in: a second edit of the same
    // cell is checked against the first one's result, as the Office host does.
    const simulated = new Map<string, Cell | undefined>();
    for (const edit of edits) {
      const key = addressKey(edit.at);
      const sheet = this.workbook.sheet(edit.at.sheet);
      const current = simulated.has(key) ? simulated.get(key) : sheet?.cell(edit.at.row, edit.at.col);
      if (!sheet) stale.push({ edit, reason: "sheet-missing" });
      else if (isInsideMerge(sheet, edit.at)) stale.push({ edit, reason: "merged" });
      else if (current?.formula !== undefined && !options.overwriteFormulas) stale.push({ edit, reason: "formula" });
      else if (!sameCellValue(current?.value, edit.before)) stale.push({ edit, reason: "changed" });
      else {
        const numberFormat = edit.numberFormat ?? current?.numberFormat;
        const written: Cell = { value: edit.after, ...(numberFormat !== undefined ? { numberFormat } : {}), fill: FIXED_FILL };
        ready.push({ edit, original: current, written });
        simulated.set(key, written);
      }
    }
    if (ready.length === 0) return { ok: true, applied: [], stale, undoGrouped: false };
    const log = this.readLog() ?? { version: REVERT_LOG_VERSION, entries: [] };
    for (const { edit, original, written } of ready) {
      this.workbook.setCell(edit.at.sheet, edit.at.row, edit.at.col, written);
      log.entries.push({
        sheet: edit.at.sheet, row: edit.at.row, col: edit.at.col,
        original: original ? { value: original.value, formula: original.formula ?? null, numberFormat: original.numberFormat ?? null, fill: original.fill ?? null } : null,
        written: edit.after,
      });
    }
    this.settings.set(REVERT_LOG_KEY, JSON.stringify(log));
    this.changed();
    return { ok: true, applied: ready.map((r) => r.edit), stale, undoGrouped: false };
  }

  private readLog(): RevertLog | null {
    const raw = this.settings.get(REVERT_LOG_KEY);
    if (raw === undefined) return null;
    const parsed = parseRevertLog(raw);
    return parsed.ok ? parsed.log : null;
  }

  async canRevert(): Promise<boolean> {
    return (this.readLog()?.entries.length ?? 0) > 0;
  }

  async revert(): Promise<RevertOutcome> {
    const raw = this.settings.get(REVERT_LOG_KEY);
    if (raw === undefined) return noRevertLogError();
    const parsed = parseRevertLog(raw);
    if (!parsed.ok) return corruptRevertLogError();
    const restored: CellAddress[] = [];
    const skipped: { at: CellAddress; reason: "changed-since" | "sheet-missing" }[] = [];
    const writes: { at: CellAddress; cell: Cell | undefined }[] = [];
    const simulated = new Map<string, Cell | undefined>();
    // Newest first, so a cell fixed twice ends with its very first content. Everything is decided
    // before the first write, so a refusal (protected sheet) leaves the workbook untouched.
    for (const entry of [...parsed.log.entries].reverse()) {
      const at = { sheet: entry.sheet, row: entry.row, col: entry.col };
      const key = addressKey(at);
      const sheet = this.workbook.sheet(entry.sheet);
      if (!sheet) { skipped.push({ at, reason: "sheet-missing" }); continue; }
      const current = simulated.has(key) ? simulated.get(key) : sheet.cell(entry.row, entry.col);
      // A formula typed over our value since, even one showing the same result, is the user's.
      if (current?.formula !== undefined || !sameCellValue(current?.value, entry.written as CellValue)) {
        skipped.push({ at, reason: "changed-since" });
        continue;
      }
      const cell: Cell | undefined = entry.original === null ? undefined : {
        value: entry.original.value as CellValue,
        ...(entry.original.formula !== null ? { formula: entry.original.formula } : {}),
        ...(entry.original.numberFormat !== null ? { numberFormat: entry.original.numberFormat } : {}),
        ...(entry.original.fill !== null ? { fill: entry.original.fill } : {}),
      };
      writes.push({ at, cell });
      simulated.set(key, cell);
      restored.push(at);
    }
    const lockedSheet = [...new Set(writes.map((w) => w.at.sheet))].find((name) => this.workbook.sheet(name)?.protected);
    if (lockedSheet !== undefined) return protectedSheetError(lockedSheet);
    for (const { at, cell } of writes) {
      const sheet = this.workbook.sheet(at.sheet)!;
      if (cell === undefined) sheet.clear(at.row, at.col);
      else sheet.set(at.row, at.col, cell);
    }
    this.settings.delete(REVERT_LOG_KEY);
    this.changed();
    return { ok: true, restored, skipped };
  }

  async select(at: CellAddress): Promise<HostOutcome> {
    if (!this.workbook.sheet(at.sheet)) return sheetMissingError();
    this.selection = at;
    this.changed();
    return { ok: true };
  }

  async loadReviewNotes(): Promise<readonly ReviewNote[]> {
    return parseReviewNotes(this.settings.get(REVIEW_NOTES_KEY));
  }

  async saveReviewNotes(notes: readonly ReviewNote[]): Promise<HostOutcome> {
    this.settings.set(REVIEW_NOTES_KEY, serializeReviewNotes(notes));
    return { ok: true };
  }

  async writeReport(content: ReportSheetContent): Promise<HostOutcome> {
    if (this.workbook.sheet(REPORT_SHEET)?.protected) return protectedSheetError(REPORT_SHEET);
    const table = reportTable(content);
    const sheet = new SparseSheet(REPORT_SHEET);
    table.rows.forEach((row, r) => row.forEach((value, c) => {
      if (value !== null) sheet.set(r, c, { value });
    }));
    for (const link of table.links) {
      const cell = sheet.cell(link.row, link.col);
      sheet.set(link.row, link.col, { value: cell?.value ?? link.text, link: `${quoteSheetName(link.sheet)}!${link.cell}` });
    }
    this.workbook.putSheet(sheet);
    this.changed();
    return { ok: true };
  }

  /** 插入空白模板: both sheets or none; an existing sheet is never replaced. */
  async insertTemplate(description: TemplateDescription): Promise<TemplateOutcome> {
    const [annex2, annex3] = description.sheets;
    const conflict = templateConflict(this.workbook.sheetNames(), { annex2: annex2.name, annex3: annex3.name });
    if (conflict) return { ok: false, code: "sheet-exists", message: conflict.message, untouched: true, suggested: conflict.suggested };
    for (const sheet of description.sheets) this.workbook.putSheet(sheetFromTemplate(sheet));
    this.changed();
    return { ok: true, sheets: [annex2.name, annex3.name], skipped: [] };
  }
}

function isInsideMerge(sheet: SparseSheet, at: CellAddress): boolean {
  return sheet.merges.some((m) => at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right && !(at.row === m.top && at.col === m.left));
}

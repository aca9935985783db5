/**
 * The WorkbookHost of the browser demo and the pane's tests: the same contract as the Office
 * adapter, over a MemoryWorkbook, deciding every write through the same planner
 * (src/host/write-plan.ts). The revert log and the review notes live in "document settings" of
 * the in-memory workbook, as they live in the workbook in Excel.
 */
import type { CellEdit } from "../../core/findings/finding";
import { quoteSheetName, type CellAddress } from "../../core/grid/address";
import { SparseSheet } from "../../core/grid/workbook";
import {
  REPORT_SHEET, REVERT_LOG_KEY, REVIEW_NOTES_KEY,
  type ApplyOptions, type ApplyOutcome, type HostOutcome, type ReportSheetContent,
  type RevertOutcome, type ReviewNote, type TemplateOutcome, type WorkbookHost, type WorkbookRead,
} from "../../host/ports";
import { templateConflict } from "../../core/template/names";
import type { TemplateDescription } from "../../core/template/model";
import { sheetFromTemplate } from "./template-sheet";
import { reportTable } from "../../host/report-table";
import { appendRevertEntries, parseRevertLog, type RevertLog } from "../../host/revert-log";
import { parseReviewNotes, serializeReviewNotes } from "../../host/review-notes";
import { planApply, planRevert } from "../../host/write-plan";
import { corruptRevertLogError, noRevertLogError, protectedSheetError, sheetMissingError } from "../../host/write-messages";
import type { MemoryWorkbook } from "./memory-workbook";

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

  /** Never fails: the workbook is in memory. */
  async read(): Promise<WorkbookRead> {
    return { ok: true, snapshot: this.workbook.read(), notes: parseReviewNotes(this.settings.get(REVIEW_NOTES_KEY)), canRevert: this.hasLog() };
  }

  async apply(edits: readonly CellEdit[], options: ApplyOptions = {}): Promise<ApplyOutcome> {
    // Everything is decided before the first write, so a refusal leaves the workbook untouched.
    const plan = planApply(edits, (at) => this.workbook.cellNow(at), {
      overwriteFormulas: options.overwriteFormulas === true,
      isProtected: (name) => this.workbook.sheet(name)?.protected ?? false,
    });
    if (plan.protectedSheet !== null) return protectedSheetError(plan.protectedSheet);
    if (plan.writes.length === 0) return { ok: true, applied: [], stale: plan.stale, undoGrouped: false };
    for (const write of plan.writes) this.workbook.writeState(write.at, write.after);
    this.settings.set(REVERT_LOG_KEY, JSON.stringify(appendRevertEntries(this.settings.get(REVERT_LOG_KEY), plan.entries)));
    this.changed();
    return { ok: true, applied: plan.applied, stale: plan.stale, undoGrouped: false };
  }

  private readLog(): RevertLog | null {
    const raw = this.settings.get(REVERT_LOG_KEY);
    if (raw === undefined) return null;
    const parsed = parseRevertLog(raw);
    return parsed.ok ? parsed.log : null;
  }

  private hasLog(): boolean {
    return (this.readLog()?.entries.length ?? 0) > 0;
  }

  async canRevert(): Promise<boolean> {
    return this.hasLog();
  }

  async revert(): Promise<RevertOutcome> {
    const raw = this.settings.get(REVERT_LOG_KEY);
    if (raw === undefined) return noRevertLogError();
    const parsed = parseRevertLog(raw);
    if (!parsed.ok) return corruptRevertLogError();
    // Everything is decided before the first write, so a refusal (protected sheet) leaves the workbook untouched.
    const plan = planRevert(parsed.log, (at) => this.workbook.cellNow(at), {
      isProtected: (name) => this.workbook.sheet(name)?.protected ?? false,
    });
    if (plan.protectedSheet !== null) return protectedSheetError(plan.protectedSheet);
    for (const { at, state } of plan.writes) this.workbook.writeState(at, state);
    this.settings.delete(REVERT_LOG_KEY);
    this.changed();
    return { ok: true, restored: plan.restored, skipped: plan.skipped };
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

/**
 * The WorkbookHost of the browser demo and the pane's tests: the same contract as the Office
 * adapter, over a MemoryWorkbook. The revert log and the review notes live in "document
 * settings" of the in-memory workbook, as they live in the workbook in Excel.
 */
import type { CellEdit } from "../../core/findings/finding";
import { toA1, quoteSheetName, type CellAddress } from "../../core/grid/address";
import { SparseSheet, type Cell, type CellValue } from "../../core/grid/workbook";
import {
  FIXED_FILL, REPORT_SHEET, REVERT_LOG_KEY, REVIEW_NOTES_KEY,
  type ApplyOptions, type ApplyOutcome, type HostError, type HostOutcome, type ReportSheetContent,
  type RevertOutcome, type ReviewNote, type StaleEdit, type WorkbookHost,
} from "../../host/ports";
import { reportTable } from "../../host/report-table";
import { parseRevertLog, REVERT_LOG_VERSION, type RevertLog } from "../../host/revert-log";
import { parseReviewNotes, serializeReviewNotes } from "../../host/review-notes";
import type { MemoryWorkbook} from "./memory-workbook";
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
    if (protectedSheet) return protectedError(protectedSheet);
    const stale: StaleEdit[] = [];
    const ready: { edit: CellEdit; original: Cell | undefined }[] = [];
    for (const edit of edits) {
      const sheet = this.workbook.sheet(edit.at.sheet);
      const current = sheet?.cell(edit.at.row, edit.at.col);
      if (!sheet) stale.push({ edit, reason: "sheet-missing" });
      else if (isInsideMerge(sheet, edit.at)) stale.push({ edit, reason: "merged" });
      else if (current?.formula !== undefined && !options.overwriteFormulas) stale.push({ edit, reason: "formula" });
      else if (!sameCellValue(current?.value, edit.before)) stale.push({ edit, reason: "changed" });
      else ready.push({ edit, original: current });
    }
    const log = this.readLog() ?? { version: REVERT_LOG_VERSION, entries: [] };
    for (const { edit, original } of ready) {
      this.workbook.setCell(edit.at.sheet, edit.at.row, edit.at.col, {
        value: edit.after,
        ...(edit.numberFormat ?? original?.numberFormat ? { numberFormat: edit.numberFormat ?? original?.numberFormat } : {}),
        fill: FIXED_FILL,
      });
      log.entries.push({
        sheet: edit.at.sheet, row: edit.at.row, col: edit.at.col,
        original: original ? { value: original.value, formula: original.formula ?? null, numberFormat: original.numberFormat ?? null, fill: original.fill ?? null } : null,
        written: edit.after,
      });
    }
    if (ready.length > 0) this.settings.set(REVERT_LOG_KEY, JSON.stringify(log));
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
    if (raw === undefined) return hostError("no-revert-log");
    const parsed = parseRevertLog(raw);
    if (!parsed.ok) return hostError("corrupt-revert-log");
    const restored: CellAddress[] = [];
    const skipped: { at: CellAddress; reason: "changed-since" | "sheet-missing" }[] = [];
    // Newest first, so a cell fixed twice ends with its very first content.
    for (const entry of [...parsed.log.entries].reverse()) {
      const at = { sheet: entry.sheet, row: entry.row, col: entry.col };
      const sheet = this.workbook.sheet(entry.sheet);
      if (!sheet) { skipped.push({ at, reason: "sheet-missing" }); continue; }
      const current = sheet.cell(entry.row, entry.col);
      if (!sameCellValue(current?.value, entry.written as CellValue)) { skipped.push({ at, reason: "changed-since" }); continue; }
      if (entry.original === null) sheet.clear(entry.row, entry.col);
      else {
        sheet.set(entry.row, entry.col, {
          value: entry.original.value as CellValue,
          ...(entry.original.formula !== null ? { formula: entry.original.formula } : {}),
          ...(entry.original.numberFormat !== null ? { numberFormat: entry.original.numberFormat } : {}),
          ...(entry.original.fill !== null ? { fill: entry.original.fill } : {}),
        });
      }
      restored.push(at);
    }
    this.settings.delete(REVERT_LOG_KEY);
    this.changed();
    return { ok: true, restored, skipped };
  }

  async select(at: CellAddress): Promise<HostOutcome> {
    if (!this.workbook.sheet(at.sheet)) return hostError("sheet-missing");
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
    if (this.workbook.sheet(REPORT_SHEET)?.protected) return protectedError(REPORT_SHEET);
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
}

function isInsideMerge(sheet: SparseSheet, at: CellAddress): boolean {
  return sheet.merges.some((m) => at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right && !(at.row === m.top && at.col === m.left));
}

const HOST_MESSAGES = {
  "no-revert-log": { zh: "没有可撤销的修正（或修正记录已被删除）", en: "There is nothing to revert (or the revert log was removed)" },
  "corrupt-revert-log": { zh: "修正记录已损坏，无法撤销；工作簿未作任何改动", en: "The revert log is damaged, so nothing can be reverted; the workbook is unchanged" },
  "sheet-missing": { zh: "工作表已不存在（可能被重命名或删除）", en: "The sheet no longer exists (renamed or deleted?)" },
} as const;

function hostError(code: keyof typeof HOST_MESSAGES): HostError {
  return { ok: false, code, message: HOST_MESSAGES[code], untouched: true };
}

function protectedError(sheet: string): HostError {
  return {
    ok: false,
    code: "protected",
    message: {
      zh: `工作表“${sheet}”受保护，未写入任何单元格。请先在 Excel 中撤销工作表保护（审阅 > 撤销工作表保护）`,
      en: `Sheet "${sheet}" is protected, so no cell was written. Unprotect it first (Review > Unprotect Sheet)`,
    },
    untouched: true,
  };
}

export function cellName(at: CellAddress): string {
  return `${at.sheet}!${toA1(at)}`;
}

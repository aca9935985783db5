/**
 * The WorkbookHost of the browser demo and the pane's tests: the same contract as the Office
 * adapter, over a MemoryWorkbook, deciding every write through the same planner
 * (src/host/write-plan.ts). The revert log and the review notes live in "document settings" of
 * the in-memory workbook, as they live in the workbook in Excel.
 *
 * The demo grid edits cells as a user would (edit: Excel's parsing of plain input, see
 * cellFromInput in memory-workbook.ts) and those edits, only those, reach `watch` listeners, as in
 * Excel the user's edits do and this host's own writes (apply, revert, writeReport, insertTemplate)
 * do not; every change, own or not, bumps `version` for the grid (`subscribe`).
 */
import type { CellEdit } from "../../core/findings/finding";
import { quoteSheetName, type CellAddress } from "../../core/grid/address";
import { SparseSheet } from "../../core/grid/workbook";
import {
  REPORT_SHEET, REVERT_LOG_KEY, REVIEW_NOTES_KEY,
  type ApplyOptions, type ApplyOutcome, type HostOutcome, type ReportSheetContent,
  type RevertOutcome, type ReviewNote, type TemplateOutcome, type WorkbookHost, type WorkbookRead,
  type HostError, type Unwatch, type WorkbookChange, type ImportedTable, type ImportOutcome,
} from "../../host/ports";
import { importSheetNames } from "../../host/import-names";
import { templateConflict } from "../../core/template/names";
import type { TemplateDescription } from "../../core/template/model";
import { sheetFromTemplate } from "./template-sheet";
import { reportTable } from "../../host/report-table";
import { appendRevertEntries, parseRevertLog, type RevertLog } from "../../host/revert-log";
import { parseReviewNotes, serializeReviewNotes } from "../../host/review-notes";
import { planApply, planRevert } from "../../host/write-plan";
import { corruptRevertLogError, noRevertLogError, protectedSheetError, sheetMissingError } from "../../host/write-messages";
import { cellFromInput, type MemoryWorkbook } from "./memory-workbook";
import type { Cell } from "../../core/grid/workbook";
import { NOTHING_CHANGED } from "../../host/write-messages";

/** What a user's edit did: the cell written (a merged area's top-left for any of its cells). */
export type EditOutcome = { readonly ok: true; readonly at: CellAddress; readonly cell: Cell | undefined } | HostError;

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

  private readonly watchers = new Set<(changes: readonly WorkbookChange[]) => void>();

  /** Reports the user's edits (edit), never this host's own writes. Always available. */
  async watch(onChange: (changes: readonly WorkbookChange[]) => void): Promise<Unwatch> {
    const watcher = (changes: readonly WorkbookChange[]) => onChange(changes);
    this.watchers.add(watcher);
    return () => {
      this.watchers.delete(watcher);
    };
  }

  /**
   * The user types `input` into a cell (the demo grid's editor), parsed as Excel parses plain input
   * (cellFromInput). Inside a merged area the top-left cell is written. Refused, untouched, on a
   * protected or missing sheet and for a formula (this workbook calculates none).
   */
  edit(at: CellAddress, input: string): EditOutcome {
    const sheet = this.workbook.sheet(at.sheet);
    if (!sheet) return sheetMissingError();
    if (sheet.protected) return protectedSheetError(at.sheet);
    const merge = sheet.merges.find((m) => at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right);
    const target: CellAddress = merge ? { sheet: at.sheet, row: merge.top, col: merge.left } : { sheet: at.sheet, row: at.row, col: at.col };
    const parsed = cellFromInput(input, sheet.cell(target.row, target.col));
    if (!parsed.ok) return formulaRefused();
    this.workbook.setCell(target.sheet, target.row, target.col, parsed.cell);
    this.changed();
    const changes: WorkbookChange[] = [{ sheet: target.sheet, range: { sheet: target.sheet, top: target.row, left: target.col, bottom: target.row, right: target.col } }];
    for (const watcher of [...this.watchers]) {
      try {
        watcher(changes);
      } catch {
        // A listener's failure is its own; the edit stands and the others are told.
      }
    }
    return { ok: true, at: target, cell: this.workbook.cell(target.sheet, target.row, target.col) };
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
    // The 应为/表中 figures are right-aligned from the header down, as in Excel.
    const right = (r: number, c: number) => r >= table.headerRow && table.figureColumns.includes(c);
    table.rows.forEach((row, r) => row.forEach((value, c) => {
      if (value !== null) sheet.set(r, c, { value, ...(right(r, c) ? { align: "right" as const } : {}) });
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
  async importTables(tables: readonly ImportedTable[]): Promise<ImportOutcome> {
    const names = importSheetNames(this.workbook.sheetNames(), tables.map((t) => t.name));
    tables.forEach((table, i) => {
      const name = names[i]!;
      const sheet = new SparseSheet(name);
      for (const { row, col, cell } of table.cells) sheet.set(row, col, cell);
      for (const merge of table.merges) sheet.addMerge({ ...merge, sheet: name });
      sheet.extendTo(table.rowCount, table.colCount);
      this.workbook.putSheet(sheet);
    });
    this.changed();
    return { ok: true, sheets: names };
  }

  async insertTemplate(description: TemplateDescription): Promise<TemplateOutcome> {
    const [annex2, annex3] = description.sheets;
    const conflict = templateConflict(this.workbook.sheetNames(), { annex2: annex2.name, annex3: annex3.name });
    if (conflict) return { ok: false, code: "sheet-exists", message: conflict.message, untouched: true, suggested: conflict.suggested };
    for (const sheet of description.sheets) this.workbook.putSheet(sheetFromTemplate(sheet));
    this.changed();
    return { ok: true, sheets: [annex2.name, annex3.name], skipped: [] };
  }
}

function formulaRefused(): HostError {
  return {
    ok: false,
    code: "not-supported",
    message: {
      zh: `演示工作簿不计算公式，${NOTHING_CHANGED.zh}。请输入数值或文字（以 ' 开头可输入以 = 开头的文字）`,
      en: `The demo workbook does not calculate formulas, so ${NOTHING_CHANGED.en}. Type a value or text (start with ' for text beginning with =)`,
    },
    untouched: true,
  };
}

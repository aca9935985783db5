/**
 * The WorkbookHost of the real add-in: Excel through Office.js. The only module of the project
 * that calls Excel (with read.ts, probe.ts and report.ts it uses). Excel.run is injected so the
 * tests can hand in the in-memory fake (test/fakes/excel-fake.ts).
 *
 * Round trips (context.sync calls), each call in one Excel.run whatever the workbook's size:
 *   read          2  (sheet list + revert log + review notes; then every sheet's block + merges at
 *                    once). This is the pane's whole check: read() also returns the review notes and
 *                    whether a revert log exists, and remembers the log for revert.
 *   apply         2  (re-read targets + protection + log; then one write batch incl. the log)
 *   revert        2  (log + targets of the log this host last saw, by read, canRevert or apply;
 *                    then one write batch); 3 when the stored log is not the one last seen
 *                    (co-author, other session, pane reopened without a check)
 *   writeReport   2, select 1, canRevert 1, review notes 1 each; insertTemplate 3 (see insert-template.ts).
 *   watch         1 to register (2 below ExcelApi 1.9), 1 to unwatch; see watch.ts.
 * When Excel refuses to chain calls on a missing sheet's null object (ItemNotFound at the first
 * sync), apply/revert retry once with the sheet list loaded first (one more sync).
 *
 * Which edits are written and which cells a revert restores is decided by the write planner
 * (src/host/write-plan.ts), shared with every other host; this file only reads the cells it
 * needs and carries out the plan.
 *
 * The revert log lives in workbook settings (ExcelApi 1.4) under REVERT_LOG_KEY, as a JSON
 * string checked with zod on every read (src/host/revert-log.ts). It is written in the SAME batch
 * as the cells (first statement), so a failed batch cannot leave cells changed without a log.
 * If a write batch fails anyway, the host re-reads the touched cells and puts back whatever the
 * failed batch managed to change before reporting the error (HostError.untouched is then true).
 *
 * Live re-check (watch, watch.ts): every own write (apply, revert, writeReport, insertTemplate)
 * opens a mute record naming the cells or sheets it writes, so the worksheet events it causes are
 * not reported as the user's changes on Excel without the events' triggerSource (ExcelApi 1.14).
 */
import type { CellEdit } from "../../core/findings/finding";
import type { CellAddress } from "../../core/grid/address";
import {
  REVERT_LOG_KEY, REVIEW_NOTES_KEY,
  type ApplyOptions, type ApplyOutcome, type HostError, type HostOutcome, type ReportSheetContent,
  type RevertOutcome, type ReviewNote, type WorkbookHost, type WorkbookRead,
} from "../../host/ports";
import { appendRevertEntries, parseRevertLog, type RevertLog } from "../../host/revert-log";
import { parseReviewNotes, serializeReviewNotes } from "../../host/review-notes";
import { isWritableEdit, planApply, planRevert, type CellNow, type CellRollback } from "../../host/write-plan";
import { coreValue } from "./cells";
import { hostErrorFromOffice, officeErrorCode } from "./errors";
import { corruptRevertLogError, noRevertLogError, protectedError, tooLargeError } from "./messages";
import { insideMergeNotAnchor, queueProbe, queueRestore, sameState, type ProbeResult } from "./probe";
import { readWorkbook } from "./read";
// The report sheet and the template are written on demand: loaded then (lazy chunks), they stay
// out of the script the pane waits for at start.
import type { ReportPhase } from "./report";
import type { TemplateDescription } from "../../core/template/model";
import { REPORT_SHEET, type ImportedTable, type ImportOutcome, type TemplateOutcome, type Unwatch, type WorkbookChange } from "../../host/ports";
import { MUTE_WINDOW_MS, MuteBook, watchWorkbook } from "./watch";

/** Settings keys (the same names the memory host uses). */
export { REVERT_LOG_KEY, REVIEW_NOTES_KEY };

export interface Requirements {
  isSetSupported(name: string, version: string): boolean;
}

export type ExcelRun = typeof Excel.run;

/** Errors after which Excel has not executed any statement of the batch. */
const REJECTED_WHOLE = new Set(["InvalidOperationInCellEditMode", "RequestPayloadSizeLimitExceeded"]);

export interface OfficeHostOptions {
  /** The clock of the mute records (tests hand in their own). Default Date.now. */
  readonly now?: () => number;
  /** How long after an own write its cells stay muted (see watch.ts). Default MUTE_WINDOW_MS. */
  readonly muteWindowMs?: number;
}

export function createOfficeHost(run: ExcelRun = Excel.run, requirements?: Requirements, options: OfficeHostOptions = {}): WorkbookHost {
  return new OfficeHost(run, requirements ?? officeRequirements(), options);
}

function officeRequirements(): Requirements {
  if (typeof Office !== "undefined" && Office.context?.requirements) return Office.context.requirements;
  return { isSetSupported: () => false };
}

/** Where a batch got to when it failed: only a failure at "write" can have changed the workbook. */
interface Progress {
  phase: "probe" | "write";
}

/** A write batch's undo information: the state before, per touched cell, and the log before. */
interface Rollback {
  readonly cells: readonly CellRollback[];
  /** The settings value before (null: there was no log). */
  readonly logBefore: string | null;
}

class OfficeHost implements WorkbookHost {
  readonly kind = "excel" as const;
  /** The revert log as this host last read or wrote it, so revert can probe its cells in sync 1. */
  private lastLog: { raw: string; log: RevertLog } | null = null;
  /** The own writes, so watch never reports the events they cause. */
  private readonly mutes: MuteBook;
  private readonly now: () => number;

  constructor(private readonly run: ExcelRun, private readonly requirements: Requirements, options: OfficeHostOptions) {
    this.now = options.now ?? Date.now;
    this.mutes = new MuteBook(this.now, options.muteWindowMs ?? MUTE_WINDOW_MS);
  }

  /** Reports the user's changes (never this host's writes); null below ExcelApi 1.7 or when refused. */
  watch(onChange: (changes: readonly WorkbookChange[]) => void): Promise<Unwatch | null> {
    return watchWorkbook({ run: this.run, supports: (v) => this.supports(v), mutes: this.mutes, now: this.now }, onChange)
      .catch(() => null);
  }

  private supports(version: string): boolean {
    try {
      return this.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  private runWith<T>(options: Excel.RunOptions | null, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return options ? this.run(options, batch) : this.run(batch);
  }

  /** mergeUndoGroup (ExcelApi 1.20): all syncs of the run are one Excel undo step. */
  private writeRunOptions(): Excel.RunOptions | null {
    return this.supports("1.20") ? { mergeUndoGroup: true } : null;
  }

  /** The snapshot, the review notes and whether a revert log exists: 2 syncs in one Excel.run. */
  async read(): Promise<WorkbookRead | HostError> {
    let atMerges = false;
    const attempt = () => this.run(async (context) => {
        // Queued before readWorkbook's first sync, so they ride along with the sheet list.
        const logItem = context.workbook.settings.getItemOrNullObject(REVERT_LOG_KEY);
        logItem.load("value");
        const notesItem = context.workbook.settings.getItemOrNullObject(REVIEW_NOTES_KEY);
        notesItem.load("value");
        const read = await readWorkbook(context, withMerges, () => {
          atMerges = true;
        });
        return {
          read,
          log: logItem.isNullObject ? null : settingText(logItem.value),
          notes: notesItem.isNullObject ? null : settingText(notesItem.value),
        };
      });
    const supported = this.supports("1.13");
    // Tried with merges every time: a failure once (a transient GeneralException, or merges since
    // removed) must not leave the rest of the session without them.
    let withMerges = supported;
    try {
      let result: Awaited<ReturnType<typeof attempt>>;
      try {
        result = await attempt();
      } catch (error) {
        // getMergedAreasOrNullObject fails past 512 merged areas, and the read is one batch: once
        // more without merges, so the workbook is still checked (and the pane says why labels
        // under merges may be missed).
        if (!withMerges || !atMerges || !MERGE_REFUSALS.has(officeErrorCode(error) ?? "")) throw error;
        withMerges = false;
        result = await attempt();
      }
      const canRevert = this.rememberLog(result.log);
      if (!result.read.ok) return tooLargeError(result.read.tooLarge);
      const mergesUnknown = !supported ? "unsupported" as const : !withMerges ? "failed" as const : undefined;
      return { ok: true, snapshot: result.read.snapshot, notes: parseReviewNotes(result.notes), canRevert, ...(mergesUnknown ? { mergesUnknown } : {}) };
    } catch (error) {
      return hostErrorFromOffice(error, true);
    }
  }

  /** Whether merged areas can be read here (ExcelApi 1.13); apply probes them only around its targets. */
  private get mergesKnown(): boolean {
    return this.supports("1.13");
  }

  /** Keeps the stored log for revert's first sync; whether it has anything to revert. */
  private rememberLog(raw: string | null): boolean {
    const parsed = raw === null ? null : parseRevertLog(raw);
    this.lastLog = raw !== null && parsed?.ok ? { raw, log: parsed.log } : null;
    return this.lastLog !== null && this.lastLog.log.entries.length > 0;
  }

  async apply(edits: readonly CellEdit[], options: ApplyOptions = {}): Promise<ApplyOutcome> {
    if (edits.length === 0) return { ok: true, applied: [], stale: [], undoGrouped: false };
    const runOptions = this.writeRunOptions();
    const progress: Progress = { phase: "probe" };
    let rollback: Rollback | null = null;
    // Only the edits' cells are ever written (or rolled back).
    const mute = this.mutes.open();
    mute.coverCells(edits.map((e) => e.at));
    const attempt = (knowSheets: boolean) => this.runWith(runOptions, async (context) => {
      progress.phase = "probe";
      const only = knowSheets ? await loadSheetNames(context) : null;
      const logItem = context.workbook.settings.getItemOrNullObject(REVERT_LOG_KEY);
      logItem.load("value");
      const probed = queueProbe(context, edits.filter(isWritableEdit).map((e) => e.at), {
        fill: true, pattern: this.supports("1.9"), merges: this.mergesKnown, only,
      });
      await context.sync();
      const probe = probed();

      const plan = planApply(edits, (at) => cellNow(probe, at, this.mergesKnown), {
        // Below ExcelApi 1.9 a fill cannot be read exactly (white reads as none): no highlight is
        // painted, so none has to be put back.
        ...(this.supports("1.9") ? {} : { highlight: null }),
        overwriteFormulas: options.overwriteFormulas === true,
        // Validation read a number shown as a date as its ISO text (read.ts), so compare it so.
        seen: (state) => coreValue(state.value, state.numberFormat),
        isProtected: (name) => probe.present.has(name) && probe.isProtected(name),
      });
      if (plan.protectedSheet !== null) return protectedError(plan.protectedSheet);
      if (plan.writes.length === 0) return { ok: true as const, applied: [], stale: plan.stale, undoGrouped: false };

      const logBefore = logItem.isNullObject ? null : settingText(logItem.value);
      const nextLog = appendRevertEntries(logBefore, plan.entries);
      const nextRaw = JSON.stringify(nextLog);
      rollback = { cells: plan.rollback, logBefore };

      progress.phase = "write";
      // The log first: whatever part of the batch runs, no changed cell is ever without its log entry.
      context.workbook.settings.add(REVERT_LOG_KEY, nextRaw);
      for (const write of plan.writes) {
        const range = mustRange(probe, write.at);
        if (write.numberFormat !== undefined) range.numberFormat = [[write.numberFormat]];
        range.values = [[write.typed]];
        if (write.fill !== null) range.format.fill.color = write.fill;
      }
      await context.sync();
      this.lastLog = { raw: nextRaw, log: nextLog };
      return { ok: true as const, applied: plan.applied, stale: plan.stale, undoGrouped: runOptions !== null };
    });

    try {
      return await this.withSheetFallback(attempt, progress);
    } catch (error) {
      if (progress.phase === "probe") return hostErrorFromOffice(error, true);
      return await this.afterFailedWrite(error, rollback);
    } finally {
      mute.close(progress.phase === "write");
    }
  }

  async canRevert(): Promise<boolean> {
    try {
      const raw = await this.run(async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(REVERT_LOG_KEY);
        item.load("value");
        await context.sync();
        return item.isNullObject ? null : settingText(item.value);
      });
      return this.rememberLog(raw);
    } catch {
      return false;
    }
  }

  async revert(): Promise<RevertOutcome> {
    const runOptions = this.writeRunOptions();
    const progress: Progress = { phase: "probe" };
    let rollback: Rollback | null = null;
    // The log's cells, named once the log is read (before the write batch).
    const mute = this.mutes.open();
    const attempt = (knowSheets: boolean) => this.runWith(runOptions, async (context): Promise<RevertOutcome> => {
      progress.phase = "probe";
      const only = knowSheets ? await loadSheetNames(context) : null;
      const probeOptions = { fill: true, pattern: this.supports("1.9"), merges: false, only };
      const logItem = context.workbook.settings.getItemOrNullObject(REVERT_LOG_KEY);
      logItem.load("value");
      const seen = this.lastLog;
      let probed = seen ? queueProbe(context, targetsOf(seen.log), probeOptions) : null;
      await context.sync();

      if (logItem.isNullObject) {
        this.lastLog = null;
        return noRevertLogError();
      }
      const raw = settingText(logItem.value);
      const parsed = raw === null ? null : parseRevertLog(raw);
      if (raw === null || !parsed?.ok) return corruptRevertLogError();
      const log = parsed.log;
      if (!probed || !seen || seen.raw !== raw) {
        // Not the log we last saw: its cells were not probed yet.
        probed = queueProbe(context, targetsOf(log), probeOptions);
        await context.sync();
      }
      const probe = probed();

      const plan = planRevert(log, (at) => cellNow(probe, at, false), { isProtected: (name) => probe.isProtected(name) });
      if (plan.protectedSheet !== null) return protectedError(plan.protectedSheet);

      rollback = { cells: plan.rollback, logBefore: raw };
      mute.coverCells([...plan.writes.map((w) => w.at), ...plan.rollback.map((c) => c.at)]);
      progress.phase = "write";
      for (const { at, state } of plan.writes) queueRestore(mustRange(probe, at), state, this.supports("1.9"));
      logItem.delete();
      await context.sync();
      this.lastLog = null;
      return { ok: true, restored: plan.restored, skipped: plan.skipped };
    });

    try {
      return await this.withSheetFallback(attempt, progress);
    } catch (error) {
      if (progress.phase === "probe") return hostErrorFromOffice(error, true);
      return await this.afterFailedWrite(error, rollback);
    } finally {
      mute.close(progress.phase === "write");
    }
  }

  async select(at: CellAddress): Promise<HostOutcome> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(at.sheet);
        ws.activate();
        ws.getCell(at.row, at.col).select();
        await context.sync();
      });
      return { ok: true };
    } catch (error) {
      return hostErrorFromOffice(error, true);
    }
  }

  async loadReviewNotes(): Promise<readonly ReviewNote[]> {
    try {
      const raw = await this.run(async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(REVIEW_NOTES_KEY);
        item.load("value");
        await context.sync();
        return item.isNullObject ? null : settingText(item.value);
      });
      return parseReviewNotes(raw);
    } catch {
      return [];
    }
  }

  async saveReviewNotes(notes: readonly ReviewNote[]): Promise<HostOutcome> {
    try {
      await this.run(async (context) => {
        context.workbook.settings.add(REVIEW_NOTES_KEY, serializeReviewNotes(notes));
        await context.sync();
      });
      return { ok: true };
    } catch (error) {
      return hostErrorFromOffice(error, true);
    }
  }

  /** 导入附件表: 2 syncs, see import-tables.ts. The new sheets are muted as wholes. */
  async importTables(tables: readonly ImportedTable[]): Promise<ImportOutcome> {
    const mute = this.mutes.open();
    let outcome: ImportOutcome | null = null;
    try {
      const { importTableSheets } = await import(/* webpackChunkName: "office-import" */ "./import-tables");
      outcome = await importTableSheets(this.run, tables);
      if (outcome.ok) for (const name of outcome.sheets) mute.coverSheet(name);
      return outcome;
    } finally {
      mute.close(outcome !== null && outcome.ok);
    }
  }

  /** 插入空白模板: 3 syncs, see insert-template.ts. Its sheets are muted as wholes. */
  async insertTemplate(description: TemplateDescription): Promise<TemplateOutcome> {
    const mute = this.mutes.open();
    for (const sheet of description.sheets) mute.coverSheet(sheet.name);
    let outcome: TemplateOutcome | null = null;
    try {
      const { insertTemplateSheets } = await import(/* webpackChunkName: "office-template" */ "./insert-template");
      outcome = await insertTemplateSheets(this.run, this.requirements, description);
      return outcome;
    } finally {
      mute.close(!(outcome !== null && !outcome.ok && outcome.untouched));
    }
  }

  async writeReport(content: ReportSheetContent): Promise<HostOutcome> {
    let phase: ReportPhase = "inspect";
    const mute = this.mutes.open();
    mute.coverSheet(REPORT_SHEET);
    try {
      const { writeReportSheet } = await import(/* webpackChunkName: "office-report" */ "./report");
      const result = await this.run((context) =>
        writeReportSheet(context, content, { hyperlinks: this.supports("1.7") }, (p) => {
          phase = p;
        }));
      return result.ok ? result : protectedError(result.protectedSheet);
    } catch (error) {
      // Only the report sheet can have been touched by a failed write; it is ours to rewrite.
      return hostErrorFromOffice(error, phase === "inspect" || REJECTED_WHOLE.has(officeErrorCode(error) ?? ""));
    } finally {
      mute.close((phase as ReportPhase) === "write");
    }
  }

  /**
   * Runs `attempt` assuming chained calls on a missing sheet's null object are harmless; if Excel
   * answers ItemNotFound while probing, runs it again with the sheet list loaded first.
   */
  private async withSheetFallback<T>(attempt: (knowSheets: boolean) => Promise<T>, progress: Progress): Promise<T> {
    try {
      return await attempt(false);
    } catch (error) {
      if (progress.phase !== "probe" || officeErrorCode(error) !== "ItemNotFound") throw error;
      return attempt(true);
    }
  }

  /**
   * A write batch failed. Excel runs a batch's statements in order and stops at the failing one,
   * so part of it may have run: re-read the touched cells and the log and put back whatever
   * differs from the state before. untouched is true only when that is known to have worked.
   */
  private async afterFailedWrite(error: unknown, rollback: Rollback | null): Promise<HostError> {
    if (REJECTED_WHOLE.has(officeErrorCode(error) ?? "") || rollback === null) return hostErrorFromOffice(error, true);
    const plan = rollback;
    try {
      await this.run(async (context) => {
        const logItem = context.workbook.settings.getItemOrNullObject(REVERT_LOG_KEY);
        logItem.load("value");
        const probed = queueProbe(context, plan.cells.map((c) => c.at), {
          fill: true, pattern: this.supports("1.9"), merges: false, only: null,
        });
        await context.sync();
        const probe = probed();
        let dirty = false;
        for (const { at, before } of plan.cells) {
          const now = probe.state(at);
          if (!now) throw new Error("sheet vanished during rollback");
          if (sameState(now, before)) continue;
          queueRestore(mustRange(probe, at), before, this.supports("1.9"));
          dirty = true;
        }
        const logNow = logItem.isNullObject ? null : settingText(logItem.value);
        if (logNow !== plan.logBefore) {
          if (plan.logBefore === null) logItem.delete();
          else context.workbook.settings.add(REVERT_LOG_KEY, plan.logBefore);
          dirty = true;
        }
        if (dirty) await context.sync();
      });
      this.lastLog = null;
      return hostErrorFromOffice(error, true);
    } catch {
      this.lastLog = null;
      return hostErrorFromOffice(error, false);
    }
  }
}

/**
 * The errors Excel may answer a refused merged-areas request with (past 512 areas; the code is not
 * documented): only these, at the sync that reads the merges, earn a read without merges. A payload
 * too large or an unrelated failure is reported as itself.
 */
const MERGE_REFUSALS: ReadonlySet<string> = new Set(["GeneralException", "InvalidOperation", "InvalidArgument", "ItemNotFound"]);

async function loadSheetNames(context: Excel.RequestContext): Promise<Set<string>> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  return new Set(worksheets.items.map((ws) => ws.name));
}

function mustRange(probe: ProbeResult, at: CellAddress): Excel.Range {
  const range = probe.range(at);
  if (!range) throw new Error("internal: a written cell was not probed");
  return range;
}

function targetsOf(log: RevertLog): CellAddress[] {
  return log.entries.map((e) => ({ sheet: e.sheet, row: e.row, col: e.col }));
}

/** A probed cell as the write planner needs it; merges only matter (and are only probed) for apply. */
function cellNow(probe: ProbeResult, at: CellAddress, mergesKnown: boolean): CellNow {
  const state = probe.state(at);
  if (!probe.present.has(at.sheet) || !state) return { sheetExists: false };
  return { sheetExists: true, ...(mergesKnown ? { merged: insideMergeNotAnchor(probe.merges(at.sheet), at) } : { mergeUnknown: true }), ...state };
}

/** A setting's value as the JSON text we store; objects (stored by another writer) are re-serialized. */
function settingText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return null;
  try {
    return JSON.stringify(value);
  } catch {
    return null;
  }
}

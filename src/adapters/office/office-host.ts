/**
 * The WorkbookHost of the real add-in: Excel through Office.js. The only module of the project
 * that calls Excel (with read.ts, probe.ts and report.ts it uses). Excel.run is injected so the
 * tests can hand in the in-memory fake (test/fakes/excel-fake.ts).
 *
 * Round trips (context.sync calls):
 *   read          2  (sheet list; then every sheet's block + merges at once)
 *   apply         2  (re-read targets + protection + log; then one write batch incl. the log)
 *   revert        2  (log + targets of the log this host last saw; then one write batch);
 *                    3 when the stored log is not the one last seen (co-author, other session)
 *   writeReport   2, select 1, canRevert 1, review notes 1 each; insertTemplate 3 (see insert-template.ts).
 * When Excel refuses to chain calls on a missing sheet's null object (ItemNotFound at the first
 * sync), apply/revert retry once with the sheet list loaded first (one more sync).
 *
 * The revert log lives in workbook settings (ExcelApi 1.4) under REVERT_LOG_KEY, as a JSON
 * string checked with zod on every read (src/host/revert-log.ts). It is written in the SAME batch
 * as the cells (first statement), so a failed batch cannot leave cells changed without a log.
 * If a write batch fails anyway, the host re-reads the touched cells and puts back whatever the
 * failed batch managed to change before reporting the error (HostError.untouched is then true).
 */
import type { CellEdit } from "../../core/findings/finding";
import { addressKey, type CellAddress } from "../../core/grid/address";
import type { CellValue } from "../../core/grid/workbook";
import {
  FIXED_FILL, REVERT_LOG_KEY, REVIEW_NOTES_KEY,
  type ApplyOptions, type ApplyOutcome, type HostError, type HostOutcome, type ReportSheetContent,
  type RevertOutcome, type ReviewNote, type StaleEdit, type WorkbookHost,
} from "../../host/ports";
import { parseRevertLog, REVERT_LOG_VERSION, type RevertEntry, type RevertLog } from "../../host/revert-log";
import { parseReviewNotes, serializeReviewNotes } from "../../host/review-notes";
import { coreValue, excelText, sameValue } from "./cells";
import { hostErrorFromOffice, officeErrorCode } from "./errors";
import { corruptRevertLogError, noRevertLogError, protectedError, tooLargeError } from "./messages";
import {
  BLANK_STATE, insideMergeNotAnchor, isBlankState, queueProbe, queueRestore, sameState,
  type CellState, type ProbeResult,
} from "./probe";
import { readWorkbook } from "./read";
import { writeReportSheet, type ReportPhase } from "./report";
import { insertTemplateSheets } from "./insert-template";
import type { TemplateDescription } from "../../core/template/model";
import type { TemplateOutcome } from "../../host/ports";

/** Settings keys (the same names the memory host uses). */
export { REVERT_LOG_KEY, REVIEW_NOTES_KEY };

export interface Requirements {
  isSetSupported(name: string, version: string): boolean;
}

export type ExcelRun = typeof Excel.run;

/** Errors after which Excel has not executed any statement of the batch. */
const REJECTED_WHOLE = new Set(["InvalidOperationInCellEditMode", "RequestPayloadSizeLimitExceeded"]);

export function createOfficeHost(run: ExcelRun = Excel.run, requirements?: Requirements): WorkbookHost {
  return new OfficeHost(run, requirements ?? officeRequirements());
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
  readonly cells: readonly { readonly at: CellAddress; readonly before: CellState }[];
  /** The settings value before (null: there was no log). */
  readonly logBefore: string | null;
}

class OfficeHost implements WorkbookHost {
  readonly kind = "excel" as const;
  /** The revert log as this host last read or wrote it, so revert can probe its cells in sync 1. */
  private lastLog: { raw: string; log: RevertLog } | null = null;

  constructor(private readonly run: ExcelRun, private readonly requirements: Requirements) {}

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

  async read() {
    try {
      const result = await this.run((context) => readWorkbook(context, this.supports("1.13")));
      return result.ok ? result : tooLargeError(result.tooLarge);
    } catch (error) {
      return hostErrorFromOffice(error, true);
    }
  }

  async apply(edits: readonly CellEdit[], options: ApplyOptions = {}): Promise<ApplyOutcome> {
    if (edits.length === 0) return { ok: true, applied: [], stale: [], undoGrouped: false };
    const runOptions = this.writeRunOptions();
    const progress: Progress = { phase: "probe" };
    let rollback: Rollback | null = null;
    const attempt = (knowSheets: boolean) => this.runWith(runOptions, async (context) => {
      progress.phase = "probe";
      const only = knowSheets ? await loadSheetNames(context) : null;
      const logItem = context.workbook.settings.getItemOrNullObject(REVERT_LOG_KEY);
      logItem.load("value");
      const probed = queueProbe(context, edits.map((e) => e.at), {
        fill: true, pattern: this.supports("1.9"), merges: this.supports("1.13"), only,
      });
      await context.sync();
      const probe = probed();

      const stale: StaleEdit[] = [];
      const ready: { edit: CellEdit; before: CellState }[] = [];
      const simulated = new Map<string, CellState>();
      for (const edit of edits) {
        const key = addressKey(edit.at);
        const current = simulated.get(key) ?? probe.state(edit.at);
        if (!probe.present.has(edit.at.sheet) || !current) stale.push({ edit, reason: "sheet-missing" });
        else if (insideMergeNotAnchor(probe.merges(edit.at.sheet), edit.at)) stale.push({ edit, reason: "merged" });
        else if (current.formula !== null && !options.overwriteFormulas) stale.push({ edit, reason: "formula" });
        else if (!sameValue(coreValue(current.value, current.numberFormat), edit.before)) stale.push({ edit, reason: "changed" });
        else {
          ready.push({ edit, before: current });
          simulated.set(key, { value: edit.after, formula: null, numberFormat: edit.numberFormat ?? current.numberFormat, fill: FIXED_FILL });
        }
      }
      const lockedSheet = [...new Set(edits.map((e) => e.at.sheet))].find((name) => probe.present.has(name) && probe.isProtected(name));
      if (lockedSheet !== undefined) return protectedError(lockedSheet);
      if (ready.length === 0) return { ok: true as const, applied: [], stale, undoGrouped: false };

      const logBefore = logItem.isNullObject ? null : settingText(logItem.value);
      const previous = logBefore === null ? null : parseRevertLog(logBefore);
      const log: RevertLog = previous?.ok ? previous.log : { version: REVERT_LOG_VERSION, entries: [] };
      const entries: RevertEntry[] = ready.map(({ edit, before }) => ({
        sheet: edit.at.sheet, row: edit.at.row, col: edit.at.col,
        original: isBlankState(before) ? null : { value: before.value, formula: before.formula, numberFormat: before.numberFormat, fill: before.fill },
        written: edit.after,
      }));
      const nextLog: RevertLog = { version: REVERT_LOG_VERSION, entries: [...log.entries, ...entries] };
      const nextRaw = JSON.stringify(nextLog);
      rollback = { cells: firstStates(ready.map((r) => ({ at: r.edit.at, before: r.before }))), logBefore };

      progress.phase = "write";
      // The log first: whatever part of the batch runs, no changed cell is ever without its log entry.
      context.workbook.settings.add(REVERT_LOG_KEY, nextRaw);
      for (const { edit } of ready) {
        const range = mustRange(probe, edit.at);
        if (edit.numberFormat !== undefined) range.numberFormat = [[edit.numberFormat]];
        range.values = [[typeof edit.after === "number" ? edit.after : excelText(edit.after)]];
        range.format.fill.color = FIXED_FILL;
      }
      await context.sync();
      this.lastLog = { raw: nextRaw, log: nextLog };
      return { ok: true as const, applied: ready.map((r) => r.edit), stale, undoGrouped: runOptions !== null };
    });

    try {
      return await this.withSheetFallback(attempt, progress);
    } catch (error) {
      if (progress.phase === "probe") return hostErrorFromOffice(error, true);
      return this.afterFailedWrite(error, rollback);
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
      if (raw === null) {
        this.lastLog = null;
        return false;
      }
      const parsed = parseRevertLog(raw);
      this.lastLog = parsed.ok ? { raw, log: parsed.log } : null;
      return parsed.ok && parsed.log.entries.length > 0;
    } catch {
      return false;
    }
  }

  async revert(): Promise<RevertOutcome> {
    const runOptions = this.writeRunOptions();
    const progress: Progress = { phase: "probe" };
    let rollback: Rollback | null = null;
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

      const restored: CellAddress[] = [];
      const skipped: { at: CellAddress; reason: "changed-since" | "sheet-missing" }[] = [];
      const writes: { at: CellAddress; state: CellState; before: CellState }[] = [];
      const simulated = new Map<string, CellState>();
      // Newest first, so a cell fixed twice ends with its very first content.
      for (const entry of [...log.entries].reverse()) {
        const at = { sheet: entry.sheet, row: entry.row, col: entry.col };
        const key = addressKey(at);
        const current = simulated.get(key) ?? probe.state(at);
        if (!current) {
          skipped.push({ at, reason: "sheet-missing" });
          continue;
        }
        if (current.formula !== null || !sameValue(current.value, entry.written)) {
          skipped.push({ at, reason: "changed-since" });
          continue;
        }
        const state = entry.original === null ? BLANK_STATE : {
          value: entry.original.value as CellValue,
          formula: entry.original.formula,
          numberFormat: entry.original.numberFormat,
          fill: entry.original.fill,
        };
        writes.push({ at, state, before: probe.state(at) ?? BLANK_STATE });
        simulated.set(key, state);
        restored.push(at);
      }
      const lockedSheet = [...new Set(writes.map((w) => w.at.sheet))].find((name) => probe.isProtected(name));
      if (lockedSheet !== undefined) return protectedError(lockedSheet);

      rollback = { cells: firstStates(writes.map((w) => ({ at: w.at, before: w.before }))), logBefore: raw };
      progress.phase = "write";
      for (const { at, state } of writes) queueRestore(mustRange(probe, at), state);
      logItem.delete();
      await context.sync();
      this.lastLog = null;
      return { ok: true, restored, skipped };
    });

    try {
      return await this.withSheetFallback(attempt, progress);
    } catch (error) {
      if (progress.phase === "probe") return hostErrorFromOffice(error, true);
      return this.afterFailedWrite(error, rollback);
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

  /** 插入空白模板: 3 syncs, see insert-template.ts. */
  insertTemplate(description: TemplateDescription): Promise<TemplateOutcome> {
    return insertTemplateSheets(this.run, this.requirements, description);
  }

  async writeReport(content: ReportSheetContent): Promise<HostOutcome> {
    let phase: ReportPhase = "inspect";
    try {
      const result = await this.run((context) =>
        writeReportSheet(context, content, { hyperlinks: this.supports("1.7") }, (p) => {
          phase = p;
        }));
      return result.ok ? result : protectedError(result.protectedSheet);
    } catch (error) {
      // Only the report sheet can have been touched by a failed write; it is ours to rewrite.
      return hostErrorFromOffice(error, phase === "inspect" || REJECTED_WHOLE.has(officeErrorCode(error) ?? ""));
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
          queueRestore(mustRange(probe, at), before);
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

/** The first recorded state per cell (a cell may appear twice). */
function firstStates(cells: readonly { at: CellAddress; before: CellState }[]): { at: CellAddress; before: CellState }[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    const key = addressKey(c.at);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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

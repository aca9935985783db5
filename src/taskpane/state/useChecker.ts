/**
 * The pane's state and actions. Components call these; only these call the host. After every
 * apply or revert the workbook is validated again, so what the pane shows is what the sheet says.
 *
 * Live re-check: while a result is on screen and `live` is on, the host's `watch` reports cells
 * the user changed; a change inside one of the tables the check read starts a new check after
 * LIVE_DELAY_MS without further changes (typing a column of figures checks once, at the end).
 * The host never reports its own writes, so applying a fix does not check twice.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { validate, RULES_VERSION, type CellEdit, type Finding, type ValidationResult, type RuleSettings, type Bilingual, type WorkbookSnapshot } from "../../core";
import type { ReviewNote, WorkbookHost } from "../../host/ports";
import { noteKey } from "../../host/review-notes";
import { findingKey, keysOf, reportRows, touchesTables } from "./view-model";
import { STRINGS, type Lang } from "../strings";

/** Why the merged areas are unknown, and what that means for the check and for fixes. */
export const MERGES_UNKNOWN: Readonly<Record<"unsupported" | "failed", Bilingual>> = {
  unsupported: {
    zh: "此版本 Excel 不提供合并单元格信息（需 ExcelApi 1.13），合并区域内的标签可能识别不全；修正不会写入空单元格（它可能被合并覆盖）。",
    en: "This Excel does not report merged cells (ExcelApi 1.13 needed): labels inside merged areas may be missed, and no fix is written into an empty cell (it may be covered by a merge).",
  },
  failed: {
    zh: "合并单元格过多（超过 512 个），Excel 无法读取合并信息，已不含合并信息完成校验；合并区域内的标签可能识别不全，修正不会写入空单元格。",
    en: "Too many merged areas (over 512) for Excel to report: the check ran without them; labels inside merged areas may be missed, and no fix is written into an empty cell.",
  },
};

export interface Notice {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly text: Bilingual;
}

/** What changed between the last two checks. */
export interface SinceLast {
  /** Keys (findingKey) of findings the previous check did not have. */
  readonly added: ReadonlySet<string>;
  /** How many findings of the previous check are gone. */
  readonly resolved: number;
  /** Whether the check ran by itself after the user edited a table. */
  readonly auto: boolean;
}

export interface CheckerState {
  readonly busy: boolean;
  readonly result: ValidationResult | null;
  /** The cells the result was computed from (the "why" panel shows the figures a rule used). */
  readonly snapshot: WorkbookSnapshot | null;
  readonly notes: readonly ReviewNote[];
  readonly fixed: readonly Finding[];
  readonly canRevert: boolean;
  readonly notice: Notice | null;
  /** ISO time of the last check (shown in local time). */
  readonly checkedAt: string | null;
  readonly sinceLast: SinceLast | null;
}

const INITIAL: CheckerState = {
  busy: false, result: null, snapshot: null, notes: [], fixed: [], canRevert: false, notice: null, checkedAt: null, sinceLast: null,
};

/** Pause after the last change before a live re-check. */
export const LIVE_DELAY_MS = 800;

export interface CheckerOptions {
  /** Re-check by itself when the user edits a table (when the host can watch). */
  readonly live?: boolean;
}

export function useChecker(host: WorkbookHost, settings: RuleSettings, options: CheckerOptions = {}) {
  const [state, setState] = useState<CheckerState>(INITIAL);
  const stateRef = useRef(state);
  stateRef.current = state;
  const update = (patch: Partial<CheckerState>) => setState((s) => ({ ...s, ...patch }));

  const runCheck = useCallback(async (notice: Notice | null = null, auto = false): Promise<ValidationResult | null> => {
    update({ busy: true, ...(auto ? {} : { notice: null }) });
    try {
      const read = await host.read();
      if (!read.ok) {
        update({ busy: false, notice: { intent: "error", text: read.message } });
        return null;
      }
      const result = validate(read.snapshot, settings);
      const previous = stateRef.current.result;
      const sinceLast = previous ? diff(previous.findings, result.findings, auto) : null;
      // Merges that could not be read are said (once per check) unless the check has its own news.
      const mergeNotice: Notice | null = read.mergesUnknown ? { intent: "warning", text: MERGES_UNKNOWN[read.mergesUnknown] } : null;
      update({
        busy: false, result, snapshot: read.snapshot, notes: read.notes, canRevert: read.canRevert,
        notice: auto && sinceLast ? { intent: "info", text: sinceLastText(sinceLast) } : notice ?? mergeNotice,
        checkedAt: new Date().toISOString(), sinceLast,
      });
      return result;
    } catch (error) {
      update({ busy: false, notice: unexpected(error) });
      return null;
    }
  }, [host, settings]);

  const applyEdits = useCallback(async (edits: readonly CellEdit[], describe: (applied: number, stale: number) => Notice) => {
    const before = stateRef.current.result;
    update({ busy: true, notice: null });
    try {
      const outcome = await host.apply(edits);
      if (!outcome.ok) {
        update({ busy: false, notice: { intent: "error", text: outcome.message } });
        return;
      }
      const appliedKeys = new Set(outcome.applied.map((e) => `${e.at.sheet}!${e.at.row}:${e.at.col}`));
      const fixedNow = (before?.findings ?? []).filter((f) => f.fix?.edits.some((e) => appliedKeys.has(`${e.at.sheet}!${e.at.row}:${e.at.col}`)));
      update({ fixed: [...stateRef.current.fixed, ...fixedNow] });
      await runCheck(describe(outcome.applied.length, outcome.stale.length));
    } catch (error) {
      update({ busy: false, notice: unexpected(error) });
    }
  }, [host, runCheck]);

  const applyFixes = useCallback((edits: readonly CellEdit[]) => applyEdits(edits, (applied, stale) => ({
    intent: stale ? "warning" : "success",
    text: { zh: STRINGS.zh.applied(applied, stale), en: STRINGS.en.applied(applied, stale) },
  })), [applyEdits]);

  /** 修正 on one card: that finding's edits only. `text` says what was written, in both languages. */
  const fixOne = useCallback((finding: Finding, text: Bilingual, staleText: Bilingual) => {
    if (!finding.fix) return Promise.resolve();
    return applyEdits(finding.fix.edits, (applied, stale) => (applied > 0 && stale === 0
      ? { intent: "success", text }
      : { intent: "warning", text: staleText }));
  }, [applyEdits]);

  const revert = useCallback(async () => {
    update({ busy: true, notice: null });
    try {
      const outcome = await host.revert();
      if (!outcome.ok) {
        update({ busy: false, notice: { intent: "error", text: outcome.message } });
        return;
      }
      update({ fixed: [] });
      const skipped = outcome.skipped.length;
      await runCheck({
        intent: skipped ? "warning" : "success",
        text: { zh: STRINGS.zh.reverted(outcome.restored.length, skipped), en: STRINGS.en.reverted(outcome.restored.length, skipped) },
      });
    } catch (error) {
      update({ busy: false, notice: unexpected(error) });
    }
  }, [host, runCheck]);

  const saveNotes = useCallback(async (notes: ReviewNote[], done: Notice): Promise<boolean> => {
    const saved = await host.saveReviewNotes(notes);
    if (!saved.ok) {
      update({ notice: { intent: "error", text: saved.message } });
      return false;
    }
    update({ notes, notice: done });
    return true;
  }, [host]);

  const accept = useCallback(async (finding: Finding, reason: string, done: Bilingual): Promise<boolean> => {
    const text = reason.trim();
    if (!text || !finding.at) return false;
    const note: ReviewNote = {
      ruleId: finding.ruleId,
      sheet: finding.at.sheet,
      cell: findingKey(finding).split("!").pop()!,
      reason: text.slice(0, 4000),
      acceptedAt: new Date().toISOString(),
    };
    return saveNotes([...stateRef.current.notes.filter((n) => noteKey(n) !== noteKey(note)), note], { intent: "success", text: done });
  }, [saveNotes]);

  /** 撤回说明: the warning is open again. */
  const withdraw = useCallback(async (finding: Finding, done: Bilingual): Promise<boolean> => {
    const key = findingKey(finding);
    return saveNotes(stateRef.current.notes.filter((n) => noteKey(n) !== key), { intent: "info", text: done });
  }, [saveNotes]);

  const select = useCallback(async (finding: Finding) => {
    if (!finding.at) return;
    const outcome = await host.select(finding.at);
    if (!outcome.ok) update({ notice: { intent: "error", text: outcome.message } });
  }, [host]);

  const insertReport = useCallback(async (lang: Lang) => {
    const s = stateRef.current;
    if (!s.result) return;
    update({ busy: true, notice: null });
    const outcome = await host.writeReport({
      checkedAt: s.checkedAt ?? new Date().toISOString(),
      rulesVersion: RULES_VERSION,
      lang,
      rows: reportRows(s.result.findings, s.fixed, s.notes, lang),
    });
    update({
      busy: false,
      notice: outcome.ok ? { intent: "success", text: { zh: STRINGS.zh.reportWritten, en: STRINGS.en.reportWritten } } : { intent: "error", text: outcome.message },
    });
  }, [host]);

  const dismissNotice = useCallback(() => update({ notice: null }), []);

  // Live re-check. The latest runCheck is kept in a ref so that a change of settings does not
  // drop and re-add the host's watch (in Excel each is a round trip).
  const checkRef = useRef(runCheck);
  checkRef.current = runCheck;
  const hasResult = state.result !== null;
  const [watching, setWatching] = useState<boolean | null>(null);
  useEffect(() => {
    if (!options.live || !hasResult || !host.watch) {
      setWatching(host.watch ? null : false);
      return;
    }
    let stop: (() => void) | null = null;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = () => {
      // A check (or a write) is running: look again after another pause.
      if (stateRef.current.busy) timer = setTimeout(fire, LIVE_DELAY_MS);
      else void checkRef.current(null, true);
    };
    void host.watch((changes) => {
      const result = stateRef.current.result;
      if (cancelled || !result || !changes.some((change) => touchesTables(result, change))) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(fire, LIVE_DELAY_MS);
    }).then((unwatch) => {
      if (cancelled) unwatch?.();
      else {
        stop = unwatch;
        setWatching(unwatch !== null);
      }
    }, () => setWatching(false));
    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
      stop?.();
    };
  }, [host, options.live, hasResult]);

  return {
    state, watching, check: runCheck, applyFixes, fixOne, revert, accept, withdraw, select, insertReport, dismissNotice,
  };
}

function diff(previous: readonly Finding[], current: readonly Finding[], auto: boolean): SinceLast {
  const before = keysOf(previous);
  const now = keysOf(current);
  return {
    added: new Set([...now].filter((key) => !before.has(key))),
    resolved: [...before].filter((key) => !now.has(key)).length,
    auto,
  };
}

function sinceLastText(since: SinceLast): Bilingual {
  return { zh: STRINGS.zh.sinceLast(since.resolved, since.added.size), en: STRINGS.en.sinceLast(since.resolved, since.added.size) };
}

function unexpected(error: unknown): Notice {
  const detail = error instanceof Error ? error.message : String(error);
  return { intent: "error", text: { zh: `操作未完成：${detail}`, en: `The operation did not finish: ${detail}` } };
}

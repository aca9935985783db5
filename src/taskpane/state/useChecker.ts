/**
 * The pane's state and actions. Components call these; only these call the host. After every
 * apply or revert the workbook is validated again, so what the pane shows is what the sheet says.
 */
import { useCallback, useRef, useState } from "react";
import { addressKey, validate, RULES_VERSION, type CellEdit, type Finding, type ValidationResult, type RuleSettings, type Bilingual } from "../../core";
import type { ReviewNote, WorkbookHost } from "../../host/ports";
import { noteKey } from "../../host/review-notes";
import { findingKey, reportRows } from "./view-model";
import type { Lang } from "../strings";

export interface Notice {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly text: Bilingual;
}

export interface CheckerState {
  readonly busy: boolean;
  readonly result: ValidationResult | null;
  readonly notes: readonly ReviewNote[];
  readonly fixed: readonly Finding[];
  readonly canRevert: boolean;
  readonly notice: Notice | null;
  readonly checkedAt: string | null;
}

const INITIAL: CheckerState = { busy: false, result: null, notes: [], fixed: [], canRevert: false, notice: null, checkedAt: null };

export function useChecker(host: WorkbookHost, settings: RuleSettings) {
  const [state, setState] = useState<CheckerState>(INITIAL);
  const stateRef = useRef(state);
  stateRef.current = state;
  const update = (patch: Partial<CheckerState>) => setState((s) => ({ ...s, ...patch }));

  const runCheck = useCallback(async (notice: Notice | null = null): Promise<ValidationResult | null> => {
    update({ busy: true });
    try {
      const read = await host.read();
      if (!read.ok) {
        update({ busy: false, notice: { intent: "error", text: read.message } });
        return null;
      }
      const result = validate(read.snapshot, settings);
      update({ busy: false, result, notes: read.notes, canRevert: read.canRevert, notice, checkedAt: new Date().toISOString() });
      return result;
    } catch (error) {
      update({ busy: false, notice: unexpected(error) });
      return null;
    }
  }, [host, settings]);

  const applyFixes = useCallback(async (edits: readonly CellEdit[]) => {
    const before = stateRef.current.result;
    update({ busy: true });
    try {
      const outcome = await host.apply(edits);
      if (!outcome.ok) {
        update({ busy: false, notice: { intent: "error", text: outcome.message } });
        return;
      }
      const appliedKeys = new Set(outcome.applied.map((e) => addressKey(e.at)));
      const fixedNow = (before?.findings ?? []).filter((f) => f.fix?.edits.some((e) => appliedKeys.has(addressKey(e.at))));
      update({ fixed: [...stateRef.current.fixed, ...fixedNow] });
      await runCheck({
        intent: outcome.stale.length ? "warning" : "success",
        text: {
          zh: `已写入 ${outcome.applied.length} 个单元格${outcome.stale.length ? `；${outcome.stale.length} 个单元格在校验后已变化或含公式，未写入` : ""}。`,
          en: `Wrote ${outcome.applied.length} cells${outcome.stale.length ? `; ${outcome.stale.length} changed since the check or hold a formula and were not written` : ""}.`,
        },
      });
    } catch (error) {
      update({ busy: false, notice: unexpected(error) });
    }
  }, [host, runCheck]);

  const revert = useCallback(async () => {
    update({ busy: true });
    try {
      const outcome = await host.revert();
      if (!outcome.ok) {
        update({ busy: false, notice: { intent: "error", text: outcome.message } });
        return;
      }
      update({ fixed: [] });
      await runCheck({
        intent: outcome.skipped.length ? "warning" : "success",
        text: {
          zh: `已恢复 ${outcome.restored.length} 个单元格${outcome.skipped.length ? `；${outcome.skipped.length} 个单元格在修正后又被改动，未恢复` : ""}。`,
          en: `Restored ${outcome.restored.length} cells${outcome.skipped.length ? `; ${outcome.skipped.length} were edited after the fix and were left alone` : ""}.`,
        },
      });
    } catch (error) {
      update({ busy: false, notice: unexpected(error) });
    }
  }, [host, runCheck]);

  const accept = useCallback(async (finding: Finding, reason: string) => {
    const text = reason.trim();
    if (!text || !finding.at) return;
    const note: ReviewNote = {
      ruleId: finding.ruleId,
      sheet: finding.at.sheet,
      cell: findingKey(finding).split("!").pop()!,
      reason: text.slice(0, 4000),
      acceptedAt: new Date().toISOString(),
    };
    const notes = [...stateRef.current.notes.filter((n) => noteKey(n) !== noteKey(note)), note];
    const saved = await host.saveReviewNotes(notes);
    if (!saved.ok) update({ notice: { intent: "error", text: saved.message } });
    else update({ notes });
  }, [host]);

  const select = useCallback(async (finding: Finding) => {
    if (!finding.at) return;
    const outcome = await host.select(finding.at);
    if (!outcome.ok) update({ notice: { intent: "error", text: outcome.message } });
  }, [host]);

  const insertReport = useCallback(async (lang: Lang) => {
    const s = stateRef.current;
    if (!s.result) return;
    update({ busy: true });
    const outcome = await host.writeReport({
      checkedAt: s.checkedAt ?? new Date().toISOString(),
      rulesVersion: RULES_VERSION,
      lang,
      rows: reportRows(s.result.findings, s.fixed, s.notes, lang),
    });
    update({
      busy: false,
      notice: outcome.ok ? { intent: "success", text: { zh: "已写入“校验报告”工作表。", en: "The sheet 校验报告 was written." } } : { intent: "error", text: outcome.message },
    });
  }, [host]);

  const dismissNotice = useCallback(() => update({ notice: null }), []);

  return { state, check: runCheck, applyFixes, revert, accept, select, insertReport, dismissNotice };
}

function unexpected(error: unknown): Notice {
  const detail = error instanceof Error ? error.message : String(error);
  return { intent: "error", text: { zh: `操作未完成：${detail}`, en: `The operation did not finish: ${detail}` } };
}

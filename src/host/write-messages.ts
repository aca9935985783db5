/**
 * HostErrors that every host raises the same way, with one wording, so the pane says the same
 * thing in Excel and in the demo. Each message of a refused write states plainly that the
 * workbook was left as it was ("未做任何修改 / nothing was changed"): a write is all-or-nothing,
 * and users must not have to guess which half of a batch went in.
 */
import type { Bilingual } from "../core/findings/finding";
import type { HostError } from "./ports";

/** Said by every error whose `untouched` is true. */
export const NOTHING_CHANGED: Bilingual = { zh: "未做任何修改", en: "nothing was changed" };

export function protectedSheetError(sheet: string): HostError {
  return {
    ok: false,
    code: "protected",
    message: {
      zh: `工作表“${sheet}”受保护，${NOTHING_CHANGED.zh}。请先在 Excel 中撤销工作表保护（审阅 > 撤销工作表保护）后重试`,
      en: `Sheet "${sheet}" is protected, so ${NOTHING_CHANGED.en}. Unprotect it in Excel first (Review > Unprotect Sheet), then retry`,
    },
    untouched: true,
  };
}

export function noRevertLogError(): HostError {
  return {
    ok: false,
    code: "no-revert-log",
    message: {
      zh: `没有可撤销的修正（或修正记录已被删除），${NOTHING_CHANGED.zh}`,
      en: `There is nothing to revert (or the revert log was removed), so ${NOTHING_CHANGED.en}`,
    },
    untouched: true,
  };
}

export function corruptRevertLogError(): HostError {
  return {
    ok: false,
    code: "corrupt-revert-log",
    message: {
      zh: `修正记录已损坏（可能被手工修改），无法撤销；${NOTHING_CHANGED.zh}`,
      en: `The revert log is damaged (edited by hand?), so nothing can be reverted; ${NOTHING_CHANGED.en}`,
    },
    untouched: true,
  };
}

export function sheetMissingError(): HostError {
  return {
    ok: false,
    code: "sheet-missing",
    message: {
      zh: `工作表已不存在（可能被重命名或删除），${NOTHING_CHANGED.zh}`,
      en: `The sheet no longer exists (renamed or deleted?), so ${NOTHING_CHANGED.en}`,
    },
    untouched: true,
  };
}

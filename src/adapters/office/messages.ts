/** HostErrors the Office adapter raises itself (not mapped from an Office error code). */
import type { HostError } from "../../host/ports";

export function protectedError(sheet: string): HostError {
  return {
    ok: false,
    code: "protected",
    message: {
      zh: `工作表“${sheet}”受保护，未写入任何单元格。请先在 Excel 中撤销工作表保护（审阅 > 撤销工作表保护）后重试`,
      en: `Sheet "${sheet}" is protected, so no cell was written. Unprotect it in Excel first (Review > Unprotect Sheet), then retry`,
    },
    untouched: true,
  };
}

export function noRevertLogError(): HostError {
  return {
    ok: false,
    code: "no-revert-log",
    message: { zh: "没有可撤销的修正（或修正记录已被删除）", en: "There is nothing to revert (or the revert log was removed)" },
    untouched: true,
  };
}

export function corruptRevertLogError(): HostError {
  return {
    ok: false,
    code: "corrupt-revert-log",
    message: {
      zh: "修正记录已损坏（可能被手工修改），无法撤销；工作簿未作任何改动",
      en: "The revert log is damaged (edited by hand?), so nothing can be reverted; the workbook is unchanged",
    },
    untouched: true,
  };
}

export function tooLargeError(sheet: string): HostError {
  return {
    ok: false,
    code: "too-large",
    message: {
      zh: `工作表“${sheet}”的已用区域超过 Excel 单次可读取的单元格上限。请删除无关的数据后重试`,
      en: `The used range of sheet "${sheet}" has more cells than Excel can return at once. Remove unrelated data, then retry`,
    },
    untouched: true,
  };
}

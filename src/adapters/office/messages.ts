/**
 * HostErrors the Office adapter raises itself (not mapped from an Office error code). Those the
 * memory host raises too live in src/host/write-messages.ts, so both hosts word them alike.
 */
import type { HostError } from "../../host/ports";

export { corruptRevertLogError, noRevertLogError, protectedSheetError as protectedError } from "../../host/write-messages";

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

/**
 * Office.js errors as the pane shows them. `error.code` is stable and not localized;
 * `error.message` is localized, technical and sometimes empty, so it is never shown. Every known
 * code gets its own Chinese and English sentence saying what happened and what to do.
 */
import type { Bilingual } from "../../core/findings/finding";
import type { HostError, HostErrorCode } from "../../host/ports";
import { NOTHING_CHANGED } from "../../host/write-messages";

interface Mapping {
  readonly code: HostErrorCode;
  readonly message: Bilingual;
}

const RETRY_LATER: Bilingual = { zh: "请稍后重试", en: "Please try again in a moment" };

/** Office.js / Excel error codes (OfficeExtension.ErrorCodes, Excel.ErrorCodes and documented extras). */
export const OFFICE_ERROR_MESSAGES: Readonly<Record<string, Mapping>> = {
  ItemNotFound: {
    code: "sheet-missing",
    message: {
      zh: "找不到要处理的工作表或单元格，可能已被重命名或删除。请重新校验后再试",
      en: "A sheet or cell to work on no longer exists (renamed or deleted?). Run the check again, then retry",
    },
  },
  InvalidArgument: {
    code: "unknown",
    message: {
      zh: "Excel 拒绝了这次操作的参数（例如地址或数据的形状不符）。工作簿未按预期修改，请重新校验后再试",
      en: "Excel rejected the arguments of this operation (for example an address or data shape). Run the check again, then retry",
    },
  },
  AccessDenied: {
    code: "access-denied",
    message: {
      zh: "Excel 拒绝写入：工作表或单元格受保护，或工作簿为只读 / 无编辑权限。请撤销保护或获取编辑权限后再试",
      en: "Excel denied the write: the sheet or cells are protected, or the workbook is read-only / you lack edit permission",
    },
  },
  NotAllowed: {
    code: "access-denied",
    message: {
      zh: "当前不允许此操作（工作簿可能为只读或受限）",
      en: "This operation is not allowed right now (the workbook may be read-only or restricted)",
    },
  },
  InvalidOperation: {
    code: "busy",
    message: {
      zh: "Excel 当前无法执行此操作（例如正在编辑单元格或有对话框打开）。请按 Enter 或 Esc 结束编辑、关闭对话框后重试",
      en: "Excel cannot do this right now (a cell is being edited or a dialog is open). Press Enter or Esc, close dialogs, then retry",
    },
  },
  InvalidOperationInCellEditMode: {
    code: "busy",
    message: {
      zh: "您正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试",
      en: "A cell is being edited. Press Enter or Esc to finish editing, then retry",
    },
  },
  InactiveWorkbook: {
    code: "busy",
    message: {
      zh: "此工作簿当前不是活动窗口。请先点击该工作簿，再重试",
      en: "This workbook is not the active window. Click into it, then retry",
    },
  },
  SearchDialogIsOpen: {
    code: "busy",
    message: { zh: "“查找”对话框处于打开状态。请关闭后重试", en: "The Find dialog is open. Close it, then retry" },
  },
  InvalidSelection: {
    code: "busy",
    message: { zh: "当前选定内容不支持此操作（例如选中了图表）。请点击任意单元格后重试", en: "The current selection does not allow this (a chart is selected?). Click a cell, then retry" },
  },
  RequestAborted: {
    code: "busy",
    message: { zh: `请求在运行中被中断。${RETRY_LATER.zh}`, en: `The request was interrupted. ${RETRY_LATER.en}` },
  },
  OperationAborted: {
    code: "busy",
    message: { zh: `操作被中断。${RETRY_LATER.zh}`, en: `The operation was interrupted. ${RETRY_LATER.en}` },
  },
  Timeout: {
    code: "busy",
    message: { zh: `Excel 响应超时。${RETRY_LATER.zh}`, en: `Excel took too long to answer. ${RETRY_LATER.en}` },
  },
  ServiceNotAvailable: {
    code: "busy",
    message: { zh: `Excel 服务暂时不可用。${RETRY_LATER.zh}`, en: `The Excel service is temporarily unavailable. ${RETRY_LATER.en}` },
  },
  ConnectionFailure: {
    code: "busy",
    message: { zh: `与 Excel 的连接中断。${RETRY_LATER.zh}`, en: `The connection to Excel was lost. ${RETRY_LATER.en}` },
  },
  RequestPayloadSizeLimitExceeded: {
    code: "too-large",
    message: {
      zh: "要写入的数据超过 Excel 网页版单次请求上限（5 MB）。请分批选择修正后重试",
      en: "The data to write exceeds Excel on the web's request limit (5 MB). Apply fewer fixes at a time",
    },
  },
  ResponsePayloadSizeLimitExceeded: {
    code: "too-large",
    message: {
      zh: "工作簿数据超过 Excel 网页版单次读取上限（5 MB）。请删除无关的大工作表，或在桌面版 Excel 中校验",
      en: "The workbook is larger than Excel on the web can return at once (5 MB). Remove unrelated large sheets or use desktop Excel",
    },
  },
  RangeExceedsLimit: {
    code: "too-large",
    message: { zh: "区域的单元格数超过 Excel 的上限", en: "The range has more cells than Excel allows" },
  },
  OperationCellsExceedLimit: {
    code: "too-large",
    message: { zh: "此操作涉及的单元格数超过 Excel 的上限", en: "This operation touches more cells than Excel allows" },
  },
  RangeImageExceedsLimit: {
    code: "too-large",
    message: { zh: "区域图像超过 Excel 的上限", en: "The range image exceeds Excel's limit" },
  },
  FormulaLengthExceedsLimit: {
    code: "too-large",
    message: { zh: "公式长度超过 Excel 的上限", en: "A formula is longer than Excel allows" },
  },
  ActivityLimitReached: {
    code: "too-large",
    message: { zh: `已达到 Excel 的活动上限。${RETRY_LATER.zh}`, en: `Excel's activity limit was reached. ${RETRY_LATER.en}` },
  },
  Conflict: {
    code: "conflict",
    message: {
      zh: "其他人（共同编辑者）同时修改了工作簿，操作发生冲突。请重新校验后再试",
      en: "Someone else changed the workbook at the same time (co-authoring conflict). Run the check again, then retry",
    },
  },
  InsertDeleteConflict: {
    code: "conflict",
    message: {
      zh: "行或列的插入 / 删除与此操作冲突。请重新校验后再试",
      en: "An insertion or deletion of rows/columns conflicts with this operation. Run the check again, then retry",
    },
  },
  ItemAlreadyExists: {
    code: "conflict",
    message: { zh: "要创建的对象已存在（可能由他人同时创建）。请重试", en: "The item to create already exists (created at the same time by someone else?). Retry" },
  },
  DirtySupportingFormula: {
    code: "conflict",
    message: { zh: "相关公式尚未计算完成。请等待计算结束后重试", en: "Supporting formulas are still being calculated. Wait, then retry" },
  },
  MergedRangeConflict: {
    code: "unknown",
    message: {
      zh: "此操作与合并单元格冲突。请检查目标单元格是否位于合并区域内",
      en: "This operation conflicts with merged cells. Check whether the target cells lie inside a merged area",
    },
  },
  FilteredRangeConflict: {
    code: "unknown",
    message: { zh: "此操作与筛选区域冲突。请清除筛选后重试", en: "This operation conflicts with a filtered range. Clear the filter, then retry" },
  },
  PivotTableRangeConflict: {
    code: "unknown",
    message: { zh: "此操作与数据透视表冲突", en: "This operation conflicts with a PivotTable" },
  },
  NonBlankCellOffSheet: {
    code: "unknown",
    message: { zh: "工作表末尾有非空单元格，无法插入", en: "Non-blank cells at the sheet's edge prevent the insertion" },
  },
  InvalidReference: {
    code: "unknown",
    message: { zh: "引用无效（工作表或区域可能已变化）。请重新校验后再试", en: "A reference is invalid (the sheet or range may have changed). Run the check again" },
  },
  InvalidBinding: {
    code: "unknown",
    message: { zh: "绑定无效", en: "The binding is invalid" },
  },
  InvalidState: {
    code: "busy",
    message: { zh: `工作簿当前状态不允许此操作。${RETRY_LATER.zh}`, en: `The workbook's current state does not allow this. ${RETRY_LATER.en}` },
  },
  UnsupportedSheet: {
    code: "not-supported",
    message: { zh: "此类工作表（如图表工作表或宏表）不支持此操作", en: "This kind of sheet (chart sheet, macro sheet) does not support the operation" },
  },
  ApiNotFound: {
    code: "not-supported",
    message: {
      zh: "此版本的 Excel 不支持所需的功能。请更新 Office，或使用 Microsoft 365 / Excel 网页版",
      en: "This version of Excel lacks a required feature. Update Office, or use Microsoft 365 / Excel on the web",
    },
  },
  NotImplemented: {
    code: "not-supported",
    message: { zh: "此版本的 Excel 尚未实现所需的功能", en: "This version of Excel does not implement a required feature" },
  },
  NotSupported: {
    code: "not-supported",
    message: { zh: "此版本的 Excel 不支持此操作", en: "This version of Excel does not support this operation" },
  },
  UnsupportedOperation: {
    code: "not-supported",
    message: { zh: "此版本的 Excel 不支持此操作", en: "This version of Excel does not support this operation" },
  },
  UnsupportedFeature: {
    code: "not-supported",
    message: { zh: "工作簿中包含此操作不支持的功能", en: "The workbook contains a feature this operation does not support" },
  },
  UnsupportedFillType: {
    code: "not-supported",
    message: { zh: "不支持此填充类型", en: "This fill type is not supported" },
  },
  UndoNotSupported: {
    code: "not-supported",
    message: {
      zh: "此操作无法合并为一个撤消步骤。请改用“撤销修正”按钮撤销",
      en: "This operation cannot be grouped into one undo step. Use the Revert fixes button instead",
    },
  },
  OpenWorkbookLinksBlocked: {
    code: "access-denied",
    message: { zh: "外部工作簿链接已被阻止", en: "Links to external workbooks are blocked" },
  },
  RefreshWorkbookLinksBlocked: {
    code: "access-denied",
    message: { zh: "外部工作簿链接的刷新已被阻止", en: "Refreshing external workbook links is blocked" },
  },
  PowerQueryRefreshResourceChallenge: {
    code: "access-denied",
    message: { zh: "Power Query 刷新需要授权", en: "A Power Query refresh needs authorization" },
  },
  Unauthenticated: {
    code: "access-denied",
    message: { zh: "登录已失效。请重新登录 Office 后重试", en: "You are signed out. Sign in to Office again, then retry" },
  },
  InvalidObjectPath: {
    code: "unknown",
    message: { zh: "插件内部错误（对象已失效）。请重新校验", en: "Internal add-in error (stale object). Run the check again" },
  },
  PropertyNotLoaded: {
    code: "unknown",
    message: { zh: "插件内部错误（属性未加载）。请重新校验", en: "Internal add-in error (property not loaded). Run the check again" },
  },
  ValueNotLoaded: {
    code: "unknown",
    message: { zh: "插件内部错误（值未加载）。请重新校验", en: "Internal add-in error (value not loaded). Run the check again" },
  },
  InvalidRequestContext: {
    code: "unknown",
    message: { zh: "插件内部错误（请求上下文无效）。请重新校验", en: "Internal add-in error (invalid request context). Run the check again" },
  },
  RunMustReturnPromise: {
    code: "unknown",
    message: { zh: "插件内部错误。请重新校验", en: "Internal add-in error. Run the check again" },
  },
  GeneralException: {
    code: "unknown",
    message: {
      zh: "Excel 报告了一般性错误，操作未完成。请保存工作簿后重试；若反复出现，请重新打开工作簿",
      en: "Excel reported a general error and the operation did not complete. Save, then retry; if it persists, reopen the workbook",
    },
  },
};

const UNKNOWN: Bilingual = {
  zh: "Excel 报告了未知错误，操作未完成。请重试；若反复出现，请重新打开工作簿",
  en: "Excel reported an unexpected error and the operation did not complete. Retry; if it persists, reopen the workbook",
};

/** The error's code when it is a plausible Office code (letters only, bounded), else null. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" && /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(code) ? code : null;
}

/**
 * Any thrown value (OfficeExtension.Error or not) as a HostError the pane can show. Unknown codes
 * keep the code in the message for support (never error.message, which is localized noise).
 */
export function hostErrorFromOffice(error: unknown, untouched: boolean): HostError {
  const code = officeErrorCode(error);
  const known = code !== null && Object.prototype.hasOwnProperty.call(OFFICE_ERROR_MESSAGES, code) ? OFFICE_ERROR_MESSAGES[code] : undefined;
  const base = known?.message ?? UNKNOWN;
  const suffix = code !== null && !known ? { zh: `（错误代码：${code}）`, en: ` (error code: ${code})` } : { zh: "", en: "" };
  const state = untouched
    ? { zh: `工作簿${NOTHING_CHANGED.zh}。`, en: `The workbook is as before: ${NOTHING_CHANGED.en}.` }
    : { zh: "工作簿可能已被部分修改，请检查。", en: "The workbook may have been partly changed; please check it." };
  return {
    ok: false,
    code: known?.code ?? "unknown",
    message: { zh: `${base.zh}${suffix.zh}。${state.zh}`.replace(/。。/g, "。"), en: `${base.en}${suffix.en}. ${state.en}`.replace(/\.\. /g, ". ") },
    untouched,
  };
}

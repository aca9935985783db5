/** The Office.js host: the only part of the project that calls Excel. */
export { createOfficeHost, REVERT_LOG_KEY, REVIEW_NOTES_KEY, type ExcelRun, type Requirements } from "./office-host";
export { hostErrorFromOffice, officeErrorCode, OFFICE_ERROR_MESSAGES } from "./errors";
export { excelText, needsTextMarker, cellFromRaw, isDateFormat, serialToIso } from "./cells";

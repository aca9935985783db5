/** The public API of the core: validate a snapshot, plan fixes, build the JSON report. */
export { validate, type ValidationResult, type Summary, type AnnexPlace, type TablePlace, type ProfileUsed, type ValidateOptions } from "./engine/validate";
export { messageText, messageOf } from "./messages/catalogue";
export type { MessageArg, MessageData } from "./messages/message";
export { GRADE_NAMES, type Grade } from "./rules/derived";
export { PROFILES, DEFAULT_PROFILE, profileById, chooseProfile } from "./profiles";
export type { FormProfile } from "./profiles/profile";
export { planFixes, type FixSelection } from "./engine/fixes";
export { DEFAULT_SETTINGS, type RuleSettings } from "./engine/settings";
export { RULES, RULES_VERSION, isRuleId, type RuleId } from "./rules";
export type { Rule, RuleMeta } from "./rules/rule";
export type { Finding, CellEdit, Severity, Bilingual, Lang, Fix, TableRef } from "./findings/finding";
export type { WorkbookSnapshot, SheetGrid, Cell, CellValue } from "./grid/workbook";
export { SparseSheet, isCellError } from "./grid/workbook";
export { toA1, fromA1, qualifiedA1, addressKey, cellLabel, type CellAddress, type CellRange } from "./grid/address";
export {
  toJsonReport, toFolderReport, findingToJson, REPORT_SCHEMA_VERSION,
  type JsonReport, type JsonFinding, type JsonFolderReport, type JsonUnreadable, type JsonEdit, type JsonCellRef, type JsonDocumentSource,
} from "./report/json-report";

/** The public API of the core: validate a snapshot, plan fixes, build the JSON report. */
export { validate, type ValidationResult, type Summary, type AnnexPlace } from "./engine/validate";
export { planFixes, type FixSelection } from "./engine/fixes";
export { DEFAULT_SETTINGS, type RuleSettings } from "./engine/settings";
export { RULES, RULES_VERSION } from "./rules";
export type { Rule, RuleMeta } from "./rules/rule";
export type { Finding, CellEdit, Severity, Bilingual, Lang, Fix } from "./findings/finding";
export type { WorkbookSnapshot, SheetGrid, Cell, CellValue } from "./grid/workbook";
export { SparseSheet, isCellError } from "./grid/workbook";
export { toA1, fromA1, qualifiedA1, type CellAddress, type CellRange } from "./grid/address";
export {
  toJsonReport, toFolderReport, findingToJson, REPORT_SCHEMA_VERSION,
  type JsonReport, type JsonFinding, type JsonFolderReport, type JsonUnreadable, type JsonEdit, type JsonCellRef,
} from "./report/json-report";

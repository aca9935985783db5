/** The report text against its tables: segment, extract figures, the r.* rules. */
export { segmentText, type SegmentedText, type Paragraph, type Sentence } from "./segment";
export { extractFigures, type TextFigure, type FigureKey, type FigureUnit, type ExtractedText } from "./extract";
export { checkReportText, withReportText, type AnnexModels, type ReportTextResult, type CheckedTables } from "./check";
export { REPORT_TEXT_RULES } from "./rules";
export { prepareReportText, type ReportTextInput } from "./input";

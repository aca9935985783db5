/** The report text against its annexes: segment, extract figures, compare (r.* rules). */
export { segmentText, type SegmentedText, type Paragraph, type Sentence } from "./segment";
export { extractFigures, type TextFigure, type FigureKey, type FigureUnit, type ExtractedText } from "./extract";
export { checkReportText, withReportText, type AnnexModels, type ReportTextResult } from "./check";
export { REPORT_TEXT_RULES } from "./rules";

/** The second half of checking a file in the folder summary: the checks (see analyze.ts). */
import { toJsonReport, validate } from "../../core";
import type { JsonReport } from "../../core/report/json-report";
import { withDocumentPlaces } from "../../core/report/document-places";
import { keyFigures } from "../../core/report/key-figures";
import { unpackSnapshot, type PackedSnapshot } from "../../core/grid/transfer";
import type { WorkbookSnapshot } from "../../core/grid/workbook";
import { summaryReportOf, type FileOutcome, type SummaryReport } from "../../core/report/folder-summary";
import type { AnalyzeOptions } from "./analyze";
import { internalFailure } from "./failure";
import type { DocumentPart } from "./read-half";
import { prepareReportText } from "../../core/report-text/input";

/** The checks on a snapshot packed by another thread. */
export function checkPacked(file: string, packed: PackedSnapshot, options: AnalyzeOptions, document?: DocumentPart): FileOutcome<JsonReport | SummaryReport> {
  try {
    return checkSnapshot(file, unpackSnapshot(packed), options, document);
  } catch (error) {
    return internalFailure(file, error);
  }
}

/** The checks, and the report and key figures the summary keeps; a Word report's text is checked with its tables. */
export function checkSnapshot(file: string, snapshot: WorkbookSnapshot, options: AnalyzeOptions, document?: DocumentPart): FileOutcome<JsonReport | SummaryReport> {
  try {
    const text = document && document.text.trim() !== "" ? prepareReportText(document.text) : null;
    const result = validate(snapshot, options.settings, text ? { reportText: text } : {});
    const source = document ? { kind: document.format, tables: document.tables } : undefined;
    const figures = keyFigures(result);
    if (options.report === "summary") return { kind: "checked", file, report: summaryReportOf(result, options.lang, source), figures };
    const json = toJsonReport(file, result, options.lang);
    return { kind: "checked", file, report: source ? withDocumentPlaces({ ...json, source }, options.lang) : json, figures };
  } catch (error) {
    return internalFailure(file, error);
  }
}

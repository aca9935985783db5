/**
 * One file, start to finish: read, validate, keep only plain data (the report and the key
 * figures). Runs inside worker threads, so what it returns must survive being sent between
 * threads, and it never throws: a file that breaks the reader or a rule becomes an "unreadable"
 * outcome. The two halves (read-half.ts, check-half.ts) also run on their own, in two threads
 * (pool.ts).
 */
import type { Lang, RuleSettings } from "../../core";
import type { InputLimits } from "../../adapters/limits";
import type { FileOutcome, SummaryReport } from "../../core/report/folder-summary";
import type { JsonReport } from "../../core/report/json-report";
import { readFile } from "./read-half";
import { checkSnapshot } from "./check-half";
import { internalFailure } from "./failure";

export { internalFailure };

export interface AnalyzeOptions {
  readonly settings: RuleSettings;
  readonly lang: Lang;
  readonly limits: InputLimits;
  /**
   * What a checked file's outcome carries: "json", its whole JSON report (a folder check prints
   * it); "summary", only what the summary workbook shows (summaryReportOf), about half the text to
   * make, send between threads and parse.
   */
  readonly report: "json" | "summary";
}

export async function analyzeFile(file: string, options: AnalyzeOptions): Promise<FileOutcome<JsonReport | SummaryReport>> {
  const read = await readFile(file, options.limits);
  return "kind" in read ? read : checkSnapshot(file, read.snapshot, options, read.document);
}

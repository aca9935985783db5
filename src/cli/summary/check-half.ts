/** The second half of checking a file in the folder summary: the checks (see analyze.ts). */
import { toJsonReport, validate } from "../../core";
import { keyFigures } from "../../core/report/key-figures";
import { unpackSnapshot, type PackedSnapshot } from "../../core/grid/transfer";
import type { WorkbookSnapshot } from "../../core/grid/workbook";
import type { FileOutcome } from "../../core/report/folder-summary";
import type { AnalyzeOptions } from "./analyze";
import { internalFailure } from "./failure";

/** The checks on a snapshot packed by another thread. */
export function checkPacked(file: string, packed: PackedSnapshot, options: AnalyzeOptions): FileOutcome {
  try {
    return checkSnapshot(file, unpackSnapshot(packed), options);
  } catch (error) {
    return internalFailure(file, error);
  }
}

/** The checks, and the report and key figures the summary keeps. */
export function checkSnapshot(file: string, snapshot: WorkbookSnapshot, options: AnalyzeOptions): FileOutcome {
  try {
    const result = validate(snapshot, options.settings);
    return { kind: "checked", file, report: toJsonReport(file, result, options.lang), figures: keyFigures(result) };
  } catch (error) {
    return internalFailure(file, error);
  }
}

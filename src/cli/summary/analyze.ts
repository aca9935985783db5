/**
 * One file, start to finish: read, validate, keep only plain data (the report and the key
 * figures). Runs inside a worker thread, so what it returns must survive structured cloning, and
 * it never throws: a file that breaks the reader or a rule becomes an "unreadable" outcome.
 */
import { toJsonReport, validate, type Lang, type RuleSettings } from "../../core";
import { keyFigures } from "../../core/report/key-figures";
import { readXlsx } from "../../adapters/xlsx/read-xlsx";
import type { FileOutcome } from "../../core/report/folder-summary";

export interface AnalyzeOptions {
  readonly settings: RuleSettings;
  readonly lang: Lang;
}

export async function analyzeFile(file: string, options: AnalyzeOptions): Promise<FileOutcome> {
  try {
    const read = await readXlsx(file);
    if (!read.ok) return { kind: "unreadable", file, reason: read.reason, message: read.message };
    const result = validate(read.snapshot, options.settings);
    return { kind: "checked", file, report: toJsonReport(file, result, options.lang), figures: keyFigures(result) };
  } catch (error) {
    return internalFailure(file, error);
  }
}

export function internalFailure(file: string, error: unknown): FileOutcome {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: "unreadable",
    file,
    reason: "internal",
    message: { zh: `检查时出现内部错误：${detail}`, en: `Internal error while checking: ${detail}` },
  };
}

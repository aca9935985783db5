/**
 * The versioned JSON report (docs/report-format.md). Everything a consumer needs is plain data:
 * cells in A1 form, decimals as strings, the message in the chosen language.
 */
import { rangeToA1, toA1, type CellAddress } from "../grid/address";
import type { CellValue } from "../grid/workbook";
import type { Finding, Lang, TextRef } from "../findings/finding";
import type { ValidationResult } from "../engine/validate";

export const REPORT_SCHEMA_VERSION = 1;

export interface JsonCellRef {
  readonly sheet: string;
  readonly cell: string;
}

export interface JsonEdit extends JsonCellRef {
  readonly before: CellValue;
  readonly after: number | string;
  readonly numberFormat?: string;
}

export interface JsonFinding {
  readonly ruleId: string;
  readonly severity: Finding["severity"];
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly related: readonly JsonCellRef[];
  readonly expected: string | null;
  readonly actual: string | null;
  readonly message: string;
  readonly fix?: { readonly safe: boolean; readonly edits: readonly JsonEdit[] };
  /** r.* findings only: the sentence of the report text (added within schemaVersion 1). */
  readonly textRef?: TextRef;
}

export interface JsonReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly file: string;
  readonly rulesVersion: string;
  readonly annexes: {
    readonly annex2: { readonly sheet: string; readonly range: string } | null;
    readonly annex3: { readonly sheet: string; readonly range: string } | null;
  };
  readonly findings: readonly JsonFinding[];
  readonly summary: ValidationResult["summary"];
}

/** A file that could not be read, in a folder report. */
export interface JsonUnreadable {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly file: string;
  readonly error: { readonly reason: string; readonly message: string };
}

export interface JsonFolderReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly files: readonly (JsonReport | JsonUnreadable)[];
  readonly summary: {
    readonly files: number;
    readonly unreadable: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
  };
}

const ref = (at: CellAddress): JsonCellRef => ({ sheet: at.sheet, cell: toA1(at) });

export function findingToJson(finding: Finding, lang: Lang): JsonFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    sheet: finding.at?.sheet ?? null,
    cell: finding.at ? toA1(finding.at) : null,
    related: finding.related.map(ref),
    expected: finding.expected,
    actual: finding.actual,
    message: finding.message[lang],
    ...(finding.textRef ? { textRef: finding.textRef } : {}),
    ...(finding.fix
      ? {
          fix: {
            safe: finding.fix.safe,
            edits: finding.fix.edits.map((e) => ({
              ...ref(e.at),
              before: e.before,
              after: e.after,
              ...(e.numberFormat ? { numberFormat: e.numberFormat } : {}),
            })),
          },
        }
      : {}),
  };
}

export function toJsonReport(file: string, result: ValidationResult, lang: Lang): JsonReport {
  const place = (p: ValidationResult["annexes"]["annex2"]) => (p ? { sheet: p.sheet, range: rangeToA1(p.range) } : null);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    file,
    rulesVersion: result.rulesVersion,
    annexes: { annex2: place(result.annexes.annex2), annex3: place(result.annexes.annex3) },
    findings: result.findings.map((f) => findingToJson(f, lang)),
    summary: result.summary,
  };
}

export function toFolderReport(files: readonly (JsonReport | JsonUnreadable)[]): JsonFolderReport {
  const reports = files.filter((f): f is JsonReport => "findings" in f);
  const total = (key: "errors" | "warnings" | "infos") => reports.reduce((n, r) => n + r.summary[key], 0);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    files,
    summary: {
      files: files.length,
      unreadable: files.length - reports.length,
      errors: total("errors"),
      warnings: total("warnings"),
      infos: total("infos"),
    },
  };
}

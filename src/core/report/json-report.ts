/**
 * The versioned JSON report (docs/report-format.md). Everything a consumer needs is plain data:
 * cells in A1 form, decimals as strings, the message in the chosen language, and the message id
 * with its data for consumers that render or group messages themselves.
 */
import { rangeToA1, toA1, type CellAddress } from "../grid/address";
import type { CellValue } from "../grid/workbook";
import type { Finding, Lang, TableRef, TextRef } from "../findings/finding";
import type { Grade } from "../rules/derived";
import { GRADE_NAMES } from "../rules/derived";
import type { ValidationResult } from "../engine/validate";
import type { MessageArg, MessageData } from "../messages/message";
import { messageText } from "../messages/catalogue";

/** 2: summary.grade is a code ("excellent"), no longer "优"; profile, tables, messageId/data added. */
export const REPORT_SCHEMA_VERSION = 2;

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
  /** What expected and actual are: amount (万元), percent (points), score, count, typed, grade; absent for text. */
  readonly figure?: Finding["figure"];
  /** The message in the report's language. */
  readonly message: string;
  /** Which message of the rule, and its data (cells in A1 form), for consumers that render their own. */
  readonly messageId: string;
  readonly data: JsonMessageData;
  /** The table a finding is about when the workbook holds several (one per project). */
  readonly table?: TableRef;
  readonly fix?: { readonly safe: boolean; readonly edits: readonly JsonEdit[] };
  /** r.* findings only: the sentence of the report text. */
  readonly textRef?: TextRef;
}

export type JsonMessageArg =
  | string
  | number
  | { readonly figure: string; readonly style: string }
  | { readonly cell: JsonCellRef }
  | { readonly label: { readonly zh: string; readonly en: string } }
  | { readonly message: string; readonly data: JsonMessageData }
  | { readonly list: readonly JsonMessageArg[]; readonly separator: { readonly zh: string; readonly en: string } };

export type JsonMessageData = Readonly<Record<string, JsonMessageArg>>;

export interface JsonSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly score: string | null;
  /** A code: excellent, good, fair, poor; null when no grade is given. */
  readonly grade: Grade | null;
  /** The grade in the report's language (优 / Excellent). */
  readonly gradeName: string | null;
}

export interface JsonReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly file: string;
  readonly rulesVersion: string;
  /** The form profile used, how it was chosen and the labels that decided. */
  readonly profile: { readonly id: string; readonly name: string; readonly how: string; readonly reasons: readonly string[] };
  readonly annexes: {
    readonly annex2: { readonly sheet: string; readonly range: string } | null;
    readonly annex3: { readonly sheet: string; readonly range: string } | null;
  };
  readonly tables: readonly {
    readonly kind: "annex2" | "annex3";
    readonly sheet: string;
    readonly range: string;
    readonly name: string | null;
    readonly score: string | null;
    readonly grade: Grade | null;
  }[];
  readonly findings: readonly JsonFinding[];
  readonly summary: JsonSummary;
  /**
   * Set when the file was a Word report (.docx) or a PDF: its tables were read as grids named 表1, 表2…
   * (sheet), each with the caption paragraphs above it as its first rows; a finding's row in the
   * Word table is the grid row − captionRows + 1. Absent for a workbook.
   */
  readonly source?: JsonDocumentSource;
}

export interface JsonDocumentSource {
  /** docx: read from a Word report's tables; pdf: rebuilt from a PDF's layout (best effort, to be verified against the original). */
  readonly kind: "docx" | "pdf";
  readonly tables: readonly { readonly sheet: string; readonly caption: string; readonly captionRows: number }[];
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

function argToJson(arg: MessageArg): JsonMessageArg {
  if (typeof arg === "string" || typeof arg === "number") return arg;
  if ("cell" in arg) return { cell: ref(arg.cell) };
  if ("message" in arg) return { message: arg.message, data: dataToJson(arg.data) };
  if ("list" in arg) return { list: arg.list.map(argToJson), separator: arg.separator };
  return arg;
}

export function dataToJson(data: MessageData): JsonMessageData {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, argToJson(v)]));
}

export function findingToJson(finding: Finding, lang: Lang): JsonFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    sheet: finding.at?.sheet ?? null,
    cell: finding.at ? toA1(finding.at) : null,
    related: finding.related.map(ref),
    expected: finding.expected,
    actual: finding.actual,
    ...(finding.figure ? { figure: finding.figure } : {}),
    message: messageText(finding, lang),
    messageId: finding.messageId,
    data: dataToJson(finding.data),
    ...(finding.table ? { table: finding.table } : {}),
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
    profile: {
      id: result.profile.id,
      name: result.profile.name[lang],
      how: result.profile.how,
      reasons: result.profile.signals.map((s) => s[lang]),
    },
    annexes: { annex2: place(result.annexes.annex2), annex3: place(result.annexes.annex3) },
    tables: result.tables.map((t) => ({ kind: t.kind, sheet: t.sheet, range: rangeToA1(t.range), name: t.name, score: t.score, grade: t.grade })),
    findings: result.findings.map((f) => findingToJson(f, lang)),
    summary: { ...result.summary, gradeName: result.summary.grade ? GRADE_NAMES[result.summary.grade][lang] : null },
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

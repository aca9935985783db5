/**
 * What the task pane needs from a workbook host, whatever the host is: Excel through Office.js
 * (src/adapters/office) or the in-memory workbook of the browser demo and the tests
 * (src/adapters/memory). The pane talks only to this interface and never calls Excel itself.
 */
import type { Bilingual, CellEdit } from "../core/findings/finding";
import type { CellAddress, CellRange } from "../core/grid/address";
import type { Cell, WorkbookSnapshot } from "../core/grid/workbook";
import type { TemplateDescription } from "../core/template/model";

/** Fill colour given to the cells we changed, so staff see them; 撤销修正 removes it again. */
export const FIXED_FILL = "#FFF2CC";

/** Document-settings keys of the revert log and the review notes: the same in every host. */
export const REVERT_LOG_KEY = "annexChecker.revertLog";
export const REVIEW_NOTES_KEY = "annexChecker.reviewNotes";

/** Name of the sheet 插入校验报告 writes (or refreshes). */
export const REPORT_SHEET = "校验报告";

export type HostErrorCode =
  | "protected"        // a target sheet is protected
  | "sheet-missing"    // a target sheet was renamed or deleted since validation
  | "busy"             // the user is editing a cell
  | "too-large"        // payload or cell limits
  | "not-supported"    // the host lacks an API (requirement set)
  | "no-revert-log"    // nothing to revert, or the log was removed by hand
  | "corrupt-revert-log"
  | "access-denied"
  | "conflict"         // co-authoring conflict
  | "unknown";

export interface HostError {
  readonly ok: false;
  readonly code: HostErrorCode;
  readonly message: Bilingual;
  /** Whether the workbook is exactly as before the call (all-or-nothing writes). */
  readonly untouched: boolean;
}

/**
 * Why an edit was not written. "changed": the cell no longer holds what validation saw; this is
 * also what a second apply of the same fixes reports (the cell already holds the fixed value),
 * so nothing is written or logged twice. Every host decides through the same planner
 * (src/host/write-plan.ts), which checks an edit against the earlier edits of the same batch, so
 * a cell aimed at twice is written at most once unless the second edit expects the first one's result.
 */
export type StaleReason = "changed" | "formula" | "sheet-missing" | "merged"
  // Merged areas are unknown (an old Excel, or too many to read) and the target is empty: it may be
  // covered by a merge, where a write would vanish or unmerge, so it is not written.
  | "merge-unknown";

export interface StaleEdit {
  readonly edit: CellEdit;
  readonly reason: StaleReason;
}

export interface ApplyOptions {
  /** Write into cells that hold a formula (the user chose "write as formula"/overwrite). Default false. */
  readonly overwriteFormulas?: boolean;
}

export type ApplyOutcome =
  | { readonly ok: true; readonly applied: readonly CellEdit[]; readonly stale: readonly StaleEdit[]; readonly undoGrouped: boolean }
  | HostError;

export type RevertOutcome =
  | { readonly ok: true; readonly restored: readonly CellAddress[]; readonly skipped: readonly { readonly at: CellAddress; readonly reason: "changed-since" | "sheet-missing" }[] }
  | HostError;

/** A warning the user accepted, with the reason typed (审核说明). Stored in the workbook. */
export interface ReviewNote {
  readonly ruleId: string;
  readonly sheet: string;
  readonly cell: string;
  readonly reason: string;
  readonly acceptedAt: string;
}

export type FindingStatus = "open" | "fixed" | "accepted";

export interface ReportRow {
  readonly ruleId: string;
  readonly severity: "error" | "warning" | "info";
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly expected: string | null;
  readonly actual: string | null;
  readonly message: string;
  readonly status: FindingStatus;
  readonly reason: string | null;
}

export interface ReportSheetContent {
  readonly checkedAt: string;
  readonly rulesVersion: string;
  readonly lang: "zh" | "en";
  readonly rows: readonly ReportRow[];
}

export type HostOutcome = { readonly ok: true } | HostError;

/** What a check needs from the workbook, read together (in Excel: one Excel.run, at most 2 syncs). */
export interface WorkbookRead {
  readonly ok: true;
  readonly snapshot: WorkbookSnapshot;
  /** The 审核说明 stored in the workbook (none when missing or unreadable), as loadReviewNotes(). */
  readonly notes: readonly ReviewNote[];
  /** Whether a revert log exists (撤销修正 is enabled), as canRevert(). */
  readonly canRevert: boolean;
  /**
   * Set when the merged areas could not be read: "unsupported" below ExcelApi 1.13, "failed" when
   * Excel refused them (past 512 merged areas) and the read was done again without them. Labels
   * under merges may then be missed, and no fix is written into an empty cell.
   */
  readonly mergesUnknown?: "unsupported" | "failed";
}

/** A change made in the workbook by the user (or another session / another add-in), never by this host's own writes. */
export interface WorkbookChange {
  readonly sheet: string;
  /** The changed cells (0-based, inclusive), or null when the host cannot tell (a whole sheet, a sheet added/renamed/deleted). */
  readonly range: CellRange | null;
}

/** Stops watching; never rejects. Calling it again does nothing. */
export type Unwatch = () => void;

export interface WorkbookHost {
  /** Where the host runs, for the header ("Excel", "演示 Demo"). */
  readonly kind: "excel" | "demo";
  /**
   * The whole workbook as the core reads it, with the review notes and whether a revert log
   * exists: everything a check needs, in a bounded number of round trips.
   */
  read(): Promise<WorkbookRead | HostError>;
  /** Writes the accepted edits in one batch after re-checking each cell; records a revert log. */
  apply(edits: readonly CellEdit[], options?: ApplyOptions): Promise<ApplyOutcome>;
  /** Restores every cell of the last applied batches from the revert log kept in the workbook. */
  revert(): Promise<RevertOutcome>;
  /** Whether a revert log exists (撤销修正 is enabled). */
  canRevert(): Promise<boolean>;
  /** Selects a cell so the user sees it. */
  select(at: CellAddress): Promise<HostOutcome>;
  loadReviewNotes(): Promise<readonly ReviewNote[]>;
  saveReviewNotes(notes: readonly ReviewNote[]): Promise<HostOutcome>;
  /** Writes or refreshes the 校验报告 sheet. Text is written as text; links point only at cells of this workbook. */
  writeReport(content: ReportSheetContent): Promise<HostOutcome>;
  /** Adds the template's sheets (插入空白模板); refuses, untouched, when a sheet of that name exists. */
  insertTemplate?(description: TemplateDescription): Promise<TemplateOutcome>;
  /**
   * Adds each table as a new sheet (导入附件表, from a Word report): values (numbers as numbers,
   * text as text that never becomes a formula), number formats and merges. Never writes over an
   * existing sheet: a taken name gets " (2)", " (3)"… (importSheetNames). Resolves to the names used.
   */
  importTables?(tables: readonly ImportedTable[]): Promise<ImportOutcome>;
  /**
   * Calls `onChange` after cells change other than through this host (its apply, revert,
   * writeReport, insertTemplate, saveReviewNotes never report). Resolves to a function that stops
   * watching; null when the host cannot watch (then the pane offers no live re-check). Never rejects.
   */
  watch?(onChange: (changes: readonly WorkbookChange[]) => void): Promise<Unwatch | null>;
}

/** A table to add as a new sheet: its cells, merges (0-based, sheet ignored) and size. */
export interface ImportedTable {
  /** The sheet name wanted ("附件2", "表3"); the host makes it unique. */
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  readonly cells: readonly { readonly row: number; readonly col: number; readonly cell: Cell }[];
  readonly merges: readonly CellRange[];
}

export type ImportOutcome = { readonly ok: true; readonly sheets: readonly string[] } | HostError;

/**
 * 插入空白模板's outcome. `skipped` names what the host could not write (data validation, the
 * self-checks' conditional formats or print setup on an Excel older than their requirement set);
 * the cells and formulas, the 检查 column's included, are always written.
 */
export type TemplateOutcome =
  | { readonly ok: true; readonly sheets: readonly string[]; readonly skipped: readonly ("dataValidation" | "conditionalFormats" | "pageLayout")[] }
  | { readonly ok: false; readonly code: "sheet-exists"; readonly message: Bilingual; readonly untouched: true; readonly suggested: { readonly annex2: string; readonly annex3: string } }
  | HostError;

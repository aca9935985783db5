/**
 * Finding a form's tables in a workbook by their labels: on any sheet, under any sheet name,
 * anywhere on the sheet, one table or many. The basic-data table (附件2) is found by its own
 * anchors; self-evaluation tables by the anchors the profile names (a title, 项目名称, the funds
 * header, 年度资金总额, the indicator header, the goals heading).
 *
 * Several self-evaluation tables on one sheet are told apart by what each table has exactly once:
 * a second title, 项目名称, funds header or 年度资金总额 starts the next table. The indicator header
 * is repeated after a page break inside one table, so it starts a new table only after the
 * current one has closed with its 总分 row. A title-like text inside a table (a project called
 * "…自评表编制", a note) is not a title: a title is the first thing on its row, alone or with a
 * year, and not the value of a field.
 */
import type { WorkbookSnapshot } from "../grid/workbook";
import type { FormProfile, SelfEvalSpec } from "../profiles/profile";
import { ANNEX2_LABELS as L2 } from "./labels";
import { SheetIndex, type LabelCell, type RowSpan } from "./sheet-index";
import { matchesAny } from "../text/patterns";

export interface AnnexLocation {
  readonly index: SheetIndex;
  readonly rows: RowSpan;
  /** How many distinct anchor labels were found: the confidence of the match. */
  readonly score: number;
}

export interface Located {
  readonly annex2: AnnexLocation | null;
  /** Every self-evaluation table to check, in sheet and row order (one for a "one" profile). */
  readonly annex3: readonly AnnexLocation[];
  /**
   * Further tables that also look like a table of the form (a second 附件3), for a finding;
   * `blank` when the caller's `isBlank` says no figure was typed in it (an inserted template).
   */
  readonly extra: readonly { readonly kind: "annex2" | "annex3"; readonly sheet: string; readonly row: number; readonly blank: boolean }[];
}

export interface LocateOptions {
  /**
   * Whether a table holds no figure typed by staff (the engine parses it to tell). Asked only when
   * a form has one table of a kind and the workbook holds several: a filled table is then checked
   * before a blank one (a template inserted beside it), whatever their order and anchor counts.
   */
  readonly isBlank?: (kind: "annex2" | "annex3", place: AnnexLocation) => boolean;
}

const MIN_ANCHORS = 2;
/** How far above a table its "附件3" tag may sit. */
const TAG_ROWS = 3;

type Anchor = "title" | "field" | "fundsHeader" | "fundsTotal" | "indicatorHeader" | "goals" | "total";

/** Anchors a table has once: meeting one again means the next table has begun. */
const ONCE: ReadonlySet<Anchor> = new Set<Anchor>(["title", "field", "fundsHeader", "fundsTotal"]);

interface Hit {
  readonly row: number;
  readonly anchor: Anchor;
}

interface Segment {
  readonly index: SheetIndex;
  start: number;
  readonly kinds: Set<Anchor>;
  closed: boolean;
}

function sameRowHas(index: SheetIndex, row: number, pattern: RegExp): boolean {
  return index.rowLabels(row).some((l) => pattern.test(l.label));
}

/** Label patterns of any field of the header block (项目名称, 单位名称, …). */
function fieldPatterns(spec: SelfEvalSpec): RegExp[] {
  return [spec.fields.project, spec.fields.unitName, spec.fields.department, spec.fields.implementer].filter((p): p is RegExp => p !== null);
}

/**
 * Whether a label that reads like a title is one: the first filled cell of its row, with at most
 * one other cell beside it (a year, "（2022年度）"), not a field's value and not a 附件2 title.
 */
function isTitle(index: SheetIndex, cell: LabelCell, spec: SelfEvalSpec): boolean {
  // A 附件2 title, or a title repeated on a continuation page ("（续）"), starts no table.
  if (L2.title.test(cell.label) || /续/.test(cell.label)) return false;
  if (index.firstFilledColumn(cell.row) !== cell.col && !index.rowLabels(cell.row).every((l) => l.col >= cell.col || /^附件/.test(l.label))) return false;
  if (index.filledCount(cell.row) > 3) return false;
  const fields = fieldPatterns(spec);
  return !index.rowLabels(cell.row).some((l) => l.col < cell.col && fields.some((f) => f.test(l.label)));
}

/** Whether a row is an indicator header: a 一级/三级 label and at least one other indicator column. */
function isIndicatorHeader(index: SheetIndex, row: number, spec: SelfEvalSpec): boolean {
  const c = spec.indicators.columns;
  const labels = index.rowLabels(row).map((l) => l.label);
  if (!labels.some((l) => c.level1.test(l) || c.level3.test(l))) return false;
  const others = [c.level2, c.target, c.actual, c.weight, c.score];
  // The other headers may sit on the row above or below (a header over two rows).
  const near = [row - 1, row, row + 1].flatMap((r) => index.visibleTexts(r).map((t) => t.label));
  return near.some((l) => others.some((p) => p.test(l)));
}

/** Every pattern selfEvalHits looks labels up by. */
function selfEvalAnchorPatterns(spec: SelfEvalSpec): RegExp[] {
  const c = spec.indicators.columns;
  return [spec.title, ...fieldPatterns(spec), spec.funds.columns.budget, spec.funds.totalRow, c.level1, c.level3, spec.goals, spec.total];
}

function selfEvalHits(index: SheetIndex, spec: SelfEvalSpec, labels: AnchorLabels): Hit[] {
  const hits: Hit[] = [];
  const add = (rows: Iterable<number>, anchor: Anchor) => {
    for (const row of new Set(rows)) hits.push({ row, anchor });
  };
  add(labels(spec.title).filter((c) => isTitle(index, c, spec)).map((c) => c.row), "title");
  const fields = fieldPatterns(spec);
  // The first field of a table: 项目名称 (or 单位名称); 主管部门 and 实施单位 follow it closely.
  const firstField = spec.fields.project ?? spec.fields.unitName;
  if (firstField) add(labels(firstField).filter((c) => !L2.title.test(c.label)).map((c) => c.row), "field");
  else if (fields.length > 0) add(labels(...fields).map((c) => c.row), "field");
  const cols = spec.funds.columns;
  add(labels(cols.budget).filter((c) => sameRowHas(index, c.row, cols.executed)).map((c) => c.row), "fundsHeader");
  add(labels(spec.funds.totalRow).map((c) => c.row), "fundsTotal");
  add(labels(spec.indicators.columns.level1, spec.indicators.columns.level3)
    .filter((c) => isIndicatorHeader(index, c.row, spec)).map((c) => c.row), "indicatorHeader");
  add(labels(spec.goals).map((c) => c.row), "goals");
  add(labels(spec.total).map((c) => c.row), "total");
  return hits.sort((a, b) => a.row - b.row || order(a.anchor) - order(b.anchor));
}

/** The labels of a sheet matching any of the given anchor patterns, in row order. */
type AnchorLabels = (...patterns: RegExp[]) => LabelCell[];

/**
 * Anchors are looked up among the labels that match one of them at all, found in one pass with
 * the patterns joined: the anchor searches of a sheet once went over every label of a 20,000-row
 * table a dozen times. Asking for a pattern not given here is a programming error, not a miss.
 */
function anchorLabels(index: SheetIndex, patterns: readonly RegExp[]): AnchorLabels {
  const anyAnchor = matchesAny(patterns);
  const candidates = index.find((label) => anyAnchor(label));
  const known = new Set(patterns);
  return (...wanted) => {
    for (const pattern of wanted) if (!known.has(pattern)) throw new Error(`anchor pattern ${pattern} was not given to anchorLabels`);
    return candidates.filter((c) => wanted.some((p) => p.test(c.label)));
  };
}

const ANCHOR_ORDER: readonly Anchor[] = ["title", "field", "fundsHeader", "fundsTotal", "goals", "indicatorHeader", "total"];
function order(anchor: Anchor): number {
  return ANCHOR_ORDER.indexOf(anchor);
}

/** Splits a sheet's anchor hits into tables (see the file comment). */
function segmentsOf(index: SheetIndex, hits: readonly Hit[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (const hit of hits) {
    if (hit.anchor === "total") {
      if (current?.kinds.has("indicatorHeader")) current.closed = true;
      continue;
    }
    const repeats = current !== null && current.kinds.has(hit.anchor);
    const startsNew = current === null
      || (ONCE.has(hit.anchor) && repeats)
      || (hit.anchor === "indicatorHeader" && current.closed)
      // Anything that opens a table, met after the previous one closed with its 总分 row.
      || (current.closed && (hit.anchor === "title" || hit.anchor === "field" || hit.anchor === "fundsHeader"));
    if (startsNew) {
      current = { index, start: hit.row, kinds: new Set([hit.anchor]), closed: false };
      segments.push(current);
    } else {
      current!.kinds.add(hit.anchor);
    }
  }
  return segments.filter((s) => s.kinds.size >= MIN_ANCHORS);
}

/** The row a table starts on: its first anchor, or the "附件3" tag just above it. */
function withTag(index: SheetIndex, start: number, kind: "annex2" | "annex3"): number {
  const tag = kind === "annex2" ? /^附件2$|^附件二$/ : /^附件3$|^附件三$|^附件\d*$/;
  const rows = index.find((l) => tag.test(l), { from: Math.max(0, start - TAG_ROWS), to: start }).map((l) => l.row);
  return rows.length ? rows.reduce((a, b) => Math.min(a, b)) : start;
}

interface Candidate {
  readonly kind: "annex2" | "annex3";
  readonly index: SheetIndex;
  readonly start: number;
  readonly score: number;
}

/** Every pattern annex2Anchors looks labels up by. */
const ANNEX2_ANCHOR_PATTERNS: readonly RegExp[] = [L2.title, L2.establishment, L2.fundsBlock, L2.threePublic, L2.buildingsBlock, L2.staffBlock];

function annex2Anchors(index: SheetIndex, labels: AnchorLabels): number[][] {
  const kinds: number[][] = [
    labels(L2.title).map((l) => l.row),
    labels(L2.establishment).filter((l) => sameRowHas(index, l.row, L2.actualStaff)).map((l) => l.row),
    labels(L2.fundsBlock).map((l) => l.row),
    labels(L2.threePublic).map((l) => l.row),
    labels(L2.buildingsBlock).map((l) => l.row),
    labels(L2.staffBlock).map((l) => l.row),
  ];
  return kinds.filter((rows) => rows.length > 0);
}

/** 附件2 candidates: the earliest row of each anchor kind starts the table; a kind found twice far apart, a second copy. */
function annex2Candidates(index: SheetIndex, labels: AnchorLabels): Candidate[] {
  const anchors = annex2Anchors(index, labels);
  if (anchors.length < MIN_ANCHORS) return [];
  // A reduce, not Math.min(...rows): a label repeated on 200,000 rows would overflow the call stack.
  const firsts = anchors.map((rows) => rows.reduce((a, b) => Math.min(a, b)));
  const start = firsts.reduce((a, b) => Math.min(a, b));
  const candidates: Candidate[] = [{ kind: "annex2", index, start: withTag(index, start, "annex2"), score: anchors.length }];
  const repeatedKinds = anchors.filter((rows) => rows.length > 1);
  if (repeatedKinds.length >= MIN_ANCHORS) {
    const secondStarts = repeatedKinds.map((rows) => [...rows].sort((a, b) => a - b)[1]!);
    candidates.push({ kind: "annex2", index, start: secondStarts.reduce((a, b) => Math.min(a, b)), score: repeatedKinds.length });
  }
  return candidates;
}

/** The SheetIndex of every sheet, built once per workbook (detection and location share them). */
export function indexSheets(workbook: WorkbookSnapshot): SheetIndex[] {
  return workbook.sheets.map((sheet) => new SheetIndex(sheet));
}

export function locateTables(indexes: readonly SheetIndex[], profile: FormProfile, options: LocateOptions = {}): Located {
  const candidates: Candidate[] = [];
  const patterns = [...selfEvalAnchorPatterns(profile.selfEval), ...(profile.basicData ? ANNEX2_ANCHOR_PATTERNS : [])];
  for (const index of indexes) {
    const labels = anchorLabels(index, patterns);
    if (profile.basicData) candidates.push(...annex2Candidates(index, labels));
    for (const segment of segmentsOf(index, selfEvalHits(index, profile.selfEval, labels))) {
      candidates.push({ kind: "annex3", index, start: withTag(index, segment.start, "annex3"), score: segment.kinds.size });
    }
  }
  const span = (c: Candidate): RowSpan => {
    // A table ends where the next table on its sheet (of either kind) starts.
    const later = candidates.filter((o) => o.index === c.index && o.start > c.start).map((o) => o.start);
    const to = later.length ? later.reduce((a, b) => Math.min(a, b)) - 1 : c.index.rowCount - 1;
    return { from: c.start, to };
  };
  const located = (c: Candidate): AnnexLocation => ({ index: c.index, rows: span(c), score: c.score });
  const blank = new Map<Candidate, boolean>();
  const isBlank = (c: Candidate): boolean => {
    if (!options.isBlank) return false;
    if (!blank.has(c)) blank.set(c, options.isBlank(c.kind, located(c)));
    return blank.get(c)!;
  };
  // The most anchors wins, the first on a tie; among several, a filled table before a blank one.
  const best = (kind: "annex2" | "annex3"): Candidate | null => {
    const all = candidates.filter((c) => c.kind === kind);
    const pool = all.length > 1 && all.some((c) => !isBlank(c)) ? all.filter((c) => !isBlank(c)) : all;
    return pool.reduce<Candidate | null>((b, c) => (!b || c.score > b.score ? c : b), null);
  };
  const chosen2 = best("annex2");
  const selfEval = candidates.filter((c) => c.kind === "annex3");
  const checked3 = profile.tablesPerWorkbook === "many" ? selfEval : [best("annex3")].filter((c): c is Candidate => c !== null);
  const checked = new Set<Candidate>([...(chosen2 ? [chosen2] : []), ...checked3]);
  return {
    annex2: chosen2 ? located(chosen2) : null,
    annex3: checked3.map(located),
    extra: candidates.filter((c) => !checked.has(c)).map((c) => ({ kind: c.kind, sheet: c.index.name, row: c.start, blank: isBlank(c) })),
  };
}

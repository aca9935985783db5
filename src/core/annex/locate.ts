/**
 * Finding the two annexes in a workbook by their labels: on two sheets or one, under any sheet
 * name, anywhere on the sheet. Each annex gets a row span; when both share a sheet, the one that
 * starts lower begins where the other ends.
 */
import type { WorkbookSnapshot } from "../grid/workbook";
import { ANNEX2_LABELS as L2, ANNEX3_LABELS as L3 } from "./labels";
import { SheetIndex, type RowSpan } from "./sheet-index";

export interface AnnexLocation {
  readonly index: SheetIndex;
  readonly rows: RowSpan;
  /** How many distinct anchor labels were found: the confidence of the match. */
  readonly score: number;
}

export interface Located {
  readonly annex2: AnnexLocation | null;
  readonly annex3: AnnexLocation | null;
  /** Further tables that also look like an annex (a second 附件3), for a finding. */
  readonly extra: readonly { readonly kind: "annex2" | "annex3"; readonly sheet: string; readonly row: number }[];
}

interface Candidate {
  readonly kind: "annex2" | "annex3";
  readonly index: SheetIndex;
  readonly start: number;
  readonly score: number;
}

const MIN_ANCHORS = 2;

function sameRowHas(index: SheetIndex, row: number, pattern: RegExp): boolean {
  return index.rowLabels(row).some((l) => pattern.test(l.label));
}

function annex2Anchors(index: SheetIndex): number[][] {
  const kinds: number[][] = [
    index.find((l) => L2.title.test(l)).map((l) => l.row),
    index.find((l) => L2.establishment.test(l)).filter((l) => sameRowHas(index, l.row, L2.actualStaff)).map((l) => l.row),
    index.find((l) => L2.fundsBlock.test(l)).map((l) => l.row),
    index.find((l) => L2.threePublic.test(l)).map((l) => l.row),
    index.find((l) => L2.buildingsBlock.test(l)).map((l) => l.row),
    index.find((l) => L2.staffBlock.test(l)).map((l) => l.row),
  ];
  return kinds.filter((rows) => rows.length > 0);
}

function annex3Anchors(index: SheetIndex): number[][] {
  const kinds: number[][] = [
    index.find((l) => L3.title.test(l) && !L2.title.test(l)).map((l) => l.row),
    index.find((l) => L3.budget.test(l)).filter((l) => sameRowHas(index, l.row, L3.executed)).map((l) => l.row),
    index.find((l) => L3.fundsTotal.test(l)).map((l) => l.row),
    index.find((l) => L3.level1.test(l) || L3.level3.test(l)).map((l) => l.row),
    index.find((l) => L3.overallGoal.test(l)).map((l) => l.row),
    index.find((l) => L3.unitName.test(l) && !L2.title.test(l)).map((l) => l.row),
  ];
  return kinds.filter((rows) => rows.length > 0);
}

/** Splits the anchor rows of one kind into separate tables when a sheet holds two copies. */
function candidatesOf(kind: "annex2" | "annex3", index: SheetIndex, anchors: number[][]): Candidate[] {
  if (anchors.length < MIN_ANCHORS) return [];
  // The earliest row of each anchor kind starts the table; a kind found twice far apart (a
  // second copy of the table further down) yields a second candidate.
  // A reduce, not Math.min(...rows): a label repeated on 200,000 rows would overflow the call stack.
  const firsts = anchors.map((rows) => rows.reduce((a, b) => Math.min(a, b)));
  const start = Math.min(...firsts);
  const tag = kind === "annex2" ? /^附件2$|^附件二$/ : /^附件3$|^附件三$/;
  const tagRow = index.find((l) => tag.test(l), { from: Math.max(0, start - 3), to: start }).map((l) => l.row);
  const candidates: Candidate[] = [{ kind, index, start: tagRow.length ? tagRow.reduce((a, b) => Math.min(a, b)) : start, score: anchors.length }];
  const repeatedKinds = anchors.filter((rows) => rows.length > 1);
  if (repeatedKinds.length >= MIN_ANCHORS) {
    const secondStarts = repeatedKinds.map((rows) => [...rows].sort((a, b) => a - b)[1]!);
    candidates.push({ kind, index, start: secondStarts.reduce((a, b) => Math.min(a, b)), score: repeatedKinds.length });
  }
  return candidates;
}

export function locateAnnexes(workbook: WorkbookSnapshot): Located {
  const candidates: Candidate[] = [];
  for (const sheet of workbook.sheets) {
    const index = new SheetIndex(sheet);
    candidates.push(...candidatesOf("annex2", index, annex2Anchors(index)));
    candidates.push(...candidatesOf("annex3", index, annex3Anchors(index)));
  }
  const pick = (kind: "annex2" | "annex3"): Candidate | null =>
    candidates.filter((c) => c.kind === kind).reduce<Candidate | null>((best, c) => (!best || c.score > best.score ? c : best), null);
  const chosen2 = pick("annex2");
  const chosen3 = pick("annex3");
  const span = (c: Candidate): RowSpan => {
    // A table ends where the next table on its sheet (of either kind) starts.
    const laterStarts = candidates.filter((o) => o.index === c.index && o.start > c.start).map((o) => o.start);
    const to = laterStarts.length ? Math.min(...laterStarts) - 1 : c.index.rowCount - 1;
    return { from: c.start, to };
  };
  const extra = candidates
    .filter((c) => c !== chosen2 && c !== chosen3)
    .map((c) => ({ kind: c.kind, sheet: c.index.name, row: c.start }));
  return {
    annex2: chosen2 ? { index: chosen2.index, rows: span(chosen2), score: chosen2.score } : null,
    annex3: chosen3 ? { index: chosen3.index, rows: span(chosen3), score: chosen3.score } : null,
    extra,
  };
}

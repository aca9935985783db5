/**
 * Sheet names for an inserted template. A template never replaces a sheet: when 附件2 or 附件3
 * exists, the insert is refused and the first free pair "附件2 (n)"/"附件3 (n)" is offered.
 */
import type { Bilingual } from "../findings/finding";
import { DEFAULT_SHEET_NAMES } from "./model";

export interface SheetNames {
  readonly annex2: string;
  readonly annex3: string;
}

/** Excel compares sheet names case-insensitively. */
function taken(existing: readonly string[], name: string): boolean {
  const lower = name.toLowerCase();
  return existing.some((e) => e.toLowerCase() === lower);
}

/** The first pair of names, both free, in Excel's own style for copies: "附件2 (2)". */
export function freeSheetNames(existing: readonly string[], wanted: SheetNames = DEFAULT_SHEET_NAMES): SheetNames {
  if (!taken(existing, wanted.annex2) && !taken(existing, wanted.annex3)) return wanted;
  for (let n = 2; ; n++) {
    const pair = { annex2: `${wanted.annex2} (${n})`, annex3: `${wanted.annex3} (${n})` };
    if (!taken(existing, pair.annex2) && !taken(existing, pair.annex3)) return pair;
  }
}

/** The refusal when a wanted name is taken, with the pair to use instead; null when both are free. */
export function templateConflict(existing: readonly string[], wanted: SheetNames): { message: Bilingual; suggested: SheetNames } | null {
  const clash = [wanted.annex2, wanted.annex3].filter((n) => taken(existing, n));
  if (clash.length === 0) return null;
  const suggested = freeSheetNames(existing, wanted);
  return {
    suggested,
    message: {
      zh: `工作簿中已有工作表“${clash.join("”“")}”，未插入模板（不会覆盖已有工作表）。可改用“${suggested.annex2}”和“${suggested.annex3}”插入。`,
      en: `The workbook already has a sheet named ${clash.map((n) => `"${n}"`).join(" and ")}, so no template was inserted (existing sheets are never replaced). Insert it as "${suggested.annex2}" and "${suggested.annex3}" instead.`,
    },
  };
}

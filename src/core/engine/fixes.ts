/**
 * The fix plan: the edits of the chosen findings, one per cell. When two findings want the same
 * cell, the first (most severe, as findings are deduplicated and sorted) wins and the other is
 * left as a plain finding.
 */
import { addressKey } from "../grid/address";
import type { CellEdit, Finding } from "../findings/finding";

export interface FixSelection {
  /** Include fixes not marked safe (suggested quantitative scores). Default false. */
  readonly includeUnsafe?: boolean;
  /** Only these findings; default all. */
  readonly only?: (finding: Finding) => boolean;
}

export function planFixes(findings: readonly Finding[], selection: FixSelection = {}): CellEdit[] {
  const taken = new Set<string>();
  const edits: CellEdit[] = [];
  for (const finding of findings) {
    if (!finding.fix) continue;
    if (!finding.fix.safe && !selection.includeUnsafe) continue;
    if (selection.only && !selection.only(finding)) continue;
    const keys = finding.fix.edits.map((e) => addressKey(e.at));
    if (keys.some((k) => taken.has(k))) continue;
    keys.forEach((k) => taken.add(k));
    edits.push(...finding.fix.edits);
  }
  return edits;
}

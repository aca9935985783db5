/**
 * Sheet names for imported tables (导入附件表): what each table asks for, made a legal Excel sheet
 * name (no [ ] : * ? / \, at most 31 characters, not blank) and unique against the workbook's
 * sheets and each other by " (2)", " (3)"… — an import never writes over a sheet.
 */

const MAX_SHEET_NAME = 31;

export function importSheetNames(existing: readonly string[], wanted: readonly string[]): string[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  return wanted.map((name, i) => {
    const legal = name.replace(/[[\]:*?/\\]/g, "").replace(/^'+|'+$/g, "").trim().slice(0, MAX_SHEET_NAME) || `表${i + 1}`;
    let candidate = legal;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = `${legal.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * Text written into a cell must stay text. Excel turns a string starting with = + - @ into a
 * formula; East Asian input turns the full-width ＝ ＋ － ＠ into the same when a formula is typed,
 * and a leading tab, CR or LF is a known CSV-injection vector (the cell reaches other tools by
 * copy and export). Such strings get Excel's text marker, a leading apostrophe, which Excel does
 * not show or store in the value.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_TRIGGER.test(text);
}

/** The string to hand to Range.values so that Excel stores exactly `text` as text. */
export function asCellText(text: string): string {
  return isFormulaLike(text) || text.startsWith("'") ? `'${text}` : text;
}

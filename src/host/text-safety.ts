/**
 * Text written into a cell must stay text. Excel turns a string starting with = + - @ into a
 * formula (and a leading tab or CR is a known CSV-injection vector), so such strings get Excel's
 * text marker, a leading apostrophe, which Excel does not show or store in the value.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_TRIGGER.test(text);
}

/** The string to hand to Range.values so that Excel stores exactly `text` as text. */
export function asCellText(text: string): string {
  return isFormulaLike(text) || text.startsWith("'") ? `'${text}` : text;
}

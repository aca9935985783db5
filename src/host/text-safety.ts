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

/**
 * A host whose write API parses strings as typed input (Excel's Range.values) also turns "12.5"
 * into a number, "60%" into a percentage, "TRUE" into a boolean, "#N/A" into an error and
 * "2023/1/1" or (in Chinese locales) "2023年1月" into a date. So a string needs the text marker
 * whenever it starts like a formula, starts with an apostrophe itself, holds a digit, is a boolean
 * word or starts with "#". The apostrophe is not part of the stored value and leaves the number
 * format alone (unlike format "@", which would make later typing text too).
 */
export function needsTextMarker(text: string): boolean {
  return isFormulaLike(text) || text.startsWith("'") || /\d/.test(text) || /^\s*(true|false)\s*$/i.test(text) || /^\s*#/.test(text);
}

/** The string to hand to a parsing write API (Range.values) so that exactly `text` is stored, as text. */
export function typedText(text: string): string {
  return needsTextMarker(text) ? `'${text}` : text;
}

/**
 * Excel's built-in number formats (ECMA-376 Part 1 §18.8.30) that a style may refer to by id
 * alone, and the test for a date format. The ids Excel leaves to the locale (27–36, 50–58) have no
 * fixed code; like exceljs, the reader gives those cells no format.
 */
export const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  // As exceljs writes id 22, so a cell reads the same through either reader.
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/**
 * A format that shows a date or time: a y, m, d, h, s (or b, Buddhist year) outside quoted text
 * and [brackets] (colours, locales, elapsed-time markers are dropped first). The same test the
 * previous reader applied, so the same cells become dates.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

/** A date serial (1900 or 1904 system) as the ISO text adapters hand dates over in. */
export function serialToIsoText(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  const hasTime = date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0 || date.getUTCSeconds() !== 0 || date.getUTCMilliseconds() !== 0;
  return hasTime ? iso.slice(0, 19) : iso.slice(0, 10);
}

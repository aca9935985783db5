/**
 * Pure mapping between what Excel's range properties return (values, formulas, numberFormat,
 * valueTypes) and the core's Cell, plus the rules for writing text that must stay text.
 * No Excel calls here: the Office adapter and its tests share these functions.
 */
import type { Cell, CellValue } from "../../core/grid/workbook";
import { isCellError } from "../../core/grid/workbook";
import { typedText } from "../../host/text-safety";

/** One cell as Excel hands it over: an entry of each of the four 2-D arrays. */
export interface RawCell {
  readonly value: unknown;
  readonly formula: unknown;
  readonly numberFormat: unknown;
  readonly valueType: unknown;
}

/**
 * The cell's value as stored, without date conversion: what a revert log records and what a
 * revert compares against. "" (Excel's blank) is null.
 */
export function rawValue(raw: RawCell): CellValue {
  const { value, valueType } = raw;
  if (valueType === "Error") return { error: typeof value === "string" && value !== "" ? value : "#VALUE!" };
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return null;
}

/**
 * The formula text when the cell holds a real formula, else null. Excel returns a text cell
 * typed as '=abc (leading apostrophe) with formulas === values === "=abc" (the apostrophe is
 * lost, guide §3.2); a real formula's text never equals its own cached result, so "starts
 * with = and differs from the value" tells them apart.
 */
export function realFormula(raw: RawCell): string | null {
  const { formula, value } = raw;
  if (typeof formula !== "string" || !formula.startsWith("=")) return null;
  if (typeof value === "string" && value === formula) return null;
  return formula;
}

/** The number format worth carrying: anything but General / empty. */
export function significantFormat(numberFormat: unknown): string | undefined {
  if (typeof numberFormat !== "string" || numberFormat === "" || numberFormat === "General") return undefined;
  return numberFormat;
}

/** The core's view of a cell (dates as ISO text, like the xlsx adapter); undefined when blank. */
export function cellFromRaw(raw: RawCell): Cell | undefined {
  const formula = realFormula(raw);
  const numberFormat = significantFormat(raw.numberFormat);
  const value = coreValue(rawValue(raw), numberFormat ?? null);
  if (value === null && formula === null && numberFormat === undefined) return undefined;
  return {
    value,
    ...(formula !== null ? { formula } : {}),
    ...(numberFormat !== undefined ? { numberFormat } : {}),
  };
}

/** A stored value as the core sees it: a number shown as a date becomes its ISO text. */
export function coreValue(value: CellValue, numberFormat: string | null): CellValue {
  if (typeof value === "number" && numberFormat !== null && isDateFormat(numberFormat)) return serialToIso(value) ?? value;
  return value;
}

/** Same value for the purpose of "the cell still holds what validation saw / what we wrote" (the planner's rule). */
export { sameCellValue as sameValue } from "../../host/write-plan";

/**
 * Whether a number format displays a date or time: it has y/m/d/h/s tokens outside quoted
 * text, escapes and [..] sections (colours, locales, [DBNum1]); elapsed-time [h] counts.
 */
export function isDateFormat(numberFormat: string): boolean {
  const section = numberFormat.split(";")[0] ?? "";
  if (/\[(h+|m+|s+)\]/i.test(section)) return true;
  const stripped = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  return /[ymdhs]/i.test(stripped.replace(/AM\/PM|A\/P|上午\/下午/gi, ""));
}

const MS_PER_DAY = 86_400_000;
/** Serial 25569 is 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * An Excel 1900-system serial as ISO text ("2023-12-31", or "2023-12-31T08:30:00" with a time),
 * like the xlsx adapter hands dates over. Serials below 61 carry Excel's 1900 leap-year bug.
 */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null;
  const adjusted = serial < 61 ? serial + 1 : serial;
  const ms = Math.round((adjusted - UNIX_EPOCH_SERIAL) * MS_PER_DAY / 1000) * 1000;
  const date = new Date(ms);
  const iso = date.toISOString();
  const hasTime = ms % MS_PER_DAY !== 0;
  return hasTime ? iso.slice(0, 19) : iso.slice(0, 10);
}

/**
 * Excel parses a string written through Range.values like typed input, so text is written with
 * its text marker whenever it would become something else: the rule lives with the other
 * text-safety rules in src/host/text-safety.ts (the write planner uses it too).
 */
export { needsTextMarker, typedText as excelText } from "../../host/text-safety";

/** What to write to Range.values to put a recorded value back (text stays text, errors stay errors). */
export function valueToWrite(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "string") return typedText(value);
  return value;
}

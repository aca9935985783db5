/**
 * What a cell means as a number. Cells hold numbers, numbers stored as text ("982.60",
 * "９８２．６０", "1,234.56", "982.60万元"), percentages (0.6 with a % format, or "60%"),
 * blanks, dashes ("—", "——", "-", "/"), Excel errors or plain text. Parsing never throws:
 * every outcome is a value the rules turn into findings.
 */
import { decimalOf, decimalOfText, HUNDRED, type Decimal } from "../numeric/decimal";
import { compactText } from "../text/normalize";
import { isCellError, type Cell } from "../grid/workbook";

export type NumberKind = "amount" | "percent" | "count" | "score";

export type ParsedNumber =
  /** A usable number. `percent` values are in percentage points (60 for 60%). */
  | { readonly kind: "number"; readonly value: Decimal; readonly storedAsText: boolean; readonly unit: string | null }
  | { readonly kind: "blank" }
  | { readonly kind: "dash"; readonly text: string }
  | { readonly kind: "error"; readonly code: string }
  | { readonly kind: "text"; readonly text: string };

const DASHES = /^(?:[-—–―－─]+|\/|\\|无|空)$/;
const NUMBER_WITH_UNIT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*(%|‰|万元|亿元|千元|万|亿|元|人|次|个|件|天|项|名|家|户|场|期|平方米|㎡|m2|分)?$/i;

/**
 * Money units typed into amount cells, as multiples of the forms' 万元: "150万" and "150万元" are
 * 150, "1,500,000元" is 150, "1.5亿元" is 15,000, "1500千元" is 150.
 */
const TO_WAN: Readonly<Record<string, string>> = { "万元": "1", "万": "1", "元": "0.0001", "千元": "0.1", "亿元": "10000", "亿": "10000" };
const EXCEL_ERROR_TEXT = /^#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

// A workbook uses a handful of formats for thousands of cells: each is looked at once.
const percentFormats = new Map<string, boolean>();

export function isPercentFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  let percent = percentFormats.get(numberFormat);
  if (percent === undefined) {
    percent = /%/.test(numberFormat.replace(/"[^"]*"/g, ""));
    if (percentFormats.size >= 1_000) percentFormats.clear();
    percentFormats.set(numberFormat, percent);
  }
  return percent;
}

/**
 * Parses a cell as a number of the given kind. For kind "percent" the result is in percentage
 * points whatever the cell holds: 0.6 formatted as %, "60%", or 60 in a plain cell.
 */
export function parseCellNumber(cell: Cell | undefined, kind: NumberKind): ParsedNumber {
  if (!cell || cell.value === null) return { kind: "blank" };
  const { value } = cell;
  if (isCellError(value)) return { kind: "error", code: value.error };
  if (typeof value === "boolean") return { kind: "text", text: String(value) };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "text", text: String(value) };
    if (kind === "percent" && isPercentFormat(cell.numberFormat)) return { kind: "number", value: decimalOf(value).times(HUNDRED), storedAsText: false, unit: null };
    return typedNumber(value);
  }
  return parseNumberText(value, kind);
}

// A table repeats its figures (分值 5, 得分 10): the outcome for a typed number is immutable and shared.
const typedNumbers = new Map<number, ParsedNumber>();

function typedNumber(value: number): ParsedNumber {
  // -0 and 0 are one Map key but not one Decimal: -0 is never looked up.
  if (Object.is(value, -0)) return { kind: "number", value: decimalOf(value), storedAsText: false, unit: null };
  let parsed = typedNumbers.get(value);
  if (parsed === undefined) {
    parsed = { kind: "number", value: decimalOf(value), storedAsText: false, unit: null };
    if (typedNumbers.size >= 10_000) typedNumbers.clear();
    typedNumbers.set(value, parsed);
  }
  return parsed;
}

/** Parses text that should be a number ("982.60万元", "６０%", "——"). */
export function parseNumberText(raw: string, kind: NumberKind): ParsedNumber {
  const text = compactText(raw);
  if (text === "") return { kind: "blank" };
  if (DASHES.test(text)) return { kind: "dash", text: raw.trim() };
  if (EXCEL_ERROR_TEXT.test(text)) return { kind: "error", code: text.toUpperCase() };
  const match = NUMBER_WITH_UNIT.exec(text);
  if (!match) return { kind: "text", text: raw.trim() };
  let value = decimalOfText(match[1]!.replace(/,/g, ""));
  const unit = match[2] ?? null;
  if (unit === "‰") value = value.dividedBy(10);
  if (kind === "percent" && unit === null && value.abs().lessThanOrEqualTo(1.5) && !value.isInteger()) {
    // "0.6" typed as text in a rate cell: a fraction, as if the % format had been applied
    value = value.times(HUNDRED);
  }
  if (unit !== null && kind === "amount" && TO_WAN[unit] !== undefined) value = value.times(TO_WAN[unit]!);
  return { kind: "number", value, storedAsText: true, unit };
}

export function numberOrNull(parsed: ParsedNumber): Decimal | null {
  return parsed.kind === "number" ? parsed.value : null;
}

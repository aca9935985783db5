/**
 * Numbers shown one way everywhere: the pane, the CLI's table and Markdown, the 校验报告 sheet, the
 * summary workbook and every message format figures here and nowhere else. Amounts are 万元 with
 * two decimals ("982.21 万元"), rates percentages with two decimals ("166.67%"), scores two
 * decimals ("10.00"), people whole ("35 人"); a figure as the user typed it stays as typed ("98").
 * Figures travel as decimal text (the JSON report's contract); this turns them into what people read.
 */
import type { Lang } from "../findings/finding";
import { Decimal, fixed2, plain } from "../numeric/decimal";
import { GRADE_NAMES, type Grade } from "../findings/grade";

/**
 * What a figure is. "typed" is a figure as the user typed it (a 分值 of 10 reads "10"); "decimal" an
 * amount inside a formula or sum, two decimals without the unit (the unit is said once, on the
 * result: "业务工作经费 70.27 + 运行维护经费 0.00" → "70.27 万元"), and any figure of the forms' own
 * units (㎡) that is not 万元.
 */
export type FigureKind = "amount" | "decimal" | "percent" | "score" | "count" | "typed";

/** What a finding's expected and found values are, for showing them: a figure, a grade, or text. */
export type ValueKind = FigureKind | "grade" | "text";

const UNITS: Readonly<Record<Lang, { readonly amount: string; readonly count: string }>> = {
  zh: { amount: " 万元", count: " 人" },
  en: { amount: " × 10,000 yuan", count: "" },
};

function decimalOf(value: Decimal | string): Decimal | null {
  if (typeof value !== "string") return value;
  try {
    return new Decimal(value);
  } catch {
    return null;
  }
}

/** A figure of a kind in a language: "982.21 万元", "166.67%", "10.00", "35 人", "98". */
export function formatFigure(value: Decimal | string, kind: FigureKind, lang: Lang): string {
  const decimal = decimalOf(value);
  if (decimal === null || !decimal.isFinite()) return String(value);
  switch (kind) {
    case "amount":
      return `${fixed2(decimal)}${UNITS[lang].amount}`;
    case "percent":
      return `${fixed2(decimal)}%`;
    case "score":
    case "decimal":
      return fixed2(decimal);
    case "count":
      return `${plain(decimal)}${UNITS[lang].count}`;
    case "typed":
      return plain(decimal);
  }
}

/**
 * A finding's expected or found value as people read it. The JSON report keeps decimal text, with
 * bounds ("<= 116.8") and ranges ("0..10") written the same way; they become "≤ 116.80 万元" and
 * "0–10". A grade's code becomes 优/Excellent; text stays text.
 */
export function formatValue(value: string | null, kind: ValueKind | undefined, lang: Lang): string | null {
  if (value === null) return null;
  if (kind === undefined || kind === "text") return value;
  if (kind === "grade") return value in GRADE_NAMES ? GRADE_NAMES[value as Grade][lang] : value;
  const bound = /^(<=|>=)\s*(.+)$/.exec(value);
  if (bound) return `${bound[1] === "<=" ? "≤" : "≥"} ${formatFigure(bound[2]!, kind, lang)}`;
  const range = /^(.+)\.\.(.+)$/.exec(value);
  if (range) {
    const high = formatFigure(range[2]!, kind, lang);
    // "0–10", "8–10 万元": the unit once, after the range.
    const unit = kind === "amount" ? UNITS[lang].amount : kind === "count" ? UNITS[lang].count : kind === "percent" ? "%" : "";
    const low = formatFigure(range[1]!, kind, lang);
    return `${unit && low.endsWith(unit) ? low.slice(0, low.length - unit.length) : low}–${high}`;
  }
  return formatFigure(value, kind, lang);
}

/**
 * A moment in the reader's local time to the second: "2026-12-07 11:23:45". Reports are read by
 * people in one time zone (China Standard Time for the forms' users); an ISO string in UTC with
 * milliseconds is not what they expect on a printed sheet. `timeZone` is for tests.
 */
export function formatDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("en-CA", {
    year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    hourCycle: "h23", ...(timeZone ? { timeZone } : {}),
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")}`;
}

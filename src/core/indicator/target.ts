/**
 * 年度指标值 and 实际完成值 as the 预算管理一体化 performance module reads them: a comparator
 * (a sign or words such as 不少于/不超过), a number and a unit. Anything else is qualitative.
 */
import { Decimal } from "../numeric/decimal";
import { compactText } from "../text/normalize";

export type Comparator = ">=" | ">" | "<=" | "<" | "=";

export interface Quantity {
  readonly value: Decimal;
  /** Normalized unit: "%" for 百分比, "万元" for money (元 converted), or the unit as written; null when none. */
  readonly unit: string | null;
}

export type Target =
  | { readonly kind: "quantitative"; readonly comparator: Comparator; readonly quantity: Quantity }
  | { readonly kind: "qualitative"; readonly text: string };

const SIGN_COMPARATORS: readonly [RegExp, Comparator][] = [
  [/^(?:≥|>=|=>|≧)/, ">="],
  [/^(?:≤|<=|=<|≦)/, "<="],
  [/^>/, ">"],
  [/^</, "<"],
  [/^(?:=|＝)/, "="],
];

const WORD_PREFIX: readonly [RegExp, Comparator][] = [
  [/^(?:不少于|不低于|至少|不小于|大于等于|高于或等于|达到)/, ">="],
  [/^(?:不高于|不超过|不多于|不大于|小于等于|控制在|低于或等于)/, "<="],
  [/^(?:大于|高于|超过)/, ">"],
  [/^(?:小于|低于|少于)/, "<"],
];

const PREFIX_COMPARATORS = [...SIGN_COMPARATORS, ...WORD_PREFIX];

const WORD_SUFFIX: readonly [RegExp, Comparator][] = [
  [/(?:以上|及以上|或以上)$/, ">="],
  [/(?:以内|以下|及以下|或以下)$/, "<="],
];

const UNIT_ALIASES: Readonly<Record<string, string>> = { "百分比": "%", "％": "%", "m2": "平方米", "㎡": "平方米", "m²": "平方米" };

const QUANTITY = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(%|万元|元|人次|户次|人|次|个|件|天|项|名|家|户|场|期|篇|份|套|台|辆|所|座|公里|千米|米|平方米|㎡|m2|小时|工作日|日|月|年|分钟|分|册|本|批|条|张|元\/人|百分比)?$/i;

// Parsing is pure and its results immutable: the same texts ("100%", "≥95%", "是") recur in a
// table and across the tables of a folder, so recent results are kept (a bounded cache).
function remembered<R extends object | null>(parse: (key: string) => R, limit = 5_000): (key: string) => R {
  const cache = new Map<string, R>();
  return (key) => {
    // One lookup: parsers give null for "not this", never undefined.
    const known = cache.get(key);
    if (known !== undefined) return known;
    const out = parse(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, out);
    return out;
  };
}

/** A number with its unit, or null when the text is not just that. */
export const parseQuantity = remembered(parseQuantityOnce);

function parseQuantityOnce(text: string): Quantity | null {
  const compact = compactText(text);
  const match = QUANTITY.exec(compact);
  if (!match) return null;
  let value = new Decimal(match[1]!.replace(/,/g, ""));
  let unit = match[2] ?? null;
  if (unit !== null) unit = UNIT_ALIASES[unit] ?? unit;
  if (unit === "元") {
    value = value.dividedBy(10000);
    unit = "万元";
  }
  return { value, unit };
}

/**
 * Parses a 年度指标值. `nature` is the 指标性质 column (≥, ≤, =, 正向, 反向) and `unit` the 度量单位
 * column, when the form has them; then the comparator and unit are not inside the value text.
 */
export function parseTarget(text: string, nature?: string | null, unit?: string | null): Target {
  // Most forms have no 指标性质 or 度量单位 column: the text alone is the key, with no key built per row.
  if (nature == null && unit == null) return parseTargetText(text);
  return parseTargetKey(`${text}\u0000${nature ?? "\u0001"}\u0000${unit ?? "\u0001"}`);
}

const parseTargetText = remembered((text: string): Target => parseTargetOnce(text, null, null));

const parseTargetKey = remembered((key: string): Target => {
  const [text = "", nature, unit] = key.split("\u0000");
  return parseTargetOnce(text, nature === "\u0001" ? null : nature, unit === "\u0001" ? null : unit);
});

function parseTargetOnce(text: string, nature: string | null | undefined, unit: string | null | undefined): Target {
  let rest = compactText(text);
  let comparator: Comparator | null = null;
  for (const [pattern, c] of PREFIX_COMPARATORS) {
    if (pattern.test(rest)) {
      comparator = c;
      rest = rest.replace(pattern, "");
      break;
    }
  }
  for (const [pattern, c] of WORD_SUFFIX) {
    if (pattern.test(rest)) {
      comparator = comparator ?? c;
      rest = rest.replace(pattern, "");
      break;
    }
  }
  if (comparator === null && nature) comparator = comparatorFromNature(nature);
  const quantity = parseQuantity(unit && /^[\d.,+-]+$/.test(rest) ? `${rest}${unit.trim()}` : rest);
  if (!quantity) return { kind: "qualitative", text };
  return { kind: "quantitative", comparator: comparator ?? "=", quantity };
}

function comparatorFromNature(nature: string): Comparator | null {
  const n = compactText(nature);
  for (const [pattern, c] of SIGN_COMPARATORS) if (pattern.test(n)) return c;
  if (/正向|不低于|不少于/.test(n)) return ">=";
  if (/反向|不高于|不超过/.test(n)) return "<=";
  if (/等于/.test(n)) return "=";
  return null;
}

export type QualitativeOutcome = "achieved" | "partial" | "not-achieved";

/** 实际完成值 written as one of the three official phrases, in long or short form. */
export function qualitativeOutcome(text: string): QualitativeOutcome | null {
  const t = compactText(text);
  if (/^未达成/.test(t)) return "not-achieved";
  if (/^部分达成/.test(t)) return "partial";
  if (/^(?:达成|已达成|完全达成)/.test(t)) return "achieved";
  return null;
}

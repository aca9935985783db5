/**
 * Label normalization: staff type the same label many ways (full-width brackets, a line break
 * in the middle of a word, "1、" list numbers, "其中：" prefixes, trailing colons). Recognition
 * compares labels only after this.
 */

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/** Full-width ASCII (U+FF01–FF5E) to half-width, ideographic space to space. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => (ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/**
 * The same labels and values are normalized again and again (every rule reads the rows it needs);
 * remembering the last few thousand results keeps a large table linear without holding memory.
 */
function memo(fn: (text: string) => string, limit = 20_000): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const out = fn(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, out);
    return out;
  };
}

const PUNCTUATION_MAP: Record<string, string> = {
  "【": "[", "】": "]", "〔": "(", "〕": ")", "，": ",", "、": "、", "。": ".", "：": ":",
  "；": ";", "“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "－": "-", "―": "-", "–": "-",
};

// U+200D (zero-width joiner) is left out: between two pictographs it joins an emoji sequence
// ("👨‍👩‍👧" is one glyph). Anywhere else it is as invisible as the rest (STRAY_ZWJ).
const INVISIBLE = /[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/g;
const STRAY_ZWJ = /(?<!\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;
// Control characters pasted from other systems are invisible in Excel yet break label matching.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

// Any character canonicalText changes (full-width forms, invisible and control characters, the
// mapped punctuation). Most cells hold none: they are returned as they are, with one test.
// eslint-disable-next-line no-control-regex
const CHANGED_BY_CANONICAL = /[\uff01-\uff5e\u3000\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f【】〔〕，。：；“”‘’—―–]/;

const canonicalChanged = memo((text: string): string =>
  mapPunctuation(toHalfWidth(text).replace(INVISIBLE, "").replace(STRAY_ZWJ, "").replace(CONTROL, "")));

/** Half-width, no invisible characters; whitespace kept (numbers parse this form). */
export function canonicalText(text: string): string {
  return CHANGED_BY_CANONICAL.test(text) ? canonicalChanged(text) : text;
}

/** canonicalText without any whitespace: how a cell's words compare ("满 意 度" is 满意度). */
export function compactText(text: string): string {
  const canonical = canonicalText(text);
  return WHITESPACE.test(canonical) ? canonical.replace(WHITESPACE_RUNS, "") : canonical;
}

const WHITESPACE = /\s/;
const WHITESPACE_RUNS = /\s+/g;

/**
 * canonicalText that keeps every character at its offset (invisible ones become spaces), so a
 * position found in it is a position in the original text.
 */
export function canonicalTextSameLength(text: string): string {
  return mapPunctuation(toHalfWidth(text).replace(INVISIBLE, " ").replace(STRAY_ZWJ, " ").replace(CONTROL, " "));
}

function mapPunctuation(text: string): string {
  return text.replace(/[【】〔〕，。：；“”‘’—－―–]/g, (ch) => PUNCTUATION_MAP[ch] ?? ch);
}

// A "." or "," followed by a digit is a decimal point or a thousands group ("1.5万元", "1,234"),
// not the end of a list number; a year after it ("1.2023年决算数") is the label's own text.
const LIST_PREFIX = /^(?:其中[:]?|[(]?[0-9一二三四五六七八九十]{1,3}[)]?(?:[、)]|[.．,](?!\d)|[.．](?=(?:19|20)\d{2}年))|[(][0-9一二三四五六七八九十]{1,3}[)])+/;

/**
 * The comparable form of a label: half-width, no whitespace at all (a label split over lines
 * reads the same), no list prefixes ("1、", "(2)", "其中："), no trailing colon.
 */
export function normalizeLabel(text: string): string {
  // Most cells of a large table (an indicator's name, "14次") are their own label: one test each
  // instead of a cache lookup, which keeps the cache for the labels that do change.
  return isOwnLabel(text) ? text : normalizeChangedLabel(text);
}

const normalizeChangedLabel = memo(normalizeLabelOnce);

// CHANGED_BY_CANONICAL or whitespace, in one scan of the text.
// eslint-disable-next-line no-control-regex
const CHANGED_BY_COMPACT = new RegExp(`${CHANGED_BY_CANONICAL.source}|\\s`);

/** A text normalizeLabelOnce returns as it is: nothing canonicalText changes, no space, no list prefix, no trailing colon. */
function isOwnLabel(text: string): boolean {
  return !CHANGED_BY_COMPACT.test(text) && !LIST_PREFIX.test(text) && text.charCodeAt(text.length - 1) !== 0x3a;
}

function normalizeLabelOnce(text: string): string {
  let out = compactText(text);
  let previous: string;
  do {
    previous = out;
    out = out.replace(LIST_PREFIX, "");
  } while (out !== previous && out.length > 0);
  return out.replace(/[:]+$/, "");
}

/** A label as messages show it: trimmed, line breaks and runs of spaces removed, punctuation kept. */
export function displayLabel(text: string): string {
  return text.replace(/[\s\u3000]+/g, (run, offset: number, whole: string) => {
    // Keep one space between two Latin words; Chinese text needs none.
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + run.length] ?? "";
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? " " : "";
  }).trim();
}

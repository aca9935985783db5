/**
 * A small, strict, non-validating XML tokenizer for the parts of an .xlsx the reader needs. It
 * calls back for start tags, end tags and text, with element and attribute names reduced to
 * their local part ("x:c" → "c"), so prefixed and Strict OOXML parts read like Transitional ones.
 *
 * Strict where it matters for safety and for agreeing with exceljs's parser (saxes) on what a
 * damaged part is: tags must nest and close, attributes must be quoted and unique, every "&"
 * must start one of the five predefined entities or a character reference to a legal character,
 * no character XML forbids may appear. A DOCTYPE is refused outright: OOXML parts never carry
 * one, and refusing it means no entity can be declared, expanded or fetched.
 */

export class XmlError extends Error {
  constructor(
    message: string,
    /** "dtd" for a refused DOCTYPE, "malformed" for anything else. */
    readonly kind: "dtd" | "malformed" = "malformed",
  ) {
    super(message);
  }
}

/**
 * The attributes of the start tag being read, by local name; an unprefixed one wins over a
 * prefixed one of the same local name (r:id vs id). One instance is reused for every tag, so a
 * handler reads what it needs inside `open` and keeps no reference.
 */
export class Attributes {
  private readonly raw: string[] = [];
  private readonly locals: string[] = [];
  private readonly values: string[] = [];
  private readonly prefixed: boolean[] = [];
  private count = 0;

  get(local: string): string | undefined {
    let found: string | undefined;
    for (let i = 0; i < this.count; i++) {
      if (this.locals[i] !== local) continue;
      if (!this.prefixed[i]) return this.values[i];
      found ??= this.values[i];
    }
    return found;
  }

  /** Every attribute as [local name, value], unprefixed winning (for tests and diagnostics). */
  entries(): [string, string][] {
    const names = [...new Set(this.locals.slice(0, this.count))].filter((n) => n !== "");
    return names.map((name) => [name, this.get(name)!]);
  }

  /** @internal */
  reset(): void {
    this.count = 0;
  }

  /** @internal */
  add(rawName: string, value: string): void {
    for (let i = 0; i < this.count; i++) if (this.raw[i] === rawName) throw new XmlError(`duplicate attribute "${rawName.slice(0, 40)}"`);
    const colon = rawName.indexOf(":");
    const declaration = rawName === "xmlns" || rawName.startsWith("xmlns:");
    this.raw[this.count] = rawName;
    // A namespace declaration is kept for the duplicate check only; no lookup finds it.
    this.locals[this.count] = declaration ? "" : colon < 0 ? rawName : rawName.slice(colon + 1);
    this.values[this.count] = value;
    this.prefixed[this.count] = colon >= 0;
    this.count++;
  }
}

export interface XmlHandler {
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  /** Decoded character data (text and CDATA), only while `wantsText` is true. */
  text(text: string): void;
  /** Text is decoded and delivered only when the handler wants it (inside <v>, <t>, <f>). */
  readonly wantsText: boolean;
}

// Characters XML 1.0 forbids anywhere in a document (C0 controls except tab, LF, CR; U+FFFE/F).
// Lone surrogates are left alone: JavaScript strings from TextDecoder never hold them.
// eslint-disable-next-line no-control-regex -- these control characters are exactly what is looked for
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const GT = 62;
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const EQUALS = 61;
const QUOTE = 34;
const APOSTROPHE = 39;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

// A name as XML allows it, close enough to reject what saxes rejects in damaged parts: not empty,
// not starting with a digit, ".", "-"; no quote, "=", "<" or "&" (the scanner already stops at
// white space, ">" and "/"). Checked by character codes: it runs for every element.
function checkName(name: string): void {
  const first = name.charCodeAt(0);
  let bad = name.length === 0 || (first >= 48 && first <= 57) || first === 46 || first === 45;
  for (let i = 0; i < name.length && !bad; i++) {
    const c = name.charCodeAt(i);
    bad = c === 34 || c === 39 || c === 61 || c === 60 || c === 38 || c < 32;
  }
  if (bad) throw new XmlError(`bad name "${name.slice(0, 40)}"`);
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };

function legalCodePoint(code: number): boolean {
  return code === 9 || code === 10 || code === 13
    || (code >= 0x20 && code <= 0xd7ff)
    || (code >= 0xe000 && code <= 0xfffd)
    || (code >= 0x10000 && code <= 0x10ffff);
}

/** Text with its entity and character references replaced; throws on a bad or unknown one. */
export function decodeEntities(raw: string): string {
  let amp = raw.indexOf("&");
  if (amp < 0) return raw;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi < 0) throw new XmlError("unterminated entity reference");
    const name = raw.slice(amp + 1, semi);
    let decoded: string;
    if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120 /* x */;
      const digits = name.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]{1,8}$/ : /^[0-9]{1,10}$/).test(digits)) throw new XmlError(`bad character reference "&${name};"`);
      const code = parseInt(digits, hex ? 16 : 10);
      if (!legalCodePoint(code)) throw new XmlError(`character reference to a forbidden character "&${name};"`);
      decoded = String.fromCodePoint(code);
    } else {
      const known = PREDEFINED[name];
      if (known === undefined) throw new XmlError(`undefined entity "&${name.slice(0, 40)};"`);
      decoded = known;
    }
    out += raw.slice(from, amp) + decoded;
    from = semi + 1;
    amp = raw.indexOf("&", from);
  }
  return out + raw.slice(from);
}

/** Attribute-value normalization (XML 1.0 §3.3.3): each tab, LF and CR becomes a space. */
function attributeValue(raw: string): string {
  if (raw.indexOf("<") >= 0) throw new XmlError("'<' in an attribute value");
  const normalized = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw;
  return decodeEntities(normalized);
}

/**
 * Walks the document once. Throws XmlError for anything not well-formed (and for a DOCTYPE);
 * the handler may throw its own errors to stop early.
 */
const shared = new Attributes();

export function parseXml(xml: string, handler: XmlHandler): void {
  if (FORBIDDEN.test(xml)) throw new XmlError("a character XML does not allow");
  // End-of-line handling (XML 1.0 §2.11): CR LF and a lone CR reach the application as LF.
  if (xml.indexOf("\r") >= 0) xml = xml.replace(/\r\n?/g, "\n");
  const n = xml.length;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: string[] = [];
  let rootSeen = false;

  const textSegment = (from: number, to: number) => {
    if (stack.length === 0) {
      // Outside the root only white space may stand.
      for (let k = from; k < to; k++) if (!isSpace(xml.charCodeAt(k))) throw new XmlError("text outside the root element");
      return;
    }
    const raw = xml.slice(from, to);
    if (handler.wantsText) handler.text(decodeEntities(raw));
    else if (raw.indexOf("&") >= 0) decodeEntities(raw);
  };

  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      textSegment(i, n);
      break;
    }
    if (lt > i) textSegment(i, lt);
    const next = xml.charCodeAt(lt + 1);
    if (next === SLASH) {
      const gt = xml.indexOf(">", lt + 2);
      if (gt < 0) throw new XmlError("unterminated end tag");
      const name = xml.slice(lt + 2, gt).trimEnd();
      const open = stack.pop();
      if (open !== name) throw new XmlError(`end tag </${name.slice(0, 40)}> does not match <${(open ?? "").slice(0, 40)}>`);
      handler.close(localName(name));
      i = gt + 1;
      continue;
    }
    if (next === QUESTION) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlError("unterminated processing instruction");
      i = end + 2;
      continue;
    }
    if (next === BANG) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw new XmlError("unterminated comment");
        i = end + 3;
        continue;
      }
      if (xml.startsWith("<![CDATA[", lt)) {
        if (stack.length === 0) throw new XmlError("CDATA outside the root element");
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlError("unterminated CDATA section");
        if (handler.wantsText) handler.text(xml.slice(lt + 9, end));
        i = end + 3;
        continue;
      }
      if (xml.startsWith("<!DOCTYPE", lt)) throw new XmlError("a DOCTYPE (document type declaration) is not allowed", "dtd");
      throw new XmlError("unknown markup declaration");
    }
    // A start tag: its name, then attributes until ">" or "/>".
    let k = lt + 1;
    while (k < n) {
      const c = xml.charCodeAt(k);
      if (isSpace(c) || c === GT || c === SLASH) break;
      k++;
    }
    const qualified = xml.slice(lt + 1, k);
    checkName(qualified);
    if (stack.length === 0 && rootSeen) throw new XmlError("a second root element");
    const attributes = shared;
    attributes.reset();
    let selfClosing = false;
    for (;;) {
      const before = k;
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      if (k >= n) throw new XmlError("unterminated start tag");
      const c = xml.charCodeAt(k);
      if (c === GT) {
        k++;
        break;
      }
      if (c === SLASH) {
        if (xml.charCodeAt(k + 1) !== GT) throw new XmlError("'/' not followed by '>' in a start tag");
        selfClosing = true;
        k += 2;
        break;
      }
      if (k === before) throw new XmlError("attributes not separated by white space");
      const nameStart = k;
      while (k < n) {
        const d = xml.charCodeAt(k);
        if (d === EQUALS || isSpace(d) || d === GT || d === SLASH) break;
        k++;
      }
      const attributeName = xml.slice(nameStart, k);
      checkName(attributeName);
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      if (xml.charCodeAt(k) !== EQUALS) throw new XmlError("attribute without a value");
      k++;
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      const quote = xml.charCodeAt(k);
      if (quote !== QUOTE && quote !== APOSTROPHE) throw new XmlError("unquoted attribute value");
      const end = xml.indexOf(quote === QUOTE ? '"' : "'", k + 1);
      if (end < 0) throw new XmlError("unterminated attribute value");
      // Namespace declarations say which vocabulary a part uses; names are matched by local part.
      const value = attributeValue(xml.slice(k + 1, end));
      attributes.add(attributeName, value);
      k = end + 1;
      const after = xml.charCodeAt(k);
      if (!(isSpace(after) || after === GT || after === SLASH)) throw new XmlError("attributes not separated by white space");
    }
    rootSeen = true;
    const name = localName(qualified);
    handler.open(name, attributes);
    if (selfClosing) handler.close(name);
    else stack.push(qualified);
    i = k;
  }
  if (stack.length > 0) throw new XmlError(`unclosed element <${stack[stack.length - 1]!.slice(0, 40)}>`);
  if (!rootSeen) throw new XmlError("no root element");
}

/**
 * Rendering a message in one language: the template of its id, with each `{name}` replaced by its
 * data value formatted for that language. Every figure goes through one formatter per style, so a
 * value reads the same wherever a message shows it.
 */
import type { Lang } from "../findings/finding";
import { cellLabel } from "../grid/address";
import { formatFigure } from "../format/figures";
import type { MessageArg, MessageData, MessageTemplate } from "./message";

export type MessageCatalogue = Readonly<Record<string, MessageTemplate>>;

/** Nested clauses deeper than this are a bug in a rule; stop rather than recurse forever. */
const MAX_DEPTH = 8;

export function renderArg(arg: MessageArg, lang: Lang, catalogue: MessageCatalogue, depth = 0): string {
  if (typeof arg === "string") return arg;
  if (typeof arg === "number") return String(arg);
  if ("figure" in arg) return formatFigure(arg.figure, arg.style, lang);
  if ("cell" in arg) return cellLabel(arg.cell);
  if ("label" in arg) return arg.label[lang];
  if ("list" in arg) return arg.list.map((item) => renderArg(item, lang, catalogue, depth)).join(arg.separator[lang]);
  if (depth >= MAX_DEPTH) return "";
  return renderTemplate(catalogue, arg.message, arg.data, lang, depth + 1);
}

/**
 * The text of message `id` in `lang`. A placeholder without data renders as "{name}" so a
 * mistake shows instead of silently vanishing (the meta tests keep templates and data in step).
 */
export function renderTemplate(catalogue: MessageCatalogue, id: string, data: MessageData, lang: Lang, depth = 0): string {
  const template = catalogue[id];
  if (!template) return `[${id}]`;
  return template[lang].replace(/\{([A-Za-z]\w*)\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined ? whole : renderArg(value, lang, catalogue, depth);
  });
}

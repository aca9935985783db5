/**
 * How the r.* rules compare: every figure the report text states against the cell of the tables
 * that holds the same figure, and the sums the text states against their own parts. Each rule of
 * ./rules.ts reports through these, with its own message ids.
 */
import type { Annex2 } from "../model/annex2";
import type { Annex3 } from "../model/annex3";
import type { LocatedNumber } from "../model/located";
import type { Bilingual, Severity, TextRef } from "../findings/finding";
import type { RuleContext } from "../rules/rule";
import { addressOf, type CellAddress } from "../grid/address";
import { AMOUNT_TOLERANCE, Decimal, ZERO, fixed2, plain, sum, sumTolerance, within } from "../numeric/decimal";
import { normalizeLabel } from "../text/normalize";
import { clause, figure as figureArg, label, list, type MessageArg } from "../messages/message";
import type { Paragraph } from "./segment";
import type { FigureKey, TextFigure } from "./extract";
import type { COMPARISON_MESSAGES, PROJECT_LINES_MESSAGES, TEXT_SUM_MESSAGES } from "./messages";

export { COMPARISON_MESSAGES, PROJECT_LINES_MESSAGES, TEXT_SUM_MESSAGES } from "./messages";

export interface AnnexModels {
  readonly annex2: Annex2 | null;
  readonly annex3: Annex3 | null;
}

/** The annex figure a text figure is compared with: one cell, or a value computed from several. */
interface AnnexFigure {
  readonly at: CellAddress;
  readonly related: readonly CellAddress[];
  readonly value: Decimal;
  readonly name: Bilingual;
  readonly tolerance: Decimal;
}

export interface Comparison {
  readonly keys: readonly FigureKey[];
  readonly annex: (models: AnnexModels, figure: TextFigure) => AnnexFigure | null;
}

const EXACT = ZERO;

function cell(located: LocatedNumber | null | undefined, name: Bilingual, tolerance: Decimal = AMOUNT_TOLERANCE): AnnexFigure | null {
  if (!located || located.value === null) return null;
  return { at: addressOf(located), related: [], value: located.value, name, tolerance };
}


export const COMPARISONS: Readonly<Record<string, Comparison>> = {
  "r.budget": {
    keys: ["budget", "adjustedBudget", "specialBudget"],
    annex: ({ annex2, annex3 }, figure) => {
      if (figure.key === "budget") return cell(annex3?.funds?.initialBudget, { zh: "附件3 年初预算数", en: "annex 3 initial budget" });
      if (figure.key === "adjustedBudget") return cell(annex3?.funds?.budget, { zh: "附件3 全年预算数", en: "annex 3 full-year budget" });
      return cell(annex2?.funds?.projectTotal?.budget, { zh: "附件2 项目支出本年预算数", en: "annex 2 project spending, budget" });
    },
  },
  "r.income": {
    keys: ["income"],
    annex: ({ annex3 }, figure) => {
      const income = annex3?.income;
      const general = /一般公共预算/.test(figure.label)
        ? income?.parts.find((p) => normalizeLabel(p.label.text).includes("一般公共预算")) : undefined;
      if (general) return cell(general.value, { zh: "附件3 一般公共预算", en: "annex 3 general public budget income" });
      return cell(income?.total?.value, { zh: "附件3 按收入性质分合计", en: "annex 3 income total" })
        ?? cell(annex3?.funds?.budget, { zh: "附件3 全年预算数", en: "annex 3 full-year budget" });
    },
  },
  "r.expense": {
    keys: ["expense"],
    annex: ({ annex3 }) => cell(annex3?.funds?.executed, { zh: "附件3 全年执行数", en: "annex 3 full-year execution" })
      ?? cell(annex3?.expense?.total?.value, { zh: "附件3 按支出性质分合计", en: "annex 3 spending total" }),
  },
  "r.basic": {
    keys: ["basic"],
    annex: ({ annex3 }) => cell(annex3?.expense?.basic?.value, { zh: "附件3 基本支出", en: "annex 3 basic spending" }),
  },
  "r.personnel": {
    keys: ["personnel"],
    annex: ({ annex2, annex3 }) => {
      const basic = annex3?.expense?.basic?.value;
      const publicFunds = annex2?.funds?.publicFunds?.final;
      if (!basic?.value || !publicFunds?.value) return null;
      return {
        at: addressOf(basic),
        related: [addressOf(publicFunds)],
        value: basic.value.minus(publicFunds.value),
        name: { zh: `附件3 基本支出 ${fixed2(basic.value)} − 附件2 公用经费 ${fixed2(publicFunds.value)}`, en: `annex 3 basic spending ${fixed2(basic.value)} − annex 2 public funds ${fixed2(publicFunds.value)}` },
        tolerance: sumTolerance(2),
      };
    },
  },
  "r.public-funds": {
    keys: ["publicFunds"],
    annex: ({ annex2 }) => cell(annex2?.funds?.publicFunds?.final, { zh: "附件2 公用经费本年决算数", en: "annex 2 public funds, actuals" }),
  },
  "r.project": {
    keys: ["project"],
    annex: ({ annex2, annex3 }) => cell(annex3?.expense?.project?.value, { zh: "附件3 项目支出", en: "annex 3 project spending" })
      ?? cell(annex2?.funds?.projectTotal?.final, { zh: "附件2 项目支出本年决算数", en: "annex 2 project spending, actuals" }),
  },
  "r.staff": {
    keys: ["establishment", "onPayroll"],
    annex: ({ annex2 }, figure) => figure.key === "establishment"
      ? cell(annex2?.staff?.establishment, { zh: "附件2 编制数", en: "annex 2 establishment" }, EXACT)
      : cell(annex2?.staff?.actual, { zh: "附件2 实际在职人数", en: "annex 2 staff on payroll" }, EXACT),
  },
  "r.three-public": {
    keys: ["threePublic"],
    annex: ({ annex2 }) => cell(annex2?.funds?.threePublic?.final, { zh: "附件2 三公经费本年决算数", en: "annex 2 three public expenses, actuals" }),
  },
  "r.procurement": {
    keys: ["procurement"],
    annex: ({ annex2 }) => cell(annex2?.funds?.procurement?.final, { zh: "附件2 政府采购金额本年决算数", en: "annex 2 government procurement, actuals" }),
  },
};

type Report = RuleContext["report"];

/** Compares every text figure a rule covers with its annex figure; reports each disagreement. */
export function compareFigures(context: RuleContext<keyof typeof COMPARISON_MESSAGES>, comparison: Comparison): void {
  const input = context.reportText;
  if (!input) return;
  const models = { annex2: context.annex2, annex3: context.annex3 };
  for (const figure of input.figures) {
    if (figure.key === null || !comparison.keys.includes(figure.key)) continue;
    const annex = comparison.annex(models, figure);
    if (annex && !agrees(figure, annex)) disagreement(context.report, figure, annex);
  }
}

/**
 * Whether the text's figure is the annex's. A text that writes fewer decimals than the cell
 * ("962.5万元" for 962.51) agrees when the cell rounds to it: rounding, not a mistake.
 */
function agrees(figure: TextFigure, annex: AnnexFigure): boolean {
  if (within(figure.value, annex.value, annex.tolerance)) return true;
  const decimals = /\.(\d+)$/.exec(figure.numberText)?.[1]?.length ?? 0;
  return figure.unit === "万元" && decimals < 2 && annex.value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).equals(figure.value);
}

/** A figure inside a sum: amounts with 2 decimals and no unit (the total says it once), counts as written. */
function bare(value: Decimal, figure: Pick<TextFigure, "kind">): MessageArg {
  return figureArg(value, figure.kind === "amount" ? "decimal" : "typed");
}

/** A figure as the text has it: amounts with 2 decimals and 万元; counts as written (人, 个, 项 vary). */
function shown(value: Decimal, figure: Pick<TextFigure, "kind">): MessageArg {
  return figureArg(value, figure.kind === "amount" ? "amount" : "typed");
}

function showText(value: Decimal, figure: Pick<TextFigure, "kind">): string {
  return figure.kind === "amount" ? fixed2(value) : plain(value);
}

function where(figure: Pick<TextFigure, "paragraph" | "sentence">): MessageArg {
  return clause("place", { paragraph: figure.paragraph, sentence: figure.sentence });
}

/**
 * Where a finding's figure is, with its sentence quoted. `focus`: where the figure stands in the
 * quote (by default the quote is the figure's own sentence, or starts with it).
 */
function textRefOf(figure: TextFigure, quote: string = figure.quote, focus = figure.offset - figure.sentenceOffset): TextRef {
  return { paragraph: figure.paragraph, sentence: figure.sentence, quote: clipQuote(quote, focus), offset: figure.offset, length: figure.length };
}

/**
 * A quote no longer than a reader takes in: real sentences are far shorter, but a text without a
 * full stop is one "sentence", and quoting all of it in every finding would multiply its size by
 * the number of findings. Cut around the figure, marked with "…".
 */
const QUOTE_BEFORE = 120;
const QUOTE_AFTER = 180;

function clipQuote(quote: string, focus: number): string {
  if (quote.length <= QUOTE_BEFORE + QUOTE_AFTER) return quote;
  const from = Math.max(0, Math.min(focus - QUOTE_BEFORE, quote.length - QUOTE_BEFORE - QUOTE_AFTER));
  const to = from + QUOTE_BEFORE + QUOTE_AFTER;
  return `${from > 0 ? "…" : ""}${quote.slice(from, to)}${to < quote.length ? "…" : ""}`;
}

function disagreement(report: Report, figure: TextFigure, annex: AnnexFigure): void {
  report({
    at: annex.at,
    related: annex.related,
    expected: plain(annex.value),
    actual: plain(figure.value),
    figure: figure.kind === "amount" ? "amount" : "typed",
    messageId: "differs",
    data: {
      place: where(figure),
      stated: `${figure.label}${showText(figure.value, figure)}${figure.kind === "amount" ? "万元" : figure.unit}`,
      annexName: label(annex.name),
      annexValue: shown(annex.value, figure),
      cell: { cell: annex.at },
      difference: shown(figure.value.minus(annex.value).abs(), figure),
    },
    textRef: textRefOf(figure),
  });
}


/**
 * "X，其中：a，b，c": the parts of each 其中 are the figures after it, up to the end of its
 * sentence (or of the bracket it is in), or up to the next 其中 at the same level, whose own
 * total is the last part ("支出982.21万元。其中：项目支出70.27万元，基本支出911.94万元，其中：人员经费…").
 * Some prefix of the parts must add up to X (the rest of the clause may move on: "在职35人，其中在岗35人；
 * 离退休32人"). Amounts: parts above X are an error; fewer than X a warning (a partial list is
 * possible). Counts are often a subset ("其中在岗人数"), so only a part above X is reported.
 */
export function statedSums(context: RuleContext<keyof typeof TEXT_SUM_MESSAGES>): void {
  const input = context.reportText;
  if (!input) return;
  // Every lookup below is an index or a binary search, never a scan of the text or of all the
  // figures: the check stays linear in the text's length (a 50 MB text is refused by the limits,
  // but 10 MB must still take seconds, not hours).
  const byParagraph = new Map<number, TextFigure[]>();
  for (const f of input.figures) {
    const own = byParagraph.get(f.paragraph);
    if (own) own.push(f);
    else byParagraph.set(f.paragraph, [f]);
  }
  for (const paragraph of input.segmented.paragraphs) {
    const own = byParagraph.get(paragraph.index);
    if (!own || !paragraph.text.includes("其中")) continue;
    own.sort((a, b) => a.numberOffset - b.numberOffset);
    const brackets = bracketsOf(paragraph.text);
    const markers = [...paragraph.text.matchAll(/其中/g)].map((m) => m.index);
    const nextAtLevel = nextMarkerAtSameLevel(markers, brackets.depth);
    const byDepth = new Map<number, TextFigure[]>();
    for (const f of own) {
      const level = brackets.depth[f.numberOffset - paragraph.offset] ?? 0;
      const list = byDepth.get(level);
      if (list) list.push(f);
      else byDepth.set(level, [f]);
    }
    for (const [i, marker] of markers.entries()) {
      const at = paragraph.offset + marker;
      const totalAt = lastBefore(own, at) - 1;
      if (totalAt < 0) continue;
      const total = own[totalAt]!;
      const sentence = sentenceAt(paragraph, at);
      if (!sentence) continue;
      if (total.sentence !== sentence.index && !/^[\s(（]*$/.test(paragraph.text.slice(sentence.offset - paragraph.offset, marker))) continue;
      const level = brackets.depth[marker]!;
      let end = level > 0 ? brackets.closeOf(marker) : sentence.offset - paragraph.offset + sentence.text.length;
      const next = nextAtLevel[i]!;
      if (next >= 0 && markers[next]! < end) end = markers[next]!;
      // Only the figures at the marker's depth are looked at: between one marker and the next at
      // its depth, so every figure is visited once per depth, however deep the brackets nest.
      const atLevel = byDepth.get(level) ?? [];
      const parts: TextFigure[] = [];
      for (let k = lastBefore(atLevel, paragraph.offset + marker + 1); k < atLevel.length; k++) {
        const pos = atLevel[k]!.numberOffset - paragraph.offset;
        if (pos >= end) break;
        if (sameUnit(atLevel[k]!, total)) parts.push(atLevel[k]!);
      }
      checkParts(context.report, total, parts, paragraph);
    }
  }
}

/** How many figures (sorted by position) stand before `offset`: a binary search. */
function lastBefore(figures: readonly TextFigure[], offset: number): number {
  let low = 0;
  let high = figures.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (figures[mid]!.numberOffset < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The sentence holding the text offset (sentences are in order): a binary search. */
function sentenceAt(paragraph: Paragraph, offset: number): Paragraph["sentences"][number] | undefined {
  const sentences = paragraph.sentences;
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const s = sentences[mid]!;
    if (offset < s.offset) high = mid - 1;
    else if (offset >= s.offset + s.text.length) low = mid + 1;
    else return s;
  }
  return undefined;
}

/** For each marker, the index of the next marker at the same bracket depth (-1 for none). */
function nextMarkerAtSameLevel(markers: readonly number[], depth: ArrayLike<number>): number[] {
  const next = new Array<number>(markers.length).fill(-1);
  const seenAtDepth = new Map<number, number>();
  for (let i = markers.length - 1; i >= 0; i--) {
    const level = depth[markers[i]!]!;
    next[i] = seenAtDepth.get(level) ?? -1;
    seenAtDepth.set(level, i);
  }
  return next;
}

function sameUnit(a: TextFigure, b: TextFigure): boolean {
  return a.kind === b.kind && (a.kind === "amount" || a.unit === b.unit);
}

/**
 * Per UTF-16 position of the text: its bracket depth, and the innermost bracket that encloses it,
 * with where that bracket closes (the text's length when it never does). One pass with a stack.
 */
function bracketsOf(text: string): { depth: Int32Array; closeOf: (position: number) => number } {
  const depth = new Int32Array(text.length);
  const enclosing = new Int32Array(text.length).fill(-1);
  const closes = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ((ch === "）" || ch === ")") && open.length > 0) closes.set(open.pop()!, i);
    depth[i] = open.length;
    enclosing[i] = open.length > 0 ? open[open.length - 1]! : -1;
    if (ch === "（" || ch === "(") open.push(i);
  }
  return { depth, closeOf: (position) => (enclosing[position]! < 0 ? text.length : closes.get(enclosing[position]!) ?? text.length) };
}

function checkParts(report: Report, total: TextFigure, parts: readonly TextFigure[], paragraph: Paragraph): void {
  if (parts.length === 0) return;
  let running = ZERO;
  for (const [k, part] of parts.entries()) {
    running = running.plus(part.value);
    if (within(running, total.value, sumTolerance(k + 1))) return;
  }
  const first = parts[0]!;
  const all = sum(parts.map((p) => p.value));
  const tolerance = sumTolerance(parts.length);
  const firstTooBig = first.value.minus(total.value).greaterThan(AMOUNT_TOLERANCE);
  if (!firstTooBig && (total.kind === "count" || parts.length < 2)) return;
  const severity: Severity = firstTooBig || all.minus(total.value).greaterThan(tolerance) ? "error" : "warning";
  const used = firstTooBig ? [first] : parts;
  const terms = list(used.map((p) => clause("term", { name: p.label.replace(/^其中[:：]?/, ""), value: bare(p.value, p) })), { zh: " + ", en: " + " });
  const partsSum = sum(used.map((p) => p.value));
  const last = used[used.length - 1]!;
  const quote = quoteBetween(paragraph, total, last);
  const unit = total.kind === "amount" ? "万元" : total.unit;
  report({
    severity,
    at: null,
    related: [],
    expected: plain(total.value),
    actual: plain(partsSum),
    figure: total.kind === "amount" ? "amount" : "typed",
    messageId: severity === "error" ? "exceeds" : "short",
    data: {
      place: where(total),
      stated: `${total.label}${showText(total.value, total)}${unit}`,
      terms,
      parts: shown(partsSum, total),
      difference: shown(severity === "error" ? partsSum.minus(total.value).abs() : total.value.minus(partsSum), total),
    },
    textRef: textRefOf(total, quote),
  });
}

/** The sentences from the one stating `from` to the one stating `to`, as written. */
function quoteBetween(paragraph: Paragraph, from: TextFigure, to: TextFigure): string {
  if (from.sentence === to.sentence) return from.quote;
  // Sentence indexes are 1-based positions in the paragraph.
  const first = paragraph.sentences[from.sentence - 1]!;
  const last = paragraph.sentences[to.sentence - 1]!;
  return paragraph.text.slice(first.offset - paragraph.offset, last.offset - paragraph.offset + last.text.length);
}

/**
 * Each project block: 年初预算 ± 调增/调减 = 实际支出 + 结余结转. Checked only when the block
 * states an adjustment or a carry-over (a bare "预算100万元，实际支出90万元" says nothing about
 * the rest); without a stated carry-over a gap is a warning, with one an error.
 */
export function projectEquations(context: RuleContext<keyof typeof TEXT_SUM_MESSAGES>): void {
  const input = context.reportText;
  if (!input) return;
  for (const [name, own] of byProject(input.figures)) {
    const first = (key: FigureKey) => own.find((f) => f.key === key);
    const budget = first("projectBudget");
    const actual = first("projectActual");
    const carryover = first("projectCarryover");
    const adjustments = own.filter((f) => f.key === "projectAdjust");
    if (!budget || !actual || (adjustments.length === 0 && !carryover)) continue;
    const available = budget.value.plus(sum(adjustments.map((a) => a.value.times(a.sign))));
    const used = actual.value.plus(carryover?.value ?? ZERO);
    if (within(available, used, sumTolerance(2 + adjustments.length))) continue;
    context.report({
      severity: carryover ? "error" : "warning",
      at: null,
      related: [],
      expected: plain(available),
      actual: plain(used),
      figure: "amount",
      messageId: "projectGap",
      data: {
        place: where(actual),
        project: name,
        budget: figureArg(budget.value, "decimal"),
        adjustments: list(adjustments.map((a) => clause("adjustment", { sign: a.sign < 0 ? "−" : "+", value: figureArg(a.value, "decimal") })), { zh: "", en: "" }),
        available: figureArg(available, "amount"),
        actual: figureArg(actual.value, "decimal"),
        carryover: carryover ? clause("carryover", { value: figureArg(carryover.value, "decimal") }) : "",
        used: figureArg(used, "amount"),
        difference: figureArg(available.minus(used).abs(), "amount"),
        advice: carryover ? "" : clause("stateCarryover"),
      },
      textRef: budget.sentence === actual.sentence
        ? textRefOf(actual)
        : textRefOf(actual, `${clipQuote(budget.quote, budget.offset - budget.sentenceOffset)}${actual.quote}`, clipQuote(budget.quote, budget.offset - budget.sentenceOffset).length + actual.offset - actual.sentenceOffset),
    });
  }
}

function byProject(figures: readonly TextFigure[]): Map<string, TextFigure[]> {
  const groups = new Map<string, TextFigure[]>();
  for (const f of figures) {
    if (f.project === null) continue;
    const own = groups.get(f.project) ?? [];
    own.push(f);
    groups.set(f.project, own);
  }
  return groups;
}


/** The projects' 实际支出 add up to the annexes' 项目支出 (附件2 决算数, the annex that lists project lines). */
export function projectLines(context: RuleContext<keyof typeof PROJECT_LINES_MESSAGES>): void {
  const input = context.reportText;
  if (!input) return;
  const actuals = [...byProject(input.figures).entries()]
    .map(([name, own]) => ({ name, figure: own.find((f) => f.key === "projectActual") }))
    .filter((p): p is { name: string; figure: TextFigure } => p.figure !== undefined);
  if (actuals.length === 0) return;
  const annex = cell(context.annex2?.funds?.projectTotal?.final, { zh: "附件2 项目支出本年决算数", en: "annex 2 project spending, actuals" })
    ?? cell(context.annex3?.expense?.project?.value, { zh: "附件3 项目支出", en: "annex 3 project spending" });
  if (!annex) return;
  const total = sum(actuals.map((p) => p.figure.value));
  if (within(total, annex.value, sumTolerance(actuals.length))) return;
  context.report({
    severity: "warning",
    at: annex.at,
    related: [],
    expected: plain(annex.value),
    actual: plain(total),
    figure: "amount",
    messageId: "differs",
    data: {
      terms: list(actuals.map((p) => clause("term", { name: p.name, value: figureArg(p.figure.value, "decimal") })), { zh: " + ", en: " + " }),
      total: figureArg(total, "amount"),
      annexName: label(annex.name),
      annexValue: figureArg(annex.value, "amount"),
      cell: { cell: annex.at },
      difference: figureArg(total.minus(annex.value).abs(), "amount"),
    },
    textRef: textRefOf(actuals[0]!.figure),
  });
}

/**
 * Runs one r.* rule's check. The rules (rules.ts) are registered with every check, but their code
 * lives here, reached through the prepared report text (input.ts): a check without a report text
 * never loads it, so the pane's start-up script holds none of it.
 */
export function runReportTextRule(ruleId: string, context: RuleContext<string>): void {
  const comparison = COMPARISONS[ruleId];
  if (comparison) compareFigures(context as RuleContext<keyof typeof COMPARISON_MESSAGES>, comparison);
  else if (ruleId === "r.text-sum") {
    statedSums(context as RuleContext<keyof typeof TEXT_SUM_MESSAGES>);
    projectEquations(context as RuleContext<keyof typeof TEXT_SUM_MESSAGES>);
  } else if (ruleId === "r.project-lines") projectLines(context as RuleContext<keyof typeof PROJECT_LINES_MESSAGES>);
}

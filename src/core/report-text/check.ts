/**
 * The 自评报告's text against its annexes: every figure the text states is compared with the cell
 * of the annex that holds the same figure, and sums the text states are added up. Findings name
 * both places: the cell (`at`) and the sentence (`textRef`).
 */
import type { Annex2 } from "../model/annex2";
import type { Annex3 } from "../model/annex3";
import type { LocatedNumber } from "../model/located";
import type { Bilingual, Finding, Severity, TextRef } from "../findings/finding";
import type { RuleMeta } from "../rules/rule";
import type { CellAddress } from "../grid/address";
import { DEFAULT_SETTINGS, type RuleSettings } from "../engine/settings";
import type { ValidationResult } from "../engine/validate";
import { AMOUNT_TOLERANCE, Decimal, ZERO, fixed2, plain, sum, sumTolerance, within } from "../numeric/decimal";
import { normalizeLabel } from "../text/normalize";
import { cellName } from "../rules/checks";
import { segmentText, type Paragraph, type SegmentedText } from "./segment";
import { extractFigures, type FigureKey, type TextFigure } from "./extract";
import {
  REPORT_TEXT_RULES, R_BASIC, R_BUDGET, R_EXPENSE, R_INCOME, R_PERSONNEL, R_PROCUREMENT, R_PROJECT, R_PROJECT_LINES,
  R_PUBLIC_FUNDS, R_STAFF, R_TEXT_SUM, R_THREE_PUBLIC,
} from "./rules";

export interface AnnexModels {
  readonly annex2: Annex2 | null;
  readonly annex3: Annex3 | null;
}

export interface ReportTextResult {
  /** Non-empty paragraphs of the report body (the annex tables after "附件2" are not read). */
  readonly paragraphs: number;
  readonly figures: readonly TextFigure[];
  /** Project blocks found ("(1)代表履职经费" …). */
  readonly projects: readonly string[];
  readonly findings: readonly Finding[];
}

/** The annex figure a text figure is compared with: one cell, or a value computed from several. */
interface AnnexFigure {
  readonly at: CellAddress;
  readonly related: readonly CellAddress[];
  readonly value: Decimal;
  readonly name: Bilingual;
  readonly tolerance: Decimal;
}

interface Comparison {
  readonly rule: RuleMeta;
  readonly keys: readonly FigureKey[];
  readonly annex: (models: AnnexModels, figure: TextFigure) => AnnexFigure | null;
}

const EXACT = ZERO;

function cell(located: LocatedNumber | null | undefined, name: Bilingual, tolerance: Decimal = AMOUNT_TOLERANCE): AnnexFigure | null {
  if (!located || located.value === null) return null;
  return { at: located.at, related: [], value: located.value, name, tolerance };
}

const COMPARISONS: readonly Comparison[] = [
  {
    rule: R_BUDGET,
    keys: ["budget", "adjustedBudget", "specialBudget"],
    annex: ({ annex2, annex3 }, figure) => {
      if (figure.key === "budget") return cell(annex3?.funds?.initialBudget, { zh: "附件3 年初预算数", en: "annex 3 initial budget" });
      if (figure.key === "adjustedBudget") return cell(annex3?.funds?.budget, { zh: "附件3 全年预算数", en: "annex 3 full-year budget" });
      return cell(annex2?.funds?.projectTotal?.budget, { zh: "附件2 项目支出本年预算数", en: "annex 2 project spending, budget" });
    },
  },
  {
    rule: R_INCOME,
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
  {
    rule: R_EXPENSE,
    keys: ["expense"],
    annex: ({ annex3 }) => cell(annex3?.funds?.executed, { zh: "附件3 全年执行数", en: "annex 3 full-year execution" })
      ?? cell(annex3?.expense?.total?.value, { zh: "附件3 按支出性质分合计", en: "annex 3 spending total" }),
  },
  {
    rule: R_BASIC,
    keys: ["basic"],
    annex: ({ annex3 }) => cell(annex3?.expense?.basic?.value, { zh: "附件3 基本支出", en: "annex 3 basic spending" }),
  },
  {
    rule: R_PERSONNEL,
    keys: ["personnel"],
    annex: ({ annex2, annex3 }) => {
      const basic = annex3?.expense?.basic?.value;
      const publicFunds = annex2?.funds?.publicFunds?.final;
      if (!basic?.value || !publicFunds?.value) return null;
      return {
        at: basic.at,
        related: [publicFunds.at],
        value: basic.value.minus(publicFunds.value),
        name: { zh: `附件3 基本支出 ${fixed2(basic.value)} − 附件2 公用经费 ${fixed2(publicFunds.value)}`, en: `annex 3 basic spending ${fixed2(basic.value)} − annex 2 public funds ${fixed2(publicFunds.value)}` },
        tolerance: sumTolerance(2),
      };
    },
  },
  {
    rule: R_PUBLIC_FUNDS,
    keys: ["publicFunds"],
    annex: ({ annex2 }) => cell(annex2?.funds?.publicFunds?.final, { zh: "附件2 公用经费本年决算数", en: "annex 2 public funds, actuals" }),
  },
  {
    rule: R_PROJECT,
    keys: ["project"],
    annex: ({ annex2, annex3 }) => cell(annex3?.expense?.project?.value, { zh: "附件3 项目支出", en: "annex 3 project spending" })
      ?? cell(annex2?.funds?.projectTotal?.final, { zh: "附件2 项目支出本年决算数", en: "annex 2 project spending, actuals" }),
  },
  {
    rule: R_STAFF,
    keys: ["establishment", "onPayroll"],
    annex: ({ annex2 }, figure) => figure.key === "establishment"
      ? cell(annex2?.staff?.establishment, { zh: "附件2 编制数", en: "annex 2 establishment" }, EXACT)
      : cell(annex2?.staff?.actual, { zh: "附件2 实际在职人数", en: "annex 2 staff on payroll" }, EXACT),
  },
  {
    rule: R_THREE_PUBLIC,
    keys: ["threePublic"],
    annex: ({ annex2 }) => cell(annex2?.funds?.threePublic?.final, { zh: "附件2 三公经费本年决算数", en: "annex 2 three public expenses, actuals" }),
  },
  {
    rule: R_PROCUREMENT,
    keys: ["procurement"],
    annex: ({ annex2 }) => cell(annex2?.funds?.procurement?.final, { zh: "附件2 政府采购金额本年决算数", en: "annex 2 government procurement, actuals" }),
  },
];

export function checkReportText(models: AnnexModels, text: string, settings: RuleSettings = DEFAULT_SETTINGS): ReportTextResult {
  const segmented = segmentText(text);
  const { figures, projects } = extractFigures(segmented);
  const enabled = (rule: RuleMeta) => !settings.disabledRules.includes(rule.id)
    && rule.requires.every((kind) => (kind === "annex2" ? models.annex2 : models.annex3) !== null);
  const found: Finding[] = [];
  for (const comparison of COMPARISONS) {
    if (!enabled(comparison.rule)) continue;
    for (const figure of figures) {
      if (figure.key === null || !comparison.keys.includes(figure.key)) continue;
      const annex = comparison.annex(models, figure);
      if (annex && !agrees(figure, annex)) found.push(disagreement(comparison.rule, figure, annex));
    }
  }
  if (enabled(R_TEXT_SUM)) {
    found.push(...statedSums(segmented, figures), ...projectEquations(figures));
  }
  if (enabled(R_PROJECT_LINES)) {
    const lines = projectLines(models, figures);
    if (lines) found.push(lines);
  }
  const order = (f: Finding) => REPORT_TEXT_RULES.findIndex((r) => r.id === f.ruleId);
  found.sort((a, b) => (a.textRef?.offset ?? 0) - (b.textRef?.offset ?? 0) || order(a) - order(b));
  return { paragraphs: segmented.paragraphs.length, figures, projects, findings: found };
}

/** The engine's result with the report-text findings added and the counts updated. */
export function withReportText(result: ValidationResult, text: ReportTextResult): ValidationResult {
  const findings = [...result.findings, ...text.findings];
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return { ...result, findings, summary: { ...result.summary, errors: count("error"), warnings: count("warning"), infos: count("info") } };
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

function show(value: Decimal, figure: Pick<TextFigure, "kind">): string {
  return figure.kind === "amount" ? fixed2(value) : plain(value);
}

function where(figure: Pick<TextFigure, "paragraph" | "sentence">): Bilingual {
  return { zh: `正文第 ${figure.paragraph} 段第 ${figure.sentence} 句`, en: `paragraph ${figure.paragraph}, sentence ${figure.sentence} of the text` };
}

function textRefOf(figure: TextFigure, quote: string = figure.quote): TextRef {
  return { paragraph: figure.paragraph, sentence: figure.sentence, quote, offset: figure.offset, length: figure.length };
}

function disagreement(rule: RuleMeta, figure: TextFigure, annex: AnnexFigure): Finding {
  const stated = `${figure.label}${show(figure.value, figure)}${figure.kind === "amount" ? "万元" : figure.unit}`;
  const diff = show(figure.value.minus(annex.value).abs(), figure);
  const place = where(figure);
  const cellText = cellName(annex.at);
  return {
    ruleId: rule.id,
    severity: rule.severities[0],
    at: annex.at,
    related: annex.related,
    expected: plain(annex.value),
    actual: plain(figure.value),
    message: {
      zh: `${place.zh}“${stated}”与${annex.name.zh} ${show(annex.value, figure)}（${cellText}）不一致（相差 ${diff}），请核对正文与附件`,
      en: `${place.en} states ${stated}; ${annex.name.en} is ${show(annex.value, figure)} (${cellText}), a difference of ${diff}: make the text and the annex agree`,
    },
    textRef: textRefOf(figure),
  };
}

/**
 * "X，其中：a，b，c": the parts of each 其中 are the figures after it, up to the end of its
 * sentence (or of the bracket it is in), or up to the next 其中 at the same level, whose own
 * total is the last part ("支出982.21万元。其中：项目支出70.27万元，基本支出911.94万元，其中：人员经费…").
 * Some prefix of the parts must add up to X (the rest of the clause may move on: "在职35人，其中在岗35人；
 * 离退休32人"). Amounts: parts above X are an error; fewer than X a warning (a partial list is
 * possible). Counts are often a subset ("其中在岗人数"), so only a part above X is reported.
 */
function statedSums(text: SegmentedText, figures: readonly TextFigure[]): Finding[] {
  const out: Finding[] = [];
  for (const paragraph of text.paragraphs) {
    const own = figures.filter((f) => f.paragraph === paragraph.index);
    const depth = bracketDepths(paragraph.text);
    const markers = [...paragraph.text.matchAll(/其中/g)].map((m) => m.index);
    for (const [i, marker] of markers.entries()) {
      const at = paragraph.offset + marker;
      const total = [...own].reverse().find((f) => f.numberOffset < at);
      if (!total) continue;
      const sentence = paragraph.sentences.find((s) => s.offset <= at && at < s.offset + s.text.length);
      if (!sentence) continue;
      if (total.sentence !== sentence.index && !/^[\s(（]*$/.test(paragraph.text.slice(sentence.offset - paragraph.offset, marker))) continue;
      const level = depth[marker]!;
      let end = level > 0 ? closingBracket(paragraph.text, marker, depth) : sentence.offset - paragraph.offset + sentence.text.length;
      const next = markers.slice(i + 1).find((m) => depth[m] === level && m < end);
      if (next !== undefined) end = next;
      const parts = own.filter((f) => {
        const pos = f.numberOffset - paragraph.offset;
        return pos > marker && pos < end && depth[pos] === level && sameUnit(f, total);
      });
      const finding = checkParts(total, parts, paragraph);
      if (finding) out.push(finding);
    }
  }
  return out;
}

function sameUnit(a: TextFigure, b: TextFigure): boolean {
  return a.kind === b.kind && (a.kind === "amount" || a.unit === b.unit);
}

function bracketDepths(text: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (const ch of text) {
    if (ch === "）" || ch === ")") depth = Math.max(0, depth - 1);
    for (let k = 0; k < ch.length; k++) depths.push(depth);
    if (ch === "（" || ch === "(") depth++;
  }
  return depths;
}

function closingBracket(text: string, from: number, depth: readonly number[]): number {
  const level = depth[from]!;
  for (let i = from; i < text.length; i++) {
    if ((text[i] === "）" || text[i] === ")") && depth[i] === level - 1) return i;
  }
  return text.length;
}

function checkParts(total: TextFigure, parts: readonly TextFigure[], paragraph: Paragraph): Finding | null {
  if (parts.length === 0) return null;
  let running = ZERO;
  for (const [k, part] of parts.entries()) {
    running = running.plus(part.value);
    if (within(running, total.value, sumTolerance(k + 1))) return null;
  }
  const first = parts[0]!;
  const all = sum(parts.map((p) => p.value));
  const tolerance = sumTolerance(parts.length);
  const firstTooBig = first.value.minus(total.value).greaterThan(AMOUNT_TOLERANCE);
  if (!firstTooBig && (total.kind === "count" || parts.length < 2)) return null;
  const severity: Severity = firstTooBig || all.minus(total.value).greaterThan(tolerance) ? "error" : "warning";
  const used = firstTooBig ? [first] : parts;
  const terms = used.map((p) => `${p.label.replace(/^其中[:：]?/, "")} ${show(p.value, p)}`).join(" + ");
  const partsSum = sum(used.map((p) => p.value));
  const last = used[used.length - 1]!;
  const quote = quoteBetween(paragraph, total, last);
  const place = where(total);
  const unit = total.kind === "amount" ? "万元" : total.unit;
  return {
    ruleId: R_TEXT_SUM.id,
    severity,
    at: null,
    related: [],
    expected: plain(total.value),
    actual: plain(partsSum),
    message: severity === "error"
      ? {
          zh: `${place.zh}：“${total.label}${show(total.value, total)}${unit}”的其中各项 ${terms} = ${show(partsSum, total)}，超过所述总数（相差 ${show(partsSum.minus(total.value).abs(), total)}）`,
          en: `${place.en}: the parts of ${total.label} ${show(total.value, total)} (${terms} = ${show(partsSum, total)}) exceed the stated total by ${show(partsSum.minus(total.value).abs(), total)}`,
        }
      : {
          zh: `${place.zh}：“${total.label}${show(total.value, total)}${unit}”的其中各项 ${terms} = ${show(partsSum, total)}，少于所述总数 ${show(total.value.minus(partsSum), total)}；若只列举了部分项目，请说明`,
          en: `${place.en}: the parts of ${total.label} ${show(total.value, total)} (${terms} = ${show(partsSum, total)}) fall short of the stated total by ${show(total.value.minus(partsSum), total)}; say so if the list is partial`,
        },
    textRef: textRefOf(total, quote),
  };
}

/** The sentences from the one stating `from` to the one stating `to`, as written. */
function quoteBetween(paragraph: Paragraph, from: TextFigure, to: TextFigure): string {
  if (from.sentence === to.sentence) return from.quote;
  const first = paragraph.sentences.find((s) => s.index === from.sentence)!;
  const last = paragraph.sentences.find((s) => s.index === to.sentence)!;
  return paragraph.text.slice(first.offset - paragraph.offset, last.offset - paragraph.offset + last.text.length);
}

/**
 * Each project block: 年初预算 ± 调增/调减 = 实际支出 + 结余结转. Checked only when the block
 * states an adjustment or a carry-over (a bare "预算100万元，实际支出90万元" says nothing about
 * the rest); without a stated carry-over a gap is a warning, with one an error.
 */
function projectEquations(figures: readonly TextFigure[]): Finding[] {
  const out: Finding[] = [];
  for (const [name, own] of byProject(figures)) {
    const first = (key: FigureKey) => own.find((f) => f.key === key);
    const budget = first("projectBudget");
    const actual = first("projectActual");
    const carryover = first("projectCarryover");
    const adjustments = own.filter((f) => f.key === "projectAdjust");
    if (!budget || !actual || (adjustments.length === 0 && !carryover)) continue;
    const available = budget.value.plus(sum(adjustments.map((a) => a.value.times(a.sign))));
    const used = actual.value.plus(carryover?.value ?? ZERO);
    if (within(available, used, sumTolerance(2 + adjustments.length))) continue;
    const adjustText = adjustments.map((a) => ` ${a.sign < 0 ? "−" : "+"} ${fixed2(a.value)}`).join("");
    const carryText = carryover ? ` + ${fixed2(carryover.value)}` : "";
    const place = where(actual);
    out.push({
      ruleId: R_TEXT_SUM.id,
      severity: carryover ? "error" : "warning",
      at: null,
      related: [],
      expected: plain(available),
      actual: plain(used),
      message: {
        zh: `${place.zh}（${name}）：年初预算 ${fixed2(budget.value)}${adjustText} = ${fixed2(available)}，而实际支出 ${fixed2(actual.value)}${carryover ? `${carryText}（结余结转）` : ""} = ${fixed2(used)}，相差 ${fixed2(available.minus(used).abs())}${carryover ? "" : "；如有结余结转请写明"}`,
        en: `${place.en} (${name}): initial budget ${fixed2(budget.value)}${adjustText} = ${fixed2(available)}, but actual spending ${fixed2(actual.value)}${carryText} = ${fixed2(used)}, a difference of ${fixed2(available.minus(used).abs())}${carryover ? "" : "; state any carry-over"}`,
      },
      textRef: textRefOf(actual, budget.sentence === actual.sentence ? actual.quote : `${budget.quote}${actual.quote}`),
    });
  }
  return out;
}

function byProject(figures: readonly TextFigure[]): Map<string, TextFigure[]> {
  const groups = new Map<string, TextFigure[]>();
  for (const f of figures) {
    if (f.project === null) continue;
    const list = groups.get(f.project) ?? [];
    list.push(f);
    groups.set(f.project, list);
  }
  return groups;
}

/** The projects' 实际支出 add up to the annexes' 项目支出 (附件2 决算数, the annex that lists project lines). */
function projectLines({ annex2, annex3 }: AnnexModels, figures: readonly TextFigure[]): Finding | null {
  const actuals = [...byProject(figures).entries()]
    .map(([name, own]) => ({ name, figure: own.find((f) => f.key === "projectActual") }))
    .filter((p): p is { name: string; figure: TextFigure } => p.figure !== undefined);
  if (actuals.length === 0) return null;
  const annex = cell(annex2?.funds?.projectTotal?.final, { zh: "附件2 项目支出本年决算数", en: "annex 2 project spending, actuals" })
    ?? cell(annex3?.expense?.project?.value, { zh: "附件3 项目支出", en: "annex 3 project spending" });
  if (!annex) return null;
  const total = sum(actuals.map((p) => p.figure.value));
  if (within(total, annex.value, sumTolerance(actuals.length))) return null;
  const terms = actuals.map((p) => `${p.name} ${fixed2(p.figure.value)}`).join(" + ");
  const first = actuals[0]!.figure;
  const cellText = cellName(annex.at);
  return {
    ruleId: R_PROJECT_LINES.id,
    severity: "warning",
    at: annex.at,
    related: [],
    expected: plain(annex.value),
    actual: plain(total),
    message: {
      zh: `正文各项目实际支出 ${terms} = ${fixed2(total)}，与${annex.name.zh} ${fixed2(annex.value)}（${cellText}）不一致（相差 ${fixed2(total.minus(annex.value).abs())}）`,
      en: `The text's projects spent ${terms} = ${fixed2(total)}; ${annex.name.en} is ${fixed2(annex.value)} (${cellText}), a difference of ${fixed2(total.minus(annex.value).abs())}`,
    },
    textRef: textRefOf(first),
  };
}

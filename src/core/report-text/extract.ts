/**
 * The figures a 自评报告 states in its prose. Government reports are formulaic: a figure is a
 * label followed by a number and a unit ("一般公共预算财政拨款收入982.21万元", "编制数21人",
 * "其中：人员经费837.48万元"). Every number with a unit is read, with the words before it as its
 * label; labels that name a figure of the annexes get a key. Matching runs on a same-length
 * normalized copy of each sentence (full-width digits and punctuation made half-width), so every
 * position found is a position in the text as given.
 */
import { Decimal } from "../numeric/decimal";
import { parseNumberText } from "../cells/parse-value";
import { canonicalTextSameLength } from "../text/normalize";
import type { Paragraph, SegmentedText, Sentence } from "./segment";

export type FigureKey =
  /** 年初预算 / 预算资金 of the whole unit. */
  | "budget"
  /** 全年预算数 / 调整后预算. */
  | "adjustedBudget"
  /** The 专项 budget total: "年初预算专项资金共7个，共150.13万元". */
  | "specialBudget"
  /** The number of 专项. */
  | "specialCount"
  | "income"
  | "expense"
  | "basic"
  | "personnel"
  | "publicFunds"
  | "project"
  | "establishment"
  | "onPayroll"
  | "retired"
  | "threePublic"
  | "procurement"
  /** Figures of one named project (a "(1)代表履职经费" block). */
  | "projectBudget"
  | "projectAdjust"
  | "projectActual"
  | "projectCarryover";

export type FigureUnit = "万元" | "元" | "亿元" | "人" | "名" | "个" | "项" | "人次";

export interface TextFigure {
  /** What the label names, or null for a number whose label names nothing the rules compare. */
  readonly key: FigureKey | null;
  /** The words before the number, as written (without 为/共/合计 and colons). */
  readonly label: string;
  /** Amounts in 万元 (元 and 亿元 converted); counts as written. */
  readonly value: Decimal;
  readonly unit: FigureUnit;
  readonly kind: "amount" | "count";
  /** The number as written, e.g. "982.21" or "1,234.56". */
  readonly numberText: string;
  /** For projectAdjust: -1 for 调减/核减, +1 otherwise. */
  readonly sign: 1 | -1;
  /** The project the figure belongs to (projectBudget … projectCarryover), else null. */
  readonly project: string | null;
  readonly paragraph: number;
  readonly sentence: number;
  /** The sentence, as written. */
  readonly quote: string;
  /** UTF-16 offset in the whole text of the sentence's first character. */
  readonly sentenceOffset: number;
  /** UTF-16 offset in the whole text of the label's first character (the number's when there is no label). */
  readonly offset: number;
  /** Length from `offset` to the end of the unit. */
  readonly length: number;
  /** Offset of the number itself. */
  readonly numberOffset: number;
}

const NUMBER_WITH_UNIT = /(?<![\d.,])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(万元|亿元|元|人次|人|名|个|项)/g;

/** Characters that end one clause's label: the label of a number is what follows the last of them. */
const LABEL_BOUNDARY = /[,;:()、.!?"'[\]<>]/;

/** Words between a label and its number: "为", "共", "合计", a colon. */
const TRAILING_FILLER = /(?:共计|合计|总计|总额|金额|共有|分别|为|是|达到|达|约|共|:|\s)+$/;

const AMOUNT_UNITS: ReadonlySet<FigureUnit> = new Set(["万元", "元", "亿元"]);
const PEOPLE_UNITS: ReadonlySet<FigureUnit> = new Set(["人", "名"]);

interface KeyPattern {
  readonly key: FigureKey;
  readonly label: RegExp;
  /** Labels that end the same way but mean something else. */
  readonly not?: RegExp;
}

/** Tried in order on an amount's label; the first match wins. Every pattern is anchored at the label's end. */
const AMOUNT_PATTERNS: readonly KeyPattern[] = [
  { key: "personnel", label: /人员(?:经费|支出)$/ },
  { key: "publicFunds", label: /公用(?:经费|支出)$/ },
  { key: "basic", label: /基本支出$/ },
  { key: "project", label: /项目支出$/ },
  { key: "threePublic", label: /三公经费(?:支出)?$/ },
  { key: "procurement", label: /政府采购(?:支出|合同)?$/ },
  { key: "adjustedBudget", label: /(?:全年|调整后|调整)预算(?:数|资金)?$/ },
  // A budget of a part (基本支出预算, 三公经费预算) is not the unit's budget.
  { key: "budget", label: /预算(?:数|资金)?$/, not: /(?:政府采购|三公|基金|国有资本|社会保险|基本支出|人员|公用)/ },
  // Totals only: "公务接待支出" or "非税收入" are not the unit's income or spending.
  { key: "income", label: /(?:^|年度?|本年|全年|单位|部门|总|财政拨款|预算)收入$/, not: /(?:非税|基金|国有资本|社会保险|其他|事业|经营)/ },
  { key: "expense", label: /(?:^|年度?|本年|全年|单位|部门|总|财政拨款|预算)支出$/, not: /(?:基金|国有资本|社会保险|其他|事业|经营)/ },
];

/** Inside a project's block the same words name that project's figures. */
const PROJECT_PATTERNS: readonly KeyPattern[] = [
  { key: "projectBudget", label: /预算(?:数|资金)?$/, not: /(?:全年|调整后)预算/ },
  // "较上年增加" compares years; it is not an adjustment of the project's budget.
  { key: "projectAdjust", label: /(?:调增|调减|追加|核减|调整|增加|减少)(?:资金|预算|金额)?$/, not: /较|比上年|同比/ },
  { key: "projectActual", label: /(?:实际支出|实际执行|执行数|支出)$/ },
  { key: "projectCarryover", label: /(?:结余结转|结转结余|结余|结转)(?:资金)?$/ },
];

const COUNT_PATTERNS: readonly KeyPattern[] = [
  // "其中行政编制15人、事业编制6人" are parts of the establishment, not the establishment.
  { key: "establishment", label: /(?:编制(?:数|人数)?|核定编制)$/, not: /行政|事业|工勤|参公|全额|差额/ },
  { key: "onPayroll", label: /(?:在职(?:人员|职工)?(?:人数)?|实有(?:人员|人数))$/ },
  { key: "retired", label: /离退休(?:人员)?(?:人数)?$/ },
];

/** Section headings: "一、…", "（二）…". */
const SECTION_HEADING = /^(?:[一二三四五六七八九十]{1,3}[、.]|[(][一二三四五六七八九十]{1,3}[)])/;
/** A project heading inside a 项目/专项 section: "(1)代表履职经费", "2、全会经费项目". */
const PROJECT_HEADING = /^(?:[(]\d{1,2}[)]|\d{1,2}[、.](?!\d))\s*([^,.;:!?]{2,40})$/;
/** A project named at the start of its own paragraph: "代表履职经费：年初预算…". */
const PROJECT_LEAD = /^(?:[(]\d{1,2}[)]|\d{1,2}[、.](?!\d))?\s*([^,.;:!?()\d]{2,30}(?:经费|项目|专项|资金)):/;

export interface ExtractedText {
  readonly figures: readonly TextFigure[];
  /** Names of the project blocks found, in text order. */
  readonly projects: readonly string[];
}

export function extractFigures(text: SegmentedText): ExtractedText {
  const figures: TextFigure[] = [];
  const projects: string[] = [];
  let inProjectSection = false;
  let project: string | null = null;
  for (const paragraph of text.paragraphs) {
    const normalized = canonicalTextSameLength(paragraph.text);
    if (SECTION_HEADING.test(normalized)) {
      inProjectSection = /项目|专项/.test(normalized) && !/[。]/.test(paragraph.text);
      project = null;
    }
    const heading = inProjectSection && !hasNumberWithUnit(normalized) ? PROJECT_HEADING.exec(normalized) : null;
    if (heading) {
      project = heading[1]!.trim();
      projects.push(project);
      continue;
    }
    let paragraphProject = project;
    const lead = inProjectSection ? PROJECT_LEAD.exec(normalized) : null;
    if (lead) {
      paragraphProject = lead[1]!.trim();
      projects.push(paragraphProject);
    } else if (/^(?:[(]\d{1,2}[)]|\d{1,2}[、.])/.test(normalized)) {
      // A numbered paragraph that is not a heading ends the project block before it.
      project = null;
      paragraphProject = null;
    }
    // One push at a time: spreading a sentence's figures into push() overflows the stack when a
    // hostile "sentence" holds a hundred thousand of them.
    for (const sentence of paragraph.sentences) for (const figure of sentenceFigures(paragraph, sentence, paragraphProject)) figures.push(figure);
  }
  return { figures, projects };
}

function hasNumberWithUnit(text: string): boolean {
  // A fresh non-global copy: test() on the shared /g pattern would move the lastIndex matchAll starts from.
  return new RegExp(NUMBER_WITH_UNIT.source).test(text);
}

function sentenceFigures(paragraph: Paragraph, sentence: Sentence, project: string | null): TextFigure[] {
  const text = canonicalTextSameLength(sentence.text);
  const out: TextFigure[] = [];
  let previousEnd = 0;
  // Where the sentence first names a project (专项/项目): found once, so that asking "is there one
  // before this label?" for every figure stays linear in the sentence's length.
  const projectWord = /专项|项目/.exec(text)?.index ?? -1;
  for (const match of text.matchAll(NUMBER_WITH_UNIT)) {
    const numberStart = match.index;
    const numberText = match[1]!;
    const unit = match[2] as FigureUnit;
    const label = labelBefore(text, previousEnd, numberStart);
    previousEnd = numberStart + match[0].length;
    const value = valueOf(numberText, unit);
    if (value === null) continue;
    const kind = AMOUNT_UNITS.has(unit) ? "amount" : "count";
    const projectWordBefore = projectWord >= 0 && projectWord + 2 <= label.start;
    const after = text.slice(previousEnd, previousEnd + AFTER_WINDOW);
    const key = keyOf(label.text, unit, { project, projectWordBefore, after, previous: out[out.length - 1] ?? null });
    out.push({
      key,
      label: sentence.text.slice(label.start, label.end),
      value,
      unit,
      kind,
      numberText: sentence.text.slice(numberStart, numberStart + numberText.length),
      sign: key === "projectAdjust" && /调减|核减|减少/.test(label.text) ? -1 : 1,
      project: key !== null && key.startsWith("project") && key !== "project" ? project : null,
      paragraph: paragraph.index,
      sentence: sentence.index,
      quote: sentence.text,
      sentenceOffset: sentence.offset,
      offset: sentence.offset + (label.end > label.start ? label.start : numberStart),
      length: previousEnd - (label.end > label.start ? label.start : numberStart),
      numberOffset: sentence.offset + numberStart,
    });
  }
  return out;
}

/**
 * How far before a number its label is looked for, and after its unit the next words: labels are a
 * few words, and a bounded window keeps the trailing-filler pattern (anchored at the end) from
 * retrying at every position of a long run of spaces.
 */
const LABEL_WINDOW = 120;
const AFTER_WINDOW = 16;

/** The label of a number: the words since the last clause boundary, without trailing filler. */
function labelBefore(text: string, previousEnd: number, numberStart: number): { text: string; start: number; end: number } {
  const from = Math.max(previousEnd, numberStart - LABEL_WINDOW);
  let end = numberStart;
  const filler = TRAILING_FILLER.exec(text.slice(from, end));
  if (filler) end -= filler[0].length;
  let start = end;
  while (start > from && !LABEL_BOUNDARY.test(text[start - 1]!)) start--;
  while (start < end && /\s/.test(text[start]!)) start++;
  return { text: text.slice(start, end).replace(/\s+/g, ""), start, end };
}

function valueOf(numberText: string, unit: FigureUnit): Decimal | null {
  if (unit === "亿元") return new Decimal(numberText.replace(/,/g, "")).times(10000);
  if (unit === "人次") return new Decimal(numberText.replace(/,/g, ""));
  const parsed = parseNumberText(`${numberText}${unit}`, AMOUNT_UNITS.has(unit) ? "amount" : "count");
  return parsed.kind === "number" ? parsed.value : null;
}

interface KeyContext {
  readonly project: string | null;
  /** Whether the sentence names a project (专项/项目) before the label. */
  readonly projectWordBefore: boolean;
  /** The first words of the sentence after the unit. */
  readonly after: string;
  readonly previous: TextFigure | null;
}

function keyOf(label: string, unit: FigureUnit, context: KeyContext): FigureKey | null {
  if (unit === "个" || unit === "项") {
    const special = /专项/.test(label) || /^\s*专项/.test(context.after);
    return special ? "specialCount" : null;
  }
  if (PEOPLE_UNITS.has(unit)) return firstMatch(COUNT_PATTERNS, label);
  if (!AMOUNT_UNITS.has(unit)) return null;
  // "年初预算专项资金共7个，共150.13万元": the amount right after the count is the 专项 budget total.
  if (label === "" && context.previous?.key === "specialCount") return "specialBudget";
  if (context.project !== null) {
    const projectKey = firstMatch(PROJECT_PATTERNS, label);
    if (projectKey) return projectKey;
  }
  if (/(?:实际支出|执行数|实际执行)$/.test(label)) {
    if (/专项|项目/.test(label)) return "project";
    // Only a bare "实际支出" is a total: "会议费实际支出" is one item's.
    if (!BARE_SPENDING.test(label)) return null;
    return context.projectWordBefore ? "project" : "expense";
  }
  if (/专项|项目/.test(label) && /预算/.test(label)) return "specialBudget";
  return firstMatch(AMOUNT_PATTERNS, label);
}

const BARE_SPENDING = /^(?:\d{4}年度?|本年度?|全年|年度|单位|部门|本单位|本部门)*(?:实际支出|执行数|实际执行数?)$/;

function firstMatch(patterns: readonly KeyPattern[], label: string): FigureKey | null {
  for (const p of patterns) {
    if (p.label.test(label) && !(p.not?.test(label) ?? false)) return p.key;
  }
  return null;
}

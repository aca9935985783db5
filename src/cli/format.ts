/** Human formats of a report: a terminal table (CJK-aligned) and Markdown. */
import { profileById, type JsonFinding, type JsonReport, type JsonUnreadable, type Lang } from "../core";
import { formatValue } from "../core/format/figures";
import { displayWidth, padEnd, padStart, terminalSafe } from "./text-width";
import { documentPlace } from "../core/report/document-places";

const SEVERITY_NAMES: Record<Lang, Record<JsonFinding["severity"], string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

const HEADINGS: Record<Lang, { severity: string; rule: string; cell: string; expected: string; actual: string; message: string }> = {
  zh: { severity: "级别", rule: "规则", cell: "单元格", expected: "应为", actual: "表中", message: "说明" },
  en: { severity: "Level", rule: "Rule", cell: "Cell", expected: "Expected", actual: "Found", message: "Message" },
};

const COLORS: Record<JsonFinding["severity"], string> = { error: "\u001b[31m", warning: "\u001b[33m", info: "\u001b[36m" };
const RESET = "\u001b[0m";

/** Where an r.* finding's figure is in the report text, with the sentence quoted. */
function textPlace(f: JsonFinding, lang: Lang): string | null {
  const ref = f.textRef;
  if (!ref) return null;
  return lang === "zh"
    ? `正文第 ${ref.paragraph} 段第 ${ref.sentence} 句：“${ref.quote}”`
    : `Text, paragraph ${ref.paragraph}, sentence ${ref.sentence}: “${ref.quote}”`;
}

function cellOf(f: JsonFinding, report: JsonReport, lang: Lang): string {
  if (!f.sheet) return "—";
  // A Word report's place is its table's own row and column (document-places.ts).
  return report.source && f.cell ? documentPlace(report.source, f.sheet, f.cell, lang) : `${f.sheet}!${f.cell}`;
}

function clip(text: string | null, width: number): string {
  const t = terminalSafe(text ?? "");
  if (displayWidth(t) <= width) return t;
  let out = "";
  for (const ch of t) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** The strongest signals are enough to say why; the JSON report lists them all. */
const MAX_REASONS = 2;

/** Expected and found as a reader reads them, formatted as everywhere else (src/core/format/figures.ts). */
function shown(f: JsonFinding, lang: Lang): { expected: string | null; actual: string | null } {
  return { expected: formatValue(f.expected, f.figure, lang), actual: formatValue(f.actual, f.figure, lang) };
}

/** Wide enough for "982.21 万元" and "982.21 × 10,000 yuan"; longer text is cut with "…". */
const CLIP: Readonly<Record<Lang, number>> = { zh: 18, en: 22 };

/** Figures (not text) are right-aligned so their decimals line up. */
const isFigure = (f: JsonFinding) => f.figure !== undefined && f.figure !== "grade";

/** The form line: which profile, and what decided it. */
function profileLine(report: JsonReport, lang: Lang): string {
  const p = report.profile;
  const why = p.how === "forced" ? (lang === "zh" ? "（--profile 指定）" : " (set by --profile)")
    : p.how === "default" ? (lang === "zh" ? "（未识别出表式特征，按默认表式）" : " (no form recognized; the default)")
    : lang === "zh" ? `（依据：${p.reasons.slice(0, MAX_REASONS).map(terminalSafe).join("；")}）` : ` (because of: ${p.reasons.slice(0, MAX_REASONS).map(terminalSafe).join("; ")})`;
  return `${lang === "zh" ? "表式" : "Form"}：${p.name}${why}`.replace("Form：", "Form: ");
}

/** Where the tables are: 附件2/附件3 for the 湖南 form, else each self-evaluation table with its name. */
function tablesLine(report: JsonReport, lang: Lang): string {
  const annexes = report.annexes;
  // Sheet and table names are data: escaped here, before the lines are joined, so a newline in a
  // sheet's name cannot split the header.
  const caption = (sheet: string) => report.source?.tables.find((t) => t.sheet === sheet)?.caption;
  const place = (p: { sheet: string; range: string } | null, missing: string) => {
    if (!p) return missing;
    // A Word report's table: its number and its caption, as the reader finds it in the document.
    const quoted = report.source ? caption(p.sheet) : undefined;
    if (report.source) return `${terminalSafe(p.sheet)}${quoted ? `（${terminalSafe(quoted)}）` : ""}`;
    return `${terminalSafe(p.sheet)}!${p.range}`;
  };
  if (profileById(report.profile.id)?.basicData) {
    return lang === "zh"
      ? `附件2：${place(annexes.annex2, "未找到")}；附件3：${place(annexes.annex3, "未找到")}`
      : `Annex 2: ${place(annexes.annex2, "not found")}; Annex 3: ${place(annexes.annex3, "not found")}`;
  }
  const tables = report.tables.filter((t) => t.kind === "annex3");
  const list = tables.map((t) => `${place(t, "")}${t.name ? `（${terminalSafe(t.name)}）` : ""}${t.score ? ` ${t.score}` : ""}`);
  return lang === "zh" ? `自评表 ${tables.length} 张${list.length ? `：${list.join("；")}` : ""}` : `${tables.length} self-evaluation table(s)${list.length ? `: ${list.join("; ")}` : ""}`;
}

export function summaryLine(report: JsonReport, lang: Lang): string {
  const s = report.summary;
  if (lang === "zh") {
    const score = s.score ? `；重算总分 ${s.score}${s.gradeName ? `，等级 ${s.gradeName}` : ""}` : "";
    return `${profileLine(report, lang)}\n${tablesLine(report, lang)}\n错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}${score}（规则版本 ${report.rulesVersion}）`;
  }
  const score = s.score ? `; recomputed total ${s.score}${s.gradeName ? `, grade ${s.gradeName}` : ""}` : "";
  return `${profileLine(report, lang)}\n${tablesLine(report, lang)}\n${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos${score} (rules ${report.rulesVersion})`;
}

/** "［项目名］" before the message of a finding about one of several tables. */
function tablePrefix(f: JsonFinding, lang: Lang): string {
  if (!f.table) return "";
  const name = f.table.name ?? (lang === "zh" ? `自评表 ${f.table.index + 1}` : `table ${f.table.index + 1}`);
  return lang === "zh" ? `［${name}］` : `[${name}] `;
}

export function formatTable(report: JsonReport, lang: Lang, color: boolean): string {
  const h = HEADINGS[lang];
  const rows = report.findings.map((f) => ({
    f,
    cols: [SEVERITY_NAMES[lang][f.severity], f.ruleId, terminalSafe(cellOf(f, report, lang)), clip(shown(f, lang).expected, CLIP[lang]), clip(shown(f, lang).actual, CLIP[lang])],
  }));
  const header = [h.severity, h.rule, h.cell, h.expected, h.actual];
  const widths = header.map((title, i) => Math.max(displayWidth(title), ...rows.map((r) => displayWidth(r.cols[i]!))));
  const line = (cols: string[], figure = false) =>
    cols.map((c, i) => (figure && i >= 3 ? padStart(c, widths[i]!) : padEnd(c, widths[i]!))).join("  ").trimEnd();
  const out = [`${terminalSafe(report.file)}`, ...summaryLine(report, lang).split("\n").map(terminalSafe), ""];
  if (rows.length === 0) {
    out.push(lang === "zh" ? "未发现问题。" : "No findings.");
    return out.join("\n") + "\n";
  }
  out.push(line(header), widths.map((w) => "─".repeat(w)).join("  "));
  for (const { f, cols } of rows) {
    const text = line(cols, isFigure(f));
    out.push(color ? `${COLORS[f.severity]}${text}${RESET}` : text);
    out.push(`    ${terminalSafe(`${tablePrefix(f, lang)}${f.message}`)}`);
    const quoted = textPlace(f, lang);
    if (quoted) out.push(`    ${terminalSafe(quoted)}`);
  }
  return out.join("\n") + "\n";
}

/**
 * Cell text, sheet and file names are data: nothing of theirs may become Markdown syntax. HTML and
 * entities are encoded; link, image and code-span brackets are backslash-escaped; so are the
 * characters GFM turns into bare autolinks (`://`, `www.`, `@`). Control characters become spaces.
 */
function mdEscape(text: string | null): string {
  return terminalSafe(text ?? "")
    .replace(/\\/g, "\\\\")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/[|[\]`@]/g, "\\$&")
    .replace(/:\/\//g, "\\://")
    .replace(/\b(www)\./gi, "$1\\.");
}

export function formatMarkdown(report: JsonReport, lang: Lang): string {
  const h = HEADINGS[lang];
  const title = lang === "zh" ? "校验报告" : "Check report";
  const out = [`# ${title}: ${mdEscape(report.file)}`, "", ...summaryLine(report, lang).split("\n").map((l) => `${mdEscape(l)}  `), ""];
  if (report.findings.length === 0) {
    out.push(lang === "zh" ? "未发现问题。" : "No findings.");
    return out.join("\n") + "\n";
  }
  out.push(`| ${h.severity} | ${h.rule} | ${h.cell} | ${h.expected} | ${h.actual} | ${h.message} |`, "|---|---|---|---:|---:|---|");
  for (const f of report.findings) {
    out.push(`| ${SEVERITY_NAMES[lang][f.severity]} | \`${f.ruleId}\` | ${mdEscape(cellOf(f, report, lang))} | ${mdEscape(shown(f, lang).expected)} | ${mdEscape(shown(f, lang).actual)} | ${mdEscape(`${tablePrefix(f, lang)}${f.message}`)}${f.textRef ? `<br>${mdEscape(textPlace(f, lang))}` : ""} |`);
  }
  return out.join("\n") + "\n";
}

export function formatUnreadable(entry: JsonUnreadable, format: "table" | "md"): string {
  return format === "md" ? `# ${mdEscape(entry.file)}\n\n${mdEscape(entry.error.message)}\n` : `${terminalSafe(entry.file)}\n${terminalSafe(entry.error.message)}\n`;
}

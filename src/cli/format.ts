/** Human formats of a report: a terminal table (CJK-aligned) and Markdown. */
import type { JsonFinding, JsonReport, JsonUnreadable, Lang } from "../core";
import { displayWidth, padEnd, terminalSafe } from "./text-width";

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

function cellOf(f: JsonFinding): string {
  return f.sheet ? `${f.sheet}!${f.cell}` : "—";
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

export function summaryLine(report: JsonReport, lang: Lang): string {
  const s = report.summary;
  const annexes = report.annexes;
  if (lang === "zh") {
    const where = `附件2：${annexes.annex2 ? `${annexes.annex2.sheet}!${annexes.annex2.range}` : "未找到"}；附件3：${annexes.annex3 ? `${annexes.annex3.sheet}!${annexes.annex3.range}` : "未找到"}`;
    const score = s.score ? `；重算总分 ${s.score}，等级 ${s.grade}` : "";
    return `${where}\n错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}${score}（规则版本 ${report.rulesVersion}）`;
  }
  const where = `Annex 2: ${annexes.annex2 ? `${annexes.annex2.sheet}!${annexes.annex2.range}` : "not found"}; Annex 3: ${annexes.annex3 ? `${annexes.annex3.sheet}!${annexes.annex3.range}` : "not found"}`;
  const grade = s.grade ? ({ 优: "Excellent", 良: "Good", 中: "Fair", 差: "Poor" } as Record<string, string>)[s.grade] ?? s.grade : "";
  const score = s.score ? `; recomputed total ${s.score}, grade ${grade}` : "";
  return `${where}\n${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos${score} (rules ${report.rulesVersion})`;
}

export function formatTable(report: JsonReport, lang: Lang, color: boolean): string {
  const h = HEADINGS[lang];
  const rows = report.findings.map((f) => ({
    f,
    cols: [SEVERITY_NAMES[lang][f.severity], f.ruleId, terminalSafe(cellOf(f)), clip(f.expected, 14), clip(f.actual, 14)],
  }));
  const header = [h.severity, h.rule, h.cell, h.expected, h.actual];
  const widths = header.map((title, i) => Math.max(displayWidth(title), ...rows.map((r) => displayWidth(r.cols[i]!))));
  const line = (cols: string[]) => cols.map((c, i) => padEnd(c, widths[i]!)).join("  ").trimEnd();
  const out = [`${terminalSafe(report.file)}`, ...summaryLine(report, lang).split("\n").map(terminalSafe), ""];
  if (rows.length === 0) {
    out.push(lang === "zh" ? "未发现问题。" : "No findings.");
    return out.join("\n") + "\n";
  }
  out.push(line(header), widths.map((w) => "─".repeat(w)).join("  "));
  for (const { f, cols } of rows) {
    const text = line(cols);
    out.push(color ? `${COLORS[f.severity]}${text}${RESET}` : text);
    out.push(`    ${terminalSafe(f.message)}`);
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
  out.push(`| ${h.severity} | ${h.rule} | ${h.cell} | ${h.expected} | ${h.actual} | ${h.message} |`, "|---|---|---|---|---|---|");
  for (const f of report.findings) {
    out.push(`| ${SEVERITY_NAMES[lang][f.severity]} | \`${f.ruleId}\` | ${mdEscape(cellOf(f))} | ${mdEscape(f.expected)} | ${mdEscape(f.actual)} | ${mdEscape(f.message)}${f.textRef ? `<br>${mdEscape(textPlace(f, lang))}` : ""} |`);
  }
  return out.join("\n") + "\n";
}

export function formatUnreadable(entry: JsonUnreadable, format: "table" | "md"): string {
  return format === "md" ? `# ${mdEscape(entry.file)}\n\n${mdEscape(entry.error.message)}\n` : `${terminalSafe(entry.file)}\n${terminalSafe(entry.error.message)}\n`;
}

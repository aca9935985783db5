/**
 * The CLI's human formats on a workbook whose text (a sheet name, indicator names and values echoed
 * in findings, the file name) is hostile: the Markdown output escapes everything that could become
 * a link, an image, HTML or a code span, and the terminal table drops control characters (no ANSI or
 * OSC 8 hyperlink sequences reach the terminal).
 */
/* eslint-disable no-control-regex -- these tests look for control characters in the output */
import { snapshotFromSpec } from "../../src/adapters/memory/grid-spec";
import { toJsonReport, validate, type JsonReport } from "../../src/core";
import { formatMarkdown, formatTable, formatUnreadable } from "../../src/cli/format";
import { chunks, hostileSample, MARKUP_PAYLOADS } from "./payloads";

const OSC8 = "\u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007";
const MD_PAYLOADS = [...MARKUP_PAYLOADS, "`code` *b* _i_", "see http://evil.example/x and www.evil.example", "mail evil@evil.example", "a | b \\| c", OSC8];

/** A crafted file can carry names Excel's UI would refuse, control characters included. */
const SHEET_NAMES = ["<b>附件3</b>", "\u001b[2J\u001b]8;;http://e\u0007附件3", "[x](http://e)附件3", "附件3"];

function reportsFor(payloads: readonly string[], lang: "zh" | "en" = "zh"): JsonReport[] {
  return chunks(payloads, 4).map((group, i) =>
    toJsonReport(`${group[0]}.xlsx`, validate(snapshotFromSpec(hostileSample(group, SHEET_NAMES[i % SHEET_NAMES.length]))), lang));
}

/** Markdown text with its escapes taken out: what a renderer would treat as syntax. */
function unescapedSyntax(md: string): string {
  return md.replace(/\\[!-/:-@[-`{-~]/g, "").replace(/&(lt|gt|amp|quot|#\d+);/g, "");
}

/** What a renderer shows for escaped text: the escapes resolved. */
function rendered(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, "$1").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

test("the payloads really reach the findings (else the format tests prove nothing)", () => {
  const text = reportsFor(MD_PAYLOADS).flatMap((r) => r.findings.map((f) => `${f.actual} ${f.message}`)).join("\n");
  for (const p of MD_PAYLOADS) expect({ p, echoed: text.includes(p) }).toEqual({ p, echoed: true });
});

test("Markdown: no link, image, autolink, HTML or code span comes out of cell text, sheet or file names", () => {
  for (const lang of ["zh", "en"] as const) {
    for (const report of reportsFor(MD_PAYLOADS, lang)) {
      const md = formatMarkdown(report, lang);
      // Only the rule ids are code spans; take them out, then look at what is left unescaped.
      const syntax = unescapedSyntax(md.replace(/`[a-z0-9.-]+`/g, "").replace(/<br>/g, ""));
      expect({ file: report.file, found: syntax.match(/[<>[\]`\u0000-\u0009\u000b-\u001f]|:\/\/|www\.|@/g) }).toEqual({ file: report.file, found: null });
      // Escaped, not dropped: a reader sees the original text (minus control characters).
      const visible = rendered(md);
      for (const f of report.findings) {
        if (f.actual && !/[\u0000-\u001f]/.test(f.actual)) expect(visible).toContain(f.actual.replace(/\|/g, "|"));
      }
      expect(md.split("\n").filter((l) => l.startsWith("|")).every((l) => l.split(/(?<!\\)\|/).length === 8)).toBe(true);
    }
  }
});

test("terminal table: no escape sequence from cell text, sheet names or file names", () => {
  for (const report of reportsFor(MD_PAYLOADS)) {
    const table = formatTable(report, "zh", false);
    expect({ file: report.file, control: table.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g) }).toEqual({ file: report.file, control: null });
  }
  const unreadableMd = formatUnreadable({ file: OSC8, error: { reason: "unreadable", message: `无法读取 [x](http://evil.example) <img src=x>` }, schemaVersion: 2 }, "md");
  expect(unescapedSyntax(unreadableMd).match(/[<>[\]\u0000-\u0009\u000b-\u001f]|:\/\//g)).toBeNull();
  const unreadable = formatUnreadable({ file: OSC8, error: { reason: "unreadable", message: `无法读取 ${OSC8}` }, schemaVersion: 2 }, "table");
  expect(unreadable.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g)).toBeNull();
});

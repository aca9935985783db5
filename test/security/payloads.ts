/**
 * Hostile strings for the text-safety tests: spreadsheet formula injection (CSV/DDE), HTML in the
 * pane, Markdown links in the CLI's md output, and their full-width and whitespace variants.
 */
import type { WorkbookSpec, SheetSpec, CellSpec } from "../../src/adapters/memory/grid-spec";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";

export const IMG = "<img src=x onerror=alert(1)>";

/** Strings that Excel (or a CSV consumer) would run as a formula if written unmarked. */
export const FORMULA_PAYLOADS = [
  "=cmd|' /C calc'!A0",
  "+1+1",
  "@SUM(1)",
  "-2+3",
  "＝1+1",
  "＋1+1",
  "－2+3",
  "＠SUM(1)",
  "\t=1+1",
  "\r=1+1",
  "\n=1+1",
  '=HYPERLINK("http://evil.example","x")',
  "=DDE(\"cmd\";\"/C calc\";\"A0\")",
  "-1+cmd|' /C calc'!A0",
] as const;

/** Strings that are harmless in a cell but must not become HTML or a link where they are shown. */
export const MARKUP_PAYLOADS = [
  IMG,
  "<script>alert(1)</script>",
  "[click](http://evil.example)",
  "![x](http://evil.example/x.png)",
  "<http://evil.example>",
  "javascript:alert(1)",
  "&lt;img src=x onerror=alert(1)&gt;",
  "cmd|' /C calc'!A0",
  "'=1+1",
] as const;

export const ALL_PAYLOADS: readonly string[] = [...FORMULA_PAYLOADS, ...MARKUP_PAYLOADS];

/** Sheet names Excel accepts (≤ 31 characters, none of : \ / ? * [ ]) that are payloads too. */
export const HOSTILE_SHEET_NAMES = [IMG, "=1+1", "+cmd|' C calc'!A0", "＝HYPERLINK(1)", "'quoted' <b>"] as const;

/** Rows of 附件3 whose 指标名称 (D) and 年度指标值 (E) the a3.target-unparsed finding echoes. */
const ECHO_ROWS = [19, 20, 21, 23] as const;

/**
 * The sample workbook with up to four payloads echoed by findings: each becomes the name and the
 * target of one indicator; optionally 附件3 is renamed (recognition goes by labels, not names).
 */
export function hostileSample(payloads: readonly string[], annex3Name = "附件3"): WorkbookSpec {
  if (payloads.length > ECHO_ROWS.length) throw new Error("at most four payloads per workbook");
  return {
    sheets: zhuzhouLuosongNpc2023.sheets.map((sheet): SheetSpec => {
      if (sheet.name !== "附件3") return sheet;
      const rows = sheet.rows.map((row) => [...row]) as CellSpec[][];
      payloads.forEach((payload, i) => {
        const row = rows[ECHO_ROWS[i]!]!;
        row[3] = payload;
        row[4] = payload;
      });
      return { ...sheet, name: annex3Name, rows };
    }),
  };
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes assets/samples/zhuzhou-luosong-npc-2023.docx: the seed report as it is published — its
 * text, then 附件2 and 附件3 as Word tables with merged cells, every number as published — from the
 * same sources as the sample workbook (src/samples) and the report text fixture. Byte-stable
 * (fixed document and zip dates). Run: npm run sample:docx [-- <output path>]
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from "docx";
import { parseRangeA1, type CellRange } from "../src/core/grid/address";
import { shownText, type SheetSpec } from "../src/adapters/memory/grid-spec";
import { withFixedZipTimestamps } from "../src/adapters/xlsx/write-xlsx";
import { segmentText } from "../src/core/report-text/segment";
import { zhuzhouLuosongNpc2023 } from "../src/samples/zhuzhou-luosong-npc-2023";

const ROOT = join(__dirname, "..");
const OUTPUT = process.argv[2] ?? join(ROOT, "assets", "samples", "zhuzhou-luosong-npc-2023.docx");
const TEXT = join(ROOT, "test", "fixtures", "report", "zhuzhou-luosong-npc-2023.txt");
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));
/** Where each annex's table is in its sheet (as scripts/make-sample.ts states them); the rows above are its caption, below its notes. */
const TABLES: Readonly<Record<string, string>> = { 附件2: "A3:G26", 附件3: "A3:I29" };

function paragraphs(text: string): Paragraph[] {
  return text.split("\n").map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

/** The sheet's table range as a Word table: merges as column spans and vertical merges. */
function wordTable(spec: SheetSpec, range: CellRange): Table {
  const merges = (spec.merges ?? []).map((m) => parseRangeA1(m, spec.name)!).filter((m) => m.top >= range.top && m.bottom <= range.bottom);
  const mergeAt = (r: number, c: number) => merges.find((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right);
  const rows: TableRow[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const cells: TableCell[] = [];
    for (let c = range.left; c <= range.right; c++) {
      const merge = mergeAt(r, c);
      if (merge && c !== merge.left) continue;
      const columnSpan = merge ? merge.right - merge.left + 1 : 1;
      const vertical = merge && merge.bottom > merge.top ? (r === merge.top ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE) : undefined;
      const text = merge && r !== merge.top ? "" : shownText(spec, r, c);
      cells.push(new TableCell({
        children: paragraphs(text),
        ...(columnSpan > 1 ? { columnSpan } : {}),
        ...(vertical ? { verticalMerge: vertical } : {}),
      }));
    }
    rows.push(new TableRow({ children: cells }));
  }
  const widths = Array.from({ length: range.right - range.left + 1 }, (_, i) => (spec.widths?.[range.left + i] ?? 9) * 120);
  return new Table({ rows, columnWidths: widths, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA } });
}

async function main(): Promise<void> {
  const text = await readFile(TEXT, "utf8");
  // The report's body only: the fixture goes on with the annex tables pasted as text.
  const body = text.slice(0, segmentText(text).bodyEnd).replace(/\n+$/, "");
  const children: (Paragraph | Table)[] = [...paragraphs(body)];
  for (const sheet of zhuzhouLuosongNpc2023.sheets) {
    const range = parseRangeA1(TABLES[sheet.name]!, sheet.name)!;
    for (let r = 0; r < range.top; r++) children.push(...paragraphs(shownText(sheet, r, 0)));
    children.push(wordTable(sheet, range));
    for (let r = range.bottom + 1; r < sheet.rows.length; r++) children.push(...paragraphs(shownText(sheet, r, 0)));
  }
  const document = new Document({
    creator: "annex-checker",
    lastModifiedBy: "annex-checker",
    title: "2023年度株洲市芦淞区人民代表大会常务委员会整体支出绩效自评报告",
    sections: [{ children }],
  });
  let bytes = await Packer.toBuffer(document);
  // Fixed document dates (docProps/core.xml) and zip dates: regenerating changes no byte.
  bytes = await fixCoreDates(bytes);
  await mkdir(dirname(OUTPUT), { recursive: true });
  await writeFile(OUTPUT, withFixedZipTimestamps(bytes, FIXED_DATE));
  console.log(relative(process.cwd(), OUTPUT) || OUTPUT);
}

async function fixCoreDates(bytes: Buffer): Promise<Buffer> {
  const { unzipSync, zipSync, strToU8, strFromU8 } = await import("fflate");
  const parts = unzipSync(new Uint8Array(bytes));
  const core = parts["docProps/core.xml"];
  if (core) {
    const iso = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, "Z");
    parts["docProps/core.xml"] = strToU8(strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${iso}`));
  }
  // Entries in name order, so the archive does not depend on the library's order either.
  const sorted = Object.fromEntries(Object.keys(parts).sort().map((k) => [k, parts[k]!]));
  return Buffer.from(zipSync(sorted, { mtime: FIXED_DATE }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

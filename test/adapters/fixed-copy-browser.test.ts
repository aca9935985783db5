/**
 * The web checker's corrected copy (issue 15): fixes applied through the memory host, written by
 * the same minimal-edit writer as --fix with the browser's deflate and CRC-32. Same changed parts as
 * the CLI's copy; reverted fixes are not in it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 as nodeCrc32 } from "node:zlib";
import { unzipSync } from "fflate";
import { appliedEdits, crc32, fixedCopy, fixedCopyName } from "../../src/adapters/xlsx/fixed-copy-browser";
import { MemoryHost, REVERT_LOG_KEY } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { readXlsxBytes } from "../../src/adapters/xlsx/read-bytes";
import { readXlsx } from "../../src/adapters/xlsx/read-xlsx";
import { planFixes, validate } from "../../src/core";

const SAMPLE = readFileSync(join(__dirname, "..", "..", "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx"));

async function loaded() {
  const read = await readXlsxBytes(new Uint8Array(SAMPLE).buffer);
  if (!read.ok) throw new Error("sample");
  return new MemoryHost(new MemoryWorkbook(read.snapshot));
}

test("CRC-32 agrees with zlib's", () => {
  for (const text of ["", "a", "附件3 绩效自评表", "x".repeat(100_000)]) {
    const bytes = new TextEncoder().encode(text);
    expect(crc32(bytes)).toBe(nodeCrc32(bytes));
  }
});

test("the fixes applied in the pane, as a copy of the dropped file: only the corrected sheets (and styles) differ; it re-checks clean of them", async () => {
  const host = await loaded();
  const read = await host.read();
  if (!read.ok) throw new Error("read");
  const fixes = planFixes(validate(read.snapshot).findings);
  expect((await host.apply(fixes)).ok).toBe(true);
  const edits = appliedEdits(host.settings.get(REVERT_LOG_KEY), host.workbook);
  expect(edits.map((e) => [e.at.sheet, e.at.row, e.at.col, e.before, e.after])).toEqual([["附件2", 3, 3, 0.6, 1.6667], ["附件3", 4, 8, 98, 10]]);
  const copy = fixedCopy(new Uint8Array(SAMPLE), edits);
  expect(copy.ok).toBe(true);
  if (!copy.ok) return;
  const before = unzipSync(new Uint8Array(SAMPLE));
  const after = unzipSync(copy.bytes);
  const changed = Object.keys(before).filter((k) => Buffer.compare(Buffer.from(before[k]!), Buffer.from(after[k]!)) !== 0).sort();
  expect(changed).toEqual(["xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
  const reread = await readXlsx(Buffer.from(copy.bytes));
  if (!reread.ok) throw new Error("copy unreadable");
  const findings = validate(reread.snapshot).findings;
  expect(findings.some((f) => f.ruleId === "a3.execution-score" || f.ruleId === "a2.staff-control-rate")).toBe(false);
  expect(reread.snapshot.sheets[0]!.cell(3, 3)).toEqual({ value: 1.6667, numberFormat: "0.00%" });
});

test("a reverted fix is not in the copy; no fix at all gives no edits", async () => {
  const host = await loaded();
  const read = await host.read();
  if (!read.ok) throw new Error("read");
  expect(appliedEdits(host.settings.get(REVERT_LOG_KEY), host.workbook)).toEqual([]);
  await host.apply(planFixes(validate(read.snapshot).findings));
  await host.revert();
  expect(appliedEdits(host.settings.get(REVERT_LOG_KEY), host.workbook)).toEqual([]);
});

test("the copy's name", () => {
  expect(fixedCopyName("甲单位.xlsx")).toBe("甲单位-已修正.xlsx");
  expect(fixedCopyName("宏.XLSM")).toBe("宏-已修正.XLSM");
  expect(fixedCopyName("无扩展名")).toBe("无扩展名-已修正.xlsx");
});

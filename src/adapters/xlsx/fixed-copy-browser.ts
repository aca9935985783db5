/**
 * The corrected copy in the browser (the web checker's 下载修正副本): the same minimal-edit writer
 * as the CLI's --fix (patch/fix-package.ts: only the corrected cells change, every other part of
 * the package byte for byte, the copy read back and compared before it is offered), with fflate's
 * deflate and a table CRC-32 instead of Node's zlib. Nothing leaves the browser.
 */
import { deflateSync } from "fflate";
import type { CellEdit } from "../../core/findings/finding";
import type { MemoryWorkbook } from "../memory/memory-workbook";
import { parseRevertLog } from "../../host/revert-log";
import { DEFAULT_INPUT_LIMITS } from "../limits";
import { fixPackage, type FixPackageResult } from "./patch/fix-package";
import type { ZipCodec } from "./patch/rewrite-zip";
import { inflateFflate } from "./read-bytes";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export const BROWSER_ZIP_CODEC: ZipCodec = { deflate: (data) => deflateSync(data, { level: 6 }), crc32 };

/**
 * The fixes applied in this session, as edits of the original file: for each cell in the revert
 * log, what it held first (before any fix) and what it holds now, with the number format the fix
 * gave it. A revert removes its batch from the log, so undone fixes are not in the copy.
 */
export function appliedEdits(revertLogRaw: string | undefined, workbook: MemoryWorkbook): CellEdit[] {
  if (!revertLogRaw) return [];
  const parsed = parseRevertLog(revertLogRaw);
  if (!parsed.ok) return [];
  // Per cell: its state before the first fix (the original file's), and its last write.
  const byCell = new Map<string, { first: (typeof parsed.log.entries)[number]; written: number | string }>();
  for (const entry of parsed.log.entries) {
    const key = `${entry.sheet}\u0000${entry.row}\u0000${entry.col}`;
    const known = byCell.get(key);
    byCell.set(key, { first: known?.first ?? entry, written: entry.written });
  }
  return [...byCell.values()].map(({ first, written }) => {
    const format = workbook.cell(first.sheet, first.row, first.col)?.numberFormat;
    return {
      at: { sheet: first.sheet, row: first.row, col: first.col },
      before: first.original?.value ?? null,
      after: written,
      ...(format !== undefined && format !== (first.original?.numberFormat ?? undefined) ? { numberFormat: format } : {}),
    };
  });
}

export function fixedCopy(original: Uint8Array, edits: readonly CellEdit[]): FixPackageResult {
  return fixPackage(original, edits, inflateFflate, BROWSER_ZIP_CODEC, DEFAULT_INPUT_LIMITS);
}

/** "单位.xlsx" → "单位-已修正.xlsx" (.xlsm stays .xlsm). */
export function fixedCopyName(name: string): string {
  const match = /^(.*?)(\.xls[xm])?$/i.exec(name);
  return `${match?.[1] || "工作簿"}-已修正${match?.[2] ?? ".xlsx"}`;
}

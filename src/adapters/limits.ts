/**
 * The hard limits on what the checker reads, and their messages. Each is far above any real
 * 自评 workbook or report (the README's table gives the numbers and what real files measure) and
 * far below what would exhaust an office PC: a file past one is refused at once with one line
 * naming the limit, never read until memory runs out. The CLI can raise each with
 * `--limit name=value` for the rare real file past one. No Node built-ins: the browser reader
 * uses the same limits.
 */
import type { Bilingual } from "../core/findings/finding";

export interface InputLimits {
  /** Size of an input file on disk. */
  readonly fileBytes: number;
  /** Inflated size of any one zip part (a sheet's XML, the shared strings, a .docx's document). */
  readonly partBytes: number;
  /** Inflated size of all the parts read from one file. */
  readonly totalBytes: number;
  /** Entries in a zip's directory. */
  readonly zipEntries: number;
  /** Cells holding a value or a format, in the whole workbook. */
  readonly cells: number;
  /** Merged ranges in one sheet. */
  readonly mergedRanges: number;
  /** Cells covered by the merged ranges of one sheet. */
  readonly mergedCells: number;
  /** Sheets in a workbook. */
  readonly sheets: number;
  /** Characters in one cell's text. */
  readonly stringChars: number;
  /** Characters of a report's text (--report). */
  readonly reportChars: number;
  /**
   * Inflated size of one XML part of a .docx report. Lower than partBytes: mammoth builds the whole
   * document in memory at about 15 times the XML's size (40 MB of XML took 600 MB).
   */
  readonly docxPartBytes: number;
  /** Seconds one file of a folder may take, read and check (in its worker). */
  readonly fileSeconds: number;
  /** Heap one worker of a folder run may use, in bytes. */
  readonly workerMemoryBytes: number;
}

const MiB = 2 ** 20;

// Real files, for scale: a 部门整体 workbook is 20–200 KB (a few thousand cells, < 100 merges,
// 2–10 sheets); a 1,000-project workbook 3 MB; the longest report text seen ~60,000 characters;
// Excel itself stops a cell at 32,767 characters. A check takes well under a second.
export const DEFAULT_INPUT_LIMITS: InputLimits = {
  fileBytes: 200 * MiB,
  partBytes: 256 * MiB,
  totalBytes: 512 * MiB,
  zipEntries: 20_000,
  cells: 5_000_000,
  mergedRanges: 50_000,
  mergedCells: 4_000_000,
  sheets: 1_000,
  stringChars: 100_000,
  reportChars: 10_000_000,
  docxPartBytes: 64 * MiB,
  fileSeconds: 60,
  workerMemoryBytes: 1024 * MiB,
};

export type LimitKey = keyof InputLimits;

interface LimitSpec {
  /** The option's name: `--limit <name>=<value>`. */
  readonly name: string;
  /** Bytes per unit of the option's value (MB options), else 1. */
  readonly scale: number;
  readonly what: Bilingual;
  readonly unit: Bilingual;
}

export const LIMIT_SPECS: Readonly<Record<LimitKey, LimitSpec>> = {
  fileBytes: { name: "file-mb", scale: MiB, what: { zh: "文件大小", en: "file size" }, unit: { zh: " MB", en: " MB" } },
  partBytes: { name: "part-mb", scale: MiB, what: { zh: "压缩包中单个部件解压后的大小", en: "unpacked size of one part of the package" }, unit: { zh: " MB", en: " MB" } },
  totalBytes: { name: "total-mb", scale: MiB, what: { zh: "解压后的总大小", en: "total unpacked size" }, unit: { zh: " MB", en: " MB" } },
  zipEntries: { name: "zip-entries", scale: 1, what: { zh: "压缩包中的条目数", en: "entries in the package" }, unit: { zh: " 个", en: "" } },
  cells: { name: "cells", scale: 1, what: { zh: "单元格数", en: "cells" }, unit: { zh: " 个", en: "" } },
  mergedRanges: { name: "merges", scale: 1, what: { zh: "一个工作表的合并区域数", en: "merged ranges in one sheet" }, unit: { zh: " 个", en: "" } },
  mergedCells: { name: "merged-cells", scale: 1, what: { zh: "一个工作表中合并区域覆盖的单元格数", en: "cells covered by the merged ranges of one sheet" }, unit: { zh: " 个", en: "" } },
  sheets: { name: "sheets", scale: 1, what: { zh: "工作表数（Word 报告中为表格数）", en: "sheets (tables, in a Word report)" }, unit: { zh: " 个", en: "" } },
  stringChars: { name: "string-chars", scale: 1, what: { zh: "单个单元格的文字长度", en: "characters in one cell" }, unit: { zh: " 字", en: " characters" } },
  docxPartBytes: { name: "docx-mb", scale: MiB, what: { zh: ".docx 中单个 XML 部件解压后的大小", en: "unpacked size of one XML part of the .docx" }, unit: { zh: " MB", en: " MB" } },
  reportChars: { name: "report-chars", scale: 1, what: { zh: "报告正文长度", en: "characters of report text" }, unit: { zh: " 字", en: " characters" } },
  fileSeconds: { name: "seconds", scale: 1, what: { zh: "单个文件的检查时间", en: "time to check one file" }, unit: { zh: " 秒", en: " s" } },
  workerMemoryBytes: { name: "memory-mb", scale: MiB, what: { zh: "检查单个文件的内存", en: "memory to check one file" }, unit: { zh: " MB", en: " MB" } },
};

const KEY_BY_NAME = new Map(Object.entries(LIMIT_SPECS).map(([key, spec]) => [spec.name, key as LimitKey]));

/** A limit reached while reading; the readers throw it and turn it into a "too-large" failure. */
export class InputLimitError extends Error {
  constructor(readonly limit: LimitKey, readonly value: number) {
    super(`${LIMIT_SPECS[limit].name} limit ${value} reached`);
  }
}

/** A limit's value as the option takes it (MB for sizes), with digit grouping. */
export function limitValueText(limit: LimitKey, value: number): string {
  const spec = LIMIT_SPECS[limit];
  const shown = spec.scale === 1 ? value : Math.round((value / spec.scale) * 10) / 10;
  return shown.toLocaleString("en");
}

/**
 * The one line for a file past a limit. `option`: name the CLI option that raises it (the CLI's
 * messages; the browser's have no options to name).
 */
export function limitMessage(limit: LimitKey, value: number, option: boolean): Bilingual {
  const spec = LIMIT_SPECS[limit];
  const amount = `${limitValueText(limit, value)}`;
  const raise = option ? { zh: `；确需检查可用 --limit ${spec.name}=<更大的值> 放宽`, en: `; to check it anyway, raise it with --limit ${spec.name}=<larger value>` } : { zh: "", en: "" };
  if (limit === "fileSeconds" || limit === "workerMemoryBytes") {
    // Met while checking, not before reading: the file was stopped, the others go on.
    return {
      zh: `无法完成检查：${spec.what.zh}超过上限 ${amount}${spec.unit.zh}，已停止检查此文件（其余文件照常检查${raise.zh}）`,
      en: `Could not finish: the ${spec.what.en} passed the limit of ${amount}${spec.unit.en}; this file was stopped (the others are checked as usual${raise.en})`,
    };
  }
  return {
    zh: `无法读取：${spec.what.zh}超过上限 ${amount}${spec.unit.zh}（远超任何自评表，为防止耗尽内存或长时间无响应未读取${raise.zh}）`,
    en: `Cannot read: the ${spec.what.en} passes the limit of ${amount}${spec.unit.en} (far beyond any self-evaluation workbook; not read, to protect memory and time${raise.en})`,
  };
}

/** `name=value` of --limit → the limit it sets, or a message. */
export function parseLimitOption(text: string): { key: LimitKey; value: number } | { error: Bilingual } {
  const match = /^\s*([a-z-]+)\s*=\s*([0-9][0-9_,]*(?:\.[0-9]+)?)\s*$/i.exec(text);
  const names = [...KEY_BY_NAME.keys()].join(", ");
  if (!match) return { error: { zh: `--limit 应写成 名称=数值，如 cells=10000000；名称可为 ${names}`, en: `--limit takes name=value, e.g. cells=10000000; names: ${names}` } };
  const key = KEY_BY_NAME.get(match[1]!.toLowerCase());
  if (key === undefined) return { error: { zh: `--limit 没有 ${match[1]} 这一项；可用 ${names}`, en: `--limit has no ${match[1]}; names: ${names}` } };
  const amount = Number(match[2]!.replace(/[_,]/g, ""));
  const value = Math.round(amount * LIMIT_SPECS[key].scale);
  if (!Number.isFinite(value) || value < 1 || !Number.isSafeInteger(value)) {
    return { error: { zh: `--limit ${match[1]} 应为正数`, en: `--limit ${match[1]} must be a positive number` } };
  }
  return { key, value };
}

/**
 * The files a command line names: files as given, and each folder's workbooks, subfolders
 * included (a finance bureau keeps one folder per unit). The walk is bounded whatever the folder
 * holds: a link to a folder already visited (a loop, or the same folder twice) is not followed, a
 * link that loops on itself is not a folder, depth and count are capped. What was passed over is
 * counted, so the user is told.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";

/**
 * What the checker reads: workbooks (.xlsm like .xlsx), Word reports (.docx) and PDFs (best effort);
 * old binary files (.xls, .doc, .wps) are listed too, each to get its "save as" line rather than
 * pass unmentioned.
 */
const WORKBOOK_NAME = /\.(?:xls[xm]?|docx?|wps|pdf)$/i;
// Folders deeper than any filing system of reports, and more files than a province's units.
const MAX_DEPTH = 16;
const MAX_FILES = 100_000;

export interface Skipped {
  /** Files that are neither workbooks nor Word reports (PDFs, images, archives): not inputs. */
  readonly other: number;
  /** Links to a folder already walked (a loop, or the same folder reached twice). */
  readonly revisits: number;
  /** Folders that could not be listed (no permission, gone). */
  readonly unlisted: number;
  /** Folders past the depth limit, and files past the count limit. */
  readonly beyondLimits: number;
}

export interface WalkedInputs {
  readonly paths: readonly string[];
  /** More than one input, or any folder: the report is a folder report. */
  readonly folder: boolean;
  readonly skipped: Skipped;
}

export function walkInputs(inputs: readonly string[]): WalkedInputs {
  const paths: string[] = [];
  const visited = new Set<string>();
  const skipped = { other: 0, revisits: 0, unlisted: 0, beyondLimits: 0 };
  let folder = inputs.length > 1;

  const walk = (dir: string, depth: number) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      skipped.unlisted++;
      return;
    }
    if (visited.has(real)) {
      skipped.revisits++;
      return;
    }
    visited.add(real);
    if (depth > MAX_DEPTH) {
      skipped.beyondLimits++;
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      skipped.unlisted++;
      return;
    }
    const files: string[] = [];
    const folders: string[] = [];
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path))) {
        folders.push(path);
      } else if (WORKBOOK_NAME.test(entry.name) && !entry.name.startsWith("~$")) {
        // Whatever it is (a FIFO, a link loop, a real workbook), a workbook's name is listed: the
        // reader gives it its one line, so nothing named like a unit's file passes unmentioned.
        files.push(path);
      } else {
        skipped.other++;
      }
    }
    for (const file of files.sort()) {
      if (paths.length >= MAX_FILES) {
        skipped.beyondLimits++;
        continue;
      }
      paths.push(file);
    }
    for (const sub of folders.sort()) walk(sub, depth + 1);
  };

  for (const input of inputs) {
    if (isFolder(input)) {
      folder = true;
      walk(input, 0);
    } else {
      paths.push(input);
    }
  }
  return { paths, folder, skipped };
}

/** Whether the path is (or links to) a folder; a link loop or a missing target is not. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** One line about what the walk passed over, or null when it passed over nothing worth saying. */
export function skippedLine(skipped: Skipped): { zh: string; en: string } | null {
  const zh: string[] = [];
  const en: string[] = [];
  if (skipped.other > 0) {
    zh.push(`${skipped.other} 个非 Excel/Word/PDF 文件`);
    en.push(`${skipped.other} file(s) that are not workbooks, Word reports or PDFs`);
  }
  if (skipped.revisits > 0) {
    zh.push(`${skipped.revisits} 个指向已检查文件夹的链接（避免循环）`);
    en.push(`${skipped.revisits} link(s) to a folder already walked (a loop)`);
  }
  if (skipped.unlisted > 0) {
    zh.push(`${skipped.unlisted} 个无法打开的文件夹`);
    en.push(`${skipped.unlisted} folder(s) that could not be opened`);
  }
  if (skipped.beyondLimits > 0) {
    zh.push(`${skipped.beyondLimits} 项超出层级（${MAX_DEPTH} 层）或数量（${MAX_FILES.toLocaleString("en")} 个）上限`);
    en.push(`${skipped.beyondLimits} beyond the depth (${MAX_DEPTH}) or count (${MAX_FILES.toLocaleString("en")}) limit`);
  }
  return zh.length === 0 ? null : { zh: `已跳过：${zh.join("，")}`, en: `skipped: ${en.join(", ")}` };
}

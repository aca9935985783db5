/**
 * Writing an output file so that it is never seen half-written: the bytes go to a hidden
 * temporary file beside it, are flushed to disk, and only then take the output's name in one
 * step. A full disk, a crash or a SIGKILL leaves the output as it was (absent, or the old file)
 * and at most a ".<name>.<pid>.tmp" file, never an empty or truncated workbook that a later run
 * would then refuse as "already exists". Two runs writing the same output each rename a whole
 * file: the last one wins, and the file is always one of them, complete.
 */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

export type AtomicWriteResult = { readonly ok: true } | { readonly ok: false; readonly reason: "exists" | "write-failed"; readonly detail: string };

/** Writes `bytes` to `path`; without `replace`, an existing file is left alone ("exists"). */
export function writeFileAtomic(path: string, bytes: Uint8Array, options: { readonly replace: boolean }): AtomicWriteResult {
  // The output's name, cut so that the temporary name stays within a file system's 255 bytes.
  const stem = Buffer.from(basename(path)).subarray(0, 180).toString().replace(/\uFFFD+$/, "");
  const temp = join(dirname(path), `.${stem}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, "wx", 0o666);
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    if (options.replace) {
      renameSync(temp, path);
      return { ok: true };
    }
    // A hard link fails if the name exists, in one step: no window between a check and the write.
    try {
      linkSync(temp, path);
    } catch (error) {
      if (code(error) === "EEXIST") return { ok: false, reason: "exists", detail: "exists" };
      // File systems without hard links (FAT, some network shares): check, then rename.
      if (exists(path)) return { ok: false, reason: "exists", detail: "exists" };
      renameSync(temp, path);
      return { ok: true };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: code(error) === "EEXIST" && options.replace === false ? "exists" : "write-failed", detail: describe(error) };
  } finally {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed into place, or never created.
    }
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function code(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
}

function describe(error: unknown): string {
  const c = code(error);
  if (c === "ENOSPC") return "磁盘已满 / disk full";
  if (c === "EACCES" || c === "EPERM") return "没有写入权限 / no permission to write there";
  if (c === "ENOENT") return "文件夹不存在 / the folder does not exist";
  if (c === "EROFS") return "只读位置 / read-only location";
  return c || (error instanceof Error ? error.message.split("\n")[0]!.slice(0, 120) : "unknown");
}

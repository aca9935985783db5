/**
 * Reading an input file whole, for the CLI (Node): only a regular file, and never more than a
 * limit. A FIFO named .xlsx would block a plain read forever, /dev/zero would fill memory, a
 * symbolic link loop or a folder would fail with a misleading "damaged": each is answered here in
 * one line, before any byte is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { limitFailure, readFailure, type XlsxReadFailure } from "../xlsx/sniff";

export type FileProblem = "missing" | "folder" | "not-regular" | "link-loop" | "no-permission" | "unreadable";

/** The bytes, or why not (with the messages every reader of files shares, src/adapters/xlsx/sniff.ts). */
export type RegularFileRead = { readonly ok: true; readonly bytes: Buffer } | XlsxReadFailure;


// O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, forever. It changes nothing
// for a regular file. (Windows has no such flag and no FIFOs among files.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 1 << 20;

/** The file's bytes, when `path` is (or links to) a regular file of at most `maxBytes`. */
export function readRegularFile(path: string, maxBytes: number): RegularFileRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return problem(problemOfError(error));
  }
  try {
    // What was opened, not what the name pointed to a moment before: no swap between check and read.
    const info = fstatSync(fd);
    if (info.isDirectory()) return problem("folder");
    if (!info.isFile()) return problem("not-regular");
    if (info.size > maxBytes) return tooLarge(maxBytes);
    // Read to the end, whatever the size said (a file still being written grows), but never past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return tooLarge(maxBytes);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (error) {
    return problem(problemOfError(error));
  } finally {
    closeSync(fd);
  }
}

function problem(reason: FileProblem): RegularFileRead {
  return readFailure(reason);
}

function tooLarge(maxBytes: number): RegularFileRead {
  return limitFailure("fileBytes", maxBytes, true);
}

export function problemOfError(error: unknown): FileProblem {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return "missing";
    case "EISDIR":
      return "folder";
    case "ELOOP":
      return "link-loop";
    case "EACCES":
    case "EPERM":
      return "no-permission";
    case "ENXIO": // a socket, or a FIFO opened for writing with no reader
    case "ENODEV":
      return "not-regular";
    default:
      return "unreadable";
  }
}

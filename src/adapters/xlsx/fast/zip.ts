/**
 * The zip container of an .xlsx: its central directory, and one entry's bytes on demand. Only
 * what OOXML packages use (stored and deflated entries, Zip64 sizes and offsets); the inflater is
 * passed in, so Node uses its native zlib and the browser a JavaScript one.
 *
 * Every size is checked before anything is allocated: an entry's declared size must be within the
 * caller's limit, and the inflater must stop as soon as its output passes that size, so a small
 * file that claims little and inflates to gigabytes (a zip bomb) ends quickly with "too large".
 */

import { InputLimitError } from "../../limits";

/** A damaged or unsupported container (a limit reached is an InputLimitError instead). */
export class ZipError extends Error {}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  /** The size the directory declares; the inflated data may not exceed it. */
  readonly size: number;
  readonly localOffset: number;
  readonly encrypted: boolean;
}

/**
 * Inflates raw deflate data. Must throw (any error) once the output would pass `limit` bytes,
 * without producing the rest.
 */
export type Inflate = (data: Uint8Array, limit: number) => Uint8Array;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u64(view: DataView, at: number): number {
  const value = view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  if (!Number.isSafeInteger(value)) throw new ZipError("size beyond 2^53");
  return value;
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/**
 * The entries of the archive by name (a leading "/" dropped). Throws ZipError when damaged,
 * InputLimitError past `maxEntries`.
 */
export function readDirectory(bytes: Uint8Array, maxEntries: number): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(bytes, view);
  let count = view.getUint16(eocd + 10, true);
  let directorySize = view.getUint32(eocd + 12, true);
  let directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
      const zip64 = u64(view, locator + 8);
      if (zip64 + 56 > bytes.length || view.getUint32(zip64, true) !== ZIP64_EOCD) throw new ZipError("bad Zip64 end record");
      count = u64(view, zip64 + 32);
      directorySize = u64(view, zip64 + 40);
      directoryOffset = u64(view, zip64 + 48);
    }
  }
  if (count > maxEntries) throw new InputLimitError("zipEntries", maxEntries);
  if (directoryOffset + directorySize > bytes.length) throw new ZipError("central directory past the end (truncated file)");
  const entries = new Map<string, ZipEntry>();
  const seen = new Set<string>();
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ZipError("bad central directory entry");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw new ZipError("central directory entry past the end");
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    let name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    // Zip64 extra field: the 8-byte values, in this order, for each 32-bit field that is saturated.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = view.getUint16(x, true);
      const length = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let p = x + 4;
        if (size === 0xffffffff && p + 8 <= x + 4 + length) { size = u64(view, p); p += 8; }
        if (compressedSize === 0xffffffff && p + 8 <= x + 4 + length) { compressedSize = u64(view, p); p += 8; }
        if (localOffset === 0xffffffff && p + 8 <= x + 4 + length) localOffset = u64(view, p);
      }
      x += 4 + length;
    }
    if (name.startsWith("/")) name = name.slice(1);
    // Two parts of one name (OPC compares names without case) make the package ambiguous: which
    // copy Excel, a virus scanner or this checker reads differs, so the file is refused as damaged.
    const folded = name.toLowerCase();
    if (seen.has(folded)) throw new ZipError(`two entries named ${name}`);
    seen.add(folded);
    entries.set(name, { name, method, compressedSize, size, localOffset, encrypted: (flags & 1) === 1 });
    at = end;
  }
  return entries;
}

function findEndOfDirectory(bytes: Uint8Array, view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes[at] === 0x50 && view.getUint32(at, true) === EOCD) return at;
  }
  throw new ZipError("no end of central directory (not a zip, or truncated)");
}

/** One entry's content, inflated within its declared size and `limit`. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, limit: number, inflate: Inflate): Uint8Array {
  if (entry.encrypted) throw new ZipError("encrypted zip entry");
  if (entry.size > limit) throw new InputLimitError("partBytes", limit);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ZipError("bad local header");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError("entry data past the end (truncated file)");
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipError("stored entry whose sizes differ");
    return data;
  }
  if (entry.method !== 8) throw new ZipError(`compression method ${entry.method}`);
  let out: Uint8Array;
  try {
    out = inflate(data, entry.size);
  } catch {
    // Past the declared size (a lying directory, a bomb) or damaged data.
    throw new ZipError(`${entry.name} does not inflate to its declared size`);
  }
  // As JSZip (exceljs's unzip) does: data shorter than declared is a damaged entry too.
  if (out.length !== entry.size) throw new ZipError(`${entry.name} inflates to ${out.length} bytes, not the declared ${entry.size}`);
  return out;
}

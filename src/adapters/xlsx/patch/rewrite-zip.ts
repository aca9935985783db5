/**
 * A zip archive with some entries' contents replaced and every other entry copied byte for byte:
 * its local header, compressed data and data descriptor exactly as they were, in the same order.
 * So a corrected workbook keeps its macros (vbaProject.bin), external links, connections, charts,
 * images, comments, pivot caches and custom XML untouched: the checker never needs to understand
 * them. Replaced entries are deflated afresh (injected, so the browser can use its own deflate).
 *
 * Zip64 archives are refused (PatchError): no workbook within the input limits needs one. No Node
 * built-ins.
 */
import { PatchError } from "./cells-xml";

export interface ZipCodec {
  readonly deflate: (data: Uint8Array) => Uint8Array;
  readonly crc32: (data: Uint8Array) => number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = 0x08074b50;
const ZIP64_LOCATOR = 0x07064b50;

interface CentralEntry {
  readonly name: string;
  /** The central directory record as it was (header, name, extra, comment). */
  readonly record: Uint8Array;
  readonly flags: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

/** The archive with `replaced` entries (by name) given new contents; all others copied as they were. */
export function rewriteZip(bytes: Uint8Array, replaced: ReadonlyMap<string, Uint8Array>, codec: ZipCodec): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endRecord(bytes, view);
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) throw new PatchError("Zip64 archive");
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  const commentLength = view.getUint16(end + 20, true);
  const entries = centralEntries(bytes, view, directoryOffset, count);
  const seen = new Set<string>();

  const chunks: Uint8Array[] = [];
  const records: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const replacement = replaced.get(entry.name);
    if (replacement !== undefined) seen.add(entry.name);
    const local = replacement === undefined ? copiedLocal(bytes, view, entry) : freshLocal(bytes, view, entry, replacement, codec);
    const record = replacement === undefined ? entry.record.slice() : local.record!;
    new DataView(record.buffer, record.byteOffset, record.byteLength).setUint32(42, offset, true);
    chunks.push(...local.chunks);
    records.push(record);
    offset += local.chunks.reduce((n, c) => n + c.length, 0);
  }
  for (const name of replaced.keys()) if (!seen.has(name)) throw new PatchError(`no entry ${name} to replace`);

  const directorySize = records.reduce((n, r) => n + r.length, 0);
  const tail = bytes.slice(end, end + 22 + commentLength);
  const tailView = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  tailView.setUint16(4, 0, true);
  tailView.setUint16(6, 0, true);
  tailView.setUint16(8, entries.length, true);
  tailView.setUint16(10, entries.length, true);
  tailView.setUint32(12, directorySize, true);
  tailView.setUint32(16, offset, true);
  return concat([...chunks, ...records, tail]);
}

function endRecord(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes[at] === 0x50 && view.getUint32(at, true) === END) return at;
  }
  throw new PatchError("no end of central directory");
}

function centralEntries(bytes: Uint8Array, view: DataView, offset: number, count: number): CentralEntry[] {
  const entries: CentralEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new PatchError("bad central directory");
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const localOffset = view.getUint32(at + 42, true);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new PatchError("Zip64 entry");
    const nameLength = view.getUint16(at + 28, true);
    const length = 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const flags = view.getUint16(at + 8, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(nameBytes).replace(/^\//, "");
    entries.push({ name, record: bytes.slice(at, at + length), flags, compressedSize, localOffset });
    at += length;
  }
  return entries;
}

function localHeaderLength(bytes: Uint8Array, view: DataView, at: number): number {
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new PatchError("bad local header");
  return 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

/** The entry's local header, data and data descriptor, exactly as in the input. */
function copiedLocal(bytes: Uint8Array, view: DataView, entry: CentralEntry): { chunks: Uint8Array[]; record?: Uint8Array } {
  const start = entry.localOffset;
  let end = start + localHeaderLength(bytes, view, start) + entry.compressedSize;
  if (entry.flags & 0x8) {
    // A data descriptor follows: crc, sizes (12 bytes), with an optional signature before them.
    end += end + 4 <= bytes.length && view.getUint32(end, true) === DESCRIPTOR ? 16 : 12;
  }
  if (end > bytes.length) throw new PatchError("entry past the end of the archive");
  return { chunks: [bytes.subarray(start, end)] };
}

/** A new local header and central record for new contents, keeping the entry's name, time and comment. */
function freshLocal(bytes: Uint8Array, view: DataView, entry: CentralEntry, data: Uint8Array, codec: ZipCodec): { chunks: Uint8Array[]; record: Uint8Array } {
  const start = entry.localOffset;
  localHeaderLength(bytes, view, start);
  const compressed = codec.deflate(data);
  const crc = codec.crc32(data) >>> 0;
  const nameLength = view.getUint16(start + 26, true);
  const name = bytes.subarray(start + 30, start + 30 + nameLength);
  const flags = entry.flags & 0x0800; // keep the UTF-8 name flag; no descriptor, no encryption
  const local = new Uint8Array(30 + nameLength);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, LOCAL, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, flags, true);
  lv.setUint16(8, 8, true);
  lv.setUint16(10, view.getUint16(start + 10, true), true); // time
  lv.setUint16(12, view.getUint16(start + 12, true), true); // date
  lv.setUint32(14, crc, true);
  lv.setUint32(18, compressed.length, true);
  lv.setUint32(22, data.length, true);
  lv.setUint16(26, nameLength, true);
  lv.setUint16(28, 0, true);
  local.set(name, 30);

  // The central record: the old one's name and comment, no extra field (it described the old data).
  const old = entry.record;
  const ov = new DataView(old.buffer, old.byteOffset, old.byteLength);
  const centralName = ov.getUint16(28, true);
  const extra = ov.getUint16(30, true);
  const comment = ov.getUint16(32, true);
  const record = new Uint8Array(46 + centralName + comment);
  record.set(old.subarray(0, 46), 0);
  record.set(old.subarray(46, 46 + centralName), 46);
  record.set(old.subarray(46 + centralName + extra, 46 + centralName + extra + comment), 46 + centralName);
  const rv = new DataView(record.buffer);
  rv.setUint16(6, 20, true);
  rv.setUint16(8, flags, true);
  rv.setUint16(10, 8, true);
  rv.setUint32(16, crc, true);
  rv.setUint32(20, compressed.length, true);
  rv.setUint32(24, data.length, true);
  rv.setUint16(30, 0, true);
  return { chunks: [local, compressed], record };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

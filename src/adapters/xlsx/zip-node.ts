/**
 * A zip archive from named parts, with Node's native deflate and CRC-32: what the CLI's writers
 * (and the fixture scripts) use to package a workbook (fflate's JavaScript deflate took most of
 * the summary's write time). Plain zip (no Zip64): the parts of a summary workbook are far below
 * 4 GB. Every entry carries the same fixed time, so the same content gives the same bytes.
 */
import { crc32, deflateRawSync } from "node:zlib";

export interface ZipOptions {
  /** Deflate level; 1 by default: a workbook's XML shrinks almost as much, in a third of the time of 6. */
  readonly level?: number;
  /** The time stamped on every entry; 2024-01-01 00:00 UTC by default. */
  readonly date?: Date;
}

/** An MS-DOS time and date (what zip headers hold) of a UTC time. */
export function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const DEFAULT_DATE = new Date(Date.UTC(2024, 0, 1));

export function zipParts(parts: Readonly<Record<string, Uint8Array>>, options: ZipOptions = {}): Buffer {
  const stamp = dosDateTime(options.date ?? DEFAULT_DATE);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(parts)) {
    const nameBytes = Buffer.from(name, "utf8");
    const compressed = deflateRawSync(data, { level: options.level ?? 1 });
    // The fields a local header and its central directory entry share, from `at` on.
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(0x0800, at); // UTF-8 names
      header.writeUInt16LE(8, at + 2); // deflate
      header.writeUInt16LE(stamp.time, at + 4);
      header.writeUInt16LE(stamp.date, at + 6);
      header.writeUInt32LE(crc32(data), at + 8);
      header.writeUInt32LE(compressed.length, at + 12);
      header.writeUInt32LE(data.length, at + 16);
      header.writeUInt16LE(nameBytes.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    shared(local, 6);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    shared(central, 8);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

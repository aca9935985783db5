/**
 * Reading .xlsx bytes in the browser (the demo's drop zone): the same package reader, checks,
 * messages and snapshot as the Node reader, with fflate's inflater instead of Node's zlib.
 */
import { Inflate as FflateInflate } from "fflate";
import type { XlsxReadResult } from "./sniff";
import { readXlsxPackage } from "./read-xlsx-package";
import type { Inflate } from "./fast/zip";

// Fed in small slices so that a zip bomb is stopped after at most a slice's worth of output.
const SLICE = 16 * 1024;

export const inflateFflate: Inflate = (data, limit) => {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new FflateInflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new Error("inflated data past its declared size");
    chunks.push(chunk);
  });
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  for (let at = 0; at < data.length; at += SLICE) inflater.push(data.subarray(at, Math.min(at + SLICE, data.length)), at + SLICE >= data.length);
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
};

export async function readXlsxBytes(buffer: ArrayBuffer): Promise<XlsxReadResult> {
  return readXlsxPackage(new Uint8Array(buffer), inflateFflate);
}

/**
 * The demo host over the bad-input corpus: the browser reader (read-bytes, what the DropZone
 * calls), a MemoryHost over the snapshot and the engine, run in Node. Same outcomes as the Node
 * reader, finding for finding; unreadable files give the message the DropZone shows.
 */
import { readFile } from "node:fs/promises";
import { readXlsx } from "../../src/adapters/xlsx";
import { readXlsxBytes } from "../../src/adapters/xlsx/read-bytes";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { validate, type Finding } from "../../src/core";
import { toA1 } from "../../src/core/grid/address";
import { READABLE, UNREADABLE, expectFindings, expectReadFailure, path, timeoutFor } from "./corpus";

async function bytesOf(file: string): Promise<ArrayBuffer> {
  const buffer = await readFile(path(file));
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

const key = (f: Finding) => `${f.ruleId} ${f.at ? `${f.at.sheet}!${toA1(f.at)}` : "-"} ${f.expected ?? ""} ${f.actual ?? ""}`;

describe.each(READABLE)("%s", (file, expected) => {
  test("dropped into the demo: checked like the CLI checks it", async () => {
    const dropped = await readXlsxBytes(await bytesOf(file));
    if (!dropped.ok) throw new Error(`${file} should be readable in the demo: ${dropped.reason}`);
    const host = new MemoryHost(new MemoryWorkbook(dropped.snapshot));
    const read = await host.read();
    const demo = validate(read.snapshot).findings;
    expectFindings(demo, expected, file);

    const node = await readXlsx(path(file));
    if (!node.ok) throw new Error(`${file}: the Node reader failed`);
    expect(demo.map(key)).toEqual(validate(node.snapshot).findings.map(key));
  }, 2 * timeoutFor(file));
});

describe.each(UNREADABLE)("%s", (file, expected) => {
  test(`dropped into the demo: ${expected.error}, message in both languages`, async () => {
    const dropped = await readXlsxBytes(await bytesOf(file));
    if (dropped.ok) throw new Error(`${file} was read`);
    expectReadFailure(dropped, expected);
  });
});

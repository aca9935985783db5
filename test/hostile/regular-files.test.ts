/**
 * Inputs that are not regular files: each ends at once with its own one-line message, before a
 * byte is read (issue 13). A FIFO would otherwise block the read forever, /dev/zero fill memory.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readRegularFile } from "../../src/adapters/files/read-regular-file";
import { readXlsx } from "../../src/adapters/xlsx/read-xlsx";
import { DEFAULT_INPUT_LIMITS } from "../../src/adapters/limits";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-regular-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const oneLine = (message: { zh: string; en: string }) => {
  expect(message.zh).toMatch(/^无法读取：[^\n]+$/);
  expect(message.en).toMatch(/^Cannot read: [^\n]+$/);
};

test("a FIFO named .xlsx is refused without waiting for a writer", async () => {
  const fifo = join(dir, "pipe.xlsx");
  execFileSync("mkfifo", [fifo]);
  const started = Date.now();
  const read = await readXlsx(fifo);
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(read).toMatchObject({ ok: false, reason: "not-regular" });
  if (!read.ok) oneLine(read.message);
});

test.each(["/dev/zero", "/dev/urandom", "/dev/null"])("%s is not a regular file", async (device) => {
  const read = await readXlsx(device);
  expect(read).toMatchObject({ ok: false, reason: "not-regular" });
});

test("a symbolic link loop is called a loop, not a damaged file", async () => {
  const loop = join(dir, "loop.xlsx");
  symlinkSync("loop.xlsx", loop);
  const read = await readXlsx(loop);
  expect(read).toMatchObject({ ok: false, reason: "link-loop" });
  if (!read.ok) oneLine(read.message);
});

test("a folder is a folder; a missing file is missing", async () => {
  expect(await readXlsx(dir)).toMatchObject({ ok: false, reason: "folder" });
  expect(await readXlsx(join(dir, "nope.xlsx"))).toMatchObject({ ok: false, reason: "missing" });
  expect(await readXlsx(join(dir, "nope", "x.xlsx"))).toMatchObject({ ok: false, reason: "missing" });
});

test("a link to a regular file is read through the link", () => {
  const target = join(dir, "real.bin");
  writeFileSync(target, "abc");
  const link = join(dir, "link.bin");
  symlinkSync(target, link);
  const read = readRegularFile(link, 10);
  expect(read.ok && read.bytes.toString()).toBe("abc");
});

test("a file over the size limit is refused, naming the limit and the option", async () => {
  const big = join(dir, "big.xlsx");
  writeFileSync(big, Buffer.alloc(5_000));
  const read = await readXlsx(big, { ...DEFAULT_INPUT_LIMITS, fileBytes: 4_096 });
  expect(read).toMatchObject({ ok: false, reason: "too-large", limit: { key: "fileBytes", value: 4_096 } });
  if (!read.ok) {
    oneLine(read.message);
    expect(read.message.zh).toContain("--limit file-mb=");
  }
  expect(readRegularFile(big, 5_000).ok).toBe(true);
});

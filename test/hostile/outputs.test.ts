/**
 * Outputs are whole or absent (issue 13): the atomic writer under a full disk and a kill, links in
 * the summary that stay relative whatever a unit's file is named.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileAtomic } from "../../src/adapters/files/write-atomic";
import { relativeLink } from "../../src/adapters/xlsx/write-summary";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annex-outputs-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeFileAtomic", () => {
  test("writes the bytes; refuses an existing file unless replacing; leaves no temporary file", () => {
    const path = join(dir, "a.xlsx");
    expect(writeFileAtomic(path, Buffer.from("one"), { replace: false })).toEqual({ ok: true });
    expect(writeFileAtomic(path, Buffer.from("two"), { replace: false })).toMatchObject({ ok: false, reason: "exists" });
    expect(readFileSync(path, "utf8")).toBe("one");
    expect(writeFileAtomic(path, Buffer.from("three"), { replace: true })).toEqual({ ok: true });
    expect(readFileSync(path, "utf8")).toBe("three");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("an output name near the file system's limit still gets its temporary file", () => {
    const path = join(dir, `${"很".repeat(80)}.xlsx`);
    expect(writeFileAtomic(path, Buffer.from("x"), { replace: false })).toEqual({ ok: true });
    expect(readFileSync(path, "utf8")).toBe("x");
  });

  test("a folder that does not exist: write-failed, nothing left behind", () => {
    expect(writeFileAtomic(join(dir, "nope", "a.xlsx"), Buffer.from("x"), { replace: false })).toMatchObject({ ok: false, reason: "write-failed" });
  });

  // A real full disk: a 64 KB tmpfs, where the machine lets the test mount one (root on Linux);
  // elsewhere this test is skipped, said in its name.
  const small = mkdtempSync(join(tmpdir(), "annex-full-"));
  let mounted = false;
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small], { stdio: "ignore" });
    mounted = true;
  } catch {
    mounted = false;
  }
  afterAll(() => {
    if (mounted) execFileSync("umount", [small]);
  });
  (mounted ? test : test.skip)("a full disk (64 KB tmpfs): the old file stays whole, no temporary file is left", () => {
    const path = join(small, "out.xlsx");
    writeFileSync(path, "old");
    const result = writeFileAtomic(path, Buffer.alloc(1024 * 1024, 1), { replace: true });
    expect(result).toMatchObject({ ok: false, reason: "write-failed" });
    expect(result.ok === false && result.detail).toContain("disk full");
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(readdirSync(small)).toEqual(["out.xlsx"]);
    const fresh = join(small, "new.xlsx");
    expect(writeFileAtomic(fresh, Buffer.alloc(1024 * 1024, 1), { replace: false })).toMatchObject({ ok: false, reason: "write-failed" });
    expect(existsSync(fresh)).toBe(false);
  });

  // Run from the compiled CLI (lib/, built by npm ci), in a child process that is killed.
  const compiled = join(__dirname, "..", "..", "lib", "adapters", "files", "write-atomic.js");
  (existsSync(compiled) ? test : test.skip)("a process killed while writing leaves no output at all (never an empty file)", async () => {
    const path = join(dir, "killed.xlsx");
    const script = `
      const { writeFileAtomic } = require(${JSON.stringify(compiled)});
      process.send("ready");
      writeFileAtomic(${JSON.stringify(path)}, Buffer.alloc(400 * 1024 * 1024, 7), { replace: false });
    `;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "ignore", "ignore", "ipc"] });
    await new Promise<void>((resolve) => child.once("message", () => resolve()));
    await new Promise((r) => setTimeout(r, 150));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(existsSync(path)).toBe(false);
  });
});

test("summary links stay relative whatever the unit's file is called", () => {
  const base = "/data/2024";
  expect(relativeLink(base, "/data/2024/units/a.xlsx")).toBe("./units/a.xlsx");
  expect(relativeLink(base, "/data/2024/http:evil.example.xlsx")).toBe("./http%3Aevil.example.xlsx");
  expect(relativeLink(base, "/data/2024/javascript:alert(1).xlsx")).toBe("./javascript%3Aalert(1).xlsx");
  expect(relativeLink(base, "/data/2024/\\\\host\\share\\x.xlsx")).toBe("./%5C%5Chost%5Cshare%5Cx.xlsx");
  expect(relativeLink(base, "/data/2024/a#b%c.xlsx")).toBe("./a%23b%25c.xlsx");
  expect(relativeLink(base, "/data/other/b.xlsx")).toBe("../other/b.xlsx");
  expect(relativeLink(base, "/data/2024/新建\n文件夹/单位.xlsx")).toBe("./新建%0A文件夹/单位.xlsx");
});

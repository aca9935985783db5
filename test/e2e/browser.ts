/**
 * Headless Chromium for end-to-end tests: Debian's chromium through playwright-core (never a
 * downloaded browser), and a tiny static server for the production build in dist/.
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css",
  ".png": "image/png", ".xml": "application/xml", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".json": "application/json", ".map": "application/json",
};

/** The built files the e2e tests load. */
const OUTPUTS = ["index.html", "taskpane.html", "taskpane.js", "demo.js"].map((f) => join(DIST, f));

/** What the production build is made from: a change to any of these makes dist/ stale. */
const BUILD_INPUTS = ["src", "assets", "docs/rules", "scripts/rules-page.js", "webpack.config.js", "manifest.xml", "package.json"];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/**
 * Builds dist/ unless it is already newer than every source it is made from: CI builds once before
 * the tests, and each e2e file would otherwise rebuild the same bundle (25 s or more each).
 * E2E_SKIP_BUILD=1 skips the check when dist/ exists.
 */
export function ensureBuild(): void {
  if (isFresh()) return;
  // Jest runs the e2e files in parallel workers: one builds while the others wait for it.
  const lock = `${DIST}.build-lock`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} held for 5 minutes: remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    if (!isFresh()) {
      execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], { cwd: ROOT, stdio: "ignore" });
      // webpack does not rewrite an output whose content is unchanged; the build is current all the same.
      const now = new Date();
      for (const output of OUTPUTS) utimesSync(output, now, now);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function isFresh(): boolean {
  if (!OUTPUTS.every(existsSync)) return false;
  if (process.env["E2E_SKIP_BUILD"] === "1") return true;
  const sources = Math.max(...BUILD_INPUTS.map((p) => join(ROOT, p)).filter(existsSync).map(newestMtime));
  // The oldest output counts, so a build that stopped halfway is never taken for a current one.
  return Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs)) > sources;
}

/** Registers beforeAll/afterAll for a file of browser tests: a fresh build if needed, the static server, Chromium. */
export function useBrowserOnDist(): { readonly browser: () => Browser; readonly url: () => string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  beforeAll(async () => {
    ensureBuild();
    server = await serveDist();
    browser = await launchChromium();
  }, 180000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    browser: () => browser ?? fail("Chromium did not start"),
    url: () => server?.url ?? fail("the static server did not start"),
  };
}

function fail(message: string): never {
  throw new Error(message);
}

export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]!);
    const file = normalize(join(DIST, path === "/" ? "index.html" : path));
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic",
    ],
  });
}

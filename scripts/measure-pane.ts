/**
 * Measures the production task pane: gzip size of the bundles, and the time from navigation to
 * an interactive pane (the 一键校验 button enabled) in headless Chromium over the demo host.
 * Run after `npm run build`: node scripts/run-ts.js scripts/measure-pane.ts
 */
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { launchChromium, serveDist, DIST } from "../test/e2e/browser";

async function main(): Promise<void> {
  for (const file of ["taskpane.js", "demo.js", "office-loader.js"]) {
    const bytes = readFileSync(join(DIST, file));
    console.log(`${file}: ${bytes.length} B raw, ${gzipSync(bytes, { level: 9 }).length} B gzip`);
  }
  // What loads later, when first used (全部修正, 为什么, settings, report text, template, writers…).
  const lazy = readdirSync(DIST).filter((f) => /\.[0-9a-f]{8}\.js$/.test(f)).sort();
  for (const file of lazy) console.log(`  on demand ${file}: ${gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length} B gzip`);
  const server = await serveDist();
  const browser = await launchChromium();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await (await browser.newContext()).newPage();
    const start = Date.now();
    await page.goto(server.url);
    await page.getByRole("button", { name: "一键校验" }).waitFor({ state: "visible" });
    times.push(Date.now() - start);
    const t0 = Date.now();
    await page.getByRole("button", { name: "一键校验" }).click();
    await page.getByTestId("summary").waitFor();
    console.log(`run ${i + 1}: interactive ${times[i]} ms, check ${Date.now() - t0} ms`);
    await page.context().close();
  }
  times.sort((a, b) => a - b);
  console.log(`median load → interactive: ${times[2]} ms`);
  await browser.close();
  await server.close();
}

void main();

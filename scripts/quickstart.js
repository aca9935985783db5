#!/usr/bin/env node
/**
 * `npm run quickstart` (the README's first command is `npm ci && npm run quickstart`): the CLI on
 * the bundled sample workbook, then the browser demo.
 *
 *   node scripts/quickstart.js [--no-demo]
 *
 * 1. `annex-check assets/samples/zhuzhou-luosong-npc-2023.xlsx` (bin/annex-check.js; the CLI is
 *    built into lib/ by npm's prepare step, and built here if lib/ is missing). The sample has
 *    deliberate mistakes, so the CLI's exit code 1 ("errors found") is the expected outcome.
 * 2. `npm run demo`: the dev server for the demo at http://localhost:3000/ (PORT=xxxx to change),
 *    in the foreground until Ctrl+C. --no-demo stops after step 1 (the tests use it).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawn, spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const SAMPLE = "assets/samples/zhuzhou-luosong-npc-2023.xlsx";

function main(args) {
  const unknown = args.filter((a) => a !== "--no-demo");
  if (unknown.length) {
    console.error(`quickstart: unknown argument(s) ${unknown.join(" ")}\nusage: node scripts/quickstart.js [--no-demo]`);
    return 2;
  }
  if (!fs.existsSync(path.join(ROOT, "node_modules"))) {
    console.error("quickstart: 请先运行 npm ci / run npm ci first");
    return 2;
  }
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) {
    const built = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "inherit" });
    if (built.status !== 0) return built.status || 1;
  }

  console.log(`\n== 1/2 命令行检查示例工作簿 The CLI on the bundled sample: annex-check ${SAMPLE} ==\n`);
  const check = spawnSync(process.execPath, [path.join(ROOT, "bin", "annex-check.js"), SAMPLE], { cwd: ROOT, stdio: "inherit" });
  if (check.status !== 0 && check.status !== 1) {
    console.error(`quickstart: annex-check 退出码 exit code ${check.status ?? check.signal}`);
    return check.status || 1;
  }
  console.log("\n（示例工作簿故意含有错误，退出码 1 即“发现错误” The sample has deliberate mistakes: exit code 1 means errors were found.）");
  console.log(`检查你自己的文件 Check your own file: npx annex-check 你的附件.xlsx   (--fix 输出.xlsx 写出修正副本 writes a corrected copy)`);

  if (args.includes("--no-demo")) return 0;
  const port = Number(process.env.PORT) || 3000;
  console.log(`\n== 2/2 演示 The demo: 编译后打开 open after it compiles: http://localhost:${port}/   (Ctrl+C 停止 stops it) ==\n`);
  const demo = spawn("npm", ["run", "--silent", "demo"], { cwd: ROOT, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => demo.kill(signal));
  demo.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1)));
  return undefined;
}

const code = main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;

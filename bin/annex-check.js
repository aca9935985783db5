#!/usr/bin/env node
// The CLI is compiled to lib/ by `npm run build:cli` (run by npm's prepare step on `npm ci`).
"use strict";
let main;
try {
  ({ main } = require("../lib/cli/main.js"));
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("annex-check 尚未构建，请先运行 npm run build:cli / not built yet: run npm run build:cli\n");
    process.exit(2);
  }
  throw error;
}
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`annex-check 内部错误 / internal error: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);

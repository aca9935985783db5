// Preloaded (node --require) into a measured process: on exit, its peak resident set in KiB on
// stderr, after a marker the benchmark looks for.
"use strict";
process.on("exit", () => {
  process.stderr.write(`\nPEAK_RSS_KIB ${process.resourceUsage().maxRSS}\n`);
});

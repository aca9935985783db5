#!/usr/bin/env node
/**
 * Which npm packages really ship: the ones webpack puts into each page's JavaScript (taskpane,
 * demo, office-loader, with their lazy chunks) and the ones the CLI loads at run time. The README's
 * "Security" section lists them from docs/bundle-packages.json, and test/build/production-bundle.test.ts
 * fails when a build's package set differs from that file, so the list cannot drift.
 *
 *   node scripts/bundle-packages.js            build into a temporary folder, print the packages and sizes
 *   node scripts/bundle-packages.js --write    ... and rewrite docs/bundle-packages.json
 *   node scripts/bundle-packages.js --check    exit 1 when the build differs from docs/bundle-packages.json
 *   node scripts/bundle-packages.js --markdown print the README's package list
 *   node scripts/bundle-packages.js --output-path DIR --json    build into DIR, print the result as JSON
 *
 * Sizes are the packages' source bytes that webpack took in (before minification): what each
 * package weighs relative to the others, not the bytes on the wire.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const DOC = path.join(ROOT, "docs", "bundle-packages.json");
const ENTRIES = ["taskpane", "demo", "office-loader"];
const CLI_ENTRY = path.join(ROOT, "src", "cli", "main.ts");

/** "node_modules/@scope/name/x.js" -> "@scope/name"; the last node_modules wins (nested copies). */
function packageOf(modulePath) {
  const parts = modulePath.replace(/\\/g, "/").split("/");
  const at = parts.lastIndexOf("node_modules");
  if (at < 0 || at + 1 >= parts.length) return null;
  const first = parts[at + 1];
  return first.startsWith("@") ? `${first}/${parts[at + 2]}` : first;
}

function versionOf(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

/** Leaf modules of a stats module (concatenated modules carry their parts in `modules`). */
function* leafModules(mod) {
  if (Array.isArray(mod.modules) && mod.modules.length > 0) {
    for (const inner of mod.modules) yield* leafModules(inner);
  } else {
    yield mod;
  }
}

/**
 * Per entry, the node_modules packages in the chunks it loads (its initial chunks and every lazy
 * chunk below them), with module count and source bytes. `statsJson` is stats.toJson() with
 * modules, chunks, chunkRelations, entrypoints and nestedModules.
 */
function packagesByEntry(statsJson, entries = ENTRIES) {
  const chunksById = new Map(statsJson.chunks.map((c) => [c.id, c]));
  const result = {};
  for (const entry of entries) {
    const entrypoint = statsJson.entrypoints[entry];
    if (!entrypoint) throw new Error(`no entrypoint ${entry} in the webpack stats`);
    const reachable = new Set();
    const queue = [...entrypoint.chunks];
    while (queue.length > 0) {
      const id = queue.pop();
      if (reachable.has(id)) continue;
      reachable.add(id);
      for (const child of chunksById.get(id)?.children ?? []) queue.push(child);
    }
    const packages = new Map();
    const seen = new Set();
    for (const mod of statsJson.modules) {
      if (!(mod.chunks ?? []).some((id) => reachable.has(id))) continue;
      for (const leaf of leafModules(mod)) {
        const where = leaf.nameForCondition || leaf.identifier || leaf.name || "";
        const name = packageOf(where);
        if (!name || seen.has(where)) continue;
        seen.add(where);
        const entryOf = packages.get(name) ?? { name, version: versionOf(name), modules: 0, bytes: 0 };
        entryOf.modules += 1;
        entryOf.bytes += leaf.size ?? 0;
        packages.set(name, entryOf);
      }
    }
    result[entry] = [...packages.values()].sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  }
  return result;
}

/** Bare imports of the TypeScript files reachable from the CLI entry through relative imports. */
function cliDirectPackages(entry = CLI_ENTRY) {
  const files = new Set();
  const packages = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    const source = fs.readFileSync(file, "utf8");
    // Type-only imports vanish at compile time and load nothing.
    const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import(?!\s+type\b)[^"';]*?from\s*|import\s*\(\s*|export\s+(?!type\b)[^"';]*?from\s*|require\(\s*|import\s+)["']([^"']+)["']/g)].map((m) => m[1]);
    for (const m of source.matchAll(/\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g)) specifiers.push(m[1]);
    for (const spec of specifiers) {
      if (spec.startsWith(".")) {
        const base = path.resolve(path.dirname(file), spec);
        const target = [".ts", ".tsx", "/index.ts", ""].map((ext) => base.replace(/\.js$/, "") + ext).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
        if (target) visit(target);
      } else if (!spec.startsWith("node:")) {
        packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
      }
    }
  };
  visit(entry);
  return [...packages].sort();
}

/** The production-dependency closure of some packages, from the installed package.json files. */
function dependencyClosure(names) {
  const closure = new Set();
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.pop();
    if (closure.has(name)) continue;
    closure.add(name);
    let manifest;
    try {
      manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8"));
    } catch {
      continue; // optional or platform-specific dependency that is not installed
    }
    for (const dep of Object.keys(manifest.dependencies ?? {})) queue.push(dep);
  }
  return [...closure].sort();
}

/** One production build of webpack.config.js into `outputPath`; resolves with its stats JSON. */
async function build(outputPath) {
  const webpack = require("webpack");
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config = await makeConfig({}, { mode: "production" });
  config.output = { ...config.output, path: outputPath };
  config.infrastructureLogging = { level: "error" };
  const compiler = webpack(config);
  const stats = await new Promise((resolve, reject) => {
    compiler.run((err, result) => (err ? reject(err) : resolve(result)));
  });
  await new Promise((resolve) => compiler.close(resolve));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return stats.toJson({
    all: false, modules: true, nestedModules: true, chunks: true, chunkRelations: true, entrypoints: true, ids: true, assets: true,
    cachedModules: true, orphanModules: false, runtimeModules: false, dependentModules: true, modulesSpace: Infinity, nestedModulesSpace: Infinity,
    groupModulesByCacheStatus: false, groupModulesByAttributes: false, groupModulesByPath: false, groupModulesByExtension: false, groupModulesByType: false, groupModulesByLayer: false,
    chunkModules: false, reasons: false, source: false,
  });
}

/** What docs/bundle-packages.json holds: package names and versions only (sizes are printed). */
function documented(byEntry, cli) {
  const names = (list) => list.map((p) => ({ name: p.name, version: p.version }));
  return {
    note: "Generated by `node scripts/bundle-packages.js --write`; checked by test/build/production-bundle.test.ts.",
    bundles: Object.fromEntries(Object.entries(byEntry).map(([entry, list]) => [entry, names([...list].sort((a, b) => a.name.localeCompare(b.name)))])),
    cli: { direct: cli.direct.map((name) => ({ name, version: versionOf(name) })), closureCount: cli.closure.length },
  };
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function main(argv) {
  const arg = (name) => argv.includes(name);
  const outAt = argv.indexOf("--output-path");
  const temporary = outAt < 0;
  const outputPath = temporary ? fs.mkdtempSync(path.join(os.tmpdir(), "annex-bundle-")) : path.resolve(argv[outAt + 1]);
  try {
    const stats = await build(outputPath);
    const byEntry = packagesByEntry(stats);
    const direct = cliDirectPackages();
    const cli = { direct, closure: dependencyClosure(direct) };
    const assets = stats.assets.filter((a) => a.name.endsWith(".js") && !a.name.startsWith("office/")).map((a) => ({ name: a.name, bytes: a.size }));
    if (arg("--markdown")) {
      // The README's package list: each page's packages, largest first, and the CLI's.
      const pane = byEntry.taskpane;
      const demoOnly = byEntry.demo.filter((p) => !pane.some((q) => q.name === p.name));
      const fmt = (p) => `\`${p.name}\` ${p.version} (${kib(p.bytes)})`;
      console.log(`- Task pane (\`taskpane.js\` and its lazy chunks), ${pane.length} packages: ${pane.map(fmt).join(", ")}.`);
      const paneOnly = pane.filter((p) => !byEntry.demo.some((q) => q.name === p.name));
      console.log(`- Demo (\`demo.js\`): the same${demoOnly.length ? ` plus ${demoOnly.map(fmt).join(", ")}` : ""}${paneOnly.length ? ` minus ${paneOnly.map((p) => `\`${p.name}\``).join(", ")}` : ""}; \`office-loader.js\`: ${byEntry["office-loader"].length === 0 ? "no package" : byEntry["office-loader"].map(fmt).join(", ")}.`);
      console.log(`- CLI (Node), imported directly: ${direct.map((name) => `\`${name}\` ${versionOf(name)}`).join(", ")}; ${cli.closure.length} installed packages with their dependencies.`);
      console.log(`- Emitted: ${assets.map((a) => `${a.name.replace(/\.[0-9a-f]{8}\.js$/, ".[hash].js")} ${kib(a.bytes)}`).join(", ")}.`);
    } else if (arg("--json")) {
      process.stdout.write(JSON.stringify({ outputPath, byEntry, cli, assets, documented: documented(byEntry, cli) }, null, 2) + "\n");
    } else {
      for (const [entry, list] of Object.entries(byEntry)) {
        console.log(`${entry}.js (with lazy chunks): ${list.length} packages`);
        for (const p of list) console.log(`  ${p.name}@${p.version}  ${p.modules} modules  ${kib(p.bytes)}`);
      }
      console.log(`emitted: ${assets.map((a) => `${a.name} ${kib(a.bytes)}`).join(", ")}`);
      console.log(`CLI direct runtime packages: ${direct.join(", ")} (${cli.closure.length} with their dependencies)`);
    }
    const doc = documented(byEntry, cli);
    if (arg("--write")) {
      fs.writeFileSync(DOC, JSON.stringify(doc, null, 2) + "\n");
      console.error(`wrote ${path.relative(ROOT, DOC)}`);
    }
    if (arg("--check")) {
      const current = fs.existsSync(DOC) ? JSON.parse(fs.readFileSync(DOC, "utf8")) : null;
      if (JSON.stringify(current) !== JSON.stringify(doc)) {
        console.error(`${path.relative(ROOT, DOC)} is out of date: run node scripts/bundle-packages.js --write and update the README`);
        return 1;
      }
    }
    return 0;
  } finally {
    if (temporary) fs.rmSync(outputPath, { recursive: true, force: true });
  }
}

module.exports = { packageOf, packagesByEntry, cliDirectPackages, dependencyClosure, documented, build, DOC };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error && error.stack ? error.stack : String(error));
      process.exitCode = 2;
    },
  );
}

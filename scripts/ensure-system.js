#!/usr/bin/env node
/**
 * Makes sure the Debian packages the full test run needs are on this machine, installing the
 * missing ones when it may. Plain Node, no dependencies: it runs before `npm ci` if need be.
 *
 *   node scripts/ensure-system.js [--check-only]
 *
 *   needs            found by                                                   Debian package
 *   chromium         an executable at $CHROMIUM_PATH, else /usr/bin/chromium     chromium
 *                    (where test/e2e/browser.ts launches it)
 *   xmllint          on PATH (scripts/validate-manifest.js runs it)              libxml2-utils
 *   Noto CJK font    `fc-list :lang=zh family` names a Noto Sans/Serif CJK font; fonts-noto-cjk
 *                    without fc-list, a NotoSansCJK/NotoSerifCJK file under the font folders
 *
 * Everything present: one line, exit 0, nothing run. Something missing:
 *   - root, or passwordless sudo (`sudo -n true`), and apt-get exists, and no --check-only:
 *     `apt-get install -y --no-install-recommends <missing packages>` (through `sudo -n` when not
 *     root). `apt-get update` runs first only when apt has no package lists yet, or once after an
 *     install that failed (stale lists), before the one retry. Then everything is looked for again.
 *   - otherwise: ONE line (Chinese and English) naming the exact command to run, exit 1.
 * Only `npm run test:all` (scripts/test-all.js) runs this; Jest never does.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

/** What the tests need, and the Debian package that brings it, in install order. */
const NEEDS = [
  { id: "chromium", label: "chromium", pkg: "chromium" },
  { id: "xmllint", label: "xmllint", pkg: "libxml2-utils" },
  { id: "cjkFont", label: "Noto CJK 字体 fonts", pkg: "fonts-noto-cjk" },
];
const APT_INSTALL = ["apt-get", "install", "-y", "--no-install-recommends"];
const FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts", path.join(os.homedir(), ".fonts"), path.join(os.homedir(), ".local", "share", "fonts")];
const CJK_FONT_NAME = /Noto (Sans|Serif)( Mono)? CJK/i;
const CJK_FONT_FILE = /^Noto(Sans|Serif)(Mono)?CJK.*\.(ttc|otf|ttf)$/i;

/**
 * The decision, from what was found; pure.
 *   state: { present: { chromium, xmllint, cjkFont: boolean }, root, sudo (passwordless),
 *            aptGet, aptLists (apt has package lists), checkOnly: boolean }
 * Returns one of
 *   { action: "none", line }
 *   { action: "install", packages, sudo, update: boolean (apt-get update first), commands: string[][], line }
 *   { action: "stop", packages, line }   (line: the one line to print; exit 1)
 */
function decide(state) {
  const missing = NEEDS.filter((need) => !state.present[need.id]);
  if (missing.length === 0) {
    return { action: "none", line: "系统软件包已齐全 System packages present: chromium, xmllint, Noto CJK fonts" };
  }
  const packages = missing.map((need) => need.pkg);
  const what = missing.map((need) => need.label).join(", ");
  if (!state.aptGet) {
    return {
      action: "stop",
      packages,
      line: `缺少 Missing: ${what}。本机没有 apt-get，请用系统的包管理器安装 No apt-get here: install them with your system's package manager (Debian/Ubuntu packages: ${packages.join(" ")})`,
    };
  }
  const sudo = !state.root;
  if (state.checkOnly || (!state.root && !state.sudo)) {
    const prefix = state.root ? "" : "sudo ";
    const command = `${prefix}apt-get update && ${prefix}${[...APT_INSTALL, ...packages].join(" ")}`;
    return { action: "stop", packages, line: `缺少系统软件包 Missing system packages: ${what}。请先运行 Run first: ${command}` };
  }
  const asRoot = (argv) => (sudo ? ["sudo", "-n", ...argv] : argv);
  const update = !state.aptLists;
  const commands = [...(update ? [asRoot(["apt-get", "update"])] : []), asRoot([...APT_INSTALL, ...packages])];
  return { action: "install", packages, sudo, update, commands, line: `正在安装 Installing: ${packages.join(" ")}${sudo ? " (sudo)" : ""}` };
}

/** The real probes of this machine; tests pass their own. */
function machineProbes(env = process.env) {
  const runs = (command, args) => {
    const result = spawnSync(command, args, { stdio: ["ignore", "pipe", "ignore"], encoding: "utf8", timeout: 60_000 });
    return result.error || result.status !== 0 ? null : result.stdout;
  };
  const isExecutable = (file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  };
  const onPath = (name) => (env.PATH || "").split(path.delimiter).filter(Boolean).some((dir) => isExecutable(path.join(dir, name)));
  const fontFileUnder = (dir, depth) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((e) => (e.isDirectory() ? depth > 0 && fontFileUnder(path.join(dir, e.name), depth - 1) : CJK_FONT_FILE.test(e.name)));
  };
  return {
    chromium: () => isExecutable(env.CHROMIUM_PATH || "/usr/bin/chromium"),
    xmllint: () => onPath("xmllint"),
    cjkFont: () => {
      const families = onPath("fc-list") ? runs("fc-list", [":lang=zh", "family"]) : null;
      if (families !== null && CJK_FONT_NAME.test(families)) return true;
      return FONT_DIRS.some((dir) => fontFileUnder(dir, 4));
    },
    root: () => typeof process.getuid === "function" && process.getuid() === 0,
    sudo: () => onPath("sudo") && runs("sudo", ["-n", "true"]) !== null,
    aptGet: () => onPath("apt-get"),
    aptLists: () => {
      try {
        return fs.readdirSync("/var/lib/apt/lists").some((name) => /_Packages(\.\w+)?$/.test(name));
      } catch {
        return false;
      }
    },
  };
}

/** Runs a command with its output shown; returns its exit status (null when it could not start). */
function runCommand(argv) {
  const result = spawnSync(argv[0], argv.slice(1), { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  return result.error ? null : result.status;
}

function presentNow(probes) {
  return Object.fromEntries(NEEDS.map((need) => [need.id, Boolean(probes[need.id]())]));
}

/**
 * Looks, decides and (when it may) installs. Returns the exit code; `log` gets every line printed
 * here, `run` runs a command (argv) and returns its exit status.
 */
function ensureSystem({ probes = machineProbes(), run = runCommand, log = (line) => console.log(line), checkOnly = false } = {}) {
  const present = presentNow(probes);
  const missingNow = NEEDS.some((need) => !present[need.id]);
  const state = missingNow
    ? { present, root: probes.root(), sudo: false, aptGet: probes.aptGet(), aptLists: probes.aptLists(), checkOnly }
    : { present, checkOnly };
  if (missingNow && !state.root && state.aptGet && !checkOnly) state.sudo = probes.sudo();
  const plan = decide(state);
  log(plan.line);
  if (plan.action === "none") return 0;
  if (plan.action === "stop") return 1;

  const install = plan.commands[plan.commands.length - 1];
  const show = (argv) => log(`$ ${argv.join(" ")}`);
  for (const argv of plan.commands) {
    show(argv);
    let status = run(argv);
    if (status !== 0 && argv === install && !plan.update) {
      // Old package lists name versions the mirror no longer has: refresh them once and retry.
      const update = plan.sudo ? ["sudo", "-n", "apt-get", "update"] : ["apt-get", "update"];
      show(update);
      if (run(update) === 0) {
        show(argv);
        status = run(argv);
      }
    }
    if (status !== 0) {
      log(`安装失败 Install failed (${argv.join(" ")} → exit ${status}): 请手动运行 run it by hand: ${plan.sudo ? "sudo " : ""}apt-get update && ${plan.sudo ? "sudo " : ""}${[...APT_INSTALL, ...plan.packages].join(" ")}`);
      return 1;
    }
  }
  const after = presentNow(probes);
  const still = NEEDS.filter((need) => !after[need.id]);
  if (still.length) {
    log(`安装后仍缺少 Still missing after the install: ${still.map((need) => need.label).join(", ")}${!after.chromium && process.env.CHROMIUM_PATH ? ` (CHROMIUM_PATH=${process.env.CHROMIUM_PATH})` : ""}`);
    return 1;
  }
  log(`已安装 Installed: ${plan.packages.join(" ")}`);
  return 0;
}

module.exports = { decide, ensureSystem, machineProbes, NEEDS, APT_INSTALL };

if (require.main === module) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== "--check-only");
  if (unknown.length) {
    console.error(`ensure-system: unknown argument(s) ${unknown.join(" ")}\nusage: node scripts/ensure-system.js [--check-only]`);
    process.exit(2);
  }
  process.exitCode = ensureSystem({ checkOnly: args.includes("--check-only") });
}

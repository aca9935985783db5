/**
 * The newcomer's two commands (README "快速开始 Quick start"): scripts/ensure-system.js decides what
 * to install from injected probes (nothing is really installed here), scripts/test-all.js closes
 * with CI's "N passed, N failed" line, and the README, package.json and .ci/run name the same
 * commands. A plain Jest run never installs anything.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

type Need = "chromium" | "xmllint" | "cjkFont";
interface State { present: Record<Need, boolean>; root?: boolean; sudo?: boolean; aptGet?: boolean; aptLists?: boolean; checkOnly?: boolean }
interface Plan { action: "none" | "install" | "stop"; line: string; packages?: string[]; sudo?: boolean; update?: boolean; commands?: string[][] }
interface Probes { chromium(): boolean; xmllint(): boolean; cjkFont(): boolean; root(): boolean; sudo(): boolean; aptGet(): boolean; aptLists(): boolean }
/* eslint-disable @typescript-eslint/no-require-imports */
const { decide, ensureSystem, machineProbes } = require("../../scripts/ensure-system.js") as {
  decide: (state: State) => Plan;
  ensureSystem: (options: { probes: Probes; run: (argv: string[]) => number | null; log: (line: string) => void; checkOnly?: boolean }) => number;
  machineProbes: (env?: NodeJS.ProcessEnv) => Probes;
};
const { closingLines, installState } = require("../../scripts/test-all.js") as {
  closingLines: (results: Record<string, number>) => string[];
  installState: (root: string) => "missing" | "stale" | "current";
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = join(__dirname, "..", "..");
const ALL = { chromium: true, xmllint: true, cjkFont: true };
const NONE = { chromium: false, xmllint: false, cjkFont: false };
const INSTALL_ALL = ["apt-get", "install", "-y", "--no-install-recommends", "chromium", "libxml2-utils", "fonts-noto-cjk"];

describe("decide: what to do given what is present", () => {
  test("everything present: nothing to do, one line, whoever runs it", () => {
    for (const root of [true, false]) {
      for (const aptGet of [true, false]) {
        const plan = decide({ present: ALL, root, sudo: false, aptGet, aptLists: false });
        expect(plan.action).toBe("none");
        expect(plan.line).toMatch(/已齐全.*present/);
      }
    }
  });

  test("root with apt-get and package lists: installs only the missing packages, no apt-get update", () => {
    expect(decide({ present: { ...ALL, chromium: false }, root: true, aptGet: true, aptLists: true })).toMatchObject({
      action: "install", sudo: false, update: false, packages: ["chromium"],
      commands: [["apt-get", "install", "-y", "--no-install-recommends", "chromium"]],
    });
    expect(decide({ present: { chromium: true, xmllint: false, cjkFont: false }, root: true, aptGet: true, aptLists: true }).commands)
      .toEqual([["apt-get", "install", "-y", "--no-install-recommends", "libxml2-utils", "fonts-noto-cjk"]]);
  });

  test("root on a fresh image without package lists: apt-get update first", () => {
    expect(decide({ present: NONE, root: true, aptGet: true, aptLists: false })).toMatchObject({
      action: "install", update: true, commands: [["apt-get", "update"], INSTALL_ALL],
    });
  });

  test("not root, passwordless sudo: the same commands through sudo -n", () => {
    expect(decide({ present: NONE, root: false, sudo: true, aptGet: true, aptLists: false })).toMatchObject({
      action: "install", sudo: true, commands: [["sudo", "-n", "apt-get", "update"], ["sudo", "-n", ...INSTALL_ALL]],
    });
  });

  test("not root and no passwordless sudo: one line with the exact sudo command, zh + en", () => {
    const plan = decide({ present: { ...ALL, cjkFont: false }, root: false, sudo: false, aptGet: true, aptLists: true });
    expect(plan.action).toBe("stop");
    expect(plan.line).not.toMatch(/\n/);
    expect(plan.line).toMatch(/缺少系统软件包 Missing system packages: Noto CJK/);
    expect(plan.line).toContain("请先运行 Run first: sudo apt-get update && sudo apt-get install -y --no-install-recommends fonts-noto-cjk");
  });

  test("--check-only never installs, even as root: the command without sudo", () => {
    const plan = decide({ present: NONE, root: true, sudo: true, aptGet: true, aptLists: true, checkOnly: true });
    expect(plan.action).toBe("stop");
    expect(plan.line).toContain(`Run first: apt-get update && ${INSTALL_ALL.join(" ")}`);
    expect(plan.line).not.toContain("sudo");
  });

  test("no apt-get: one line naming what is missing and the Debian packages, never an install", () => {
    for (const root of [true, false]) {
      const plan = decide({ present: { ...ALL, xmllint: false }, root, sudo: true, aptGet: false, aptLists: false });
      expect(plan.action).toBe("stop");
      expect(plan.line).not.toMatch(/\n/);
      expect(plan.line).toMatch(/xmllint.*没有 apt-get.*No apt-get.*libxml2-utils/);
    }
  });
});

describe("ensureSystem: the steps it runs, with fake probes and a fake runner", () => {
  /** A machine whose packages appear when the install command "succeeds". */
  function fakeMachine(options: { present: Record<Need, boolean>; root?: boolean; sudo?: boolean; aptGet?: boolean; aptLists?: boolean; installFailsUntilUpdate?: boolean; installBreaks?: boolean }) {
    const present = { ...options.present };
    let updated = false;
    const ran: string[] = [];
    const probed: string[] = [];
    const probe = (name: string, value: () => boolean) => () => (probed.push(name), value());
    const probes: Probes = {
      chromium: probe("chromium", () => present.chromium), xmllint: probe("xmllint", () => present.xmllint), cjkFont: probe("cjkFont", () => present.cjkFont),
      root: probe("root", () => options.root ?? true), sudo: probe("sudo", () => options.sudo ?? false),
      aptGet: probe("aptGet", () => options.aptGet ?? true), aptLists: probe("aptLists", () => options.aptLists ?? true),
    };
    const run = (argv: string[]) => {
      ran.push(argv.join(" "));
      if (argv.includes("update")) updated = true;
      if (!argv.includes("install")) return 0;
      if (options.installFailsUntilUpdate && !updated) return 100;
      if (!options.installBreaks) {
        if (argv.includes("chromium")) present.chromium = true;
        if (argv.includes("libxml2-utils")) present.xmllint = true;
        if (argv.includes("fonts-noto-cjk")) present.cjkFont = true;
      }
      return 0;
    };
    const lines: string[] = [];
    return { probes, run, lines, log: (line: string) => void lines.push(line), ran, probed };
  }

  test("all present: exit 0, one line, no command run and no root/sudo/apt probe", () => {
    const m = fakeMachine({ present: ALL });
    expect(ensureSystem(m)).toBe(0);
    expect(m.ran).toEqual([]);
    expect(m.lines).toHaveLength(1);
    expect(m.probed.sort()).toEqual(["chromium", "cjkFont", "xmllint"]);
  });

  test("missing packages as root: installs them, looks again, exit 0", () => {
    const m = fakeMachine({ present: { ...ALL, chromium: false, cjkFont: false } });
    expect(ensureSystem(m)).toBe(0);
    expect(m.ran).toEqual(["apt-get install -y --no-install-recommends chromium fonts-noto-cjk"]);
    expect(m.lines.at(-1)).toBe("已安装 Installed: chromium fonts-noto-cjk");
    expect(m.probed).not.toContain("sudo");
  });

  test("stale package lists: the failed install is retried once after apt-get update", () => {
    const m = fakeMachine({ present: { ...ALL, xmllint: false }, installFailsUntilUpdate: true });
    expect(ensureSystem(m)).toBe(0);
    expect(m.ran).toEqual([
      "apt-get install -y --no-install-recommends libxml2-utils",
      "apt-get update",
      "apt-get install -y --no-install-recommends libxml2-utils",
    ]);
  });

  test("an install that fails after the update: exit 1 with the command to run by hand", () => {
    const m = fakeMachine({ present: NONE, root: false, sudo: true, aptLists: false, installFailsUntilUpdate: true });
    const run = (argv: string[]) => (argv.includes("install") ? 100 : m.run(argv));
    expect(ensureSystem({ ...m, run })).toBe(1);
    expect(m.ran).toEqual(["sudo -n apt-get update"]);
    expect(m.lines.at(-1)).toMatch(/^安装失败 Install failed .*exit 100.*sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium libxml2-utils fonts-noto-cjk$/);
  });

  test("an install that 'succeeds' but leaves something missing: exit 1, naming it", () => {
    const m = fakeMachine({ present: { ...ALL, chromium: false }, installBreaks: true });
    expect(ensureSystem(m)).toBe(1);
    expect(m.lines.at(-1)).toMatch(/^安装后仍缺少 Still missing after the install: chromium/);
  });

  test("not allowed to install: one line, exit 1, nothing run", () => {
    for (const m of [fakeMachine({ present: NONE, root: false, sudo: false }), fakeMachine({ present: NONE, aptGet: false })]) {
      expect(ensureSystem(m)).toBe(1);
      expect(m.ran).toEqual([]);
      expect(m.lines).toHaveLength(1);
    }
    const checkOnly = fakeMachine({ present: NONE });
    expect(ensureSystem({ ...checkOnly, checkOnly: true })).toBe(1);
    expect(checkOnly.ran).toEqual([]);
  });
});

describe("the real probes and script (read-only)", () => {
  test("a missing CHROMIUM_PATH is not taken for chromium; the font is found without fc-list too", () => {
    const probes = machineProbes({ ...process.env, CHROMIUM_PATH: join(tmpdir(), "no-such-chromium") });
    expect(probes.chromium()).toBe(false);
    const real = machineProbes();
    if (real.cjkFont()) expect(machineProbes({ PATH: "/nonexistent" }).cjkFont()).toBe(true);
  });

  test("--check-only prints one line and installs nothing", () => {
    const out = spawnSync(process.execPath, [join(ROOT, "scripts", "ensure-system.js"), "--check-only"], { encoding: "utf8" });
    expect(out.stdout.trim().split("\n")).toHaveLength(1);
    expect([0, 1]).toContain(out.status);
    expect(out.stdout).toMatch(out.status === 0 ? /present/ : /Run first: |No apt-get/);
  });
});

describe("test-all: CI's closing line and the install check", () => {
  test("the closing line is computed from Jest's JSON, counting suites that failed to run", () => {
    expect(closingLines({ numPassedTests: 812, numFailedTests: 0, numFailedTestSuites: 0, numRuntimeErrorTestSuites: 0 })).toEqual(["812 passed, 0 failed"]);
    expect(closingLines({ numPassedTests: 10, numFailedTests: 2, numFailedTestSuites: 2, numRuntimeErrorTestSuites: 1 })).toEqual(["2 test suite(s) failed", "10 passed, 3 failed"]);
  });

  test("npm ci runs only on a fresh clone; a newer lockfile only warns", () => {
    const dir = mkdtempSync(join(tmpdir(), "test-all-"));
    try {
      writeFileSync(join(dir, "package-lock.json"), "{}");
      expect(installState(dir)).toBe("missing");
      mkdirSync(join(dir, "node_modules"));
      writeFileSync(join(dir, "node_modules", ".package-lock.json"), "{}");
      utimesSync(join(dir, "package-lock.json"), new Date(1_000_000), new Date(1_000_000));
      expect(installState(dir)).toBe("current");
      utimesSync(join(dir, "package-lock.json"), new Date(), new Date(Date.now() + 60_000));
      expect(installState(dir)).toBe("stale");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the README's two commands", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const quickStart = readme.slice(readme.indexOf("## 快速开始 Quick start"), readme.indexOf("\n## ", readme.indexOf("## 快速开始 Quick start") + 1));

  test("the quick start is the README's first section, with the two commands", () => {
    expect(readme.indexOf("## 快速开始 Quick start")).toBeGreaterThan(0);
    expect(readme.indexOf("## 快速开始 Quick start")).toBe(readme.indexOf("\n## ") + 1);
    expect(quickStart).toContain("npm ci && npm run quickstart");
    expect(quickStart).toContain("npm run test:all");
    expect(pkg.scripts["quickstart"]).toBe("node scripts/quickstart.js");
    expect(pkg.scripts["test:all"]).toBe("node scripts/test-all.js");
  });

  test(".ci/run calls exactly the README's test command", () => {
    const commands = readFileSync(join(ROOT, ".ci", "run"), "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
    expect(commands.at(-1)).toBe("exec npm run test:all");
    expect(commands.join("\n")).not.toMatch(/apt-get|npm ci|jest/);
  });

  test("only the README's command installs: no npm test hook and no Jest setup runs ensure-system", () => {
    expect(pkg.scripts["test"]).toBe("jest");
    expect(pkg.scripts["pretest"]).toBeUndefined();
    expect(pkg.scripts["posttest"]).toBeUndefined();
    const jestConfig = readFileSync(join(ROOT, "jest.config.js"), "utf8");
    expect(jestConfig).not.toMatch(/ensure-system|globalSetup/);
  });

  test("the first command's CLI half: annex-check on the bundled sample, exit 0 when it found the sample's errors", () => {
    const out = spawnSync(process.execPath, [join(ROOT, "scripts", "quickstart.js"), "--no-demo"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(out.stdout).toContain("annex-check assets/samples/zhuzhou-luosong-npc-2023.xlsx");
    expect(out.stdout).toMatch(/附件2：附件2!A1/);
    expect(out.stdout).toMatch(/错误 {2}a2\.staff-control-rate/);
  }, 60_000);
});

/**
 * Runs the project's real ESLint config through the ESLint API in one child process (ESLint loads
 * its flat config with a dynamic import, which Jest's VM cannot do): lints snippets as if they were
 * files of src, lints files, and tells which layer blocks of eslint.config.mjs apply to a file.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = join(__dirname, "..", "..");

/** The rules that enforce the layering (eslint.config.mjs, `layer()`). */
export const LAYER_RULES: readonly string[] = ["@typescript-eslint/no-restricted-imports", "no-restricted-syntax", "no-restricted-globals"];

export interface LintMessage {
  readonly ruleId: string | null;
  readonly message: string;
}

export interface FileMessage extends LintMessage {
  readonly file: string;
}

export interface Probe {
  /** Where the snippet pretends to live, relative to the repository root (it need not exist). */
  readonly file: string;
  readonly code: string;
}

export interface ProbeRequest {
  readonly probes?: readonly Probe[];
  /** Files or folders to lint as they are. */
  readonly lint?: readonly string[];
  /** Files whose layer blocks to list. */
  readonly layersOf?: readonly string[];
}

export interface ProbeResult {
  /** The messages of each probe, in order. */
  readonly probes: LintMessage[][];
  readonly lint: FileMessage[];
  /** For each file of `layersOf`: the names of the `layers/…` config blocks whose files/ignores match it. */
  readonly layersOf: Record<string, string[]>;
}

const RUNNER = `
(async () => {
  const { relative } = require("node:path");
  const { pathToFileURL } = require("node:url");
  const [eslintUrl, configUrl] = process.argv.slice(1);
  const { ESLint } = await import(eslintUrl);
  const request = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
  const cwd = process.cwd();
  const eslint = new ESLint({ cwd });
  const pick = (m) => ({ ruleId: m.ruleId, message: m.message });
  const out = { probes: [], lint: [], layersOf: {} };
  for (const probe of request.probes ?? []) {
    const [result] = await eslint.lintText(probe.code, { filePath: probe.file });
    out.probes.push(result ? result.messages.map(pick) : [{ ruleId: null, message: "not linted" }]);
  }
  if (request.lint?.length) {
    for (const result of await eslint.lintFiles(request.lint)) {
      for (const m of result.messages) out.lint.push({ file: relative(cwd, result.filePath), ...pick(m) });
    }
  }
  if (request.layersOf?.length) {
    // Which layer blocks match a file, by ESLint's own files/ignores matching: one instance per
    // block, with that block's files and ignores and a marker rule.
    const config = (await import(configUrl)).default.filter((block) => block.name?.startsWith("layers/"));
    for (const file of request.layersOf) out.layersOf[file] = [];
    for (const block of config) {
      const probe = new ESLint({
        cwd,
        overrideConfigFile: true,
        overrideConfig: [{ files: ["**/*.ts", "**/*.tsx"] }, { files: block.files, ignores: block.ignores ?? [], rules: { "no-debugger": "error" } }],
      });
      for (const file of request.layersOf) {
        const calculated = await probe.calculateConfigForFile(file);
        if (calculated?.rules?.["no-debugger"]) out.layersOf[file].push(block.name);
      }
    }
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => { console.error(error); process.exit(1); });
`;

export function runEslint(request: ProbeRequest): ProbeResult {
  const eslintUrl = pathToFileURL(require.resolve("eslint", { paths: [ROOT] })).href;
  const configUrl = pathToFileURL(join(ROOT, "eslint.config.mjs")).href;
  const run = spawnSync(process.execPath, ["-e", RUNNER, eslintUrl, configUrl], {
    cwd: ROOT,
    input: JSON.stringify(request),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`ESLint probe failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as ProbeResult;
}

/** Only the messages of the layering rules. */
export function layerMessages<T extends LintMessage>(messages: readonly T[]): T[] {
  return messages.filter((m) => m.ruleId !== null && LAYER_RULES.includes(m.ruleId));
}

/**
 * The core must stay pure: the ESLint boundary rule is what keeps it so. These tests prove the
 * rule fires (a rule that cannot fail protects nothing) and that the real core passes it.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const ESLINT = join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

interface LintMessage {
  readonly ruleId: string | null;
  readonly message: string;
}

/** ESLint loads its flat config with a dynamic import, which Jest's VM cannot do: run the real CLI. */
function lint(args: string[], stdin?: string): LintMessage[] {
  const run = spawnSync(process.execPath, [ESLINT, "--format", "json", ...args], { cwd: ROOT, input: stdin, encoding: "utf8" });
  const results = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
  return results.flatMap((r) => r.messages);
}

async function lintText(code: string, file: string): Promise<LintMessage[]> {
  return lint(["--stdin", "--stdin-filename", file], code);
}

async function lintCore(code: string): Promise<string[]> {
  return (await lintText(code, "src/core/boundary-probe.ts")).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("src/core boundary", () => {
  test.each([
    ['import { readFileSync } from "node:fs";\nexport const x = readFileSync;'],
    ['import * as React from "react";\nexport const x = React;'],
    ['import { Button } from "@fluentui/react-components";\nexport const x = Button;'],
    ['import ExcelJS from "exceljs";\nexport const x = ExcelJS;'],
    ['import { MemoryWorkbook } from "../adapters/memory";\nexport const x = MemoryWorkbook;'],
  ])("rejects an import of a host module: %s", async (code) => {
    const messages = await lintCore(code);
    expect(messages.some((m) => m.startsWith("@typescript-eslint/no-restricted-imports"))).toBe(true);
  });

  test.each(["Excel.run(async () => undefined);", "Office.onReady();", "export const w = window.innerWidth;", "document.title = 'x';", "export const e = process.env;"])(
    "rejects the host global in: %s",
    async (code) => {
      const messages = await lintCore(code);
      expect(messages.some((m) => m.startsWith("no-restricted-globals"))).toBe(true);
    },
  );

  test("the real core has no boundary violation", async () => {
    const violations = lint(["src/core"]).filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports" || m.ruleId === "no-restricted-globals");
    expect(violations).toEqual([]);
  });

  test("the same import is allowed outside the core", async () => {
    const messages = await lintText('import { readFileSync } from "node:fs";\nexport const x = readFileSync;', "src/cli/probe.ts");
    expect(messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports")).toEqual([]);
  });
});

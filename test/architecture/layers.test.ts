/**
 * The layering of src, core ← host ← adapters ← cli/taskpane/demo, is enforced by the layer
 * blocks of eslint.config.mjs (docs/architecture.md). For every layer these tests prove that an
 * upward import (and a package or global the layer may not use) is reported — a rule that cannot
 * fail protects nothing — and that what the layer may import is not; then that the real src passes
 * and that every file of src falls in exactly one layer.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT, layerMessages, runEslint, type LintMessage, type Probe } from "./eslint-probe";

const SAMPLE = "samples/zhuzhou-luosong-npc-2023";

/** `import * as` works for any module, values or types only, so one form fits every case. */
const imports = (spec: string): string => `import * as probe from "${spec}";\nexport const used = probe;\n`;
const reexports = (spec: string): string => `export * from "${spec}";\n`;
const loads = (spec: string): string => `export const load = () => import("${spec}");\n`;
const runs = (spec: string): string => `import "${spec}";\n`;

interface Case {
  readonly code: string;
  /** For a rejected case: a part of the message, naming the layer and what it may not use. */
  readonly says?: string;
}

interface Layer {
  readonly layer: string;
  /** Where the probes pretend to live. */
  readonly file: string;
  readonly rejected: readonly Case[];
  readonly allowed: readonly string[];
}

const LAYERS: readonly Layer[] = [
  {
    layer: "src/core",
    file: "src/core/engine/probe.ts",
    rejected: [
      { code: imports("../../host/ports"), says: "src/core may not import src/host" },
      { code: imports("../../adapters/memory"), says: "src/core may not import src/adapters" },
      { code: imports(`../../${SAMPLE}`), says: "src/core may not import src/samples" },
      { code: imports("../../cli/main"), says: "src/core may not import src/cli" },
      { code: imports("../../taskpane/components/App"), says: "src/core may not import src/taskpane" },
      { code: imports("../../demo/DemoGrid"), says: "src/core may not import src/demo" },
      { code: reexports("../../host/report-table"), says: "src/core may not import src/host" },
      { code: loads("../../adapters/xlsx"), says: "src/core may not import src/adapters" },
      { code: imports("exceljs"), says: "src/core may not import packages other than decimal.js and zod" },
      { code: imports("jszip"), says: "src/core may not import packages other than decimal.js and zod" },
      { code: imports("node:path"), says: "src/core may not import packages other than decimal.js and zod" },
      { code: loads("mammoth"), says: "src/core may not import packages other than decimal.js and zod" },
      { code: "export const d = document.title;\n", says: "src/core may not use document" },
      { code: "export type C = Excel.RequestContext;\n", says: "src/core may not use Excel" },
    ],
    allowed: [imports("../grid/address"), imports("./validate"), imports("../report/folder-summary"), imports("decimal.js"), imports("zod"), imports("zod/v4")],
  },
  {
    layer: "src/host",
    file: "src/host/probe.ts",
    rejected: [
      { code: imports("../adapters/memory/memory-host"), says: "src/host may not import src/adapters" },
      { code: imports("../adapters/office"), says: "src/host may not import src/adapters" },
      { code: imports(`../${SAMPLE}`), says: "src/host may not import src/samples" },
      { code: imports("../cli/main"), says: "src/host may not import src/cli" },
      { code: imports("../taskpane/state/view-model"), says: "src/host may not import src/taskpane" },
      { code: imports("../demo/DemoGrid"), says: "src/host may not import src/demo" },
      { code: loads("../adapters/xlsx"), says: "src/host may not import src/adapters" },
      { code: imports("exceljs"), says: "src/host may not import packages other than decimal.js and zod" },
      { code: imports("react"), says: "src/host may not import packages other than decimal.js and zod" },
      { code: imports("node:fs"), says: "src/host may not import packages other than decimal.js and zod" },
      { code: "Office.onReady();\n", says: "src/host may not use Office" },
      { code: "export const run = Excel.run;\n", says: "src/host may not use Excel" },
      { code: "export const w = window.innerWidth;\n", says: "src/host may not use window" },
      { code: "export const e = process.env;\n", says: "src/host may not use process" },
    ],
    allowed: [imports("../core"), imports("../core/grid/address"), imports("./ports"), imports("./revert-log"), imports("zod")],
  },
  {
    layer: "src/adapters (xlsx, docx and any other but office and memory)",
    file: "src/adapters/xlsx/probe.ts",
    rejected: [
      // The folder summary used to live in the CLI, which made the .xlsx adapter import upwards.
      { code: imports("../../cli/summary/pool"), says: "src/adapters may not import src/cli" },
      { code: imports("../../cli"), says: "src/adapters may not import src/cli" },
      { code: imports("../../taskpane/state/view-model"), says: "src/adapters may not import src/taskpane" },
      { code: imports("../../demo/DemoGrid"), says: "src/adapters may not import src/demo" },
      { code: imports(`../../${SAMPLE}`), says: "src/adapters may not import src/samples" },
      { code: loads("../../cli/main"), says: "src/adapters may not import src/cli" },
      { code: imports("react"), says: "src/adapters may not import React or Fluent UI" },
      { code: imports("@fluentui/react-components"), says: "src/adapters may not import React or Fluent UI" },
      { code: imports("@microsoft/office-js"), says: "src/adapters may not import Office.js" },
      { code: imports("cli-progress"), says: "src/adapters may not import cli-progress" },
      { code: "export const run = Excel.run;\n", says: "src/adapters may not use Excel" },
    ],
    allowed: [
      imports("../../core"),
      imports("../../core/report/folder-summary"),
      imports("../../host/ports"),
      imports("../memory/grid-spec"),
      imports("./snapshot"),
      imports("exceljs"),
      imports("jszip"),
      imports("node:fs/promises"),
      "export const copy = Buffer.from([]);\n",
    ],
  },
  {
    layer: "src/adapters/docx",
    file: "src/adapters/docx/probe.ts",
    rejected: [
      { code: imports("../../cli/main"), says: "src/adapters may not import src/cli" },
      { code: imports("../../taskpane/components/ReportTextPanel"), says: "src/adapters may not import src/taskpane" },
    ],
    allowed: [imports("mammoth"), loads("mammoth/mammoth.browser"), imports("node:fs/promises"), imports("../../core"), imports("./decode-text")],
  },
  {
    layer: "src/adapters/office",
    file: "src/adapters/office/probe.ts",
    rejected: [
      { code: imports("../../taskpane/components/App"), says: "src/adapters/office may not import src/taskpane" },
      { code: imports("../../demo/DemoGrid"), says: "src/adapters/office may not import src/demo" },
      { code: imports("../../cli/main"), says: "src/adapters/office may not import src/cli" },
      { code: imports(`../../${SAMPLE}`), says: "src/adapters/office may not import src/samples" },
      { code: imports("exceljs"), says: "src/adapters/office may not import a file-format library" },
      { code: imports("node:fs"), says: "src/adapters/office may not import Node built-ins" },
      { code: imports("fs/promises"), says: "src/adapters/office may not import Node built-ins" },
      { code: imports("react"), says: "src/adapters/office may not import React or Fluent UI" },
    ],
    allowed: [
      imports("../../core/grid/address"),
      imports("../../host/ports"),
      imports("../../host/text-safety"),
      imports("./cells"),
      "export const run = Excel.run;\nexport type C = Excel.RequestContext;\n",
      "export const ready = typeof Office !== 'undefined';\n",
    ],
  },
  {
    layer: "src/adapters/memory",
    file: "src/adapters/memory/probe.ts",
    rejected: [
      { code: imports("../../demo/DemoGrid"), says: "src/adapters/memory may not import src/demo" },
      { code: imports("../../taskpane/state/view-model"), says: "src/adapters/memory may not import src/taskpane" },
      { code: imports(`../../${SAMPLE}`), says: "src/adapters/memory may not import src/samples" },
      { code: imports("exceljs"), says: "src/adapters/memory may not import a file-format library" },
      { code: imports("node:fs"), says: "src/adapters/memory may not import Node built-ins" },
      { code: "Office.onReady();\n", says: "src/adapters/memory may not use Office" },
    ],
    allowed: [imports("../../core/grid/workbook"), imports("../../host/revert-log"), imports("../../host/ports"), imports("./grid-spec")],
  },
  {
    layer: "src/samples",
    file: "src/samples/probe.ts",
    rejected: [
      { code: imports("../host/ports"), says: "src/samples may not import src/host" },
      { code: imports("../adapters/xlsx"), says: "src/samples may not import adapters other than src/adapters/memory" },
      { code: imports("../adapters/office/cells"), says: "src/samples may not import adapters other than src/adapters/memory" },
      { code: imports("../cli/main"), says: "src/samples may not import src/cli" },
      { code: imports("../taskpane/components/App"), says: "src/samples may not import src/taskpane" },
      { code: imports("../demo/DemoGrid"), says: "src/samples may not import src/demo" },
      { code: imports("exceljs"), says: "src/samples may not import packages other than decimal.js and zod" },
      { code: "export const w = window;\n", says: "src/samples may not use window" },
    ],
    allowed: [
      'import type { CellSpec } from "../adapters/memory/grid-spec";\nexport const cell: CellSpec = 1;\n',
      imports("../adapters/memory/grid-spec"),
      imports("../core/grid/address"),
    ],
  },
  {
    layer: "src/cli",
    file: "src/cli/probe.ts",
    rejected: [
      { code: imports("./../taskpane/components/App"), says: "src/cli may not import src/taskpane" },
      { code: imports("../taskpane/preferences"), says: "src/cli may not import src/taskpane" },
      { code: imports("../demo/DemoGrid"), says: "src/cli may not import src/demo" },
      { code: loads("../demo"), says: "src/cli may not import src/demo" },
      { code: imports("react"), says: "src/cli may not import React or Fluent UI" },
      { code: imports("@fluentui/react-components"), says: "src/cli may not import React or Fluent UI" },
      { code: imports("@microsoft/office-js"), says: "src/cli may not import Office.js" },
      { code: imports("exceljs"), says: "src/cli may not import a file-format library" },
      { code: imports("mammoth"), says: "src/cli may not import a file-format library" },
      { code: "export const w = window.innerWidth;\n", says: "src/cli may not use window" },
      { code: "Office.onReady();\n", says: "src/cli may not use Office" },
    ],
    allowed: [
      imports("../core"),
      imports("../core/report/folder-summary"),
      imports("../host/ports"),
      imports("../adapters/xlsx"),
      imports("../adapters/xlsx/write-summary"),
      imports("../adapters/docx/read-docx"),
      imports(`../${SAMPLE}`),
      imports("./summary/pool"),
      imports("node:worker_threads"),
      imports("cli-progress"),
      imports("zod"),
      "export const argv = process.argv;\n",
    ],
  },
  {
    layer: "src/taskpane (all but its boot code)",
    file: "src/taskpane/components/Probe.tsx",
    rejected: [
      { code: imports("../../cli/main"), says: "src/taskpane may not import src/cli" },
      { code: imports("../../demo/DemoGrid"), says: "src/taskpane may not import src/demo" },
      { code: imports(`../../${SAMPLE}`), says: "src/taskpane may not import src/samples" },
      { code: imports("../../adapters/office"), says: "src/taskpane may not import src/adapters/office or src/adapters/memory" },
      { code: imports("../../adapters/memory/memory-host"), says: "src/taskpane may not import src/adapters/office or src/adapters/memory" },
      { code: loads("../../adapters/office/office-host"), says: "src/taskpane may not import src/adapters/office or src/adapters/memory" },
      { code: imports("node:fs"), says: "src/taskpane may not import Node built-ins" },
      { code: imports("exceljs"), says: "src/taskpane may not import a file-format library" },
      { code: loads("mammoth/mammoth.browser"), says: "src/taskpane may not import a file-format library" },
      { code: imports("@microsoft/office-js"), says: "src/taskpane may not import Office.js" },
      { code: "Office.onReady();\n", says: "src/taskpane may not use Office" },
      { code: "export type R = Excel.Range;\n", says: "src/taskpane may not use Excel" },
    ],
    allowed: [
      imports("../../core"),
      imports("../../host/ports"),
      imports("../../host/review-notes"),
      imports("../../adapters/docx/read-docx-browser"),
      imports("../state/view-model"),
      imports("react"),
      imports("@fluentui/react-components"),
      "export const w = window.innerWidth;\n",
    ],
  },
  {
    layer: "src/taskpane boot code",
    file: "src/taskpane/index.tsx",
    rejected: [
      { code: imports("../cli/main"), says: "src/taskpane may not import src/cli" },
      { code: imports("../demo/DemoGrid"), says: "src/taskpane may not import src/demo" },
      { code: imports("node:fs"), says: "src/taskpane may not import Node built-ins" },
      { code: imports("exceljs"), says: "src/taskpane may not import a file-format library" },
    ],
    allowed: [imports("../adapters/office"), imports("react-dom/client"), imports("./components/App"), runs("./no-eval"), "Office.onReady();\n"],
  },
  {
    layer: "src/demo",
    file: "src/demo/Probe.tsx",
    rejected: [
      { code: imports("../cli/main"), says: "src/demo may not import src/cli" },
      { code: runs("../cli/summary/worker"), says: "src/demo may not import src/cli" },
      { code: imports("node:fs"), says: "src/demo may not import Node built-ins" },
      { code: imports("exceljs"), says: "src/demo may not import a file-format library" },
      { code: imports("@microsoft/office-js"), says: "src/demo may not import Office.js" },
      { code: "Office.onReady();\n", says: "src/demo may not use Office" },
    ],
    allowed: [
      imports("../taskpane/components/App"),
      runs("../taskpane/no-eval"),
      imports(`../${SAMPLE}`),
      imports("../adapters/memory/memory-host"),
      loads("../adapters/xlsx/read-bytes"),
      imports("../host/ports"),
      imports("../core"),
      imports("react"),
      imports("react-dom/client"),
      imports("@fluentui/react-components"),
    ],
  },
];

function srcFiles(dir = join(ROOT, "src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return srcFiles(path);
    return /\.tsx?$/.test(entry.name) ? [relative(ROOT, path).split("\\").join("/")] : [];
  });
}

// One ESLint process for every probe, the real src and the layer of every file.
const probes: Probe[] = LAYERS.flatMap(({ file, rejected, allowed }) => [...rejected.map(({ code }) => ({ file, code })), ...allowed.map((code) => ({ file, code }))]);
const FILES = srcFiles();
let probed: LintMessage[][] = [];
let real: ReturnType<typeof runEslint>["lint"] = [];
let layersOf: Record<string, string[]> = {};

beforeAll(() => {
  const result = runEslint({ probes, lint: ["src"], layersOf: FILES });
  probed = result.probes;
  real = result.lint;
  layersOf = result.layersOf;
}, 120_000);

function messagesOf(file: string, code: string): string[] {
  const index = probes.findIndex((p) => p.file === file && p.code === code);
  return layerMessages(probed[index] ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe.each(LAYERS)("$layer", ({ file, rejected, allowed }) => {
  test.each(rejected)("reports $says in: $code", ({ code, says }) => {
    const messages = messagesOf(file, code);
    expect(messages.some((m) => m.includes(`${says}:`) && m.includes("docs/architecture.md"))).toBe(true);
  });

  test.each(allowed)("allows: %s", (code) => {
    expect(messagesOf(file, code)).toEqual([]);
  });
});

describe("the real src", () => {
  test("has no layering violation", () => {
    expect(layerMessages(real)).toEqual([]);
  });

  test("every file of src is in exactly one layer, the one of its folder", () => {
    const expected = (file: string): string => {
      const [, top, sub] = file.split("/");
      if (top === "adapters") return sub === "office" || sub === "memory" ? `layers/src/adapters/${sub}` : "layers/src/adapters";
      if (top === "taskpane" && ["index.tsx", "office-ready.ts", "office-loader.ts"].includes(sub ?? "")) return "layers/src/taskpane (boot)";
      return `layers/src/${top}`;
    };
    expect(FILES.length).toBeGreaterThan(50);
    const wrong = FILES.filter((f) => JSON.stringify(layersOf[f]) !== JSON.stringify([expected(f)])).map((f) => `${f}: ${JSON.stringify(layersOf[f])}`);
    expect(wrong).toEqual([]);
  });
});

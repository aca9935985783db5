// Lint with the architecture made executable: every layer of src imports only downwards,
// core ← host ← adapters ← cli/taskpane/demo, and each package stays in the layer it belongs to.
// docs/architecture.md explains the layers; test/architecture/ proves every rule fires.
import { builtinModules } from "node:module";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const DOCS = "see docs/architecture.md";

/** A relative import (`./…`, `../…`) whose path enters one of `folders` of src. */
const into = (folders) => `^\\.{1,2}/(.*/)?(${folders})(/|$)`;

/** Import paths, as regular expressions over the module specifier. */
const paths = {
  host: into("host"),
  adapters: into("adapters"),
  adaptersButMemory: "^\\.{1,2}/(.*/)?adapters(/(?!memory(/|$))|$)",
  hostAdapters: into("adapters/office|adapters/memory"),
  samples: into("samples"),
  cli: into("cli"),
  taskpane: into("taskpane"),
  demo: into("demo"),
  /** Any package except decimal.js and zod: what a pure layer may import besides itself. */
  packagesButPure: "^(?!\\.{1,2}/|decimal\\.js$|zod(/|$))",
  ui: "^(react|react-dom|@fluentui/[^/]+)(/|$)",
  office: "^(@microsoft/office-js|office-js)(/|$)",
  fileFormats: "^(exceljs|jszip|mammoth|docx)(/|$)",
  nodeBuiltins: `^(node:|(${builtinModules.filter((m) => !m.startsWith("_") && !m.includes("/")).join("|")})(/|$))`,
  cliProgress: "^cli-progress(/|$)",
};

const officeGlobals = ["Office", "Excel", "OfficeExtension"];
const browserGlobals = ["window", "document", "navigator", "localStorage", "sessionStorage", "fetch", "XMLHttpRequest"];
const nodeGlobals = ["process", "require", "Buffer", "__dirname", "__filename", "global"];

/** Why a package may not be imported outside the layers it belongs to. */
const packageReasons = {
  packagesButPure: "it is pure: besides itself and the layers below it, only decimal.js and zod — no Office, React, Fluent UI, exceljs, jszip, mammoth or Node built-ins",
  ui: "React and Fluent UI belong to the pane and the demo (src/taskpane, src/demo)",
  office: "Office.js is reached only through src/adapters/office and the pane's boot code",
  fileFormats: "file formats (exceljs, jszip, mammoth, docx) are read and written only in src/adapters",
  nodeBuiltins: "this code runs in the browser (the pane in Excel's web view, the demo); Node built-ins belong to the CLI and the Node-side adapters",
  cliProgress: "the progress bar is the CLI's",
};

/**
 * One layer's boundary: `imports` are [path key, why] pairs it may not import, `packages` the
 * package groups it may not import, `banned` the globals it may not touch. Imports are checked
 * statically (@typescript-eslint/no-restricted-imports, type-only imports included) and as
 * dynamic `import()` (no-restricted-syntax); globals as values (no-restricted-globals) and as
 * namespaces in types, `Excel.Range` (no-restricted-syntax). A file must match exactly one
 * layer, since a later block's options for a rule replace an earlier one's.
 */
function layer({ name, block = name, files, ignores = [], imports = [], packages = [], banned = [], bannedWhy = "" }) {
  const restrictions = [
    ...imports.map(([key, why]) => ({ regex: paths[key], message: `${name} may not import ${label(key)}: ${why} (${DOCS}).` })),
    ...packages.map((key) => ({ regex: paths[key], message: `${name} may not import ${label(key)}: ${packageReasons[key]} (${DOCS}).` })),
  ];
  const globalMessage = (g) => `${name} may not use ${g}: ${bannedWhy} (${DOCS}).`;
  return {
    name: `layers/${block}`,
    files,
    ignores,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: restrictions.map(({ regex, message }) => ({ regex, message })) }],
      "no-restricted-syntax": ["error", ...restrictions.map(({ regex, message }) => ({
        // esquery's /regex/ cannot contain a slash: \x2F is the same character.
        selector: `ImportExpression[source.value=/${regex.replaceAll("/", "\\x2F")}/]`,
        message,
      })), ...banned.map((g) => ({ selector: `TSQualifiedName > Identifier.left[name="${g}"]`, message: globalMessage(g) }))],
      "no-restricted-globals": banned.length ? ["error", ...banned.map((g) => ({ name: g, message: globalMessage(g) }))] : "off",
    },
  };
}

function label(key) {
  return {
    host: "src/host", adapters: "src/adapters", adaptersButMemory: "adapters other than src/adapters/memory",
    hostAdapters: "src/adapters/office or src/adapters/memory", samples: "src/samples", cli: "src/cli",
    taskpane: "src/taskpane", demo: "src/demo", packagesButPure: "packages other than decimal.js and zod",
    ui: "React or Fluent UI", office: "Office.js", fileFormats: "a file-format library", nodeBuiltins: "Node built-ins", cliProgress: "cli-progress",
  }[key];
}

const CORE_PURE = "the core is pure and knows no host, adapter or edge; they depend on it, never the reverse";
const HOST_BELOW = "the host port is the contract adapters implement and the pane calls; it depends on the core only";
const ADAPTERS_BELOW = "adapters are chosen and driven by the edges (CLI, pane, demo) and never call back up";
const EDGES_APART = "the edges (CLI, pane, demo) are independent and share code only through core, host and adapters";
const SAMPLE_IS_DEMO_DATA = "the seed workbook is data for the demo and the tests, not part of a library layer";

/** src/core: pure TypeScript. Only itself, decimal.js and zod. */
const coreBoundary = layer({
  name: "src/core",
  files: ["src/core/**/*.{ts,tsx}"],
  imports: [["host", CORE_PURE], ["adapters", CORE_PURE], ["samples", CORE_PURE], ["cli", CORE_PURE], ["taskpane", CORE_PURE], ["demo", CORE_PURE]],
  packages: ["packagesButPure"],
  banned: [...officeGlobals, ...browserGlobals, ...nodeGlobals],
  bannedWhy: "the core is pure, host globals belong to a host adapter",
});

/** src/host: the WorkbookHost port, revert log, report table and write messages shared by every host. Core only. */
const hostBoundary = layer({
  name: "src/host",
  files: ["src/host/**/*.{ts,tsx}"],
  imports: [["adapters", HOST_BELOW], ["samples", HOST_BELOW], ["cli", HOST_BELOW], ["taskpane", HOST_BELOW], ["demo", HOST_BELOW]],
  packages: ["packagesButPure"],
  banned: [...officeGlobals, ...browserGlobals, ...nodeGlobals],
  bannedWhy: "the host port is shared by every host (Excel, the demo, tests), so it may not assume any of them",
});

/** src/adapters/*: core, host and other adapters; never the edges or the sample. */
const adapterImports = [["samples", SAMPLE_IS_DEMO_DATA], ["cli", ADAPTERS_BELOW], ["taskpane", ADAPTERS_BELOW], ["demo", ADAPTERS_BELOW]];
const adaptersBoundary = layer({
  name: "src/adapters",
  files: ["src/adapters/**/*.{ts,tsx}"],
  ignores: ["src/adapters/office/**", "src/adapters/memory/**"],
  imports: adapterImports,
  packages: ["ui", "office", "cliProgress"],
  banned: officeGlobals,
  bannedWhy: "only src/adapters/office touches Excel",
});
/** The Office adapter runs in Excel's web view: Office.js, but no Node and no file-format library. */
const officeAdapterBoundary = layer({
  name: "src/adapters/office",
  files: ["src/adapters/office/**/*.{ts,tsx}"],
  imports: adapterImports,
  packages: ["ui", "fileFormats", "nodeBuiltins", "cliProgress"],
});
/** The memory adapter backs the demo in the browser and the tests: no Office, no Node, no file format. */
const memoryAdapterBoundary = layer({
  name: "src/adapters/memory",
  files: ["src/adapters/memory/**/*.{ts,tsx}"],
  imports: adapterImports,
  packages: ["ui", "office", "fileFormats", "nodeBuiltins", "cliProgress"],
  banned: officeGlobals,
  bannedWhy: "only src/adapters/office touches Excel",
});

/** src/samples: the seed workbook as data, in the memory adapter's WorkbookSpec format. */
const SAMPLE_IS_DATA = "the seed workbook is plain data in the memory adapter's WorkbookSpec format";
const samplesBoundary = layer({
  name: "src/samples",
  files: ["src/samples/**/*.{ts,tsx}"],
  imports: [["host", SAMPLE_IS_DATA], ["adaptersButMemory", SAMPLE_IS_DATA], ["cli", SAMPLE_IS_DATA], ["taskpane", SAMPLE_IS_DATA], ["demo", SAMPLE_IS_DATA]],
  packages: ["packagesButPure"],
  banned: [...officeGlobals, ...browserGlobals, ...nodeGlobals],
  bannedWhy: "the seed workbook is plain data",
});

/** src/cli: Node. Core, host, adapters (and the sample); never the pane or the demo. */
const cliBoundary = layer({
  name: "src/cli",
  files: ["src/cli/**/*.{ts,tsx}"],
  imports: [["taskpane", EDGES_APART], ["demo", EDGES_APART]],
  packages: ["ui", "office", "fileFormats"],
  banned: [...officeGlobals, "window", "document", "navigator", "localStorage", "sessionStorage"],
  bannedWhy: "the CLI runs in Node, where there is no Office and no DOM",
});

/** src/taskpane: the pane in Excel's web view. Only its boot code knows Office and picks the host. */
const TASKPANE_BOOT = ["src/taskpane/index.tsx", "src/taskpane/office-ready.ts", "src/taskpane/office-loader.ts"];
const taskpaneImports = [["cli", EDGES_APART], ["demo", "the demo renders the pane, not the reverse"], ["samples", "the pane checks the user's workbook; " + SAMPLE_IS_DEMO_DATA]];
const taskpaneBoundary = layer({
  name: "src/taskpane",
  files: ["src/taskpane/**/*.{ts,tsx}"],
  ignores: TASKPANE_BOOT,
  imports: [...taskpaneImports, ["hostAdapters", "the pane talks only to the WorkbookHost port; which host it gets is decided by its boot code (index.tsx) or by src/demo"]],
  packages: ["office", "fileFormats", "nodeBuiltins", "cliProgress"],
  banned: officeGlobals,
  bannedWhy: "only the pane's boot code (index.tsx, office-ready.ts, office-loader.ts) and src/adapters/office touch Office",
});
const taskpaneBootBoundary = layer({
  name: "src/taskpane",
  block: "src/taskpane (boot)",
  files: TASKPANE_BOOT,
  imports: taskpaneImports,
  packages: ["fileFormats", "nodeBuiltins", "cliProgress"],
});

/** src/demo: the browser demo; it renders the pane over the memory adapter and the sample. No Office, no Node. */
const demoBoundary = layer({
  name: "src/demo",
  files: ["src/demo/**/*.{ts,tsx}"],
  imports: [["cli", EDGES_APART]],
  packages: ["office", "fileFormats", "nodeBuiltins", "cliProgress"],
  banned: officeGlobals,
  bannedWhy: "the demo runs without Office, on the memory adapter",
});

export default tseslint.config(
  { ignores: ["node_modules/**", "lib/**", "dist/**", "coverage/**", "reports/**", ".stryker-tmp/**", "assets/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  { files: ["**/*.js", "**/*.mjs", "**/*.cjs"], languageOptions: { globals: { ...globals.node } }, rules: { "@typescript-eslint/no-require-imports": "off" } },
  coreBoundary,
  hostBoundary,
  adaptersBoundary,
  officeAdapterBoundary,
  memoryAdapterBoundary,
  samplesBoundary,
  cliBoundary,
  taskpaneBoundary,
  taskpaneBootBoundary,
  demoBoundary,
);

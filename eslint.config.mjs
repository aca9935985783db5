// Lint with one architectural promise made executable: src/core knows nothing of its hosts.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const hostModules = [
  "react", "react-dom", "react-dom/*", "react/*",
  "@fluentui/*", "@microsoft/office-js", "@microsoft/office-js/*", "office-js",
  "exceljs", "exceljs/*",
  "node:*", "fs", "fs/*", "path", "os", "child_process", "worker_threads", "url", "util", "stream", "crypto", "zlib", "http", "https", "net",
];

const coreBoundary = {
  files: ["src/core/**/*.ts"],
  languageOptions: { globals: {} },
  rules: {
    "@typescript-eslint/no-restricted-imports": ["error", {
      patterns: [
        { group: hostModules, message: "src/core is pure: no Office, React, Fluent UI, exceljs or Node built-ins (see docs/architecture.md)." },
        { group: ["**/adapters/**", "**/taskpane/**", "**/cli/**", "**/samples/**"], message: "src/core must not depend on adapters or hosts." },
      ],
    }],
    "no-restricted-globals": ["error",
      ...["Office", "Excel", "OfficeExtension", "window", "document", "navigator", "localStorage", "sessionStorage", "fetch", "XMLHttpRequest", "process", "require", "Buffer", "__dirname", "__filename", "global"]
        .map((name) => ({ name, message: `src/core is pure: ${name} belongs to a host adapter.` })),
    ],
  },
};

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
);

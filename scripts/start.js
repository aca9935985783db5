#!/usr/bin/env node
/**
 * npm start / npm run start:web: the webpack dev server for the task pane, plus the steps to
 * sideload the add-in into Excel.
 *
 *   node scripts/start.js [--web] [--http]
 *     --web   print the steps for Excel on the web (npm run start:web)
 *     --http  plain HTTP (Office itself refuses it; for a browser only)
 *   PORT=3001 npm start    another port (default 3000)
 *
 * Transport (decided in webpack.config.js): HTTPS with the office-addin-dev-certs certificate when it
 * can be obtained and trusted (its CA install needs sudo/admin rights), else webpack-dev-server's own
 * self-signed certificate, or plain HTTP with --http.
 *
 * Microsoft's template sideloads with office-addin-debugging; this project does not ship it (it pulls
 * in the M365 Agents Toolkit and a native keytar build, and only targets Windows/Mac desktop Excel),
 * so the steps below are the manual ones.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawn } = require("node:child_process");
const { applyPublicUrl, DEFAULT_PUBLIC_URL, ROOT } = require("./validate-manifest");

const args = process.argv.slice(2);
const web = args.includes("--web");
const http = args.includes("--http");
const unknown = args.filter((a) => a !== "--web" && a !== "--http");
if (unknown.length) {
  console.error(`start: unknown argument(s) ${unknown.join(" ")}\nusage: node scripts/start.js [--web] [--http]`);
  process.exit(2);
}
const port = Number(process.env.PORT) || 3000;
const base = `${http ? "http" : "https"}://localhost:${port}/`;

/** A manifest file whose URLs point at this dev server. */
function devManifest() {
  if (base === DEFAULT_PUBLIC_URL && !process.env.PUBLIC_URL) {
    const built = path.join(ROOT, "dist", "manifest.xml");
    if (fs.existsSync(built) && fs.readFileSync(built, "utf8").includes(`"${base}taskpane.html"`)) return built;
    return path.join(ROOT, "manifest.xml"); // the source manifest already uses https://localhost:3000/
  }
  const file = path.join(ROOT, "node_modules", ".cache", "annex-checker", "manifest.xml");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, applyPublicUrl(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), process.env.PUBLIC_URL || base));
  return file;
}

function steps(manifest) {
  const rel = path.relative(process.cwd(), manifest) || manifest;
  const lines = [
    "",
    "==================================================================================",
    ` 绩效自评附件校验 dev server: ${base}taskpane.html   (demo: ${base})`,
    ` manifest for sideloading: ${rel}`,
    "",
  ];
  if (http) lines.push(" NOTE: plain HTTP: Excel loads add-ins only over HTTPS. Use this for a browser only.", "");
  else {
    lines.push(
      " HTTPS: Excel must trust the certificate. If the server fell back to the self-signed one",
      " (see [dev-server] above), run `npx office-addin-dev-certs install` where you have",
      " admin/sudo rights, then restart; or open the URL above once and accept the certificate.",
      "",
    );
  }
  if (web) {
    lines.push(
      " Excel on the web:",
      "   1. Open a workbook on office.com / SharePoint (same browser as this machine's certificate trust).",
      "   2. Insert > Add-ins (or Home > Add-ins > More Add-ins) > Upload My Add-in.",
      `   3. Choose ${rel} and select Upload.`,
      "   4. Home > 校验附件 (Check annexes) opens the pane.",
    );
  } else if (process.platform === "win32") {
    lines.push(
      " Excel desktop on Windows (manual sideload; office-addin-debugging is not used in this project):",
      `   1. Share the folder ${path.dirname(manifest)} (Properties > Sharing) and note its \\\\COMPUTER\\share path.`,
      "   2. Excel > File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs:",
      "      add the share path as Catalog Url, tick Show in Menu, OK; restart Excel.",
      "   3. Home > Add-ins > More Add-ins > SHARED FOLDER > 绩效自评附件校验 > Add.",
      "   4. Home > 校验附件 (Check annexes) opens the pane.",
    );
  } else if (process.platform === "darwin") {
    lines.push(
      " Excel desktop on macOS (manual sideload; office-addin-debugging is not used in this project):",
      "   1. mkdir -p ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef",
      `   2. cp "${manifest}" ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/`,
      "   3. Restart Excel, open a workbook: Home > Add-ins > (My Add-ins) 绩效自评附件校验.",
      "   4. Home > 校验附件 (Check annexes) opens the pane.",
    );
  } else {
    lines.push(
      " There is no desktop Excel on Linux. Use Excel on the web (npm run start:web prints the steps),",
      " or the browser demo without Office: npm run demo (http://localhost:3000/).",
    );
  }
  lines.push("==================================================================================", "");
  return lines.join("\n");
}

const manifest = devManifest();
const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
const webpackArgs = [cli, "serve", "--mode", "development", ...(http ? ["--env", "http"] : [])];
const child = spawn(process.execPath, webpackArgs, {
  cwd: ROOT,
  stdio: ["inherit", "pipe", "pipe"],
  env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: "1" } : {}) },
});

// Print the steps once the first compilation is done, so they are not buried in the build log.
let printed = false;
const forward = (stream, out) =>
  stream.on("data", (chunk) => {
    out.write(chunk);
    if (!printed && /compiled (successfully|with \d+ warnings?)/.test(chunk.toString())) {
      printed = true;
      process.stdout.write(steps(manifest));
    }
  });
forward(child.stdout, process.stdout);
forward(child.stderr, process.stderr);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => {
  process.exitCode = code === null ? (signal ? 1 : 0) : code;
});

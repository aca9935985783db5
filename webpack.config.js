/**
 * Builds the Excel task pane, the plain-browser demo and the deployable manifest into dist/.
 *
 *   npm run build                                   production build, URLs under https://localhost:3000/
 *   npm run build -- --env publicUrl=https://intranet.example/annex-checker/
 *   npm run build -- --env officeJs=local           skip the CDN (intranets that block it)
 *   npm run build -- --env webChecker=https://intranet.example/check/   where the pane sends users of an
 *                                                   old Office (default: the web checker beside the pane)
 *   npm run build -- --env sourceMaps               also write .js.map files
 *   npm start / npm run start:web                   dev server (scripts/start.js): HTTPS, PORT or 3000
 *   npm run demo                                    dev server over plain HTTP for the demo at /
 *
 * Options (`--env name=value`; PUBLIC_URL and PORT may also come from the environment):
 *   publicUrl  where dist/ will be served; every manifest URL is rewritten under it.
 *   officeJs   cdn-then-local (default) | local | cdn: where office-loader.js takes Office.js from.
 *   webChecker the web checker's address, shown by a pane opened in an old Office web view
 *              (default: index.html beside the pane, the same build's web checker).
 *   http       dev server over plain HTTP (Office itself only loads HTTPS add-ins).
 *   demo       dev server for the demo: plain HTTP.
 *   sourceMaps production build with source maps.
 *
 * Never an eval-based devtool: the pages' Content-Security-Policy forbids eval.
 */
const path = require("node:path");
const { execFile } = require("node:child_process");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { applyPublicUrl, normalizePublicUrl, DEFAULT_PUBLIC_URL } = require("./scripts/validate-manifest");
const { rulesPage } = require("./scripts/rules-page");

const OFFICE_JS_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
const OFFICE_JS_MODES = ["cdn-then-local", "local", "cdn"];

/**
 * The part of @microsoft/office-js that office.js loads for Excel: office.js itself, the host
 * mapping table, the non-debug Excel host files, and the Office strings in English and Chinese.
 * `info.minimized` keeps Terser away from these already-minified files (else the build takes minutes).
 */
const officeJsSubset = {
  from: "{office.js,o15apptofilemappingtable.js,excel-*.js,en-us/office_strings.js,zh-cn/office_strings.js}",
  context: OFFICE_JS_DIST,
  to: "office/[path][name][ext]",
  globOptions: { ignore: ["**/*.debug.js"] },
  info: { minimized: true },
};

/** office-loader.js must run at once in <head>: drop the `defer` HtmlWebpackPlugin gives every script. */
class BlockingScriptsPlugin {
  constructor(names) {
    this.names = names;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("BlockingScriptsPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTags.tap("BlockingScriptsPlugin", (data) => {
        for (const tag of data.assetTags.scripts) {
          const src = String(tag.attributes.src || "");
          if (this.names.some((name) => new RegExp(`(^|/)${name}\\.js(\\?|$)`).test(src))) tag.attributes.defer = false;
        }
        return data;
      });
    });
  }
}

/**
 * Chunks made only of a package's own *.min.js build (exceljs ships dist/exceljs.min.js, ~0.9 MB)
 * are marked as minimized so that Terser does not spend ~10 s minifying them again.
 */
class SkipPreminifiedPlugin {
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("SkipPreminifiedPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "SkipPreminifiedPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 },
        () => {
          for (const chunk of compilation.chunks) {
            const modules = compilation.chunkGraph.getChunkModules(chunk);
            const resources = modules.map((m) => m.resource || (m.rootModule && m.rootModule.resource) || "");
            if (!resources.length || !resources.every((r) => /[\\/]node_modules[\\/].*\.min\.js$/.test(r))) continue;
            for (const file of chunk.files) {
              if (file.endsWith(".js")) compilation.updateAsset(file, (source) => source, (info) => ({ ...info, minimized: true }));
            }
          }
        },
      );
    });
  }
}

/**
 * Asks office-addin-dev-certs for a trusted localhost certificate in a child process, so that a
 * hanging `sudo` prompt (the CA install needs it) can be cut off by the timeout.
 */
function obtainDevCerts(timeoutMs) {
  const child = `
    console.log = console.info = (...a) => process.stderr.write(a.join(" ") + "\\n");
    require("office-addin-dev-certs").getHttpsServerOptions().then(
      (o) => process.stdout.write(JSON.stringify({ ca: String(o.ca), key: String(o.key), cert: String(o.cert) })),
      (e) => { process.stderr.write(String((e && e.message) || e)); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["-e", child], { cwd: __dirname, timeout: timeoutMs, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      if (err) {
        const why = err.killed ? `no answer within ${timeoutMs} ms` : String(stderr).trim().split("\n").filter(Boolean).pop() || err.message;
        reject(new Error(why));
        return;
      }
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new Error("unreadable answer from office-addin-dev-certs"));
      }
    });
  });
}

/** Dev-server transport: trusted HTTPS, else webpack-dev-server's self-signed HTTPS, or plain HTTP. */
async function devServerTransport(plainHttp) {
  if (plainHttp) return "http";
  const timeoutMs = Number(process.env.DEV_CERTS_TIMEOUT_MS) || 15000;
  try {
    const options = await obtainDevCerts(timeoutMs);
    console.log("[dev-server] HTTPS with the office-addin-dev-certs localhost certificate");
    return { type: "https", options };
  } catch (err) {
    console.warn(
      `[dev-server] office-addin-dev-certs: ${err.message}\n` +
        "[dev-server] falling back to webpack-dev-server's self-signed certificate: browsers and Office will not trust it\n" +
        "[dev-server] until you trust it (or run `npx office-addin-dev-certs install` where sudo/admin rights exist);\n" +
        "[dev-server] `--env http` serves plain HTTP instead.",
    );
    return "https";
  }
}

/** support.html: the manifest's SupportUrl and GetStarted "learn more" page (static, no script). */
const supportPage = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>绩效自评附件校验 · 帮助 Help</title>
  <link rel="icon" type="image/png" href="assets/icons/icon-32.png">
  <style>body{font-family:"Segoe UI","Microsoft YaHei",sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.6;color:#242424}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}</style>
</head>
<body>
  <h1><img src="assets/icons/icon-32.png" alt="" width="32" height="32" style="vertical-align:middle"> 绩效自评附件校验</h1>
  <p>识别工作簿中的附件2 基础数据表和附件3 整体支出绩效自评表，重新计算每个派生数值，标出不一致之处并可一键修正。</p>
  <h2>使用</h2>
  <p>在 Excel 的“开始”选项卡中单击“校验附件”，在任务窗格中查看问题列表。需要 Microsoft 365 或 Office 2021 及以上版本（Excel API 1.7）。</p>
  <p>不在 Excel 中也可以试用：<a href="./">浏览器演示</a>（示例工作簿，可拖入自己的 .xlsx 文件，数据不离开本机）。</p>
  <h2>Annex Checker</h2>
  <p>Finds Annex 2 (basic data table) and Annex 3 (overall expenditure performance self-assessment table) in a workbook,
     recomputes every derived figure, flags inconsistencies and can fix them. In Excel: Home &gt; Check annexes.
     Needs Microsoft 365 or Office 2021 or later (Excel API 1.7). Try it without Excel in the <a href="./">browser demo</a>.</p>
  <p>问题与支持请联系本单位信息化管理员。 For support, contact your IT administrator.</p>
</body>
</html>
`;

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const production = mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const port = Number(process.env.PORT) || 3000;
  const server = serving ? await devServerTransport(Boolean(env.http || env.demo)) : undefined;
  const protocol = serving && server === "http" ? "http" : "https";
  const publicUrl = normalizePublicUrl(
    env.publicUrl || process.env.PUBLIC_URL || (serving ? `${protocol}://localhost:${port}/` : DEFAULT_PUBLIC_URL),
  );
  const officeJs = typeof env.officeJs === "string" ? env.officeJs : "cdn-then-local";
  if (!OFFICE_JS_MODES.includes(officeJs)) {
    throw new Error(`--env officeJs=${officeJs}: expected one of ${OFFICE_JS_MODES.join(", ")}`);
  }
  const webChecker = typeof env.webChecker === "string" ? env.webChecker : "index.html";
  if (!/^(https?:\/\/[^\s"<>]+|[A-Za-z0-9._/-]+)$/.test(webChecker)) throw new Error(`--env webChecker=${webChecker}: expected an http(s) URL or a relative path`);
  const sourceMap = !production || Boolean(env.sourceMaps);

  const tsLoader = (extra) => ({
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      configFile: path.resolve(__dirname, "tsconfig.json"),
      ...extra,
      compilerOptions: { noEmit: false, sourceMap, ...(extra && extra.compilerOptions) },
    },
  });

  return {
    mode,
    context: __dirname,
    target: ["web", "es2020"],
    // no-eval runs first: classic zod decides at schema construction (module load) whether to probe
    // `new Function`, so z.config({ jitless: true }) must precede every module that builds a
    // schema. The pane's schemas now use zod/mini, which never compiles code; the guard stays
    // for any classic schema a future import brings in (the CSP would refuse the probe).
    entry: {
      "office-loader": "./src/taskpane/office-loader.ts",
      taskpane: ["./src/taskpane/no-eval.ts", "./src/taskpane/index.tsx"],
      demo: ["./src/taskpane/no-eval.ts", "./src/demo/index.tsx"],
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
      // office-loader.js must parse in the legacy IE/EdgeHTML web views (to say they are not
      // supported): webpack's own wrapper code stays ES5. globalThis stays on, so the runtime never
      // needs `new Function("return this")`.
      environment: { arrowFunction: false, const: false, globalThis: true },
    },
    // "source-map" in development too: every eval-based devtool breaks under the CSP.
    devtool: sourceMap ? "source-map" : false,
    resolve: { extensions: [".tsx", ".ts", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /office-loader\.ts$/,
          include: path.resolve(__dirname, "src/taskpane"),
          use: tsLoader({ instance: "office-loader-es5", compilerOptions: { target: "ES5" } }),
        },
        { test: /\.tsx?$/, exclude: [/node_modules/, /office-loader\.ts$/], use: tsLoader() },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["office-loader", "taskpane"],
        chunksSortMode: "manual",
        inject: "head",
        scriptLoading: "defer",
        hash: production, // ?<hash> on script URLs: Office's web view caches hard
        templateParameters: { officeJs, webChecker },
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/demo/demo.html",
        chunks: ["demo"],
        inject: "head",
        scriptLoading: "defer",
        hash: production,
      }),
      new HtmlWebpackPlugin({ filename: "support.html", templateContent: supportPage, inject: false }),
      // The rule pages, for the pane's 为什么 links (rules.html#<rule id>): static, no script.
      new HtmlWebpackPlugin({ filename: "rules.html", templateContent: rulesPage(), inject: false }),
      new BlockingScriptsPlugin(["office-loader"]),
      new SkipPreminifiedPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icons/*.png", to: "assets/icons/[name][ext]" },
          { from: "assets/samples/*.xlsx", to: "assets/samples/[name][ext]", noErrorOnMissing: true },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => applyPublicUrl(content.toString("utf8"), publicUrl) },
          // The dev server serves the whole package folder at /office instead (devServer.static).
          ...(serving ? [] : [officeJsSubset]),
        ],
      }),
    ],
    optimization: {
      // One Terser compress pass instead of webpack's default two: the build takes ~19 s instead of
      // ~30 s on this 2-core machine, for 0.4 % more bytes.
      minimizeOptions: { javascript: { compress: { passes: 1 } } },
    },
    // Persistent cache (node_modules/.cache/webpack): a rebuild with only another publicUrl, as in
    // the tests after `npm run build`, reuses modules and minified chunks.
    cache: {
      type: "filesystem",
      // Source maps change every minified chunk: a build with them must not reuse one without.
      name: `${mode}${serving ? "-serve" : ""}${production && sourceMap ? "-maps" : ""}`,
      // Also tsconfig.json: ts-loader (transpileOnly) reads it, and cached modules must not outlive it.
      buildDependencies: { config: [__filename, require.resolve("./scripts/validate-manifest"), require.resolve("./scripts/rules-page"), path.resolve(__dirname, "tsconfig.json")] },
    },
    performance: production
      ? {
          hints: "warning",
          maxEntrypointSize: 1536 * 1024,
          maxAssetSize: 1536 * 1024,
          assetFilter: (file) => file.endsWith(".js") && !file.startsWith("office/"),
        }
      : false,
    stats: { excludeAssets: [/^office\//], modules: false, children: false },
    devServer: {
      host: "localhost",
      port,
      server,
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: [{ directory: OFFICE_JS_DIST, publicPath: "/office", watch: false }],
      client: { overlay: { errors: true, warnings: false, runtimeErrors: false } },
      onListening: (devServer) => {
        const address = devServer.server && devServer.server.address();
        const url = `${protocol}://localhost:${address && typeof address === "object" ? address.port : port}/`;
        console.log(
          `\n[dev-server] demo:      ${url}\n[dev-server] task pane: ${url}taskpane.html\n[dev-server] manifest:  ${url}manifest.xml (URLs under ${publicUrl})\n`,
        );
      },
    },
  };
};

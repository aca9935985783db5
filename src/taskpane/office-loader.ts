/**
 * office-loader.js: puts Office.js on the task-pane page, CDN first, local copy second.
 *
 * Built as its own webpack entry and loaded by a plain (blocking) <script> in the <head> of
 * taskpane.html, before the deferred pane bundle. A Content-Security-Policy forbids inline scripts,
 * which is why this lives in a file of its own.
 *
 *   1. Inject <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"> (the only
 *      source Microsoft supports, and the one AppSource requires).
 *   2. If it fails (error event, or no answer within CDN_TIMEOUT_MS; government intranets often
 *      cannot reach the CDN), remove that element and inject office/office.js served beside the pane
 *      (the build copies a subset of @microsoft/office-js there). The failed element must go:
 *      office.js finds its own base URL, for the host files it loads next, by scanning the page's
 *      <script src="…office.js"> elements.
 *   3. Publish the outcome as `window.__officeLoad`, a promise of `true` when `Office` is defined,
 *      `false` when every source failed. It never rejects. The pane bundle (src/taskpane/office-ready.ts)
 *      awaits it before calling Office.onReady.
 *
 * <meta name="office-js" content="…"> in taskpane.html picks the sources (build option
 * `--env officeJs=…`): "cdn-then-local" (default), "local" (intranets known to block the CDN: no
 * timeout to wait for) or "cdn" (AppSource builds).
 *
 * This file is compiled to ES5 (see webpack.config.js) so that the legacy Internet Explorer / EdgeHTML
 * web views of old Office builds can run it far enough to show a message instead of a blank pane.
 * Nothing here may import a module: it must stay a tiny stand-alone script.
 */
export {};

type Source = "cdn" | "local" | "none";
type Mode = "cdn-then-local" | "cdn" | "local";

interface LoaderWindow {
  Office?: unknown;
  __officeLoad?: Promise<boolean>;
  /** Where Office.js came from, once settled (for diagnostics). */
  __officeSource?: Source;
}

const CDN_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** How long to wait for the CDN before falling back to the local copy. */
const CDN_TIMEOUT_MS = 8000;
/** The local copy comes from the add-in's own server; if it takes this long, give up. */
const LOCAL_TIMEOUT_MS = 15000;

const UNSUPPORTED_MESSAGE =
  "此加载项需要使用 Microsoft Edge WebView2 的 Office（Microsoft 365 或 Office 2021 及以上版本）。" +
  "Excel 2016、2019 和 WPS 表格请改用网页版校验（在浏览器中打开，文件不会上传）：" +
  " This add-in needs Office with the Microsoft Edge WebView2 runtime (Microsoft 365, or Office 2021 or later)." +
  " With Excel 2016, 2019 or WPS, use the web checker instead (it runs in the browser; nothing is uploaded): ";

const win = window as unknown as LoaderWindow;
// Read now: document.currentScript is only set while this script runs for the first time.
const ownScript = document.currentScript as HTMLScriptElement | null;

function legacyWebView(): boolean {
  // Trident (IE 11 web view of Office 2016/2019) and EdgeHTML ("Edge/18"; Chromium Edge says "Edg/").
  return /Trident\/|MSIE |Edge\/\d/.test(navigator.userAgent);
}

/** The web checker's address (meta web-checker, set at build time), resolved against this page. */
function webCheckerUrl(): string {
  const meta = document.querySelector('meta[name="web-checker"]');
  const value = (meta ? meta.getAttribute("content") : null) || "index.html";
  // Only http(s): whatever the meta says, the link can never be a script URL.
  const a = document.createElement("a");
  a.href = value;
  return /^https?:$/.test(a.protocol) ? a.href : "index.html";
}

function showUnsupported(): void {
  const show = function (): void {
    const root = document.getElementById("root");
    if (!root) return;
    root.textContent = UNSUPPORTED_MESSAGE;
    const link = document.createElement("a");
    link.href = webCheckerUrl();
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = "网页版校验 / Web checker";
    root.appendChild(link);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
}

function loaderMode(): Mode {
  const meta = document.querySelector('meta[name="office-js"]');
  const value = meta ? meta.getAttribute("content") : null;
  return value === "local" || value === "cdn" ? value : "cdn-then-local";
}

/** office/office.js beside this script, wherever the add-in is deployed (any public URL). */
function localOfficeUrl(): string {
  const base = ownScript && ownScript.src ? ownScript.src : document.baseURI;
  return new URL("office/office.js", base).href;
}

function injectScript(src: string, timeoutMs: number, done: (ok: boolean, reason: string) => void): void {
  const script = document.createElement("script");
  let settled = false;
  const finish = function (ok: boolean, reason: string): void {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    script.onload = null;
    script.onerror = null;
    if (!ok && script.parentNode) script.parentNode.removeChild(script);
    done(ok, reason);
  };
  const timer = setTimeout(function () {
    finish(false, "no answer after " + timeoutMs + " ms");
  }, timeoutMs);
  script.onload = function () {
    // A proxy's login page served with status 200 "loads" but defines nothing.
    finish(typeof win.Office !== "undefined", "loaded, but it did not define Office");
  };
  script.onerror = function () {
    finish(false, "could not be loaded");
  };
  script.src = src;
  (document.head || document.documentElement).appendChild(script);
}

function loadOffice(): Promise<boolean> {
  return new Promise<boolean>(function (resolve) {
    const settle = function (source: Source): void {
      win.__officeSource = source;
      resolve(source !== "none");
    };
    if (typeof win.Office !== "undefined") {
      settle("cdn"); // already on the page (a static <script> tag): nothing to do
      return;
    }
    const mode = loaderMode();
    const local = localOfficeUrl();
    const tryLocal = function (): void {
      injectScript(local, LOCAL_TIMEOUT_MS, function (ok, reason) {
        if (!ok) console.error("[office-loader] " + local + " " + reason + ": Office.js is unavailable.");
        settle(ok ? "local" : "none");
      });
    };
    if (mode === "local") {
      tryLocal();
      return;
    }
    injectScript(CDN_URL, CDN_TIMEOUT_MS, function (ok, reason) {
      if (ok) settle("cdn");
      else if (mode === "cdn") {
        console.error("[office-loader] " + CDN_URL + " " + reason + ": Office.js is unavailable.");
        settle("none");
      } else {
        console.warn("[office-loader] " + CDN_URL + " " + reason + "; using the local copy " + local + ".");
        tryLocal();
      }
    });
  });
}

if (legacyWebView()) showUnsupported();
else win.__officeLoad = loadOffice();

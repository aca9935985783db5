#!/usr/bin/env node
/**
 * npm run validate: checks the add-in manifest offline.
 *
 *   node scripts/validate-manifest.js [--public-url URL] [--dist DIR] [--no-build]
 *
 * 1. Builds (webpack --mode production) if dist/manifest.xml is missing (unless --no-build).
 * 2. Validates the BUILT dist/manifest.xml and the source manifest.xml (whose URLs use the default
 *    base https://localhost:3000/) with xmllint against the Office manifest XSDs
 *    (schemas/office/ in this repo; ../shared/office-schemas only if that copy is missing).
 * 3. Project checks on both: every URL is under the public URL (the AppDomain is its origin) and
 *    names a file that the build wrote into dist/; icons are PNGs of the declared size; <Id> is a
 *    GUID; DisplayName and Description exist in zh-CN and en-US; Permissions is ReadWriteDocument;
 *    every resid names a resource of the right kind; the ribbon button opens the same page as
 *    DefaultSettings/SourceLocation.
 * Exits 1 with one line per problem (file:line: message).
 *
 * The public URL of dist/manifest.xml is taken from --public-url, else inferred from its
 * DefaultSettings/SourceLocation (…/taskpane.html). The same functions are exported for Jest
 * (test/build/manifest.test.ts) and for webpack.config.js (applyPublicUrl, normalizePublicUrl).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
/** Base URL that manifest.xml uses for every URL; the build replaces it with the public URL. */
const PLACEHOLDER_BASE = "https://localhost:3000/";
const DEFAULT_PUBLIC_URL = PLACEHOLDER_BASE;
const SCHEMA_ROOT = "OfficeAppManifestV1_1.xsd";
const SCHEMA_DIRS = ["schemas/office", "../shared/office-schemas"];
const REQUIRED_LOCALES = ["zh-CN", "en-US"];
const REQUIRED_PERMISSIONS = "ReadWriteDocument";
/** Sizes Office expects for the top-level icons. */
const TOP_LEVEL_ICON_SIZES = { IconUrl: 32, HighResolutionIconUrl: 64 };
/** Sizes every ribbon <Icon> list must offer. */
const RIBBON_ICON_SIZES = [16, 32, 80];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------------------------------------
// Public URL

/** Checks a public URL and gives it a trailing slash. Throws with a readable message. */
function normalizePublicUrl(value) {
  let url;
  try {
    url = new URL(String(value));
  } catch {
    throw new Error(`publicUrl "${value}" is not an absolute URL (example: https://intranet.example/annex-checker/)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`publicUrl "${value}" must be an http(s) URL`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`publicUrl "${value}" must not contain a query, a fragment or credentials`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function escapeXmlAttr(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Applies `fn` to the parts of an XML text outside comments. */
function outsideComments(xml, fn) {
  return xml
    .split(/(<!--[\s\S]*?-->)/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join("");
}

/**
 * The manifest for a deployment: every placeholder URL https://localhost:3000/… becomes
 * <publicUrl>…, and the AppDomain https://localhost:3000 becomes the public URL's origin.
 */
function applyPublicUrl(xml, publicUrl) {
  const base = normalizePublicUrl(publicUrl);
  const origin = new URL(base).origin;
  const placeholderOrigin = new URL(PLACEHOLDER_BASE).origin;
  return outsideComments(String(xml), (part) =>
    part
      .split(PLACEHOLDER_BASE)
      .join(escapeXmlAttr(base))
      .replace(
        new RegExp(`(<AppDomain>\\s*)${placeholderOrigin.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}/?(\\s*</AppDomain>)`, "g"),
        `$1${escapeXmlAttr(origin)}$2`,
      ),
  );
}

// ---------------------------------------------------------------------------------------------
// A small reader for the manifest (no XML library: the XSD check already parsed it strictly).

function unescapeXml(text) {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** Blanks comments, CDATA and processing instructions while keeping offsets and line numbers. */
function blankNonElements(xml) {
  return xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (m) => m.replace(/[^\n]/g, " "));
}

/**
 * Elements of the manifest in document order: { name (qualified), local, attrs, line, start, end,
 * parent (index or -1), text (direct text content, trimmed) }.
 */
function readElements(xml) {
  const src = blankNonElements(xml);
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (offset) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const elements = [];
  const stack = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let lastEnd = 0;
  let m;
  while ((m = tag.exec(src))) {
    const text = src.slice(lastEnd, m.index);
    if (stack.length && text.trim()) elements[stack[stack.length - 1]].text += unescapeXml(text.trim());
    lastEnd = tag.lastIndex;
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== undefined) elements[open].end = m.index;
      continue;
    }
    const attrs = {};
    for (const a of attrText.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs[a[1]] = unescapeXml(a[2] !== undefined ? a[2] : a[3]);
    }
    const el = {
      name,
      local: name.includes(":") ? name.slice(name.indexOf(":") + 1) : name,
      attrs,
      line: lineOf(m.index),
      start: m.index,
      end: m.index,
      parent: stack.length ? stack[stack.length - 1] : -1,
      text: "",
    };
    elements.push(el);
    if (!selfClosing) stack.push(elements.length - 1);
  }
  return elements;
}

function ancestors(elements, el) {
  const out = [];
  for (let p = el.parent; p >= 0; p = elements[p].parent) out.push(elements[p]);
  return out;
}

/** Width and height of a PNG file, or an error text. */
function readPngSize(file) {
  let buf;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    return { error: `cannot be read (${err.code || err.message})` };
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature) || buf.toString("ascii", 12, 16) !== "IHDR") {
    return { error: "is not a PNG file" };
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------
// Schema validation

/** The folder with the Office manifest XSDs: the repo's own copy first. */
function findSchemaDir(root = ROOT) {
  for (const rel of SCHEMA_DIRS) {
    const dir = path.resolve(root, rel);
    if (fs.existsSync(path.join(dir, SCHEMA_ROOT))) return dir;
  }
  return null;
}

/** xmllint --schema; returns problems as "label:line: message" lines. */
function runXmllint(file, { schemaDir = findSchemaDir(), label = file } = {}) {
  if (!schemaDir) {
    return [`${label}: no Office manifest schemas found (looked in ${SCHEMA_DIRS.join(", ")} relative to ${ROOT})`];
  }
  const result = spawnSync("xmllint", ["--noout", "--schema", path.join(schemaDir, SCHEMA_ROOT), file], {
    encoding: "utf8",
  });
  if (result.error) {
    if (result.error.code === "ENOENT") {
      return [`${label}: xmllint not found: install it (Debian: apt-get install -y libxml2-utils)`];
    }
    return [`${label}: xmllint failed to run: ${result.error.message}`];
  }
  if (result.status === 0) return [];
  const problems = [];
  const prefix = `${file}:`;
  for (const raw of result.stderr.split("\n")) {
    if (!raw.startsWith(prefix)) continue;
    const rest = raw.slice(prefix.length);
    const m = /^(\d+): (.*)$/.exec(rest);
    if (!m) continue;
    const message = m[2]
      .replace(/\{http:\/\/www\.w3\.org\/2001\/XMLSchema-instance\}/g, "xsi:")
      .replace(/\{[^}]*\}/g, (ns) => (ns.includes("/") ? "" : ns)) // drop {namespace} prefixes
      .replace(/^element \S+: Schemas validity error : /, "")
      .replace(/^Schemas validity error : /, "");
    problems.push(`${label}:${m[1]}: ${message}`);
  }
  if (problems.length === 0) {
    problems.push(`${label}: xmllint exit ${result.status}: ${result.stderr.trim() || "invalid"}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Project checks

/**
 * Checks that need to know the build: URLs, files, icons, ids, locales, permissions, resources.
 * opts.distDir: the build output; opts.publicUrl: the expected base (else inferred from
 * DefaultSettings/SourceLocation); opts.label: the name used in messages.
 * Returns { errors, warnings, info: { base, urls, icons } }.
 */
function checkManifest(xml, { distDir, publicUrl, label = "manifest.xml" } = {}) {
  const errors = [];
  const warnings = [];
  const at = (el, message) => errors.push(`${label}:${el ? el.line : 1}: ${message}`);
  const elements = readElements(String(xml));
  const find = (pred) => elements.find(pred);
  const all = (pred) => elements.filter(pred);
  const topLevel = (local) => find((e) => e.local === local && e.parent === 0);

  const root = elements[0];
  if (!root || root.local !== "OfficeApp") {
    at(root, "the root element must be <OfficeApp>");
    return { errors, warnings, info: { base: null, urls: [], icons: [] } };
  }
  if (root.attrs["xsi:type"] !== "TaskPaneApp") at(root, `OfficeApp xsi:type is "${root.attrs["xsi:type"]}", expected "TaskPaneApp"`);

  // Id
  const id = topLevel("Id");
  if (!id) at(root, "<Id> is missing");
  else if (!GUID.test(id.text) || /^[0-]+$/.test(id.text)) at(id, `<Id> "${id.text}" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);

  // Locales: DisplayName and Description in zh-CN and en-US.
  const defaultLocaleEl = topLevel("DefaultLocale");
  const defaultLocale = defaultLocaleEl ? defaultLocaleEl.text : "";
  for (const local of ["DisplayName", "Description"]) {
    const el = topLevel(local);
    if (!el) {
      at(root, `<${local}> is missing`);
      continue;
    }
    const values = new Map();
    if (el.attrs.DefaultValue && el.attrs.DefaultValue.trim()) values.set(defaultLocale.toLowerCase(), el.attrs.DefaultValue);
    for (const o of all((e) => e.parent === elements.indexOf(el) && e.local === "Override")) {
      if (o.attrs.Value && o.attrs.Value.trim()) values.set(String(o.attrs.Locale).toLowerCase(), o.attrs.Value);
    }
    for (const locale of REQUIRED_LOCALES) {
      if (!values.has(locale.toLowerCase())) {
        at(el, `<${local}> has no ${locale} text (DefaultLocale is ${defaultLocale || "missing"}; add <Override Locale="${locale}" Value="…"/>)`);
      }
    }
  }

  // Host, permissions, requirement set
  if (!find((e) => e.local === "Host" && e.attrs.Name === "Workbook")) at(topLevel("Hosts") || root, 'no <Host Name="Workbook"/>: the add-in runs in Excel');
  const permissions = topLevel("Permissions");
  if (!permissions) at(root, "<Permissions> is missing");
  else if (permissions.text !== REQUIRED_PERMISSIONS) {
    at(permissions, `<Permissions> is "${permissions.text}"; the add-in writes cells, settings and custom XML parts, so it needs ${REQUIRED_PERMISSIONS}`);
  }
  const excelSet = find((e) => e.local === "Set" && e.attrs.Name === "ExcelApi" && ancestors(elements, e).some((a) => a.local === "Requirements" && a.parent === 0));
  if (!excelSet) at(root, 'no <Requirements><Sets><Set Name="ExcelApi" MinVersion="…"/> at the top level');

  // Base URL
  const defaultSource = find((e) => e.local === "SourceLocation" && elements[e.parent] && elements[e.parent].local === "DefaultSettings");
  let base = null;
  if (publicUrl) {
    base = normalizePublicUrl(publicUrl);
  } else if (defaultSource && defaultSource.attrs.DefaultValue) {
    const value = defaultSource.attrs.DefaultValue;
    base = value.slice(0, value.lastIndexOf("/") + 1);
  }
  if (!defaultSource) at(root, "<DefaultSettings><SourceLocation DefaultValue=…/> is missing");
  if (!base) return { errors, warnings, info: { base, urls: [], icons: [] } };
  const origin = new URL(base).origin;

  /** URL → file in dist/, or an error text. */
  const fileFor = (url) => {
    if (!url.startsWith(base)) return { error: `is not under the public URL ${base}` };
    let rel = url.slice(base.length).replace(/[?#].*$/, "");
    try {
      rel = decodeURIComponent(rel);
    } catch {
      return { error: "has a malformed path" };
    }
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    if (!distDir) return { file: null };
    const file = path.resolve(distDir, rel);
    if (path.relative(distDir, file).startsWith("..")) return { error: `points outside the build folder` };
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return { error: `→ ${path.relative(process.cwd(), file) || file} does not exist (the build does not produce it)` };
    }
    return { file };
  };

  // Every URL: attribute values and text content that look like URLs (namespace declarations aside).
  const urls = [];
  for (const el of elements) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === "xmlns" || name.startsWith("xmlns:")) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) urls.push({ el, where: `${el.local} ${name}`, url: value.trim() });
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(el.text)) urls.push({ el, where: el.local, url: el.text });
  }
  const fileByUrl = new Map();
  for (const { el, where, url } of urls) {
    if (el.local === "AppDomain") {
      if (url.replace(/\/$/, "") !== origin) at(el, `AppDomain ${url} is not the add-in's origin ${origin} (the add-in needs no other domains)`);
      continue;
    }
    if (!/^https:\/\//i.test(url)) at(el, `${where} ${url}: Office loads add-in files only over HTTPS`);
    const target = fileFor(url);
    if (target.error) at(el, `${where} ${url} ${target.error}`);
    else fileByUrl.set(url, target.file);
  }

  // Resources: id → { kind, url/value, el }
  const resources = new Map();
  const resourceKinds = { Images: "image", Urls: "url", ShortStrings: "short string", LongStrings: "long string" };
  for (const el of elements) {
    const parent = elements[el.parent];
    if (!parent || !(parent.local in resourceKinds) || !el.attrs.id) continue;
    if (!ancestors(elements, el).some((a) => a.local === "Resources")) continue;
    resources.set(el.attrs.id, { kind: resourceKinds[parent.local], value: el.attrs.DefaultValue, el });
  }
  const expectedKind = { Image: "image", SourceLocation: "url", FunctionFile: "url", LearnMoreUrl: "url", Label: "short string", Title: "short string", Description: "long string" };
  for (const el of elements) {
    if (!("resid" in el.attrs)) continue;
    const res = resources.get(el.attrs.resid);
    if (!res) at(el, `<${el.local} resid="${el.attrs.resid}"> names no resource in <Resources>`);
    else if (expectedKind[el.local] && expectedKind[el.local] !== res.kind) {
      at(el, `<${el.local} resid="${el.attrs.resid}"> needs a ${expectedKind[el.local]} resource, but ${el.attrs.resid} is a ${res.kind}`);
    }
  }

  // The ribbon button opens the same page as DefaultSettings.
  for (const action of all((e) => e.local === "Action")) {
    if (action.attrs["xsi:type"] !== "ShowTaskpane") continue;
    const source = find((e) => e.parent === elements.indexOf(action) && e.local === "SourceLocation");
    const res = source && resources.get(source.attrs.resid);
    if (res && defaultSource && res.value !== defaultSource.attrs.DefaultValue) {
      at(source, `the ShowTaskpane button opens ${res.value}, but DefaultSettings/SourceLocation is ${defaultSource.attrs.DefaultValue}`);
    }
  }

  // Icons: PNG of the declared size.
  const icons = [];
  const checkIcon = (el, what, url, size) => {
    const file = fileByUrl.get(url);
    if (!file) return; // already reported (or no distDir)
    const png = readPngSize(file);
    if (png.error) at(el, `${what} ${url} ${png.error}`);
    else if (png.width !== size || png.height !== size) at(el, `${what} ${url} is ${png.width}×${png.height} px, expected ${size}×${size}`);
    else icons.push({ url, size });
  };
  for (const [local, size] of Object.entries(TOP_LEVEL_ICON_SIZES)) {
    const el = topLevel(local);
    if (!el) at(root, `<${local}> is missing (a ${size}×${size} PNG)`);
    else checkIcon(el, local, el.attrs.DefaultValue, size);
  }
  for (const ref of all((e) => e.local === "Image" && "resid" in e.attrs)) {
    const res = resources.get(ref.attrs.resid);
    if (!res || res.kind !== "image") continue;
    checkIcon(ref, `Image ${ref.attrs.resid} (size ${ref.attrs.size})`, res.value, Number(ref.attrs.size));
  }
  for (const list of all((e) => e.local === "Icon" && ancestors(elements, e).some((a) => a.local === "VersionOverrides"))) {
    const sizes = all((e) => e.parent === elements.indexOf(list) && e.local === "Image").map((e) => Number(e.attrs.size));
    const missing = RIBBON_ICON_SIZES.filter((s) => !sizes.includes(s));
    if (missing.length) at(list, `this ribbon <Icon> has no image of size ${missing.join(", ")} (Office needs ${RIBBON_ICON_SIZES.join("/")})`);
  }

  return { errors, warnings, info: { base, urls: urls.map((u) => u.url), icons } };
}

/** Schema + project checks of one manifest file. */
function validateManifest(file, { distDir, publicUrl, schemaDir, label } = {}) {
  const name = label || path.relative(process.cwd(), file) || file;
  const schemaErrors = runXmllint(file, { schemaDir, label: name });
  const result = checkManifest(fs.readFileSync(file, "utf8"), { distDir, publicUrl, label: name });
  return { errors: [...schemaErrors, ...result.errors], warnings: result.warnings, info: result.info };
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const opts = { publicUrl: undefined, distDir: path.join(ROOT, "dist"), build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (a.includes("=")) return a.slice(a.indexOf("=") + 1);
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--public-url" || a.startsWith("--public-url=")) opts.publicUrl = value();
    else if (a === "--dist" || a.startsWith("--dist=")) opts.distDir = path.resolve(value());
    else if (a === "--no-build") opts.build = false;
    else if (a === "-h" || a === "--help") opts.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

function main(argv = process.argv.slice(2)) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    console.error(`validate: ${err.message}`);
    return 2;
  }
  if (opts.help) {
    console.log("usage: node scripts/validate-manifest.js [--public-url URL] [--dist DIR] [--no-build]");
    return 0;
  }
  const schemaDir = findSchemaDir();
  if (!schemaDir) {
    console.error(`validate: no Office manifest schemas (${SCHEMA_ROOT}) in ${SCHEMA_DIRS.join(" or ")}`);
    return 1;
  }
  if (!schemaDir.startsWith(path.join(ROOT, "schemas"))) {
    console.warn(`validate: warning: using ${schemaDir}; the repo's own copy schemas/office/ is missing`);
  }
  const builtManifest = path.join(opts.distDir, "manifest.xml");
  if (!fs.existsSync(builtManifest)) {
    if (!opts.build) {
      console.error(`validate: ${path.relative(process.cwd(), builtManifest)} is missing: run npm run build first`);
      return 1;
    }
    console.log(`validate: ${path.relative(process.cwd(), builtManifest)} is missing: building (webpack --mode production)…`);
    const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const args = [webpackCli, "--mode", "production", "--output-path", opts.distDir];
    if (opts.publicUrl) args.push("--env", `publicUrl=${opts.publicUrl}`);
    const build = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) {
      console.error("validate: the build failed");
      return 1;
    }
  }
  const sourceManifest = path.join(ROOT, "manifest.xml");
  if (fs.statSync(sourceManifest).mtimeMs > fs.statSync(builtManifest).mtimeMs) {
    console.warn("validate: warning: dist/manifest.xml is older than manifest.xml: rebuild (npm run build) to deploy the change");
  }
  console.log(`validate: schemas ${path.relative(process.cwd(), path.join(schemaDir, SCHEMA_ROOT))}`);

  let failed = false;
  const targets = [
    { file: builtManifest, publicUrl: opts.publicUrl, what: "built" },
    { file: sourceManifest, publicUrl: DEFAULT_PUBLIC_URL, what: "source" },
  ];
  for (const t of targets) {
    const r = validateManifest(t.file, { distDir: opts.distDir, publicUrl: t.publicUrl, schemaDir });
    const name = path.relative(process.cwd(), t.file);
    for (const w of r.warnings) console.warn(`  warning: ${w}`);
    if (r.errors.length) {
      failed = true;
      console.error(`FAIL ${name} (${t.what}): ${r.errors.length} problem(s)`);
      for (const e of r.errors) console.error(`  ${e}`);
    } else {
      const sizes = [...new Set(r.info.icons.map((i) => i.size))].sort((a, b) => a - b).join("/");
      console.log(
        `OK   ${name} (${t.what}): schema valid; ${r.info.urls.length} URLs under ${r.info.base}, every file present in ` +
          `${path.relative(process.cwd(), opts.distDir) || "."}/; icons ${sizes} px PNG`,
      );
    }
  }
  return failed ? 1 : 0;
}

module.exports = {
  ROOT,
  DEFAULT_PUBLIC_URL,
  PLACEHOLDER_BASE,
  normalizePublicUrl,
  applyPublicUrl,
  readElements,
  readPngSize,
  findSchemaDir,
  runXmllint,
  checkManifest,
  validateManifest,
  main,
};

if (require.main === module) process.exitCode = main();

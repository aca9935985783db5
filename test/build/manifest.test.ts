/**
 * The deployable build and its manifest: one production build with a non-default public URL (into a
 * temporary folder, shared by every test), then scripts/validate-manifest.js on the built manifest,
 * on the source manifest and on broken copies.
 * The build takes ~7 s with webpack's persistent cache warm (after `npm run build`), ~30 s cold.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

interface ValidationResult {
  errors: string[];
  warnings: string[];
  info: { base: string | null; urls: string[]; icons: { url: string; size: number }[] };
}
interface ValidateOptions {
  distDir?: string;
  publicUrl?: string;
  label?: string;
}
interface ManifestValidator {
  DEFAULT_PUBLIC_URL: string;
  validateManifest(file: string, opts?: ValidateOptions): ValidationResult;
  checkManifest(xml: string, opts?: ValidateOptions): ValidationResult;
  applyPublicUrl(xml: string, publicUrl: string): string;
  normalizePublicUrl(url: string): string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const validator = require("../../scripts/validate-manifest.js") as ManifestValidator;

const ROOT = path.resolve(__dirname, "../..");
const PUBLIC_URL = "https://intranet.example/annex/";
let work: string;
let dist: string;
let built: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "annex-build-"));
  dist = path.join(work, "dist");
  try {
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", `publicUrl=${PUBLIC_URL}`, "--output-path", dist],
      { cwd: ROOT, stdio: "pipe", encoding: "utf8" },
    );
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    e.message = `production build failed: ${e.message}\n${(e.stdout ?? "").slice(-4000)}\n${(e.stderr ?? "").slice(-4000)}`;
    throw err;
  }
  built = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Writes a changed copy of the built manifest and validates it against the build. */
function validateVariant(name: string, change: (xml: string) => string): ValidationResult {
  const changed = change(built);
  expect(changed).not.toBe(built); // the edit really happened
  const file = path.join(work, name);
  fs.writeFileSync(file, changed);
  return validator.validateManifest(file, { distDir: dist, publicUrl: PUBLIC_URL, label: name });
}

test("the production build writes every file the add-in and the demo need", () => {
  for (const rel of [
    "taskpane.html", "taskpane.js", "office-loader.js", "index.html", "demo.js", "support.html", "manifest.xml",
    "assets/icons/icon-16.png", "assets/icons/icon-32.png", "assets/icons/icon-64.png", "assets/icons/icon-80.png",
    "assets/samples/zhuzhou-luosong-npc-2023.xlsx", "office/office.js", "office/o15apptofilemappingtable.js",
  ]) {
    expect({ rel, exists: fs.existsSync(path.join(dist, rel)) }).toEqual({ rel, exists: true });
  }
  const pane = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const demo = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  for (const html of [pane, demo]) {
    expect(html).toMatch(/http-equiv="?Content-Security-Policy"? content="default-src 'self'; /);
    expect(html).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script
  }
  // office-loader.js first and blocking, then the deferred pane bundle; office.js never as a tag.
  const scripts = [...pane.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
  expect(scripts).toHaveLength(2);
  expect(scripts[0]).toMatch(/src="?office-loader\.js/);
  expect(scripts[0]).not.toMatch(/\bdefer\b/);
  expect(scripts[1]).toMatch(/\bdefer\b/);
  expect(scripts[1]).toMatch(/src="?taskpane\.js/);
  expect(demo).not.toMatch(/office(-loader)?\.js/);
});

test("the built manifest is valid and every URL is under the public URL", () => {
  const result = validator.validateManifest(path.join(dist, "manifest.xml"), { distDir: dist, publicUrl: PUBLIC_URL });
  expect(result.errors).toEqual([]);
  expect(result.info.base).toBe(PUBLIC_URL);
  expect(result.info.icons.map((i) => i.size).sort((a, b) => a - b)).toEqual([16, 16, 32, 32, 32, 64, 80, 80]);
  // Independently of the validator: every URL outside comments and namespace declarations.
  const urls = built
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/\sxmlns(:\w+)?="[^"]*"/g, "")
    .match(/https?:\/\/[^"<\s]+/g) ?? [];
  expect(urls.length).toBeGreaterThanOrEqual(9);
  for (const url of urls) {
    expect(url === "https://intranet.example" || url.startsWith(PUBLIC_URL) ? "ok" : url).toBe("ok");
  }
  expect(built.replace(/<!--[\s\S]*?-->/g, "")).not.toContain("localhost");
  expect(built).toContain("<AppDomain>https://intranet.example</AppDomain>");
});

test("the source manifest (default URL https://localhost:3000/) is valid against the same build", () => {
  const result = validator.validateManifest(path.join(ROOT, "manifest.xml"), { distDir: dist, publicUrl: validator.DEFAULT_PUBLIC_URL });
  expect(result.errors).toEqual([]);
  expect(result.info.base).toBe("https://localhost:3000/");
});

test("a wrong Permissions value is rejected by the schema and by the project check", () => {
  const { errors } = validateVariant("bad-permissions.xml", (xml) =>
    xml.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteEverything</Permissions>"));
  expect(errors).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^bad-permissions\.xml:\d+: Element 'Permissions': \[facet 'enumeration'\] The value 'ReadWriteEverything' is not an element of the set/),
      expect.stringMatching(/^bad-permissions\.xml:\d+: <Permissions> is "ReadWriteEverything"; .* needs ReadWriteDocument$/),
    ]),
  );
});

test("a misspelt action type ShowTaskPane is rejected", () => {
  const { errors } = validateVariant("bad-action.xml", (xml) => xml.replace('xsi:type="ShowTaskpane"', 'xsi:type="ShowTaskPane"'));
  expect(errors).toEqual(
    expect.arrayContaining([expect.stringMatching(/^bad-action\.xml:\d+: .*The QName value '(\{[^}]*\})?ShowTaskPane' of the xsi:type attribute does not resolve to a type definition/)]),
  );
});

test("an icon URL naming a file the build does not produce is rejected", () => {
  const { errors } = validateVariant("bad-icon.xml", (xml) =>
    xml.replace(`${PUBLIC_URL}assets/icons/icon-80.png"`, `${PUBLIC_URL}assets/icons/icon-99.png"`));
  expect(errors).toEqual([
    expect.stringMatching(/^bad-icon\.xml:\d+: Image DefaultValue https:\/\/intranet\.example\/annex\/assets\/icons\/icon-99\.png → .*assets\/icons\/icon-99\.png does not exist \(the build does not produce it\)$/),
  ]);
});

test("an icon of the wrong size, a URL outside the public URL and a non-GUID Id are rejected", () => {
  const { errors } = validateVariant("bad-misc.xml", (xml) =>
    xml
      .replace(`"${PUBLIC_URL}assets/icons/icon-16.png"`, `"${PUBLIC_URL}assets/icons/icon-32.png"`)
      .replace(`<SupportUrl DefaultValue="${PUBLIC_URL}support.html"`, `<SupportUrl DefaultValue="https://elsewhere.example/support.html"`)
      .replace(/<Id>[^<]*<\/Id>/, "<Id>annex-checker</Id>"));
  expect(errors).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/Image Icon\.16x16 \(size 16\) https:\/\/intranet\.example\/annex\/assets\/icons\/icon-32\.png is 32×32 px, expected 16×16$/),
      expect.stringMatching(/SupportUrl DefaultValue https:\/\/elsewhere\.example\/support\.html is not under the public URL https:\/\/intranet\.example\/annex\/$/),
      expect.stringMatching(/<Id> "annex-checker" is not a GUID/),
    ]),
  );
});

test("checked against another public URL, the built manifest is rejected URL by URL", () => {
  const result = validator.checkManifest(built, { distDir: dist, publicUrl: "https://other.example/", label: "m" });
  expect(result.errors.length).toBeGreaterThanOrEqual(9);
  expect(result.errors).toEqual(expect.arrayContaining([
    expect.stringMatching(/^m:\d+: SourceLocation DefaultValue https:\/\/intranet\.example\/annex\/taskpane\.html is not under the public URL https:\/\/other\.example\/$/),
    expect.stringMatching(/^m:\d+: AppDomain https:\/\/intranet\.example is not the add-in's origin https:\/\/other\.example/),
  ]));
});

// The scan of the bundles for eval / new Function / string timers, with its allow-list of known
// unreachable third-party sites, lives in production-bundle.test.ts (all emitted .js, office/ too).

test("applyPublicUrl normalizes the base and leaves comments alone", () => {
  expect(validator.normalizePublicUrl("https://intranet.example/annex")).toBe("https://intranet.example/annex/");
  expect(() => validator.normalizePublicUrl("intranet/annex")).toThrow(/not an absolute URL/);
  const xml = `<!-- https://localhost:3000/ --><a b="https://localhost:3000/x.html"/><AppDomain>https://localhost:3000</AppDomain>`;
  expect(validator.applyPublicUrl(xml, "https://h.example/p")).toBe(
    `<!-- https://localhost:3000/ --><a b="https://h.example/p/x.html"/><AppDomain>https://h.example</AppDomain>`,
  );
});

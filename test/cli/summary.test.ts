/**
 * `annex-check <folder> --summary out.xlsx` end to end, with the CLI compiled as `npm run
 * build:cli` compiles it, so the worker threads run as they do for users. It is compiled into a
 * folder of its own: cli.test.ts rebuilds lib/ at the same time, and a file half rewritten by tsc
 * must not be loaded here. The workbook is read back with exceljs and its links are followed into
 * the source workbooks.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { GRADE_NAMES, validate, type ValidationResult } from "../../src/core";
import { keyFigures, type KeyFigures } from "../../src/core/report/key-figures";
import { readXlsx, writeSpecToXlsx } from "../../src/adapters/xlsx";
import { generateBatch, variant } from "../../scripts/generate-batch";

const ROOT = join(__dirname, "..", "..");
// Inside node_modules so that the compiled files still find exceljs and friends.
const BUILD = join(ROOT, "node_modules", ".cache", `annex-summary-test-${process.pid}`);
const RUN_MAIN = `require(${JSON.stringify(join(BUILD, "cli", "main.js"))}).main(process.argv.slice(1)).then((code) => { process.exitCode = code; })`;
const FORMULA_LIKE_UNIT = "=HYPERLINK(\"http://example.invalid\",\"点我\")";

let dir: string;
let units: string;
let summaryPath: string;
let run: ReturnType<typeof spawnSync>;

function cli(args: string[]) {
  return spawnSync(process.execPath, ["-e", RUN_MAIN, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

async function loadSummary(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Each data row as an object keyed by the header texts. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return rows;
}

const textOf = (value: ExcelJS.CellValue): string =>
  typeof value === "object" && value !== null && "text" in value ? String(value.text) : String(value);

beforeAll(async () => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json", "--outDir", BUILD], { cwd: ROOT, stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "annex-summary-"));
  units = join(dir, "units");
  // Variants 0–2 are consistent, 3 keeps errors; one more has a formula-like unit name.
  const written = await generateBatch(units, 4);
  expect(written.map((w) => w.variant.kind)).toEqual(["clean", "clean", "clean", "errors"]);
  const odd = variant(4);
  const a3 = odd.spec.sheets[1]!;
  const rows = a3.rows.map((r) => [...r]);
  rows[2]![3] = FORMULA_LIKE_UNIT;
  await writeSpecToXlsx({ sheets: [odd.spec.sheets[0]!, { ...a3, rows }] }, join(units, "unit-odd-name.xlsx"));
  // A workbook cut in half: a zip header, then nothing readable.
  const whole = readFileSync(written[0]!.path);
  writeFileSync(join(units, "unit-corrupt.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));
  summaryPath = join(dir, "summary.xlsx");
  run = cli(["units", "--summary", "summary.xlsx", "--jobs", "2"]);
}, 180000);

afterAll(() => rmSync(BUILD, { recursive: true, force: true }));

describe("annex-check <folder> --summary", () => {
  test("an unreadable file is reported on stderr and the run goes on; exit 2; stdout stays empty", () => {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/unit-corrupt\.xlsx: 无法读取/);
    expect(run.stderr).toContain("已写出汇总 summary.xlsx：6 个文件，无法读取 1 个");
    expect(statSync(summaryPath).size).toBeGreaterThan(0);
  });

  test("two sheets: 单位汇总 worst first with the key figures as numbers, 问题清单 with every finding", async () => {
    const workbook = await loadSummary(summaryPath);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["单位汇总", "问题清单"]);
    const sheet = workbook.getWorksheet("单位汇总")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 1 });
    const rows = rowsOf(sheet);
    expect(rows).toHaveLength(6);
    expect(textOf(rows[0]!["文件"]!)).toBe("units/unit-corrupt.xlsx");
    expect(rows[0]!["状态"]).toBe("无法读取");
    expect(String(rows[0]!["说明"])).toContain("无法读取");

    // The expected order, computed here from the engine directly.
    const checked: { file: string; row: Record<string, ExcelJS.CellValue>; result: ValidationResult; figures: KeyFigures }[] = [];
    for (const row of rows.slice(1)) {
      const file = textOf(row["文件"]!);
      const read = await readXlsx(join(dir, file));
      if (!read.ok) throw new Error(`${file} unreadable`);
      const result = validate(read.snapshot);
      checked.push({ file, row, result, figures: keyFigures(result) });
    }
    const worse = (a: (typeof checked)[number], b: (typeof checked)[number]) =>
      b.result.summary.errors - a.result.summary.errors || b.result.summary.warnings - a.result.summary.warnings
      || Number(a.result.summary.score) - Number(b.result.summary.score);
    for (let i = 1; i < checked.length; i++) expect(worse(checked[i - 1]!, checked[i]!)).toBeLessThanOrEqual(0);
    expect(checked[0]!.file).toBe("units/unit-004.xlsx");
    expect(checked[0]!.row["错误"]).toBeGreaterThan(0);

    for (const { row, result, figures } of checked) {
      expect(row["错误"]).toBe(result.summary.errors);
      expect(row["警告"]).toBe(result.summary.warnings);
      expect(row["总分（重算）"]).toBe(Number(result.summary.score));
      expect(row["等级"]).toBe(result.summary.grade ? GRADE_NAMES[result.summary.grade].zh : null);
      expect(row["年度"]).toBe(2023);
      expect(row["编制数"]).toBe(Number(figures.establishment));
      expect(row["在职人数"]).toBe(Number(figures.staffActual));
      expect(row["全年预算数（万元）"]).toBe(Number(figures.budget));
      expect(row["全年执行数（万元）"]).toBe(Number(figures.executed));
      expect(row["执行率"]).toBeCloseTo(Number(figures.executionRate) / 100, 6);
      expect(row["三公经费（万元）"]).toBe(Number(figures.threePublic));
    }
    const rateColumn = Object.keys(rows[0]!).indexOf("执行率") + 1;
    expect(sheet.getRow(3).getCell(rateColumn).numFmt).toBe("0.00%");

    const issues = rowsOf(workbook.getWorksheet("问题清单")!);
    const findingCount = checked.reduce((n, c) => n + c.result.findings.length, 0);
    expect(issues).toHaveLength(findingCount);
  });

  test("a formula-like unit name stays text", async () => {
    const workbook = await loadSummary(summaryPath);
    const sheet = workbook.getWorksheet("单位汇总")!;
    let found = false;
    sheet.eachRow((row) => {
      const cell = row.getCell(3);
      if (cell.value === FORMULA_LIKE_UNIT) {
        found = true;
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
      }
    });
    expect(found).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(summaryPath));
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet"))) {
      expect(await zip.file(name)!.async("string")).not.toContain("<f>");
    }
  });

  test("each finding's cell links to that cell of its source workbook, relative to the summary", async () => {
    const zip = await JSZip.loadAsync(readFileSync(summaryPath));
    const sheetXml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    const relsXml = await zip.file("xl/worksheets/_rels/sheet2.xml.rels")!.async("string");
    const targets = new Map([...relsXml.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
    const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, "\"").replace(/&amp;/g, "&");
    const links = [...sheetXml.matchAll(/<hyperlink ref="E(\d+)" r:id="([^"]+)" location="([^"]+)"\/>/g)]
      .map((m) => ({ row: Number(m[1]), target: targets.get(m[2]!)!, location: unescape(m[3]!) }));

    const workbook = await loadSummary(summaryPath);
    const issues = workbook.getWorksheet("问题清单")!;
    const withCell = rowsOf(issues).filter((r) => r["单元格"] !== null);
    expect(links.length).toBe(withCell.length);
    expect(links.length).toBeGreaterThan(0);

    const sources = new Map<string, ExcelJS.Workbook>();
    for (const link of links) {
      expect(link.target).not.toContain("#");
      expect(link.target).toMatch(/^\.\.?\//);
      const row = issues.getRow(link.row);
      expect(textOf(row.getCell(1).value)).toBe(decodeURIComponent(link.target).replace(/^\.\//, ""));
      const [sheetName, cell] = textOf(row.getCell(5).value).split("!");
      expect(link.location).toBe(`'${sheetName}'!${cell}`);
      const sourcePath = resolve(dirname(summaryPath), link.target);
      if (!sources.has(sourcePath)) sources.set(sourcePath, await loadSummary(sourcePath));
      const source = sources.get(sourcePath)!;
      expect(source.getWorksheet(sheetName!)).toBeDefined();
      // The linked cell is the one the finding is about: its "found" value is what the cell holds.
      const ruleId = textOf(row.getCell(4).value);
      if (ruleId === "a3.execution-score") {
        expect(cell).toBe("I5");
        expect(source.getWorksheet(sheetName!)!.getCell(cell!).value).toBe(row.getCell(7).value);
      }
    }
    expect(withCell.some((r) => r["规则"] === "a3.execution-score")).toBe(true);
  });

  test("the result does not depend on the number of workers", async () => {
    const one = cli(["units", "--summary", "one.xlsx", "--jobs", "1"]);
    expect(one.status).toBe(2);
    const a = await loadSummary(summaryPath);
    const b = await loadSummary(join(dir, "one.xlsx"));
    for (const name of ["单位汇总", "问题清单"]) {
      expect(rowsOf(b.getWorksheet(name)!)).toEqual(rowsOf(a.getWorksheet(name)!));
    }
  }, 60000);

  test("an existing summary is kept unless --force, and refused before any file is read", () => {
    const before = readFileSync(summaryPath);
    const again = cli(["units", "--summary", "summary.xlsx"]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("汇总文件已存在");
    expect(again.stderr).not.toContain("unit-corrupt");
    expect(readFileSync(summaryPath).equals(before)).toBe(true);
    const forced = cli(["units", "--summary", "summary.xlsx", "--force"]);
    expect(forced.status).toBe(2);
    expect(forced.stderr).toContain("已写出汇总");
  }, 60000);

  test("exit 0 when no file has errors, 1 when one has; a summary inside the folder is not a unit", async () => {
    const good = join(dir, "good");
    await generateBatch(good, 3);
    const clean = cli(["good", "--summary", "good/summary.xlsx"]);
    expect(clean.status).toBe(0);
    expect(clean.stderr).toContain("3 个文件，无法读取 0 个，错误 0");
    await writeSpecToXlsx(variant(3).spec, join(good, "z-errors.xlsx"));
    const withErrors = cli(["good", "--summary", "good/summary.xlsx", "--force", "--lang", "en"]);
    expect(withErrors.status).toBe(1);
    expect(withErrors.stderr).toContain("Wrote the summary good/summary.xlsx: 4 files, 0 unreadable");
  }, 60000);

  test("bad arguments", () => {
    const zeroJobs = cli(["units", "--summary", "x.xlsx", "--jobs", "0"]);
    expect(zeroJobs.status).toBe(2);
    expect(zeroJobs.stderr).toContain("--jobs 应为 1 到 256 的整数");
    const withFix = cli(["units/unit-001.xlsx", "--summary", "x.xlsx", "--fix", "y.xlsx"]);
    expect(withFix.status).toBe(2);
    expect(withFix.stderr).toContain("--fix 不能与 --summary 同时使用");
  });
});

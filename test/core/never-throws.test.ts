/**
 * Hostile values in realistic forms (fast-check): the sample and the forms of test/helpers with
 * cells replaced by text, dashes, Excel errors, zeros, negatives, 1e300, 1e-300, -0, NaN-like
 * text, full-width digits, 4,000-character strings, control characters, RTL marks, emoji, dates,
 * values a buggy host might hand over (NaN, a Date object), duplicated label rows and label rows
 * pasted elsewhere. Whatever the input, validate returns (never throws); every finding speaks zh
 * and en; every fix writes a finite number or text, into a cell that exists, is not hidden under
 * another cell's merge, and holds what the fix expects; and the JSON report can be built.
 */
import fc from "fast-check";
import { planFixes, RULES, SparseSheet, toJsonReport, validate, type ValidationResult, type WorkbookSnapshot } from "../../src/core";
import { snapshotFromSpec, type CellSpec, type WorkbookSpec } from "../../src/adapters/memory/grid-spec";
import { safeCell, type Cell, type CellValue, type SheetGrid } from "../../src/core/grid/workbook";
import { parseRangeA1, rangeToA1, type CellAddress, type CellRange } from "../../src/core/grid/address";
import { zhuzhouLuosongNpc2023 as SEED } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { annex2Form, annex3Form, stack, workbook } from "../helpers/forms";
import { insertRowsAfter, setCell } from "../helpers/variants";
import { messageOf } from "../../src/core/messages/catalogue";

const RULE_IDS = new Set<string>(RULES.map((r) => r.meta.id));

// ---------------------------------------------------------------------------------------------
// The invariants

function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetGrid | undefined {
  return snapshot.sheets.find((s) => s.name === name);
}

function isMergeFollower(sheet: SheetGrid, at: CellAddress): boolean {
  return sheet.merges.some((m) => at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right && (at.row !== m.top || at.col !== m.left));
}

/** Equal as a fix compares them: NaN equals NaN, an error equals the same error, "" is blank. */
function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a === "" || a === undefined ? null : a;
  const y = b === "" || b === undefined ? null : b;
  if (typeof x === "object" && x !== null && typeof y === "object" && y !== null) return x.error === y.error;
  return Object.is(x, y) || x === y;
}

/** The first broken invariant of a result, or null. */
function brokenInvariant(snapshot: WorkbookSnapshot, result: ValidationResult): string | null {
  for (const f of result.findings) {
    const where = `${f.ruleId} at ${JSON.stringify(f.at)}`;
    if (!RULE_IDS.has(f.ruleId)) return `unknown rule ${where}`;
    if (typeof messageOf(f)?.zh !== "string" || messageOf(f).zh.trim() === "") return `no zh message: ${where}`;
    if (typeof messageOf(f)?.en !== "string" || messageOf(f).en.trim() === "") return `no en message: ${where}`;
    // No hostile value is the text "undefined": seeing it means a message printed a missing field.
    if (/undefined/.test(messageOf(f).en + messageOf(f).zh)) return `message shows a JS artefact: ${where}: ${messageOf(f).en.slice(0, 200)}`;
    if (f.at) {
      const sheet = sheetOf(snapshot, f.at.sheet);
      if (!sheet || !Number.isInteger(f.at.row) || !Number.isInteger(f.at.col) || f.at.row < 0 || f.at.col < 0) return `no such cell: ${where}`;
    }
    for (const edit of f.fix?.edits ?? []) {
      const sheet = sheetOf(snapshot, edit.at.sheet);
      if (!sheet) return `fix on a missing sheet: ${where}`;
      if (edit.at.row < 0 || edit.at.col < 0 || edit.at.row >= Math.max(1, sheet.rowCount) || edit.at.col >= Math.max(1, sheet.colCount)) {
        return `fix outside the sheet: ${where}`;
      }
      if (isMergeFollower(sheet, edit.at)) return `fix into a cell hidden under a merge: ${where}`;
      if (typeof edit.after === "number" && !Number.isFinite(edit.after)) return `fix writes ${edit.after}: ${where}`;
      if (typeof edit.after !== "number" && typeof edit.after !== "string") return `fix writes ${typeof edit.after}: ${where}`;
      // The core sees a cell as safeCell shows it (a Date as its ISO text).
      const current = safeCell(sheet.cell(edit.at.row, edit.at.col))?.value ?? null;
      if (!sameValue(current, edit.before)) return `fix expects ${JSON.stringify(edit.before)} but the cell holds ${JSON.stringify(current)}: ${where}`;
    }
  }
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  if (result.summary.errors !== count("error") || result.summary.warnings !== count("warning") || result.summary.infos !== count("info")) {
    return "summary counts differ from the findings";
  }
  if (result.summary.score !== null && !/^-?\d+\.\d{2}$/.test(result.summary.score)) return `summary score ${result.summary.score}`;
  return null;
}

function check(snapshot: WorkbookSnapshot): ValidationResult {
  const result = validate(snapshot);
  const broken = brokenInvariant(snapshot, result);
  if (broken) throw new Error(broken);
  // What every host does next must not throw either.
  toJsonReport("hostile.xlsx", result, "zh");
  toJsonReport("hostile.xlsx", result, "en");
  planFixes(result.findings, { includeUnsafe: true });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Hostile values

const LONG_ASCII = "x".repeat(4000);
const LONG_CJK = "长".repeat(4000);

const HOSTILE: readonly CellSpec[] = [
  "约30", "大约5", "三十", "——", "—", "-", "/", "\\", "无", "", " ", "\u3000", "\n",
  "#DIV/0!", "#REF!", "#VALUE!", "#N/A", "#NUM!", { v: { error: "#DIV/0!" } }, { v: { error: "#REF!" } }, { v: { error: "#VALUE!" } },
  0, -0, -1, -5.5, -1e6, 1e300, -1e300, 1e-300, 5e-324, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 1,
  "NaN", "Infinity", "-Infinity", "1e300", "1e-300", "-0", "+5", ".5", "0x10", "1_000", "12%%", "50‰", "1,2,3",
  "9".repeat(400), `0.${"0".repeat(400)}1`, "1,234,567,890,123,456,789.12",
  "９８２．６０", "１００％", "－３０", "٣٠", "३०", "982.60万元", "982.60元", "60%", "0.6", "166.67%",
  "2023-12-31", "2023/12/31", "2023年12月31日", "2023-12-31T00:00:00.000Z", { v: 45291, fmt: "yyyy-mm-dd" },
  LONG_ASCII, LONG_CJK, `${"按收入性质分：".repeat(500)}982.60`, "项目支出：".repeat(800),
  "\u0000\u0001\u0002", "项\u0007目", "\u202e项目支出\u202c", "\u200f98\u200e", "\u200b\u200d\ufeff",
  "😀", "👨\u200d👩\u200d👧", "98😀", "🏳️‍🌈 项目支出：70.66",
  "=SUM(B1:B3)", "'123", "@", "+", true, false, null,
  { v: 0.6, fmt: "0%" }, { v: 98, fmt: "0.00%" }, { v: -0.5, fmt: "0.00%" }, { v: 1e300, fmt: "0.00%" }, { v: 5, fmt: '0.00"%"' },
  { v: 98, f: "=SUM(H6:H28)" }, { v: { error: "#REF!" }, f: "=#REF!+1" },
];

/** Labels of the sample pasted somewhere else: a second 总分, a second 年度资金总额, ... */
const LABELS: readonly string[] = [
  "经费控制情况（万元）", "三公经费：", "项目支出：", "公用经费：", "楼堂馆所控制情况\n（2023年完工项目）", "编制数", "控制率",
  "年度资金总额", "全年预算数", "全年执行数", "分值", "得分", "执行率", "按收入性质分：", "按支出性质分：", "一级指标", "三级指标",
  "总分", "合计", "产出指标(40分)", "附件2", "附件3", "填表人：",
];

const valueArb: fc.Arbitrary<CellSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: "binary" }) },
);

// ---------------------------------------------------------------------------------------------
// Bases and damage

const BASES: readonly { readonly name: string; readonly spec: WorkbookSpec }[] = [
  { name: "sample", spec: SEED },
  { name: "forms", spec: workbook(annex2Form(), annex3Form()) },
  { name: "forms on one sheet", spec: workbook(stack("Sheet1", [annex2Form(), annex3Form()])) },
  { name: "forms placed elsewhere", spec: workbook(annex3Form({ offset: { rows: 3, cols: 2 } }), annex2Form({ offset: { rows: 1, cols: 1 } })) },
];

type Damage =
  | { readonly kind: "set"; readonly sheet: number; readonly row: number; readonly col: number; readonly value: CellSpec }
  | { readonly kind: "duplicate-row"; readonly sheet: number; readonly row: number; readonly to: number }
  | { readonly kind: "merge"; readonly sheet: number; readonly top: number; readonly left: number; readonly height: number; readonly width: number };

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("set" as const), sheet: fc.nat(3), row: fc.nat(45), col: fc.nat(11), value: valueArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("duplicate-row" as const), sheet: fc.nat(3), row: fc.nat(45), to: fc.nat(50) }) },
  // A merge over cells that keep their values (hidden under it, as WPS files or hand-built specs have them).
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("merge" as const), sheet: fc.nat(3), top: fc.nat(45), left: fc.nat(11), height: fc.nat(3), width: fc.nat(3) }) },
);

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function damage(base: WorkbookSpec, damages: readonly Damage[]): WorkbookSpec {
  let spec = base;
  for (const d of damages) {
    const sheet = spec.sheets[d.sheet % spec.sheets.length]!;
    if (d.kind === "set") {
      spec = setCell(spec, sheet.name, d.row, d.col, d.value);
    } else if (d.kind === "merge") {
      const range: CellRange = { sheet: "", top: d.top, left: d.left, bottom: d.top + d.height, right: d.left + d.width };
      const existing = (sheet.merges ?? []).map((m) => parseRangeA1(m)!);
      if ((d.height === 0 && d.width === 0) || existing.some((m) => overlaps(m, range))) continue;
      spec = { sheets: spec.sheets.map((s) => (s === sheet ? { ...s, merges: [...(s.merges ?? []), rangeToA1(range)] } : s)) };
    } else {
      // A label row copied (or pasted twice): the same labels now appear on two rows.
      const row = sheet.rows[d.row % Math.max(1, sheet.rows.length)] ?? [];
      spec = insertRowsAfter(spec, sheet.name, Math.min(d.to, Math.max(0, sheet.rows.length - 1)), [[...row]]);
    }
  }
  return spec;
}

/** Values only a buggy host hands over (the Cell type forbids them), put straight into the sheet. */
const RUNTIME_ODDITIES: readonly unknown[] = [NaN, Infinity, -Infinity, new Date(Date.UTC(2023, 11, 31)), new Date(NaN), undefined, { error: 42 }, { foo: 1 }, [1, 2], 10n];

function withOddities(snapshot: WorkbookSnapshot, places: readonly (readonly [number, number, number, number])[]): WorkbookSnapshot {
  if (places.length === 0) return snapshot;
  const sheets = snapshot.sheets.map((s) => {
    const copy = new SparseSheet(s.name);
    for (let r = 0; r < s.rowCount; r++) for (let c = 0; c < s.colCount; c++) {
      const cell = s.cell(r, c);
      if (cell) copy.set(r, c, cell);
    }
    for (const m of s.merges) copy.addMerge(m);
    return copy;
  });
  for (const [sheet, row, col, which] of places) {
    const target = sheets[sheet % sheets.length]!;
    target.set(row, col, { value: RUNTIME_ODDITIES[which % RUNTIME_ODDITIES.length] as CellValue } as Cell);
  }
  return { sheets };
}

// ---------------------------------------------------------------------------------------------

describe("validate on hostile values", () => {
  test.each(BASES)("the base workbook ($name) satisfies the invariants", ({ spec }) => {
    const result = check(snapshotFromSpec(spec));
    expect(result.annex2).not.toBeNull();
    expect(result.annex3).not.toBeNull();
  });

  test("cells of realistic forms replaced by hostile values, label rows duplicated: never throws, invariants hold", () => {
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(damageArb, { minLength: 1, maxLength: 12 }), (base, damages) => {
        check(snapshotFromSpec(damage(BASES[base]!.spec, damages)));
      }),
      { numRuns: 200 },
    );
  });

  test("values a buggy host might hand over (NaN, Infinity, a Date, undefined, a bigint): never throws, invariants hold", () => {
    const placeArb = fc.tuple(fc.nat(3), fc.nat(40), fc.nat(10), fc.nat(RUNTIME_ODDITIES.length - 1));
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(placeArb, { minLength: 1, maxLength: 15 }), (base, places) => {
        check(withOddities(snapshotFromSpec(BASES[base]!.spec), places));
      }),
      { numRuns: 150 },
    );
  });

  test("every number cell of the sample set to each hostile value in turn", () => {
    // Exhaustive over the values, one cell at a time, on cells other figures derive from or
    // that derive from others: 编制数, 全年预算数, 执行率得分, one indicator 分值, 总分.
    const cells: readonly (readonly [string, number, number])[] = [
      ["附件2", 3, 1], ["附件3", 4, 4], ["附件3", 4, 8], ["附件3", 13, 6], ["附件3", 28, 7],
    ];
    const failures: string[] = [];
    for (const [sheet, row, col] of cells) {
      for (const value of HOSTILE) {
        try {
          check(snapshotFromSpec(setCell(SEED, sheet, row, col, value)));
        } catch (error) {
          failures.push(`${sheet} r${row} c${col} = ${JSON.stringify(value)?.slice(0, 60)}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("examples the properties found", () => {
  test("a runaway rate (编制数 1e-300) is reported but not fixed", () => {
    const result = check(snapshotFromSpec(setCell(SEED, "附件2", 3, 1, 1e-300)));
    const rate = result.findings.find((f) => f.ruleId === "a2.staff-control-rate");
    expect(rate?.severity).toBe("error");
    expect(rate?.fix).toBeUndefined();
  });

  test("a 400-digit number stored as text is reported, not fixed (Excel keeps 15 digits)", () => {
    const result = check(snapshotFromSpec(setCell(SEED, "附件3", 13, 6, "9".repeat(400))));
    const finding = result.findings.find((f) => f.ruleId === "cell.text-number" && f.at?.row === 13 && f.at.col === 6);
    expect(finding).toBeDefined();
    expect(finding?.fix).toBeUndefined();
  });

  test("a number stored as text below the limit still gets its fix", () => {
    const result = check(snapshotFromSpec(setCell(SEED, "附件3", 13, 6, "９")));
    const finding = result.findings.find((f) => f.ruleId === "cell.text-number" && f.at?.row === 13 && f.at.col === 6);
    expect(finding?.fix?.edits[0]?.after).toBe(9);
  });

  test("a Date object in a number cell reads as its ISO text: not a number, no throw", () => {
    const snapshot = withOddities(snapshotFromSpec(SEED), [[0, 3, 1, 3]]);
    const result = check(snapshot);
    const finding = result.findings.find((f) => f.ruleId === "cell.not-a-number" && f.at?.sheet === "附件2" && f.at.row === 3 && f.at.col === 1);
    expect(finding?.actual).toBe("2023-12-31T00:00:00.000Z");
  });

  test("a sheet that fails while being read: the annex is reported unreadable, the other one is still checked", () => {
    const snapshot = snapshotFromSpec(SEED);
    const a2 = snapshot.sheets[0]!;
    let reads = 0;
    // Throws on a value cell only after recognition has scanned the sheet once: parsing fails.
    const failing: SheetGrid = {
      name: a2.name, rowCount: a2.rowCount, colCount: a2.colCount, merges: a2.merges,
      cell(row, col) {
        if (row === 3 && col === 1 && ++reads > 1) throw new Error("host read failed");
        return a2.cell(row, col);
      },
    };
    const result = check({ sheets: [failing, snapshot.sheets[1]!] });
    expect(result.annex2).toBeNull();
    expect(result.annex3).not.toBeNull();
    const unreadable = result.findings.filter((f) => f.ruleId === "sheet.annex-not-found");
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]!.at).toEqual({ sheet: "附件2", row: 0, col: 0 });
    expect(messageOf(unreadable[0]!).zh).toMatch(/^无法读取附件2.*host read failed/);
    expect(messageOf(unreadable[0]!).en).toMatch(/^Could not read Annex 2.*host read failed/);
    // 附件3's own findings are all still there.
    const seed = validate(snapshotFromSpec(SEED));
    const a3Keys = (r: ValidationResult) => r.findings.filter((f) => f.at?.sheet === "附件3" && !f.ruleId.startsWith("x.")).map((f) => `${f.ruleId}@${f.at!.row},${f.at!.col}`);
    expect(a3Keys(result)).toEqual(a3Keys(seed));
  });

  test("a label repeated on 150,000 rows does not overflow the call stack", () => {
    const sheet = new SparseSheet("Sheet1");
    sheet.set(0, 0, { value: "2023年度部门整体支出绩效评价基础数据表" });
    for (let r = 1; r <= 150_000; r++) sheet.set(r, 0, { value: "三公经费：" });
    const result = check({ sheets: [sheet] });
    expect(result.annex2).not.toBeNull();
  });

  test("a sheet that claims absurd dimensions or a whole-sheet merge is read in bounded time", () => {
    const sheet = new SparseSheet("Sheet1");
    sheet.set(0, 0, { value: "附件2" });
    sheet.addMerge({ sheet: "Sheet1", top: 5, left: 0, bottom: 1_048_575, right: 16_383 });
    const started = Date.now();
    check({ sheets: [sheet] });
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

/**
 * Properties of validate() over workbooks nobody wrote by hand (fast-check): random grids built
 * from real labels and odd values, and random damage done to the sample. Whatever the input,
 * validation returns findings (never throws), every finding names a cell that exists, speaks both
 * languages, and every fix expects exactly what the cell holds.
 */
import fc from "fast-check";
import { validate, RULES, SparseSheet, type Finding, type ValidationResult, type WorkbookSnapshot } from "../../src/core";
import { snapshotFromSpec, type CellSpec, type WorkbookSpec } from "../../src/adapters/memory/grid-spec";
import { sameCellValue } from "../../src/adapters/memory/memory-workbook";
import type { CellAddress, CellRange } from "../../src/core/grid/address";
import type { Cell, CellValue } from "../../src/core/grid/workbook";
import { zhuzhouLuosongNpc2023 as SEED } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { deleteRow, insertRowsAfter, removeMerges, setCell, textOf, valueOf } from "../helpers/variants";
import { messageOf } from "../../src/core/messages/catalogue";

const RULE_IDS = new Set<string>(RULES.map((r) => r.meta.id));

// ---------------------------------------------------------------------------------------------
// The invariants every result must satisfy

function cellOf(snapshot: WorkbookSnapshot, at: CellAddress): Cell | undefined {
  return snapshot.sheets.find((s) => s.name === at.sheet)?.cell(at.row, at.col);
}

function insideASheet(snapshot: WorkbookSnapshot, at: CellAddress): boolean {
  const sheet = snapshot.sheets.find((s) => s.name === at.sheet);
  return !!sheet && Number.isInteger(at.row) && Number.isInteger(at.col) && at.row >= 0 && at.col >= 0
    && at.row < Math.max(1, sheet.rowCount) && at.col < Math.max(1, sheet.colCount);
}

/** Describes the first broken invariant of a result, or null when all hold. */
function brokenInvariant(snapshot: WorkbookSnapshot, result: ValidationResult): string | null {
  for (const f of result.findings) {
    const where = `${f.ruleId} at ${JSON.stringify(f.at)}`;
    if (!RULE_IDS.has(f.ruleId)) return `unknown rule ${where}`;
    if (!["error", "warning", "info"].includes(f.severity)) return `bad severity ${where}`;
    if (f.at !== null && !insideASheet(snapshot, f.at)) return `cell outside every sheet: ${where}`;
    for (const r of f.related) if (!insideASheet(snapshot, r)) return `related cell ${JSON.stringify(r)} outside every sheet: ${where}`;
    if (typeof messageOf(f).zh !== "string" || messageOf(f).zh.trim() === "") return `no zh message: ${where}`;
    if (typeof messageOf(f).en !== "string" || messageOf(f).en.trim() === "") return `no en message: ${where}`;
    for (const edit of f.fix?.edits ?? []) {
      if (!insideASheet(snapshot, edit.at)) return `fix edit outside every sheet: ${where}`;
      const current = cellOf(snapshot, edit.at)?.value ?? null;
      if (!sameCellValue(current, edit.before)) return `fix expects ${JSON.stringify(edit.before)} but the cell holds ${JSON.stringify(current)}: ${where}`;
      if (typeof edit.after === "number" && !Number.isFinite(edit.after)) return `fix writes ${edit.after}: ${where}`;
      if (cellOf(snapshot, edit.at)?.formula !== undefined) return `fix over a formula: ${where}`;
    }
  }
  const s = result.summary;
  const count = (sev: Finding["severity"]) => result.findings.filter((f) => f.severity === sev).length;
  if (s.errors !== count("error") || s.warnings !== count("warning") || s.infos !== count("info")) return "summary counts differ from the findings";
  return null;
}

function check(snapshot: WorkbookSnapshot): ValidationResult {
  // A throw here fails the property with validate's own error (fast-check shows it as the cause).
  const result = validate(snapshot);
  const broken = brokenInvariant(snapshot, result);
  if (broken) throw new Error(broken);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Random grids

/** Every text of the sample, plus label variants of annexes.md: grids built from these look like annexes. */
const LABELS: readonly string[] = [
  ...new Set(SEED.sheets.flatMap((s) => s.rows.flatMap((row) => row.map(textOf).filter((t): t is string => t !== null)))),
  "三公经费：", "其中:公车购置", "1、业务工作专项", "2、运行维护专项", "3、省级专项资金（每个专项一行）", "部门整体支出预算调整",
  "2023 年实际在职人数", "实际规（㎡）", "经费控制情况（万元", "自评得分", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)",
  "调整后预算数", "预算执行数", "预算执行率", "权重", "指标值", "完成值", "未完成原因分析", "合计", "(40分)", "指标性质", "度量单位",
  "2022年决算数", "2023年预算数", "2023年决算数", "2024年决算数", "附件2", "附件3", "达成年度指标", "部分达成年度指标并具有一定效果",
];

const ODD_TEXTS: readonly string[] = [
  "——", "—", "-", "/", "", " ", "\u3000", "\n", "约30", "９８２．６０", "1,234.56", "982.60万元", "60%", "0.6", "#DIV/0!", "#REF!",
  "≥95%", "≤812.38万元", "不少于30次", "837.48万元", "100%", "😀", "👨\u200d👩\u200d👧 表", "\u200f项目支出\u200e", "项\u0007目",
  "1e300", "-0", "NaN", "Infinity", "=SUM(B1:B3)", "(40分)", "按收入性质分：", "按支出性质分：abc", "项目支出：约70", "其中：基本支出：#N/A",
];

/** A double a sheet can plausibly hold: 0, or a magnitude between 1e-9 and 1e12. */
const realisticDouble: fc.Arbitrary<number> = fc
  .double({ min: -1e12, max: 1e12, noNaN: true })
  .map((v) => (v !== 0 && Math.abs(v) < 1e-9 ? 0 : v));

const cellValueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_TEXTS) },
  { weight: 3, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  // Finite and of a size a budget can have: a ratio of two of them stays a finite double (see the
  // 5e-324 example at the end for what happens beyond).
  { weight: 2, arbitrary: realisticDouble },
  { weight: 1, arbitrary: fc.constantFrom(0.6, 0.9996, 1.6667, 98, 100, 10, 20, 19, 0, -0) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: "#DIV/0!" }, { error: "#REF!" }, { error: "#N/A" }, { error: "#VALUE!" }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: "grapheme" }) },
  { weight: 1, arbitrary: fc.string({ minLength: 500, maxLength: 500, unit: "grapheme-ascii" }) },
  { weight: 1, arbitrary: fc.constantFrom("长".repeat(500), `${"按收入性质分：".repeat(70)}982.60`) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
);

const cellArb: fc.Arbitrary<Cell> = fc.record(
  { value: cellValueArb, numberFormat: fc.constantFrom("0%", "0.00%", "0.00", "General", '0.00"%"') },
  { requiredKeys: ["value"] },
);

const ROWS = 40;
const COLS = 12;

const mergeArb = fc.record({
  top: fc.nat(ROWS - 1), left: fc.nat(COLS - 1), height: fc.nat(6), width: fc.nat(4),
});

const sheetArb = fc.record({
  /** Start from a sheet of the sample (then overlay random cells) or from nothing. */
  base: fc.constantFrom<string | null>(null, null, "附件2", "附件3"),
  cells: fc.array(fc.tuple(fc.nat(ROWS - 1), fc.nat(COLS - 1), cellArb), { maxLength: 160 }),
  merges: fc.array(mergeArb, { maxLength: 12 }),
});

interface SheetInput {
  readonly base: string | null;
  readonly cells: readonly (readonly [number, number, Cell])[];
  readonly merges: readonly { readonly top: number; readonly left: number; readonly height: number; readonly width: number }[];
}

const SHEET_NAMES = ["附件2", "附件3", "Sheet1", "基础数据表", "2023自评", "汇总", "Sheet 2", "O'Brien", "附件2 (2)"];

const workbookArb = fc.uniqueArray(fc.tuple(fc.constantFrom(...SHEET_NAMES), sheetArb), { minLength: 1, maxLength: 3, selector: ([name]) => name });

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

const SEED_SNAPSHOT = snapshotFromSpec(SEED);

function buildWorkbook(sheets: readonly (readonly [string, SheetInput])[], options: { keepHidden?: boolean } = {}): WorkbookSnapshot {
  return {
    sheets: sheets.map(([name, spec]) => {
      const sheet = new SparseSheet(name);
      const merges: CellRange[] = [];
      const base = SEED_SNAPSHOT.sheets.find((s) => s.name === spec.base);
      if (base) {
        for (let r = 0; r < base.rowCount; r++) {
          for (let c = 0; c < base.colCount; c++) {
            const cell = base.cell(r, c);
            if (cell) sheet.set(r, c, cell);
          }
        }
        for (const m of base.merges) {
          merges.push({ ...m, sheet: name });
          sheet.addMerge({ ...m, sheet: name });
        }
      }
      for (const [row, col, cell] of spec.cells) sheet.set(row, col, cell);
      for (const m of spec.merges) {
        const range: CellRange = { sheet: name, top: m.top, left: m.left, bottom: m.top + m.height, right: m.left + m.width };
        if (range.top === range.bottom && range.left === range.right) continue;
        // Excel never stores overlapping merges.
        if (merges.some((other) => overlaps(other, range))) continue;
        merges.push(range);
        sheet.addMerge(range);
      }
      // As Excel (and readXlsx) hold them: a merged area keeps the value of its top-left cell only.
      if (!options.keepHidden) for (const m of merges) {
        for (let r = m.top; r <= m.bottom; r++) {
          for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) sheet.clear(r, c);
        }
      }
      return sheet;
    }),
  };
}

describe("random grids", () => {
  test("validate never throws; findings name existing cells, speak zh and en, and fixes expect what the cells hold", () => {
    fc.assert(
      fc.property(workbookArb, (sheets) => {
        check(buildWorkbook(sheets));
      }),
      { numRuns: 300 },
    );
  });

  test("grids made mostly of annex labels are often recognized (the generator reaches the parsers)", () => {
    const samples = fc.sample(workbookArb, { numRuns: 200, seed: 2023 });
    const recognized = samples.filter((s) => {
      const r = validate(buildWorkbook(s));
      return r.annex2 !== null || r.annex3 !== null;
    });
    expect(recognized.length).toBeGreaterThan(60);
  });

  test("an empty workbook and an empty sheet", () => {
    check({ sheets: [] });
    check({ sheets: [new SparseSheet("Sheet1")] });
  });
});

// ---------------------------------------------------------------------------------------------
// Random damage to the sample

interface NumberCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** Every cell of the sample that holds a number. */
const NUMBER_CELLS: readonly NumberCell[] = SEED.sheets.flatMap((s) =>
  s.rows.flatMap((row, r) => row.flatMap((spec, c) => (typeof valueOf(spec) === "number" ? [{ sheet: s.name, row: r, col: c }] : []))),
);

const replacementArb: fc.Arbitrary<CellSpec> = fc.oneof(
  fc.constantFrom<CellSpec>("约30", "——", "—", "-", "/", null, "", "\u3000", { v: { error: "#DIV/0!" } }, "#DIV/0!", "９８２．６０", "982.60万元", "60%"),
  realisticDouble,
  fc.integer({ min: -100, max: 1000 }),
  realisticDouble.map((v) => ({ v, fmt: "0.00%" })),
);

type Mutation =
  | { readonly kind: "set"; readonly target: number; readonly value: CellSpec }
  | { readonly kind: "delete-row"; readonly sheet: number; readonly row: number }
  | { readonly kind: "insert-blank-row"; readonly sheet: number; readonly row: number }
  | { readonly kind: "remove-merges"; readonly sheet: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("set" as const), target: fc.nat(NUMBER_CELLS.length - 1), value: replacementArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete-row" as const), sheet: fc.nat(1), row: fc.nat(31) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("insert-blank-row" as const), sheet: fc.nat(1), row: fc.nat(31) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove-merges" as const), sheet: fc.nat(1) }) },
);

/** Mutations apply in order; a "set" addresses the sample's own cell, so it goes first in each list. */
function mutate(mutations: readonly Mutation[]): WorkbookSpec {
  let spec: WorkbookSpec = SEED;
  const ordered = [...mutations.filter((m) => m.kind === "set"), ...mutations.filter((m) => m.kind !== "set")];
  for (const m of ordered) {
    const sheetName = (i: number) => spec.sheets[i % spec.sheets.length]!.name;
    switch (m.kind) {
      case "set": {
        const cell = NUMBER_CELLS[m.target]!;
        spec = setCell(spec, cell.sheet, cell.row, cell.col, m.value);
        break;
      }
      case "delete-row":
        spec = deleteRow(spec, sheetName(m.sheet), m.row);
        break;
      case "insert-blank-row":
        spec = insertRowsAfter(spec, sheetName(m.sheet), m.row, [[]]);
        break;
      case "remove-merges":
        spec = removeMerges(spec, sheetName(m.sheet));
        break;
    }
  }
  return spec;
}

describe("random damage to the sample", () => {
  test("validate never throws and the invariants hold", () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 5 }), (mutations) => {
        check(snapshotFromSpec(mutate(mutations)));
      }),
      { numRuns: 300 },
    );
  });

  test("the sample has number cells to damage", () => {
    expect(NUMBER_CELLS.length).toBeGreaterThan(80);
  });
});

// ---------------------------------------------------------------------------------------------
// A number cell a rule reads, set to text that is not a number

/** The addresses of every number the parsed models hold: the cells some rule reads. */
function readCells(result: ValidationResult): CellAddress[] {
  const out: CellAddress[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if ("parsed" in record && "role" in record) {
      // A located figure is its own cell's address.
      const { sheet, row, col } = record as unknown as CellAddress;
      out.push({ sheet, row, col });
      return;
    }
    for (const value of Object.values(record)) walk(value);
  };
  walk(result.annex2);
  walk(result.annex3);
  return out;
}

const SEED_RESULT = validate(snapshotFromSpec(SEED));
/** Number cells of the sample that a rule reads (numbers inside labels are text cells, not here). */
const READ_NUMBER_CELLS: readonly NumberCell[] = readCells(SEED_RESULT)
  .filter((at) => NUMBER_CELLS.some((n) => n.sheet === at.sheet && n.row === at.row && n.col === at.col))
  .map((at) => ({ sheet: at.sheet, row: at.row, col: at.col }));

describe("a number a rule reads, replaced by text", () => {
  test("every number cell of the sample is read by some rule", () => {
    expect(READ_NUMBER_CELLS.length).toBe(NUMBER_CELLS.length);
  });

  test("is reported at that very cell (cell.not-a-number or the derived rule's own finding)", () => {
    const textArb = fc.constantFrom("约30", "大约5", "30左右", "见附表", "待定", "三十", "≈10", "30-40");
    fc.assert(
      fc.property(fc.nat(READ_NUMBER_CELLS.length - 1), textArb, fc.boolean(), (index, text, noMerges) => {
        const cell = READ_NUMBER_CELLS[index]!;
        let spec = setCell(SEED, cell.sheet, cell.row, cell.col, text);
        if (noMerges) spec = removeMerges(spec);
        const result = check(snapshotFromSpec(spec));
        const here = result.findings.filter((f) => f.at?.sheet === cell.sheet && f.at.row === cell.row && f.at.col === cell.col);
        const reported = here.some((f) => f.severity === "error" && (f.ruleId === "cell.not-a-number" || f.actual === text));
        if (!reported) throw new Error(`"${text}" at ${cell.sheet} r${cell.row} c${cell.col}: findings here ${JSON.stringify(here.map((f) => f.ruleId))}`);
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// One wrong cell, one finding (rules.md): examples found by the properties above

describe("one unreadable cell gives one finding, not a cascade", () => {
  /** Error findings of the damaged sample that the sample itself does not have, by rule and cell. */
  function newErrors(spec: WorkbookSpec): string[] {
    const key = (f: Finding) => `${f.ruleId} ${f.at ? `${f.at.sheet}!r${f.at.row}c${f.at.col}` : "-"}`;
    const before = new Set(SEED_RESULT.findings.filter((f) => f.severity === "error").map(key));
    return validate(snapshotFromSpec(spec)).findings.filter((f) => f.severity === "error").map(key).filter((k) => !before.has(k));
  }

  test("编制数 \"约30\": only cell.not-a-number (控制率 is not recomputed from it)", () => {
    expect(newErrors(setCell(SEED, "附件2", 3, 1, "约30"))).toEqual(["cell.not-a-number 附件2!r3c1"]);
  });

  test("执行率 \"约30\": the derived rule reports it once", () => {
    expect(newErrors(setCell(SEED, "附件3", 4, 7, "约30"))).toHaveLength(1);
  });

  // A part holding text ("约30") is unknown, not blank: 项目支出 is not "recomputed" from the
  // remaining lines (which would call the right 70.27 wrong and offer a safe fix writing 0).
  test("业务工作经费 2023年决算数 \"约30\": no a2.project-total finding (a text part is unknown, not blank)", () => {
    expect(newErrors(setCell(SEED, "附件2", 12, 3, "约30"))).toEqual(["cell.not-a-number 附件2!r12c3"]);
  });

  // An unreadable 分值 is not 0: neither the 一级指标 sum nor the weights total is checked with it.
  test("an indicator 分值 \"约30\": no a3.level1-weight / a3.weights-total finding (a text weight is unknown, not 0)", () => {
    expect(newErrors(setCell(SEED, "附件3", 13, 6, "约30"))).toEqual(["cell.not-a-number 附件3!r13c6"]);
  });

  // Without a readable 全年预算数 the 执行率得分 cannot be recomputed, and the reported 98 (the
  // very cell a3.execution-score calls wrong) must not stand in for it: the 总分 is not checked
  // (it would say 186) and the summary has no score. The 98 on a 10-point row is still an error,
  // now without a fix (no rate to compute the right score from). The seed already has that
  // finding, so it is not among the new errors.
  test("全年预算数 \"约30\": no a3.total-score cascade, summary score not 186 (the reported 98 is not used in the total)", () => {
    const spec = setCell(SEED, "附件3", 4, 4, "约30");
    expect(newErrors(spec)).toEqual(["cell.not-a-number 附件3!r4c4"]);
    const result = validate(snapshotFromSpec(spec));
    expect(result.summary.score).toBeNull();
    expect(result.findings.filter((f) => f.ruleId === "a3.total-score" || f.ruleId === "a3.grade")).toEqual([]);
    const over = result.findings.filter((f) => f.ruleId === "a3.execution-score");
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ severity: "error", at: { sheet: "附件3", row: 4, col: 8 }, actual: "98", expected: "0..10" });
    expect(over[0]!.fix).toBeUndefined();
  });
});

describe("fixes always write a finite number", () => {
  // Found by the damage property with 编制数 = 5e-324 (a denormal pasted from another system):
  // 控制率 = 35 / 5e-324 overflows a double. The finding stays; no fix writes Infinity.
  test("编制数 5e-324: the 控制率 fix is finite or absent", () => {
    const result = validate(snapshotFromSpec(setCell(SEED, "附件2", 3, 1, 5e-324)));
    const edits = result.findings.flatMap((f) => f.fix?.edits ?? []);
    for (const edit of edits) if (typeof edit.after === "number") expect(Number.isFinite(edit.after)).toBe(true);
    const rate = result.findings.filter((f) => f.ruleId === "a2.staff-control-rate");
    expect(rate).toHaveLength(1);
    expect(rate[0]!.severity).toBe("error");
    expect(rate[0]!.fix).toBeUndefined();
  });
});

describe("a value hidden under a merge", () => {
  // A cell covered by a merge whose top-left is another cell is hidden in Excel, which keeps only
  // the top-left value; a snapshot built from a spec, a WPS file or another host can still carry
  // one. SheetIndex ignores it, so a label hidden there is not recognized (it used to be, and its
  // header read through the merge as null made Annex2Schema.parse throw out of validate).
  test("经费控制情况 under a merge A4:A5 with a blank A4: validate does not throw", () => {
    const a2 = SEED.sheets[0]!;
    const spec: WorkbookSpec = { sheets: [{ ...a2, merges: [...(a2.merges ?? []), "A4:A5"] }, SEED.sheets[1]!] };
    const result = check(snapshotFromSpec(spec));
    expect(result.annex2).not.toBeNull();
    expect(result.findings.filter((f) => f.ruleId === "sheet.annex-not-found")).toEqual([]);
  });

  test("楼堂馆所控制情况 hidden in F3 under a merge E3:F3: validate does not throw", () => {
    let spec = setCell(SEED, "附件2", 2, 5, "楼堂馆所控制情况\n（2023年完工项目）");
    spec = { sheets: [{ ...spec.sheets[0]!, merges: [...(spec.sheets[0]!.merges ?? []), "E3:F3"] }, spec.sheets[1]!] };
    const result = check(snapshotFromSpec(spec));
    // The hidden copy is not a second 楼堂馆所 block: the real one (row 20) is read as in the seed.
    expect(result.annex2?.buildings?.header).toEqual(SEED_RESULT.annex2?.buildings?.header);
  });

  test("random grids whose merged areas still carry hidden values: the invariants hold", () => {
    fc.assert(
      fc.property(workbookArb, (sheets) => {
        check(buildWorkbook(sheets, { keepHidden: true }));
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * The layout property (fast-check): what real tables do to a form's layout never changes what a
 * clean workbook is found to say. Shuffling the value columns, inserting blank rows, adding notes
 * and signatures after the table, splitting the headers over two rows, dropping every merge, a
 * page break that repeats the header, typing amounts with their units, moving the table on its
 * sheet: the findings (rule, severity, message) stay exactly those of the plain layout, for every
 * built-in form.
 */
import fc from "fast-check";
import { snapshotFromSpec, type CellSpec, type WorkbookSpec } from "../../src/adapters/memory/grid-spec";
import { messageText, validate, type ValidationResult } from "../../src/core";
import { projectSheet, projectWorkbook, type ProjectLayout, type ProjectStyle, type ValueColumn } from "../helpers/project-forms";
import { annex2Form, annex3Form, pct, workbook } from "../helpers/forms";
import { findRow, getCell, insertRowsAfter, mapSheet, removeMerges, setCell, shiftSheet, swapColumns } from "../helpers/variants";

const signatures = (r: ValidationResult) => r.findings.map((f) => `${f.ruleId}:${f.severity}:${messageText(f, "zh")}`).sort();
const check = (spec: WorkbookSpec) => validate(snapshotFromSpec(spec));

const NOTES = [
  "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算执行率10分。",
  "2.定性指标根据指标完成情况合理确定得分。",
  "说明：金额单位为万元。",
  "填表人：王五　　联系电话：13800000000　　填报日期：2024年3月",
  "单位负责人签字：",
];

// ---------------------------------------------------------------------------------------------
// Project tables: every layout option of the builder, at random.

const COLUMNS: readonly ValueColumn[] = ["target", "actual", "weight", "score", "reason", "nature", "unit"];

const layoutArb: fc.Arbitrary<ProjectLayout> = fc.record({
  valueOrder: fc.shuffledSubarray([...COLUMNS], { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
  twoRowHeaders: fc.boolean(),
  merges: fc.boolean(),
  blankRows: fc.integer({ min: 0, max: 2 }),
  pageBreakAfter: fc.option(fc.integer({ min: 2, max: 5 }), { nil: undefined }),
  amounts: fc.constantFrom("number", "wan", "wanyuan", "yuan"),
  percentActuals: fc.boolean(),
}).map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)) as ProjectLayout);

describe.each(["mof", "sichuan", "hubei"] as const)("a clean %s table under any layout", (style: ProjectStyle) => {
  const plain = check(projectWorkbook(projectSheet("Sheet1", { style })));

  test("the plain layout is clean (no error, no warning)", () => {
    expect(plain.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("says exactly what the plain layout says", () => {
    fc.assert(
      fc.property(
        layoutArb,
        fc.subarray(NOTES),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        (layout, notes, down, right) => {
          const spec = shiftSheet(projectWorkbook(projectSheet("Sheet1", { style, layout, notes })), "Sheet1", down, right);
          expect(signatures(check(spec))).toEqual(signatures(plain));
        },
      ),
      { numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 湖南 附件2 + 附件3: the seed corrected (clean), changed the same ways.

const CLEAN_HUNAN = workbook(
  annex2Form({ staff: { rate: pct(1.6667) } }),
  annex3Form({ funds: { score: 10 }, expense: { total: "982.21", basic: "911.94", project: "70.27" } }),
);

/** The indicator header's row on 附件3, and the 总分 row. */
const headerRow = (spec: WorkbookSpec) => findRow(spec, "附件3", "一级指标");
const totalRow = (spec: WorkbookSpec) => findRow(spec, "附件3", "总分");

/** The 附件3 value columns E..I moved about: E/F between them (above the 总分 row), G/H/I with the 总分 row. */
function shuffleColumns(spec: WorkbookSpec, swapTargetActual: boolean, order: readonly number[]): WorkbookSpec {
  const h = headerRow(spec);
  const t = totalRow(spec);
  let out = swapTargetActual ? swapColumns(spec, "附件3", 4, 5, { from: h, to: t - 1 }) : spec;
  // A permutation of G, H, I as a sequence of swaps.
  const current = [6, 7, 8];
  order.forEach((want, i) => {
    const j = current.indexOf(want);
    if (j !== i) {
      out = swapColumns(out, "附件3", current[i]!, current[j]!, { from: h, to: t });
      [current[i], current[j]] = [current[j]!, current[i]!];
    }
  });
  return out;
}

/** The indicator header over two rows: "绩效指标" over 一级/二级/三级, the other headers merged down. */
function splitHeader(spec: WorkbookSpec): WorkbookSpec {
  const h = headerRow(spec);
  const above: CellSpec[] = [];
  above[1] = "绩效指标";
  for (let c = 4; c <= 8; c++) above[c] = getCell(spec, "附件3", h, c);
  let out = insertRowsAfter(spec, "附件3", h - 1, [above]);
  for (let c = 4; c <= 8; c++) out = setCell(out, "附件3", h + 1, c, undefined);
  const n = h + 1; // 1-based number of the new row
  return mapSheet(out, "附件3", (s) => ({
    ...s,
    merges: [...(s.merges ?? []), `B${n}:D${n}`, ...["E", "F", "G", "H", "I"].map((col) => `${col}${n}:${col}${n + 1}`)],
  }));
}

/** Notes after the 总分 row (before the 填表人 footer) and at the very end. */
function addNotes(spec: WorkbookSpec, notes: readonly string[]): WorkbookSpec {
  if (notes.length === 0) return spec;
  return insertRowsAfter(spec, "附件3", totalRow(spec), notes.map((n) => [n]));
}

/** Blank rows between the blocks: above the indicator header and under the 年度资金总额 row. */
function addBlankRows(spec: WorkbookSpec, count: number): WorkbookSpec {
  if (count === 0) return spec;
  const blank = Array.from({ length: count }, () => [] as CellSpec[]);
  return insertRowsAfter(spec, "附件3", headerRow(spec) - 1, blank);
}

/** 年初预算数 / 全年预算数 / 全年执行数 typed with a unit. */
function typeAmounts(spec: WorkbookSpec, unit: "number" | "wan" | "wanyuan" | "yuan"): WorkbookSpec {
  if (unit === "number") return spec;
  const row = findRow(spec, "附件3", "年度资金总额");
  const figures = [[3, 962.51], [4, 982.6], [5, 982.21]] as const;
  let out = spec;
  for (const [col, value] of figures) {
    const text = unit === "wan" ? `${value}万` : unit === "wanyuan" ? `${value.toFixed(2)}万元` : `${Math.round(value * 10000).toLocaleString("en-US")}元`;
    out = setCell(out, "附件3", row, col, text);
  }
  return out;
}

describe("the clean 湖南 annexes under any layout", () => {
  const plain = check(CLEAN_HUNAN);

  test("the plain layout is clean (no error, no warning)", () => {
    expect(plain.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("says exactly what the plain layout says", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.shuffledSubarray([6, 7, 8], { minLength: 3, maxLength: 3 }),
        fc.boolean(),
        fc.subarray(NOTES.slice(0, 3)),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom("number", "wan", "wanyuan", "yuan") as fc.Arbitrary<"number" | "wan" | "wanyuan" | "yuan">,
        fc.boolean(),
        (swapEF, order, split, notes, blanks, unit, noMerges) => {
          let spec = shuffleColumns(CLEAN_HUNAN, swapEF, order);
          spec = typeAmounts(spec, unit);
          spec = addNotes(spec, notes);
          spec = addBlankRows(spec, blanks);
          if (split) spec = splitHeader(spec);
          if (noMerges) spec = removeMerges(spec, "附件2");
          expect(signatures(check(spec))).toEqual(signatures(plain));
        },
      ),
      { numRuns: 60 },
    );
  });
});

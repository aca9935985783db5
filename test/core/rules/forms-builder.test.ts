/**
 * The form builder (test/helpers/forms.ts) is only worth its defaults if they are the seed: with no
 * arguments it must reproduce the sample workbook cell for cell, merges included, and its offset
 * and stacking must move everything together.
 */
import { snapshotFromSpec, type SheetSpec } from "../../../src/adapters/memory/grid-spec";
import { rangeToA1, toA1 } from "../../../src/core/grid/address";
import type { SheetGrid } from "../../../src/core/grid/workbook";
import { validate } from "../../../src/core";
import { zhuzhouLuosongNpc2023 } from "../../../src/samples/zhuzhou-luosong-npc-2023";
import { annex2Form, annex3Form, seedWorkbook, stack, workbook } from "../../helpers/forms";

function cells(sheet: SheetGrid): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let r = 0; r < sheet.rowCount; r++) {
    for (let c = 0; c < sheet.colCount; c++) {
      const cell = sheet.cell(r, c);
      if (cell) out[toA1({ row: r, col: c })] = cell;
    }
  }
  return out;
}

function grid(spec: SheetSpec): SheetGrid {
  return snapshotFromSpec({ sheets: [spec] }).sheets[0]!;
}

const merges = (sheet: SheetGrid) => sheet.merges.map(rangeToA1).sort();

describe("form builder", () => {
  const sample = snapshotFromSpec(zhuzhouLuosongNpc2023);

  test.each([
    ["附件2", annex2Form()],
    ["附件3", annex3Form()],
  ])("with no arguments %s is the seed sample, cell for cell", (name, spec) => {
    const expected = sample.sheets.find((s) => s.name === name)!;
    const built = grid(spec);
    expect(built.name).toBe(name);
    expect(cells(built)).toEqual(cells(expected));
    expect(merges(built)).toEqual(merges(expected));
  });

  test("the seed workbook validates as the sample does", () => {
    const strip = (r: ReturnType<typeof validate>) => r.findings.map((f) => [f.ruleId, f.severity, f.at, f.expected, f.actual]);
    expect(strip(validate(snapshotFromSpec(seedWorkbook())))).toEqual(strip(validate(sample)));
  });

  test("an offset moves cells and merges together", () => {
    const moved = grid(annex2Form({ offset: { rows: 3, cols: 2 } }));
    const plain = grid(annex2Form());
    expect(moved.cell(3 + 3, 2 + 3)).toEqual(plain.cell(3, 3));
    expect(merges(moved)).toContain("C5:I5");
  });

  test("stacked forms share a sheet, the second below the first", () => {
    const both = grid(stack("Sheet1", [annex2Form(), annex3Form()], 2));
    const a2Rows = annex2Form().rows.length;
    expect(both.cell(a2Rows + 2, 0)?.value).toBe("附件3");
    expect(both.merges.length).toBe(annex2Form().merges!.length + annex3Form().merges!.length);
  });

  test("project lines replace the seed's five, and the rows below follow them", () => {
    const spec = annex2Form({ funds: { projectLines: [["1、业务工作经费", 1, 2, 3], ["2、运行维护经费", 0, 0, 0], ["3、市级专项资金：甲", 1, 1, 1], ["……"]] } });
    const g = grid(spec);
    // 项目支出 on row 12 (index 11), four lines below it, then 公用经费 on row 17.
    expect(g.cell(15, 0)?.value).toBe("……");
    expect(g.cell(16, 0)?.value).toBe("公用经费");
    expect(workbook(spec).sheets).toHaveLength(1);
  });

  test("breakdown figures can sit in the next cell", () => {
    const g = grid(annex3Form({ breakdownValues: "nextCell", income: { total: 5, general: 5 } }));
    expect(g.cell(5, 1)?.value).toBe("按收入性质分：");
    expect(g.cell(5, 3)?.value).toBe(5);
    expect(g.cell(6, 3)?.value).toBe(5);
  });
});

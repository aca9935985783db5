import { snapshotFromSpec } from "../../src/adapters/memory/grid-spec";
import { fromA1 } from "../../src/core/grid/address";
import type { Cell, SheetGrid } from "../../src/core/grid/workbook";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";

const snapshot = snapshotFromSpec(zhuzhouLuosongNpc2023);

function sheet(name: string): SheetGrid {
  const found = snapshot.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function at(sheetName: string, a1: string): Cell | undefined {
  const address = fromA1(a1);
  if (!address) throw new Error(`bad address ${a1}`);
  return sheet(sheetName).cell(address.row, address.col);
}

function findRow(grid: SheetGrid, text: string): { row: number; col: number } {
  for (let r = 0; r < grid.rowCount; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      if (grid.cell(r, c)?.value === text) return { row: r, col: c };
    }
  }
  throw new Error(`"${text}" not found on ${grid.name}`);
}

describe("the 株洲市芦淞区人大常委会 2023 sample, laid out as published", () => {
  it("has the two annex sheets", () => {
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["附件2", "附件3"]);
  });

  it.each([
    ["附件2", "B4", 21, undefined],
    ["附件2", "C4", 35, undefined],
    ["附件2", "D4", 0.6, "0%"],
    ["附件2", "B12", 137.46, "0.00"],
    ["附件2", "D12", 70.27, "0.00"],
    ["附件2", "C18", 116.8, "0.00"],
    ["附件2", "B22", "——", undefined],
    ["附件2", "C22", 32.3, undefined],
    ["附件2", "D22", 31.1, "0.00"],
    ["附件3", "D5", 962.51, "0.00"],
    ["附件3", "E5", 982.6, "0.00"],
    ["附件3", "F5", 982.21, "0.00"],
    ["附件3", "G5", 10, undefined],
    ["附件3", "H5", 0.9996, "0.00%"],
    ["附件3", "I5", 98, undefined],
    ["附件3", "E26", "≤812.38万元", undefined],
    ["附件3", "F26", "837.48万元", undefined],
    ["附件3", "G26", 20, undefined],
    ["附件3", "H26", 19, undefined],
    ["附件3", "G29", 100, undefined],
    ["附件3", "H29", 98, undefined],
  ])("%s!%s holds %p (format %p)", (sheetName, a1, value, format) => {
    const cell = at(sheetName, a1);
    expect(cell?.value).toBe(value);
    expect(cell?.numberFormat).toBe(format);
  });

  it("shows 控制率 as a percentage", () => {
    expect(at("附件2", "D4")?.numberFormat).toMatch(/%$/);
  });

  it("keeps the funds breakdown as text with the numbers inside", () => {
    expect(at("附件3", "B6")?.value).toBe("按收入性质分：982.60");
    expect(at("附件3", "F6")?.value).toBe("按支出性质分：982.60");
    expect(at("附件3", "F7")?.value).toBe("其中：基本支出：911.94");
    expect(String(at("附件3", "F8")?.value)).toContain("70.66");
  });

  it("keeps the published whitespace", () => {
    expect(at("附件2", "A8")?.value).toBe("       其中：公车购置");
    expect(at("附件2", "A23")?.value).toBe("部门基本支出预算调整 ");
    expect(at("附件2", "B25")?.value).toBe("\u3000");
    expect(at("附件3", "D3")?.value).toBe("株洲市芦淞区人民代表大会常务委员会\u3000");
    expect(at("附件3", "F25")?.value).toBe("\u3000100%");
  });

  it("has 15 indicator rows between the header and 总分, worth 90 points", () => {
    const grid = sheet("附件3");
    const header = findRow(grid, "一级指标");
    const total = findRow(grid, "总分");
    // The funds block has a 分值 column too; the indicator one sits on the indicator header row.
    const weightCol = Array.from({ length: grid.colCount }, (_, c) => c).find(
      (c) => grid.cell(header.row, c)?.value === "分值",
    );
    if (weightCol === undefined) throw new Error("no 分值 column on the indicator header row");

    const rows = Array.from({ length: total.row - header.row - 1 }, (_, i) => header.row + 1 + i);
    expect(rows).toHaveLength(15);
    const weights = rows.map((r) => grid.cell(r, weightCol)?.value);
    for (const w of weights) expect(typeof w).toBe("number");
    expect(weights.reduce<number>((sum, w) => sum + (w as number), 0)).toBe(90);
  });

  it("merges the level-1 and level-2 labels down over their rows", () => {
    const merges = sheet("附件3").merges.map((m) => [m.top, m.left, m.bottom, m.right]);
    expect(merges).toContainEqual([13, 1, 19, 1]); // 产出指标 B14:B20
    expect(merges).toContainEqual([13, 2, 17, 2]); // 数量指标 C14:C18
    expect(merges).toContainEqual([20, 1, 23, 1]); // 效益指标 B21:B24
    expect(merges).toContainEqual([25, 1, 27, 1]); // 成本指标 B26:B28
    expect(merges).toContainEqual([12, 0, 27, 0]); // 绩效指标 A13:A28
    expect(at("附件3", "B14")?.value).toBe("产出指标\n\n(40分)");
  });

  it("puts every merge's value in its top-left cell only", () => {
    for (const grid of snapshot.sheets) {
      for (const m of grid.merges) {
        for (let r = m.top; r <= m.bottom; r++) {
          for (let c = m.left; c <= m.right; c++) {
            if (r === m.top && c === m.left) continue;
            expect(grid.cell(r, c)).toBeUndefined();
          }
        }
      }
    }
  });
});

/** The figures a folder summary compares across units: inputs as typed, derived ones recomputed. */
import { validate } from "../../../src/core";
import { keyFigures } from "../../../src/core/report/key-figures";
import { snapshotFromSpec, type CellSpec, type WorkbookSpec } from "../../../src/adapters/memory/grid-spec";
import { zhuzhouLuosongNpc2023 } from "../../../src/samples/zhuzhou-luosong-npc-2023";
import { variant } from "../../../scripts/generate-batch";
import { projectTablesOnOneSheet, projectWorkbook } from "../../helpers/project-forms";

const figuresOf = (spec: WorkbookSpec) => keyFigures(validate(snapshotFromSpec(spec)));

const valueAt = (spec: WorkbookSpec, sheet: number, row: number, col: number): number => {
  const cell: CellSpec = spec.sheets[sheet]!.rows[row]![col];
  const value = typeof cell === "object" && cell !== null && "v" in cell ? cell.v : cell;
  if (typeof value !== "number") throw new Error(`no number at ${sheet}:${row},${col}`);
  return value;
};

describe("keyFigures", () => {
  test("the seed: unit without its padding, year, staff as counts, amounts in 2 dp, 执行率 recomputed", () => {
    expect(figuresOf(zhuzhouLuosongNpc2023)).toEqual({
      unitName: "株洲市芦淞区人民代表大会常务委员会",
      tables: 1,
      year: 2023,
      establishment: "21",
      staffActual: "35",
      budget: "982.60",
      executed: "982.21",
      executionRate: "99.96",
      threePublic: "0.00",
    });
  });

  test("三公经费 is the sum of its lines, not a wrong total as typed", () => {
    const broken = variant(3);
    expect(broken.kind).toBe("errors");
    const typedTotal = valueAt(broken.spec, 0, 5, 3);
    // 公车购置 + 公车运行维护 + 出国 + 接待, 本年决算数 column
    const lines = [7, 8, 9, 10].map((row) => valueAt(broken.spec, 0, row, 3));
    const expected = (Math.round(lines.reduce((a, b) => a + b, 0) * 100) / 100).toFixed(2);
    const figures = figuresOf(broken.spec);
    expect(figures.threePublic).toBe(expected);
    expect(Number(figures.threePublic)).not.toBeCloseTo(typedTotal, 2);
  });

  test("执行率 is executed / budget, whatever the form says", () => {
    const v = variant(5);
    const budget = valueAt(v.spec, 1, 4, 4);
    const executed = valueAt(v.spec, 1, 4, 5);
    const figures = figuresOf(v.spec);
    expect(figures.budget).toBe(budget.toFixed(2));
    expect(figures.executed).toBe(executed.toFixed(2));
    expect(Number(figures.executionRate)).toBeCloseTo((executed / budget) * 100, 2);
    expect(figures.unitName).toBe(v.unitName);
  });

  test("a workbook with only 附件3 has no staff or 三公经费, and says so with null", () => {
    const only3: WorkbookSpec = { sheets: [zhuzhouLuosongNpc2023.sheets[1]!] };
    const figures = figuresOf(only3);
    expect(figures).toMatchObject({ establishment: null, staffActual: null, threePublic: null, year: 2023, budget: "982.60" });
  });

  test("a workbook with neither annex yields no figures at all", () => {
    const { tables, ...figures } = figuresOf({ sheets: [{ name: "Sheet1", rows: [["hello"]] }] });
    expect(tables).toBe(0);
    expect(Object.values(figures).every((v) => v === null)).toBe(true);
  });

  test("a workbook of project tables: the 实施单位, the number of tables, their funds added up and the rate recomputed", () => {
    const spec = projectWorkbook(projectTablesOnOneSheet("Sheet1", [
      { project: "甲", implementer: "县公路养护中心" },
      { project: "乙", funds: { initial: 50, budget: 60, executed: 30 }, parts: [["其中：当年财政拨款", 50, 60, 30], ["上年结转资金", 0, 0, 0], ["其他资金", 0, 0, 0]] },
    ]));
    const figures = figuresOf(spec);
    // 120 + 60 budget, 114 + 30 spent: 144 / 180 = 80.00%.
    expect({ unit: figures.unitName, tables: figures.tables, budget: figures.budget, executed: figures.executed, rate: figures.executionRate })
      .toEqual({ unit: "县公路养护中心", tables: 2, budget: "180.00", executed: "144.00", rate: "80.00" });
  });
});

/**
 * Recognition by labels, never by addresses (annexes.md): the seed's findings survive every
 * rearrangement staff make in Excel. A finding is compared by what its cell is, not where it is:
 * its rule, severity, and the cell's own text (for a text cell) or its row label and value (for a
 * number), read back from the rearranged workbook. Label variants are mapped back to the seed's
 * wording before comparing, so "合计 = 98" and "总分 = 98" are the same cell.
 */
import { validate, type Finding, type ValidationResult, type WorkbookSnapshot } from "../../../src/core";
import { snapshotFromSpec, type CellSpec, type WorkbookSpec } from "../../../src/adapters/memory/grid-spec";
import type { SheetGrid } from "../../../src/core/grid/workbook";
import { normalizeLabel } from "../../../src/core/text/normalize";
import { zhuzhouLuosongNpc2023 as SEED } from "../../../src/samples/zhuzhou-luosong-npc-2023";
import {
  combineSheets, findCell, findRow, getCell, insertColumns, insertRowAfter, insertRowsAfter, removeMerges, renameSheets,
  replaceLabels, setCell, shiftSheet, splitLabel, swapColumns, textOf,
} from "../../helpers/variants";

// ---------------------------------------------------------------------------------------------
// What a finding is about, independent of where the cell sits

function masterOf(sheet: SheetGrid, row: number, col: number): { row: number; col: number } {
  const m = sheet.merges.find((r) => r.top <= row && row <= r.bottom && r.left <= col && col <= r.right);
  return m ? { row: m.top, col: m.left } : { row, col };
}

function textAt(sheet: SheetGrid, row: number, col: number): string | null {
  const m = masterOf(sheet, row, col);
  const v = sheet.cell(m.row, m.col)?.value;
  return typeof v === "string" && v.trim() !== "" ? v : null;
}

/**
 * The label of a number cell: the leftmost text of its own row (a label merged down from a row
 * above does not count), else the nearest text above it in its column (a header).
 */
function rowLabelOf(sheet: SheetGrid, row: number, col: number): string | null {
  for (let c = 0; c < col; c++) {
    const m = masterOf(sheet, row, c);
    if (m.row !== row) continue;
    const t = textAt(sheet, row, c);
    if (t !== null) return t;
  }
  for (let r = row - 1; r >= 0; r--) {
    const t = textAt(sheet, r, col);
    if (t !== null) return t;
  }
  return null;
}

/** The seed's wording of a text that a variant replaced. */
type Reverse = (text: string) => string;

function reverseOf(map: Readonly<Record<string, string>> = {}): Reverse {
  const entries = Object.entries(map);
  return (text) => entries.find(([, to]) => text === to || text.trim() === to.trim())?.[0] ?? text;
}

function describeCell(snapshot: WorkbookSnapshot, f: Finding, reverse: Reverse): string {
  if (!f.at) return "(no cell)";
  const sheet = snapshot.sheets.find((s) => s.name === f.at!.sheet);
  if (!sheet) return `(no sheet ${f.at.sheet})`;
  const value = sheet.cell(f.at.row, f.at.col)?.value ?? null;
  if (typeof value === "string" && value.trim() !== "") return normalizeLabel(reverse(value));
  const label = rowLabelOf(sheet, f.at.row, f.at.col);
  return `${label === null ? "?" : normalizeLabel(reverse(label))} = ${JSON.stringify(value)}`;
}

function keysOf(snapshot: WorkbookSnapshot, result: ValidationResult, reverse: Reverse = (t) => t): string[] {
  return result.findings.map((f) => `${f.ruleId} ${f.severity} @ ${describeCell(snapshot, f, reverse)}`).sort();
}

function run(spec: WorkbookSpec): { snapshot: WorkbookSnapshot; result: ValidationResult } {
  const snapshot = snapshotFromSpec(spec);
  return { snapshot, result: validate(snapshot) };
}

const seedRun = run(SEED);
const SEED_KEYS = keysOf(seedRun.snapshot, seedRun.result);

interface Expect {
  /** Texts the variant replaced: variant text → seed text is undone before comparing. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Findings the variant adds (keys), and seed findings it removes. */
  readonly plus?: readonly string[];
  readonly minus?: readonly string[];
}

/** Validates the variant and compares its findings with the seed's, by meaning. */
function expectSeedFindings(spec: WorkbookSpec, options: Expect = {}): ValidationResult {
  const { snapshot, result } = run(spec);
  expect(result.annex2).not.toBeNull();
  expect(result.annex3).not.toBeNull();
  const expected = [...SEED_KEYS.filter((k) => !(options.minus ?? []).includes(k)), ...(options.plus ?? [])].sort();
  expect(keysOf(snapshot, result, reverseOf(options.labels))).toEqual(expected);
  expect(result.summary.score).toBe("98.00");
  expect(result.summary.grade).toBe("excellent");
  return result;
}

/** A label variant: replace the texts, expect the seed's findings. */
function labelVariant(map: Readonly<Record<string, string>>, sheet?: string): ValidationResult {
  return expectSeedFindings(replaceLabels(SEED, map, sheet), { labels: map });
}

function findingAt(result: ValidationResult, ruleId: string): Finding {
  const found = result.findings.filter((f) => f.ruleId === ruleId);
  expect(found).toHaveLength(1);
  return found[0]!;
}

// ---------------------------------------------------------------------------------------------

test("the seed's findings, as this file describes them", () => {
  expect(SEED_KEYS).toEqual([
    "a2.over-establishment info @ 2023年实际在职人数 = 35",
    "a2.staff-control-rate error @ 控制率 = 0.6",
    "a3.execution-score error @ 年度资金总额 = 98",
    "a3.expense-breakdown warning @ 按支出性质分:982.60",
    "a3.grade info @ 总分 = 98",
    "a3.quantitative-score info @ 成本指标(20分) = 19",
    "a3.target-unparsed info @ 2023年全年",
    "a3.target-unparsed info @ 推动社会和谐稳定发展",
    "a3.target-unparsed info @ 无直接经济效益",
    "a3.target-unparsed info @ 保障机关人员工资福利支出到位.圆满召开区六届人大三次会议.深入基层开展调研,组织代表参加培训、视察、建言献策、反映社情民意等.",
    "x.project-spending warning @ 项目支出:70.66",
  ].sort());
});

describe("both annexes on one sheet", () => {
  test.each([
    ["附件2 above 附件3, 3 blank rows between", ["附件2", "附件3"], 3],
    ["附件3 above 附件2, 3 blank rows between", ["附件3", "附件2"], 3],
    ["附件2 above 附件3, 1 blank row between", ["附件2", "附件3"], 1],
    ["附件3 above 附件2, 1 blank row between", ["附件3", "附件2"], 1],
    ["附件2 directly above 附件3", ["附件2", "附件3"], 0],
  ] as const)("%s", (_name, order, gap) => {
    const result = expectSeedFindings(combineSheets(SEED, order, "Sheet1", gap));
    expect(result.annexes.annex2?.sheet).toBe("Sheet1");
    expect(result.annexes.annex3?.sheet).toBe("Sheet1");
  });

  test("one sheet, both shifted right by 2 columns and down by 5 rows", () => {
    expectSeedFindings(shiftSheet(combineSheets(SEED, ["附件3", "附件2"], "汇总"), "汇总", 5, 2));
  });
});

describe("tables moved on their sheets", () => {
  test.each([
    ["附件2 +7 rows +3 cols", { 附件2: [7, 3] }],
    ["附件3 +7 rows +3 cols", { 附件3: [7, 3] }],
    ["both +7 rows +3 cols", { 附件2: [7, 3], 附件3: [7, 3] }],
    ["附件2 +1 row, 附件3 +0 rows +1 col", { 附件2: [1, 0], 附件3: [0, 1] }],
    ["both +40 rows +12 cols", { 附件2: [40, 12], 附件3: [40, 12] }],
  ] as const)("%s", (_name, moves) => {
    let spec: WorkbookSpec = SEED;
    for (const [sheet, [rows, cols]] of Object.entries(moves)) spec = shiftSheet(spec, sheet, rows, cols);
    expectSeedFindings(spec);
  });
});

describe("sheet names do not matter", () => {
  test.each([
    { 附件2: "Sheet1", 附件3: "Sheet2" },
    { 附件2: "基础数据表", 附件3: "2023自评" },
    { 附件2: "2023自评", 附件3: "Sheet1" },
    { 附件2: "附件3", 附件3: "附件2" },
  ])("%j", (names) => {
    const result = expectSeedFindings(renameSheets(SEED, names));
    expect(result.annexes.annex2?.sheet).toBe(names.附件2);
    expect(result.annexes.annex3?.sheet).toBe(names.附件3);
  });

  test("附件3 as the first sheet", () => {
    expectSeedFindings({ sheets: [SEED.sheets[1]!, SEED.sheets[0]!] });
  });

  test("an unrelated sheet before them", () => {
    expectSeedFindings({ sheets: [{ name: "封面", rows: [["部门整体支出绩效自评报告"], ["单位：株洲市芦淞区人民代表大会常务委员会"]] }, ...SEED.sheets] });
  });
});

describe("lines inserted under 项目支出 (a2.project-total counts them)", () => {
  const LINE: CellSpec[] = ["3、市级专项资金：代表活动专项", { v: 5, fmt: "0.00" }, { v: 6, fmt: "0.00" }, { v: 3, fmt: "0.00" }];
  const withLine = insertRowAfter(SEED, "附件2", "2、运行维护经费", LINE);
  const projectRow = findRow(withLine, "附件2", "项目支出");

  test("the total left unchanged: the mismatch is reported in all three columns", () => {
    const result = expectSeedFindings(withLine, {
      plus: [
        "a2.project-total error @ 项目支出 = 137.46",
        "a2.project-total error @ 项目支出 = 150.13",
        "a2.project-total error @ 项目支出 = 70.27",
      ],
    });
    const totals = result.findings.filter((f) => f.ruleId === "a2.project-total");
    expect(totals.map((f) => [f.expected, f.actual])).toEqual([["142.46", "137.46"], ["156.13", "150.13"], ["73.27", "70.27"]]);
  });

  test("the total updated: no a2.project-total finding, x.project-spending compares with the new total", () => {
    let spec = withLine;
    [142.46, 156.13, 73.27].forEach((v, i) => {
      spec = setCell(spec, "附件2", projectRow, i + 1, { v, fmt: "0.00" });
    });
    const result = expectSeedFindings(spec);
    expect(findingAt(result, "x.project-spending").expected).toBe("73.27");
  });

  test("several 专项 lines under the 3、市级专项资金 placeholder, total updated", () => {
    let spec = insertRowsAfter(SEED, "附件2", "3、市级专项资金（一个专项一行）", [
      ["人大代表活动专项", 0, 10, 5],
      ["代表履职培训专项", 0, 5, 2.5],
      ["基层人大建设专项", 1, 2, 3],
      ["……"],
    ]);
    [138.46, 167.13, 80.77].forEach((v, i) => {
      spec = setCell(spec, "附件2", projectRow, i + 1, { v, fmt: "0.00" });
    });
    expectSeedFindings(spec);
  });

  test("several 专项 lines, total left unchanged: one finding per column, expecting the sum of every line", () => {
    const spec = insertRowsAfter(SEED, "附件2", "3、市级专项资金（一个专项一行）", [
      ["人大代表活动专项", 0, 10, 5],
      ["代表履职培训专项", 0, 5, 2.5],
      ["基层人大建设专项", 1, 2, 3],
    ]);
    const result = expectSeedFindings(spec, {
      plus: [
        "a2.project-total error @ 项目支出 = 137.46",
        "a2.project-total error @ 项目支出 = 150.13",
        "a2.project-total error @ 项目支出 = 70.27",
      ],
    });
    expect(result.findings.filter((f) => f.ruleId === "a2.project-total").map((f) => f.expected)).toEqual(["138.46", "167.13", "80.77"]);
  });

  test("a row inserted inside the indicator table (an extra 数量指标 line, merges grown over it)", () => {
    // 6 + 8 + 8 + 4 + 4 + 6 + 4 = 40 stays the group's weight only if the new row has 分值 0.
    const spec = insertRowAfter(SEED, "附件3", "专项工作评议", [undefined, undefined, undefined, "代表接待日", "12次", "12次", 0, 0]);
    expectSeedFindings(spec);
  });
});

describe("line breaks and half-width punctuation in labels", () => {
  test.each([
    ["其中:公车购置", { "其中：公车购置": "其中:公车购置" }],
    ["三公经费:", { 三公经费: "三公经费:" }],
    ["经费控制情况(万元", { "经费控制情况（万元）": "经费控制情况(万元" }],
    ["经费控制情况(万元) (half-width brackets)", { "经费控制情况（万元）": "经费控制情况(万元)" }],
    ["财政供养人员情况(人)", { "财政供养人员情况（人）": "财政供养人员情况(人)" }],
    ["项目支出: (annex 2, half-width colon)", { "项目支出：": "项目支出:" }],
    ["年度预算申请（万元） on one line", { "年度预\n算申请\n（万元）": "年度预算申请（万元）" }],
    ["按支出性质分:982.60 (half-width colon)", { "按支出性质分：982.60": "按支出性质分:982.60" }],
    ["项目支出:70.66 (half-width colon)", { "项目支出：70.66": "项目支出:70.66" }],
    ["full-width digits in 2023年实际在职人数", { "2023年实际在职人数": "２０２３年实际在职人数" }],
  ] as const)("%s", (_name, map) => {
    labelVariant(map);
  });

  test.each([
    ["公用\\n经费", "公用经费", "经费"],
    ["项目\\n支出：(附件2)", "项目支出：", "支出"],
    ["经费控制情况\\n（万元）", "经费控制情况（万元）", "（万元）"],
    ["2023年\\n实际在职人数", "2023年实际在职人数", "实际"],
    ["全年\\n预算数", "全年预算数", "预算数"],
    ["全年\\n执行数", "全年执行数", "执行数"],
    ["年度资金\\n总额", "年度资金总额", "总额"],
    ["一级\\n指标", "一级指标", "指标"],
    ["三级\\n指标", "三级指标", "指标"],
    ["年度\\n指标值", "年度指标值", "指标值"],
    ["实际\\n完成值", "实际完成值", "完成值"],
    ["偏差原因分析\\n及改进措施", "偏差原因分析及改进措施", "及"],
    ["按支出性质分：\\n982.60", "按支出性质分：982.60", "982.60"],
    ["其中：基本支出：\\n911.94", "其中：基本支出：911.94", "911.94"],
    ["总\\n分", "总分", "分"],
  ] as const)("%s", (_name, label, before) => {
    const spec = splitLabel(SEED, label, before);
    const variant = `${label.slice(0, label.indexOf(before))}\n${label.slice(label.indexOf(before))}`;
    expectSeedFindings(spec, { labels: { [label]: variant } });
  });
});

describe("label variants of annexes.md, each on its own", () => {
  test.each([
    ["三公经费：", { 三公经费: "三公经费：" }],
    ["其中:公车购置", { "其中：公车购置": "       其中:公车购置" }],
    ["1、业务工作专项", { "1、业务工作经费": "    1、业务工作专项" }],
    ["2、运行维护专项", { "2、运行维护经费": "    2、运行维护专项" }],
    ["3、省级专项资金（每个专项一行）", { "3、市级专项资金（一个专项一行）": "3、省级专项资金（每个专项一行）" }],
    ["部门整体支出预算调整", { "部门基本支出预算调整 ": "部门整体支出预算调整" }],
    ["\"2023 年实际在职人数\"", { "2023年实际在职人数": "2023 年实际在职人数" }],
    ["实际规（㎡）", { "实际规模（㎡）": "实际规（㎡）" }],
    ["经费控制情况（万元", { "经费控制情况（万元）": "经费控制情况（万元" }],
    ["自评得分 for 得分 (both tables)", { 得分: "自评得分" }],
    ["全年预算数(A)", { 全年预算数: "全年预算数(A)" }],
    ["全年执行数(B)", { 全年执行数: "全年执行数(B)" }],
    ["执行率(B/A)", { 执行率: "执行率(B/A)" }],
    ["全年预算数(A) / 全年执行数(B) / 执行率(B/A) together", { 全年预算数: "全年预算数(A)", 全年执行数: "全年执行数(B)", 执行率: "执行率(B/A)" }],
    ["全年预算数（A） with full-width brackets", { 全年预算数: "全年预算数（A）", 全年执行数: "全年执行数（B）", 执行率: "执行率（B/A）" }],
    ["调整后预算数", { 全年预算数: "调整后预算数" }],
    ["预算执行数", { 全年执行数: "预算执行数" }],
    ["预算执行率", { 执行率: "预算执行率" }],
    ["调整后预算数 / 预算执行数 / 预算执行率 together", { 全年预算数: "调整后预算数", 全年执行数: "预算执行数", 执行率: "预算执行率" }],
    ["权重 for 分值 (both tables)", { 分值: "权重" }],
    ["指标值", { 年度指标值: "指标值" }],
    ["完成值", { 实际完成值: "完成值" }],
    ["未完成原因分析", { 偏差原因分析及改进措施: "未完成原因分析" }],
    ["合计 for 总分", { 总分: "合计" }],
    ["一级 label reduced to \"(40分)\"", { "产出指标\n\n(40分)": "(40分)" }],
    ["一级 label reduced to \"（40分）\"", { "产出指标\n\n(40分)": "（40分）" }],
    ["楼堂馆所 header on one line, half-width brackets", { "楼堂馆所控制情况\n（2023年完工项目）": "楼堂馆所控制情况(2023年完工项目)" }],
  ] as const)("%s", (_name, map) => {
    labelVariant(map);
  });

  test("the 一级 label reduced to \"(40分)\" still carries the group's weight", () => {
    const result = labelVariant({ "产出指标\n\n(40分)": "(40分)" });
    expect(result.annex3?.level1Groups[0]?.statedWeight?.toNumber()).toBe(40);
    expect(result.findings.some((f) => f.ruleId === "a3.level1-weight")).toBe(false);
  });

  test("all the 附件2 variants at once", () => {
    labelVariant({
      三公经费: "三公经费：",
      "其中：公车购置": "其中:公车购置",
      "1、业务工作经费": "1、业务工作专项",
      "2、运行维护经费": "2、运行维护专项",
      "3、市级专项资金（一个专项一行）": "3、省级专项资金（每个专项一行）",
      "部门基本支出预算调整 ": "部门整体支出预算调整",
      "2023年实际在职人数": "2023 年实际在职人数",
      "实际规模（㎡）": "实际规（㎡）",
      "经费控制情况（万元）": "经费控制情况（万元",
    }, "附件2");
  });

  test("all the 附件3 variants at once", () => {
    labelVariant({
      得分: "自评得分",
      全年预算数: "调整后预算数",
      全年执行数: "预算执行数",
      执行率: "预算执行率",
      分值: "权重",
      年度指标值: "指标值",
      实际完成值: "完成值",
      偏差原因分析及改进措施: "未完成原因分析",
      总分: "合计",
      "产出指标\n\n(40分)": "(40分)",
    }, "附件3");
  });
});

describe("extra columns 指标性质 and 度量单位", () => {
  const WORDS: Readonly<Record<string, string>> = { 不少于: "≥", 不低于: "≥", 不高于: "≤", 不超过: "≤" };
  const SPLIT = /^\s*(≥|≤|＞|＜|>|<|=|不少于|不低于|不高于|不超过)?\s*(\d+(?:\.\d+)?)\s*(万元|人|次|%|个|件|天)$/;

  /**
   * The seed's indicator table with 指标性质 left of 年度指标值 and 度量单位 right of it: the
   * comparator moves into 指标性质, the unit into 度量单位, and both value cells keep the number only.
   */
  function withNatureAndUnit(numbersAsText: boolean): WorkbookSpec {
    const header = findRow(SEED, "附件3", "一级指标");
    const total = findRow(SEED, "附件3", "总分");
    const targetCol = findCell(SEED, "附件3", "年度指标值").col;
    const rows = { from: header, to: total };
    let spec = insertColumns(SEED, "附件3", targetCol, 1, rows); // 指标性质 | 年度指标值
    spec = insertColumns(spec, "附件3", targetCol + 2, 1, rows); // 年度指标值 | 度量单位 | 实际完成值
    spec = setCell(spec, "附件3", header, targetCol, "指标性质");
    spec = setCell(spec, "附件3", header, targetCol + 2, "度量单位");
    const actualCol = targetCol + 3;
    const number = (text: string): CellSpec => (numbersAsText ? text : Number(text));
    for (let r = header + 1; r < total; r++) {
      const target = textOf(getCell(spec, "附件3", r, targetCol + 1));
      const match = target === null ? null : SPLIT.exec(target);
      if (!match) continue;
      const [, comparator, value, unit] = match;
      const nature = comparator === undefined ? "=" : WORDS[comparator] ?? comparator;
      spec = setCell(spec, "附件3", r, targetCol, nature);
      spec = setCell(spec, "附件3", r, targetCol + 1, number(value!));
      spec = setCell(spec, "附件3", r, targetCol + 2, unit!);
      const actual = textOf(getCell(spec, "附件3", r, actualCol));
      const actualMatch = actual === null ? null : /^\s*(\d+(?:\.\d+)?)\s*(万元|人|次|%|个|件|天)$/.exec(actual.replace(/\u3000/g, ""));
      if (actualMatch && actualMatch[2] === unit) spec = setCell(spec, "附件3", r, actualCol, number(actualMatch[1]!));
    }
    return spec;
  }

  test.each([
    ["numbers as numbers", false],
    ["numbers as text", true],
  ] as const)("the seed's findings, and the 成本 row still suggests 19.38 (%s)", (_name, asText) => {
    const spec = withNatureAndUnit(asText);
    // The layout is what the test means it to be.
    const costRow = findRow(spec, "附件3", "人员、运转类等办公基本保障和专项支出");
    const targetCol = findCell(SEED, "附件3", "年度指标值").col;
    expect([0, 1, 2, 3].map((d) => getCell(spec, "附件3", costRow, targetCol + d))).toEqual(
      asText ? ["≤", "812.38", "万元", "837.48"] : ["≤", 812.38, "万元", 837.48],
    );
    const result = expectSeedFindings(spec);
    const cost = findingAt(result, "a3.quantitative-score");
    expect(cost.expected).toBe("19.38");
    expect(result.annex3?.indicatorColumns.nature).toBe(targetCol);
    expect(result.annex3?.indicatorColumns.unit).toBe(targetCol + 2);
  });
});

describe("merges and column order", () => {
  test("no merges at all", () => {
    expectSeedFindings(removeMerges(SEED));
  });

  test("no merges, both annexes on one sheet", () => {
    expectSeedFindings(removeMerges(combineSheets(SEED, ["附件2", "附件3"])));
  });

  test("分值 after 得分 (columns G and H of 附件3 swapped throughout: 执行率 before 分值 too)", () => {
    const weight = findCell(SEED, "附件3", "分值").col;
    const score = findCell(SEED, "附件3", "执行率").col;
    expectSeedFindings(swapColumns(SEED, "附件3", weight, score));
  });

  test("分值 after 得分 in the indicator table only", () => {
    const header = findRow(SEED, "附件3", "一级指标");
    const total = findRow(SEED, "附件3", "总分");
    expectSeedFindings(swapColumns(SEED, "附件3", 6, 7, { from: header, to: total }));
  });

  test("实际完成值 before 年度指标值", () => {
    const header = findRow(SEED, "附件3", "一级指标");
    const total = findRow(SEED, "附件3", "总分");
    expectSeedFindings(swapColumns(SEED, "附件3", 4, 5, { from: header, to: total - 1 }));
  });

  test("全年执行数 before 全年预算数", () => {
    const header = findRow(SEED, "附件3", "全年预算数");
    expectSeedFindings(swapColumns(SEED, "附件3", 4, 5, { from: header, to: header + 1 }));
  });

  test("附件2: 2023年决算数 before 2023年预算数", () => {
    const header = findRow(SEED, "附件2", "经费控制情况（万元）");
    const last = findRow(SEED, "附件2", "部门基本支出预算调整");
    expectSeedFindings(swapColumns(SEED, "附件2", 2, 3, { from: header, to: last }));
  });

  test("附件2: 实际在职人数 before 编制数", () => {
    const header = findRow(SEED, "附件2", "财政供养人员情况（人）");
    expectSeedFindings(swapColumns(SEED, "附件2", 1, 2, { from: header, to: header + 1 }));
  });
});

describe("everything at once", () => {
  test("one sheet named Sheet1, 附件3 first, shifted, no merges, labels varied and broken over lines", () => {
    const labels = {
      得分: "自评得分",
      分值: "权重",
      总分: "合计",
      三公经费: "三公经费:",
      "经费控制情况（万元）": "经费控制情况\n(万元",
      "2023年实际在职人数": "2023 年实际\n在职人数",
    };
    let spec = replaceLabels(SEED, labels);
    spec = combineSheets(spec, ["附件3", "附件2"], "Sheet1", 2);
    spec = shiftSheet(spec, "Sheet1", 4, 2);
    spec = removeMerges(spec);
    expectSeedFindings(spec, { labels });
  });
});

describe("header variants beyond the list of annexes.md", () => {
  test.each([
    ["年初预算数（万元）", { 年初预算数: "年初预算数（万元）" }],
    ["分值（分）", { 分值: "分值（分）" }],
    ["得分（分）", { 得分: "得分（分）" }],
    ["执行率（%）", { 执行率: "执行率（%）" }],
    ["编制数（人） / 控制率（%）", { 编制数: "编制数（人）", 控制率: "控制率（%）" }],
    ["2022年度决算数（万元）", { "2022年决算数": "2022年度决算数（万元）", "2023年预算数": "2023年度预算数（万元）", "2023年决算数": "2023年度决算数（万元）" }],
    ["一、三公经费 / （一）公务用车… / 二、项目支出", { 三公经费: "一、三公经费", "1、公务用车购置和维护经费": "（一）公务用车购置和维护经费", "项目支出：": "二、项目支出：", 公用经费: "三、公用经费" }],
    ["1.业务工作经费 / 2.运行维护经费", { "1、业务工作经费": "1.业务工作经费", "2、运行维护经费": "2.运行维护经费" }],
    ["总  分 (spaces)", { 总分: "总  分" }],
    ["偏差原因分析", { 偏差原因分析及改进措施: "偏差原因分析" }],
    ["产出指标（40分） on one line", { "产出指标\n\n(40分)": "产出指标（40分）" }],
  ] as const)("%s", (_name, map) => {
    labelVariant(map);
  });

  test("全年预算数（万元） / 全年执行数（万元）", () => {
    labelVariant({ 全年预算数: "全年预算数（万元）", 全年执行数: "全年执行数（万元）" });
  });

  test("年度指标值（A） / 实际完成值（B）", () => {
    labelVariant({ 年度指标值: "年度指标值（A）", 实际完成值: "实际完成值（B）" });
  });
});

/**
 * Project self-evaluation tables laid out as units publish them (docs/research/forms-research.md):
 * the 财政部 form (项目支出绩效自评表), 四川's 部门预算项目支出绩效自评表 and 湖北's 项目绩效自评表,
 * each from a compact description whose every field defaults to a clean table, so a test states
 * only what it changes. Layout options reproduce what real tables do to the form: columns in
 * another order, headers over two rows with merged cells, no merges at all (pasted from a PDF),
 * blank rows, notes under the table, a page break that repeats the header, amounts typed with
 * units, 完成值 as percentage-formatted fractions, 一级 labels reduced to "(50分)".
 *
 * Written independently of the core (no import from src/core): a test built from it checks the
 * recognizer against a layout, not against itself.
 */
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../src/adapters/memory/grid-spec";
import { columnLetters } from "../../src/core/grid/address";

export type ProjectStyle = "mof" | "sichuan" | "hubei";

export interface ProjectIndicator {
  readonly level1: string;
  readonly level2: string;
  readonly level3: CellSpec;
  readonly target: CellSpec;
  readonly actual: CellSpec;
  readonly weight: CellSpec;
  readonly score: CellSpec;
  readonly reason?: CellSpec;
  /** 指标性质 and 度量单位 (四川): when set, the target and actual are bare numbers. */
  readonly nature?: CellSpec;
  readonly unit?: CellSpec;
}

export interface ProjectFunds {
  readonly initial: CellSpec;
  readonly budget: CellSpec;
  readonly executed: CellSpec;
  readonly weight: CellSpec;
  readonly rate: CellSpec;
  readonly score: CellSpec;
  /** 四川's 原因 cell. */
  readonly reason?: CellSpec;
}

/** A 其中 row: its label and three amounts (年初, 全年/调整后, 执行). */
export type FundsPartLine = readonly [label: string, initial: CellSpec, budget: CellSpec, executed: CellSpec];

export type ValueColumn = "target" | "actual" | "weight" | "score" | "reason" | "nature" | "unit";

export interface ProjectLayout {
  /** The indicator table's value columns in this order (default: the style's). */
  readonly valueOrder?: readonly ValueColumn[];
  /** The funds header and the indicator header each over two rows, with cells merged down. */
  readonly twoRowHeaders?: boolean;
  /** false: no merged cells at all (a table pasted from a PDF); labels are then written once. */
  readonly merges?: boolean;
  /** "(50分)" only, the name only, or both (default). */
  readonly level1Label?: "name+weight" | "weight-only" | "name-only";
  /** Blank rows between the blocks. */
  readonly blankRows?: number;
  /** After this many indicator rows, the header row (and the 一级 label) are repeated: a page break. */
  readonly pageBreakAfter?: number;
  /** How amounts are typed: as numbers (default), "150万", "150万元", "1,500,000元". */
  readonly amounts?: "number" | "wan" | "wanyuan" | "yuan";
  /** 完成值 typed as percentages shown through a % format (0.95 shown as 95%), where they are percentages. */
  readonly percentActuals?: boolean;
}

export interface ProjectTableInput {
  readonly style?: ProjectStyle;
  readonly year?: number;
  /** null: no title row. */
  readonly title?: CellSpec | null;
  readonly project?: CellSpec;
  readonly department?: CellSpec;
  readonly implementer?: CellSpec;
  readonly funds?: Partial<ProjectFunds> | null;
  readonly parts?: readonly FundsPartLine[];
  readonly goals?: readonly [CellSpec, CellSpec];
  readonly indicators?: readonly ProjectIndicator[];
  /** null: no closing row (a table cut off). */
  readonly total?: { readonly weight: CellSpec; readonly score: CellSpec } | null;
  readonly notes?: readonly string[];
  readonly layout?: ProjectLayout;
}

// ---------------------------------------------------------------------------------------------
// A clean table of each style: 0 errors, 0 warnings (a few infos: qualitative targets, the grade).

/** 100 / 120 / 114 万元, 95% on 10 points = 9.50. */
const MOF_FUNDS: ProjectFunds = { initial: 100, budget: 120, executed: 114, weight: 10, rate: { v: 0.95, fmt: "0.00%" }, score: 9.5 };
const MOF_PARTS: readonly FundsPartLine[] = [
  ["其中：当年财政拨款", 100, 110, 105],
  ["上年结转资金", 0, 10, 9],
  ["其他资金", 0, 0, 0],
];

/** 产出 50 + 效益 30 + 满意度 10 (+ 执行率 10); scores 20+15+5+10 + 18+10 + 10 = 88. */
export const MOF_INDICATORS: readonly ProjectIndicator[] = [
  { level1: "产出指标", level2: "数量指标", level3: "养护农村公路里程", target: "≥120公里", actual: "125公里", weight: 20, score: 20 },
  { level1: "产出指标", level2: "质量指标", level3: "路面优良率", target: "≥90%", actual: "92%", weight: 15, score: 15 },
  { level1: "产出指标", level2: "时效指标", level3: "养护完成时间", target: "2023年12月底前", actual: "2023年11月完成", weight: 5, score: 5 },
  { level1: "产出指标", level2: "成本指标", level3: "每公里养护成本", target: "≤1万元", actual: "0.95万元", weight: 10, score: 10 },
  { level1: "效益指标", level2: "社会效益指标", level3: "群众出行便利程度", target: "有效提升", actual: "达成年度指标", weight: 20, score: 18, reason: "部分偏远路段雨季通行仍受影响，下年度增加排水设施" },
  { level1: "效益指标", level2: "可持续影响指标", level3: "养护长效机制", target: "持续运行", actual: "达成年度指标", weight: 10, score: 10 },
  { level1: "满意度指标", level2: "服务对象满意度指标", level3: "沿线群众满意度", target: "≥90%", actual: "95%", weight: 10, score: 10 },
];

/** 四川: 指标性质 and 度量单位 columns, the 90 points split over 产出 and 效益 (no 一级 weights). */
export const SICHUAN_INDICATORS: readonly ProjectIndicator[] = [
  { level1: "产出指标", level2: "数量指标", level3: "培训人次", nature: "≥", target: 300, unit: "人次", actual: 320, weight: 30, score: 30 },
  { level1: "产出指标", level2: "质量指标", level3: "培训合格率", nature: "≥", target: 95, unit: "%", actual: 97, weight: 20, score: 20 },
  { level1: "产出指标", level2: "成本指标", level3: "人均培训成本", nature: "≤", target: 500, unit: "元", actual: 480, weight: 10, score: 10 },
  { level1: "效益指标", level2: "社会效益指标", level3: "从业人员技能提升", nature: "定性", target: "明显提升", unit: "", actual: "达成年度指标", weight: 20, score: 20 },
  { level1: "效益指标", level2: "可持续影响指标", level3: "培训成果持续应用", nature: "定性", target: "长期", unit: "", actual: "达成年度指标", weight: 10, score: 10 },
];
/** 10 / 12 / 11.4 万元 → 95% → 9.50 of 10; scores 90 → 合计 99.50. */
const SICHUAN_FUNDS: ProjectFunds = { initial: 10, budget: 12, executed: 11.4, weight: 10, rate: { v: 0.95, fmt: "0.00%" }, score: 9.5, reason: "" };
const SICHUAN_PARTS: readonly FundsPartLine[] = [
  ["其中：财政资金", 10, 12, 11.4],
  ["财政专户管理资金", 0, 0, 0],
  ["单位资金", 0, 0, 0],
  ["其他资金", 0, 0, 0],
];

/** 湖北: a 20-point execution block (预算数 / 执行数 / 执行率 / 得分（20分*执行率）), 产出 40 + 效益 30 + 满意度 10. */
export const HUBEI_INDICATORS: readonly ProjectIndicator[] = [
  { level1: "产出指标", level2: "数量指标", level3: "监测站点数", target: "≥12个", actual: "12个", weight: 20, score: 20 },
  { level1: "产出指标", level2: "质量指标", level3: "数据合格率", target: "≥95%", actual: "98%", weight: 10, score: 10 },
  { level1: "产出指标", level2: "时效指标", level3: "报告按时提交率", target: "100%", actual: "100%", weight: 10, score: 10 },
  { level1: "效益指标", level2: "社会效益指标", level3: "为水土保持决策提供依据", target: "有效支撑", actual: "达成预期指标", weight: 30, score: 30 },
  { level1: "满意度指标", level2: "服务对象满意度指标", level3: "主管部门满意度", target: "≥90%", actual: "96%", weight: 10, score: 10 },
];
const HUBEI_FUNDS: ProjectFunds = { initial: null, budget: 50, executed: 48, weight: null, rate: { v: 0.96, fmt: "0.00%" }, score: 19.2 };

interface StyleSpec {
  readonly title: string;
  readonly fundsCaption: string;
  readonly fundsLabelHeader: string;
  readonly fundsHeaders: Readonly<Partial<Record<keyof ProjectFunds, string>>>;
  readonly fundsTotal: string;
  readonly goals: readonly [string, string, string];
  readonly indicatorCaption: string;
  readonly levelHeaders: readonly [string, string, string];
  readonly valueHeaders: Readonly<Record<ValueColumn, string>>;
  readonly valueOrder: readonly ValueColumn[];
  readonly totalLabel: string;
  readonly level1Weights: boolean;
  readonly implementerLabel: string;
}

const STYLES: Readonly<Record<ProjectStyle, StyleSpec>> = {
  mof: {
    title: "项目支出绩效自评表",
    fundsCaption: "项目资金（万元）",
    fundsLabelHeader: "",
    fundsHeaders: { initial: "年初预算数", budget: "全年预算数（A）", executed: "全年执行数（B）", weight: "分值", rate: "执行率（B/A）", score: "得分" },
    fundsTotal: "年度资金总额",
    goals: ["年度总体目标", "预期目标", "实际完成情况"],
    indicatorCaption: "绩效指标",
    levelHeaders: ["一级指标", "二级指标", "三级指标"],
    valueHeaders: {
      target: "年度指标值", actual: "实际完成值", weight: "分值", score: "得分", reason: "偏差原因分析及改进措施",
      nature: "指标性质", unit: "度量单位",
    },
    valueOrder: ["target", "actual", "weight", "score", "reason"],
    totalLabel: "总分",
    level1Weights: true,
    implementerLabel: "实施单位",
  },
  sichuan: {
    title: "部门预算项目支出绩效自评表",
    fundsCaption: "预算执行情况（10分）",
    fundsLabelHeader: "年度预算数（万元）",
    fundsHeaders: { initial: "年初预算", budget: "调整后预算数", executed: "预算执行数", rate: "预算执行率", weight: "权重", score: "得分", reason: "原因" },
    fundsTotal: "总额",
    goals: ["项目年度目标完成情况", "项目年度目标", "年度目标完成情况"],
    indicatorCaption: "绩效指标（90分）",
    levelHeaders: ["一级指标", "二级指标", "三级指标"],
    valueHeaders: {
      target: "指标值", actual: "完成值", weight: "权重", score: "得分", reason: "未完成原因分析", nature: "指标性质", unit: "度量单位",
    },
    valueOrder: ["nature", "target", "unit", "actual", "weight", "score", "reason"],
    totalLabel: "合计",
    level1Weights: false,
    implementerLabel: "实施单位（盖章）",
  },
  hubei: {
    title: "项目绩效自评表",
    fundsCaption: "预算执行情况（万元）（20分）",
    fundsLabelHeader: "",
    fundsHeaders: { budget: "预算数（A）", executed: "执行数（B）", rate: "执行率（B/A）", score: "得分（20分*执行率）" },
    fundsTotal: "年度财政资金总额",
    goals: ["年度总体目标", "预期目标", "实际完成情况"],
    indicatorCaption: "年度绩效目标（80分）",
    levelHeaders: ["一级指标", "二级指标", "三级指标"],
    valueHeaders: {
      target: "年初目标值（A）", actual: "实际完成值（B）", weight: "分值", score: "得分", reason: "偏差原因分析及改进措施",
      nature: "指标性质", unit: "度量单位",
    },
    valueOrder: ["target", "actual", "weight", "score", "reason"],
    totalLabel: "总分",
    level1Weights: true,
    implementerLabel: "项目实施单位",
  },
};

const DEFAULTS: Readonly<Record<ProjectStyle, { funds: ProjectFunds; parts: readonly FundsPartLine[]; indicators: readonly ProjectIndicator[]; total: { weight: CellSpec; score: CellSpec } }>> = {
  mof: { funds: MOF_FUNDS, parts: MOF_PARTS, indicators: MOF_INDICATORS, total: { weight: 100, score: 97.5 } },
  sichuan: { funds: SICHUAN_FUNDS, parts: SICHUAN_PARTS, indicators: SICHUAN_INDICATORS, total: { weight: 100, score: 99.5 } },
  hubei: { funds: HUBEI_FUNDS, parts: [], indicators: HUBEI_INDICATORS, total: { weight: 100, score: 99.2 } },
};

// ---------------------------------------------------------------------------------------------
// Layout

class Grid {
  readonly rows: CellSpec[][] = [];
  readonly merges: string[] = [];
  constructor(readonly width: number, private readonly merging: boolean) {}

  get next(): number {
    return this.rows.length;
  }

  set(row: number, col: number, value: CellSpec): void {
    while (this.rows.length <= row) this.rows.push([]);
    this.rows[row]![col] = value;
  }

  /** A value over an area: merged when the layout merges, else written in the top-left cell only. */
  area(top: number, left: number, bottom: number, right: number, value: CellSpec): void {
    this.set(top, left, value);
    for (let r = top; r <= bottom; r++) if (r >= this.rows.length) this.set(r, left, undefined);
    if (this.merging && (bottom > top || right > left)) this.merges.push(`${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`);
  }

  blank(count: number): void {
    for (let i = 0; i < count; i++) this.rows.push([]);
  }
}

/** An amount as the layout types it. */
function amount(value: CellSpec, style: ProjectLayout["amounts"]): CellSpec {
  if (typeof value !== "number" || style === undefined || style === "number") return value;
  if (style === "wan") return `${value}万`;
  if (style === "wanyuan") return `${value}万元`;
  // 元 with thousands separators: 114 万元 → "1,140,000元".
  return `${Math.round(value * 10000).toLocaleString("en-US")}元`;
}

/** "95%" as 0.95 with a 0% format, where a 完成值 is a bare percentage. */
function percentActual(value: CellSpec): CellSpec {
  if (typeof value !== "string") return value;
  const match = /^(\d+(?:\.\d+)?)%$/.exec(value);
  return match ? { v: Number(match[1]) / 100, fmt: "0%" } : value;
}

export function projectTable(input: ProjectTableInput = {}): { rows: CellSpec[][]; merges: string[] } {
  const styleName = input.style ?? "mof";
  const style = STYLES[styleName];
  const defaults = DEFAULTS[styleName];
  const layout = input.layout ?? {};
  const order = layout.valueOrder ?? style.valueOrder;
  const indicators = input.indicators ?? defaults.indicators;
  const hasNature = indicators.some((i) => i.nature !== undefined) && order.includes("nature");
  const valueColumns = order.filter((c) => hasNature || (c !== "nature" && c !== "unit"));
  // Column 0: the block captions; 1–3: the three levels; then the value columns.
  const width = Math.max(4 + valueColumns.length, 3 + Object.keys(style.fundsHeaders).length);
  const grid = new Grid(width, layout.merges !== false);
  const last = width - 1;
  const gap = () => grid.blank(layout.blankRows ?? 0);
  const year = input.year ?? 2023;

  if (input.title !== null) {
    grid.area(grid.next, 0, grid.next, last, input.title ?? style.title);
    grid.area(grid.next, 0, grid.next, last, `（${year}年度）`);
  }
  let row = grid.next;
  grid.set(row, 0, "项目名称");
  grid.area(row, 1, row, last, input.project ?? "农村公路养护项目");
  row = grid.next;
  const half = Math.floor(width / 2);
  grid.set(row, 0, "主管部门");
  grid.area(row, 1, row, half - 1, input.department ?? "县交通运输局");
  grid.set(row, half, style.implementerLabel);
  grid.area(row, half + 1, row, last, input.implementer ?? "县公路养护中心");
  gap();

  if (input.funds !== null) {
    const funds = { ...defaults.funds, ...(input.funds ?? {}) };
    const parts = input.parts ?? defaults.parts;
    const keys = Object.keys(style.fundsHeaders) as (keyof ProjectFunds)[];
    const top = grid.next;
    const headerRows = layout.twoRowHeaders ? 2 : 1;
    const blockRows = headerRows + 1 + parts.length;
    grid.area(top, 0, top + blockRows - 1, 0, style.fundsCaption);
    if (layout.twoRowHeaders) {
      // The amounts grouped under one heading, the column names on the row below.
      grid.area(top, 1, top + 1, 1, style.fundsLabelHeader || "资金来源");
      grid.area(top, 2, top, 1 + keys.length, "资金情况");
      keys.forEach((key, i) => grid.set(top + 1, 2 + i, style.fundsHeaders[key]!));
    } else {
      grid.set(top, 1, style.fundsLabelHeader || undefined);
      keys.forEach((key, i) => grid.set(top, 2 + i, style.fundsHeaders[key]!));
    }
    const totalRow = top + headerRows;
    grid.set(totalRow, 1, style.fundsTotal);
    keys.forEach((key, i) => {
      const value = funds[key];
      const typed = key === "initial" || key === "budget" || key === "executed" ? amount(value, layout.amounts) : value;
      if (key === "reason") grid.area(totalRow, 2 + i, totalRow + parts.length, 2 + i, typed);
      else grid.set(totalRow, 2 + i, typed);
    });
    parts.forEach(([label, initial, budget, executed], p) => {
      const r = totalRow + 1 + p;
      grid.set(r, 1, label);
      const values: Partial<Record<keyof ProjectFunds, CellSpec>> = { initial, budget, executed };
      keys.forEach((key, i) => {
        if (key === "reason") return;
        grid.set(r, 2 + i, key in values ? amount(values[key], layout.amounts) : "—");
      });
    });
    gap();
  }

  const goals = input.goals ?? ["完成全县农村公路日常养护，路况保持良好", "全年养护农村公路125公里，路面优良率92%"];
  const goalTop = grid.next;
  grid.area(goalTop, 0, goalTop + 1, 0, style.goals[0]);
  grid.area(goalTop, 1, goalTop, half - 1, style.goals[1]);
  grid.area(goalTop, half, goalTop, last, style.goals[2]);
  grid.area(goalTop + 1, 1, goalTop + 1, half - 1, goals[0]);
  grid.area(goalTop + 1, half, goalTop + 1, last, goals[1]);
  gap();

  // The indicator table.
  const headerTop = grid.next;
  const headerRows = layout.twoRowHeaders ? 2 : 1;
  const valueCol = (c: ValueColumn) => 4 + valueColumns.indexOf(c);
  const writeHeader = (top: number) => {
    if (layout.twoRowHeaders) {
      grid.area(top, 1, top, 3, "指标");
      style.levelHeaders.forEach((h, i) => grid.set(top + 1, 1 + i, h));
      valueColumns.forEach((c) => grid.area(top, valueCol(c), top + 1, valueCol(c), style.valueHeaders[c]));
    } else {
      style.levelHeaders.forEach((h, i) => grid.set(top, 1 + i, h));
      valueColumns.forEach((c) => grid.set(top, valueCol(c), style.valueHeaders[c]));
    }
  };
  writeHeader(headerTop);
  let r = headerTop + headerRows;
  const weightOf = (level1: string) => indicators.filter((i) => i.level1 === level1)
    .reduce((n, i) => n + (typeof i.weight === "number" ? i.weight : 0), 0);
  const level1Text = (name: string) => {
    if (!style.level1Weights || layout.level1Label === "name-only") return name;
    if (layout.level1Label === "weight-only") return `（${weightOf(name)}分）`;
    return `${name}\n（${weightOf(name)}分）`;
  };
  // Runs of rows sharing a 一级 (and a 二级) label, split at a page break.
  let since = 0;
  let i = 0;
  while (i < indicators.length) {
    if (layout.pageBreakAfter && since === layout.pageBreakAfter) {
      writeHeader(r);
      r += headerRows;
      since = 0;
    }
    const run: ProjectIndicator[] = [];
    while (i < indicators.length && indicators[i]!.level1 === (run[0]?.level1 ?? indicators[i]!.level1)
      && !(layout.pageBreakAfter && since + run.length === layout.pageBreakAfter)) {
      run.push(indicators[i]!);
      i++;
    }
    grid.area(r, 1, r + run.length - 1, 1, level1Text(run[0]!.level1));
    let k = 0;
    while (k < run.length) {
      let n = 1;
      while (k + n < run.length && run[k + n]!.level2 === run[k]!.level2) n++;
      grid.area(r + k, 2, r + k + n - 1, 2, run[k]!.level2);
      k += n;
    }
    run.forEach((ind, j) => {
      const at = r + j;
      grid.set(at, 3, ind.level3);
      for (const c of valueColumns) {
        let value: CellSpec = c === "reason" ? ind.reason ?? "" : ind[c] ?? "";
        if (c === "actual" && layout.percentActuals) value = percentActual(value);
        grid.set(at, valueCol(c), value);
      }
    });
    r += run.length;
    since += run.length;
  }
  const total = input.total === undefined ? defaults.total : input.total;
  if (total) {
    // The label spans the columns before the first of 分值 and 得分, whichever the layout puts first.
    grid.area(r, 0, r, Math.min(valueCol("weight"), valueCol("score")) - 1, style.totalLabel);
    grid.set(r, valueCol("weight"), total.weight);
    grid.set(r, valueCol("score"), total.score);
    r++;
  }
  // The indicator caption down column 0, beside the header and the rows.
  grid.area(headerTop, 0, Math.max(headerTop, r - (total ? 2 : 1)), 0, style.indicatorCaption);
  for (const note of input.notes ?? []) grid.area(grid.next, 0, grid.next, last, note);
  return { rows: grid.rows, merges: grid.merges };
}

/** One project table on a sheet of its own. */
export function projectSheet(name: string, input: ProjectTableInput = {}): SheetSpec {
  const { rows, merges } = projectTable(input);
  return { name, rows, merges };
}

/** Several project tables down one sheet, `gap` blank rows apart (how units paste them). */
export function projectTablesOnOneSheet(name: string, inputs: readonly ProjectTableInput[], gap = 2): SheetSpec {
  const rows: CellSpec[][] = [];
  const merges: string[] = [];
  for (const input of inputs) {
    const offset = rows.length;
    const table = projectTable(input);
    rows.push(...table.rows);
    for (const m of table.merges) {
      merges.push(m.replace(/(\d+)/g, (d) => String(Number(d) + offset)));
    }
    for (let i = 0; i < gap; i++) rows.push([]);
  }
  return { name, rows, merges };
}

export function projectWorkbook(...sheets: SheetSpec[]): WorkbookSpec {
  return { sheets };
}

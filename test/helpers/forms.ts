/**
 * A builder of 附件2 / 附件3 forms laid out as staff lay them out in Excel (the shape of
 * src/samples/zhuzhou-luosong-npc-2023.ts), from a compact description. Every field defaults
 * to the seed, so `annex2Form()` and `annex3Form()` reproduce the sample sheets cell for cell and
 * a test states only what it changes:
 *
 *   annex2Form({ staff: { posts: 21, onPost: 35, rate: pct(1.6667) } })
 *   annex3Form({ funds: { budget: 0 }, indicators: [...], total: { weight: 100, score: 98 } })
 *
 * Conventions: a value is any CellSpec (a number, text such as "９８２．６０" or "——",
 * `{ error: "#DIV/0!" }`, `{ v, fmt }`); `undefined` (or leaving a field out) means "the seed's
 * value", `null` means a blank cell. Setting a whole row or block to `null` removes it.
 */
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../src/adapters/memory/grid-spec";
import type { CellValue } from "../../src/core/grid/workbook";
import { columnLetters, parseRangeA1, rangeToA1 } from "../../src/core/grid/address";

// ---------------------------------------------------------------------------------------------
// Values

/** A number published with two decimals ("23.50"). */
export function n2(v: number): CellSpec {
  return { v, fmt: "0.00" };
}

/** A fraction shown as a percentage: pct(1.6667) is 166.67% (format "0.00%"). */
export function pct(v: number, fmt = "0.00%"): CellSpec {
  return { v, fmt };
}

/** An Excel error value: err("#DIV/0!"). */
export function err(code: string): CellSpec {
  return { v: { error: code } };
}

export const IDEOGRAPHIC_SPACE = "\u3000";

/** Where to put a form on its sheet: rows above it and columns left of it. */
export interface Offset {
  readonly rows?: number;
  readonly cols?: number;
}

type Row = CellSpec[];

/** Fills `given` over `defaults`, field by field: an undefined field keeps its default, null is kept (blank). */
function pick<T>(given: T | undefined, fallback: T): T {
  return given === undefined ? fallback : given;
}

// ---------------------------------------------------------------------------------------------
// 附件2 基础数据表

/** {Y-1}年决算数, {Y}年预算数, {Y}年决算数. */
export type Triple = readonly [prior: CellSpec, budget: CellSpec, final: CellSpec];

/** A line under 项目支出 or 公用经费: its label and up to three year values. */
export type FundsLine = readonly [label: CellSpec, prior?: CellSpec, budget?: CellSpec, final?: CellSpec];

/** A 楼堂馆所 project row. */
export type BuildingLine = readonly [
  label: CellSpec,
  approvedScale: CellSpec,
  actualScale: CellSpec,
  scaleRate: CellSpec,
  budgetInvestment: CellSpec,
  actualInvestment: CellSpec,
  investmentRate: CellSpec,
];

export interface StaffInput {
  /** 编制数 */
  readonly posts?: CellSpec;
  /** {Y}年实际在职人数 */
  readonly onPost?: CellSpec;
  /** 控制率 */
  readonly rate?: CellSpec;
  /** Header texts; null removes a header cell. */
  readonly labels?: { readonly block?: CellSpec; readonly posts?: CellSpec; readonly onPost?: CellSpec; readonly rate?: CellSpec };
}

export type FundsRowKey =
  | "threePublic" | "vehicle" | "vehiclePurchase" | "vehicleRunning" | "abroad" | "reception"
  | "project" | "publicFunds" | "procurement" | "budgetAdjustment";

export interface FundsInput {
  /** 经费控制情况（万元） | {Y-1}年决算数 | {Y}年预算数 | {Y}年决算数 */
  readonly headers?: readonly [block: CellSpec, prior: CellSpec, budget: CellSpec, final: CellSpec];
  readonly threePublic?: Triple | null;
  readonly vehicle?: Triple | null;
  readonly vehiclePurchase?: Triple | null;
  readonly vehicleRunning?: Triple | null;
  readonly abroad?: Triple | null;
  readonly reception?: Triple | null;
  /** The 项目支出 total row. */
  readonly project?: Triple | null;
  /** Every row between 项目支出 and 公用经费, placeholders ("……") included. */
  readonly projectLines?: readonly FundsLine[];
  readonly publicFunds?: Triple | null;
  /** The 其中 rows of 公用经费. */
  readonly publicParts?: readonly FundsLine[];
  readonly procurement?: Triple | null;
  readonly budgetAdjustment?: Triple | null;
  /** Label text of a row, to try a variant ("三公经费：", "其中:公车购置"). */
  readonly labels?: Partial<Record<FundsRowKey, CellSpec>>;
}

export interface Annex2Input {
  /** Sheet name, default "附件2". */
  readonly name?: string;
  /** The report year Y: titles and headers say {Y} and {Y-1}. Default 2023. */
  readonly year?: number;
  /** The "附件2" tag row; null leaves the row blank. */
  readonly tag?: CellSpec;
  readonly title?: CellSpec;
  readonly staff?: StaffInput | null;
  readonly funds?: FundsInput | null;
  /** 楼堂馆所 project rows; null removes the whole block. Default: the seed's one blank row. */
  readonly buildings?: readonly BuildingLine[] | null;
  /** The 楼堂馆所控制情况（{Y}年完工项目） label. */
  readonly buildingsTitle?: CellSpec;
  /** 厉行节约保障措施, 说明 and the 填表人 line; false drops them. */
  readonly footer?: boolean;
  readonly offset?: Offset;
}

const SEED_A2 = {
  staff: { posts: 21, onPost: 35, rate: { v: 0.6, fmt: "0%" } as CellSpec },
  threePublic: [0, 0, 0] as Triple,
  vehicle: [0, 0, 0] as Triple,
  vehiclePurchase: [0, 0, 0] as Triple,
  vehicleRunning: [0, 0, 0] as Triple,
  abroad: [0, 0, 0] as Triple,
  reception: [0, 0, 0] as Triple,
  project: [n2(137.46), n2(150.13), n2(70.27)] as Triple,
  projectLines: [
    ["    1、业务工作经费", n2(137.46), n2(150.13), n2(70.27)],
    ["    2、运行维护经费", 0, 0, 0],
    ["……"],
    ["3、市级专项资金（一个专项一行）"],
    ["……"],
  ] as readonly FundsLine[],
  publicFunds: [n2(99.41), n2(116.8), n2(74.46)] as Triple,
  publicParts: [
    ["    其中：办公经费", n2(8.93), n2(23.5), n2(9.43)],
    ["          水费、电费、差旅费", n2(0.06), n2(1), n2(4.52)],
    ["          会议费、培训费", n2(0.82), n2(5), n2(0.07)],
  ] as readonly FundsLine[],
  procurement: ["——", 32.3, n2(31.1)] as Triple,
  budgetAdjustment: ["——", null, null] as Triple,
};

const A2_LABELS: Readonly<Record<FundsRowKey, string>> = {
  threePublic: "三公经费",
  vehicle: "   1、公务用车购置和维护经费",
  vehiclePurchase: "       其中：公车购置",
  vehicleRunning: "             公车运行维护",
  abroad: "   2、出国经费",
  reception: "   3、公务接待",
  project: "项目支出：",
  publicFunds: "公用经费",
  procurement: "政府采购金额",
  budgetAdjustment: "部门基本支出预算调整 ",
};

/** The seed's project lines (业务工作经费, 运行维护经费, ……, 3、市级专项资金（一个专项一行）, ……). */
export const SEED_PROJECT_LINES = SEED_A2.projectLines;
/** The seed's 其中 lines of 公用经费. */
export const SEED_PUBLIC_PARTS = SEED_A2.publicParts;

/** Drops trailing blank cells, as the sample writes its rows. */
function trimRow(row: Row): Row {
  const out = [...row];
  while (out.length > 0 && (out[out.length - 1] === undefined || out[out.length - 1] === null)) out.pop();
  return out;
}

export function annex2Form(input: Annex2Input = {}): SheetSpec {
  const year = input.year ?? 2023;
  const rows: Row[] = [];
  const merges: string[] = [];
  const add = (row: Row) => rows.push(trimRow(row));

  add([pick(input.tag, "附件2")]);
  add([pick(input.title, `${year}年度部门（单位）整体支出绩效评价基础数据表`)]);
  merges.push(`A${rows.length}:G${rows.length}`);

  if (input.staff !== null) {
    const s = input.staff ?? {};
    const l = s.labels ?? {};
    add([pick(l.block, "财政供养人员情况（人）"), pick(l.posts, "编制数"), pick(l.onPost, `${year}年实际在职人数`), pick(l.rate, "控制率")]);
    add([undefined, pick(s.posts, SEED_A2.staff.posts), pick(s.onPost, SEED_A2.staff.onPost), pick(s.rate, SEED_A2.staff.rate)]);
  }

  if (input.funds !== null) {
    const f = input.funds ?? {};
    const label = (key: FundsRowKey) => pick(f.labels?.[key], A2_LABELS[key]);
    add([...(f.headers ?? ["经费控制情况（万元）", `${year - 1}年决算数`, `${year}年预算数`, `${year}年决算数`])]);
    const line = (key: FundsRowKey, values: Triple | null | undefined, fallback: Triple) => {
      if (values === null) return;
      add([label(key), ...(values ?? fallback)]);
    };
    line("threePublic", f.threePublic, SEED_A2.threePublic);
    line("vehicle", f.vehicle, SEED_A2.vehicle);
    line("vehiclePurchase", f.vehiclePurchase, SEED_A2.vehiclePurchase);
    line("vehicleRunning", f.vehicleRunning, SEED_A2.vehicleRunning);
    line("abroad", f.abroad, SEED_A2.abroad);
    line("reception", f.reception, SEED_A2.reception);
    line("project", f.project, SEED_A2.project);
    for (const l of f.projectLines ?? SEED_A2.projectLines) add([...l]);
    line("publicFunds", f.publicFunds, SEED_A2.publicFunds);
    for (const l of f.publicParts ?? SEED_A2.publicParts) add([...l]);
    line("procurement", f.procurement, SEED_A2.procurement);
    line("budgetAdjustment", f.budgetAdjustment, SEED_A2.budgetAdjustment);
  }

  if (input.buildings !== null) {
    add([
      pick(input.buildingsTitle, `楼堂馆所控制情况\n（${year}年完工项目）`),
      "批复规模\n（㎡）", "实际规模（㎡）", "规模控制率", "预算投资（万元）", "实际投资（万元）", "投资概算控制率",
    ]);
    const blank: BuildingLine = [undefined, IDEOGRAPHIC_SPACE, IDEOGRAPHIC_SPACE, IDEOGRAPHIC_SPACE, IDEOGRAPHIC_SPACE, IDEOGRAPHIC_SPACE, IDEOGRAPHIC_SPACE];
    for (const b of input.buildings ?? [blank]) add([...b]);
  }

  if (input.footer !== false) {
    add(["厉行节约保障措施", IDEOGRAPHIC_SPACE]);
    merges.push(`B${rows.length}:G${rows.length}`);
    add(["说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。"]);
    merges.push(`A${rows.length}:G${rows.length}`);
    add(["填表人：康思敏     填报日期：         联系电话： 28580679  单位负责人签字："]);
    merges.push(`A${rows.length}:G${rows.length}`);
  }

  return place({ name: input.name ?? "附件2", rows, merges, widths: [34, 14, 20, 14, 18, 18, 16] }, input.offset);
}

// ---------------------------------------------------------------------------------------------
// 附件3 整体支出绩效自评表

export interface Annex3FundsInput {
  /** 年初预算数 */
  readonly initial?: CellSpec;
  /** 全年预算数 */
  readonly budget?: CellSpec;
  /** 全年执行数 */
  readonly executed?: CellSpec;
  /** 分值 */
  readonly weight?: CellSpec;
  /** 执行率 */
  readonly rate?: CellSpec;
  /** 得分 */
  readonly score?: CellSpec;
  /** Header texts (年初预算数 … 得分); null removes a header. */
  readonly headers?: {
    readonly initial?: CellSpec; readonly budget?: CellSpec; readonly executed?: CellSpec;
    readonly weight?: CellSpec; readonly rate?: CellSpec; readonly score?: CellSpec;
  };
  /** 年度资金总额 */
  readonly label?: CellSpec;
}

/**
 * A breakdown figure. In the seed's layout it is written inside the label ("项目支出：70.66"):
 * a number is shown with two decimals, text is appended as written, null leaves the label bare.
 */
export interface IncomeInput {
  /** 按收入性质分 */
  readonly total?: CellSpec;
  /** 一般公共预算 */
  readonly general?: CellSpec;
  /** 政府性基金拨款 */
  readonly fund?: CellSpec;
  /** 纳入专户管理的非税收入拨款 */
  readonly specialAccount?: CellSpec;
  /** 其他资金 */
  readonly other?: CellSpec;
}

export interface ExpenseInput {
  /** 按支出性质分 */
  readonly total?: CellSpec;
  /** 基本支出 */
  readonly basic?: CellSpec;
  /** 项目支出 */
  readonly project?: CellSpec;
}

export interface IndicatorInput {
  /**
   * 一级指标 with its weight ("产出指标\n(40分)"). Left out (or equal to the row above's), the
   * row belongs to the group above; the label is written once and merged down over the group.
   */
  readonly level1?: CellSpec;
  /** 二级指标, merged down the same way within its 一级 group. */
  readonly level2?: CellSpec;
  readonly level3?: CellSpec;
  readonly target?: CellSpec;
  readonly actual?: CellSpec;
  readonly weight?: CellSpec;
  readonly score?: CellSpec;
  readonly reason?: CellSpec;
}

export type IndicatorColumn = "level1" | "level2" | "level3" | "target" | "actual" | "weight" | "score" | "reason";

export interface Annex3Input {
  readonly name?: string;
  readonly year?: number;
  readonly tag?: CellSpec;
  readonly title?: CellSpec;
  readonly unitName?: CellSpec;
  /** The 年度资金总额 row and its header; null removes both. */
  readonly funds?: Annex3FundsInput | null;
  /** null removes the 按收入性质分 labels. */
  readonly income?: IncomeInput | null;
  /** null removes the 按支出性质分 labels. */
  readonly expense?: ExpenseInput | null;
  /** Where breakdown figures sit: inside their label (the seed) or in the cell to its right. */
  readonly breakdownValues?: "inLabel" | "nextCell";
  /** The indicator rows; default the seed's 15. */
  readonly indicators?: readonly IndicatorInput[];
  /** Indicator table header texts (e.g. { score: "自评得分", weight: "权重" }); null removes a header. */
  readonly indicatorHeaders?: Partial<Record<IndicatorColumn, CellSpec>>;
  /** The 总分 row; null removes it. */
  readonly total?: { readonly label?: CellSpec; readonly weight?: CellSpec; readonly score?: CellSpec } | null;
  readonly footer?: boolean;
  readonly offset?: Offset;
}

/** The seed's 15 indicator rows, exactly as published. */
export const SEED_INDICATORS: readonly IndicatorInput[] = [
  { level1: "产出指标\n\n(40分)", level2: "数量指标", level3: "机关福利、办公支出", target: "67人", actual: "67人", weight: 6, score: 6 },
  { level3: "六届三次全会", target: "1次", actual: "1次", weight: 8, score: 8 },
  { level3: "专题视察、调研", target: "不少于30次", actual: "34次", weight: 8, score: 8 },
  { level3: "专项工作评议", target: "1次", actual: "1次", weight: 4, score: 4 },
  { level3: "代表培训", target: "2次", actual: "2次", weight: 4, score: 4 },
  { level2: "质量指标", level3: "完成率%", target: "≥95%", actual: "100%", weight: 6, score: 6 },
  { level2: "时效指标", level3: "工作保障时效", target: "2023年全年", actual: "全年", weight: 4, score: 4 },
  {
    level1: "效益指标\n\n（20分）\n\u3000", level2: "经济效\n益指标", level3: "推动芦淞区经济社会发展",
    target: "无直接经济效益", actual: "宏观推动发展", weight: 2, score: 2, reason: "   ",
  },
  {
    level2: "社会效\n益指标", level3: "保障基本支出，完成年初计划",
    target: "保障机关人员工资福利支出到位。圆满召开区六届人大三次会议。深入基层开展调研，组织代表参加培训、视察、建言献策、反映社情民意等。",
    actual: "保证基本支出，开展人大履职活动", weight: 15, score: 15,
  },
  { level2: "生态效\n益指标", level3: "/", target: "/", actual: "/", weight: 0, score: 0 },
  {
    level2: "可持续影响指标", level3: "持续推动新时代基层人大工作迈上新台阶", target: "\u3000推动社会和谐稳定发展",
    actual: "\u3000长期坚持", weight: 3, score: 2, reason: "   新时代基层人大工作有待进一步加强。",
  },
  { level1: "满意度指标\n（10分）", level2: "服务对象满意度指标", level3: "服务对象满意度", target: "≥98%", actual: "\u3000100%", weight: 10, score: 10 },
  {
    level1: "成本指标\n（20分）", level2: "经济成本指标", level3: "人员、运转类等办公基本保障和专项支出",
    target: "≤812.38万元", actual: "837.48万元", weight: 20, score: 19, reason: "   超过年初预算，下一年度预算更加精细。",
  },
  { level2: "社会成本指标", level3: "/", target: "/", actual: "/", weight: 0, score: 0 },
  { level2: "生态环境成本指标", level3: "/", target: "/", actual: "/", weight: 0, score: 0 },
];

/** An indicator row as a table line: 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因. */
export type IndicatorLine = readonly [level3: CellSpec, target: CellSpec, actual: CellSpec, weight: CellSpec, score: CellSpec, reason?: CellSpec];

/**
 * One 一级指标 group of table lines under one 二级指标:
 * group("产出指标\n(40分)", "数量指标", [["专题视察、调研", "不少于30次", "24次", 8, 6.4, "未达预期"], ...]).
 */
export function group(level1: CellSpec, level2: CellSpec, lines: readonly IndicatorLine[]): IndicatorInput[] {
  return lines.map(([level3, target, actual, weight, score, reason], i) => ({
    ...(i === 0 ? { level1, level2 } : {}),
    level3, target, actual, weight, score, reason,
  }));
}

/** The seed's cost row (≤812.38万元 / 837.48万元 / 20 / 19). */
export const SEED_COST_ROW = "人员、运转类等办公基本保障和专项支出";

/**
 * The seed's indicators (or `rows`) with some rows changed, picked by their 三级指标 text:
 * withIndicators({ [SEED_COST_ROW]: { score: 19.38 } }).
 */
export function withIndicators(
  patches: Readonly<Record<string, Partial<IndicatorInput>>>,
  rows: readonly IndicatorInput[] = SEED_INDICATORS,
): IndicatorInput[] {
  const unknown = Object.keys(patches).filter((k) => !rows.some((r) => r.level3 === k));
  if (unknown.length > 0) throw new Error(`no indicator row ${unknown.join(", ")}`);
  return rows.map((r) => (typeof r.level3 === "string" && patches[r.level3] ? { ...r, ...patches[r.level3] } : r));
}

const SEED_A3_FUNDS = {
  initial: n2(962.51), budget: n2(982.6), executed: n2(982.21), weight: 10, rate: { v: 0.9996, fmt: "0.00%" } as CellSpec, score: 98,
};

/** Label text before the figure, and the padding between them, as published. */
const INCOME_LABELS = {
  total: ["按收入性质分：", ""],
  general: ["  其中：  一般公共预算：", "   "],
  fund: ["政府性基金拨款：", "   "],
  specialAccount: ["纳入专户管理的非税收入拨款：", "   "],
  other: ["其他资金：", "    "],
} as const;
const EXPENSE_LABELS = {
  total: ["按支出性质分：", ""],
  basic: ["其中：基本支出：", ""],
  project: ["项目支出：", ""],
} as const;

const SEED_INCOME: Required<IncomeInput> = { total: "982.60", general: "982.60", fund: null, specialAccount: null, other: null };
const SEED_EXPENSE: Required<ExpenseInput> = { total: "982.60", basic: "911.94", project: "70.66" };

/** A figure as the text inside a label: numbers with two decimals. */
function figureText(value: CellSpec): string {
  if (value === undefined || value === null) return "";
  const raw: CellValue = typeof value === "object" && "v" in value ? value.v : value;
  if (raw === null) return "";
  if (typeof raw === "number") return raw.toFixed(2);
  if (typeof raw === "object") return raw.error;
  return String(raw);
}

export function annex3Form(input: Annex3Input = {}): SheetSpec {
  const year = input.year ?? 2023;
  const rows: Row[] = [];
  const merges: string[] = [];
  const add = (row: Row) => rows.push(trimRow(row));
  /** 1-based number of the row just added. */
  const last = () => rows.length;

  add([pick(input.tag, "附件3")]);
  add([pick(input.title, `${year}年度部门（单位）整体支出绩效自评表`)]);
  merges.push(`A${last()}:I${last()}`);
  add(["市级预算部门（单位）名称", undefined, undefined, pick(input.unitName, "株洲市芦淞区人民代表大会常务委员会\u3000")]);
  merges.push(`A${last()}:C${last()}`, `D${last()}:I${last()}`);

  const blockStart = last() + 1;
  if (input.funds !== null) {
    const f = input.funds ?? {};
    const h = f.headers ?? {};
    add([
      "年度预\n算申请\n（万元）", undefined, undefined,
      pick(h.initial, "年初预算数"), pick(h.budget, "全年预算数"), pick(h.executed, "全年执行数"),
      pick(h.weight, "分值"), pick(h.rate, "执行率"), pick(h.score, "得分"),
    ]);
    merges.push(`B${last()}:C${last()}`);
    add([
      undefined, pick(f.label, "年度资金总额"), undefined,
      pick(f.initial, SEED_A3_FUNDS.initial), pick(f.budget, SEED_A3_FUNDS.budget), pick(f.executed, SEED_A3_FUNDS.executed),
      pick(f.weight, SEED_A3_FUNDS.weight), pick(f.rate, SEED_A3_FUNDS.rate), pick(f.score, SEED_A3_FUNDS.score),
    ]);
    merges.push(`B${last()}:C${last()}`);
  }

  // The breakdown: income labels in B (merged B:E), expense labels in F (merged F:I); with
  // values in the next cell, labels take B:C / F:G and values D:E / H:I.
  const nextCell = input.breakdownValues === "nextCell";
  const income = input.income === null ? null : { ...SEED_INCOME, ...definedOnly(input.income ?? {}) };
  const expense = input.expense === null ? null : { ...SEED_EXPENSE, ...definedOnly(input.expense ?? {}) };
  const incomeKeys = ["total", "general", "fund", "specialAccount", "other"] as const;
  const expenseKeys = ["total", "basic", "project"] as const;
  for (let i = 0; i < incomeKeys.length; i++) {
    const row: Row = [];
    const lineMerges: string[] = [];
    const r = last() + 1;
    const L = (c: number) => columnLetters(c);
    const mergeCells = (col: number) => {
      if (nextCell) lineMerges.push(`${L(col)}${r}:${L(col + 1)}${r}`, `${L(col + 2)}${r}:${L(col + 3)}${r}`);
      else lineMerges.push(`${L(col)}${r}:${L(col + 3)}${r}`);
    };
    const put = (col: number, labels: readonly [string, string], value: CellSpec) => {
      if (nextCell) {
        row[col] = labels[0];
        row[col + 2] = value;
      } else {
        row[col] = `${labels[0]}${labels[1]}${figureText(value)}`;
      }
    };
    const ik = incomeKeys[i]!;
    if (income) {
      put(1, INCOME_LABELS[ik], income[ik]);
      mergeCells(1);
    }
    const ek = expenseKeys[i];
    if (expense) {
      if (ek) put(5, EXPENSE_LABELS[ek], expense[ek]);
      mergeCells(5);
    }
    add(row);
    merges.push(...lineMerges);
  }
  if (last() > blockStart) merges.push(`A${blockStart}:A${last()}`);

  add(["年度总体目标", "预期目标", undefined, undefined, undefined, "实际完成情况\u3000"]);
  merges.push(`A${last()}:A${last() + 1}`, `B${last()}:E${last()}`, `F${last()}:I${last()}`);
  add([
    undefined,
    "召集本级人民代表大会，领导或主持本级代表大会的选举；依照法律规定的权限决定国家工作人员的任免，讨论、决定或者通过行政区域内重大事项等。通过代表专项评议、视察调研和督查对政府工作进行监督；通过收集群众意见建议，为民发声，促进民生实事落实到位。",
    undefined, undefined, undefined,
    "\u3000圆满完成了区六届人大三次会议确定的各项工作任务。全年召开人大常委会会议11次、主任会议17次，组织开展执法检查、视察调研34次，听取和审议“一府一委两院”工作报告27项，作出决议决定14项。",
  ]);
  merges.push(`B${last()}:E${last()}`, `F${last()}:I${last()}`);

  const h = input.indicatorHeaders ?? {};
  add([
    "绩\n效\n指\n标", pick(h.level1, "一级指标"), pick(h.level2, "二级指标"), pick(h.level3, "三级指标"),
    pick(h.target, "年度指标值"), pick(h.actual, "实际完成值"), pick(h.weight, "分值"), pick(h.score, "得分"),
    pick(h.reason, "偏差原因分析及改进措施"),
  ]);
  const headerRow = last();
  const indicators = input.indicators ?? SEED_INDICATORS;
  let group: { label: CellSpec; start: number } | null = null;
  let sub: { label: CellSpec; start: number } | null = null;
  const close = (col: string, span: { start: number } | null, end: number) => {
    if (span && end > span.start) merges.push(`${col}${span.start}:${col}${end}`);
  };
  for (const ind of indicators) {
    const r = last() + 1;
    const newGroup = ind.level1 !== undefined && (group === null || !sameSpec(ind.level1, group.label));
    if (newGroup) {
      close("B", group, r - 1);
      close("C", sub, r - 1);
      group = { label: ind.level1, start: r };
      sub = null;
    }
    const newSub = ind.level2 !== undefined && (newGroup || sub === null || !sameSpec(ind.level2, sub.label));
    if (newSub) {
      if (!newGroup) close("C", sub, r - 1);
      sub = { label: ind.level2, start: r };
    }
    add([
      undefined, newGroup ? ind.level1 : undefined, newSub ? ind.level2 : undefined,
      ind.level3, ind.target, ind.actual, ind.weight, ind.score, ind.reason,
    ]);
  }
  close("B", group, last());
  close("C", sub, last());
  if (last() > headerRow) merges.push(`A${headerRow}:A${last()}`);

  if (input.total !== null) {
    const t = input.total ?? {};
    add([pick(t.label, "总分"), undefined, undefined, undefined, undefined, undefined, pick(t.weight, 100), pick(t.score, 98), IDEOGRAPHIC_SPACE]);
    merges.push(`A${last()}:F${last()}`);
  }
  if (input.footer !== false) {
    add(["填表人：康思敏   填报日期：          联系电话： 28580679  单位负责人签字："]);
    merges.push(`A${last()}:I${last()}`);
  }

  return place({ name: input.name ?? "附件3", rows, merges: sortMerges(merges), widths: [8, 14, 14, 26, 28, 24, 8, 10, 30] }, input.offset);
}

function sameSpec(a: CellSpec, b: CellSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function definedOnly<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function sortMerges(merges: readonly string[]): string[] {
  return [...merges].sort((a, b) => {
    const x = parseRangeA1(a)!;
    const y = parseRangeA1(b)!;
    return x.top - y.top || x.left - y.left;
  });
}

// ---------------------------------------------------------------------------------------------
// Placing and combining

/** Moves a sheet's content down and right: rows and merges shift together. */
export function place(sheet: SheetSpec, offset: Offset | undefined): SheetSpec {
  const dr = offset?.rows ?? 0;
  const dc = offset?.cols ?? 0;
  if (dr === 0 && dc === 0) return sheet;
  const pad: CellSpec[] = Array.from({ length: dc }, () => undefined);
  return {
    ...sheet,
    rows: [...Array.from({ length: dr }, () => [] as CellSpec[]), ...sheet.rows.map((row) => (row.length ? [...pad, ...row] : []))],
    merges: (sheet.merges ?? []).map((m) => shiftRange(m, dr, dc)),
  };
}

function shiftRange(a1: string, dr: number, dc: number): string {
  const r = parseRangeA1(a1)!;
  return rangeToA1({ ...r, top: r.top + dr, bottom: r.bottom + dr, left: r.left + dc, right: r.right + dc });
}

/** Several forms on one sheet, one below the other with `gap` blank rows between them. */
export function stack(name: string, sheets: readonly SheetSpec[], gap = 2): SheetSpec {
  let rows: (readonly CellSpec[])[] = [];
  const merges: string[] = [];
  for (const sheet of sheets) {
    if (rows.length > 0) rows = [...rows, ...Array.from({ length: gap }, () => [] as CellSpec[])];
    const shifted = place(sheet, { rows: rows.length });
    merges.push(...(shifted.merges ?? []));
    rows = [...rows, ...shifted.rows.slice(rows.length)];
  }
  return { name, rows, merges };
}

/** A workbook of the given sheets. */
export function workbook(...sheets: SheetSpec[]): WorkbookSpec {
  return { sheets };
}

/** Both annexes with the seed's data, each on its own sheet: the sample workbook. */
export function seedWorkbook(): WorkbookSpec {
  return workbook(annex2Form(), annex3Form());
}

/** A sheet of arbitrary rows, for "no annex here" cases. */
export function plainSheet(name: string, rows: readonly (readonly CellSpec[])[]): SheetSpec {
  return { name, rows };
}

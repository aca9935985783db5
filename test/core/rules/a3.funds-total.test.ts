import type { CellSpec, SheetSpec } from "../../../src/adapters/memory/grid-spec";
import { pct, plainSheet, seedWorkbook, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// The 湖南 builder (annex3Form) has no 其中 rows: the project tables are laid out here, as
// published (docs/research/forms-research.md §1.4, §2.4), the block's caption (项目资金（万元）,
// 预算执行情况（10分）) merged down column A beside the total and its 其中 rows.

/** 年初预算数, 全年预算数, 全年执行数 (四川: 年初预算, 调整后预算数, 预算执行数). */
type Amounts = readonly [initial: CellSpec, budget: CellSpec, executed: CellSpec];
type Part = readonly [label: CellSpec, initial: CellSpec, budget: CellSpec, executed: CellSpec];

interface ProjectInput {
  readonly total?: Amounts;
  readonly parts?: readonly Part[];
}

const MOF_PARTS: readonly Part[] = [
  ["其中：本年财政拨款", 100, 110, 105],
  ["上年结转资金", 0, 10, 9],
  ["其他资金", 0, 0, 0],
];

/**
 * A 财政部 项目支出绩效自评表 (财预〔2020〕10号): 项目资金 block in A5 onwards, 年度资金总额 on row 6
 * (D 年初预算数, E 全年预算数, F 全年执行数), 其中 rows from row 7, then the goals, the indicator
 * table (产出 50 + 效益 30 + 满意度 10 + 执行率 10) and 总分.
 */
function mofTable(input: ProjectInput = {}): SheetSpec {
  const total = input.total ?? [100, 120, 114];
  const parts = input.parts ?? MOF_PARTS;
  const rows: CellSpec[][] = [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "农村公路养护项目"],
    ["主管部门", "县交通运输局", undefined, undefined, "实施单位", "县公路养护中心"],
    ["项目资金（万元）", undefined, undefined, "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
    [undefined, "年度资金总额", undefined, ...total, 10, pct(0.95), 9.5],
    ...parts.map(([label, ...amounts]) => [undefined, label, undefined, ...amounts]),
    ["年度总体目标", "预期目标", undefined, undefined, undefined, "实际完成情况"],
    [undefined, "完成全县农村公路日常养护，路况保持良好", undefined, undefined, undefined, "全年养护农村公路125公里，路面优良率92%"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [undefined, "产出指标（50分）", "数量指标", "养护农村公路里程", "≥120公里", "125公里", 30, 30],
    [undefined, undefined, "质量指标", "路面优良率", "≥90%", "92%", 20, 20],
    [undefined, "效益指标（30分）", "社会效益指标", "群众出行便利程度", "有效提升", "达成年度指标", 30, 30],
    [undefined, "满意度指标（10分）", "服务对象满意度指标", "沿线群众满意度", "≥90%", "95%", 10, 10],
    ["总分", undefined, undefined, undefined, undefined, undefined, 100, 99.5],
  ];
  const p = parts.length;
  const header = 9 + p;
  return {
    ...plainSheet("项目1", rows),
    merges: [
      "A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", `A5:A${6 + p}`,
      ...Array.from({ length: p + 1 }, (_, i) => `B${6 + i}:C${6 + i}`),
      `A${7 + p}:A${8 + p}`, `B${7 + p}:E${7 + p}`, `F${7 + p}:I${7 + p}`, `B${8 + p}:E${8 + p}`, `F${8 + p}:I${8 + p}`,
      `A${header}:A${header + 4}`, `B${header + 1}:B${header + 2}`, `A${header + 5}:F${header + 5}`,
    ],
  };
}

const SICHUAN_PARTS: readonly Part[] = [
  ["其中：财政资金", 10, 12, 11.4],
  ["财政专户管理资金", 0, 0, 0],
  ["单位资金", 0, 0, 0],
  ["其他资金", 0, 0, 0],
];

/**
 * A 四川 部门预算项目支出绩效自评表 (510000_…): 预算执行情况（10分） with 总额 on row 6 (C 年初预算,
 * D 调整后预算数, E 预算执行数, F 预算执行率, G 权重, H 得分, I 原因), four 其中 rows from row 7,
 * then 项目基本情况, 绩效指标（90分） with 指标性质/度量单位, and 合计.
 */
function sichuanTable(input: ProjectInput = {}): SheetSpec {
  const total = input.total ?? [10, 12, 11.4];
  const parts = input.parts ?? SICHUAN_PARTS;
  const rows: CellSpec[][] = [
    ["报表编号:510000_0013zp"],
    ["部门预算项目支出绩效自评表（2023年度）"],
    ["项目名称", "51000021R000000019951-职业技能培训"],
    ["主管部门", "县人力资源和社会保障局", undefined, undefined, "实施单位（盖章）", "县就业服务中心"],
    ["预算执行情况（10分）", "年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
    [undefined, "总额", ...total, pct(0.95), 10, 9.5, null],
    ...parts.map(([label, ...amounts]) => [undefined, label, ...amounts, pct(0.95), "/", "/"]),
    ["项目基本情况", "1.项目年度目标完成情况", "项目年度目标", undefined, undefined, "年度目标完成情况"],
    [undefined, undefined, "开展职业技能培训300人次", undefined, undefined, "培训320人次，合格率97%"],
    ["绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
    [undefined, "产出指标", "数量指标", "培训人次", "≥", 300, "人次", 320, 30, 30],
    [undefined, undefined, "质量指标", "培训合格率", "≥", 95, "%", 97, 30, 30],
    [undefined, "效益指标", "社会效益指标", "从业人员技能提升", "定性", "明显提升", undefined, "达成年度指标", 30, 30],
    ["合计", undefined, undefined, undefined, undefined, undefined, undefined, undefined, 100, 99.5],
  ];
  const p = parts.length;
  const header = 9 + p;
  return {
    ...plainSheet("项目1", rows),
    merges: [
      "A1:K1", "A2:K2", "B3:K3", "B4:D4", "F4:K4", `A5:A${6 + p}`, `I6:I${6 + p}`,
      `A${7 + p}:A${8 + p}`, `C${7 + p}:E${7 + p}`, `F${7 + p}:K${7 + p}`, `C${8 + p}:E${8 + p}`, `F${8 + p}:K${8 + p}`,
      `A${header}:A${header + 3}`, `B${header + 1}:B${header + 2}`, `A${header + 4}:H${header + 4}`,
    ],
  };
}

const MOF = { profile: "mof-project" };
const SICHUAN = { profile: "sichuan-project" };

testRule("a3.funds-total", {
  valid: [
    {
      name: "财政部: 年度资金总额 is the sum of its 其中 rows in every column (100 = 100 + 0 + 0, 120 = 110 + 10 + 0, 114 = 105 + 9 + 0)",
      workbook: workbook(mofTable()),
      settings: MOF,
    },
    {
      name: "四川: 总额 is the sum of 财政资金, 财政专户管理资金, 单位资金 and 其他资金 in every column",
      workbook: workbook(sichuanTable()),
      settings: SICHUAN,
    },
    { name: "湖南 附件3 has no 其中 rows: the seed is not checked", workbook: seedWorkbook() },
    {
      name: "three parts: 120.015 against 120 is within 0.005 × 3 = 0.015",
      workbook: workbook(mofTable({ total: [100, 120.015, 114] })),
      settings: MOF,
    },
    {
      name: "four parts: 12.02 against 12 is within 0.005 × 4 = 0.02",
      workbook: workbook(sichuanTable({ total: [10, 12.02, 11.4] })),
      settings: SICHUAN,
    },
    {
      name: "blank and dashed 其中 cells count as none (四川 S1: 其他资金 left blank)",
      workbook: workbook(sichuanTable({
        parts: [["其中：财政资金", 10, 12, 11.4], ["财政专户管理资金", "—", "—", "—"], ["单位资金", 0, 0, 0], ["其他资金", null, null, null]],
      })),
      settings: SICHUAN,
    },
    {
      name: "a column whose 其中 cells are all blank has nothing to add up (年初预算数 not broken down)",
      workbook: workbook(mofTable({ parts: [["其中：本年财政拨款", null, 110, 105], ["上年结转资金", null, 10, 9], ["其他资金", null, 0, 0]] })),
      settings: MOF,
    },
    {
      name: "a 其中 cell holding text (\"约10\") makes the column's sum unknown: left to cell.not-a-number",
      workbook: workbook(mofTable({ total: [100, 999, 114], parts: [["其中：本年财政拨款", 100, 110, 105], ["上年结转资金", 0, "约10", 9], ["其他资金", 0, 0, 0]] })),
      settings: MOF,
    },
  ],
  invalid: [
    {
      // forms-research.md §6 item 1 (池州市贵池区棠溪镇 2022): 年度资金总额 0 / 0 / 0 beside 本年财政拨款 90 / 89.974 / 89.974.
      name: "the published 棠溪镇 table: 年度资金总额 left at 0 beside a filled 本年财政拨款, one error per column with a fix",
      workbook: workbook(mofTable({ total: [0, 0, 0], parts: [["其中：本年财政拨款", 90, 89.974, 89.974], ["上年结转资金", null, null, null], ["其他资金", null, null, null]] })),
      settings: MOF,
      findings: [
        { cell: "项目1!D6", severity: "error", expected: "90", actual: "0", fix: "safe", related: ["项目1!D7"] },
        { cell: "项目1!E6", severity: "error", expected: "89.974", actual: "0", fix: "safe", related: ["项目1!E7"], messageIncludes: ["应为 89.97", "表中为 0.00"] },
        { cell: "项目1!F6", severity: "error", expected: "89.974", actual: "0", fix: "safe", related: ["项目1!F7"] },
      ],
      fixed: { "项目1!D6": 90, "项目1!E6": 89.974, "项目1!F6": 89.974 },
    },
    {
      name: "word for word: 全年预算数 100 where the 其中 rows add up to 120",
      workbook: workbook(mofTable({ total: [100, 100, 114] })),
      settings: MOF,
      findings: [{
        cell: "项目1!E6",
        severity: "error",
        expected: "120",
        actual: "100",
        related: ["项目1!E7", "项目1!E8", "项目1!E9"],
        message: {
          zh: "年度资金总额（全年预算数）应为 120.00 万元（本年财政拨款 110.00 + 上年结转资金 10.00 + 其他资金 0.00），表中为 100.00 万元",
          en: "The total funds (full-year budget) should be 120.00 × 10,000 yuan (本年财政拨款 110.00 + 上年结转资金 10.00 + 其他资金 0.00); the sheet says 100.00 × 10,000 yuan",
        },
      }],
      fixed: { "项目1!E6": 120 },
    },
    {
      name: "three parts: 120.02 against 120 is beyond the 0.015 tolerance",
      workbook: workbook(mofTable({ total: [100, 120.02, 114] })),
      settings: MOF,
      findings: [{ cell: "项目1!E6", severity: "error", expected: "120", actual: "120.02" }],
    },
    {
      name: "a half-filled template: the total row blank beside filled 其中 rows is info, with the sums to fill in",
      workbook: workbook(mofTable({ total: [null, null, null] })),
      settings: MOF,
      findings: [
        { cell: "项目1!D6", severity: "info", expected: "100", actual: null, fix: "safe", messageIncludes: ["年度资金总额（年初预算数）未填，按公式应为 100.00"] },
        { cell: "项目1!E6", severity: "info", expected: "120", actual: null, fix: "safe" },
        { cell: "项目1!F6", severity: "info", expected: "114", actual: null, fix: "safe" },
      ],
      fixed: { "项目1!D6": 100, "项目1!E6": 120, "项目1!F6": 114 },
    },
    {
      name: "四川: 调整后预算数 12.03 against 12 is beyond 0.02, in the form's own terms (总额, 调整后预算数)",
      workbook: workbook(sichuanTable({ total: [10, 12.03, 11.4] })),
      settings: SICHUAN,
      findings: [{
        cell: "项目1!D6", severity: "error", expected: "12", actual: "12.03", fix: "safe",
        related: ["项目1!D7", "项目1!D8", "项目1!D9", "项目1!D10"],
        messageIncludes: ["总额（调整后预算数）应为 12.00", "The total funds (adjusted budget) should be 12.00"],
      }],
      fixed: { "项目1!D6": 12 },
    },
    {
      name: "四川: 预算执行数 copied from 调整后预算数 (12 where the parts spent 11.4)",
      workbook: workbook(sichuanTable({ total: [10, 12, 12] })),
      settings: SICHUAN,
      findings: [{ cell: "项目1!E6", severity: "error", expected: "11.4", actual: "12", messageIncludes: ["总额（预算执行数）应为 11.40", "表中为 12.00"] }],
      fixed: { "项目1!E6": 11.4 },
    },
    {
      name: "a total typed as text that is no number (\"见附表\") is an error with the sum as its fix",
      workbook: workbook(mofTable({ total: [100, "见附表", 114] })),
      settings: MOF,
      findings: [{ cell: "项目1!E6", severity: "error", expected: "120", actual: "见附表", fix: "safe", messageIncludes: ["表中为“见附表”，不是数值"] }],
      fixed: { "项目1!E6": 120 },
    },
    {
      name: "a dash in the total row (\"—\") reads as not filled: info with the sum",
      workbook: workbook(mofTable({ total: [100, 120, "—"] })),
      settings: MOF,
      findings: [{ cell: "项目1!F6", severity: "info", expected: "114", actual: null, fix: "safe" }],
      fixed: { "项目1!F6": 114 },
    },
  ],
});

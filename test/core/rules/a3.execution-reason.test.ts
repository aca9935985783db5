import type { CellSpec, SheetSpec } from "../../../src/adapters/memory/grid-spec";
import { annex3Form, IDEOGRAPHIC_SPACE, n2, pct, plainSheet, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// Only the 四川 form asks for a reason (its printed note: 预算执行率未达到90%的需说明原因), in the 原因
// cell of its funds block, which the 湖南 builder (annex3Form) does not have: the 四川 table is
// laid out here as published (docs/research/forms-research.md §2.4).

interface SichuanInput {
  /** 调整后预算数 and 预算执行数 (年初预算 10). */
  readonly budget?: CellSpec;
  readonly executed?: CellSpec;
  /** The 预算执行率 as reported; default executed ÷ budget with a % format. */
  readonly rate?: CellSpec;
  /** The 原因 cell, merged down the 总额 and 其中 rows. */
  readonly reason?: CellSpec;
  /** false: a table without the 原因 column. */
  readonly reasonColumn?: boolean;
}

/**
 * A 四川 部门预算项目支出绩效自评表 (510000_…): 预算执行情况（10分） merged down column A, 总额 on
 * row 6 (C 年初预算, D 调整后预算数, E 预算执行数, F 预算执行率, G 权重, H 得分, I 原因 merged I6:I10),
 * 其中 rows 7–10, 项目基本情况, 绩效指标（90分） (header row 13) and 合计 on row 17.
 */
function sichuanTable(input: SichuanInput = {}): SheetSpec {
  const budget = input.budget ?? 12;
  const executed = input.executed ?? 11.4;
  const share = typeof budget === "number" && typeof executed === "number" && budget !== 0 ? executed / budget : 0;
  const rate = input.rate ?? pct(share);
  const withReason = input.reasonColumn !== false;
  const reasonCells = (cells: CellSpec[]) => (withReason ? cells : []);
  const rows: CellSpec[][] = [
    ["报表编号:510000_0013zp"],
    ["部门预算项目支出绩效自评表（2023年度）"],
    ["项目名称", "51000021R000000019951-职业技能培训"],
    ["主管部门", "县人力资源和社会保障局", undefined, undefined, "实施单位（盖章）", "县就业服务中心"],
    ["预算执行情况（10分）", "年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", ...reasonCells(["原因"])],
    [undefined, "总额", 10, budget, executed, rate, 10, Math.round(Math.min(share, 1) * 1000) / 100, ...reasonCells([input.reason ?? null])],
    [undefined, "其中：财政资金", 10, budget, executed, rate, "/", "/"],
    [undefined, "财政专户管理资金", 0, 0, 0, pct(0), "/", "/"],
    [undefined, "单位资金", 0, 0, 0, pct(0), "/", "/"],
    [undefined, "其他资金", 0, 0, 0, pct(0), "/", "/"],
    ["项目基本情况", "1.项目年度目标完成情况", "项目年度目标", undefined, undefined, "年度目标完成情况"],
    [undefined, undefined, "开展职业技能培训300人次", undefined, undefined, "培训320人次，合格率97%"],
    ["绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
    [undefined, "产出指标", "数量指标", "培训人次", "≥", 300, "人次", 320, 30, 30],
    [undefined, undefined, "质量指标", "培训合格率", "≥", 95, "%", 97, 30, 30],
    [undefined, "效益指标", "社会效益指标", "从业人员技能提升", "定性", "明显提升", undefined, "达成年度指标", 30, 30],
    ["合计", undefined, undefined, undefined, undefined, undefined, undefined, undefined, 100, 99.5],
  ];
  return {
    ...plainSheet("项目1", rows),
    merges: [
      "A1:K1", "A2:K2", "B3:K3", "B4:D4", "F4:K4", "A5:A10", ...(withReason ? ["I6:I10"] : []),
      "A11:A12", "C11:E11", "F11:K11", "C12:E12", "F12:K12", "A13:A16", "B14:B15", "A17:H17",
    ],
  };
}

/**
 * A 财政部 项目支出绩效自评表: no 原因 cell and no threshold (its reasons go in the indicator table).
 * 全年预算数 120 on E6, 全年执行数 on F6.
 */
function mofTable(executed: number): SheetSpec {
  const rows: CellSpec[][] = [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "农村公路养护项目"],
    ["主管部门", "县交通运输局", undefined, undefined, "实施单位", "县公路养护中心"],
    ["项目资金（万元）", undefined, undefined, "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
    [undefined, "年度资金总额", undefined, 100, 120, executed, 10, pct(executed / 120), Math.round((executed / 120) * 1000) / 100],
    [undefined, "其中：本年财政拨款", undefined, 100, 120, executed],
    ["年度总体目标", "预期目标", undefined, undefined, undefined, "实际完成情况"],
    [undefined, "完成全县农村公路日常养护", undefined, undefined, undefined, "养护农村公路125公里"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [undefined, "产出指标（50分）", "数量指标", "养护农村公路里程", "≥120公里", "125公里", 50, 50],
    [undefined, "效益指标（30分）", "社会效益指标", "群众出行便利程度", "有效提升", "达成年度指标", 30, 30],
    [undefined, "满意度指标（10分）", "服务对象满意度指标", "沿线群众满意度", "≥90%", "95%", 10, 10],
    ["总分", undefined, undefined, undefined, undefined, undefined, 100, 97],
  ];
  return { ...plainSheet("项目1", rows), merges: ["A1:I1", "A2:I2", "B3:I3", "A5:A7", "A10:A13", "A14:F14"] };
}

const SICHUAN = { profile: "sichuan-project" };

testRule("a3.execution-reason", {
  valid: [
    { name: "95.00% needs no reason", workbook: workbook(sichuanTable()), settings: SICHUAN },
    {
      name: "80.00% with its reason written in the 原因 cell",
      workbook: workbook(sichuanTable({ executed: 9.6, reason: "资金于11月下达，部分培训延至次年一季度开展" })),
      settings: SICHUAN,
    },
    { name: "exactly 90.00% (10.8 of 12) is not below 90%", workbook: workbook(sichuanTable({ executed: 10.8 })), settings: SICHUAN },
    {
      name: "89.995% is 90.00% at 2 decimals, as the form shows it",
      workbook: workbook(sichuanTable({ executed: 10.7994 })),
      settings: SICHUAN,
    },
    {
      name: "no rate without a budget: 调整后预算数 0 is a3.execution-rate's warning, not this rule's",
      workbook: workbook(sichuanTable({ budget: 0, executed: 0, rate: pct(0) })),
      settings: SICHUAN,
    },
    {
      name: "the 财政部 form asks for no reason: 80.00% there is not flagged",
      workbook: workbook(mofTable(96)),
      settings: { profile: "mof-project" },
    },
    {
      name: "湖南 附件3 asks for no reason either: 执行率 50.00% there is not flagged",
      workbook: workbook(annex3Form({ funds: { executed: n2(491.3), rate: pct(0.5), score: 5 } })),
    },
  ],
  invalid: [
    {
      name: "word for word: 80.00% with the 原因 cell blank",
      workbook: workbook(sichuanTable({ executed: 9.6 })),
      settings: SICHUAN,
      findings: [{
        cell: "项目1!I6",
        severity: "warning",
        expected: null,
        actual: null,
        fix: "none",
        related: ["项目1!F6"],
        message: {
          zh: "预算执行率 80.00% 低于 90%，该表式要求说明原因，但原因栏为空",
          en: "The execution rate 80.00% is below 90%; the form requires a reason, but the reason cell is empty",
        },
      }],
    },
    {
      name: "89.99% (10.7988 of 12) is below 90%",
      workbook: workbook(sichuanTable({ executed: 10.7988 })),
      settings: SICHUAN,
      findings: [{ cell: "项目1!I6", severity: "warning", messageIncludes: ["预算执行率 89.99% 低于 90%"] }],
    },
    {
      name: "the recomputed rate is used, not the reported one: 95% typed where 9.6 of 12 is 80.00%",
      workbook: workbook(sichuanTable({ executed: 9.6, rate: pct(0.95) })),
      settings: SICHUAN,
      findings: [{ cell: "项目1!I6", severity: "warning", messageIncludes: ["预算执行率 80.00% 低于 90%"] }],
    },
    {
      name: "a \"/\" in the 原因 cell is no reason",
      workbook: workbook(sichuanTable({ executed: 9.6, reason: "/" })),
      settings: SICHUAN,
      findings: [{ cell: "项目1!I6", severity: "warning" }],
    },
    {
      name: "dashes (\"——\") are no reason",
      workbook: workbook(sichuanTable({ executed: 9.6, reason: "——" })),
      settings: SICHUAN,
      findings: [{ cell: "项目1!I6", severity: "warning" }],
    },
    {
      name: "a full-width slash (\"／\") is no reason, as the half-width one",
      workbook: workbook(sichuanTable({ executed: 9.6, reason: "／" })),
      settings: SICHUAN,
      findings: [{ cell: "项目1!I6", severity: "warning" }],
    },
    {
      name: "spaces and an ideographic space are no reason",
      workbook: workbook(sichuanTable({ executed: 9.6, reason: ` ${IDEOGRAPHIC_SPACE} ` })),
      settings: SICHUAN,
      findings: [{ cell: "项目1!I6", severity: "warning" }],
    },
    {
      name: "a table without the 原因 column: the finding points at the 预算执行率",
      workbook: workbook(sichuanTable({ executed: 6, reasonColumn: false })),
      settings: SICHUAN,
      findings: [{ cell: "项目1!F6", severity: "warning", related: ["项目1!F6"], messageIncludes: ["预算执行率 50.00% 低于 90%"] }],
    },
  ],
});

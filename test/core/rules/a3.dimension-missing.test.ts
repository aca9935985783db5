import type { CellSpec, SheetSpec } from "../../../src/adapters/memory/grid-spec";
import { annex3Form, group, pct, plainSheet, seedWorkbook, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 湖南 附件3: the indicator header is row 13 (一级指标 in B13), rows start at 14.
const OUTPUT = group("产出指标\n(40分)", "数量指标", [["专题视察、调研", "不少于30次", "34次", 40, 40]]);
const EFFECT = group("效益指标\n（20分）", "社会效益指标", [["保障基本支出，完成年初计划", "完成年初计划", "达成年度指标", 20, 20]]);
const SATISFACTION = group("满意度指标\n（10分）", "服务对象满意度指标", [["服务对象满意度", "≥98%", "100%", 10, 10]]);
const COST = group("成本指标\n（20分）", "经济成本指标", [["办公基本保障支出", "≤812.38万元", "800万元", 20, 20]]);

const hunan = (indicators: readonly IndicatorInput[], weight = 100) => workbook(annex3Form({ indicators, total: { weight, score: weight } }));

/** 一级 (written on the first row of its group), 二级, 三级, target, actual, 分值, 得分. */
type Line = readonly [level1: string | undefined, level2: string, level3: string, target: CellSpec, actual: CellSpec, weight: number, score: number];

const MOF_LINES: readonly Line[] = [
  ["产出指标（50分）", "数量指标", "养护农村公路里程", "≥120公里", "125公里", 30, 30],
  [undefined, "质量指标", "路面优良率", "≥90%", "92%", 20, 20],
  ["效益指标（30分）", "社会效益指标", "群众出行便利程度", "有效提升", "达成年度指标", 30, 30],
  ["满意度指标（10分）", "服务对象满意度指标", "沿线群众满意度", "≥90%", "95%", 10, 10],
];

/** A 财政部 项目支出绩效自评表: 年度资金总额 row 6, the indicator header row 10 (一级指标 in B10). */
function mofTable(lines: readonly Line[] = MOF_LINES): SheetSpec {
  const weights = lines.reduce((n, l) => n + l[5], 10);
  const rows: CellSpec[][] = [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "农村公路养护项目"],
    ["主管部门", "县交通运输局", undefined, undefined, "实施单位", "县公路养护中心"],
    ["项目资金（万元）", undefined, undefined, "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
    [undefined, "年度资金总额", undefined, 100, 120, 120, 10, pct(1), 10],
    [undefined, "其中：本年财政拨款", undefined, 100, 120, 120],
    ["年度总体目标", "预期目标", undefined, undefined, undefined, "实际完成情况"],
    [undefined, "完成全县农村公路日常养护", undefined, undefined, undefined, "养护农村公路125公里"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ...lines.map(([level1, level2, level3, target, actual, weight, score]) => [undefined, level1, level2, level3, target, actual, weight, score]),
    ["总分", undefined, undefined, undefined, undefined, undefined, weights, weights],
  ];
  return { ...plainSheet("项目1", rows), merges: ["A1:I1", "A2:I2", "B3:I3", `A10:A${10 + lines.length}`, `A${11 + lines.length}:F${11 + lines.length}`] };
}

const SICHUAN_LINES: readonly Line[] = [
  ["产出指标", "数量指标", "培训人次", 300, 320, 30, 30],
  [undefined, "质量指标", "培训合格率", 95, 97, 30, 30],
  ["效益指标", "社会效益指标", "从业人员技能提升", "明显提升", "达成年度指标", 30, 30],
];

/**
 * A 四川 部门预算项目支出绩效自评表: 总额 row 6, 绩效指标（90分） header row 10 (一级指标 in B10), with
 * 指标性质 and 度量单位 columns; no weight in the 一级 labels and, as published, no 满意度.
 */
function sichuanTable(lines: readonly Line[] = SICHUAN_LINES): SheetSpec {
  const weights = lines.reduce((n, l) => n + l[5], 10);
  const rows: CellSpec[][] = [
    ["报表编号:510000_0013zp"],
    ["部门预算项目支出绩效自评表（2023年度）"],
    ["项目名称", "51000021R000000019951-职业技能培训"],
    ["主管部门", "县人力资源和社会保障局", undefined, undefined, "实施单位（盖章）", "县就业服务中心"],
    ["预算执行情况（10分）", "年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
    [undefined, "总额", 10, 12, 12, pct(1), 10, 10],
    [undefined, "其中：财政资金", 10, 12, 12, pct(1), "/", "/"],
    ["项目基本情况", "1.项目年度目标完成情况", "项目年度目标", undefined, undefined, "年度目标完成情况"],
    [undefined, undefined, "开展职业技能培训300人次", undefined, undefined, "培训320人次"],
    ["绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
    ...lines.map(([level1, level2, level3, target, actual, weight, score]) => [
      undefined, level1, level2, level3, typeof target === "number" ? "≥" : "定性", target, typeof target === "number" ? "人次" : undefined, actual, weight, score,
    ]),
    ["合计", undefined, undefined, undefined, undefined, undefined, undefined, undefined, weights, weights],
  ];
  return { ...plainSheet("项目1", rows), merges: ["A1:K1", "A2:K2", "B3:K3", `A10:A${10 + lines.length}`, `A${11 + lines.length}:H${11 + lines.length}`] };
}

testRule("a3.dimension-missing", {
  valid: [
    { name: "the seed: 产出, 效益, 满意度 and 成本", workbook: seedWorkbook() },
    { name: "湖南 50-30-10 without 成本: 成本 is not required", workbook: hunan([...OUTPUT, ...EFFECT, ...SATISFACTION], 80) },
    {
      name: "一级 labels reduced to \"(40分)\": the dimensions are read from the 二级 indicators",
      workbook: hunan([
        ...group("（40分）", "数量指标", [["专题视察、调研", "不少于30次", "34次", 40, 40]]),
        ...group("（20分）", "社会效益指标", [["保障基本支出", "完成年初计划", "达成年度指标", 20, 20]]),
        ...group("（10分）", "服务对象满意度指标", [["服务对象满意度", "≥98%", "100%", 10, 10]]),
        ...COST,
      ]),
    },
    {
      name: "a dimension kept with only a \"/\" row is present (the form's structure is there)",
      workbook: hunan([...OUTPUT, ...EFFECT, ...group("满意度指标\n（10分）", "服务对象满意度指标", [["/", "/", "/", 0, 0]]), ...COST], 90),
    },
    { name: "财政部 project table with 产出, 效益 and 满意度", workbook: workbook(mofTable()), settings: { profile: "mof-project" } },
    { name: "四川 without 满意度, as published: 满意度 is not required there", workbook: workbook(sichuanTable()), settings: { profile: "sichuan-project" } },
  ],
  invalid: [
    {
      name: "word for word: 湖南 附件3 without 满意度指标",
      workbook: hunan([...OUTPUT, ...EFFECT, ...COST], 90),
      findings: [{
        cell: "附件3!B13",
        severity: "warning",
        expected: "满意度指标",
        actual: null,
        fix: "none",
        message: {
          zh: "附件3 整体支出绩效自评表中没有一级指标“满意度指标”：该表式要求设置这些一级指标（可在其下写明不适用的原因）",
          en: "The Annex 3 (self-evaluation table) has no level-1 indicator satisfaction: the form requires these dimensions (a row may say why one does not apply)",
        },
      }],
    },
    {
      name: "two dimensions missing: one warning naming both",
      workbook: hunan([...OUTPUT, ...COST], 70),
      findings: [{ cell: "附件3!B13", severity: "warning", expected: "效益指标、满意度指标", messageIncludes: ["“效益指标、满意度指标”", "effect, satisfaction"] }],
    },
    {
      name: "\"(40分)\" labels whose 二级 name no 效益 indicator",
      workbook: hunan([
        ...group("（40分）", "数量指标", [["专题视察、调研", "不少于30次", "34次", 40, 40]]),
        ...group("（10分）", "服务对象满意度指标", [["服务对象满意度", "≥98%", "100%", 10, 10]]),
        ...COST,
      ], 80),
      findings: [{ cell: "附件3!B13", severity: "warning", expected: "效益指标" }],
    },
    {
      name: "财政部 project table without 满意度 (the form's 注: 满意度指标10分)",
      workbook: workbook(mofTable(MOF_LINES.slice(0, 3))),
      settings: { profile: "mof-project" },
      findings: [{ cell: "项目1!B10", severity: "warning", expected: "满意度指标", messageIncludes: ["项目支出绩效自评表中没有一级指标“满意度指标”"] }],
    },
    {
      name: "四川 with 产出 only: 效益 is required there, in the form's own name",
      workbook: workbook(sichuanTable(SICHUAN_LINES.slice(0, 2))),
      settings: { profile: "sichuan-project" },
      findings: [{
        cell: "项目1!B10", severity: "warning", expected: "效益指标",
        messageIncludes: ["部门预算项目支出绩效自评表中没有一级指标“效益指标”", "The project self-evaluation table has no level-1 indicator effect"],
      }],
    },
  ],
});

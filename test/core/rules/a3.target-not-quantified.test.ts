import { annex3Form, group, seedWorkbook, SEED_COST_ROW, withIndicators, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// Seed rows: 数量指标 C14 (rows 14–18, 专题视察、调研 row 16), 质量指标 C19 (完成率% row 19), 时效指标
// C20 (工作保障时效 row 20), 经济效益指标 C21 (row 21), 经济成本指标 C26 (row 26); 年度指标值 in column E.
const seedWith = (patches: Record<string, Partial<IndicatorInput>>) => workbook(annex3Form({ indicators: withIndicators(patches) }));

testRule("a3.target-not-quantified", {
  valid: [
    { name: "the seed: every 数量/质量/时效/成本 target has a figure (67人, ≥95%, 2023年全年, ≤812.38万元)", workbook: seedWorkbook() },
    { name: "a 效益 indicator may be qualitative (the seed's 无直接经济效益 under 经济效益指标)", workbook: seedWith({ "保障基本支出，完成年初计划": { target: "有效提升" } }) },
    { name: "any digit counts as a figure: a deadline \"2023年底前\" is left to a3.target-unparsed", workbook: seedWith({ 工作保障时效: { target: "2023年底前完成" } }) },
    { name: "full-width digits are digits (\"１００％\")", workbook: seedWith({ "完成率%": { target: "１００％" } }) },
    { name: "a blank target is a3.missing-field's", workbook: seedWith({ "专题视察、调研": { target: null } }) },
    {
      name: "an unfilled template row under 数量指标 (\"指标1：\", target \"……\") is a3.unfilled-rows', not this rule's",
      workbook: workbook(annex3Form({
        indicators: withIndicators({ 代表培训: { level3: "指标1：", target: "……", actual: null, weight: null, score: null } }),
      })),
    },
    {
      name: "a 数量指标 \"/\" row with 分值 0 is not applicable, not unquantified",
      workbook: seedWith({ 代表培训: { target: "/", actual: "/", level3: "/", weight: 0, score: 0 } }),
    },
  ],
  invalid: [
    {
      name: "word for word: a 数量指标 target with no figure",
      workbook: seedWith({ "专题视察、调研": { target: "圆满完成" } }),
      findings: [{
        cell: "附件3!E16",
        severity: "warning",
        expected: null,
        actual: "圆满完成",
        fix: "none",
        related: ["附件3!C14"],
        message: {
          zh: "指标“专题视察、调研”属于“数量指标”，年度指标值“圆满完成”却没有数值：请写成可衡量的指标值（如 ≥95%、≤30天、100个）",
          en: "Indicator \"专题视察、调研\" is a \"数量指标\" indicator, yet its target \"圆满完成\" has no figure: state a measurable target (e.g. ≥95%, ≤30 days, 100 units)",
        },
      }],
    },
    {
      name: "a 质量指标 target \"高质量完成\"",
      workbook: seedWith({ "完成率%": { target: "高质量完成" } }),
      findings: [{ cell: "附件3!E19", severity: "warning", related: ["附件3!C19"], messageIncludes: ["属于“质量指标”"] }],
    },
    {
      name: "a 时效指标 target \"及时\"",
      workbook: seedWith({ 工作保障时效: { target: "及时" } }),
      findings: [{ cell: "附件3!E20", severity: "warning", actual: "及时", messageIncludes: ["属于“时效指标”"] }],
    },
    {
      name: "a 成本 target under 经济成本指标 (成本 in the 二级 name)",
      workbook: seedWith({ [SEED_COST_ROW]: { target: "控制在预算范围内" } }),
      findings: [{ cell: "附件3!E26", severity: "warning", related: ["附件3!C26"], messageIncludes: ["属于“经济成本指标”"] }],
    },
    {
      name: "a 二级 label broken over lines (\"数量\\n指标\") and a target padded with spaces",
      workbook: workbook(annex3Form({
        indicators: [
          ...group("产出指标\n(40分)", "数量\n指标", [["代表培训", "\u3000全覆盖 ", "全覆盖", 40, 40]]),
          ...group("效益指标\n（20分）", "社会效益指标", [["保障基本支出", "完成年初计划", "达成年度指标", 20, 20]]),
          ...group("满意度指标\n（10分）", "服务对象满意度指标", [["服务对象满意度", "≥98%", "100%", 10, 10]]),
          ...group("成本指标\n（20分）", "经济成本指标", [["办公基本保障支出", "≤812.38万元", "800万元", 20, 20]]),
        ],
        total: { weight: 100, score: 100 },
      })),
      findings: [{ cell: "附件3!E14", severity: "warning", actual: "全覆盖", messageIncludes: ["属于“数量指标”，年度指标值“全覆盖”"] }],
    },
    {
      name: "湖北's 进度指标 is a 时效 indicator too",
      workbook: workbook(annex3Form({
        indicators: [
          ...group("产出指标\n(40分)", "进度指标", [["项目完成进度", "按计划推进", "按计划完成", 40, 40]]),
          ...group("效益指标\n（20分）", "社会效益指标", [["保障基本支出", "完成年初计划", "达成年度指标", 20, 20]]),
          ...group("满意度指标\n（10分）", "服务对象满意度指标", [["服务对象满意度", "≥98%", "100%", 10, 10]]),
          ...group("成本指标\n（20分）", "经济成本指标", [["办公基本保障支出", "≤812.38万元", "800万元", 20, 20]]),
        ],
        total: { weight: 100, score: 100 },
      })),
      findings: [{ cell: "附件3!E14", severity: "warning", messageIncludes: ["属于“进度指标”"] }],
    },
  ],
});

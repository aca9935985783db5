import { annex3Form, group, seedWorkbook, withIndicators, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// A compact 附件3 (40 + 20 + 10 + 20 + 执行率 10): the indicator header is row 13, rows start at 14;
// 三级指标 in column D.
const OUTPUT = group("产出指标\n(40分)", "数量指标", [["专题视察、调研", "不少于30次", "34次", 40, 40]]);
const EFFECT = group("效益指标\n（20分）", "社会效益指标", [["保障基本支出，完成年初计划", "完成年初计划", "达成年度指标", 20, 20]]);
const SATISFACTION = group("满意度指标\n（10分）", "服务对象满意度指标", [["服务对象满意度", "≥98%", "100%", 10, 10]]);
const COST = group("成本指标\n（20分）", "经济成本指标", [["办公基本保障支出", "≤812.38万元", "800万元", 20, 20]]);

const table = (indicators: readonly IndicatorInput[]) => workbook(annex3Form({ indicators, total: { weight: 100, score: 100 } }));

/** A template row nobody filled in: its 三级指标 as the blank form prints it, nothing else. */
const stub = (level3: string): IndicatorInput => ({ level3 });

testRule("a3.unfilled-rows", {
  valid: [
    { name: "the seed: its \"/\" rows carry 分值 0 on purpose (not applicable), they are not unfilled", workbook: seedWorkbook() },
    { name: "a table with every row filled", workbook: table([...OUTPUT, ...EFFECT, ...SATISFACTION, ...COST]) },
    {
      name: "a stub name with a 分值 is an indicator (missing its fields), not an unfilled row",
      workbook: table([...OUTPUT, { level3: "指标1：", weight: 5, score: 5 }, ...EFFECT, ...SATISFACTION, ...COST]),
    },
    {
      name: "\"……\" as the name with a target and an actual is a filled row",
      workbook: table([...OUTPUT, { level3: "……", target: "1次", actual: "1次", weight: 0, score: 0 }, ...EFFECT, ...SATISFACTION, ...COST]),
    },
    {
      name: "a wholly blank row inside the table is skipped, not counted as a template row",
      workbook: table([...OUTPUT, {}, ...EFFECT, ...SATISFACTION, ...COST]),
    },
    {
      name: "a \"/\" row with its 分值 set to \"/\" is marked not applicable",
      workbook: workbook(annex3Form({ indicators: withIndicators({ "/": { weight: "/", score: "/" } }) })),
    },
  ],
  invalid: [
    {
      name: "word for word: the blank form's 指标1：/指标2：/…… rows under 效益, one info at the first",
      workbook: table([...OUTPUT, ...EFFECT, stub("指标1："), stub("指标2："), stub("……"), ...SATISFACTION, ...COST]),
      findings: [{
        cell: "附件3!D16",
        severity: "info",
        expected: null,
        actual: "3",
        fix: "none",
        message: {
          zh: "第 16、17、18 行是未填写的模板行（共 3 行），未作为指标检查：请填写或删除",
          en: "Row(s) 16, 17, 18 are unfilled template rows (3 in all), not checked as indicators: fill them in or delete them",
        },
      }],
    },
    {
      // forms-research.md §6 item 1: the published 棠溪镇 table leaves its 经济效益指标 row empty.
      name: "a row with nothing but its 二级指标 (an empty 经济效益指标 row); the finding points at its blank 三级指标 cell",
      workbook: table([...OUTPUT, { level1: "效益指标\n（20分）", level2: "经济效益指标" }, ...EFFECT, ...SATISFACTION, ...COST]),
      findings: [{ cell: "附件3!D15", severity: "info", actual: "1", messageIncludes: ["第 15 行是未填写的模板行（共 1 行）"] }],
    },
    {
      name: "a \"/\" row that nobody weighted (分值 blank) is unfilled, not a placeholder",
      workbook: table([...OUTPUT, ...EFFECT, { level2: "生态效益指标", level3: "/", target: "/", actual: "/" }, ...SATISFACTION, ...COST]),
      findings: [{ cell: "附件3!D16", severity: "info", actual: "1" }],
    },
    {
      name: "a stub row with 分值 and 得分 0 is still unfilled (its texts are template stubs, not \"/\")",
      workbook: table([...OUTPUT, { level3: "指标2：", weight: 0, score: 0 }, ...EFFECT, ...SATISFACTION, ...COST]),
      findings: [{ cell: "附件3!D15", severity: "info", actual: "1" }],
    },
    {
      name: "unfilled rows in several groups: one info for the table, listing them all",
      workbook: table([...OUTPUT, stub("指标2："), ...EFFECT, stub("……"), ...SATISFACTION, ...COST, stub("指标1："), stub("指标2：")]),
      findings: [{ cell: "附件3!D15", severity: "info", actual: "4", messageIncludes: ["第 15、17、20、21 行", "(4 in all)"] }],
    },
  ],
});

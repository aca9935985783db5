import { annex2Form, annex3Form, err, group, seedWorkbook, withIndicators, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

testRule("cell.not-a-number", {
  valid: [
    { name: "only 附件3", workbook: workbook(annex3Form()) },
    { name: "only 附件2", workbook: workbook(annex2Form()) },
    {
      name: "annexes without their optional blocks and rows",
      workbook: workbook(
        annex2Form({ staff: null, funds: { threePublic: null, procurement: null }, buildings: null }),
        annex3Form({ funds: null, income: null, expense: null, total: null }),
      ),
    },
    { name: "the seed: \"——\" in 政府采购金额 means not filled", workbook: seedWorkbook() },
    { name: "dashes and slashes: —, -, /", workbook: workbook(annex2Form({ funds: { procurement: ["—", "-", "/"] } }), annex3Form()) },
    { name: "numbers stored as text are cell.text-number's", workbook: workbook(annex2Form({ staff: { posts: "21", onPost: "35人" } }), annex3Form({ funds: { budget: "９８２．６０" } })) },
    { name: "Excel errors are cell.error-value's", workbook: workbook(annex2Form({ funds: { publicFunds: [99.41, 116.8, err("#N/A")] } }), annex3Form()) },
    { name: "年度指标值 and 实际完成值 are text by nature", workbook: seedWorkbook() },
  ],
  invalid: [
    {
      name: "编制数 \"约30\"",
      workbook: workbook(annex2Form({ staff: { posts: "约30" } }), annex3Form()),
      findings: [{ cell: "附件2!B4", severity: "error", expected: null, actual: "约30", fix: "none", messageIncludes: ["编制数", "约30"] }],
    },
    {
      name: "the doc page's examples: 公用经费 \"见说明\", 公务接待 \"待定\", an indicator score \"满分\"",
      workbook: workbook(
        annex2Form({ funds: { publicFunds: [99.41, 116.8, "见说明"], reception: [0, "待定", 0] } }),
        annex3Form({ indicators: withIndicators({ 代表培训: { score: "满分" } }) }),
      ),
      findings: [
        { cell: "附件2!C11", severity: "error", actual: "待定", messageIncludes: ["公务接待"] },
        { cell: "附件2!D18", severity: "error", actual: "见说明", messageIncludes: ["公用经费"] },
        { cell: "附件3!H18", severity: "error", actual: "满分", messageIncludes: ["代表培训"] },
      ],
    },
    {
      name: "附件3 funds: 全年执行数 \"约982\"",
      workbook: workbook(annex2Form(), annex3Form({ funds: { executed: "约982" } })),
      findings: [{ cell: "附件3!F5", severity: "error", actual: "约982", messageIncludes: ["全年执行数"] }],
    },
    {
      name: "编制数 \"约30\", word for word",
      workbook: workbook(annex2Form({ staff: { posts: "约30" } }), annex3Form()),
      findings: [{ cell: "附件2!B4", message: { zh: "“编制数”应为数值，单元格内容为“约30”", en: "\"authorized posts\" must be a number; the cell holds \"约30\"" } }],
    },
    {
      name: "every number cell of both annexes is named by its label",
      workbook: workbook(
        annex2Form({ staff: { posts: "约1", onPost: "约2", rate: "约3" }, buildings: [["楼", "约4", "约5", "约6", "约7", "约8", "约9"]] }),
        annex3Form({
          funds: { initial: "约10", budget: "约11", executed: "约12", weight: "约13", rate: "约14", score: "约15" },
          income: { total: "约16", general: "约17", fund: "约18", specialAccount: "约19", other: "约20" },
          expense: { total: "约21", basic: "约22", project: "约23" },
          indicators: withIndicators({ 代表培训: { weight: "约24", score: "约25" } }),
          total: { weight: "约26", score: "约27" },
        }),
      ),
      findings: ([
        ["附件2!B4", "编制数", "约1", "authorized posts"],
        ["附件2!C4", "实际在职人数", "约2", "staff on post"],
        ["附件2!D4", "控制率", "约3", "control rate"],
        ["附件2!B25", "批复规模", "约4", "approved floor area"],
        ["附件2!C25", "实际规模", "约5", "actual floor area"],
        ["附件2!D25", "规模控制率", "约6", "scale control rate"],
        ["附件2!E25", "预算投资", "约7", "budgeted investment"],
        ["附件2!F25", "实际投资", "约8", "actual investment"],
        ["附件2!G25", "投资概算控制率", "约9", "investment control rate"],
        ["附件3!D5", "年初预算数", "约10", "initial budget"],
        ["附件3!E5", "全年预算数", "约11", "full-year budget"],
        ["附件3!F5", "全年执行数", "约12", "full-year spending"],
        ["附件3!G5", "分值", "约13", "weight"],
        ["附件3!H5", "执行率", "约14", "execution rate"],
        ["附件3!I5", "得分", "约15", "score"],
        ["附件3!B6", "按收入性质分", "约16", "按收入性质分"],
        ["附件3!B7", "一般公共预算", "约17", "一般公共预算"],
        ["附件3!B8", "政府性基金拨款", "约18", "政府性基金拨款"],
        ["附件3!B9", "纳入专户管理的非税收入拨款", "约19", "纳入专户管理的非税收入拨款"],
        ["附件3!B10", "其他资金", "约20", "其他资金"],
        ["附件3!F6", "按支出性质分", "约21", "按支出性质分"],
        ["附件3!F7", "基本支出", "约22", "基本支出"],
        ["附件3!F8", "项目支出", "约23", "项目支出"],
        ["附件3!G18", "代表培训 分值", "约24", "代表培训 weight"],
        ["附件3!H18", "代表培训 得分", "约25", "代表培训 score"],
        ["附件3!G29", "总分 分值", "约26", "总分 weight"],
        ["附件3!H29", "总分 得分", "约27", "总分 score"],
      ] as const).map(([cell, name, text, en]) => ({
        cell, severity: "error" as const, actual: text,
        // Cells the sheet labels itself are named as written; the form's own terms are translated.
        message: { zh: `“${name}”应为数值，单元格内容为“${text}”`, en: `"${en}" must be a number; the cell holds "${text}"` },
      })),
    },
    {
      name: "text in a prior-year column, and on an indicator row without 三级指标",
      workbook: workbook(
        annex2Form({ funds: { reception: ["约0", 0, 0] } }),
        annex3Form({ indicators: group("产出指标", "数量指标", [[null, "1次", "1次", "约5", 5]]) }),
      ),
      findings: [
        { cell: "附件2!B11", message: { zh: "“3、公务接待”应为数值，单元格内容为“约0”", en: "\"3、公务接待\" must be a number; the cell holds \"约0\"" } },
        { cell: "附件3!G14", message: { zh: "“指标 分值”应为数值，单元格内容为“约5”", en: "\"指标 weight\" must be a number; the cell holds \"约5\"" } },
      ],
    },
  ],
});

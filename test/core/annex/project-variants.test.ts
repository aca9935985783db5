/**
 * Project tables (财政部, 四川) as real units lay them out: every layout a published table shows
 * must read as the clean form does. A clean table has no error and no warning; each variant must
 * give exactly the same findings (rule, severity, message) as the plain layout, and read the same
 * figures (the execution rate and score, the total, the indicator rows). Then: several tables in
 * one workbook, each found, named and checked; and the end of a table (总分, notes, signatures).
 */
import { snapshotFromSpec, type SheetSpec } from "../../../src/adapters/memory/grid-spec";
import { validate, messageText, type Finding, type ValidationResult } from "../../../src/core";
import {
  projectSheet, projectTablesOnOneSheet, projectWorkbook, MOF_INDICATORS, SICHUAN_INDICATORS,
  type ProjectLayout, type ProjectStyle, type ProjectTableInput,
} from "../../helpers/project-forms";
import { replaceLabels, shiftSheet } from "../../helpers/variants";
import { zhuzhouLuosongNpc2023 } from "../../../src/samples/zhuzhou-luosong-npc-2023";

function check(...sheets: SheetSpec[]): ValidationResult {
  return validate(snapshotFromSpec(projectWorkbook(...sheets)));
}

/** What a finding says, whatever cell the layout put it in. */
const signature = (f: Finding) => `${f.ruleId}:${f.severity}:${messageText(f, "zh")}`;
const signatures = (r: ValidationResult) => r.findings.map(signature).sort();

/** What the table reads as: the figures the rules work from. */
function reading(r: ValidationResult) {
  const t = r.annex3!;
  return {
    profile: r.profile.id,
    tables: r.tables.map((x) => [x.kind, x.name, x.score, x.grade]),
    funds: [t.funds?.initialBudget?.value?.toFixed(), t.funds?.budget?.value?.toFixed(), t.funds?.executed?.value?.toFixed(), t.funds?.weight?.value?.toFixed()],
    parts: t.funds?.parts.map((p) => [p.budget?.value?.toFixed(), p.executed?.value?.toFixed()]),
    groups: t.level1Groups.map((g) => g.statedWeight?.toFixed() ?? null),
    rows: t.indicators.filter((i) => !i.placeholder && !i.unfilled).map((i) => [i.level3?.text, i.weight?.value?.toFixed(), i.score?.value?.toFixed(), i.actual?.text]),
    total: [t.total?.weight?.value?.toFixed(), t.total?.score?.value?.toFixed()],
  };
}

const LAYOUTS: readonly (readonly [string, ProjectLayout])[] = [
  ["分值 and 得分 before the target and actual columns", { valueOrder: ["weight", "score", "target", "actual", "reason", "nature", "unit"] }],
  ["the reason column first, the target last", { valueOrder: ["reason", "actual", "weight", "score", "nature", "unit", "target"] }],
  ["headers over two rows, merged down", { twoRowHeaders: true }],
  ["no merged cells at all (pasted from a PDF)", { merges: false }],
  ["two-row headers and no merges", { twoRowHeaders: true, merges: false }],
  ["blank rows between the blocks", { blankRows: 2 }],
  ["a page break after 3 indicators repeats the header and the 一级 label", { pageBreakAfter: 3 }],
  ["a page break after every 2 rows, headers over two rows", { pageBreakAfter: 2, twoRowHeaders: true }],
  ["amounts typed \"114万\"", { amounts: "wan" }],
  ["amounts typed \"114万元\"", { amounts: "wanyuan" }],
  ["amounts typed \"1,140,000元\"", { amounts: "yuan" }],
  ["完成值 typed as fractions with a % format", { percentActuals: true }],
  ["everything at once", { twoRowHeaders: true, merges: false, blankRows: 1, pageBreakAfter: 2, amounts: "yuan", percentActuals: true, valueOrder: ["weight", "target", "score", "actual", "reason", "nature", "unit"] }],
];

describe.each(["mof", "sichuan"] as const)("a clean %s table", (style: ProjectStyle) => {
  const plain = check(projectSheet("Sheet1", { style }));

  test("is recognized as its form, one table named by its project, with no error or warning", () => {
    expect(plain.profile.id).toBe(style === "mof" ? "mof-project" : "sichuan-project");
    expect(plain.tables).toHaveLength(1);
    expect(plain.tables[0]!.name).toBe("农村公路养护项目");
    expect(plain.findings.filter((f) => f.severity !== "info").map(signature)).toEqual([]);
    expect(plain.summary.grade).toBe("excellent");
  });

  test.each(LAYOUTS)("%s: the same findings and the same figures", (_name, layout) => {
    const variant = check(projectSheet("Sheet1", { style, layout }));
    expect(signatures(variant)).toEqual(signatures(plain));
    expect(reading(variant)).toEqual(reading(plain));
  });

  test("placed anywhere on the sheet (8 rows down, 3 columns right)", () => {
    const shifted = validate(snapshotFromSpec(shiftSheet(projectWorkbook(projectSheet("Sheet1", { style })), "Sheet1", 8, 3)));
    expect(signatures(shifted)).toEqual(signatures(plain));
    expect(reading(shifted)).toEqual(reading(plain));
  });

  test("no title row: still found by 项目名称, the funds header and the indicator header", () => {
    const untitled = check(projectSheet("Sheet1", { style, title: null }));
    expect(signatures(untitled)).toEqual(signatures(plain));
  });

  test("notes, an explanation and signatures under the table are not indicators", () => {
    const notes = [
      "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算执行率10分。",
      "2.定性指标根据指标完成情况分为：达成年度指标、部分达成年度指标并具有一定效果、未达成年度指标且效果较差三档。",
      "说明：本表金额单位为万元。",
      "填表人：张三　　联系电话：12345678　　填报日期：2024年3月1日",
    ];
    const noted = check(projectSheet("Sheet1", { style, notes }));
    expect(signatures(noted)).toEqual(signatures(plain));
    // Without the 总分 row, the notes still end the table; the grade is withheld, with a reason.
    const cut = check(projectSheet("Sheet1", { style, notes, total: null }));
    expect(cut.annex3!.indicators.filter((i) => !i.unfilled)).toHaveLength(plain.annex3!.indicators.length);
    expect(cut.findings.filter((f) => f.ruleId === "a3.grade").map((f) => f.messageId)).toEqual(["noTotalRow"]);
    expect(cut.summary.grade).toBeNull();
  });

  test("a project whose name says 自评表 does not start a second table", () => {
    const named = check(projectSheet("Sheet1", { style, project: "项目支出绩效自评表编制及培训项目" }));
    expect(named.tables.map((t) => t.name)).toEqual(["项目支出绩效自评表编制及培训项目"]);
    expect(named.findings.filter((f) => f.ruleId === "sheet.duplicate-annex")).toEqual([]);
  });
});

describe("unfilled template rows", () => {
  const stubs = (level2: string): ProjectTableInput["indicators"] => [
    ...MOF_INDICATORS.slice(0, 4),
    { level1: "产出指标", level2, level3: "指标1：", target: "", actual: "", weight: "", score: "" },
    { level1: "产出指标", level2, level3: "……", target: "", actual: "", weight: "", score: "" },
    ...MOF_INDICATORS.slice(4),
    { level1: "满意度指标", level2: "服务对象满意度指标", level3: "指标2：", target: "/", actual: "/", weight: "", score: "" },
  ];

  test("are one info for the lot, not a missing-field warning each", () => {
    const result = check(projectSheet("Sheet1", { indicators: stubs("数量指标") }));
    expect(result.findings.filter((f) => f.ruleId === "a3.missing-field")).toEqual([]);
    const unfilled = result.findings.filter((f) => f.ruleId === "a3.unfilled-rows");
    expect(unfilled.map((f) => [f.severity, f.actual])).toEqual([["info", "3"]]);
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});

describe("several project tables in one workbook", () => {
  const projects = ["农村公路养护项目", "乡村学校校舍维修项目", "基层医疗设备购置项目"];

  test("three tables on one sheet: each found, named and checked; findings name their project", () => {
    const inputs: ProjectTableInput[] = projects.map((project) => ({ project }));
    // The second table's 执行率得分 is typed as 10 although 95% of 10 is 9.50.
    inputs[1] = { project: projects[1], funds: { score: 10 }, total: { weight: 100, score: 98 } };
    const result = check(projectTablesOnOneSheet("项目自评表", inputs));
    expect(result.tables.map((t) => t.name)).toEqual(projects);
    const errors = result.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.ruleId, f.table?.name])).toEqual([
      ["a3.execution-score", projects[1]],
      ["a3.total-score", projects[1]],
    ]);
    // A workbook of several tables has no single score; each table has its own.
    expect(result.summary.score).toBeNull();
    expect(result.tables.map((t) => t.score)).toEqual(["97.50", "97.50", "97.50"]);
    expect(result.findings.filter((f) => f.ruleId === "sheet.duplicate-annex")).toEqual([]);
  });

  test("two sheets of two tables each: four tables, in sheet and row order", () => {
    const result = check(
      projectTablesOnOneSheet("交通", [{ project: "A项目" }, { project: "B项目" }]),
      projectTablesOnOneSheet("教育", [{ project: "C项目", style: "mof" }, { project: "D项目" }]),
    );
    expect(result.tables.map((t) => [t.sheet, t.name])).toEqual([["交通", "A项目"], ["交通", "B项目"], ["教育", "C项目"], ["教育", "D项目"]]);
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("tables pasted with no blank row between them are still told apart", () => {
    const result = check(projectTablesOnOneSheet("Sheet1", [{ project: "甲" }, { project: "乙" }, { project: "丙" }], 0));
    expect(result.tables.map((t) => t.name)).toEqual(["甲", "乙", "丙"]);
  });

  test("one table per sheet, any sheet names", () => {
    const result = check(projectSheet("Sheet1", { project: "甲" }), projectSheet("2023年项目2", { project: "乙" }), projectSheet("打印版", { project: "丙" }));
    expect(result.tables.map((t) => [t.sheet, t.name])).toEqual([["Sheet1", "甲"], ["2023年项目2", "乙"], ["打印版", "丙"]]);
  });
});

describe("四川 tables read by their own rules", () => {
  test("指标性质 and 度量单位 columns: a bare 指标值 with its unit beside it scores like \"≥300人次\"", () => {
    const indicators = SICHUAN_INDICATORS.map((i) => (i.level3 === "培训人次" ? { ...i, actual: 240, score: 30 } : i));
    const result = check(projectSheet("Sheet1", { style: "sichuan", indicators }));
    const suggested = result.findings.filter((f) => f.ruleId === "a3.quantitative-score");
    // 240 of ≥300 on 30 points: 24.00, the sheet says 30.
    expect(suggested.map((f) => [f.severity, f.expected, f.actual])).toEqual([["warning", "24.00", "30"]]);
  });

  test("a 预算执行率 below 90% with the 原因 cell empty asks for the reason", () => {
    const result = check(projectSheet("Sheet1", { style: "sichuan", funds: { executed: 9.6, rate: { v: 0.8, fmt: "0.00%" }, score: 8 }, parts: [["其中：财政资金", 10, 12, 9.6]], total: { weight: 100, score: 98 } }));
    expect(result.findings.filter((f) => f.ruleId === "a3.execution-reason").map((f) => f.severity)).toEqual(["warning"]);
    const explained = check(projectSheet("Sheet1", { style: "sichuan", funds: { executed: 9.6, rate: { v: 0.8, fmt: "0.00%" }, score: 8, reason: "年底部分培训延期至次年" }, parts: [["其中：财政资金", 10, 12, 9.6]], total: { weight: 100, score: 98 } }));
    expect(explained.findings.filter((f) => f.ruleId === "a3.execution-reason")).toEqual([]);
  });
});

describe("reading the indicator rows", () => {
  test("a 一级 group whose first row has no 二级 label does not inherit the previous group's 二级", () => {
    const indicators = [
      ...MOF_INDICATORS,
      { level1: "成本指标", level2: "", level3: "单位成本控制", target: "≤1万元", actual: "已控制", weight: 0, score: 0 },
    ];
    const result = check(projectSheet("Sheet1", { indicators }));
    const cost = result.annex3!.indicators.find((i) => i.level3?.text === "单位成本控制")!;
    expect(cost.level2).toBeNull();
    // Not taken for a 满意度 indicator scored on a word.
    expect(result.findings.filter((f) => f.ruleId === "a3.satisfaction-no-figure")).toEqual([]);
  });
});

describe("the 湖南 附件3 with the goal headings other units use", () => {
  const seed = validate(snapshotFromSpec(seedSpec()));
  test.each(["年度绩效目标", "年初设定目标", "总体目标完成情况", "年度总体目标完成情况综述", "当年绩效目标"])("%s: one table, the seed's findings", (heading) => {
    const variant = validate(snapshotFromSpec(replaceLabels(seedSpec(), { 年度总体目标: heading }, "附件3")));
    expect(variant.tables.map((t) => t.kind)).toEqual(["annex2", "annex3"]);
    expect(signatures(variant)).toEqual(signatures(seed));
  });
});

function seedSpec() {
  return zhuzhouLuosongNpc2023;
}

/**
 * The forms corpus: for every built-in form profile, workbooks laid out as units fill that form —
 * clean ones, and ones with the mistakes published tables really show (分值 adding to 110 under a
 * 总分 of 100, 得分 above 分值, a 年度资金总额 row left at 0 beside filled 其中 rows, a blank
 * 执行率, a target met but scored below full marks with no reason, a reason that says nothing,
 * several projects in one workbook, a table pasted from a PDF) — each with the findings it must
 * give. The expectations are written here from the rules (docs/rules), never recorded from a run:
 * a run that disagrees is a bug to look at, not a fixture to refresh. Files are byte-stable.
 *
 * Run: npm run fixtures:corpus  (node scripts/run-ts.js scripts/make-corpus.ts [output-dir])
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { WorkbookSpec } from "../src/adapters/memory/grid-spec";
import { writeSpecToXlsx } from "../src/adapters/xlsx/write-xlsx";
import { zhuzhouLuosongNpc2023 as SAMPLE } from "../src/samples/zhuzhou-luosong-npc-2023";
import { annex2Form, annex3Form, pct, workbook, withIndicators } from "../test/helpers/forms";
import {
  projectSheet, projectTablesOnOneSheet, projectWorkbook, HUBEI_INDICATORS, MOF_INDICATORS, SICHUAN_INDICATORS,
  type ProjectIndicator, type ProjectTableInput,
} from "../test/helpers/project-forms";

export const FORMS_CORPUS_DIR = join(__dirname, "..", "test", "fixtures", "corpus");
export const EXPECTED_FILE = "expected.json";

/** [rule id, "Sheet!A1" (or "*" for wherever the layout puts it, null for no cell), severity]. */
export type ExpectedFinding = readonly [ruleId: string, cell: string | null, severity: "error" | "warning" | "info"];

export interface CorpusCase {
  /** profile/file.xlsx */
  readonly file: string;
  readonly profile: string;
  /** What the case is, in a line. */
  readonly why: string;
  /** Every finding the file must give, in any order. */
  readonly findings: readonly ExpectedFinding[];
  /** Tables found, by name (项目名称, or null), in sheet and row order. */
  readonly tables: readonly (string | null)[];
  readonly spec: WorkbookSpec;
}

// ---------------------------------------------------------------------------------------------
// 湖南 部门整体 (附件2 + 附件3). Cells as in the seed: 附件2 C4 在职人数, D4 控制率; 附件3 row 5 the
// 年度资金总额 (E 全年预算数, H 执行率, I 得分), B6 按收入性质分, F6 按支出性质分, indicator rows 14–28
// (H 得分, I 偏差原因), the 总分 row 29 (G 分值, H 得分).

/** The seed with its two errors and two warnings corrected: what a careful unit submits. */
const HUNAN_CLEAN_A2 = () => annex2Form({ staff: { rate: pct(1.6667) } });
const HUNAN_CLEAN_A3 = (patch: Parameters<typeof annex3Form>[0] = {}) => annex3Form({
  ...patch,
  funds: { score: 10, ...(patch.funds ?? {}) },
  expense: patch.expense ?? { total: "982.21", basic: "911.94", project: "70.27" },
});

/** What the corrected seed still (rightly) says: facts, no error, no warning. */
const HUNAN_INFOS: readonly ExpectedFinding[] = [
  ["a2.over-establishment", "附件2!C4", "info"],
  ["a3.target-unparsed", "附件3!E20", "info"],
  ["a3.target-unparsed", "附件3!E21", "info"],
  ["a3.target-unparsed", "附件3!E22", "info"],
  ["a3.target-unparsed", "附件3!E24", "info"],
  ["a3.quantitative-score", "附件3!H26", "info"],
];

const HUNAN: readonly Omit<CorpusCase, "profile">[] = [
  {
    file: "seed.xlsx",
    why: "the published seed: 控制率 written as its inverse, 98 on a 10-point row, two cross-checks off",
    spec: SAMPLE,
    tables: [null, "株洲市芦淞区人民代表大会常务委员会"],
    findings: [
      ...HUNAN_INFOS,
      ["a2.staff-control-rate", "附件2!D4", "error"],
      ["a3.execution-score", "附件3!I5", "error"],
      ["a3.expense-breakdown", "附件3!F6", "warning"],
      ["x.project-spending", "附件3!F8", "warning"],
      ["a3.grade", "附件3!H29", "info"],
    ],
  },
  {
    file: "clean.xlsx",
    why: "the seed corrected: no error, no warning",
    spec: workbook(HUNAN_CLEAN_A2(), HUNAN_CLEAN_A3()),
    tables: [null, "株洲市芦淞区人民代表大会常务委员会"],
    findings: [...HUNAN_INFOS, ["a3.grade", "附件3!H29", "info"]],
  },
  {
    file: "only-annex3.xlsx",
    why: "a workbook holding 附件3 alone is checked; an info says 附件2 is missing and which rules could not run",
    spec: workbook(HUNAN_CLEAN_A3()),
    tables: ["株洲市芦淞区人民代表大会常务委员会"],
    findings: [
      ["sheet.annex-not-found", "附件3!A1", "info"],
      ...HUNAN_INFOS.filter(([rule]) => !rule.startsWith("a2.")),
      ["a3.grade", "附件3!H29", "info"],
    ],
  },
  {
    file: "weights-110.xlsx",
    why: "社会效益 given 25 points instead of 15: the 效益 label says 20, the weights add to 110, no grade",
    spec: workbook(HUNAN_CLEAN_A2(), HUNAN_CLEAN_A3({ indicators: withIndicators({ "保障基本支出，完成年初计划": { weight: 25 } }) })),
    tables: [null, "株洲市芦淞区人民代表大会常务委员会"],
    findings: [
      ...HUNAN_INFOS,
      ["a3.level1-weight", "附件3!B21", "error"],
      ["a3.deviation-reason", "附件3!I22", "warning"],
      ["a3.weights-total", "附件3!G29", "error"],
      ["a3.grade", "附件3!H29", "info"],
    ],
  },
  {
    file: "score-above-weight.xlsx",
    why: "代表培训 scored 6 on a 4-point row; the 总分 left at 98",
    spec: workbook(HUNAN_CLEAN_A2(), HUNAN_CLEAN_A3({ indicators: withIndicators({ 代表培训: { score: 6 } }) })),
    tables: [null, "株洲市芦淞区人民代表大会常务委员会"],
    findings: [
      ...HUNAN_INFOS,
      ["a3.score-range", "附件3!H18", "error"],
      ["a3.quantitative-score", "附件3!H18", "warning"],
      ["a3.total-score", "附件3!H29", "error"],
      ["a3.grade", "附件3!H29", "info"],
    ],
  },
  {
    file: "blank-rate.xlsx",
    why: "执行率 left blank: filled in by its fix (info)",
    spec: workbook(HUNAN_CLEAN_A2(), HUNAN_CLEAN_A3({ funds: { rate: null } })),
    tables: [null, "株洲市芦淞区人民代表大会常务委员会"],
    findings: [...HUNAN_INFOS, ["a3.execution-rate", "附件3!H5", "info"], ["a3.grade", "附件3!H29", "info"]],
  },
  {
    file: "zero-budget.xlsx",
    why: "全年预算数 typed as 0: no rate can be computed, and the 按收入性质分 total no longer matches it",
    spec: workbook(HUNAN_CLEAN_A2(), HUNAN_CLEAN_A3({ funds: { budget: 0, rate: pct(0) } })),
    tables: [null, "株洲市芦淞区人民代表大会常务委员会"],
    findings: [
      ...HUNAN_INFOS,
      ["a3.execution-rate", "附件3!E5", "warning"],
      ["a3.income-breakdown", "附件3!B6", "warning"],
    ],
  },
  {
    file: "met-not-full-no-reason.xlsx",
    why: "专题视察 done 34 times against ≥30 but scored 6 of 8, with no reason",
    spec: workbook(HUNAN_CLEAN_A2(), HUNAN_CLEAN_A3({ indicators: withIndicators({ "专题视察、调研": { score: 6 } }), total: { score: 96 } })),
    tables: [null, "株洲市芦淞区人民代表大会常务委员会"],
    findings: [
      ...HUNAN_INFOS,
      ["a3.quantitative-score", "附件3!H16", "warning"],
      ["a3.deviation-reason", "附件3!I16", "warning"],
      ["a3.grade", "附件3!H29", "info"],
    ],
  },
  {
    file: "reason-says-nothing.xlsx",
    why: "六届三次全会 held as planned yet scored 7 of 8, the reason \"无\"",
    spec: workbook(HUNAN_CLEAN_A2(), HUNAN_CLEAN_A3({ indicators: withIndicators({ 六届三次全会: { score: 7, reason: "无" } }), total: { score: 97 } })),
    tables: [null, "株洲市芦淞区人民代表大会常务委员会"],
    findings: [
      ...HUNAN_INFOS,
      ["a3.quantitative-score", "附件3!H15", "warning"],
      ["a3.reason-vacuous", "附件3!I15", "warning"],
      ["a3.grade", "附件3!H29", "info"],
    ],
  },
  {
    file: "amounts-with-units.xlsx",
    why: "the clean seed with its amounts typed \"982.60万元\", \"9,622,100元\": read in 万元, nothing to report",
    spec: workbook(HUNAN_CLEAN_A2(), HUNAN_CLEAN_A3({ funds: { initial: "9,625,100元", budget: "982.60万元", executed: "982.21万" } })),
    tables: [null, "株洲市芦淞区人民代表大会常务委员会"],
    findings: [...HUNAN_INFOS, ["a3.grade", "附件3!H29", "info"]],
  },
  {
    file: "percent-formatted-actuals.xlsx",
    why: "完成率 and 满意度 typed 1 in a 0% format (shown 100%) against ≥95% / ≥98%: read as 100%, full marks",
    spec: workbook(HUNAN_CLEAN_A2(), HUNAN_CLEAN_A3({
      indicators: withIndicators({ "完成率%": { actual: { v: 1, fmt: "0%" } }, 服务对象满意度: { actual: { v: 1, fmt: "0%" } } }),
    })),
    tables: [null, "株洲市芦淞区人民代表大会常务委员会"],
    findings: [...HUNAN_INFOS, ["a3.grade", "附件3!H29", "info"]],
  },
];

// ---------------------------------------------------------------------------------------------
// 财政部 项目支出绩效自评表. Cells as test/helpers/project-forms.ts lays the "mof" style out: the
// 年度资金总额 row 6 (C 年初预算数, D 全年预算数, E 全年执行数, F 分值, G 执行率, H 得分), 其中 rows
// 7–9, the indicator rows 13–19 (E 年度指标值, F 实际完成值, G 分值, H 得分, I 偏差原因), 总分 row 20.

const MOF_INFOS: readonly ExpectedFinding[] = [
  ["a3.target-unparsed", "Sheet1!E15", "info"],
  ["a3.target-unparsed", "Sheet1!E17", "info"],
  ["a3.target-unparsed", "Sheet1!E18", "info"],
];

const patchRow = (rows: readonly ProjectIndicator[], level3: string, patch: Partial<ProjectIndicator>): ProjectIndicator[] =>
  rows.map((r) => (r.level3 === level3 ? { ...r, ...patch } : r));

const mof = (input: ProjectTableInput = {}) => projectWorkbook(projectSheet("Sheet1", { style: "mof", ...input }));

const MOF: readonly Omit<CorpusCase, "profile">[] = [
  { file: "clean.xlsx", why: "a clean project table", spec: mof(), tables: ["农村公路养护项目"], findings: [...MOF_INFOS, ["a3.grade", "Sheet1!H20", "info"]] },
  {
    file: "weights-110.xlsx",
    why: "数量 given 30 points: 产出 60 + 效益 30 + 满意度 10 + 执行率 10 = 110 under a 总分 of 100",
    spec: mof({ indicators: patchRow(MOF_INDICATORS, "养护农村公路里程", { weight: 30, score: 30 }), total: { weight: 100, score: 100 } }),
    tables: ["农村公路养护项目"],
    findings: [...MOF_INFOS, ["a3.weights-total", "Sheet1!G20", "error"], ["a3.total-score", "Sheet1!H20", "error"], ["a3.grade", "Sheet1!H20", "info"]],
  },
  {
    file: "score-above-weight.xlsx",
    why: "路面优良率 scored 18 on a 15-point row",
    spec: mof({ indicators: patchRow(MOF_INDICATORS, "路面优良率", { score: 18 }), total: { weight: 100, score: 100.5 } }),
    tables: ["农村公路养护项目"],
    findings: [...MOF_INFOS, ["a3.score-range", "Sheet1!H14", "error"], ["a3.quantitative-score", "Sheet1!H14", "warning"], ["a3.grade", "Sheet1!H20", "info"]],
  },
  {
    file: "zero-total-row.xlsx",
    why: "年度资金总额 left at 0 beside filled 其中 rows (as a published 2022 table): every column wrong, no rate",
    spec: mof({ funds: { initial: 0, budget: 0, executed: 0, rate: { v: 0, fmt: "0.00%" }, score: 0 } }),
    tables: ["农村公路养护项目"],
    findings: [
      ...MOF_INFOS,
      ["a3.funds-total", "Sheet1!C6", "error"],
      ["a3.funds-total", "Sheet1!D6", "error"],
      ["a3.funds-total", "Sheet1!E6", "error"],
      ["a3.execution-rate", "Sheet1!D6", "warning"],
    ],
  },
  {
    file: "blank-rate.xlsx",
    why: "执行率 left blank",
    spec: mof({ funds: { rate: null } }),
    tables: ["农村公路养护项目"],
    findings: [...MOF_INFOS, ["a3.execution-rate", "Sheet1!G6", "info"], ["a3.grade", "Sheet1!H20", "info"]],
  },
  {
    file: "met-not-full-no-reason.xlsx",
    why: "125 km against ≥120 km, scored 18 of 20, no reason",
    spec: mof({ indicators: patchRow(MOF_INDICATORS, "养护农村公路里程", { score: 18 }), total: { weight: 100, score: 95.5 } }),
    tables: ["农村公路养护项目"],
    findings: [...MOF_INFOS, ["a3.quantitative-score", "Sheet1!H13", "warning"], ["a3.deviation-reason", "Sheet1!I13", "warning"], ["a3.grade", "Sheet1!H20", "info"]],
  },
  {
    file: "reason-says-nothing.xlsx",
    why: "满意度 85% against ≥90%, scored 8, the reason \"无\"",
    spec: mof({ indicators: patchRow(MOF_INDICATORS, "沿线群众满意度", { actual: "85%", score: 8, reason: "无" }), total: { weight: 100, score: 95.5 } }),
    tables: ["农村公路养护项目"],
    findings: [...MOF_INFOS, ["a3.quantitative-score", "Sheet1!H19", "warning"], ["a3.reason-vacuous", "Sheet1!I19", "warning"], ["a3.grade", "Sheet1!H20", "info"]],
  },
  {
    file: "full-marks-shortfall.xlsx",
    why: "时效 full marks while the reason says the work was late",
    spec: mof({ indicators: patchRow(MOF_INDICATORS, "养护完成时间", { reason: "部分路段养护滞后，未按期完成" }) }),
    tables: ["农村公路养护项目"],
    findings: [...MOF_INFOS, ["a3.full-marks-shortfall", "Sheet1!I15", "warning"], ["a3.grade", "Sheet1!H20", "info"]],
  },
  {
    file: "quantity-without-figure.xlsx",
    why: "a 数量指标 whose target is \"按计划完成\" and a 满意度 scored on \"满意\"",
    spec: mof({
      indicators: patchRow(patchRow(MOF_INDICATORS, "养护农村公路里程", { target: "按计划完成", actual: "已完成" }), "沿线群众满意度", { actual: "满意" }),
    }),
    tables: ["农村公路养护项目"],
    findings: [
      ...MOF_INFOS,
      ["a3.target-unparsed", "Sheet1!E13", "info"],
      ["a3.target-not-quantified", "Sheet1!E13", "warning"],
      ["a3.satisfaction-no-figure", "Sheet1!F19", "warning"],
      ["a3.grade", "Sheet1!H20", "info"],
    ],
  },
  {
    file: "no-satisfaction.xlsx",
    why: "no 满意度 dimension (its 10 points moved to 数量)",
    spec: mof({ indicators: patchRow(MOF_INDICATORS.filter((i) => i.level1 !== "满意度指标"), "养护农村公路里程", { weight: 30, score: 30 }) }),
    tables: ["农村公路养护项目"],
    findings: [...MOF_INFOS, ["a3.dimension-missing", "Sheet1!B12", "warning"], ["a3.grade", "Sheet1!H19", "info"]],
  },
  {
    file: "unfilled-template-rows.xlsx",
    why: "\"指标1：\", \"……\" and a \"指标2：\" row of \"/\" left from the blank form: one info, no warning",
    spec: mof({
      indicators: [
        ...MOF_INDICATORS.slice(0, 4),
        { level1: "产出指标", level2: "成本指标", level3: "指标1：", target: "", actual: "", weight: "", score: "" },
        { level1: "产出指标", level2: "成本指标", level3: "……", target: "", actual: "", weight: "", score: "" },
        ...MOF_INDICATORS.slice(4),
        { level1: "满意度指标", level2: "服务对象满意度指标", level3: "指标2：", target: "/", actual: "/", weight: "", score: "" },
      ],
    }),
    tables: ["农村公路养护项目"],
    findings: [
      ["a3.target-unparsed", "Sheet1!E15", "info"],
      ["a3.unfilled-rows", "Sheet1!D17", "info"],
      ["a3.target-unparsed", "Sheet1!E19", "info"],
      ["a3.target-unparsed", "Sheet1!E20", "info"],
      ["a3.grade", "Sheet1!H23", "info"],
    ],
  },
  {
    file: "three-projects.xlsx",
    why: "three project tables on one sheet; the second's 执行率得分 typed as 10 for 95%",
    spec: projectWorkbook(projectTablesOnOneSheet("Sheet1", [
      { project: "农村公路养护项目" },
      { project: "乡村学校校舍维修项目", funds: { score: 10 }, total: { weight: 100, score: 98 } },
      { project: "基层医疗设备购置项目" },
    ])),
    tables: ["农村公路养护项目", "乡村学校校舍维修项目", "基层医疗设备购置项目"],
    findings: [0, 22, 44].flatMap((offset): ExpectedFinding[] => [
      ...MOF_INFOS.map(([rule, cell, severity]): ExpectedFinding => [rule, cell!.replace(/\d+$/, (r) => String(Number(r) + offset)), severity]),
      ...(offset === 22 ? [["a3.execution-score", "Sheet1!H28", "error"], ["a3.total-score", "Sheet1!H42", "error"]] as ExpectedFinding[] : []),
      ["a3.grade", `Sheet1!H${20 + offset}`, "info"],
    ]),
  },
  {
    file: "pasted-from-pdf.xlsx",
    why: "no merges, headers over two rows, amounts in 元 with separators, 完成值 as % fractions, notes under it: clean",
    spec: mof({
      layout: { merges: false, twoRowHeaders: true, amounts: "yuan", percentActuals: true, blankRows: 1 },
      notes: ["注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算执行率10分。", "填表人：李四　　联系电话：87654321"],
    }),
    tables: ["农村公路养护项目"],
    findings: [["a3.target-unparsed", "*", "info"], ["a3.target-unparsed", "*", "info"], ["a3.target-unparsed", "*", "info"], ["a3.grade", "*", "info"]],
  },
];

// ---------------------------------------------------------------------------------------------
// 四川 部门预算项目支出绩效自评表: the 总额 row 6 (C 年初预算, D 调整后预算数, E 预算执行数,
// F 预算执行率, G 权重, H 得分, I 原因), 其中 rows 7–10, indicator rows 14–18 (F 指标值, H 完成值,
// I 权重, J 得分, K 未完成原因分析), the 合计 row 19.

const SICHUAN_INFOS: readonly ExpectedFinding[] = [
  ["a3.target-unparsed", "Sheet1!F17", "info"],
  ["a3.target-unparsed", "Sheet1!F18", "info"],
];
const sichuan = (input: ProjectTableInput = {}) => projectWorkbook(projectSheet("Sheet1", { style: "sichuan", ...input }));
const LOW_RATE: ProjectTableInput = { funds: { executed: 9.6, rate: { v: 0.8, fmt: "0.00%" }, score: 8 }, parts: [["其中：财政资金", 10, 12, 9.6], ["财政专户管理资金", 0, 0, 0], ["单位资金", 0, 0, 0], ["其他资金", 0, 0, 0]], total: { weight: 100, score: 98 } };

const SICHUAN: readonly Omit<CorpusCase, "profile">[] = [
  { file: "clean.xlsx", why: "a clean 四川 table", spec: sichuan(), tables: ["农村公路养护项目"], findings: [...SICHUAN_INFOS, ["a3.grade", "Sheet1!J19", "info"]] },
  {
    file: "weights-110.xlsx",
    why: "培训人次 given 40 of the 90 points: 权重 add to 110",
    spec: sichuan({ indicators: patchRow(SICHUAN_INDICATORS, "培训人次", { weight: 40, score: 40 }), total: { weight: 100, score: 100 } }),
    tables: ["农村公路养护项目"],
    findings: [...SICHUAN_INFOS, ["a3.weights-total", "Sheet1!I19", "error"], ["a3.total-score", "Sheet1!J19", "error"], ["a3.grade", "Sheet1!J19", "info"]],
  },
  {
    file: "score-above-weight.xlsx",
    why: "培训合格率 scored 25 on a 20-point row",
    spec: sichuan({ indicators: patchRow(SICHUAN_INDICATORS, "培训合格率", { score: 25 }), total: { weight: 100, score: 104.5 } }),
    tables: ["农村公路养护项目"],
    findings: [...SICHUAN_INFOS, ["a3.score-range", "Sheet1!J15", "error"], ["a3.quantitative-score", "Sheet1!J15", "warning"], ["a3.grade", "Sheet1!J19", "info"]],
  },
  {
    file: "zero-total-row.xlsx",
    why: "总额 left at 0 beside a filled 财政资金 row",
    spec: sichuan({ funds: { initial: 0, budget: 0, executed: 0, rate: { v: 0, fmt: "0.00%" }, score: 0 } }),
    tables: ["农村公路养护项目"],
    findings: [
      ...SICHUAN_INFOS,
      ["a3.funds-total", "Sheet1!C6", "error"],
      ["a3.funds-total", "Sheet1!D6", "error"],
      ["a3.funds-total", "Sheet1!E6", "error"],
      ["a3.execution-rate", "Sheet1!D6", "warning"],
    ],
  },
  {
    file: "blank-rate.xlsx",
    why: "预算执行率 left blank",
    spec: sichuan({ funds: { rate: null } }),
    tables: ["农村公路养护项目"],
    findings: [...SICHUAN_INFOS, ["a3.execution-rate", "Sheet1!F6", "info"], ["a3.grade", "Sheet1!J19", "info"]],
  },
  {
    file: "low-rate-no-reason.xlsx",
    why: "预算执行率 80% (below the 90% the form names) with the 原因 cell empty",
    spec: sichuan(LOW_RATE),
    tables: ["农村公路养护项目"],
    findings: [...SICHUAN_INFOS, ["a3.execution-reason", "Sheet1!I6", "warning"], ["a3.grade", "Sheet1!J19", "info"]],
  },
  {
    file: "low-rate-explained.xlsx",
    why: "the same 80%, its reason given: nothing to ask",
    spec: sichuan({ ...LOW_RATE, funds: { ...LOW_RATE.funds, reason: "年底两期培训延至次年一季度" } }),
    tables: ["农村公路养护项目"],
    findings: [...SICHUAN_INFOS, ["a3.grade", "Sheet1!J19", "info"]],
  },
  {
    file: "met-not-full-no-reason.xlsx",
    why: "320 trainees against ≥300, scored 25 of 30, no reason",
    spec: sichuan({ indicators: patchRow(SICHUAN_INDICATORS, "培训人次", { score: 25 }), total: { weight: 100, score: 94.5 } }),
    tables: ["农村公路养护项目"],
    findings: [...SICHUAN_INFOS, ["a3.quantitative-score", "Sheet1!J14", "warning"], ["a3.deviation-reason", "Sheet1!K14", "warning"], ["a3.grade", "Sheet1!J19", "info"]],
  },
  {
    file: "reason-says-nothing.xlsx",
    why: "合格率 90 against ≥95, scored 18, the reason \"/\"",
    spec: sichuan({ indicators: patchRow(SICHUAN_INDICATORS, "培训合格率", { actual: 90, score: 18, reason: "/" }), total: { weight: 100, score: 97.5 } }),
    tables: ["农村公路养护项目"],
    findings: [...SICHUAN_INFOS, ["a3.quantitative-score", "Sheet1!J15", "warning"], ["a3.reason-vacuous", "Sheet1!K15", "warning"], ["a3.grade", "Sheet1!J19", "info"]],
  },
  {
    file: "full-marks-shortfall.xlsx",
    why: "人均培训成本 full marks while the reason says classes were postponed",
    spec: sichuan({ indicators: patchRow(SICHUAN_INDICATORS, "人均培训成本", { reason: "部分培训班次延期，未按期完成" }) }),
    tables: ["农村公路养护项目"],
    findings: [...SICHUAN_INFOS, ["a3.full-marks-shortfall", "Sheet1!K16", "warning"], ["a3.grade", "Sheet1!J19", "info"]],
  },
  {
    file: "two-sheets-two-projects.xlsx",
    why: "one table per sheet, the second with 得分 above 权重",
    spec: projectWorkbook(
      projectSheet("项目1", { style: "sichuan", project: "职业技能培训项目" }),
      projectSheet("项目2", { style: "sichuan", project: "农技推广项目", indicators: patchRow(SICHUAN_INDICATORS, "培训合格率", { score: 25 }), total: { weight: 100, score: 104.5 } }),
    ),
    tables: ["职业技能培训项目", "农技推广项目"],
    findings: [
      ["a3.target-unparsed", "项目1!F17", "info"], ["a3.target-unparsed", "项目1!F18", "info"], ["a3.grade", "项目1!J19", "info"],
      ["a3.target-unparsed", "项目2!F17", "info"], ["a3.target-unparsed", "项目2!F18", "info"], ["a3.grade", "项目2!J19", "info"],
      ["a3.score-range", "项目2!J15", "error"], ["a3.quantitative-score", "项目2!J15", "warning"],
    ],
  },
  {
    file: "pasted-from-word.xlsx",
    why: "no merges, amounts typed \"12万元\", blank rows, a note under it: clean",
    spec: sichuan({ layout: { merges: false, amounts: "wanyuan", blankRows: 1 }, notes: ["说明：预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因。"] }),
    tables: ["农村公路养护项目"],
    findings: [["a3.target-unparsed", "*", "info"], ["a3.target-unparsed", "*", "info"], ["a3.grade", "*", "info"]],
  },
];

// ---------------------------------------------------------------------------------------------
// 湖北 项目绩效自评表: the 年度财政资金总额 row 6 (C 预算数, D 执行数, E 执行率, F 得分（20分*执行率）),
// indicator rows 10–14 (E 年初目标值, F 实际完成值, G 分值, H 得分, I 偏差原因), 总分 row 15.

const HUBEI_INFOS: readonly ExpectedFinding[] = [["a3.target-unparsed", "Sheet1!E13", "info"]];
const hubei = (input: ProjectTableInput = {}) => projectWorkbook(projectSheet("Sheet1", { style: "hubei", ...input }));

const HUBEI: readonly Omit<CorpusCase, "profile">[] = [
  { file: "clean.xlsx", why: "a clean 湖北 table: 96% of 20 points is 19.20", spec: hubei(), tables: ["农村公路养护项目"], findings: [...HUBEI_INFOS, ["a3.grade", "Sheet1!H15", "info"]] },
  {
    file: "score-as-10-points.xlsx",
    why: "the execution score worked out on 10 points (9.60) instead of the form's 20",
    spec: hubei({ funds: { score: 9.6 }, total: { weight: 100, score: 89.6 } }),
    tables: ["农村公路养护项目"],
    findings: [...HUBEI_INFOS, ["a3.execution-score", "Sheet1!F6", "error"], ["a3.total-score", "Sheet1!H15", "error"], ["a3.grade", "Sheet1!H15", "info"]],
  },
  {
    file: "score-above-weight.xlsx",
    why: "数据合格率 scored 12 on a 10-point row",
    spec: hubei({ indicators: patchRow(HUBEI_INDICATORS, "数据合格率", { score: 12 }), total: { weight: 100, score: 101.2 } }),
    tables: ["农村公路养护项目"],
    findings: [...HUBEI_INFOS, ["a3.score-range", "Sheet1!H11", "error"], ["a3.quantitative-score", "Sheet1!H11", "warning"], ["a3.grade", "Sheet1!H15", "info"]],
  },
  {
    file: "partly-achieved-band.xlsx",
    why: "部分达成 scored at 55% of its 分值: inside 湖北's 50–80% band, outside the 财政部 60–80%",
    spec: hubei({ indicators: patchRow(HUBEI_INDICATORS, "为水土保持决策提供依据", { actual: "部分达成预期指标", score: 16.5, reason: "部分数据未及时汇交" }), total: { weight: 100, score: 85.7 } }),
    tables: ["农村公路养护项目"],
    findings: [...HUBEI_INFOS, ["a3.grade", "Sheet1!H15", "info"]],
  },
  {
    file: "partly-achieved-too-low.xlsx",
    why: "部分达成 scored at 40% of its 分值: below even 湖北's 50%",
    spec: hubei({ indicators: patchRow(HUBEI_INDICATORS, "为水土保持决策提供依据", { actual: "部分达成预期指标", score: 12, reason: "部分数据未及时汇交" }), total: { weight: 100, score: 81.2 } }),
    tables: ["农村公路养护项目"],
    findings: [...HUBEI_INFOS, ["a3.qualitative-band", "Sheet1!H13", "warning"], ["a3.grade", "Sheet1!H15", "info"]],
  },
  {
    file: "weights-110.xlsx",
    why: "监测站点数 given 30 points: 20 + 90 = 110",
    spec: hubei({ indicators: patchRow(HUBEI_INDICATORS, "监测站点数", { weight: 30, score: 30 }), total: { weight: 100, score: 100 } }),
    tables: ["农村公路养护项目"],
    findings: [...HUBEI_INFOS, ["a3.weights-total", "Sheet1!G15", "error"], ["a3.total-score", "Sheet1!H15", "error"], ["a3.grade", "Sheet1!H15", "info"]],
  },
  {
    file: "met-not-full-no-reason.xlsx",
    why: "12 stations against ≥12, scored 16 of 20, no reason",
    spec: hubei({ indicators: patchRow(HUBEI_INDICATORS, "监测站点数", { score: 16 }), total: { weight: 100, score: 95.2 } }),
    tables: ["农村公路养护项目"],
    findings: [...HUBEI_INFOS, ["a3.quantitative-score", "Sheet1!H10", "warning"], ["a3.deviation-reason", "Sheet1!I10", "warning"], ["a3.grade", "Sheet1!H15", "info"]],
  },
  {
    file: "blank-rate.xlsx",
    why: "执行率 left blank",
    spec: hubei({ funds: { rate: null } }),
    tables: ["农村公路养护项目"],
    findings: [...HUBEI_INFOS, ["a3.execution-rate", "Sheet1!E6", "info"], ["a3.grade", "Sheet1!H15", "info"]],
  },
  {
    file: "no-total-row.xlsx",
    why: "the table cut off before its 总分 row: checked, but no grade on a partial total",
    spec: hubei({ total: null }),
    tables: ["农村公路养护项目"],
    findings: [...HUBEI_INFOS, ["sheet.label-missing", "Sheet1!B9", "warning"], ["a3.grade", "Sheet1!B9", "info"]],
  },
  {
    file: "two-projects-one-sheet.xlsx",
    why: "two tables on one sheet, the second's 执行率 written 86% for 86.2% (rounding only)",
    spec: projectWorkbook(projectTablesOnOneSheet("Sheet1", [
      { style: "hubei", project: "水土保持监测项目" },
      { style: "hubei", project: "长江禁捕项目", funds: { executed: 43.1, rate: { v: 0.86, fmt: "0%" }, score: 17.24 }, total: { weight: 100, score: 97.24 } },
    ])),
    tables: ["水土保持监测项目", "长江禁捕项目"],
    findings: [
      ["a3.target-unparsed", "Sheet1!E13", "info"], ["a3.grade", "Sheet1!H15", "info"],
      ["a3.execution-rate", "Sheet1!E23", "info"], ["a3.target-unparsed", "Sheet1!E30", "info"], ["a3.grade", "Sheet1!H32", "info"],
    ],
  },
];

function cases(profile: string, list: readonly Omit<CorpusCase, "profile">[]): CorpusCase[] {
  return list.map((c) => ({ ...c, profile, file: `${profile}/${c.file}` }));
}

export const CORPUS: readonly CorpusCase[] = [
  ...cases("hunan-dept", HUNAN),
  ...cases("mof-project", MOF),
  ...cases("sichuan-project", SICHUAN),
  ...cases("hubei-project", HUBEI),
];

export async function writeFormsCorpus(dir: string = FORMS_CORPUS_DIR): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const c of CORPUS) {
    const path = join(dir, c.file);
    await mkdir(join(path, ".."), { recursive: true });
    await writeSpecToXlsx(c.spec, path);
  }
  const expected = Object.fromEntries(CORPUS.map(({ spec: _spec, ...rest }) => [rest.file, rest]));
  await writeFile(join(dir, EXPECTED_FILE), `${JSON.stringify(expected, null, 1)}\n`);
}

if (process.argv[1] === __filename) {
  const target = process.argv[2] ? resolve(process.argv[2]) : FORMS_CORPUS_DIR;
  writeFormsCorpus(target).then(
    () => console.log(`wrote ${CORPUS.length} workbooks and ${EXPECTED_FILE} to ${target}`),
    (error: unknown) => { console.error(error); process.exit(1); },
  );
}

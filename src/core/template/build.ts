/**
 * buildTemplate: the blank 附件2 基础数据表 and 附件3 整体支出绩效自评表 of a year, laid out as the
 * published forms (../shared/spec/annexes.md, the seed), so that the checker recognizes them by
 * the same labels it looks for in staff's own workbooks.
 */
import type { Ref } from "./formulas";
import { amountRule, area, a1, executionScore, gradeOf, rateOf, scoreRule, sumOf, sumWhenAny } from "./formulas";
import {
  DEFAULT_SHEET_NAMES, type CellSlot, type FundsSlots, type IndicatorSlots, type TemplateDescription,
  type TemplateOptions, type TemplateSheet, type TemplateSlots, type WeightScheme,
} from "./model";
import { FORMAT, MESSAGES, SheetBuilder } from "./sheet-builder";
import { anyOf, checkCell, level1WeightDiffers, NOTES, scoreAboveWeight, totalDiffers, weightsNot100 } from "./checks";

/** The three phrases of a qualitative 实际完成值 (rules.md, qualitative bands). */
export const QUALITATIVE_PHRASES = ["达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标且效果较差"] as const;

/** The 执行率 row's 分值 in both schemes (rules.md: + 执行率10). */
export const EXECUTION_WEIGHT = 10;

/** The 湖南 forms' word for a weight, in the self-check notes. */
const WEIGHT_WORD = "分值";

interface Level1Spec {
  readonly name: string;
  readonly weight: number;
  readonly level2: readonly string[];
}

/** The 一级/二级 indicator frame of each weight scheme (annexes.md "Weight schemes differ"). */
export const SCHEMES: Readonly<Record<WeightScheme, readonly Level1Spec[]>> = {
  "40-20-10-20": [
    { name: "产出指标", weight: 40, level2: ["数量指标", "质量指标", "时效指标"] },
    { name: "效益指标", weight: 20, level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
    { name: "满意度指标", weight: 10, level2: ["服务对象满意度指标"] },
    { name: "成本指标", weight: 20, level2: ["经济成本指标", "社会成本指标", "生态环境成本指标"] },
  ],
  // The older frame: 成本 is a 二级指标 of 产出.
  "50-30-10": [
    { name: "产出指标", weight: 50, level2: ["数量指标", "质量指标", "时效指标", "成本指标"] },
    { name: "效益指标", weight: 30, level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
    { name: "满意度指标", weight: 10, level2: ["服务对象满意度指标"] },
  ],
};

/** Width of the 检查 column (characters): room for “一级指标分值合计 35，应为 40” on two lines. */
export const CHECK_WIDTH = 16;

const DEFAULT_QUALITATIVE = ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"];

export const TEMPLATE_DEFAULTS = {
  specialLines: 3,
  rowsPerLevel2: 2,
  buildingRows: 2,
  gradeBands: [90, 80, 60] as const,
};

export function buildTemplate(options: TemplateOptions): TemplateDescription {
  const names = options.sheetNames ?? DEFAULT_SHEET_NAMES;
  const annex2 = buildAnnex2(names.annex2, options);
  const annex3 = buildAnnex3(names.annex3, options);
  return {
    year: options.year,
    weights: options.weights,
    sheets: [annex2.sheet, annex3.sheet],
    slots: { annex2: annex2.slots, annex3: annex3.slots },
  };
}

const ref = (row: number, col: number): Ref => ({ row, col });

function count(value: number | undefined, fallback: number, max = 50): number {
  if (value === undefined || !Number.isInteger(value) || value < 0) return fallback;
  return Math.min(value, max);
}

// ----- 附件2 基础数据表: columns A (labels) to G -----

function buildAnnex2(name: string, options: TemplateOptions): { sheet: TemplateSheet; slots: TemplateSlots["annex2"] } {
  const y = options.year;
  const s = new SheetBuilder(name, 7);
  const B = 1, C = 2, D = 3;
  /** The 检查 column, right of the form (not printed). */
  const CHECK = 7;
  s.label(0, 0, "附件2", { bold: true });
  s.label(1, 0, `${y}年度部门（单位）整体支出绩效评价基础数据表`, { bold: true, align: "center" });
  s.merge(1, 0, 1, 7);
  s.height(1, 30);

  // 财政供养人员情况
  s.label(2, 0, "财政供养人员情况（人）", { bold: true });
  s.label(2, B, "编制数", { align: "center" });
  s.label(2, C, `${y}年实际在职人数`, { align: "center" });
  s.label(2, D, "控制率", { align: "center" });
  s.input(3, B, FORMAT.count);
  s.input(3, C, FORMAT.count);
  s.derived(3, D, rateOf(ref(3, C), ref(3, B)), FORMAT.rate);
  s.validate({ range: area(ref(3, B), ref(3, C)), kind: "whole", min: "0", error: MESSAGES.count });

  // 经费控制情况
  s.label(4, 0, "经费控制情况（万元）", { bold: true });
  s.label(4, B, `${y - 1}年决算数`, { align: "center" });
  s.label(4, C, `${y}年预算数`, { align: "center" });
  s.label(4, D, `${y}年决算数`, { align: "center" });

  let row = 5;
  const inputBlocks: [number, number][] = [];
  const inputRow = (label: string): FundsSlots => {
    s.label(row, 0, label);
    for (const col of [B, C, D]) s.input(row, col, FORMAT.amount);
    const last = inputBlocks[inputBlocks.length - 1];
    if (last && last[1] === row - 1) last[1] = row;
    else inputBlocks.push([row, row]);
    const slots = { priorFinal: ref(row, B), budget: ref(row, C), final: ref(row, D) };
    row++;
    return slots;
  };
  const derivedRow = (label: string, partRows: () => readonly (number | [number, number])[]): (() => void) => {
    const at = row;
    s.label(at, 0, label);
    row++;
    // The parts are laid out below, so the formula is written once they are known.
    return () => {
      const partsIn = (col: number) => partRows().map((p) => (typeof p === "number" ? a1(ref(p, col)) : area(ref(p[0], col), ref(p[1], col))));
      for (const col of [B, C, D]) s.derived(at, col, sumOf(partsIn(col)), FORMAT.amount);
      // Self-check: a total typed over its formula that no longer adds up (relative to column B).
      s.highlight(area(ref(at, B), ref(at, D)), totalDiffers(a1(ref(at, B)), partsIn(B)), "total");
      s.check(at, CHECK, checkCell([{ when: anyOf([B, C, D].map((col) => totalDiffers(a1(ref(at, col)), partsIn(col)))), note: NOTES.total }]));
    };
  };

  let vehicleRow = 0, abroadRow = 0, receptionRow = 0;
  const finishThree = derivedRow("三公经费", () => [vehicleRow, abroadRow, receptionRow]);
  vehicleRow = row;
  let purchaseRow = 0;
  const finishVehicle = derivedRow("   1、公务用车购置和维护经费", () => [[purchaseRow, purchaseRow + 1]]);
  purchaseRow = row;
  const vehiclePurchase = inputRow("       其中：公车购置");
  const vehicleRunning = inputRow("             公车运行维护");
  abroadRow = row;
  const abroad = inputRow("   2、出国经费");
  receptionRow = row;
  const reception = inputRow("   3、公务接待");
  finishVehicle();
  finishThree();

  const specialCount = count(options.specialLines, TEMPLATE_DEFAULTS.specialLines);
  let businessRow = 0, specialFirst = 0;
  const finishProject = derivedRow("项目支出：", () => [
    [businessRow, businessRow + 1],
    ...(specialCount > 0 ? [[specialFirst, specialFirst + specialCount - 1] as [number, number]] : []),
  ]);
  businessRow = row;
  const business = inputRow("    1、业务工作经费");
  const maintenance = inputRow("    2、运行维护经费");
  s.label(row, 0, "    3、市级专项资金（一个专项一行）");
  row++;
  specialFirst = row;
  const specialLines: { label: CellSlot; funds: FundsSlots }[] = [];
  for (let i = 1; i <= specialCount; i++) {
    const labelAt = ref(row, 0);
    const funds = inputRow(`       （${i}）专项名称`);
    // The 专项 name is typed over the placeholder, so it is an input, kept as text.
    s.input(labelAt.row, 0, FORMAT.text, { value: `       （${i}）专项名称`, wrap: true });
    specialLines.push({ label: labelAt, funds });
  }
  finishProject();

  const publicFunds = inputRow("公用经费");
  const office = inputRow("    其中：办公经费");
  const utilities = inputRow("          水费、电费、差旅费");
  const meetings = inputRow("          会议费、培训费");
  const procurement = inputRow("政府采购金额");
  const adjustment = inputRow("部门基本支出预算调整");
  for (const [top, bottom] of inputBlocks) {
    s.validate({ range: area(ref(top, B), ref(bottom, D)), kind: "custom", formula: amountRule(ref(top, B)), error: MESSAGES.amount });
  }

  // 楼堂馆所控制情况
  const buildingHeader = row;
  const headers = ["批复规模（㎡）", "实际规模（㎡）", "规模控制率", "预算投资（万元）", "实际投资（万元）", "投资概算控制率"];
  s.label(row, 0, `楼堂馆所控制情况（${y}年完工项目）`, { bold: true });
  headers.forEach((h, i) => s.label(buildingHeader, i + 1, h, { align: "center" }));
  row++;
  const buildings: TemplateSlots["annex2"]["buildings"][number][] = [];
  const buildingCount = count(options.buildingRows, TEMPLATE_DEFAULTS.buildingRows, 20);
  const firstBuilding = row;
  for (let i = 0; i < buildingCount; i++) {
    s.input(row, 0, FORMAT.text);
    s.input(row, 1, FORMAT.amount);
    s.input(row, 2, FORMAT.amount);
    s.derived(row, 3, rateOf(ref(row, 2), ref(row, 1)), FORMAT.rate);
    s.input(row, 4, FORMAT.amount);
    s.input(row, 5, FORMAT.amount);
    s.derived(row, 6, rateOf(ref(row, 5), ref(row, 4)), FORMAT.rate);
    buildings.push({ name: ref(row, 0), approvedScale: ref(row, 1), actualScale: ref(row, 2), budgetInvestment: ref(row, 4), actualInvestment: ref(row, 5) });
    row++;
  }
  if (buildingCount > 0) {
    const last = firstBuilding + buildingCount - 1;
    s.validate({ range: area(ref(firstBuilding, 1), ref(last, 2)), kind: "custom", formula: amountRule(ref(firstBuilding, 1)), error: MESSAGES.area });
    s.validate({ range: area(ref(firstBuilding, 4), ref(last, 5)), kind: "custom", formula: amountRule(ref(firstBuilding, 4)), error: MESSAGES.amount });
  }

  const savingRow = row;
  s.label(row, 0, "厉行节约保障措施", { bold: true });
  s.input(row, 1, FORMAT.text, { wrap: true });
  s.merge(row, 1, 1, 6);
  s.height(row, 48);
  row++;
  s.border(2, 0, savingRow, 6);
  s.label(row, 0, "说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。");
  s.merge(row, 0, 1, 7);
  s.height(row, 30);
  row++;
  s.label(row, 0, "填表人：　　　　　填报日期：　　　　　联系电话：　　　　　单位负责人签字：");
  s.merge(row, 0, 1, 7);

  s.checkColumn(CHECK);
  const sheet = s.build([34, 14, 20, 14, 18, 18, 16, CHECK_WIDTH], {
    orientation: "portrait",
    centerHorizontally: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75 },
  });
  return {
    sheet,
    slots: {
      establishment: ref(3, B), actualStaff: ref(3, C),
      vehiclePurchase, vehicleRunning, abroad, reception, business, maintenance, specialLines,
      publicFunds, office, utilities, meetings, procurement, adjustment, buildings,
      savingMeasures: ref(savingRow, 1),
    },
  };
}

// ----- 附件3 整体支出绩效自评表: columns A to I -----

function buildAnnex3(name: string, options: TemplateOptions): { sheet: TemplateSheet; slots: TemplateSlots["annex3"] } {
  const y = options.year;
  const s = new SheetBuilder(name, 9);
  const [A, B, C, D, E, F, G, H, I] = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
  /** The 检查 column, right of the form (not printed). */
  const CHECK = 9;
  s.label(0, A, "附件3", { bold: true });
  s.label(1, A, `${y}年度部门（单位）整体支出绩效自评表`, { bold: true, align: "center" });
  s.merge(1, A, 1, 9);
  s.height(1, 30);

  s.label(2, A, "市级预算部门（单位）名称");
  s.merge(2, A, 1, 3);
  s.input(2, D, FORMAT.text);
  s.merge(2, D, 1, 6);

  // Funds block: rows 4-10 (0-based 3-9).
  s.label(3, A, "年度预算申请（万元）", { align: "center" });
  s.merge(3, A, 7, 1);
  s.merge(3, B, 1, 2);
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => s.label(3, D + i, h, { align: "center" }));
  s.label(4, B, "年度资金总额");
  s.merge(4, B, 1, 2);
  for (const col of [D, E, F]) s.input(4, col, FORMAT.amount);
  s.input(4, G, FORMAT.score, { value: EXECUTION_WEIGHT });
  s.derived(4, H, rateOf(ref(4, F), ref(4, E)), FORMAT.rate);
  s.derived(4, I, executionScore(ref(4, H), ref(4, G)), FORMAT.score);
  s.validate({ range: area(ref(4, D), ref(4, F)), kind: "custom", formula: amountRule(ref(4, D)), error: MESSAGES.amount });
  s.validate({ range: a1(ref(4, G)), kind: "decimal", min: "0", max: "100", error: MESSAGES.weight });
  // Self-check: the 执行率得分 typed over its formula above the row's 分值 (“10 分的执行率得分填成 98”).
  const executionAbove = scoreAboveWeight(a1(ref(4, I)), a1(ref(4, G)));
  s.highlight(a1(ref(4, I)), executionAbove, "score-above-weight");
  s.check(4, CHECK, checkCell([{ when: executionAbove, note: NOTES.scoreAbove(WEIGHT_WORD) }]));

  // Breakdown: a label (B:C) with its figure in D on the left; a label (F:G) with its figure in H:I on the right.
  const incomeLabels = ["按收入性质分：", "其中：一般公共预算：", "政府性基金拨款：", "纳入专户管理的非税收入拨款：", "其他资金："];
  incomeLabels.forEach((text, i) => {
    s.label(5 + i, B, text);
    s.merge(5 + i, B, 1, 2);
    if (i > 0) s.input(5 + i, D, FORMAT.amount);
  });
  s.derived(5, D, sumOf([area(ref(6, D), ref(9, D))]), FORMAT.amount);
  s.validate({ range: area(ref(6, D), ref(9, D)), kind: "custom", formula: amountRule(ref(6, D)), error: MESSAGES.amount });
  const expenseLabels = ["按支出性质分：", "其中：基本支出：", "项目支出："];
  expenseLabels.forEach((text, i) => {
    s.label(5 + i, F, text);
    s.merge(5 + i, F, 1, 2);
    s.merge(5 + i, H, 1, 2);
    if (i > 0) s.input(5 + i, H, FORMAT.amount);
  });
  s.derived(5, H, sumOf([area(ref(6, H), ref(7, H))]), FORMAT.amount);
  s.validate({ range: area(ref(6, H), ref(7, H)), kind: "custom", formula: amountRule(ref(6, H)), error: MESSAGES.amount });
  // Self-check: either breakdown total typed over its formula and no longer adding up.
  const breakdowns = [
    totalDiffers(a1(ref(5, D)), [area(ref(6, D), ref(9, D))]),
    totalDiffers(a1(ref(5, H)), [area(ref(6, H), ref(7, H))]),
  ];
  s.highlight(a1(ref(5, D)), breakdowns[0]!, "total");
  s.highlight(a1(ref(5, H)), breakdowns[1]!, "total");
  s.check(5, CHECK, checkCell([{ when: anyOf(breakdowns), note: NOTES.total }]));

  // 年度总体目标
  s.label(10, A, "年度总体目标", { align: "center" });
  s.merge(10, A, 2, 1);
  s.label(10, B, "预期目标", { align: "center" });
  s.merge(10, B, 1, 4);
  s.label(10, F, "实际完成情况", { align: "center" });
  s.merge(10, F, 1, 4);
  s.input(11, B, FORMAT.text, { wrap: true });
  s.merge(11, B, 1, 4);
  s.input(11, F, FORMAT.text, { wrap: true });
  s.merge(11, F, 1, 4);
  s.height(11, 90);

  // Indicator table
  const headerRow = 12;
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    .forEach((h, i) => s.label(headerRow, B + i, h, { align: "center", bold: true }));
  let row = headerRow + 1;
  const qualitative = new Set(options.qualitativeLevel2 ?? DEFAULT_QUALITATIVE);
  const perLevel2 = count(options.rowsPerLevel2, TEMPLATE_DEFAULTS.rowsPerLevel2, 30);
  const groups: TemplateSlots["annex3"]["groups"][number][] = [];
  /** The 一级 check of each group, shown in the 检查 cell of its first row. */
  const groupChecks = new Map<number, { when: string; note: string }>();
  for (const level1 of SCHEMES[options.weights]) {
    const groupTop = row;
    const level2Slots: { name: string; rows: IndicatorSlots[] }[] = [];
    for (const level2 of level1.level2) {
      const rows = Math.max(1, count(options.rowsByLevel2?.[level2], perLevel2, 30));
      const top = row;
      const isQualitative = qualitative.has(level2);
      const slots: IndicatorSlots[] = [];
      s.label(top, C, level2, { align: "center" });
      s.merge(top, C, rows, 1);
      for (let i = 0; i < rows; i++) {
        for (const col of [D, E, F, I]) s.input(row, col, FORMAT.text, { wrap: true });
        s.input(row, G, FORMAT.score);
        s.input(row, H, FORMAT.score);
        slots.push({
          level3: ref(row, D), target: ref(row, E), actual: ref(row, F), weight: ref(row, G), score: ref(row, H), reason: ref(row, I),
          qualitative: isQualitative,
        });
        row++;
      }
      if (isQualitative) {
        s.validate({ range: area(ref(top, F), ref(row - 1, F)), kind: "list", items: QUALITATIVE_PHRASES, error: MESSAGES.qualitative });
      }
      level2Slots.push({ name: level2, rows: slots });
    }
    // The 一级 label carries its weight, as the published forms do; a3.level1-weight checks it,
    // and so does the template itself once a 分值 under it is typed.
    const label = a1(ref(groupTop, B));
    const groupWeights = [area(ref(groupTop, G), ref(row - 1, G))];
    s.label(groupTop, B, `${level1.name}\n（${level1.weight}分）`, { align: "center" });
    s.merge(groupTop, B, row - groupTop, 1);
    s.highlight(label, level1WeightDiffers(label, groupWeights), "level1-weight");
    groupChecks.set(groupTop, { when: level1WeightDiffers(label, groupWeights), note: NOTES.level1(WEIGHT_WORD, label, groupWeights) });
    groups.push({ level1: level1.name, weight: level1.weight, level2: level2Slots });
  }
  const firstIndicator = headerRow + 1;
  const lastIndicator = row - 1;
  s.label(headerRow, A, "绩效指标", { align: "center" });
  s.merge(headerRow, A, lastIndicator - headerRow + 1, 1);
  s.validate({ range: area(ref(firstIndicator, G), ref(lastIndicator, G)), kind: "decimal", min: "0", max: "100", error: MESSAGES.weight });
  s.validate({
    range: area(ref(firstIndicator, H), ref(lastIndicator, H)), kind: "custom",
    formula: scoreRule(ref(firstIndicator, H), ref(firstIndicator, G)), error: MESSAGES.score,
  });
  // Self-check: 得分 above 分值 on any row (data validation stops typing it, not pasting it).
  s.highlight(area(ref(firstIndicator, H), ref(lastIndicator, H)), scoreAboveWeight(a1(ref(firstIndicator, H)), a1(ref(firstIndicator, G))), "score-above-weight");
  for (let r = firstIndicator; r <= lastIndicator; r++) {
    const group = groupChecks.get(r);
    s.check(r, CHECK, checkCell([
      { when: scoreAboveWeight(a1(ref(r, H)), a1(ref(r, G))), note: NOTES.scoreAbove(WEIGHT_WORD) },
      ...(group ? [group] : []),
    ]));
  }

  // 总分 and 等级
  const totalRow = row;
  const weights = area(ref(firstIndicator, G), ref(lastIndicator, G));
  const scores = area(ref(firstIndicator, H), ref(lastIndicator, H));
  s.label(totalRow, A, "总分", { align: "center", bold: true });
  s.merge(totalRow, A, 1, 6);
  s.derived(totalRow, G, sumWhenAny([weights], [a1(ref(4, G)), weights]), FORMAT.score, { bold: true });
  s.derived(totalRow, H, sumWhenAny([a1(ref(4, I)), scores], [a1(ref(4, I)), scores]), FORMAT.score, { bold: true });
  // Self-check: the 分值 add up to 100 once one is typed; neither total typed over its formula.
  const allWeights = [a1(ref(4, G)), weights];
  const not100 = weightsNot100([weights], allWeights);
  const totalsDiffer = [
    totalDiffers(a1(ref(totalRow, G)), [weights], allWeights),
    totalDiffers(a1(ref(totalRow, H)), [a1(ref(4, I)), scores]),
  ];
  s.highlight(a1(ref(totalRow, G)), not100, "weights-total");
  s.highlight(a1(ref(totalRow, G)), totalsDiffer[0]!, "total");
  s.highlight(a1(ref(totalRow, H)), totalsDiffer[1]!, "total");
  s.check(totalRow, CHECK, checkCell([
    { when: not100, note: NOTES.weightsTotal(WEIGHT_WORD, allWeights) },
    { when: anyOf(totalsDiffer), note: NOTES.total },
  ]));
  const gradeRow = totalRow + 1;
  s.label(gradeRow, A, "自评等级", { align: "center" });
  s.merge(gradeRow, A, 1, 6);
  s.derived(gradeRow, G, gradeOf(ref(totalRow, H), options.gradeBands ?? TEMPLATE_DEFAULTS.gradeBands), "General", { align: "center", bold: true });
  s.merge(gradeRow, G, 1, 3);
  s.border(2, A, gradeRow, I);
  s.label(gradeRow + 1, A, "填表人：　　　　　填报日期：　　　　　联系电话：　　　　　单位负责人签字：");
  s.merge(gradeRow + 1, A, 1, 9);

  s.checkColumn(CHECK);
  const sheet = s.build([8, 14, 14, 26, 28, 24, 8, 10, 30, CHECK_WIDTH], {
    orientation: "landscape",
    centerHorizontally: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 },
  });
  return {
    sheet,
    slots: {
      unitName: ref(2, D), initialBudget: ref(4, D), budget: ref(4, E), executed: ref(4, F), executionWeight: ref(4, G),
      general: ref(6, D), fund: ref(7, D), specialAccount: ref(8, D), other: ref(9, D),
      basic: ref(6, H), project: ref(7, H),
      goalExpected: ref(11, B), goalActual: ref(11, F),
      groups,
      totalWeight: ref(totalRow, G), totalScore: ref(totalRow, H), grade: ref(gradeRow, G),
    },
  };
}

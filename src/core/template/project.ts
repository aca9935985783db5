/**
 * The blank template of a project form (财政部, 四川, 湖北 …), laid out from its profile's template
 * spec: the title and year, 项目名称 / 主管部门 / 实施单位, the funds block with its 其中 rows, the
 * goals, the indicator table with one 一级 group per dimension of the form's weight scheme (two
 * rows under each 二级), the closing row and the form's notes. The same formulas as the 湖南
 * template: the total row's amounts add up the 其中 rows, 执行率 and 执行率得分 are computed, the
 * 总分 row adds the 分值 and the 得分, the 等级 follows the form's bands. The checker recognizes
 * the filled template by the same labels it looks for in a unit's own table.
 */
import type { FormProfile } from "../profiles/profile";
import { amountRule, area, a1, executionScore, gradeOf, rateOf, scoreRule, sumOf, sumWhenAny, type Ref } from "./formulas";
import type { CellSlot, IndicatorSlots, TemplateSheet } from "./model";
import { FORMAT, MESSAGES, SheetBuilder } from "./sheet-builder";
import { CHECK_WIDTH, QUALITATIVE_PHRASES } from "./build";
import { anyOf, checkCell, level1WeightDiffers, NOTES, scoreAboveWeight, totalDiffers, weightsNot100 } from "./checks";

export interface ProjectIndicatorSlots extends IndicatorSlots {
  /** 指标性质 / 度量单位 where the form has them (四川). */
  readonly nature: CellSlot | null;
  readonly unit: CellSlot | null;
}

export interface ProjectTemplateSlots {
  readonly project: CellSlot;
  readonly department: CellSlot;
  readonly implementer: CellSlot;
  readonly funds: {
    readonly initialBudget: CellSlot | null;
    readonly budget: CellSlot;
    readonly executed: CellSlot;
    /** The 执行率 row's 分值, null when the form writes it in the heading (湖北). */
    readonly weight: CellSlot | null;
    readonly rate: CellSlot;
    readonly score: CellSlot;
  };
  readonly parts: readonly { readonly label: string; readonly initialBudget: CellSlot | null; readonly budget: CellSlot; readonly executed: CellSlot }[];
  readonly goalExpected: CellSlot;
  readonly goalActual: CellSlot;
  readonly groups: readonly {
    readonly level1: string;
    readonly weight: number;
    readonly level2: readonly { readonly name: string; readonly rows: readonly ProjectIndicatorSlots[] }[];
  }[];
  readonly totalWeight: CellSlot;
  readonly totalScore: CellSlot;
  readonly grade: CellSlot;
}

export interface ProjectTemplateDescription {
  readonly year: number;
  readonly profile: string;
  readonly sheets: readonly [TemplateSheet];
  readonly slots: ProjectTemplateSlots;
}

export interface ProjectTemplateOptions {
  readonly year: number;
  /** Indicator rows under each 二级指标. Default 2. */
  readonly rowsPerLevel2?: number;
  readonly sheetName?: string;
}

/** What each funds column header is, by its text (the template spec lists them in the form's words). */
function fundsRole(header: string): "initialBudget" | "budget" | "executed" | "weight" | "rate" | "score" | "reason" {
  if (/^年初/.test(header)) return "initialBudget";
  if (/执行率/.test(header) && !/得分/.test(header)) return "rate";
  if (/得分/.test(header)) return "score";
  if (/执行数/.test(header)) return "executed";
  if (/预算/.test(header)) return "budget";
  if (/分值|权重/.test(header)) return "weight";
  return "reason";
}

/** What each indicator column header is. */
function indicatorRole(header: string): "level1" | "level2" | "level3" | "target" | "actual" | "weight" | "score" | "reason" | "nature" | "unit" {
  if (/^一级/.test(header)) return "level1";
  if (/^二级/.test(header)) return "level2";
  if (/^三级/.test(header)) return "level3";
  if (/性质/.test(header)) return "nature";
  if (/单位/.test(header)) return "unit";
  if (/指标值|目标值/.test(header)) return "target";
  if (/完成值|实际值/.test(header)) return "actual";
  if (/分值|权重/.test(header)) return "weight";
  if (/得分/.test(header)) return "score";
  return "reason";
}

const KEYS_IN_ORDER = ["output", "effect", "satisfaction", "cost", "process"] as const;

export function buildProjectTemplate(profile: FormProfile, options: ProjectTemplateOptions): ProjectTemplateDescription {
  const spec = profile.template;
  if (spec.kind !== "project-table") throw new Error(`profile ${profile.id} has no project-table template`);
  const rowsPerLevel2 = options.rowsPerLevel2 ?? 2;
  const indicatorCols = spec.indicatorColumns.map(indicatorRole);
  // Column 0 holds the block captions; the indicator columns follow it.
  const width = Math.max(1 + spec.indicatorColumns.length, 2 + spec.fundsColumns.length);
  const last = width - 1;
  /** The 检查 column, right of the form (not printed). */
  const checkCol = width;
  /** The form's word for a weight (分值, 四川 权重), in the self-check notes. */
  const weightWord = spec.indicatorColumns.find((h) => indicatorRole(h) === "weight")?.replace(/[（(].*$/, "") ?? "分值";
  const half = Math.floor(width / 2);
  const s = new SheetBuilder(options.sheetName ?? spec.title, width);
  let row = 0;

  s.label(row, 0, spec.title, { bold: true, align: "center" });
  s.merge(row, 0, 1, width);
  s.height(row, 28);
  row++;
  s.label(row, 0, `（${options.year}年度）`, { align: "center" });
  s.merge(row, 0, 1, width);
  row++;
  const field = (r: number, c: number, span: number): CellSlot => {
    s.input(r, c, FORMAT.text);
    s.merge(r, c, 1, span);
    return { row: r, col: c };
  };
  s.label(row, 0, spec.fields[0] ?? "项目名称", { bold: true });
  const project = field(row, 1, width - 1);
  row++;
  s.label(row, 0, spec.fields[1] ?? "主管部门", { bold: true });
  const department = field(row, 1, half - 1);
  s.label(row, half, spec.fields[2] ?? "实施单位", { bold: true });
  const implementer = field(row, half + 1, width - half - 1);
  row++;

  // The funds block.
  const fundsTop = row;
  const roles = spec.fundsColumns.map(fundsRole);
  const colOf = (role: ReturnType<typeof fundsRole>): number | null => {
    const i = roles.indexOf(role);
    return i < 0 ? null : 2 + i;
  };
  const blockRows = 2 + spec.fundsParts.length;
  s.label(row, 0, spec.fundsCaption, { bold: true, align: "center" });
  s.merge(row, 0, blockRows, 1);
  spec.fundsColumns.forEach((header, i) => s.label(row, 2 + i, header, { bold: true, align: "center" }));
  row++;
  const totalRow = row;
  s.label(totalRow, 1, spec.fundsTotalRow, { bold: true });
  const partRows = spec.fundsParts.map((_label, i) => totalRow + 1 + i);
  spec.fundsParts.forEach((label, i) => s.label(partRows[i]!, 1, label));
  /** Self-checks of the total row: a total typed over its formula that no longer adds up. */
  const fundsTotalsDiffer: string[] = [];
  const amountSlots = (role: "initialBudget" | "budget" | "executed") => {
    const col = colOf(role);
    if (col === null) return { total: null, parts: partRows.map(() => null) };
    if (partRows.length === 0) {
      s.input(totalRow, col, FORMAT.amount);
      return { total: { row: totalRow, col }, parts: [] as (CellSlot | null)[] };
    }
    // The total row adds up its 其中 rows: it can no longer be left at 0 beside them.
    const parts = partRows.map((r) => ({ row: r, col }));
    parts.forEach((p) => s.input(p.row, p.col, FORMAT.amount));
    const partsArea = area(parts[0]!, parts[parts.length - 1]!);
    s.derived(totalRow, col, sumOf([partsArea]), FORMAT.amount);
    const differs = totalDiffers(a1({ row: totalRow, col }), [partsArea]);
    s.highlight(a1({ row: totalRow, col }), differs, "total");
    fundsTotalsDiffer.push(differs);
    return { total: { row: totalRow, col }, parts };
  };
  const initial = amountSlots("initialBudget");
  const budget = amountSlots("budget");
  const executed = amountSlots("executed");
  const amountCols = [colOf("initialBudget"), colOf("budget"), colOf("executed")].filter((c): c is number => c !== null);
  s.validate({
    range: area({ row: partRows.length ? partRows[0]! : totalRow, col: Math.min(...amountCols) }, { row: partRows.length ? partRows[partRows.length - 1]! : totalRow, col: Math.max(...amountCols) }),
    kind: "custom",
    formula: amountRule({ row: partRows.length ? partRows[0]! : totalRow, col: Math.min(...amountCols) }),
    error: MESSAGES.amount,
  });
  const weightCol = colOf("weight");
  const fixedWeight = profile.execution.weight ?? 10;
  let weightSlot: CellSlot | null = null;
  if (weightCol !== null) {
    weightSlot = { row: totalRow, col: weightCol };
    s.input(totalRow, weightCol, FORMAT.score, { value: fixedWeight });
  }
  const rateCol = colOf("rate")!;
  const scoreCol = colOf("score")!;
  const rateSlot = { row: totalRow, col: rateCol };
  const scoreSlot = { row: totalRow, col: scoreCol };
  s.derived(totalRow, rateCol, rateOf(executed.total!, budget.total!), FORMAT.rate);
  s.derived(totalRow, scoreCol, weightSlot ? executionScore(rateSlot, weightSlot) : executionScoreFixed(rateSlot, fixedWeight), FORMAT.score);
  // Self-check: the 执行率得分 typed over its formula above the row's 分值 (湖北: the 20 of its heading).
  const executionAbove = scoreAboveWeight(a1(scoreSlot), weightSlot ? a1(weightSlot) : String(fixedWeight));
  s.highlight(a1(scoreSlot), executionAbove, "score-above-weight");
  s.check(totalRow, checkCol, checkCell([
    ...(fundsTotalsDiffer.length > 0 ? [{ when: anyOf(fundsTotalsDiffer), note: NOTES.total }] : []),
    { when: executionAbove, note: NOTES.scoreAbove(weightWord) },
  ]));
  for (const r of partRows) {
    for (const c of [weightCol, rateCol, scoreCol]) if (c !== null) s.label(r, c, "—", { align: "center" });
  }
  const reasonCol = colOf("reason");
  if (reasonCol !== null) {
    s.input(totalRow, reasonCol, FORMAT.text, { wrap: true });
    s.merge(totalRow, reasonCol, 1 + partRows.length, 1);
  }
  s.border(fundsTop, 0, totalRow + partRows.length, last);
  row = totalRow + partRows.length + 1;

  // The goals.
  s.label(row, 0, "年度总体目标", { bold: true, align: "center" });
  s.merge(row, 0, 2, 1);
  s.label(row, 1, spec.goalHeadings[0], { bold: true, align: "center" });
  s.merge(row, 1, 1, half - 1);
  s.label(row, half, spec.goalHeadings[1], { bold: true, align: "center" });
  s.merge(row, half, 1, width - half);
  row++;
  s.input(row, 1, FORMAT.text, { wrap: true });
  s.merge(row, 1, 1, half - 1);
  s.input(row, half, FORMAT.text, { wrap: true });
  s.merge(row, half, 1, width - half);
  s.height(row, 60);
  const goalExpected = { row, col: 1 };
  const goalActual = { row, col: half };
  s.border(row - 1, 0, row, last);
  row++;

  // The indicator table.
  const headerRow = row;
  const colFor = (role: ReturnType<typeof indicatorRole>): number | null => {
    const i = indicatorCols.indexOf(role);
    return i < 0 ? null : 1 + i;
  };
  spec.indicatorColumns.forEach((header, i) => s.label(headerRow, 1 + i, header, { bold: true, align: "center" }));
  row++;
  const scheme = profile.weightSchemes[0]!;
  const dims = KEYS_IN_ORDER.filter((k) => scheme.dimensions[k] !== undefined && (spec.level2[k]?.length ?? 0) > 0);
  const groups: ProjectTemplateSlots["groups"][number][] = [];
  const weightCells: Ref[] = [];
  const scoreCells: Ref[] = [];
  const level1Col = colFor("level1")!;
  const level2Col = colFor("level2")!;
  /** Each indicator row's self-check, shown in its 检查 cell; the 一级 check on the group's first row. */
  const rowChecks: { row: number; cases: { when: string; note: string }[] }[] = [];
  for (const key of dims) {
    const dimension = profile.dimensions.find((d) => d.key === key)!;
    const weight = scheme.dimensions[key]!;
    const groupTop = row;
    const level2: { name: string; rows: ProjectIndicatorSlots[] }[] = [];
    for (const name of spec.level2[key]!) {
      const top = row;
      const slots: ProjectIndicatorSlots[] = [];
      const qualitative = !profile.quantitativeLevel2.test(name) && !profile.satisfaction.test(name);
      for (let k = 0; k < rowsPerLevel2; k++, row++) {
        const slot = (role: ReturnType<typeof indicatorRole>, format: string): CellSlot | null => {
          const col = colFor(role);
          if (col === null) return null;
          s.input(row, col, format, { wrap: true });
          return { row, col };
        };
        const weightSlotRow = slot("weight", FORMAT.score);
        const scoreSlotRow = slot("score", FORMAT.score);
        if (weightSlotRow) weightCells.push(weightSlotRow);
        if (scoreSlotRow) scoreCells.push(scoreSlotRow);
        if (weightSlotRow && scoreSlotRow) {
          s.validate({ range: a1(scoreSlotRow), kind: "custom", formula: scoreRule(scoreSlotRow, weightSlotRow), error: MESSAGES.score });
          rowChecks.push({ row, cases: [{ when: scoreAboveWeight(a1(scoreSlotRow), a1(weightSlotRow)), note: NOTES.scoreAbove(weightWord) }] });
        }
        const actual = slot("actual", FORMAT.text)!;
        if (qualitative) s.validate({ range: a1(actual), kind: "list", items: QUALITATIVE_PHRASES, error: MESSAGES.qualitative });
        slots.push({
          level3: slot("level3", FORMAT.text)!,
          target: slot("target", FORMAT.text)!,
          actual,
          weight: weightSlotRow ?? { row, col: -1 },
          score: scoreSlotRow!,
          reason: slot("reason", FORMAT.text) ?? { row, col: -1 },
          nature: slot("nature", FORMAT.text),
          unit: slot("unit", FORMAT.text),
          qualitative,
        });
      }
      s.label(top, level2Col, name, { align: "center" });
      s.merge(top, level2Col, rowsPerLevel2, 1);
      level2.push({ name, rows: slots });
    }
    const label = profile.weightsWrittenIn === "level1-label" ? `${dimension.name.zh}（${weight}分）` : dimension.name.zh;
    s.label(groupTop, level1Col, label, { align: "center", bold: true });
    s.merge(groupTop, level1Col, row - groupTop, 1);
    const groupWeightCol = colFor("weight");
    if (profile.weightsWrittenIn === "level1-label" && groupWeightCol !== null) {
      // Self-check: the 分值 under the group add up to the points in its label.
      const labelRef = a1({ row: groupTop, col: level1Col });
      const groupWeights = [area({ row: groupTop, col: groupWeightCol }, { row: row - 1, col: groupWeightCol })];
      s.highlight(labelRef, level1WeightDiffers(labelRef, groupWeights), "level1-weight");
      rowChecks.find((c) => c.row === groupTop)?.cases.push({ when: level1WeightDiffers(labelRef, groupWeights), note: NOTES.level1(weightWord, labelRef, groupWeights) });
    }
    groups.push({ level1: label, weight, level2 });
  }
  s.label(headerRow, 0, "绩效指标", { bold: true, align: "center" });
  s.merge(headerRow, 0, row - headerRow, 1);
  for (const { row: r, cases } of rowChecks) s.check(r, checkCol, checkCell(cases));
  const indicatorWeightCol = colFor("weight");
  const scoreColumn = colFor("score");
  if (indicatorWeightCol !== null && scoreColumn !== null && row > headerRow + 1) {
    // Self-check: 得分 above 分值 on any row (data validation stops typing it, not pasting it).
    const first = { row: headerRow + 1, col: scoreColumn };
    s.highlight(area(first, { row: row - 1, col: scoreColumn }), scoreAboveWeight(a1(first), a1({ row: headerRow + 1, col: indicatorWeightCol })), "score-above-weight");
  }

  // The closing row and the grade.
  const totalWeightCol = colFor("weight") ?? colFor("score")! - 1;
  const totalScoreCol = colFor("score")!;
  s.label(row, 0, spec.totalLabel, { bold: true, align: "center" });
  s.merge(row, 0, 1, Math.min(totalWeightCol, totalScoreCol));
  const totalWeight = { row, col: totalWeightCol };
  const totalScore = { row, col: totalScoreCol };
  // The 执行率 row's 分值: its cell, or the form's fixed points (湖北 20) when the heading carries them.
  const execWeightRef = weightSlot ? [a1(weightSlot)] : [String(fixedWeight)];
  const totalChecks: { when: string; note: string }[] = [];
  const totalsDiffer: string[] = [];
  if (colFor("weight") !== null) {
    // Blank until a 分值 is typed: the preset 执行率 分值 alone is not a total.
    s.derived(row, totalWeightCol, sumWhenAny(weightCells.map(a1), [...execWeightRef, ...weightCells.map(a1)]), FORMAT.score);
    // Self-check: the 分值 add up to 100 once one is typed; the total not typed over.
    const allWeights = [...execWeightRef, ...compact(weightCells)];
    const not100 = weightsNot100(compact(weightCells), allWeights);
    s.highlight(a1(totalWeight), not100, "weights-total");
    totalChecks.push({ when: not100, note: NOTES.weightsTotal(weightWord, allWeights) });
    totalsDiffer.push(totalDiffers(a1(totalWeight), compact(weightCells), allWeights));
    s.highlight(a1(totalWeight), totalsDiffer[0]!, "total");
  }
  s.derived(row, totalScoreCol, sumWhenAny(scoreCells.map(a1), [a1(scoreSlot), ...scoreCells.map(a1)]), FORMAT.score);
  const scoreDiffers = totalDiffers(a1(totalScore), compact(scoreCells), [a1(scoreSlot), ...compact(scoreCells)]);
  s.highlight(a1(totalScore), scoreDiffers, "total");
  totalsDiffer.push(scoreDiffers);
  totalChecks.push({ when: anyOf(totalsDiffer), note: NOTES.total });
  s.check(row, checkCol, checkCell(totalChecks));
  s.border(headerRow, 0, row, last);
  row++;
  s.label(row, 0, "自评等级", { bold: true, align: "center" });
  s.merge(row, 0, 1, Math.min(totalWeightCol, totalScoreCol));
  const grade = { row, col: totalScoreCol };
  s.derived(row, totalScoreCol, gradeOf(totalScore, profile.gradeBands), FORMAT.text, { align: "center" });
  row++;
  for (const note of spec.notes) {
    s.label(row, 0, note, { wrap: true });
    s.merge(row, 0, 1, width);
    s.height(row, 32);
    row++;
  }

  s.checkColumn(checkCol);
  const widths = [10, 12, 14, 22, ...Array.from({ length: Math.max(0, width - 4) }, () => 13)];
  const sheet = s.build([...widths.slice(0, width), CHECK_WIDTH], {
    orientation: "landscape",
    centerHorizontally: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 },
  });
  return {
    year: options.year,
    profile: profile.id,
    sheets: [sheet],
    slots: {
      project, department, implementer,
      funds: { initialBudget: initial.total, budget: budget.total!, executed: executed.total!, weight: weightSlot, rate: rateSlot, score: scoreSlot },
      parts: spec.fundsParts.map((label, i) => ({ label, initialBudget: initial.parts[i] ?? null, budget: budget.parts[i]!, executed: executed.parts[i]! })),
      goalExpected, goalActual, groups, totalWeight, totalScore, grade,
    },
  };
}

/**
 * Cells as short references for the self-checks: one range when they are one column's
 * consecutive rows (the 分值 and 得分 of the indicator rows), else each cell. Conditional-format
 * formulas are kept short (the tests hold them to 255 characters, as Excel does for validations).
 */
function compact(cells: readonly Ref[]): string[] {
  const consecutive = cells.length > 1 && cells.every((c, i) => c.col === cells[0]!.col && c.row === cells[0]!.row + i);
  return consecutive ? [area(cells[0]!, cells[cells.length - 1]!)] : cells.map(a1);
}

/** 执行率得分 on a weight the form writes in the heading (湖北: 20 × 执行率). */
function executionScoreFixed(rate: Ref, weight: number): string {
  const r = a1(rate);
  return `=IF(${r}="","",ROUND(MIN(${r},1)*${weight},2))`;
}

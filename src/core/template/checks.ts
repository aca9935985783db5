/**
 * The template's self-checks, as Excel formula text: conditions that are TRUE when something on
 * the form does not add up, and the notes a check cell shows. They work in any spreadsheet
 * program, without the add-in (docs/template.md, 自检).
 *
 * Every condition is FALSE on a blank template and on a correctly filled one, and never errs on
 * blank or text input: IF, not AND, wherever an argument could be text (Excel evaluates every
 * argument of AND, and ROUND("——") is #VALUE!). Totals are compared to the cent: the template's
 * amounts have at most two decimals (data validation), so a total that differs by 0.01 is wrong.
 * The checker itself allows rounding tolerances, for tables typed by hand elsewhere.
 *
 * Conditions come without "=", so they can be combined; `highlightFormula` makes one a
 * conditional-format formula. Notes avoid the labels the checker looks for (项目支出, 产出, 说明…),
 * so a check cell showing one never changes how the table is read.
 */

/** Excel's own "light red fill with dark red text". */
export const CHECK_STYLE = { fill: "#FFC7CE", fontColor: "#9C0006" } as const;

/** The header of the 检查 column. */
export const CHECK_HEADER = "检查";

/** An Excel string literal. */
export function text(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** A condition as a conditional-format formula. */
export function highlightFormula(condition: string): string {
  return `=${condition}`;
}

/** Any of the conditions (OR evaluates every argument; none of these conditions errs). */
export function anyOf(conditions: readonly string[]): string {
  return conditions.length === 1 ? conditions[0]! : `OR(${conditions.join(",")})`;
}

/**
 * A total typed over its formula that differs from the sum of its parts (to the cent), or holds
 * text while a part holds a number. FALSE while none of `counted` holds a number: the total's
 * formula shows a blank then, and a blank total is not wrong. `summed` defaults to `counted`
 * (the 总分 分值 counts the indicator 分值 but also adds the execution row's).
 */
export function totalDiffers(total: string, counted: readonly string[], summed: readonly string[] = counted): string {
  return `IF(COUNT(${counted.join(",")})=0,FALSE,IF(ISNUMBER(${total}),ROUND(${total},2)<>ROUND(SUM(${summed.join(",")}),2),${total}<>""))`;
}

/** A 得分 above the 分值 beside it; `weight` is a cell, or the fixed points of a form (湖北 20). */
export function scoreAboveWeight(score: string, weight: string): string {
  if (/^\d+(?:\.\d+)?$/.test(weight)) return `IF(ISNUMBER(${score}),${score}>${weight},FALSE)`;
  return `IF(ISNUMBER(${score}),IF(ISNUMBER(${weight}),${score}>${weight},FALSE),FALSE)`;
}

/** The sum of some weights as the form shows it (2 places), for a note. */
export function sumText(summed: readonly string[]): string {
  return `ROUND(SUM(${summed.join(",")}),2)`;
}

/** Once one of `counted` holds a number: the weights in `summed` do not add up to 100. */
export function weightsNot100(counted: readonly string[], summed: readonly string[]): string {
  return `IF(COUNT(${counted.join(",")})=0,FALSE,${sumText(summed)}<>100)`;
}

/**
 * The points written in a 一级 label as the template writes it ("产出指标（40分）", "产出指标\n（40分）"):
 * the number between "（" and "分）". An error when the label has none (retyped, half-width "(40分)").
 */
export function labelPoints(label: string): string {
  return `--MID(${label},FIND("（",${label})+1,FIND("分）",${label})-FIND("（",${label})-1)`;
}

/**
 * Once a 分值 under a 一级指标 is typed: they do not add up to the points in its label. No check
 * when the label carries no points (the checker's a3.level1-weight does the same).
 */
export function level1WeightDiffers(label: string, weights: readonly string[]): string {
  return `IF(COUNT(${weights.join(",")})=0,FALSE,IFERROR(${sumText(weights)}<>${labelPoints(label)},FALSE))`;
}

/** A check cell's formula: the note of the first case that holds, else a blank; never an error. */
export function checkCell(cases: readonly { readonly when: string; readonly note: string }[]): string {
  const chain = cases.reduceRight((rest, c) => `IF(${c.when},${c.note},${rest})`, '""');
  return `=IFERROR(${chain},"")`;
}

/** The notes, in the form's words. `weightWord` is the form's own: 分值, or 权重 (四川). */
export const NOTES = {
  total: text("合计与明细不符"),
  scoreAbove: (weightWord: string) => text(`得分超过${weightWord}`),
  weightsTotal: (weightWord: string, summed: readonly string[]) => `${text(`${weightWord}合计 `)}&${sumText(summed)}&${text("，应为 100")}`,
  level1: (weightWord: string, label: string, weights: readonly string[]) =>
    `${text(`一级指标${weightWord}合计 `)}&${sumText(weights)}&${text("，应为 ")}&${labelPoints(label)}`,
} as const;

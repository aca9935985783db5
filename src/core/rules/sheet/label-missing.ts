import { defineRule } from "../rule";
import type { CellAddress } from "../../grid/address";

interface Absence {
  readonly missing: boolean;
  readonly label: string;
  readonly rules: readonly string[];
  readonly at: CellAddress;
}

/** An annex was found but a label some rules need is absent: name the rules that were skipped. */
export default defineRule({
  meta: {
    id: "sheet.label-missing",
    title: { zh: "缺少标签", en: "Label missing" },
    severities: ["warning"],
    fixable: false,
    requires: [],
    formula: { zh: "规则所需的标签须在表中出现", en: "the labels a rule needs must be present" },
  },
  check(context) {
    const absences: Absence[] = [];
    const a2 = context.annex2;
    if (a2) {
      const at = { sheet: a2.sheet, row: a2.range.top, col: 0 };
      const f = a2.funds;
      absences.push(
        { missing: !a2.staff, label: "编制数 / 实际在职人数", rules: ["a2.staff-control-rate", "a2.over-establishment"], at },
        { missing: !!a2.staff && !a2.staff.controlRate, label: "控制率", rules: ["a2.staff-control-rate"], at: a2.staff?.header.at ?? at },
        { missing: !f, label: "经费控制情况（决算数/预算数表头）", rules: ["a2.three-public-total", "a2.project-total", "a2.over-budget", "x.project-spending"], at },
        { missing: !!f && !f.threePublic, label: "三公经费", rules: ["a2.three-public-total", "a2.three-public-change"], at: f?.header.at ?? at },
        { missing: !!f && !f.projectTotal, label: "项目支出", rules: ["a2.project-total", "x.project-spending"], at: f?.header.at ?? at },
        { missing: !!f && !f.publicFunds, label: "公用经费", rules: ["a2.public-funds-subset", "x.public-funds-in-basic"], at: f?.header.at ?? at },
        { missing: !!f && !f.procurement, label: "政府采购金额", rules: ["a2.over-budget"], at: f?.header.at ?? at },
        { missing: !a2.buildings, label: "楼堂馆所控制情况", rules: ["a2.building-scale-rate", "a2.building-investment-rate"], at },
      );
    }
    const a3 = context.annex3;
    if (a3) {
      const at = a3.anchor;
      absences.push(
        { missing: !a3.funds, label: "年度资金总额（全年预算数/全年执行数）", rules: ["a3.execution-rate", "a3.execution-score"], at },
        { missing: !!a3.funds && !a3.funds.rate, label: "执行率", rules: ["a3.execution-rate"], at: a3.funds?.header.at ?? at },
        { missing: !!a3.funds && !a3.funds.score, label: "得分（执行率得分）", rules: ["a3.execution-score"], at: a3.funds?.header.at ?? at },
        { missing: !a3.expense, label: "按支出性质分", rules: ["a3.expense-breakdown", "x.project-spending", "x.public-funds-in-basic"], at },
        { missing: !a3.indicatorHeader, label: "一级指标 / 三级指标", rules: ["a3.score-range", "a3.quantitative-score", "a3.total-score"], at },
        { missing: !!a3.indicatorHeader && a3.indicatorColumns.weight === null, label: "分值", rules: ["a3.weights-total", "a3.score-range"], at: a3.indicatorHeader?.at ?? at },
        { missing: !!a3.indicatorHeader && a3.indicatorColumns.score === null, label: "得分", rules: ["a3.score-range", "a3.total-score"], at: a3.indicatorHeader?.at ?? at },
        { missing: !!a3.indicatorHeader && a3.indicatorColumns.reason === null, label: "偏差原因分析及改进措施", rules: ["a3.deviation-reason"], at: a3.indicatorHeader?.at ?? at },
        { missing: !!a3.indicatorHeader && !a3.total, label: "总分", rules: ["a3.total-score", "a3.weights-total"], at: a3.indicatorHeader?.at ?? at },
      );
    }
    for (const a of absences.filter((x) => x.missing)) {
      context.report({
        at: a.at,
        expected: a.label,
        actual: null,
        message: {
          zh: `未找到标签“${a.label}”，已跳过规则 ${a.rules.join("、")}`,
          en: `Label "${a.label}" not found; skipped ${a.rules.join(", ")}`,
        },
      });
    }
  },
});

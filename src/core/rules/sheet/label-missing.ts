import { defineRule } from "../rule";
import type { CellAddress } from "../../grid/address";
import { list } from "../../messages/message";

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
    messages: {
      missing: { zh: "未找到标签“{label}”，已跳过规则 {rules}", en: "Label \"{label}\" not found; skipped {rules}" },
    },
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
        { missing: !!a2.staff && !a2.staff.controlRate, label: "控制率", rules: ["a2.staff-control-rate"], at: a2.staff?.header ?? at },
        { missing: !f, label: "经费控制情况（决算数/预算数表头）", rules: ["a2.three-public-total", "a2.project-total", "a2.over-budget", "x.project-spending"], at },
        { missing: !!f && !f.threePublic, label: "三公经费", rules: ["a2.three-public-total", "a2.three-public-change"], at: f?.header ?? at },
        { missing: !!f && !f.projectTotal, label: "项目支出", rules: ["a2.project-total", "x.project-spending"], at: f?.header ?? at },
        { missing: !!f && !f.publicFunds, label: "公用经费", rules: ["a2.public-funds-subset", "x.public-funds-in-basic"], at: f?.header ?? at },
        { missing: !!f && !f.procurement, label: "政府采购金额", rules: ["a2.over-budget"], at: f?.header ?? at },
        { missing: !a2.buildings, label: "楼堂馆所控制情况", rules: ["a2.building-scale-rate", "a2.building-investment-rate"], at },
      );
    }
    const a3 = context.annex3;
    if (a3) {
      const at = a3.anchor;
      const t = context.terms;
      const header = a3.indicatorHeader ?? at;
      absences.push(
        { missing: !a3.funds, label: `${t.fundsTotal.zh}（${t.budget.zh}/${t.executed.zh}）`, rules: ["a3.execution-rate", "a3.execution-score"], at },
        { missing: !!a3.funds && !a3.funds.rate, label: t.rate.zh, rules: ["a3.execution-rate"], at: a3.funds?.header ?? at },
        { missing: !!a3.funds && !a3.funds.score, label: `${t.score.zh}（${t.executionScore.zh}）`, rules: ["a3.execution-score"], at: a3.funds?.header ?? at },
        // Only the forms that have the 按收入/支出性质分 breakdown (湖南 附件3) miss it.
        { missing: context.profile.selfEval.funds.breakdowns && !a3.expense, label: "按支出性质分", rules: ["a3.expense-breakdown", "x.project-spending", "x.public-funds-in-basic"], at },
        { missing: !a3.indicatorHeader, label: "一级指标 / 三级指标", rules: ["a3.score-range", "a3.quantitative-score", "a3.total-score"], at },
        { missing: !!a3.indicatorHeader && a3.indicatorColumns.weight === null && context.profile.selfEval.indicators.weightColumn, label: t.weight.zh, rules: ["a3.weights-total", "a3.score-range"], at: header },
        { missing: !!a3.indicatorHeader && a3.indicatorColumns.score === null, label: t.score.zh, rules: ["a3.score-range", "a3.total-score"], at: header },
        { missing: !!a3.indicatorHeader && a3.indicatorColumns.reason === null && context.profile.selfEval.indicators.reasonColumn, label: t.reason.zh, rules: ["a3.deviation-reason"], at: header },
        { missing: !!a3.indicatorHeader && !a3.total, label: t.total.zh, rules: ["a3.total-score", "a3.weights-total"], at: header },
      );
    }
    for (const a of absences.filter((x) => x.missing)) {
      context.report({
        at: a.at,
        expected: a.label,
        actual: null,
        messageId: "missing",
        data: { label: a.label, rules: list([...a.rules]) },
      });
    }
  },
});

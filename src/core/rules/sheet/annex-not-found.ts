import { defineRule, type RuleContext, type UnreadableAnnex } from "../rule";
import { label, list, type MessageArg } from "../../messages/message";
import { cellLabel } from "../../grid/address";
import { PROFILES } from "../../profiles";

type Messages = "noTable" | "partial" | "unreadable" | "where";

const BASIC_DATA = { zh: "附件2 基础数据表", en: "Annex 2 (basic data table)" };

/**
 * No sheet looks like any table of the form: say what was looked for (error). A workbook holding
 * only some of the form's tables is checked as it is: an info names what was found and which
 * rules could not run. A table found but unreadable (the engine caught a failure): say where and
 * what failed, so the user is not told to paste a table that is there.
 */
export default defineRule({
  meta: {
    id: "sheet.annex-not-found",
    title: { zh: "未找到附件表", en: "Annex not found" },
    severities: ["error", "info"],
    fixable: false,
    requires: [],
    scope: "workbook",
    formula: { zh: "按标签识别：至少找到两个特征标签", en: "recognized by labels: at least two characteristic labels" },
    messages: {
      noTable: {
        zh: "未找到可识别的表格：查找了“{title}”标题、“{budget}/{executed}”表头、“{fundsTotal}”“一级指标/三级指标”“年度总体目标”{basicData}等标签，至少需要其中两个（支持的表式：{forms}）",
        en: "No known table found: looked for the title {title}, the headers {budget}/{executed} and the labels {fundsTotal}, 一级指标/三级指标, 年度总体目标{basicData}; at least two are needed (forms known: {forms})",
      },
      basicDataLabels: {
        zh: "，以及基础数据表的“编制数/实际在职人数”“经费控制情况”“三公经费”",
        en: ", and for the basic data table 编制数/实际在职人数, 经费控制情况, 三公经费",
      },
      partial: {
        zh: "只找到{found}，未找到{missing}：已核对找到的表，需要两表对照的规则（{rules}）未运行",
        en: "Only {found} was found, not {missing}: the table found was checked; the rules that compare both ({rules}) did not run",
      },
      unreadable: {
        zh: "无法读取{table}{where}：{detail}。依赖它的规则已跳过，请检查该表是否有异常的合并单元格或内容，并将此问题反馈给开发者",
        en: "Could not read {table}{where}: {detail}. The rules that need it were skipped; check the table for odd merged cells or content, and report this to the developers",
      },
      where: { zh: "（位于 {cell} 起）", en: " (found at {cell})" },
    },
  },
  check(context) {
    const { workbook, profile, terms } = context;
    const selfEval = { zh: terms.table.zh, en: terms.table.en };
    const failedSelfEval = workbook.selfEvalTables.length === 0 ? workbook.unreadable.annex3 : null;
    const failedBasic = !workbook.basicData ? workbook.unreadable.annex2 : null;
    if (failedBasic) reportUnreadable(context, failedBasic, BASIC_DATA);
    if (failedSelfEval) reportUnreadable(context, failedSelfEval, selfEval);
    const hasSelfEval = workbook.selfEvalTables.length > 0 || failedSelfEval !== null;
    const hasBasic = workbook.basicData !== null || failedBasic !== null;
    if (!hasSelfEval && !hasBasic) {
      context.report({
        at: null,
        expected: null,
        actual: null,
        messageId: "noTable",
        data: {
          title: profile.template.kind === "project-table" ? profile.template.title : terms.table.zh,
          budget: terms.budget.zh, executed: terms.executed.zh, fundsTotal: terms.fundsTotal.zh,
          basicData: profile.basicData ? { message: "basicDataLabels", data: {} } : "",
          forms: list(PROFILES.map((p) => label(p.name)), { zh: "；", en: "; " }),
        },
      });
      return;
    }
    if (!profile.basicData || (hasSelfEval && hasBasic)) return;
    const crossRules: MessageArg = list(["x.project-spending", "x.public-funds-in-basic"]);
    context.report({
      severity: "info",
      at: hasSelfEval ? workbook.selfEvalTables[0]?.anchor ?? failedSelfEval?.at ?? null : workbook.basicData?.range ? { sheet: workbook.basicData.sheet, row: workbook.basicData.range.top, col: 0 } : null,
      expected: null,
      actual: null,
      messageId: "partial",
      data: {
        found: label(hasSelfEval ? selfEval : BASIC_DATA),
        missing: label(hasSelfEval ? BASIC_DATA : selfEval),
        rules: crossRules,
      },
    });
  },
});

function reportUnreadable(context: RuleContext<Messages>, failure: UnreadableAnnex, table: { zh: string; en: string }): void {
  context.report({
    at: failure.at,
    expected: null,
    actual: null,
    messageId: "unreadable",
    data: {
      table: label(table),
      where: failure.at ? { message: "where", data: { cell: cellLabel(failure.at) } } : "",
      detail: failure.detail,
    },
  });
}

import { defineRule, type RuleContext, type UnreadableAnnex } from "../rule";
import { qualifiedA1 } from "../../grid/address";

/**
 * No sheet looks like 附件2 or 附件3: say what was looked for. Or an annex was found but reading
 * it failed unexpectedly (the engine catches it): say where it was and what failed, so the user
 * is not told to paste a table that is there.
 */
export default defineRule({
  meta: {
    id: "sheet.annex-not-found",
    title: { zh: "未找到附件表", en: "Annex not found" },
    severities: ["error"],
    fixable: false,
    requires: [],
    formula: { zh: "按标签识别：至少找到两个特征标签", en: "recognized by labels: at least two characteristic labels" },
  },
  check(context) {
    if (!context.annex2 && context.unreadable?.annex2) {
      reportUnreadable(context, context.unreadable.annex2, { zh: "附件2 基础数据表", en: "Annex 2 (basic data table)" });
    } else if (!context.annex2) {
      context.report({
        at: null,
        expected: null,
        actual: null,
        message: {
          zh: "未找到附件2 基础数据表：查找了“基础数据表”标题、“编制数/实际在职人数”“经费控制情况”“三公经费”“楼堂馆所控制情况”等标签，至少需要其中两个",
          en: "Annex 2 (basic data table) not found: looked for its title and the labels 编制数/实际在职人数, 经费控制情况, 三公经费, 楼堂馆所控制情况; at least two are needed",
        },
      });
    }
    if (!context.annex3 && context.unreadable?.annex3) {
      reportUnreadable(context, context.unreadable.annex3, { zh: "附件3 整体支出绩效自评表", en: "Annex 3 (self-evaluation table)" });
    } else if (!context.annex3) {
      context.report({
        at: null,
        expected: null,
        actual: null,
        message: {
          zh: "未找到附件3 整体支出绩效自评表：查找了“整体支出绩效自评表”标题、“全年预算数/全年执行数”表头、“年度资金总额”“一级指标/三级指标”“年度总体目标”等标签，至少需要其中两个",
          en: "Annex 3 (self-evaluation table) not found: looked for its title and the labels 全年预算数/全年执行数, 年度资金总额, 一级指标/三级指标, 年度总体目标; at least two are needed",
        },
      });
    }
  },
});

function reportUnreadable(context: RuleContext, failure: UnreadableAnnex, annex: { zh: string; en: string }): void {
  const where = failure.at ? { zh: `（位于 ${qualifiedA1(failure.at)} 起）`, en: ` (found at ${qualifiedA1(failure.at)})` } : { zh: "", en: "" };
  context.report({
    at: failure.at,
    expected: null,
    actual: null,
    message: {
      zh: `无法读取${annex.zh}${where.zh}：${failure.detail}。依赖它的规则已跳过，请检查该表是否有异常的合并单元格或内容，并将此问题反馈给开发者`,
      en: `Could not read ${annex.en}${where.en}: ${failure.detail}. The rules that need it were skipped; check the table for odd merged cells or content, and report this to the developers`,
    },
  });
}

import { defineRule } from "../rule";

/** No sheet looks like 附件2 or 附件3: say what was looked for. */
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
    if (!context.annex2) {
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
    if (!context.annex3) {
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

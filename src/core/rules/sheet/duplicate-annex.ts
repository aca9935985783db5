import { defineRule } from "../rule";
import { cellLabel } from "../../grid/address";
import { cellArg, label, list, type MessageArg } from "../../messages/message";

const BASIC_DATA = { zh: "附件2 基础数据表", en: "Annex 2 (basic data table)" };

/**
 * A workbook holding two copies of an annex (a 修改稿 next to the original, or a table pasted
 * twice) is checked on one of them only. Saying which one, and where the other is, keeps a
 * clean result from being read as "both copies are right".
 *
 * A blank table (no figure typed: a template the pane inserted as "附件2 (2)"/"附件3 (2)") is no
 * copy: staff put it there on purpose, the filled table is the one checked (the engine prefers
 * it), and one info names the blank tables so that nobody takes them for checked and correct.
 */
export default defineRule({
  meta: {
    id: "sheet.duplicate-annex",
    title: { zh: "附件表重复", en: "Annex found twice" },
    severities: ["warning", "info"],
    fixable: false,
    requires: [],
    scope: "workbook",
    messages: {
      duplicate: {
        zh: "工作簿中还有一张{table}（{at} 起），{checked}。请删除或改名多余的表，或确认核对的是要上报的那一张",
        en: "The workbook holds another {table} (at {at}); {checked}. Delete or rename the extra table, or make sure the checked one is the one to submit",
      },
      checkedOne: { zh: "本次只核对了 {at} 起的那一张", en: "only the one at {at} was checked" },
      notChecked: { zh: "本次未核对它", en: "it was not checked" },
      blank: {
        zh: "{tables} 是未填写的空白表（没有填入任何数字），本次未核对",
        en: "Blank tables (no figure typed yet) are not checked: {tables}",
      },
    },
    formula: {
      zh: "同一附件只应有一张表；有多张时只核对特征标签最多的那张。没有填入任何数字的空白表（如插入的模板）不算重复，也不核对",
      en: "each annex should appear once; when there are several, only the one with the most characteristic labels is checked. A blank table with no figure typed (an inserted template) is no duplicate and is not checked",
    },
  },
  check(context) {
    const extras = context.workbook.extraAnnexes;
    for (const extra of extras) {
      if (extra.blank) continue;
      const name = extra.kind === "annex2" ? BASIC_DATA : context.terms.table;
      context.report({
        at: extra.at,
        related: extra.checkedAt ? [extra.checkedAt] : [],
        expected: null,
        actual: null,
        messageId: "duplicate",
        data: {
          table: label(name),
          at: cellLabel(extra.at),
          checked: extra.checkedAt ? { message: "checkedOne", data: { at: cellLabel(extra.checkedAt) } } : { message: "notChecked", data: {} },
        },
      });
    }
    const blank = extras.filter((e) => e.blank);
    if (blank.length === 0) return;
    // A blank table alone on its sheet (an inserted template) is named by its sheet, else by its first cell.
    const tablesOn = new Map<string, number>();
    const count = (sheet: string) => tablesOn.set(sheet, (tablesOn.get(sheet) ?? 0) + 1);
    if (context.workbook.basicData) count(context.workbook.basicData.sheet);
    for (const table of context.workbook.selfEvalTables) count(table.sheet);
    for (const extra of extras) count(extra.at.sheet);
    const named: MessageArg[] = blank.map((e) => (tablesOn.get(e.at.sheet) === 1 ? e.at.sheet : cellArg(e.at)));
    context.report({
      severity: "info",
      at: blank[0]!.at,
      related: blank.slice(1).map((e) => e.at),
      expected: null,
      actual: null,
      messageId: "blank",
      data: { tables: list(named) },
    });
  },
});

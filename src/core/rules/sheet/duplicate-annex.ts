import { defineRule } from "../rule";
import { cellLabel } from "../../grid/address";
import { label } from "../../messages/message";

const BASIC_DATA = { zh: "附件2 基础数据表", en: "Annex 2 (basic data table)" };

/**
 * A workbook holding two copies of an annex (a 修改稿 next to the original, or a table pasted
 * twice) is checked on one of them only. Saying which one, and where the other is, keeps a
 * clean result from being read as "both copies are right".
 */
export default defineRule({
  meta: {
    id: "sheet.duplicate-annex",
    title: { zh: "附件表重复", en: "Annex found twice" },
    severities: ["warning"],
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
    },
    formula: {
      zh: "同一附件只应有一张表；有多张时只核对特征标签最多的那张",
      en: "each annex should appear once; when there are several, only the one with the most characteristic labels is checked",
    },
  },
  check(context) {
    for (const extra of context.workbook.extraAnnexes) {
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
  },
});

import { defineRule } from "../rule";
import { qualifiedA1 } from "../../grid/address";

const NAMES = {
  annex2: { zh: "附件2 基础数据表", en: "Annex 2 (basic data table)" },
  annex3: { zh: "附件3 整体支出绩效自评表", en: "Annex 3 (self-evaluation table)" },
} as const;

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
    formula: {
      zh: "同一附件只应有一张表；有多张时只核对特征标签最多的那张",
      en: "each annex should appear once; when there are several, only the one with the most characteristic labels is checked",
    },
  },
  check(context) {
    for (const extra of context.extraAnnexes ?? []) {
      const name = NAMES[extra.kind];
      const checked = extra.checkedAt
        ? { zh: `本次只核对了 ${qualifiedA1(extra.checkedAt)} 起的那一张`, en: `only the one at ${qualifiedA1(extra.checkedAt)} was checked` }
        : { zh: "本次未核对它", en: "it was not checked" };
      context.report({
        at: extra.at,
        related: extra.checkedAt ? [extra.checkedAt] : [],
        expected: null,
        actual: null,
        message: {
          zh: `工作簿中还有一张${name.zh}（${qualifiedA1(extra.at)} 起），${checked.zh}。请删除或改名多余的表，或确认核对的是要上报的那一张`,
          en: `The workbook holds another ${name.en} (at ${qualifiedA1(extra.at)}); ${checked.en}. Delete or rename the extra table, or make sure the checked one is the one to submit`,
        },
      });
    }
  },
});

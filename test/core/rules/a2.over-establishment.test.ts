import type { CellSpec } from "../../../src/adapters/memory/grid-spec";
import { annex2Form, pct, seedWorkbook, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 编制数 B4, 实际在职人数 C4.
const staff = (posts: CellSpec, onPost: CellSpec) => workbook(annex2Form({ staff: { posts, onPost, rate: pct(0.9) } }));

testRule("a2.over-establishment", {
  valid: [
    { name: "no staff block: nothing to check", workbook: workbook(annex2Form({ staff: null })) },
    { name: "as many on post as posts", workbook: staff(21, 21) },
    { name: "fewer on post than posts", workbook: staff(21, 19) },
    { name: "编制数 blank: not checked", workbook: staff(null, 35) },
    { name: "在职人数 \"——\": not checked", workbook: staff(21, "——") },
  ],
  invalid: [
    {
      name: "the seed: 35 on post for 21 posts, 14 over",
      workbook: seedWorkbook(),
      findings: [{ cell: "附件2!C4", severity: "info", expected: null, actual: "35", fix: "none", related: ["附件2!B4"], messageIncludes: ["比编制数 21 人多 14 人", "14 more than"] }],
    },
    {
      name: "one over",
      workbook: staff(21, 22),
      findings: [{ cell: "附件2!C4", severity: "info", actual: "22", messageIncludes: ["1 人"] }],
    },
    {
      name: "编制数 0 with 3 on post: all 3 are over",
      workbook: staff(0, 3),
      findings: [{ cell: "附件2!C4", severity: "info", actual: "3", message: { zh: "实际在职 3 人，比编制数 0 人多 3 人", en: "3 staff on post, 3 more than the 0 authorized posts" } }],
    },
    {
      name: "the seed, word for word",
      workbook: seedWorkbook(),
      findings: [{ cell: "附件2!C4", message: { zh: "实际在职 35 人，比编制数 21 人多 14 人", en: "35 staff on post, 14 more than the 21 authorized posts" } }],
    },
  ],
});

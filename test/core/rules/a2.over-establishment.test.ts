import type { CellSpec } from "../../../src/adapters/memory/grid-spec";
import { annex2Form, pct, seedWorkbook, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 编制数 B4, 实际在职人数 C4.
const staff = (posts: CellSpec, onPost: CellSpec) => workbook(annex2Form({ staff: { posts, onPost, rate: pct(0.9) } }));

testRule("a2.over-establishment", {
  valid: [
    { name: "as many on post as posts", workbook: staff(21, 21) },
    { name: "fewer on post than posts", workbook: staff(21, 19) },
    { name: "编制数 blank: not checked", workbook: staff(null, 35) },
    { name: "在职人数 \"——\": not checked", workbook: staff(21, "——") },
  ],
  invalid: [
    {
      name: "the seed: 35 on post for 21 posts, 14 over",
      workbook: seedWorkbook(),
      findings: [{ cell: "附件2!C4", severity: "info", expected: null, actual: "35", fix: "none", related: ["附件2!B4"], messageIncludes: ["14 人", "14 above"] }],
    },
    {
      name: "one over",
      workbook: staff(21, 22),
      findings: [{ cell: "附件2!C4", severity: "info", actual: "22", messageIncludes: ["1 人"] }],
    },
  ],
});

/**
 * Which rows of an indicator table are indicators: a header repeated after a page break is not,
 * a row with figures under 分值 and 得分 always is, whatever its texts say.
 */
import { snapshotFromSpec } from "../../../src/adapters/memory/grid-spec";
import { indexSheets, locateTables } from "../../../src/core/annex/locate";
import { HUNAN_DEPT } from "../../../src/core/profiles/hunan-dept";
import { parseAnnex3 } from "../../../src/core/annex/annex3";
import type { Annex3 } from "../../../src/core/model/annex3";
import { annex3Form, group, workbook, type Annex3Input } from "../../helpers/forms";

function annex3(input: Annex3Input): Annex3 {
  const located = locateTables(indexSheets(snapshotFromSpec(workbook(annex3Form(input)))), HUNAN_DEPT).annex3[0];
  if (!located) throw new Error("no 附件3 found");
  return parseAnnex3(located.index, located.rows, HUNAN_DEPT.selfEval);
}

const level3s = (a: Annex3) => a.indicators.map((row) => row.level3?.text ?? null);

describe("indicator rows among header-like rows", () => {
  test("the column headers repeated inside the table (no figures) are skipped", () => {
    const a = annex3({
      indicators: group("产出指标", "数量指标", [
        ["代表培训", "2次", "2次", 6, 6],
        ["三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["专项工作评议", "1次", "1次", 4, 4],
      ]),
    });
    expect(level3s(a)).toEqual(["代表培训", "专项工作评议"]);
  });

  test("a row whose texts read like headers but which has figures under 分值 and 得分 is an indicator", () => {
    const a = annex3({
      indicators: group("产出指标", "数量指标", [
        ["代表培训", "2次", "2次", 6, 6],
        ["三级指标", "年度指标值", "实际完成值", 4, 3],
      ]),
    });
    expect(level3s(a)).toEqual(["代表培训", "三级指标"]);
    expect(a.indicators[1]!.score!.value!.toFixed()).toBe("3");
  });

  test("a row of column letters is skipped", () => {
    const a = annex3({
      indicators: [
        { level3: "(A)", target: "(B)", actual: "(C)", weight: "(D)", score: "(E)" },
        ...group("产出指标", "数量指标", [["代表培训", "2次", "2次", 6, 6]]),
      ],
    });
    expect(level3s(a)).toEqual(["代表培训"]);
  });
});

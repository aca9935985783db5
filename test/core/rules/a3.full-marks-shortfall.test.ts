import { describesShortfall } from "../../../src/core/rules/a3/full-marks-shortfall";
import { annex3Form, seedWorkbook, withIndicators, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 专题视察、调研 is row 16 (分值 8 in G16, 得分 H16); its 偏差原因分析及改进措施 cell is I16.
const visits = (patch: Partial<IndicatorInput>) => workbook(annex3Form({ indicators: withIndicators({ "专题视察、调研": patch }) }));

testRule("a3.full-marks-shortfall", {
  valid: [
    { name: "the seed: its shortfall reasons sit on deducted rows (2 of 3, 19 of 20)", workbook: seedWorkbook() },
    { name: "full marks with a reason that states no shortfall", workbook: visits({ score: 8, reason: "全年完成视察调研34次，超额完成" }) },
    {
      name: "improvement boilerplate under full marks is not a shortfall (\"有待进一步加强\")",
      workbook: visits({ score: 8, reason: "调研成果转化有待进一步加强" }),
    },
    { name: "a shortfall on a deducted row is consistent (8 → 6)", workbook: visits({ actual: "24次", score: 6, reason: "部分调研未完成，计划明年补齐" }) },
    { name: "7.98 on 8 is a deduction beyond the tolerance, not full marks", workbook: visits({ score: 7.98, reason: "进度略有滞后" }) },
    { name: "a \"/\" row with 分值 0 has no marks to be full", workbook: workbook(annex3Form({ indicators: withIndicators({ "/": { reason: "当年未开展，未完成" } }) })) },
    { name: "full marks with the reason left blank", workbook: visits({ score: 8, reason: null }) },
  ],
  invalid: [
    {
      name: "word for word: 8 of 8 while the reason says part was not completed",
      workbook: visits({ score: 8, reason: "部分调研未完成，计划明年补齐" }),
      findings: [{
        cell: "附件3!I16",
        severity: "warning",
        expected: null,
        actual: "部分调研未完成，计划明年补齐",
        fix: "none",
        related: ["附件3!H16", "附件3!G16"],
        message: {
          zh: "指标“专题视察、调研”得满分 8，但偏差原因分析及改进措施写的是“部分调研未完成，计划明年补齐”：若目标未完全达成，应按完成程度扣分；若已达成，请修改说明",
          en: "Indicator \"专题视察、调研\" has full marks (8), yet its deviation reason says \"部分调研未完成，计划明年补齐\": if the target was missed, score it by what was done; if not, correct the reason",
        },
      }],
    },
    {
      name: "\"进度滞后\" at full marks",
      workbook: visits({ score: 8, reason: "受汛期影响，进度滞后" }),
      findings: [{ cell: "附件3!I16", severity: "warning", actual: "受汛期影响，进度滞后" }],
    },
    {
      name: "\"完成率仅85%\" at full marks",
      workbook: visits({ score: 8, reason: "完成率仅85%" }),
      findings: [{ cell: "附件3!I16", severity: "warning", messageIncludes: ["得满分 8"] }],
    },
    {
      name: "7.99 on 8 counts as full marks (within 0.01)",
      workbook: visits({ score: 7.99, reason: "部分视察延期至次年" }),
      findings: [{ cell: "附件3!I16", severity: "warning", actual: "部分视察延期至次年" }],
    },
    {
      name: "full-width digits are read: \"覆盖率不足９０％\" at full marks",
      workbook: visits({ score: 8, reason: "覆盖率不足９０％" }),
      findings: [{ cell: "附件3!I16", severity: "warning" }],
    },
    {
      name: "the seed's cost row given full marks (20 of 20) while its actual 837.48万元 is above ≤812.38万元 and the reason says so",
      workbook: workbook(annex3Form({
        indicators: withIndicators({ "人员、运转类等办公基本保障和专项支出": { score: 20, reason: "实际支出超过年初预算，未达到成本控制目标" } }),
        total: { score: 99 },
      })),
      findings: [{ cell: "附件3!I26", severity: "warning", related: ["附件3!H26", "附件3!G26"], messageIncludes: ["得满分 20"] }],
    },
  ],
});

describe("a negated shortfall is none", () => {
  test.each([
    ["无未完成事项", false],
    ["不存在滞后情况，全部按期完成", false],
    ["没有延期", false],
    ["部分路段滞后", true],
    ["无重大问题，但个别项目未按期完成", true],
  ] as const)("%s → %s", (text, shortfall) => {
    expect(describesShortfall(text)).toBe(shortfall);
  });
});

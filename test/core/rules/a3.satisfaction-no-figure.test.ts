import { annex3Form, IDEOGRAPHIC_SPACE, pct, seedWorkbook, withIndicators, workbook, type IndicatorInput } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 服务对象满意度 is row 25 (二级 服务对象满意度指标, 分值 10); its 实际完成值 is F25, 得分 H25.
// 保障基本支出，完成年初计划 is row 22 (社会效益指标, 分值 15); 实际完成值 F22, 得分 H22.
const satisfaction = (patch: Partial<IndicatorInput>) => workbook(annex3Form({ indicators: withIndicators({ 服务对象满意度: patch }) }));
const SOCIAL = "保障基本支出，完成年初计划";

testRule("a3.satisfaction-no-figure", {
  valid: [
    { name: "the seed: 服务对象满意度 completed at 100%", workbook: seedWorkbook() },
    { name: "a surveyed rate inside a sentence (\"问卷调查满意率96.5%\")", workbook: satisfaction({ actual: "问卷调查满意率96.5%" }) },
    { name: "a rate typed as a number with a % format (0.96 shown as 96%)", workbook: satisfaction({ actual: pct(0.96, "0%") }) },
    { name: "a word scored 0 claims nothing", workbook: satisfaction({ actual: "未开展调查", score: 0, reason: "当年未开展满意度调查" }) },
    { name: "a blank 实际完成值 is a3.missing-field's", workbook: satisfaction({ actual: null }) },
    { name: "a word under an indicator that is not about satisfaction (the seed's 社会效益 row)", workbook: workbook(annex3Form({ indicators: withIndicators({ [SOCIAL]: { actual: "圆满完成" } }) })) },
  ],
  invalid: [
    {
      name: "word for word: 服务对象满意度 scored 10 on \"满意\"",
      workbook: satisfaction({ actual: "满意" }),
      findings: [{
        cell: "附件3!F25",
        severity: "warning",
        expected: null,
        actual: "满意",
        fix: "none",
        related: ["附件3!H25"],
        message: {
          zh: "满意度指标“服务对象满意度”的实际完成值为“满意”，没有满意率数字，却得了 10 分：请填写调查得出的满意率",
          en: "Satisfaction indicator \"服务对象满意度\" has the actual \"满意\", with no rate, yet scores 10: enter the surveyed satisfaction rate",
        },
      }],
    },
    {
      name: "\"较好\" scored 9",
      workbook: satisfaction({ actual: "较好", score: 9, reason: "个别代表反映服务不够及时" }),
      findings: [{ cell: "附件3!F25", severity: "warning", actual: "较好", messageIncludes: ["却得了 9 分"] }],
    },
    {
      name: "\"群众普遍满意\" padded with an ideographic space, as the seed pads its 100%",
      workbook: satisfaction({ actual: `${IDEOGRAPHIC_SPACE}群众普遍满意` }),
      findings: [{ cell: "附件3!F25", severity: "warning", actual: "群众普遍满意" }],
    },
    {
      name: "a 三级指标 about satisfaction under a 效益 二级 (\"社会公众满意度\")",
      workbook: workbook(annex3Form({ indicators: withIndicators({ [SOCIAL]: { level3: "社会公众满意度", actual: "基本满意" } }) })),
      findings: [{ cell: "附件3!F22", severity: "warning", related: ["附件3!H22"], messageIncludes: ["满意度指标“社会公众满意度”", "却得了 15 分"] }],
    },
    {
      name: "a 二级 about satisfaction names the row even when its 三级指标 does not (\"代表意见反馈\")",
      workbook: satisfaction({ level3: "代表意见反馈", actual: "达成年度指标" }),
      findings: [{ cell: "附件3!F25", severity: "warning", messageIncludes: ["满意度指标“代表意见反馈”"] }],
    },
    {
      name: "a qualitative word on a 满意度 row whose target is a rate (≥98% against \"良好\")",
      workbook: satisfaction({ actual: "良好", score: 8, reason: "部分服务对象认为会务安排不够紧凑" }),
      findings: [{ cell: "附件3!F25", severity: "warning", actual: "良好", messageIncludes: ["却得了 8 分"] }],
    },
  ],
});

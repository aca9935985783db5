import { annex3Form, group, seedWorkbook, withIndicators, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// 年度指标值 in column E; the seed's qualitative targets are on rows 20, 21, 22 and 24.
testRule("a3.target-unparsed", {
  valid: [
    {
      name: "numbers with units, comparators in signs and words",
      workbook: workbook(annex3Form({
        indicators: group("产出指标\n(90分)", "数量指标", [
          ["会议", "67人", "67人", 20, 20],
          ["调研", "不少于30次", "34次", 20, 20],
          ["完成率", "≥95%", "100%", 20, 20],
          ["成本", "≤812.38万元", "800万元", 20, 20],
          ["时效", "10天以内", "8天", 10, 10],
        ]),
      })),
    },
    { name: "\"/\" placeholder rows are not reported", workbook: workbook(annex3Form({ indicators: group("成本指标\n(0分)", "社会成本指标", [["/", "/", "/", 0, 0]]) })) },
  ],
  invalid: [
    {
      name: "the seed: four targets without a comparable number",
      workbook: seedWorkbook(),
      findings: [
        { cell: "附件3!E20", severity: "info", actual: "2023年全年", messageIncludes: ["工作保障时效"] },
        { cell: "附件3!E21", severity: "info", actual: "无直接经济效益", fix: "none", messageIncludes: ["无直接经济效益", "定性"] },
        { cell: "附件3!E22", severity: "info", actual: "保障机关人员工资福利支出到位。圆满召开区六届人大三次会议。深入基层开展调研，组织代表参加培训、视察、建言献策、反映社情民意等。" },
        { cell: "附件3!E24", severity: "info", actual: "推动社会和谐稳定发展" },
      ],
    },
    {
      name: "a target rewritten as words: 不少于三十次",
      workbook: workbook(annex3Form({ indicators: withIndicators({ "专题视察、调研": { target: "不少于三十次" } }) })),
      findings: [
        { cell: "附件3!E16", severity: "info", actual: "不少于三十次" },
        { cell: "附件3!E20" }, { cell: "附件3!E21" }, { cell: "附件3!E22" }, { cell: "附件3!E24" },
      ],
    },
    {
      name: "a target in words, word for word",
      workbook: workbook(annex3Form({ indicators: withIndicators({ "专题视察、调研": { target: "不少于三十次" } }) })),
      findings: [
        {
          cell: "附件3!E16",
          message: {
            zh: "指标“专题视察、调研”的年度指标值“不少于三十次”没有可比较的数值，按定性指标处理",
            en: "Indicator \"专题视察、调研\": target \"不少于三十次\" has no comparable number; treated as qualitative",
          },
        },
        { cell: "附件3!E20" }, { cell: "附件3!E21" }, { cell: "附件3!E22" }, { cell: "附件3!E24" },
      ],
    },
    {
      name: "a target padded with an ideographic space is quoted without it, word for word",
      workbook: workbook(annex3Form({ indicators: group("效益指标\n(10分)", "可持续影响指标", [["持续推动", "\u3000推动社会和谐稳定发展", "长期坚持", 10, 10]]) })),
      findings: [{
        cell: "附件3!E14", severity: "info", actual: "推动社会和谐稳定发展",
        message: {
          zh: "指标“持续推动”的年度指标值“推动社会和谐稳定发展”没有可比较的数值，按定性指标处理",
          en: "Indicator \"持续推动\": target \"推动社会和谐稳定发展\" has no comparable number; treated as qualitative",
        },
      }],
    },
  ],
});

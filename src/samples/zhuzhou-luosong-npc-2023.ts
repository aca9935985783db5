/**
 * The seed report's two annex tables (株洲市芦淞区人民代表大会常务委员会, 2023), laid out as staff
 * lay them out in Excel. Every number and text is exactly as published, inconsistencies
 * included (控制率 60%, 执行率得分 98, 项目支出 70.66 vs 70.27, ...), so that every rule has
 * something real to fire on. Leading spaces, ideographic spaces (U+3000) and trailing spaces
 * are part of the published text and are kept on purpose.
 *
 * Numbers keep the number format that reproduces the published display: "116.80" is 116.8
 * shown with 0.00, "32.3" and "0" are shown as typed (General).
 */
import type { CellSpec, WorkbookSpec } from "../adapters/memory/grid-spec";

const TWO_DP = "0.00";

/** A number published with two decimals ("23.50"). */
function n2(v: number): CellSpec {
  return { v, fmt: TWO_DP };
}

const IDEOGRAPHIC_SPACE = "\u3000";

const annex2Rows: readonly (readonly CellSpec[])[] = [
  /* 1 */ ["附件2"],
  /* 2 */ ["2023年度部门（单位）整体支出绩效评价基础数据表"],
  /* 3 */ ["财政供养人员情况（人）", "编制数", "2023年实际在职人数", "控制率"],
  /* 4 */ [undefined, 21, 35, { v: 0.6, fmt: "0%" }],
  /* 5 */ ["经费控制情况（万元）", "2022年决算数", "2023年预算数", "2023年决算数"],
  /* 6 */ ["三公经费", 0, 0, 0],
  /* 7 */ ["   1、公务用车购置和维护经费", 0, 0, 0],
  /* 8 */ ["       其中：公车购置", 0, 0, 0],
  /* 9 */ ["             公车运行维护", 0, 0, 0],
  /* 10 */ ["   2、出国经费", 0, 0, 0],
  /* 11 */ ["   3、公务接待", 0, 0, 0],
  /* 12 */ ["项目支出：", n2(137.46), n2(150.13), n2(70.27)],
  /* 13 */ ["    1、业务工作经费", n2(137.46), n2(150.13), n2(70.27)],
  /* 14 */ ["    2、运行维护经费", 0, 0, 0],
  /* 15 */ ["……"],
  /* 16 */ ["3、市级专项资金（一个专项一行）"],
  /* 17 */ ["……"],
  /* 18 */ ["公用经费", n2(99.41), n2(116.8), n2(74.46)],
  /* 19 */ ["    其中：办公经费", n2(8.93), n2(23.5), n2(9.43)],
  /* 20 */ ["          水费、电费、差旅费", n2(0.06), n2(1), n2(4.52)],
  /* 21 */ ["          会议费、培训费", n2(0.82), n2(5), n2(0.07)],
  /* 22 */ ["政府采购金额", "——", 32.3, n2(31.1)],
  /* 23 */ ["部门基本支出预算调整 ", "——"],
  /* 24 */ [
    "楼堂馆所控制情况\n（2023年完工项目）",
    "批复规模\n（㎡）",
    "实际规模（㎡）",
    "规模控制率",
    "预算投资（万元）",
    "实际投资（万元）",
    "投资概算控制率",
  ],
  /* 25 */ [
    undefined,
    IDEOGRAPHIC_SPACE,
    IDEOGRAPHIC_SPACE,
    IDEOGRAPHIC_SPACE,
    IDEOGRAPHIC_SPACE,
    IDEOGRAPHIC_SPACE,
    IDEOGRAPHIC_SPACE,
  ],
  /* 26 */ ["厉行节约保障措施", IDEOGRAPHIC_SPACE],
  /* 27 */ [
    "说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。",
  ],
  /* 28 */ ["填表人：康思敏     填报日期：         联系电话： 28580679  单位负责人签字："],
];

const annex3Rows: readonly (readonly CellSpec[])[] = [
  /* 1 */ ["附件3"],
  /* 2 */ ["2023年度部门（单位）整体支出绩效自评表"],
  /* 3 */ ["市级预算部门（单位）名称", undefined, undefined, "株洲市芦淞区人民代表大会常务委员会\u3000"],
  /* 4 */ ["年度预\n算申请\n（万元）", undefined, undefined, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  /* 5 */ [undefined, "年度资金总额", undefined, n2(962.51), n2(982.6), n2(982.21), 10, { v: 0.9996, fmt: "0.00%" }, 98],
  /* 6 */ [undefined, "按收入性质分：982.60", undefined, undefined, undefined, "按支出性质分：982.60"],
  /* 7 */ [undefined, "  其中：  一般公共预算：   982.60", undefined, undefined, undefined, "其中：基本支出：911.94"],
  /* 8 */ [undefined, "政府性基金拨款：   ", undefined, undefined, undefined, "项目支出：70.66"],
  /* 9 */ [undefined, "纳入专户管理的非税收入拨款：   "],
  /* 10 */ [undefined, "其他资金：    "],
  /* 11 */ ["年度总体目标", "预期目标", undefined, undefined, undefined, "实际完成情况\u3000"],
  /* 12 */ [
    undefined,
    "召集本级人民代表大会，领导或主持本级代表大会的选举；依照法律规定的权限决定国家工作人员的任免，讨论、决定或者通过行政区域内重大事项等。通过代表专项评议、视察调研和督查对政府工作进行监督；通过收集群众意见建议，为民发声，促进民生实事落实到位。",
    undefined,
    undefined,
    undefined,
    "\u3000圆满完成了区六届人大三次会议确定的各项工作任务。全年召开人大常委会会议11次、主任会议17次，组织开展执法检查、视察调研34次，听取和审议“一府一委两院”工作报告27项，作出决议决定14项。",
  ],
  /* 13 */ ["绩\n效\n指\n标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  /* 14 */ [undefined, "产出指标\n\n(40分)", "数量指标", "机关福利、办公支出", "67人", "67人", 6, 6],
  /* 15 */ [undefined, undefined, undefined, "六届三次全会", "1次", "1次", 8, 8],
  /* 16 */ [undefined, undefined, undefined, "专题视察、调研", "不少于30次", "34次", 8, 8],
  /* 17 */ [undefined, undefined, undefined, "专项工作评议", "1次", "1次", 4, 4],
  /* 18 */ [undefined, undefined, undefined, "代表培训", "2次", "2次", 4, 4],
  /* 19 */ [undefined, undefined, "质量指标", "完成率%", "≥95%", "100%", 6, 6],
  /* 20 */ [undefined, undefined, "时效指标", "工作保障时效", "2023年全年", "全年", 4, 4],
  /* 21 */ [
    undefined,
    "效益指标\n\n（20分）\n\u3000",
    "经济效\n益指标",
    "推动芦淞区经济社会发展",
    "无直接经济效益",
    "宏观推动发展",
    2,
    2,
    // Published as three spaces: a cell someone cleared with the space bar.
    "   ",
  ],
  /* 22 */ [
    undefined,
    undefined,
    "社会效\n益指标",
    "保障基本支出，完成年初计划",
    "保障机关人员工资福利支出到位。圆满召开区六届人大三次会议。深入基层开展调研，组织代表参加培训、视察、建言献策、反映社情民意等。",
    "保证基本支出，开展人大履职活动",
    15,
    15,
  ],
  /* 23 */ [undefined, undefined, "生态效\n益指标", "/", "/", "/", 0, 0],
  /* 24 */ [
    undefined,
    undefined,
    "可持续影响指标",
    "持续推动新时代基层人大工作迈上新台阶",
    "\u3000推动社会和谐稳定发展",
    "\u3000长期坚持",
    3,
    2,
    "   新时代基层人大工作有待进一步加强。",
  ],
  // The seed has a stray ideographic-space cell before "≥98%" in this row; it is dropped so the row fits.
  /* 25 */ [undefined, "满意度指标\n（10分）", "服务对象满意度指标", "服务对象满意度", "≥98%", "\u3000100%", 10, 10],
  /* 26 */ [
    undefined,
    "成本指标\n（20分）",
    "经济成本指标",
    "人员、运转类等办公基本保障和专项支出",
    "≤812.38万元",
    "837.48万元",
    20,
    19,
    "   超过年初预算，下一年度预算更加精细。",
  ],
  /* 27 */ [undefined, undefined, "社会成本指标", "/", "/", "/", 0, 0],
  /* 28 */ [undefined, undefined, "生态环境成本指标", "/", "/", "/", 0, 0],
  /* 29 */ ["总分", undefined, undefined, undefined, undefined, undefined, 100, 98, IDEOGRAPHIC_SPACE],
  /* 30 */ ["填表人：康思敏   填报日期：          联系电话： 28580679  单位负责人签字："],
];

export const zhuzhouLuosongNpc2023: WorkbookSpec = {
  sheets: [
    {
      name: "附件2",
      rows: annex2Rows,
      merges: ["A2:G2", "B26:G26", "A27:G27", "A28:G28"],
      widths: [34, 14, 20, 14, 18, 18, 16],
    },
    {
      name: "附件3",
      rows: annex3Rows,
      merges: [
        "A2:I2",
        "A3:C3",
        "D3:I3",
        "A4:A10",
        "B4:C4",
        "B5:C5",
        "B6:E6",
        "F6:I6",
        "B7:E7",
        "F7:I7",
        "B8:E8",
        "F8:I8",
        "B9:E9",
        "F9:I9",
        "B10:E10",
        "F10:I10",
        "A11:A12",
        "B11:E11",
        "F11:I11",
        "B12:E12",
        "F12:I12",
        "A13:A28",
        "B14:B20",
        "C14:C18",
        "B21:B24",
        "B26:B28",
        "A29:F29",
        "A30:I30",
      ],
      widths: [8, 14, 14, 26, 28, 24, 8, 10, 30],
    },
  ],
};

import { annex2Form, annex3Form, seedWorkbook, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";

// Year mentions: 附件2 title A2, 在职人数 header C3, funds headers B5 / C5 / D5, 楼堂馆所 header A24;
// 附件3 title A2.
const FUNDS_HEADERS = (prior: number, budget: number, final: number) =>
  ["经费控制情况（万元）", `${prior}年决算数`, `${budget}年预算数`, `${final}年决算数`] as const;

testRule("x.year", {
  valid: [
    { name: "the seed: 2023 titles, 2022年决算数 / 2023年预算数 / 2023年决算数, 2023年实际在职人数, 2023年完工项目", workbook: seedWorkbook() },
    { name: "a 2024 report throughout", workbook: workbook(annex2Form({ year: 2024 }), annex3Form({ year: 2024 })) },
    { name: "a space between the year and 年: \"2023 年实际在职人数\"", workbook: workbook(annex2Form({ staff: { labels: { onPost: "2023 年实际在职人数" } } }), annex3Form()) },
    { name: "full-width digits: \"２０２３年实际在职人数\"", workbook: workbook(annex2Form({ staff: { labels: { onPost: "２０２３年实际在职人数" } } }), annex3Form()) },
    { name: "only one annex, consistent in itself", workbook: workbook(annex2Form()) },
  ],
  invalid: [
    {
      name: "a 2022年预算数 header in a 2023 report",
      workbook: workbook(annex2Form({ funds: { headers: FUNDS_HEADERS(2022, 2022, 2023) } }), annex3Form()),
      findings: [{ cell: "附件2!C5", severity: "error", expected: "2023", actual: "2022", fix: "none", messageIncludes: ["2022年预算数", "2023"] }],
    },
    {
      name: "the doc page's example: last year's headers left in a 2023 report",
      workbook: workbook(annex2Form({ staff: { labels: { onPost: "2022年实际在职人数" } }, funds: { headers: FUNDS_HEADERS(2021, 2022, 2023) } }), annex3Form()),
      findings: [
        { cell: "附件2!C3", severity: "error", expected: "2023", actual: "2022" },
        { cell: "附件2!B5", severity: "error", expected: "2022", actual: "2021" },
        { cell: "附件2!C5", severity: "error", expected: "2023", actual: "2022" },
      ],
    },
    {
      name: "附件3's title still says 2022",
      workbook: workbook(annex2Form(), annex3Form({ title: "2022年度部门（单位）整体支出绩效自评表" })),
      findings: [{ cell: "附件3!A2", severity: "error", expected: "2023", actual: "2022" }],
    },
    {
      name: "the 楼堂馆所 header still says 2022年完工项目",
      workbook: workbook(annex2Form({ buildingsTitle: "楼堂馆所控制情况\n（2022年完工项目）" }), annex3Form()),
      findings: [{ cell: "附件2!A24", severity: "error", expected: "2023", actual: "2022" }],
    },
    {
      name: "the titles updated to 2023 but the whole 附件2 body left at 2022: Y is the titles' year",
      workbook: workbook(
        annex2Form({
          year: 2022,
          title: "2023年度部门（单位）整体支出绩效评价基础数据表",
        }),
        annex3Form({ year: 2023 }),
      ),
      findings: [
        { cell: "附件2!C3", expected: "2023", actual: "2022" },
        { cell: "附件2!B5", expected: "2022", actual: "2021" },
        { cell: "附件2!C5", expected: "2023", actual: "2022" },
        { cell: "附件2!D5", expected: "2023", actual: "2022" },
        { cell: "附件2!A24", expected: "2023", actual: "2022" },
      ],
    },
    {
      name: "titles that disagree: the year most mentions agree on wins (附件2 all 2022, 附件3 2023)",
      workbook: workbook(annex2Form({ year: 2022 }), annex3Form()),
      findings: [{
        cell: "附件3!A2", severity: "error", expected: "2022", actual: "2023",
        message: {
          zh: "“2023年度部门（单位）整体支出绩效自评表”中的年度 2023 与报告年度不一致，应为 2022",
          en: "\"2023年度部门（单位）整体支出绩效自评表\" says 2023; the report year makes it 2022",
        },
      }],
    },
    {
      name: "titles without a year: the year most headers agree on (2023) is the report year",
      workbook: workbook(
        annex2Form({ title: "部门整体支出绩效评价基础数据表", funds: { headers: FUNDS_HEADERS(2022, 2022, 2023) } }),
        annex3Form({ title: "部门（单位）整体支出绩效自评表" }),
      ),
      findings: [{
        cell: "附件2!C5", severity: "error", expected: "2023", actual: "2022",
        message: { zh: "“2022年预算数”中的年度 2022 与报告年度不一致，应为 2023", en: "\"2022年预算数\" says 2022; the report year makes it 2023" },
      }],
    },
    {
      name: "titles and labels without a year: a {Y-1} header votes for the year after it (2022年决算数 counts for 2023)",
      workbook: workbook(
        annex2Form({ title: "部门整体支出绩效评价基础数据表", staff: null, buildings: null, funds: { headers: FUNDS_HEADERS(2022, 2022, 2023) } }),
        annex3Form({ title: "部门（单位）整体支出绩效自评表" }),
      ),
      findings: [{ cell: "附件2!C3", severity: "error", expected: "2023", actual: "2022" }],
    },
  ],
});

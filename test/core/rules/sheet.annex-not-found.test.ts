import { annex2Form, annex3Form, plainSheet, seedWorkbook, stack, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";
import { DEFAULT_SETTINGS } from "../../../src/core";
import annexNotFound from "../../../src/core/rules/sheet/annex-not-found";
import type { Report, UnreadableAnnex } from "../../../src/core/rules/rule";
import { HUNAN_DEPT } from "../../../src/core/profiles/hunan-dept";
import { messageOf } from "../../../src/core/messages/catalogue";

const REPORT_TEXT = plainSheet("自评报告", [
  ["株洲市芦淞区人民代表大会常务委员会2023年度部门整体支出绩效自评报告"],
  ["一、部门概况"],
  ["二、部门整体支出管理及使用情况"],
]);

const FORMS = "湖南 部门整体支出绩效自评（附件2 基础数据表 + 附件3 自评表）；财政部 项目支出绩效自评表；四川 部门预算项目支出绩效自评表；湖北 项目绩效自评表";

testRule("sheet.annex-not-found", {
  valid: [
    { name: "the seed: both annexes found", workbook: seedWorkbook() },
    { name: "sheet names do not matter (Sheet1, 基础数据表)", workbook: workbook(annex3Form({ name: "Sheet1" }), annex2Form({ name: "基础数据表" })) },
    { name: "both annexes on one sheet", workbook: workbook(stack("Sheet1", [annex2Form(), annex3Form()])) },
    { name: "annexes placed anywhere on their sheets", workbook: workbook(annex2Form({ offset: { rows: 7, cols: 4 } }), annex3Form({ offset: { rows: 2, cols: 1 } })) },
    { name: "next to other sheets", workbook: workbook(REPORT_TEXT, annex2Form(), annex3Form()) },
  ],
  invalid: [
    {
      name: "an empty workbook: no known table, one error naming no cell",
      workbook: workbook(),
      findings: [
        { cell: null, severity: "error", expected: null, actual: null, fix: "none", messageIncludes: ["未找到可识别的表格", "编制数", "年度资金总额", "项目支出绩效自评表"] },
      ],
    },
    {
      name: "only the report's text",
      workbook: workbook(REPORT_TEXT),
      findings: [{ cell: null, severity: "error", messageIncludes: ["未找到可识别的表格", "No known table"] }],
    },
    {
      // rules.md: a workbook holding only some of a form's tables is checked as it is (info).
      name: "only 附件3: checked, with an info that 附件2 is missing and the cross-table rules did not run",
      workbook: workbook(annex3Form()),
      findings: [{
        cell: "附件3!A1", severity: "info",
        message: {
          zh: "只找到附件3 整体支出绩效自评表，未找到附件2 基础数据表：已核对找到的表，需要两表对照的规则（x.project-spending、x.public-funds-in-basic）未运行",
          en: "Only Annex 3 (self-evaluation table) was found, not Annex 2 (basic data table): the table found was checked; the rules that compare both (x.project-spending, x.public-funds-in-basic) did not run",
        },
      }],
    },
    {
      name: "only 附件2: an info at 附件2's first cell",
      workbook: workbook(annex2Form()),
      findings: [{ cell: "附件2!A1", severity: "info", messageIncludes: ["只找到附件2 基础数据表", "Only Annex 2"] }],
    },
    {
      name: "an empty workbook, word for word",
      workbook: workbook(),
      findings: [
        {
          cell: null,
          message: {
            zh: `未找到可识别的表格：查找了“附件3 整体支出绩效自评表”标题、“全年预算数/全年执行数”表头、“年度资金总额”“一级指标/三级指标”“年度总体目标”，以及基础数据表的“编制数/实际在职人数”“经费控制情况”“三公经费”等标签，至少需要其中两个（支持的表式：${FORMS}）`,
            en: "No known table found: looked for the title 附件3 整体支出绩效自评表, the headers 全年预算数/全年执行数 and the labels 年度资金总额, 一级指标/三级指标, 年度总体目标, and for the basic data table 编制数/实际在职人数, 经费控制情况, 三公经费; at least two are needed (forms known: Hunan department-wide self-evaluation (annex 2 basic data + annex 3); Ministry of Finance project self-evaluation table; Sichuan department budget project self-evaluation table; Hubei project self-evaluation table)",
          },
        },
      ],
    },
  ],
});

describe("sheet.annex-not-found for an annex found but unreadable", () => {
  // The parsers are written never to throw, so no workbook reaches this path: the rule is called
  // directly with what validate() hands it when a parser did fail.
  const check = (unreadable: { annex2: UnreadableAnnex | null; annex3: UnreadableAnnex | null }) => {
    const reports: Report[] = [];
    annexNotFound.check({
      annex2: null, annex3: null, profile: HUNAN_DEPT, terms: HUNAN_DEPT.terms, settings: DEFAULT_SETTINGS,
      workbook: { basicData: null, selfEvalTables: [], unreadable, extraAnnexes: [] },
      report: (r) => reports.push(r),
    });
    return reports.map((r) => ({ at: r.at, message: messageOf({ ruleId: "sheet.annex-not-found", messageId: r.messageId, data: r.data ?? {} }) }));
  };

  test("says where each annex was found and what went wrong, instead of \"not found\"", () => {
    const reports = check({
      annex2: { at: { sheet: "附件2", row: 0, col: 0 }, detail: "funds.budget: expected a Decimal" },
      annex3: { at: { sheet: "附件 3", row: 4, col: 0 }, detail: "boom" },
    });
    expect(reports).toEqual([
      {
        at: { sheet: "附件2", row: 0, col: 0 },
        message: {
          zh: "无法读取附件2 基础数据表（位于 附件2!A1 起）：funds.budget: expected a Decimal。依赖它的规则已跳过，请检查该表是否有异常的合并单元格或内容，并将此问题反馈给开发者",
          en: "Could not read Annex 2 (basic data table) (found at 附件2!A1): funds.budget: expected a Decimal. The rules that need it were skipped; check the table for odd merged cells or content, and report this to the developers",
        },
      },
      {
        at: { sheet: "附件 3", row: 4, col: 0 },
        message: {
          zh: "无法读取附件3 整体支出绩效自评表（位于 附件 3!A5 起）：boom。依赖它的规则已跳过，请检查该表是否有异常的合并单元格或内容，并将此问题反馈给开发者",
          en: "Could not read Annex 3 (self-evaluation table) (found at 附件 3!A5): boom. The rules that need it were skipped; check the table for odd merged cells or content, and report this to the developers",
        },
      },
    ]);
  });

  test("a failure before the annex could be placed names no cell", () => {
    const failure = { at: null, detail: "locate failed" };
    const reports = check({ annex2: failure, annex3: failure });
    expect(reports.map((r) => r.at)).toEqual([null, null]);
    expect(reports[0]!.message.zh).toBe("无法读取附件2 基础数据表：locate failed。依赖它的规则已跳过，请检查该表是否有异常的合并单元格或内容，并将此问题反馈给开发者");
    expect(reports[1]!.message.en).toBe("Could not read Annex 3 (self-evaluation table): locate failed. The rules that need it were skipped; check the table for odd merged cells or content, and report this to the developers");
  });
});

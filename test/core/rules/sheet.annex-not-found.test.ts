import { annex2Form, annex3Form, plainSheet, seedWorkbook, stack, workbook } from "../../helpers/forms";
import { testRule } from "../../helpers/rule-tester";
import { DEFAULT_SETTINGS } from "../../../src/core";
import annexNotFound from "../../../src/core/rules/sheet/annex-not-found";
import type { Report, RuleContext } from "../../../src/core/rules/rule";

const REPORT_TEXT = plainSheet("自评报告", [
  ["株洲市芦淞区人民代表大会常务委员会2023年度部门整体支出绩效自评报告"],
  ["一、部门概况"],
  ["二、部门整体支出管理及使用情况"],
]);

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
      name: "an empty workbook: neither annex, no cell to name",
      workbook: workbook(),
      findings: [
        { cell: null, severity: "error", expected: null, actual: null, fix: "none", messageIncludes: ["附件2", "基础数据表", "编制数"] },
        { cell: null, severity: "error", messageIncludes: ["附件3", "整体支出绩效自评表", "年度资金总额"] },
      ],
    },
    {
      name: "only the report's text",
      workbook: workbook(REPORT_TEXT),
      findings: [{ cell: null, messageIncludes: ["附件2"] }, { cell: null, messageIncludes: ["附件3"] }],
    },
    {
      name: "only 附件3: one finding, for 附件2",
      workbook: workbook(annex3Form()),
      findings: [{ cell: null, severity: "error", messageIncludes: ["附件2", "Annex 2"] }],
    },
    {
      name: "only 附件2: one finding, for 附件3",
      workbook: workbook(annex2Form()),
      findings: [{ cell: null, severity: "error", messageIncludes: ["附件3", "Annex 3"] }],
    },
    {
      name: "an empty workbook, word for word",
      workbook: workbook(),
      findings: [
        {
          cell: null,
          message: {
            zh: "未找到附件2 基础数据表：查找了“基础数据表”标题、“编制数/实际在职人数”“经费控制情况”“三公经费”“楼堂馆所控制情况”等标签，至少需要其中两个",
            en: "Annex 2 (basic data table) not found: looked for its title and the labels 编制数/实际在职人数, 经费控制情况, 三公经费, 楼堂馆所控制情况; at least two are needed",
          },
        },
        {
          cell: null,
          message: {
            zh: "未找到附件3 整体支出绩效自评表：查找了“整体支出绩效自评表”标题、“全年预算数/全年执行数”表头、“年度资金总额”“一级指标/三级指标”“年度总体目标”等标签，至少需要其中两个",
            en: "Annex 3 (self-evaluation table) not found: looked for its title and the labels 全年预算数/全年执行数, 年度资金总额, 一级指标/三级指标, 年度总体目标; at least two are needed",
          },
        },
      ],
    },
  ],
});

describe("sheet.annex-not-found for an annex found but unreadable", () => {
  // The parsers are written never to throw, so no workbook reaches this path: the rule is called
  // directly with what validate() hands it when a parser did fail.
  const check = (unreadable: RuleContext["unreadable"]) => {
    const reports: Report[] = [];
    annexNotFound.check({ annex2: null, annex3: null, unreadable, settings: DEFAULT_SETTINGS, report: (r) => reports.push(r) });
    return reports;
  };

  test("says where each annex was found and what went wrong, instead of \"not found\"", () => {
    const reports = check({
      annex2: { at: { sheet: "附件2", row: 0, col: 0 }, detail: "funds.budget: expected a Decimal" },
      annex3: { at: { sheet: "附件 3", row: 4, col: 0 }, detail: "boom" },
    });
    expect(reports).toEqual([
      {
        at: { sheet: "附件2", row: 0, col: 0 }, expected: null, actual: null,
        message: {
          zh: "无法读取附件2 基础数据表（位于 '附件2'!A1 起）：funds.budget: expected a Decimal。依赖它的规则已跳过，请检查该表是否有异常的合并单元格或内容，并将此问题反馈给开发者",
          en: "Could not read Annex 2 (basic data table) (found at '附件2'!A1): funds.budget: expected a Decimal. The rules that need it were skipped; check the table for odd merged cells or content, and report this to the developers",
        },
      },
      {
        at: { sheet: "附件 3", row: 4, col: 0 }, expected: null, actual: null,
        message: {
          zh: "无法读取附件3 整体支出绩效自评表（位于 '附件 3'!A5 起）：boom。依赖它的规则已跳过，请检查该表是否有异常的合并单元格或内容，并将此问题反馈给开发者",
          en: "Could not read Annex 3 (self-evaluation table) (found at '附件 3'!A5): boom. The rules that need it were skipped; check the table for odd merged cells or content, and report this to the developers",
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

/**
 * A blank template beside the filled tables is no duplicate (issue 11). The pane inserts its
 * template as "附件2 (2)"/"附件3 (2)" when 附件2/附件3 exist; a finance officer does that on
 * purpose, so the next check must not warn that the annexes are there twice. The blank tables are
 * not checked, and one info names them (so nobody takes them for checked and correct); a copy
 * with figures typed in it is still a duplicate, and the filled table is the one checked whatever
 * the sheet order. See src/core/annex/blank.ts for what "blank" means.
 */
import { validate, type Finding, type ValidationResult } from "../../../src/core";
import { toA1 } from "../../../src/core/grid/address";
import type { WorkbookSnapshot } from "../../../src/core/grid/workbook";
import { messageText } from "../../../src/core/messages/catalogue";
import { buildTemplate, freeSheetNames, WEIGHT_SCHEMES, type TemplateDescription, type WeightScheme } from "../../../src/core/template";
import { MemoryWorkbook } from "../../../src/adapters/memory";
import { MemoryHost } from "../../../src/adapters/memory/memory-host";
import { createOfficeHost } from "../../../src/adapters/office";
import { zhuzhouLuosongNpc2023 } from "../../../src/samples/zhuzhou-luosong-npc-2023";
import { ExcelFake } from "../../fakes/excel-fake";
import { filledSnapshot, indicatorRows, SEED_LAYOUT, seedFill, TemplateFill } from "../../helpers/template-fill";

const seed = () => MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023);
const COPY = { annex2: "附件2 (2)", annex3: "附件3 (2)" } as const;

/** Everything a finding says, in both languages. */
function described(f: Finding): string {
  return [f.severity, f.ruleId, f.at ? `${f.at.sheet}!${toA1(f.at)}` : "-", f.expected, f.actual, messageText(f, "zh"), messageText(f, "en")].join(" | ");
}

const duplicates = (r: ValidationResult) => r.findings.filter((f) => f.ruleId === "sheet.duplicate-annex");
const others = (r: ValidationResult) => r.findings.filter((f) => f.ruleId !== "sheet.duplicate-annex").map(described);
const seedResult = validate(seed().read());

function withSheets(base: WorkbookSnapshot, extra: WorkbookSnapshot): WorkbookSnapshot {
  return { sheets: [...base.sheets, ...extra.sheets] };
}

/** The one info about blank tables: where it points, what it names. */
function expectBlankInfo(result: ValidationResult, at: string, related: readonly string[], named: { zh: string; en: string }) {
  const found = duplicates(result);
  expect(found.map((f) => [f.severity, `${f.at!.sheet}!${toA1(f.at!)}`, f.related.map((r) => `${r.sheet}!${toA1(r)}`)])).toEqual([["info", at, related]]);
  expect(messageText(found[0]!, "zh")).toBe(`${named.zh} 是未填写的空白表（没有填入任何数字），本次未核对`);
  expect(messageText(found[0]!, "en")).toBe(`Blank tables (no figure typed yet) are not checked: ${named.en}`);
}

describe.each(WEIGHT_SCHEMES.map((w) => [w] as const))("the seed with a blank template inserted beside it (%s)", (weights: WeightScheme) => {
  const template = (names: { annex2: string; annex3: string } = COPY): TemplateDescription => buildTemplate({ year: 2024, weights, sheetNames: names });

  test("through the memory host (the demo's 插入空白模板): no duplicate warning, the seed's findings unchanged, one info", async () => {
    const host = new MemoryHost(seed());
    const names = freeSheetNames(host.workbook.sheetNames());
    expect(names).toEqual(COPY);
    expect(await host.insertTemplate(template(names))).toMatchObject({ ok: true, sheets: [COPY.annex2, COPY.annex3] });
    const result = validate(host.workbook.read());
    expect(others(result)).toEqual(seedResult.findings.map(described));
    expect(result.findings.filter((f) => f.severity !== "info").map(described)).toEqual(seedResult.findings.filter((f) => f.severity !== "info").map(described));
    expect([result.summary.errors, result.summary.warnings, result.summary.score, result.summary.grade])
      .toEqual([seedResult.summary.errors, seedResult.summary.warnings, seedResult.summary.score, seedResult.summary.grade]);
    expect(result.tables.map((t) => t.sheet)).toEqual(["附件2", "附件3"]);
    expectBlankInfo(result, "附件2 (2)!A1", ["附件3 (2)!A1"], { zh: "附件2 (2)、附件3 (2)", en: "附件2 (2), 附件3 (2)" });
  });

  test("through the Office host over the fake: the same", async () => {
    const fake = ExcelFake.fromSpec(zhuzhouLuosongNpc2023);
    const host = createOfficeHost(fake.run, fake.requirements);
    expect(await host.insertTemplate!(template())).toMatchObject({ ok: true });
    const read = await host.read();
    if (!read.ok) throw new Error(read.message.en);
    const result = validate(read.snapshot);
    expect(others(result)).toEqual(seedResult.findings.map(described));
    expectBlankInfo(result, "附件2 (2)!A1", ["附件3 (2)!A1"], { zh: "附件2 (2)、附件3 (2)", en: "附件2 (2), 附件3 (2)" });
  });

  test("filled with the seed's figures, the copy is a duplicate again: two warnings, as before", () => {
    const description = template();
    const result = validate(withSheets(seed().read(), filledSnapshot(description, seedFill(description))));
    expect(duplicates(result).map((f) => [f.severity, `${f.at!.sheet}!${toA1(f.at!)}`, messageText(f, "zh")])).toEqual([
      ["warning", "附件2 (2)!A1", "工作簿中还有一张附件2 基础数据表（附件2 (2)!A1 起），本次只核对了 附件2!A1 起的那一张。请删除或改名多余的表，或确认核对的是要上报的那一张"],
      ["warning", "附件3 (2)!A1", "工作簿中还有一张附件3 整体支出绩效自评表（附件3 (2)!A1 起），本次只核对了 附件3!A1 起的那一张。请删除或改名多余的表，或确认核对的是要上报的那一张"],
    ]);
    expect(others(result)).toEqual(seedResult.findings.map(described));
  });

  test("one figure typed in the copy's 附件3 makes that one a duplicate; its blank 附件2 stays an info", () => {
    const description = template();
    const fill = new TemplateFill().set(COPY.annex3, description.slots.annex3.budget, 100);
    const result = validate(withSheets(seed().read(), filledSnapshot(description, fill)));
    expect(duplicates(result).map((f) => [f.severity, `${f.at!.sheet}!${toA1(f.at!)}`])).toEqual([
      ["info", "附件2 (2)!A1"],
      ["warning", "附件3 (2)!A1"],
    ]);
  });
});

describe("what counts as blank", () => {
  const description = buildTemplate({ ...SEED_LAYOUT, sheetNames: COPY });
  const check = (fill: TemplateFill) => duplicates(validate(withSheets(seed().read(), filledSnapshot(description, fill)))).map((f) => f.severity);

  test("indicator names, targets and 分值 typed, zeros and dashes in the amounts: still blank (nothing a rule could check)", () => {
    const fill = new TemplateFill();
    for (const [i, row] of indicatorRows(description).entries()) {
      fill.set(COPY.annex3, row.level3, `指标${i + 1}名称`).set(COPY.annex3, row.target, "≥90%").set(COPY.annex3, row.weight, 6);
    }
    const a2 = description.slots.annex2;
    fill.set(COPY.annex2, a2.abroad.priorFinal, 0).set(COPY.annex2, a2.abroad.budget, "—").set(COPY.annex2, a2.reception.final, "0.00");
    expect(check(fill)).toEqual(["info"]);
  });

  test("a 完成值, a 得分 or a head count typed: filled", () => {
    const [row] = indicatorRows(description);
    expect(check(new TemplateFill().set(COPY.annex3, row!.actual, "95%"))).toEqual(["info", "warning"]);
    expect(check(new TemplateFill().set(COPY.annex3, row!.score, 5))).toEqual(["info", "warning"]);
    expect(check(new TemplateFill().set(COPY.annex2, description.slots.annex2.establishment, 21))).toEqual(["warning", "info"]);
  });
});

describe("the filled tables are checked, wherever the blank template sits", () => {
  test("a blank template on the first sheets, the filled tables after it: the filled ones are checked", () => {
    const blank = filledSnapshot(buildTemplate({ year: 2023, weights: "40-20-10-20" }));
    const filled = seed();
    filled.renameSheet("附件2", COPY.annex2);
    filled.renameSheet("附件3", COPY.annex3);
    const result = validate(withSheets(blank, filled.read()));
    expect(result.tables.map((t) => t.sheet)).toEqual([COPY.annex2, COPY.annex3]);
    const renamed = (text: string) => text.replace(/附件([23])!/g, "附件$1 (2)!");
    expect(result.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.at!.sheet}!${toA1(f.at!)}`)).toEqual(
      seedResult.findings.filter((f) => f.severity === "error").map((f) => renamed(`${f.ruleId} ${f.at!.sheet}!${toA1(f.at!)}`)),
    );
    expect(result.summary).toMatchObject({ errors: seedResult.summary.errors, warnings: seedResult.summary.warnings, score: "98.00" });
    expectBlankInfo(result, "附件2!A1", ["附件3!A1"], { zh: "附件2、附件3", en: "附件2, 附件3" });
  });
});

describe("a workbook holding only blank templates", () => {
  test("one template inserted into an empty workbook: no error, no warning, nothing about duplicates", async () => {
    const host = new MemoryHost(new MemoryWorkbook({ sheets: [] }));
    expect(await host.insertTemplate(buildTemplate({ year: 2024, weights: "40-20-10-20" }))).toMatchObject({ ok: true });
    const result = validate(host.workbook.read());
    expect(result.tables.map((t) => t.sheet)).toEqual(["附件2", "附件3"]);
    expect(result.findings.filter((f) => f.severity !== "info").map(described)).toEqual([]);
    expect(duplicates(result)).toEqual([]);
  });

  test("inserted twice: the first pair is checked (infos only), the second named by the one info", async () => {
    const host = new MemoryHost(new MemoryWorkbook({ sheets: [] }));
    await host.insertTemplate(buildTemplate({ year: 2024, weights: "40-20-10-20" }));
    await host.insertTemplate(buildTemplate({ year: 2024, weights: "50-30-10", sheetNames: freeSheetNames(host.workbook.sheetNames()) }));
    const result = validate(host.workbook.read());
    expect(result.tables.map((t) => t.sheet)).toEqual(["附件2", "附件3"]);
    expect(result.findings.filter((f) => f.severity !== "info").map(described)).toEqual([]);
    expectBlankInfo(result, "附件2 (2)!A1", ["附件3 (2)!A1"], { zh: "附件2 (2)、附件3 (2)", en: "附件2 (2), 附件3 (2)" });
  });
});

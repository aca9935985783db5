// The seed end to end: its text against its own annexes (the sample workbook).
import { checkReportText, withReportText } from "../../../src/core/report-text";
import { validate } from "../../../src/core";
import { snapshotFromSpec } from "../../../src/adapters/memory/grid-spec";
import { zhuzhouLuosongNpc2023 } from "../../../src/samples/zhuzhou-luosong-npc-2023";
import { brief, check, SEED_TEXT } from "./helpers";

test("the seed reports r.income (982.21 vs 982.60) and r.project (70.27 vs 70.66), once per sentence that says it, and nothing else", () => {
  const { findings } = check(SEED_TEXT);
  expect(findings.map(brief)).toEqual([
    "r.income warning 附件3!B7 982.6 982.21",
    "r.project warning 附件3!F8 70.66 70.27",
    "r.project warning 附件3!F8 70.66 70.27",
    "r.project warning 附件3!F8 70.66 70.27",
  ]);
  expect(findings.map((f) => f.textRef && [f.textRef.paragraph, f.textRef.sentence, f.textRef.quote])).toEqual([
    [26, 1, "2.2023年度单位一般公共预算财政拨款收入982.21万元。"],
    [27, 2, "其中：项目支出70.27万元，基本支出911.94万元，其中：人员经费837.48万元，公用经费74.46万元。"],
    [29, 1, "项目支出70.27万元（其中代表履职经费50.31万元；全会经费15.50万元；市代表活动经费4.46万元）。"],
    [48, 1, "1.本单位2023年年初预算专项资金共7个，共150.13万元，实际支出70.27万元，其中代表履职经费50.31万元；全会经费15.50万元；市代表活动经费4.46万元。"],
  ]);
  for (const f of findings) {
    expect(SEED_TEXT.slice(f.textRef!.offset, f.textRef!.offset + f.textRef!.length)).toMatch(/^(?:2023年度单位一般公共预算财政拨款收入982\.21|项目支出70\.27|实际支出70\.27)万元$/);
  }
});

test("where the text and the annexes agree, every figure was compared (the check is not silent by accident)", () => {
  const result = check(SEED_TEXT);
  const keys = new Set(result.figures.map((f) => f.key));
  for (const key of ["budget", "specialBudget", "expense", "basic", "personnel", "publicFunds", "establishment", "onPayroll", "projectActual"]) {
    expect(keys.has(key as never)).toBe(true);
  }
  expect(result.projects).toHaveLength(3);
});

test("withReportText adds the findings to the engine's result and recounts", () => {
  const engine = validate(snapshotFromSpec(zhuzhouLuosongNpc2023));
  const merged = withReportText(engine, checkReportText(engine, SEED_TEXT));
  expect(merged.findings).toHaveLength(engine.findings.length + 4);
  expect(merged.summary).toEqual({ ...engine.summary, warnings: engine.summary.warnings + 4 });
});

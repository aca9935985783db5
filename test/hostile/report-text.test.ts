/**
 * Report text an attacker could write (issue 13): a "sentence" of a hundred thousand figures, brackets
 * nested ten thousand deep, a long run of spaces before a figure. Each is checked without a stack
 * overflow, and every quote stays short enough to read, whatever the sentence's length. (Time is
 * measured by `npm run bench` row 5, per MB at 1, 10 and 50 MB.)
 */
import { prepareReportText } from "../../src/core/report-text/input";
import { validate } from "../../src/core";
import { readXlsx } from "../../src/adapters/xlsx/read-xlsx";
import { join } from "node:path";

const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx");

async function check(text: string) {
  const read = await readXlsx(SAMPLE);
  if (!read.ok) throw new Error("sample unreadable");
  return validate(read.snapshot, undefined, { reportText: prepareReportText(text) });
}

test("one sentence of 100,000 figures: no stack overflow; every figure read", async () => {
  const text = "收入1万元，".repeat(100_000);
  const prepared = prepareReportText(text);
  expect(prepared.figures.length).toBe(100_000);
  await expect(check(text)).resolves.toBeDefined();
});

test("stated sums that do not add up, in one endless sentence: each quote is cut around its figure", async () => {
  const clause = "支出100万元，其中：项目支出70万元，基本支出50万元；";
  const result = await check(clause.repeat(5_000));
  const sums = result.findings.filter((f) => f.ruleId.startsWith("r.") && f.textRef);
  expect(sums.length).toBeGreaterThan(1_000);
  for (const f of sums) expect(f.textRef!.quote.length).toBeLessThanOrEqual(302);
  // The cut keeps the figure the finding is about.
  expect(sums[2_000]!.textRef!.quote).toContain("支出100万元，其中：项目支出70万元，基本支出50万元");
});

test("brackets nested 10,000 deep, each opening a 其中 clause", async () => {
  const result = await check("支出1万元（其中".repeat(10_000));
  expect(result.findings.every((f) => f.ruleId !== "engine.internal")).toBe(true);
});

test("a long run of spaces or filler words before a figure keeps its label short", async () => {
  const prepared = prepareReportText(`${" ".repeat(200_000)}收入5万元。${"为".repeat(200_000)}支出6万元。`);
  expect(prepared.figures.map((f) => f.value.toString())).toEqual(["5", "6"]);
  expect(prepared.figures.every((f) => f.label.length <= 120)).toBe(true);
});

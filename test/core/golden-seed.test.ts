/**
 * The seed, end to end: the sample workbook (the published 2023 report of 株洲市芦淞区人大常委会)
 * gives exactly these findings, whether it comes from its spec or from the committed .xlsx.
 * The list is the product's promise about the seed (annexes.md, "Findings the seed must
 * produce"); a change to it is a change of behaviour and must be made here on purpose.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planFixes, validate, type Finding, type ValidationResult, type WorkbookSnapshot } from "../../src/core";
import { snapshotFromSpec } from "../../src/adapters/memory/grid-spec";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { readXlsx, writeFixedCopy } from "../../src/adapters/xlsx";
import { RULES } from "../../src/core/rules";
import { toA1 } from "../../src/core/grid/address";
import { zhuzhouLuosongNpc2023 } from "../../src/samples/zhuzhou-luosong-npc-2023";
import { messageOf } from "../../src/core/messages/catalogue";

const SAMPLE_XLSX = join(__dirname, "..", "..", "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx");

interface Golden {
  readonly ruleId: string;
  readonly cell: string;
  readonly severity: Finding["severity"];
  readonly expected: string | null;
  readonly actual: string | null;
}

/** The seed's findings, in the engine's order (sheet, row, column). */
const GOLDEN: readonly Golden[] = [
  { ruleId: "a2.over-establishment", cell: "附件2!C4", severity: "info",    expected: null,     actual: "35" },
  { ruleId: "a2.staff-control-rate", cell: "附件2!D4", severity: "error",   expected: "166.67", actual: "60" },
  { ruleId: "a3.execution-score",    cell: "附件3!I5", severity: "error",   expected: "10",     actual: "98" },
  { ruleId: "a3.expense-breakdown",  cell: "附件3!F6", severity: "warning", expected: "982.21", actual: "982.6" },
  { ruleId: "x.project-spending",    cell: "附件3!F8", severity: "warning", expected: "70.27",  actual: "70.66" },
  { ruleId: "a3.target-unparsed",    cell: "附件3!E20", severity: "info",   expected: null,     actual: "2023年全年" },
  { ruleId: "a3.target-unparsed",    cell: "附件3!E21", severity: "info",   expected: null,     actual: "无直接经济效益" },
  {
    ruleId: "a3.target-unparsed", cell: "附件3!E22", severity: "info", expected: null,
    actual: "保障机关人员工资福利支出到位。圆满召开区六届人大三次会议。深入基层开展调研，组织代表参加培训、视察、建言献策、反映社情民意等。",
  },
  { ruleId: "a3.target-unparsed",    cell: "附件3!E24", severity: "info",   expected: null,     actual: "推动社会和谐稳定发展" },
  { ruleId: "a3.quantitative-score", cell: "附件3!H26", severity: "info",   expected: "19.38",  actual: "19" },
  { ruleId: "a3.grade",              cell: "附件3!H29", severity: "info",   expected: "excellent", actual: null },
];

function cellOf(f: Finding): string {
  return f.at ? `${f.at.sheet}!${toA1(f.at)}` : "(none)";
}

function golden(result: ValidationResult): Golden[] {
  return result.findings.map((f) => ({ ruleId: f.ruleId, cell: cellOf(f), severity: f.severity, expected: f.expected, actual: f.actual }));
}

function only(result: ValidationResult, ruleId: string, cell?: string): Finding {
  const found = result.findings.filter((f) => f.ruleId === ruleId && (cell === undefined || cellOf(f) === cell));
  expect(found).toHaveLength(1);
  return found[0]!;
}

const FIXABLE = new Set<string>(RULES.filter((r) => r.meta.fixable).map((r) => r.meta.id));

/** Checks shared by the spec and the .xlsx: the golden list, the messages and the fixes. */
function expectSeedFindings(result: ValidationResult): void {
  expect(golden(result)).toEqual(GOLDEN);
  expect(result.summary).toEqual({ errors: 2, warnings: 2, infos: 7, score: "98.00", grade: "excellent" });
  for (const f of result.findings) {
    expect(messageOf(f).zh.trim()).not.toBe("");
    expect(messageOf(f).en.trim()).not.toBe("");
  }
}

function applySafeFixes(snapshot: WorkbookSnapshot, result: ValidationResult): { after: ValidationResult; workbook: MemoryWorkbook } {
  const workbook = new MemoryWorkbook(snapshot);
  const applied = workbook.apply(planFixes(result.findings));
  expect(applied.stale).toEqual([]);
  return { after: validate(workbook.read()), workbook };
}

describe("the seed from its spec", () => {
  const snapshot = snapshotFromSpec(zhuzhouLuosongNpc2023);
  const result = validate(snapshot);

  test("gives exactly the golden findings and summary", () => {
    expectSeedFindings(result);
  });

  test("控制率: 60% is the inverse of 166.67%, fixed as 1.6667 in 0.00%", () => {
    const f = only(result, "a2.staff-control-rate");
    expect(messageOf(f).zh).toContain("166.67%");
    expect(messageOf(f).zh).toContain("60.00%");
    expect(messageOf(f).zh).toContain("倒数");
    expect(f.fix).toEqual({
      safe: true,
      edits: [{ at: { sheet: "附件2", row: 3, col: 3 }, before: 0.6, after: 1.6667, numberFormat: "0.00%" }],
    });
  });

  test("执行率得分: 98 on a 10-point row, fixed to 10", () => {
    const f = only(result, "a3.execution-score");
    expect(messageOf(f).zh).toContain("99.96%");
    expect(f.fix?.safe).toBe(true);
    expect(f.fix?.edits).toEqual([{ at: { sheet: "附件3", row: 4, col: 8 }, before: 98, after: 10, numberFormat: "0.00" }]);
  });

  test("按支出性质分 982.60 against 全年执行数 982.21, and 项目支出 70.66 against 附件2's 70.27: warnings without fixes", () => {
    const expense = only(result, "a3.expense-breakdown");
    expect(messageOf(expense).zh).toContain("982.60");
    expect(messageOf(expense).zh).toContain("982.21");
    expect(expense.fix).toBeUndefined();
    const project = only(result, "x.project-spending");
    expect(messageOf(project).zh).toContain("70.66");
    expect(messageOf(project).zh).toContain("70.27");
    expect(project.fix).toBeUndefined();
  });

  test("the 成本 row: 19 entered, 19.38 suggested (reverse, formula A), a fix that is not pre-selected", () => {
    const f = only(result, "a3.quantitative-score");
    expect(messageOf(f).zh).toContain("19.38");
    expect(f.fix?.safe).toBe(false);
    expect(f.fix?.edits).toEqual([{ at: { sheet: "附件3", row: 25, col: 7 }, before: 19, after: 19.38, numberFormat: "0.00" }]);
  });

  test("the grade is 优 on the recomputed total 98.00", () => {
    const f = only(result, "a3.grade");
    expect(messageOf(f).zh).toContain("98.00");
  });

  test("applying the safe fixes leaves no error from a fixable rule; the suggested score is not applied", () => {
    const { after, workbook } = applySafeFixes(snapshot, result);
    expect(after.findings.filter((f) => f.severity === "error" && FIXABLE.has(f.ruleId))).toEqual([]);
    expect(after.summary.errors).toBe(0);
    expect(workbook.cell("附件2", 3, 3)).toEqual({ value: 1.6667, numberFormat: "0.00%" });
    expect(workbook.cell("附件3", 4, 8)).toEqual({ value: 10, numberFormat: "0.00" });
    expect(workbook.cell("附件3", 25, 7)?.value).toBe(19);
    const suggestion = only(after, "a3.quantitative-score", "附件3!H26");
    expect(suggestion.expected).toBe("19.38");
    // The rest of the golden list is untouched by the fixes.
    const fixedCells = new Set(["附件2!D4", "附件3!I5"]);
    expect(golden(after)).toEqual(GOLDEN.filter((g) => !fixedCells.has(g.cell)));
  });

  test("applying every fix, the unsafe one too, writes 19.38 and leaves no quantitative-score finding", () => {
    const workbook = new MemoryWorkbook(snapshot);
    workbook.apply(planFixes(result.findings, { includeUnsafe: true }));
    expect(workbook.cell("附件3", 25, 7)?.value).toBe(19.38);
    const after = validate(workbook.read());
    expect(after.findings.filter((f) => f.ruleId === "a3.quantitative-score")).toEqual([]);
    // 总分 98 no longer adds up (10 + 88.38): one finding, on the 总分 cell.
    expect(after.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${cellOf(f)}`)).toEqual(["a3.total-score 附件3!H29"]);
  });

  test("validation is deterministic", () => {
    expect(golden(validate(snapshotFromSpec(zhuzhouLuosongNpc2023)))).toEqual(golden(result));
  });
});

describe("the seed from the committed .xlsx (readXlsx)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "golden-seed-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function readSample(path = SAMPLE_XLSX): Promise<WorkbookSnapshot> {
    const read = await readXlsx(path);
    if (!read.ok) throw new Error(`cannot read ${path}: ${read.message.en}`);
    return read.snapshot;
  }

  test("gives the same findings as the spec, field for field", async () => {
    const result = validate(await readSample());
    expectSeedFindings(result);
    const fromSpec = validate(snapshotFromSpec(zhuzhouLuosongNpc2023));
    expect(result.findings).toEqual(fromSpec.findings);
  });

  test("safe fixes through MemoryWorkbook leave no error from a fixable rule", async () => {
    const snapshot = await readSample();
    const { after } = applySafeFixes(snapshot, validate(snapshot));
    expect(after.findings.filter((f) => f.severity === "error" && FIXABLE.has(f.ruleId))).toEqual([]);
    expect(only(after, "a3.quantitative-score").expected).toBe("19.38");
  });

  test("safe fixes written to a new .xlsx (writeFixedCopy) and read back leave no error", async () => {
    const result = validate(await readSample());
    const out = join(dir, "fixed.xlsx");
    const written = await writeFixedCopy(SAMPLE_XLSX, out, planFixes(result.findings));
    if (!written.ok) throw new Error(written.message.en);
    expect(written.stale).toEqual([]);
    expect(written.applied).toHaveLength(2);
    const after = validate(await readSample(out));
    expect(after.summary.errors).toBe(0);
    expect(only(after, "a3.quantitative-score").expected).toBe("19.38");
  });
});

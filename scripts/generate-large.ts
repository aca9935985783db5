/**
 * A large workbook in the sample's layout, for benchmarks: 附件2 with 500 专项 lines under 项目支出
 * (the 项目支出 total kept equal to their sum) and 附件3 with 2,000 indicator rows in the four
 * 一级 groups of the seed (weights adding up to each group's stated weight). The content is
 * deterministic (a fixed pseudo-random sequence), so two runs write the same workbook.
 *
 * Run: node scripts/run-ts.js scripts/generate-large.ts [output.xlsx]
 * (default: <tmpdir>/annex-checker-large.xlsx)
 */
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../src/adapters/memory/grid-spec";
import { writeSpecToXlsx } from "../src/adapters/xlsx";
import { zhuzhouLuosongNpc2023 as SAMPLE } from "../src/samples/zhuzhou-luosong-npc-2023";

export interface LargeOptions {
  /** Indicator rows of 附件3. Default 2,000. */
  readonly indicatorRows?: number;
  /** 专项 lines under 项目支出 of 附件2. Default 500. */
  readonly specialLines?: number;
}

export const DEFAULT_LARGE: Required<LargeOptions> = { indicatorRows: 2000, specialLines: 500 };

export const DEFAULT_LARGE_PATH = join(tmpdir(), "annex-checker-large.xlsx");

/** A small deterministic generator (LCG), so the workbook is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Row = CellSpec[];

const TWO_DP = "0.00";

function rowIndexOf(sheet: SheetSpec, text: string): number {
  const index = sheet.rows.findIndex((row) => row.some((c) => typeof c === "string" && c.trim() === text.trim()));
  if (index < 0) throw new Error(`the sample has no "${text}" on ${sheet.name}`);
  return index;
}

function shiftMerge(merge: string, from: number, by: number): string {
  return merge.replace(/([A-Z]+)(\d+)/g, (_m, col: string, row: string) => {
    const r = Number(row);
    return `${col}${r - 1 >= from ? r + by : r}`;
  });
}

// ---------------------------------------------------------------------------------------------
// 附件2: 500 专项 lines

function largeAnnex2(lines: number, next: () => number): SheetSpec {
  const sample = SAMPLE.sheets[0]!;
  const projectRow = rowIndexOf(sample, "项目支出：");
  const placeholder = rowIndexOf(sample, "3、市级专项资金（一个专项一行）");
  const inserted: Row[] = [];
  // Amounts in cents, so the total is exact.
  const totals = [13746, 15013, 7027];
  for (let i = 0; i < lines; i++) {
    const cents = [Math.floor(next() * 5000), Math.floor(next() * 8000), Math.floor(next() * 6000)];
    cents.forEach((c, k) => {
      totals[k]! += c;
    });
    inserted.push([`（${i + 1}）${SPECIAL_NAMES[i % SPECIAL_NAMES.length]}${Math.floor(i / SPECIAL_NAMES.length) + 1}`, ...cents.map((c) => ({ v: c / 100, fmt: TWO_DP }))]);
  }
  const rows: Row[] = sample.rows.map((r) => [...r]);
  rows[projectRow] = ["项目支出：", ...totals.map((c) => ({ v: c / 100, fmt: TWO_DP }))];
  rows.splice(placeholder + 1, 0, ...inserted);
  return {
    ...sample,
    rows,
    merges: (sample.merges ?? []).map((m) => shiftMerge(m, placeholder + 1, lines)),
  };
}

const SPECIAL_NAMES = ["人大代表活动专项", "代表履职培训专项", "基层人大建设专项", "立法调研专项", "执法检查专项", "信息化建设专项", "代表之家建设专项", "监督工作专项"];

// ---------------------------------------------------------------------------------------------
// 附件3: 2,000 indicator rows

interface Group {
  readonly label: string;
  readonly weight: number;
  readonly share: number;
  readonly level2: readonly string[];
}

const GROUPS: readonly Group[] = [
  { label: "产出指标\n\n(40分)", weight: 40, share: 0.5, level2: ["数量指标", "质量指标", "时效指标"] },
  { label: "效益指标\n（20分）", weight: 20, share: 0.25, level2: ["经济效益指标", "社会效益指标", "可持续影响指标"] },
  { label: "满意度指标\n（10分）", weight: 10, share: 0.125, level2: ["服务对象满意度指标"] },
  { label: "成本指标\n（20分）", weight: 20, share: 0.125, level2: ["经济成本指标", "社会成本指标"] },
];

/** Splits `total` points (in hundredths) over `n` rows as evenly as 2-dp weights allow. */
function weights(total: number, n: number): number[] {
  const cents = total * 100;
  const base = Math.floor(cents / n);
  const extra = cents - base * n;
  return Array.from({ length: n }, (_, i) => (base + (i < extra ? 1 : 0)) / 100);
}

/** One indicator: target, actual and the score a reviewer entered (sometimes off, to give findings). */
function indicator(group: number, i: number, weight: number, next: () => number): Row {
  const kind = next();
  const name = `${GROUPS[group]!.level2[i % GROUPS[group]!.level2.length]}${i + 1}`;
  let target: CellSpec;
  let actual: CellSpec;
  let score = weight;
  let reason: CellSpec;
  if (group === 3) {
    const budget = Math.round(100 + next() * 900) * 100 / 100;
    const spent = kind < 0.8 ? budget - Math.round(next() * 50) : budget + Math.round(next() * budget * 0.05 * 100) / 100;
    target = `≤${budget.toFixed(2)}万元`;
    actual = `${spent.toFixed(2)}万元`;
    if (spent > budget) {
      score = Math.max(0, Math.round(weight * (1 - (spent - budget) / budget) * 100) / 100);
      reason = "超过年初预算";
    }
  } else if (kind < 0.15) {
    target = "达成年度指标";
    actual = "达成年度指标";
    score = Math.round(weight * 90) / 100;
    reason = "部分工作有待加强";
  } else if (kind < 0.3) {
    target = `≥${90 + Math.floor(next() * 10)}%`;
    actual = `${95 + Math.floor(next() * 6)}%`;
  } else {
    const n = 1 + Math.floor(next() * 50);
    const done = kind < 0.9 ? n + Math.floor(next() * 5) : Math.max(0, n - 1 - Math.floor(next() * 5));
    target = kind < 0.6 ? `不少于${n}次` : `${n}次`;
    actual = `${done}次`;
    if (done < n) {
      score = Math.round((done / n) * weight * 100) / 100;
      reason = "受客观因素影响未完成";
    }
  }
  // One row in 200 has an integer-rounded score, as reviewers write them (a3.quantitative-score info).
  if (next() < 0.005) score = Math.round(score);
  return [undefined, undefined, undefined, name, target, actual, weight, score, reason];
}

function largeAnnex3(rowsWanted: number, next: () => number): SheetSpec {
  const sample = SAMPLE.sheets[1]!;
  const header = rowIndexOf(sample, "一级指标");
  const totalRow = rowIndexOf(sample, "总分");
  const rows: Row[] = sample.rows.slice(0, header + 1).map((r) => [...r]);
  const merges = (sample.merges ?? []).filter((m) => {
    const top = Number(/\d+/.exec(m)![0]) - 1;
    return top <= header && !m.startsWith(`A${header + 1}:`);
  });
  let scoreSum = 0;
  const counts = GROUPS.map((g) => Math.round(rowsWanted * g.share));
  counts[0]! += rowsWanted - counts.reduce((a, b) => a + b, 0);
  GROUPS.forEach((group, g) => {
    const n = counts[g]!;
    const ws = weights(group.weight, n);
    const start = rows.length;
    const perLevel2 = Math.ceil(n / group.level2.length);
    for (let i = 0; i < n; i++) {
      const row = indicator(g, i, ws[i]!, next);
      if (i === 0) row[1] = group.label;
      if (i % perLevel2 === 0) {
        row[2] = group.level2[Math.floor(i / perLevel2)]!;
        const end = Math.min(n, i + perLevel2) - 1;
        if (end > i) merges.push(`C${start + i + 1}:C${start + end + 1}`);
      }
      scoreSum += Math.round(Number(row[7]) * 100);
      rows.push(row);
    }
    if (n > 1) merges.push(`B${start + 1}:B${start + n}`);
  });
  merges.push(`A${header + 1}:A${rows.length}`);
  // 总分: 100, and the seed's 执行率得分 10 plus the indicator scores.
  rows.push(["总分", undefined, undefined, undefined, undefined, undefined, 100, Math.round(1000 + scoreSum) / 100, "\u3000"]);
  merges.push(`A${rows.length}:F${rows.length}`);
  rows.push([...sample.rows[totalRow + 1]!]);
  merges.push(`A${rows.length}:I${rows.length}`);
  // The seed's own 执行率得分 98 is kept: the large workbook has the seed's funds block.
  return { ...sample, rows, merges };
}

export function buildLargeSpec(options: LargeOptions = {}): WorkbookSpec {
  const { indicatorRows, specialLines } = { ...DEFAULT_LARGE, ...options };
  const next = random(20231231);
  return { sheets: [largeAnnex2(specialLines, next), largeAnnex3(indicatorRows, next)] };
}

export async function generateLarge(outputPath = DEFAULT_LARGE_PATH, options: LargeOptions = {}): Promise<string> {
  const path = resolve(outputPath);
  await writeSpecToXlsx(buildLargeSpec(options), path);
  return path;
}

async function main(): Promise<void> {
  const output = process.argv[2] ?? DEFAULT_LARGE_PATH;
  const started = performance.now();
  const path = await generateLarge(output);
  console.log(`${path} (${DEFAULT_LARGE.indicatorRows} indicator rows, ${DEFAULT_LARGE.specialLines} 专项 lines) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// Run directly (node scripts/run-ts.js scripts/generate-large.ts), not when imported by bench.ts.
if (process.argv[1] === __filename) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

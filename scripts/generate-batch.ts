/**
 * A folder of units' workbooks, for the folder summary's tests and benchmark: variants of the
 * sample with other unit names, staff, budgets and 三公经费. Three in four are consistent (their
 * derived figures recomputed, so only the sample's info-level notes remain); every fourth keeps
 * errors of the kinds staff make (控制率 as typed in the seed, a full 执行率得分 though the
 * budget was not fully spent, a 三公经费 total that does not add up, an unchanged 总分).
 * Deterministic: the same index always gives the same workbook.
 *
 * Run: node scripts/run-ts.js scripts/generate-batch.ts <folder> [count]   (default count 200)
 */
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../src/adapters/memory/grid-spec";
import { writeSpecToXlsx } from "../src/adapters/xlsx";
import { zhuzhouLuosongNpc2023 as SAMPLE } from "../src/samples/zhuzhou-luosong-npc-2023";

export type VariantKind = "clean" | "errors";

export interface Variant {
  readonly name: string;
  readonly unitName: string;
  readonly kind: VariantKind;
  readonly spec: WorkbookSpec;
}

const PLACES = ["芦淞区", "荷塘区", "石峰区", "天元区", "渌口区", "醴陵市", "攸县", "茶陵县", "炎陵县"];
const AGENCIES = ["人民代表大会常务委员会", "财政局", "教育局", "卫生健康局", "民政局", "司法局", "审计局", "统计局", "农业农村局", "水利局", "自然资源局", "住房和城乡建设局"];

const TWO_DP = "0.00";
// The sample's indicator 得分 add up to 88; the 执行率得分 comes on top.
const INDICATOR_SCORES = 88;
// 附件2's 项目支出 of the report year in the sample, which 附件3's 项目支出 must match.
const PROJECT_SPENDING_CENTS = 7027;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const money = (cents: number): CellSpec => ({ v: cents / 100, fmt: TWO_DP });
const text2 = (cents: number) => (cents / 100).toFixed(2);

function setRow(rows: CellSpec[][], index: number, cells: readonly [number, CellSpec][]): void {
  const row = [...(rows[index] ?? [])];
  for (const [col, value] of cells) row[col] = value;
  rows[index] = row;
}

export function variant(index: number): Variant {
  const next = random(index * 7919 + 17);
  const kind: VariantKind = index % 4 === 3 ? "errors" : "clean";
  const round = Math.floor(index / (PLACES.length * AGENCIES.length));
  const unitName = `株洲市${PLACES[index % PLACES.length]}${AGENCIES[Math.floor(index / PLACES.length) % AGENCIES.length]}${round > 0 ? `（${round + 1}）` : ""}`;

  // 附件2: staff and 三公经费 (three year columns, in cents so totals are exact).
  const a2: CellSpec[][] = SAMPLE.sheets[0]!.rows.map((r) => [...r]);
  const establishment = 10 + Math.floor(next() * 50);
  const staff = Math.max(1, Math.round(establishment * (0.8 + next() * 0.35)));
  const controlRate = kind === "errors" ? 0.6 : Math.round((staff / establishment) * 10000) / 10000;
  setRow(a2, 3, [[1, establishment], [2, staff], [3, { v: controlRate, fmt: "0.00%" }]]);
  const column = () => {
    const purchase = next() < 0.2 ? Math.floor(next() * 2500) : 0;
    const running = Math.floor(next() * 1500);
    const abroad = next() < 0.1 ? Math.floor(next() * 500) : 0;
    const reception = Math.floor(next() * 800);
    return { purchase, running, vehicle: purchase + running, abroad, reception, total: purchase + running + abroad + reception };
  };
  const years = [column(), column(), column()];
  const line = (row: number, key: keyof ReturnType<typeof column>) => setRow(a2, row, years.map((y, k) => [k + 1, money(y[key])] as [number, CellSpec]));
  line(5, "total");
  line(6, "vehicle");
  line(7, "purchase");
  line(8, "running");
  line(9, "abroad");
  line(10, "reception");
  if (kind === "errors") setRow(a2, 5, [[3, money(years[2]!.total + 100)]]);

  // 附件3: unit, budget and execution, breakdowns, 总分.
  const a3: CellSpec[][] = SAMPLE.sheets[1]!.rows.map((r) => [...r]);
  const budget = 30000 + Math.floor(next() * 200000);
  const executed = Math.round(budget * (0.85 + next() * 0.15));
  const rate = executed / budget;
  const executionScore = Math.round(Math.min(rate, 1) * 1000) / 100;
  setRow(a3, 2, [[3, unitName]]);
  setRow(a3, 4, [
    [3, money(Math.round(budget * 0.98))], [4, money(budget)], [5, money(executed)], [6, 10],
    [7, { v: Math.round(rate * 10000) / 10000, fmt: "0.00%" }],
    [8, kind === "errors" ? 10 : executionScore],
  ]);
  setRow(a3, 5, [[1, `按收入性质分：${text2(budget)}`], [5, `按支出性质分：${text2(executed)}`]]);
  setRow(a3, 6, [[1, `  其中：  一般公共预算：   ${text2(budget)}`], [5, `其中：基本支出：${text2(executed - PROJECT_SPENDING_CENTS)}`]]);
  setRow(a3, 7, [[5, `项目支出：${text2(PROJECT_SPENDING_CENTS)}`]]);
  setRow(a3, 28, [[7, kind === "errors" ? 98 : Math.round((INDICATOR_SCORES + executionScore) * 100) / 100]]);

  const sheets: SheetSpec[] = [{ ...SAMPLE.sheets[0]!, rows: a2 }, { ...SAMPLE.sheets[1]!, rows: a3 }];
  return { name: `unit-${String(index + 1).padStart(3, "0")}.xlsx`, unitName, kind, spec: { sheets } };
}

/** Writes `count` variants into `folder`; returns their paths. */
export async function generateBatch(folder: string, count: number): Promise<{ path: string; variant: Variant }[]> {
  await mkdir(folder, { recursive: true });
  const written: { path: string; variant: Variant }[] = [];
  for (let i = 0; i < count; i++) {
    const v = variant(i);
    const path = join(folder, v.name);
    await writeSpecToXlsx(v.spec, path);
    written.push({ path, variant: v });
  }
  return written;
}

// Run directly, not when imported by bench.ts or a test.
if (process.argv[1] === __filename) {
  const [folder, count] = process.argv.slice(2);
  if (!folder) {
    console.error("usage: node scripts/run-ts.js scripts/generate-batch.ts <folder> [count]");
    process.exit(2);
  }
  const n = Number(count ?? 200);
  const started = performance.now();
  generateBatch(resolve(folder), n).then(
    () => console.log(`wrote ${n} workbooks to ${resolve(folder)} in ${((performance.now() - started) / 1000).toFixed(1)} s`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

/**
 * Real fixes on mutated forms, through both hosts: the seed workbook (附件2 + 附件3 as the
 * sample lays them out) with a few numbers changed at random, validated, its safe fixes applied
 * (planFixes' default selection), then validated again.
 *
 * (4) After applying every safe fix, no error from a fixable rule is left that a safe fix could
 *     still correct: the fixes converge in one apply. (Errors that carry no fix at all, such as
 *     weights that do not add up to 100 because one weight is wrong, need a person and may stay;
 *     so may an error whose cell could not be written, listed as stale.)
 * (5) The same fixes, with some of their cells typed over after validation: those cells keep
 *     what the user typed and are reported stale.
 */
import fc from "fast-check";
import { planFixes, RULES, validate, type Finding, type CellEdit } from "../../src/core";
import { addressKey } from "../../src/core/grid/address";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../src/adapters/memory/grid-spec";
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import type { WorkbookHost } from "../../src/host/ports";
import { ExcelFake } from "../fakes/excel-fake";
import { seedWorkbook } from "../helpers/forms";
import { fakeState, memoryState, officeHostOf, stateAt, type State } from "./grid";

/** WRITE_SAFETY_RUNS=2000 for a deeper search; the default keeps the suite fast. */
const RUNS = Number(process.env.WRITE_SAFETY_RUNS ?? 100);
const FIXABLE = new Set<string>(RULES.filter((r) => r.meta.fixable).map((r) => r.meta.id));
const SEED = seedWorkbook();

test("the seed has errors from fixable rules, or property (4) would say nothing", () => {
  expect(FIXABLE.size).toBeGreaterThan(5);
});

/** Every numeric cell of the seed: the places a mutation may hit. */
const NUMERIC: readonly { sheet: number; row: number; col: number }[] = SEED.sheets.flatMap((sheet, s) =>
  sheet.rows.flatMap((row, r) => row.flatMap((cell, c) => (numberOf(cell) !== null ? [{ sheet: s, row: r, col: c }] : []))));

function numberOf(cell: CellSpec): number | null {
  if (typeof cell === "number") return cell;
  if (cell !== null && typeof cell === "object" && "v" in cell && typeof cell.v === "number") return cell.v;
  return null;
}

interface Mutation {
  readonly at: number;
  /** Multiplies the old value (a plausible slip), or replaces it (a wrong total). */
  readonly factor: number;
  readonly replace: number | null;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat({ max: NUMERIC.length - 1 }),
  factor: fc.constantFrom(0, 0.5, 0.9, 1.1, 2, 10),
  replace: fc.option(fc.integer({ min: 0, max: 500 }).map((n) => n / 4), { nil: null, freq: 3 }),
});

function mutate(spec: WorkbookSpec, mutations: readonly Mutation[]): WorkbookSpec {
  const sheets = spec.sheets.map((s) => ({ ...s, rows: s.rows.map((row) => [...row]) }));
  for (const m of mutations) {
    const { sheet, row, col } = NUMERIC[m.at]!;
    const old = sheets[sheet]!.rows[row]![col];
    const value = m.replace ?? Math.round(numberOf(old)! * m.factor * 100) / 100;
    sheets[sheet]!.rows[row]![col] = typeof old === "object" && old !== null && "v" in old ? { ...old, v: value } : value;
  }
  return { sheets: sheets as SheetSpec[] };
}

interface Subject {
  readonly host: WorkbookHost;
  state(): State;
  type(sheet: string, row: number, col: number, value: number): void;
}

function subjects(spec: WorkbookSpec): Subject[] {
  const memory = new MemoryHost(MemoryWorkbook.fromSpec(spec));
  const fake = ExcelFake.fromSpec(spec);
  return [
    { host: memory, state: () => memoryState(memory), type: (sheet, row, col, value) => memory.workbook.setCell(sheet, row, col, { value }) },
    { host: officeHostOf(fake), state: () => fakeState(fake), type: (sheet, row, col, value) => fake.writeValue(fake.mustSheet(sheet), row, col, value) },
  ];
}

async function check(host: WorkbookHost): Promise<readonly Finding[]> {
  const read = await host.read();
  if (!read.ok) throw new Error(read.message.en);
  return validate(read.snapshot).findings;
}

test("(4) after applying every safe fix, no error is left from a fixable rule", async () => {
  let fixedSomething = 0;
  await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
    const spec = mutate(SEED, mutations);
    const results: string[][] = [];
    for (const subject of subjects(spec)) {
      const edits = planFixes(await check(subject.host));
      const outcome = await subject.host.apply(edits);
      if (!outcome.ok) throw new Error(outcome.message.en);
      if (outcome.applied.length > 0) fixedSomething++;
      const unwritten = new Set(outcome.stale.map((s) => addressKey(s.edit.at)));
      const left = (await check(subject.host)).filter((f) => f.severity === "error" && FIXABLE.has(f.ruleId)
        && f.fix?.safe === true && !f.fix.edits.some((e) => unwritten.has(addressKey(e.at))));
      expect(left.map((f) => `${f.ruleId} ${f.at ? addressKey(f.at) : ""} expected ${f.expected} found ${f.actual}`)).toEqual([]);
      results.push(outcome.applied.map((e) => `${addressKey(e.at)}=${e.after}`));
    }
    expect(results[1]).toEqual(results[0]);
  }), { numRuns: RUNS });
  // The mutations must give the fixes something to do, or the property says nothing.
  expect(fixedSomething).toBeGreaterThan(RUNS / 2);
});

test("(5) fixed cells typed over after validation keep the user's value and are reported stale", async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.integer({ min: 1, max: 999 }),
    async (mutations, touch, typed) => {
      const spec = mutate(SEED, mutations);
      for (const subject of subjects(spec)) {
        const edits: CellEdit[] = planFixes(await check(subject.host));
        const typedOver = new Set<string>();
        edits.forEach((edit, i) => {
          if (!touch[i % touch.length] || typedOver.has(addressKey(edit.at))) return;
          const value = edit.before === typed ? typed + 0.5 : typed;
          subject.type(edit.at.sheet, edit.at.row, edit.at.col, value);
          typedOver.add(addressKey(edit.at));
        });
        const before = subject.state();
        const outcome = await subject.host.apply(edits);
        if (!outcome.ok) throw new Error(outcome.message.en);
        const after = subject.state();
        for (const edit of edits) {
          const key = addressKey(edit.at);
          if (!typedOver.has(key)) continue;
          expect(stateAt(after, edit.at)).toEqual(stateAt(before, edit.at));
          expect(outcome.stale.find((s) => addressKey(s.edit.at) === key)?.reason).toBe("changed");
          expect(outcome.applied.some((e) => addressKey(e.at) === key)).toBe(false);
        }
        expect(outcome.applied.length + outcome.stale.length).toBe(edits.length);
      }
    },
  ), { numRuns: RUNS });
});

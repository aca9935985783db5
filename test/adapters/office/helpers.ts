/** Shared fixtures for the Office adapter tests: the sample workbook in the fake, edits, lookups. */
import { validate } from "../../../src/core";
import type { CellEdit } from "../../../src/core/findings/finding";
import { fromA1, type CellAddress } from "../../../src/core/grid/address";
import type { CellValue } from "../../../src/core/grid/workbook";
import { snapshotFromSpec, type WorkbookSpec } from "../../../src/adapters/memory/grid-spec";
import { createOfficeHost } from "../../../src/adapters/office";
import type { ApplyOutcome, HostError, RevertOutcome, WorkbookHost } from "../../../src/host/ports";
import { zhuzhouLuosongNpc2023 } from "../../../src/samples/zhuzhou-luosong-npc-2023";
import { ExcelFake, type FakeOptions } from "../../fakes/excel-fake";

export const sample: WorkbookSpec = zhuzhouLuosongNpc2023;

export function at(sheet: string, a1: string): CellAddress {
  const address = fromA1(a1, sheet);
  if (!address) throw new Error(`bad address ${a1}`);
  return address;
}

export function edit(sheet: string, a1: string, before: CellValue, after: number | string, numberFormat?: string): CellEdit {
  return { at: at(sheet, a1), before, after, ...(numberFormat !== undefined ? { numberFormat } : {}) };
}

/** A fake holding the sample, and an Office host over it. */
export function setup(options: FakeOptions & { spec?: WorkbookSpec } = {}): { fake: ExcelFake; host: WorkbookHost } {
  const fake = ExcelFake.fromSpec(options.spec ?? sample, options);
  const host = createOfficeHost(fake.run, fake.requirements);
  return { fake, host };
}

/** The safe fixes validation proposes for the sample (D4 control rate, I5 execution score). */
export function sampleFixes(): CellEdit[] {
  const result = validate(snapshotFromSpec(sample));
  return result.findings.flatMap((f) => (f.fix?.safe ? f.fix.edits : []));
}

export function expectApplied(outcome: ApplyOutcome): Extract<ApplyOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`apply failed: ${outcome.code} ${outcome.message.en}`);
  return outcome;
}

export function expectReverted(outcome: RevertOutcome): Extract<RevertOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`revert failed: ${outcome.code} ${outcome.message.en}`);
  return outcome;
}

export function expectError(outcome: { ok: boolean }): HostError {
  if (outcome.ok) throw new Error("expected a HostError");
  return outcome as HostError;
}

/** Counts the syncs of one host call. */
export async function syncsOf<T>(fake: ExcelFake, call: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = fake.syncCount;
  const result = await call();
  return { result, syncs: fake.syncCount - before };
}

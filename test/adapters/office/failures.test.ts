import { REVERT_LOG_KEY } from "../../../src/adapters/office";
import { edit, expectApplied, expectError, expectReverted, sampleFixes, setup, syncsOf } from "./helpers";

describe("failure injection", () => {
  test.each([1, 2])("apply failing at sync %i leaves the workbook untouched and says so", async (n) => {
    const { fake, host } = setup();
    const before = fake.dump();
    fake.failAtSync(n, "GeneralException");
    const error = expectError(await host.apply(sampleFixes()));
    expect(error.code).toBe("unknown");
    expect(error.untouched).toBe(true);
    expect(fake.dump()).toEqual(before);
    expect(fake.settings.has(REVERT_LOG_KEY)).toBe(false);
    expect(await host.canRevert()).toBe(false);
    expect(expectError(await host.revert()).code).toBe("no-revert-log");
  });

  test.each([1, 2, 3, 4, 5, 6])("a write batch that stops after %i statements is rolled back", async (applied) => {
    const { fake, host } = setup();
    const before = fake.dump();
    fake.failAtSync(2, "Conflict", { applied });
    const error = expectError(await host.apply(sampleFixes()));
    expect(error.code).toBe("conflict");
    expect(error.untouched).toBe(true);
    expect(fake.dump()).toEqual(before);
    expect(expectError(await host.revert()).code).toBe("no-revert-log");
  });

  test("a partial failure of a second apply keeps the first apply's log and cells", async () => {
    const { fake, host } = setup();
    const fixes = sampleFixes();
    expectApplied(await host.apply([fixes[0]!]));
    const afterFirst = fake.dump();
    fake.failAtSync(2, "GeneralException", { applied: 2 });
    expect(expectError(await host.apply([fixes[1]!])).untouched).toBe(true);
    expect(fake.dump()).toEqual(afterFirst);
    const reverted = expectReverted(await host.revert());
    expect(reverted.restored).toEqual([fixes[0]!.at]);
  });

  test("when the rollback fails too, untouched is false", async () => {
    const { fake, host } = setup();
    fake.failAtSync(2, "GeneralException", { applied: 3 });
    fake.failAtSync(3, "GeneralException");
    const error = expectError(await host.apply(sampleFixes()));
    expect(error.untouched).toBe(false);
    expect(error.message.zh).toContain("部分修改");
  });

  test("user in cell-edit mode: the batch is rejected whole, no rollback run needed", async () => {
    const { fake, host } = setup();
    const before = fake.dump();
    fake.failAtSync(2, "InvalidOperationInCellEditMode");
    const { result, syncs } = await syncsOf(fake, () => host.apply(sampleFixes()));
    const error = expectError(result);
    expect(error.code).toBe("busy");
    expect(error.untouched).toBe(true);
    expect(syncs).toBe(2);
    expect(fake.dump()).toEqual(before);
  });

  test.each([1, 2])("revert failing at sync %i changes nothing and keeps the log", async (n) => {
    const { fake, host } = setup();
    expectApplied(await host.apply(sampleFixes()));
    const before = fake.dump();
    fake.failAtSync(n, "GeneralException", { applied: n === 2 ? 1 : 0 });
    const error = expectError(await host.revert());
    expect(error.untouched).toBe(true);
    expect(fake.dump()).toEqual(before);
    expect(await host.canRevert()).toBe(true);
    expectReverted(await host.revert());
  });

  test("review notes and select report errors as HostErrors", async () => {
    const { fake, host } = setup();
    fake.failAtSync(1, "AccessDenied");
    const saved = await host.saveReviewNotes([]);
    expect(expectError(saved).code).toBe("access-denied");
    const selected = await host.select(edit("不存在", "A1", null, 1).at);
    expect(expectError(selected).code).toBe("sheet-missing");
    fake.failAtSync(1, "GeneralException");
    expect(await host.loadReviewNotes()).toEqual([]);
    fake.failAtSync(1, "GeneralException");
    expect(await host.canRevert()).toBe(false);
  });
});

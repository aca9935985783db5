/**
 * Snapshots handed between the summary's threads (packSnapshot / unpackSnapshot) come back the
 * same: every fixture's sheets, sizes, merges, protection and cells in the same order.
 */
import { readXlsx } from "../../src/adapters/xlsx/read-xlsx";
import { packSnapshot, unpackSnapshot } from "../../src/core/grid/transfer";
import { SparseSheet } from "../../src/core/grid/workbook";
import { digest } from "../helpers/snapshot-digest";
import { repositoryWorkbooks } from "../helpers/workbook-files";


test("every fixture's snapshot survives packing and unpacking, through structured cloning", async () => {
  let compared = 0;
  for (const file of repositoryWorkbooks()) {
    const read = await readXlsx(file);
    if (!read.ok) continue;
    const back = unpackSnapshot(structuredClone(packSnapshot(read.snapshot)));
    expect({ file, sheets: digest(back) }).toEqual({ file, sheets: digest(read.snapshot) });
    compared++;
  }
  expect(compared).toBeGreaterThan(60);
});

test("a sheet keeps its size even where no stored cell reaches it (a cleared far cell)", () => {
  const sheet = new SparseSheet("S");
  sheet.set(9, 7, { value: 1 });
  sheet.clear(9, 7);
  sheet.set(0, 0, { value: "a", formula: "=B1", numberFormat: "0%" });
  sheet.protected = true;
  const back = unpackSnapshot(packSnapshot({ sheets: [sheet] })).sheets[0]!;
  expect([back.rowCount, back.colCount, back.protected, back.cell(0, 0)]).toEqual([10, 8, true, { value: "a", formula: "=B1", numberFormat: "0%" }]);
});

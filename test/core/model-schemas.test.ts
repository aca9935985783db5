/**
 * The models a check builds match their declared schemas (src/core/model/schemas.ts). Checks do
 * not run the schemas (the models are typed by construction); this test holds every model built
 * from the repository's workbooks to them instead, so a drifting model fails here.
 */
import { readXlsx } from "../../src/adapters/xlsx/read-xlsx";
import { validate, DEFAULT_SETTINGS } from "../../src/core";
import { Annex2Schema, Annex3Schema } from "../../src/core/model/schemas";
import { repositoryWorkbooks } from "../helpers/workbook-files";


test("every 附件2 and 自评表 model built from the fixtures and the sample satisfies its schema", async () => {
  let annex2 = 0;
  let selfEval = 0;
  for (const file of repositoryWorkbooks()) {
    const read = await readXlsx(file);
    if (!read.ok) continue;
    const result = validate(read.snapshot, DEFAULT_SETTINGS);
    if (result.annex2) {
      annex2++;
      const parsed = Annex2Schema.safeParse(result.annex2);
      expect({ file, issues: parsed.success ? [] : parsed.error.issues.slice(0, 2) }).toEqual({ file, issues: [] });
    }
    for (const table of result.selfEvalTables) {
      selfEval++;
      const parsed = Annex3Schema.safeParse(table);
      expect({ file, issues: parsed.success ? [] : parsed.error.issues.slice(0, 2) }).toEqual({ file, issues: [] });
    }
  }
  expect(annex2).toBeGreaterThan(20);
  expect(selfEval).toBeGreaterThan(40);
});

/** Shared by the report-text tests: the seed's annex models and a way to run the check on text. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validate } from "../../../src/core";
import { snapshotFromSpec } from "../../../src/adapters/memory/grid-spec";
import { zhuzhouLuosongNpc2023 } from "../../../src/samples/zhuzhou-luosong-npc-2023";
import { checkReportText, type AnnexModels } from "../../../src/core/report-text";
import { toA1 } from "../../../src/core/grid/address";
import type { Finding } from "../../../src/core";

export const SEED_TEXT_PATH = join(__dirname, "..", "..", "fixtures", "report", "zhuzhou-luosong-npc-2023.txt");
export const SEED_TEXT = readFileSync(SEED_TEXT_PATH, "utf8");

const seedResult = validate(snapshotFromSpec(zhuzhouLuosongNpc2023));
export const SEED_MODELS: AnnexModels = { annex2: seedResult.annex2, annex3: seedResult.annex3 };

export function check(text: string, models: AnnexModels = SEED_MODELS, disabledRules: string[] = []) {
  return checkReportText(models, text, { gradeBands: [90, 80, 60], reverseFormula: "A", disabledRules });
}

/** "r.income 附件3!B7 982.6 982.21" — a finding in one line, for exact assertions. */
export function brief(f: Finding): string {
  return `${f.ruleId} ${f.severity} ${f.at ? `${f.at.sheet}!${toA1(f.at)}` : "-"} ${f.expected} ${f.actual}`;
}

export function findingsOf(text: string, ruleId?: string, models?: AnnexModels): string[] {
  return check(text, models).findings.filter((f) => !ruleId || f.ruleId === ruleId).map(brief);
}

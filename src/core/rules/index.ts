/**
 * The registry: every rule of ../shared/spec/rules.md, plus checks added since under new ids
 * (sheet.duplicate-annex, the reviewer checks of a3.*, the report-text rules r.*), listed
 * explicitly (no discovery), in the order findings on the same cell are preferred when
 * severities tie. RuleId is derived from it, so a rule id mistyped in code does not compile.
 */
import staffControlRate from "./a2/staff-control-rate";
import overEstablishment from "./a2/over-establishment";
import threePublicTotal from "./a2/three-public-total";
import vehicleTotal from "./a2/vehicle-total";
import projectTotal from "./a2/project-total";
import publicFundsSubset from "./a2/public-funds-subset";
import buildingScaleRate from "./a2/building-scale-rate";
import buildingInvestmentRate from "./a2/building-investment-rate";
import overBudget from "./a2/over-budget";
import threePublicChange from "./a2/three-public-change";
import executionRate from "./a3/execution-rate";
import executionScore from "./a3/execution-score";
import incomeBreakdown from "./a3/income-breakdown";
import expenseBreakdown from "./a3/expense-breakdown";
import level1Weight from "./a3/level1-weight";
import weightsTotal from "./a3/weights-total";
import scoreRange from "./a3/score-range";
import quantitativeScore from "./a3/quantitative-score";
import qualitativeBand from "./a3/qualitative-band";
import deviationReason from "./a3/deviation-reason";
import totalScore from "./a3/total-score";
import grade from "./a3/grade";
import targetDeviation from "./a3/target-deviation";
import targetUnparsed from "./a3/target-unparsed";
import missingField from "./a3/missing-field";
import fundsTotal from "./a3/funds-total";
import executionReason from "./a3/execution-reason";
import unfilledRows from "./a3/unfilled-rows";
import targetNotQuantified from "./a3/target-not-quantified";
import reasonVacuous from "./a3/reason-vacuous";
import fullMarksShortfall from "./a3/full-marks-shortfall";
import satisfactionNoFigure from "./a3/satisfaction-figure";
import dimensionMissing from "./a3/dimension-missing";
import year from "./x/year";
import projectSpending from "./x/project-spending";
import publicFundsInBasic from "./x/public-funds-in-basic";
import annexNotFound from "./sheet/annex-not-found";
import labelMissing from "./sheet/label-missing";
import duplicateAnnex from "./sheet/duplicate-annex";
import notANumber from "./cell/not-a-number";
import errorValue from "./cell/error-value";
import textNumber from "./cell/text-number";
import { REPORT_TEXT_RULES } from "../report-text/rules";

export const RULES = [
  annexNotFound, labelMissing, duplicateAnnex,
  notANumber, errorValue,
  staffControlRate, overEstablishment, threePublicTotal, vehicleTotal, projectTotal, publicFundsSubset,
  buildingScaleRate, buildingInvestmentRate, overBudget, threePublicChange,
  fundsTotal, executionRate, executionScore, executionReason, incomeBreakdown, expenseBreakdown, level1Weight, weightsTotal, scoreRange,
  quantitativeScore, qualitativeBand, deviationReason, reasonVacuous, fullMarksShortfall, totalScore, grade, targetDeviation,
  targetUnparsed, targetNotQuantified, satisfactionNoFigure, missingField, unfilledRows, dimensionMissing,
  year, projectSpending, publicFundsInBasic,
  textNumber,
  ...REPORT_TEXT_RULES,
] as const;

/** Every rule id, as a type: settings, tests and profiles name rules by it. */
export type RuleId = (typeof RULES)[number]["meta"]["id"];

const IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.meta.id));

/** Whether a string from outside (stored settings, a CLI flag) names a rule. */
export function isRuleId(id: string): id is RuleId {
  return IDS.has(id);
}

/** Bumped whenever a rule's behaviour changes, so reports say which rules produced them. */
export const RULES_VERSION = "2026.12.1";

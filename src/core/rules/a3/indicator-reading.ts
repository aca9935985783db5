/** How an indicator row reads for scoring: its target, actual quantity and suggested score. */
import type { IndicatorRow } from "../../model/annex3";
import { parseQuantity, parseTarget, type Quantity, type Target } from "../../indicator/target";
import { suggestScore, type Suggestion } from "../../indicator/score";
import { reverseFormulaOf, type RuleSettings } from "../../engine/settings";
import type { FormProfile } from "../../profiles/profile";
import { displayLabel } from "../../text/normalize";
import { label, type MessageArg } from "../../messages/message";

export interface IndicatorReading {
  readonly row: IndicatorRow;
  readonly target: Target | null;
  readonly actual: Quantity | null;
  readonly suggestion: Suggestion;
}

/**
 * Several rules read every row: a table's rows are parsed once per settings and profile (tables
 * are immutable), kept per table rather than per row so a 20,000-row table is one cache entry.
 */
const readings = new WeakMap<readonly IndicatorRow[], { readonly settings: RuleSettings; readonly profile: FormProfile; readonly readings: IndicatorReading[] }>();

/** The readings of a table's indicator rows, in their order (each names its row). */
export function readIndicators(rows: readonly IndicatorRow[], settings: RuleSettings, profile: FormProfile): readonly IndicatorReading[] {
  const cached = readings.get(rows);
  if (cached && cached.settings === settings && cached.profile === profile) return cached.readings;
  const parsed = rows.map((row) => parseIndicatorRow(row, settings, profile));
  readings.set(rows, { settings, profile, readings: parsed });
  return parsed;
}

function parseIndicatorRow(row: IndicatorRow, settings: RuleSettings, profile: FormProfile): IndicatorReading {
  if (row.placeholder || row.unfilled || !row.target) return { row, target: null, actual: null, suggestion: NOT_APPLICABLE };
  const target = parseTarget(row.target.text, row.nature?.text, row.unit?.text);
  const actualText = row.actual?.text ?? "";
  const unitSuffix = row.unit && /^[\s\d.,+-]+$/.test(actualText) ? row.unit.text.trim() : "";
  const actual = row.actual ? parseQuantity(`${actualText}${unitSuffix}`) : null;
  const weight = row.weight?.value;
  const suggestion = weight == null
    ? NOT_APPLICABLE
    : suggestScore(target, actual, weight, reverseFormulaOf(settings, profile), profile.overCompletion);
  return { row, target, actual, suggestion };
}

const NOT_APPLICABLE: Suggestion = { kind: "not-applicable" };

/** The indicator as messages name it: its 三级指标 as written, else its row ("第 26 行"). */
export function indicatorName(row: IndicatorRow): MessageArg {
  return row.level3 ? displayLabel(row.level3.text) : label({ zh: `第 ${row.row + 1} 行`, en: `row ${row.row + 1}` });
}

/** How an indicator row reads for scoring: its target, actual quantity and suggested score. */
import type { IndicatorRow } from "../../model/annex3";
import { parseQuantity, parseTarget, type Quantity, type Target } from "../../indicator/target";
import { suggestScore, type Suggestion } from "../../indicator/score";
import type { RuleSettings } from "../../engine/settings";
import { displayLabel } from "../../text/normalize";

export interface IndicatorReading {
  readonly target: Target | null;
  readonly actual: Quantity | null;
  readonly suggestion: Suggestion;
}

/** Three rules read every row: parse each row once per settings object (rows are immutable). */
const readings = new WeakMap<IndicatorRow, { readonly settings: RuleSettings; readonly reading: IndicatorReading }>();

export function readIndicator(row: IndicatorRow, settings: RuleSettings): IndicatorReading {
  const cached = readings.get(row);
  if (cached && cached.settings === settings) return cached.reading;
  const reading = parseIndicatorRow(row, settings);
  readings.set(row, { settings, reading });
  return reading;
}

function parseIndicatorRow(row: IndicatorRow, settings: RuleSettings): IndicatorReading {
  if (row.placeholder || !row.target) return { target: null, actual: null, suggestion: { kind: "not-applicable" } };
  const target = parseTarget(row.target.text, row.nature?.text, row.unit?.text);
  const actualText = row.actual?.text ?? "";
  const unitSuffix = row.unit && /^[\s\d.,+-]+$/.test(actualText) ? row.unit.text.trim() : "";
  const actual = row.actual ? parseQuantity(`${actualText}${unitSuffix}`) : null;
  const weight = row.weight?.value;
  const suggestion = weight == null ? { kind: "not-applicable" as const } : suggestScore(target, actual, weight, settings.reverseFormula);
  return { target, actual, suggestion };
}

export function indicatorName(row: IndicatorRow): string {
  return row.level3 ? displayLabel(row.level3.text) : `第 ${row.row + 1} 行`;
}

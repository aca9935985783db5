/** What a user may configure (the task pane's settings, the CLI's flags). */
import type { RuleIdText } from "../findings/finding";
import type { FormProfile } from "../profiles/profile";

export interface RuleSettings {
  /** Lower bounds of 优, 良, 中 when the user sets them; absent: the form profile's (90/80/60 for most). */
  readonly gradeBands?: readonly [number, number, number];
  /**
   * Reverse indicators: "A" = (1 - (actual - target) / target) × 分值; "B" = target / actual × 分值.
   * Absent: the form's (湖北's printed note says B; the others A).
   */
  readonly reverseFormula?: "A" | "B";
  /** Rules switched off by id (RuleId in code; ids from stored settings are checked on load). */
  readonly disabledRules: readonly RuleIdText[];
  /** A form profile id to use instead of the one detected from the sheets. */
  readonly profile?: string;
}

export const DEFAULT_SETTINGS: RuleSettings = {
  disabledRules: [],
};

/** The reverse-indicator formula in force: the user's, else the form's. */
export function reverseFormulaOf(settings: RuleSettings, profile: FormProfile): "A" | "B" {
  return settings.reverseFormula ?? profile.reverseFormula;
}

/** The grade bands in force: the user's, else the form's. */
export function gradeBandsOf(settings: RuleSettings, profile: FormProfile): readonly [number, number, number] {
  return settings.gradeBands ?? profile.gradeBands;
}

/** What a user may configure (the task pane's settings; CLI flags later). */
export interface RuleSettings {
  /** Lower bounds of 优, 良, 中 (rules.md: 90/80/60; some systems use 80/70/60). */
  readonly gradeBands: readonly [number, number, number];
  /** Reverse indicators: "A" = (1 - (actual - target) / target) × 分值; "B" = target / actual × 分值. */
  readonly reverseFormula: "A" | "B";
  /** Rules switched off by id. */
  readonly disabledRules: readonly string[];
}

export const DEFAULT_SETTINGS: RuleSettings = {
  gradeBands: [90, 80, 60],
  reverseFormula: "A",
  disabledRules: [],
};

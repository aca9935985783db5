/** The report text as the r.* rules read it: segmented once, figures extracted once, per check. */
import { segmentText, type SegmentedText } from "./segment";
import { extractFigures, type TextFigure } from "./extract";
import { runReportTextRule } from "./compare";
import type { RuleContext } from "../rules/rule";

export interface ReportTextInput {
  readonly segmented: SegmentedText;
  readonly figures: readonly TextFigure[];
  /** Project blocks found ("(1)代表履职经费" …). */
  readonly projects: readonly string[];
  /** Runs one r.* rule over this text (its code comes with the prepared text, not with the rules). */
  readonly run: (ruleId: string, context: RuleContext<string>) => void;
}

export function prepareReportText(text: string): ReportTextInput {
  const segmented = segmentText(text);
  const { figures, projects } = extractFigures(segmented);
  return { segmented, figures, projects, run: runReportTextRule };
}

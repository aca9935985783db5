/**
 * The look every finding row shares, in the 问题 list and in the 报告正文 tab: one visual language
 * for a severity and a cell wherever a finding is shown.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFindingRowStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  top: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

/** Fluent badge colour per severity. */
export const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

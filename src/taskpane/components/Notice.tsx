/**
 * One line saying what just happened (已写入 2 个单元格…), in the colours of Fluent's message bar:
 * green for done, amber for done-with-exceptions, red for refused, neutral for information. The
 * pane's own, not Fluent's MessageBar, which brings an icon set and motion code into the script
 * the pane waits for at start. The caller's live region (role="status") announces it.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";

export type NoticeIntent = "success" | "warning" | "error" | "info";

const useStyles = makeStyles({
  root: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
  },
  mark: { fontWeight: tokens.fontWeightSemibold, flexShrink: 0 },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, ...shorthands.borderColor(tokens.colorPaletteGreenBorder1) },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1, ...shorthands.borderColor(tokens.colorPaletteYellowBorder1) },
  error: { backgroundColor: tokens.colorPaletteRedBackground1, ...shorthands.borderColor(tokens.colorPaletteRedBorder1) },
  info: { backgroundColor: tokens.colorNeutralBackground3 },
  successMark: { color: tokens.colorPaletteGreenForeground1 },
  warningMark: { color: tokens.colorPaletteDarkOrangeForeground1 },
  errorMark: { color: tokens.colorPaletteRedForeground1 },
  infoMark: { color: tokens.colorNeutralForeground2 },
});

const MARK: Record<NoticeIntent, string> = { success: "✓", warning: "!", error: "✕", info: "i" };

export function Notice({ intent, children }: { readonly intent: NoticeIntent; readonly children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.root, styles[intent])} data-intent={intent}>
      <span className={mergeClasses(styles.mark, styles[`${intent}Mark`])} aria-hidden="true">{MARK[intent]}</span>
      <span>{children}</span>
    </div>
  );
}

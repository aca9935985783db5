/**
 * A small turning ring with an optional label, for "正在校验…" and while a panel's code loads.
 * Fluent's Spinner would do the same; this is the pane's start-up script's own, at a tenth of the
 * size (the pane must be interactive quickly on slow office networks). Motion stops when the user
 * asks for reduced motion; the label is what screen readers hear.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  ring: {
    width: "14px",
    height: "14px",
    boxSizing: "border-box",
    borderRadius: "50%",
    border: `2px solid ${tokens.colorNeutralStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { from: { transform: "rotate(0deg)" }, to: { transform: "rotate(360deg)" } },
    animationDuration: "0.8s",
    animationIterationCount: "infinite",
    animationTimingFunction: "linear",
    "@media (prefers-reduced-motion: reduce)": { animationDuration: "2.4s" },
  },
  label: { fontSize: tokens.fontSizeBase200 },
});

export function Busy({ label }: { readonly label?: string }) {
  const styles = useStyles();
  return (
    <span className={styles.root} role="progressbar" aria-label={label ?? "…"}>
      <span className={styles.ring} aria-hidden="true" />
      {label && <span className={styles.label} aria-hidden="true">{label}</span>}
    </span>
  );
}

/**
 * A sentence where the parts that must not break across lines stay whole: a cell address
 * ("附件3!F8": Chinese text may otherwise break between any two characters), a figure with its
 * unit ("982.21 万元", "70.66 × 10,000 yuan", "166.67%"), and "→ after" in a fix. The rest wraps
 * as usual, so a long sentence still fits a 320 px pane.
 */
import { Fragment } from "react";
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({ whole: { whiteSpace: "nowrap" } });

// An address (sheet!A1, the sheet name without spaces or Chinese punctuation), a signed decimal
// with an optional unit, or an arrow with what follows it.
const WHOLE = /[^\s，。；：、（）“”,;:()]+![A-Z]{1,3}\d+|[-+−]?\d[\d,]*(?:\.\d+)?(?:%| 万元| 人| 个| × 10,000 yuan)?|→ \S+/g;

/** The sentence split into plain runs and runs to keep whole. */
export function splitWhole(text: string): { text: string; whole: boolean }[] {
  const parts: { text: string; whole: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(WHOLE)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), whole: false });
    parts.push({ text: match[0], whole: match[0].includes(" ") || match[0].includes("!") || match[0].length > 1 });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), whole: false });
  return parts;
}

export function KeepTogether({ text }: { readonly text: string }) {
  const styles = useStyles();
  return (
    <>
      {splitWhole(text).map((part, i) => (part.whole
        ? <span key={i} className={styles.whole}>{part.text}</span>
        : <Fragment key={i}>{part.text}</Fragment>))}
    </>
  );
}

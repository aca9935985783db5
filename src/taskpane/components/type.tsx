/**
 * The pane's text styles, from Fluent's typography tokens: body, caption (smaller, for cells and
 * times) and the two heading sizes. The pane's start-up views use these instead of Fluent's Text
 * components, which add a component layer per run of text to the script the pane waits for.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { HTMLAttributes, ReactNode } from "react";

export const useType = makeStyles({
  body: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  caption: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  title: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  heading: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

type SpanProps = HTMLAttributes<HTMLSpanElement> & { readonly children?: ReactNode };

export function Body({ className, ...rest }: SpanProps) {
  return <span className={mergeClasses(useType().body, className)} {...rest} />;
}

export function Caption({ className, ...rest }: SpanProps) {
  return <span className={mergeClasses(useType().caption, className)} {...rest} />;
}

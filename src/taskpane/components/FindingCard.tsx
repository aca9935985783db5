/**
 * One finding as something to act on. Collapsed: severity, what is wrong (the rule's title), the
 * cell, and expected vs found in the cell's own format. The current card (the one 上一个/下一个
 * or a click chose) opens: the sentence with the user's numbers and the actions that fit it —
 * 修正 (this cell only, showing before → after), 接受并说明 / 撤回说明 for a warning, 为什么.
 */
import { Suspense, lazy, useEffect, useId, useRef, useState } from "react";
import {
  Button, makeStyles, mergeClasses, shorthands, tokens,
} from "@fluentui/react-components";
import { messageText, RULES, type Finding, type WorkbookSnapshot } from "../../core";
import { formatValue } from "../../core/format/figures";
import type { ReviewNote } from "../../host/ports";
import type { Lang, Strings } from "../strings";
import { cellLabel, editText } from "../state/view-model";
import { Busy } from "./Busy";
import { KeepTogether } from "./KeepTogether";
import { Body, Caption } from "./type";

const WhyPanel = lazy(() => import(/* webpackChunkName: "why" */ "./WhyPanel"));
const AcceptForm = lazy(() => import(/* webpackChunkName: "accept" */ "./AcceptForm"));

const TITLES: ReadonlyMap<string, { zh: string; en: string }> = new Map(RULES.map((r) => [r.meta.id as string, r.meta.title]));

const useStyles = makeStyles({
  card: {
    listStyleType: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `3px solid transparent`,
  },
  current: { borderLeftColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorNeutralBackground1Hover },
  head: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: "none",
    background: "none",
    textAlign: "start",
    font: "inherit",
    color: "inherit",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  top: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  // Tags are spans: the card's head is a button, which may hold phrasing content only.
  tag: {
    display: "inline-block",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
    border: `1px solid transparent`,
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground3, color: tokens.colorNeutralForeground1 },
  info: { backgroundColor: tokens.colorNeutralBackground5, color: tokens.colorNeutralForeground1 },
  fresh: { ...shorthands.borderColor(tokens.colorBrandStroke1), color: tokens.colorBrandForeground1 },
  noted: { ...shorthands.borderColor(tokens.colorPaletteGreenBorder2), color: tokens.colorPaletteGreenForeground1 },
  title: { fontWeight: tokens.fontWeightSemibold, flexGrow: 1, minWidth: 0 },
  // An address is one unit: "附件3!H26" never breaks across lines.
  cell: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2 },
  values: { display: "flex", columnGap: tokens.spacingHorizontalM, rowGap: 0, flexWrap: "wrap", fontVariantNumeric: "tabular-nums" },
  gist: {
    flexBasis: "100%",
    color: tokens.colorNeutralForeground2,
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  value: { whiteSpace: "nowrap" },
  longValue: { overflowWrap: "anywhere", minWidth: 0 },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorPaletteGreenForeground1, overflowWrap: "anywhere" },
  table: { color: tokens.colorNeutralForeground3 },
});

export interface FindingCardProps {
  readonly finding: Finding;
  readonly lang: Lang;
  readonly t: Strings;
  readonly note: ReviewNote | undefined;
  readonly current: boolean;
  readonly isNew: boolean;
  readonly busy: boolean;
  /** The table's name, when the workbook holds several. */
  readonly tableName: string | null;
  readonly snapshot: WorkbookSnapshot | null;
  /** The report year (substituted for {Y} in the rule's documentation). */
  readonly year: number | null;
  /** The card was chosen (click, Enter): it opens and its cell is selected in the workbook. */
  readonly onChoose: () => void;
  readonly onFix: () => void;
  /** Selects the finding's cell in the workbook again (the user may have moved away). */
  readonly onLocate: () => void;
  readonly onAccept: (reason: string) => Promise<boolean>;
  readonly onWithdraw: () => Promise<boolean>;
}

export function FindingCard(props: FindingCardProps) {
  const { finding, lang, t, note, current, isNew, busy, tableName, onChoose } = props;
  const styles = useStyles();
  const bodyId = useId();
  const title = TITLES.get(finding.ruleId)?.[lang] ?? finding.ruleId;
  const expected = formatValue(finding.expected, finding.figure, lang);
  const found = formatValue(finding.actual, finding.figure, lang);
  return (
    <li className={mergeClasses(styles.card, current && styles.current)} data-rule={finding.ruleId} data-cell={finding.at ? cellLabel(finding.at) : undefined} data-current={current || undefined} data-new={isNew || undefined}>
      <button type="button" className={styles.head} aria-expanded={current} aria-controls={current ? bodyId : undefined} onClick={onChoose} data-card-head>
        <span className={styles.top}>
          <span className={mergeClasses(styles.tag, styles[finding.severity])}>{t.severityName[finding.severity]}</span>
          {isNew && <span className={mergeClasses(styles.tag, styles.fresh)} title={t.newSince}>{t.newBadge}</span>}
          {note && <span className={mergeClasses(styles.tag, styles.noted)}>{t.accepted}</span>}
          <Body className={styles.title}>{title}</Body>
        </span>
        {tableName && <Caption className={styles.table}>{t.table}{t.colon}{tableName}</Caption>}
        {/* The cell, then expected vs found; a finding with no expected value (over-establishment,
            a missing reason) says what it found in its sentence instead, kept to two lines. */}
        <Caption className={styles.values}>
          {finding.at && <span className={styles.cell}>{cellLabel(finding.at)}</span>}
          {expected !== null ? (
            <>
              <ValueText label={t.expected} value={expected} />
              {found !== null && <ValueText label={t.found} value={found} />}
            </>
          ) : !current && <span className={styles.gist}><KeepTogether text={messageText(finding, lang)} /></span>}
        </Caption>
      </button>
      {current && <CardBody {...props} id={bodyId} busy={busy} />}
    </li>
  );
}

/** Longest text value the collapsed card shows whole; the open card's sentence quotes it in full. */
const VALUE_CHARS = 36;

/**
 * 应为 / 表中 and a value. A figure ("166.67%", "982.21 万元") never breaks inside; a value that is
 * text (a 完成值 written out) wraps, shortened to VALUE_CHARS, so it never widens the pane.
 */
function ValueText({ label, value }: { label: string; value: string }) {
  const styles = useStyles();
  const short = value.length > VALUE_CHARS ? `${value.slice(0, VALUE_CHARS - 1)}…` : value;
  return <span className={short.length <= 20 ? styles.value : styles.longValue}>{label} {short}</span>;
}

function CardBody({ finding, lang, t, note, busy, snapshot, year, onFix, onAccept, onWithdraw, onLocate, id }: FindingCardProps & { id: string }) {
  const styles = useStyles();
  const [accepting, setAccepting] = useState(false);
  const [why, setWhy] = useState(false);
  const acceptRef = useRef<HTMLButtonElement>(null);
  const withdrawRef = useRef<HTMLButtonElement>(null);
  // Saving or withdrawing a note swaps one button for the other: the focus follows, not lost to the page.
  const hadNote = useRef(note !== undefined);
  useEffect(() => {
    if (accepting) return;
    const has = note !== undefined;
    if (has !== hadNote.current) (has ? withdrawRef : acceptRef).current?.focus();
    hadNote.current = has;
  }, [note, accepting]);
  const edit = finding.fix?.edits[0];
  const change = edit ? editText(edit, finding, lang) : null;
  const canAccept = finding.severity === "warning" && finding.at !== null;
  return (
    <div id={id} className={styles.body}>
      <Body><KeepTogether text={messageText(finding, lang)} /></Body>
      {note && <Caption className={styles.note}>{t.acceptReason}{t.colon}{note.reason}</Caption>}
      {!accepting && finding.fix && change && (
        <div className={styles.actions}>
          <Button size="small" appearance="primary" disabled={busy} onClick={onFix}>
            {finding.fix.safe ? t.fixTo(change.before, change.after) : t.fixSuggested(change.before, change.after)}
          </Button>
        </div>
      )}
      {!accepting && (
        <div className={styles.actions}>
          {canAccept && !note && (
            <Button size="small" ref={acceptRef} disabled={busy} onClick={() => setAccepting(true)}>{t.accept}</Button>
          )}
          {canAccept && note && (
            <Button size="small" ref={withdrawRef} disabled={busy} onClick={() => void onWithdraw()}>{t.withdraw}</Button>
          )}
          {finding.at && (
            <Button size="small" appearance="subtle" onClick={onLocate} aria-label={`${t.locate} ${cellLabel(finding.at)}`}>{t.locate}</Button>
          )}
          <Button size="small" appearance="subtle" aria-expanded={why} onClick={() => setWhy(!why)}>{t.whyTitle}</Button>
        </div>
      )}
      {accepting && (
        <Suspense fallback={<Busy />}>
          <AcceptForm
            t={t}
            busy={busy}
            onSubmit={onAccept}
            onDone={() => setAccepting(false)}
            onCancel={() => { setAccepting(false); setTimeout(() => acceptRef.current?.focus(), 0); }}
          />
        </Suspense>
      )}
      {why && (
        <Suspense fallback={<Busy />}>
          <WhyPanel finding={finding} lang={lang} t={t} snapshot={snapshot} year={year} />
        </Suspense>
      )}
    </div>
  );
}

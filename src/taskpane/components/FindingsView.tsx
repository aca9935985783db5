/**
 * The findings to work through, like Excel's Error Checking: errors first, then warnings, the
 * 提示 folded under one line; a filter by severity; 上一个 / 下一个 that open the next card and
 * select its cell in the workbook. One card is "current" at a time and shows its actions.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, ValidationResult, WorkbookSnapshot } from "../../core";
import type { ReviewNote } from "../../host/ports";
import { noteKey } from "../../host/review-notes";
import type { Lang, Strings } from "../strings";
import { cardKeys, filtered, findingKey, orderedFindings, type Filter } from "../state/view-model";
import { FindingCard } from "./FindingCard";
import { Body, Caption, useType } from "./type";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  // Fluent's small buttons are at least 64 px wide: four filters in English would not fit one line.
  filter: { minWidth: "auto", paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  bar: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", alignItems: "center" },
  nav: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  position: { color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  fold: { display: "flex", justifyContent: "space-between", alignItems: "center", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
});

export interface FindingsViewProps {
  readonly result: ValidationResult;
  readonly notes: readonly ReviewNote[];
  readonly snapshot: WorkbookSnapshot | null;
  readonly lang: Lang;
  readonly t: Strings;
  readonly busy: boolean;
  /** Keys of findings new since the last check (marked 新). */
  readonly added: ReadonlySet<string>;
  readonly onSelect: (finding: Finding) => void;
  /** Applies one finding's fix; resolves when the workbook has been checked again. */
  readonly onFix: (finding: Finding) => Promise<void>;
  readonly onAccept: (finding: Finding, reason: string) => Promise<boolean>;
  readonly onWithdraw: (finding: Finding) => Promise<boolean>;
}

const FILTERS: readonly Filter[] = ["all", "error", "warning", "info"];

export function FindingsView(props: FindingsViewProps) {
  const { result, notes, snapshot, lang, t, busy, added, onSelect } = props;
  const styles = useStyles();
  const type = useType();
  const [filter, setFilter] = useState<Filter>("all");
  const [infosOpen, setInfosOpen] = useState(false);
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const ordered = useMemo(() => orderedFindings(result), [result]);
  const shown = useMemo(() => filtered(ordered, filter), [ordered, filter]);
  const notesByKey = useMemo(() => new Map(notes.map((n) => [noteKey(n), n])), [notes]);
  const keys = useMemo(() => cardKeys(shown), [shown]);
  const selfEval = result.tables.filter((x) => x.kind === "annex3");
  const year = result.annex2?.year ?? result.annex3?.year ?? null;
  const tableName = (f: Finding) => (selfEval.length > 1 ? f.table?.name ?? null : null);

  // Under 全部, the 提示 are folded unless the current card is one.
  const folds = filter === "all" && shown.some((f) => f.severity === "info") && shown.some((f) => f.severity !== "info");
  const index = currentKey === null ? -1 : keys.indexOf(currentKey);
  const currentIsInfo = index >= 0 && shown[index]!.severity === "info";
  const infosVisible = !folds || infosOpen || currentIsInfo;
  const visible = infosVisible ? shown : shown.filter((f) => f.severity !== "info");
  const infoCount = shown.filter((f) => f.severity === "info").length;

  // After a check the first finding is open, so its sentence and action show without a click;
  // a card that is gone (fixed, or filtered out) hands over to the first one.
  const firstKey = keys[0] ?? null;
  useEffect(() => {
    setCurrentKey((key) => (key !== null && keys.includes(key) ? key : firstKey));
  }, [keys]);

  const visibleKeys = keys.filter((_k, i) => infosVisible || shown[i]!.severity !== "info");
  const visibleKeysRef = useRef(visibleKeys);
  visibleKeysRef.current = visibleKeys;
  const heads = () => listRef.current?.querySelectorAll<HTMLElement>("[data-card-head]") ?? [];

  const keyOf = (finding: Finding) => keys[shown.indexOf(finding)] ?? findingKey(finding);
  const choose = (finding: Finding, focus: boolean) => {
    const key = keyOf(finding);
    setCurrentKey(key);
    onSelect(finding);
    if (focus) requestAnimationFrame(() => heads()[visibleKeysRef.current.indexOf(key)]?.focus());
  };
  const move = (step: 1 | -1) => {
    if (shown.length === 0) return;
    const next = index < 0 ? (step === 1 ? 0 : shown.length - 1) : (index + step + shown.length) % shown.length;
    if (shown[next]!.severity === "info") setInfosOpen(true);
    choose(shown[next]!, true);
  };
  /**
   * After 修正 the card is gone (the workbook was checked again): the card that took its place
   * becomes current and takes the focus, as Excel's Error Checking moves on to the next error.
   * If the card is still there (the write was refused), it keeps the focus.
   */
  const afterFix = (finding: Finding, action: Promise<unknown>) => {
    const key = keyOf(finding);
    const at = visibleKeysRef.current.indexOf(key);
    void action.then(() => requestAnimationFrame(() => {
      const now = visibleKeysRef.current;
      const stays = now.indexOf(key);
      const next = stays >= 0 ? stays : Math.min(at, now.length - 1);
      if (next < 0) {
        setCurrentKey(null);
        document.getElementById("findings-heading")?.focus();
        return;
      }
      setCurrentKey(now[next]!);
      heads()[next]?.focus();
    }));
  };

  const count = (f: Filter) => (f === "all" ? ordered.length : ordered.filter((x) => x.severity === f).length);
  const filterName = (f: Filter) => (f === "all" ? t.filterAll : t.filterName[f]);

  return (
    <section className={styles.root} aria-labelledby="findings-heading">
      <h2 id="findings-heading" tabIndex={-1} className={type.heading}>{t.listHeading}</h2>
      <div className={styles.bar} role="group" aria-label={t.filterLabel}>
        {FILTERS.map((f) => (
          <Button key={f} size="small" className={styles.filter} aria-pressed={filter === f} appearance={filter === f ? "primary" : "subtle"} onClick={() => setFilter(f)}>
            {t.filterCount(filterName(f), count(f))}
          </Button>
        ))}
      </div>
      {shown.length > 0 && (
        <div className={styles.nav}>
          <Button size="small" onClick={() => move(-1)}>{t.previous}</Button>
          <Button size="small" onClick={() => move(1)}>{t.next}</Button>
          <Caption className={styles.position} aria-live="polite">
            {index >= 0 ? t.position(index + 1, shown.length) : t.positionNone(shown.length)}
          </Caption>
        </div>
      )}
      {shown.length === 0 ? (
        <Body>{ordered.length === 0 ? t.noFindings : t.noneOfFilter}</Body>
      ) : (
        <ul className={styles.list} ref={listRef} aria-label={t.listHeading}>
          {visible.map((finding) => {
            const key = keyOf(finding);
            const noteKeyOf = findingKey(finding);
            return (
              <FindingCard
                key={key}
                finding={finding}
                lang={lang}
                t={t}
                note={finding.severity === "warning" ? notesByKey.get(noteKeyOf) : undefined}
                current={key === currentKey}
                isNew={added.has(noteKeyOf)}
                busy={busy}
                tableName={tableName(finding)}
                snapshot={snapshot}
                year={year}
                onChoose={() => (key === currentKey ? setCurrentKey(null) : choose(finding, false))}
                onFix={() => afterFix(finding, props.onFix(finding))}
                onLocate={() => onSelect(finding)}
                onAccept={(reason) => props.onAccept(finding, reason)}
                onWithdraw={() => props.onWithdraw(finding)}
              />
            );
          })}
        </ul>
      )}
      {folds && !currentIsInfo && (
        <div className={styles.fold}>
          <Caption>{t.infosFolded(infoCount)}</Caption>
          <Button size="small" appearance="subtle" aria-expanded={infosOpen} onClick={() => setInfosOpen(!infosOpen)}>
            {infosOpen ? t.hideInfos : t.showInfos}
          </Button>
        </div>
      )}
    </section>
  );
}

/**
 * The task pane. One main view fits a task pane's 320 px: what was recognized (one line, details
 * on demand), 一键校验 / 全部修正 / 撤销修正, the notice, the counts, and the findings to work
 * through. Secondary work — 全部修正's preview, the report text, the blank template, the
 * settings — opens in its own view from the 更多 menu and is loaded only then, so the script a
 * user waits for at start holds only what the first check needs.
 */
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from "react";
import {
  Button, mergeClasses, makeStyles, tokens,
} from "@fluentui/react-components";
import { GRADE_NAMES, RULES_VERSION, toA1, type Finding, type ValidationResult } from "../../core";
import { formatDateTime } from "../../core/format/figures";
import type { ImportedTable, WorkbookHost } from "../../host/ports";
import { useChecker } from "../state/useChecker";
import { STRINGS, type Lang, type Strings } from "../strings";
import type { PreferenceStore, Preferences } from "../preferences";
import { cellLabel, countsOf, editText, previewRows } from "../state/view-model";
import { FindingsView } from "./FindingsView";
import { MoreMenu } from "./MoreMenu";
import { Busy } from "./Busy";
import { Notice } from "./Notice";
import { KeepTogether } from "./KeepTogether";
import { Body, Caption, useType } from "./type";

const FixPreview = lazy(() => import(/* webpackChunkName: "fix-preview" */ "./FixPreview"));
const SettingsPanel = lazy(() => import(/* webpackChunkName: "settings" */ "./SettingsPanel"));
const ReportTextPanel = lazy(() => import(/* webpackChunkName: "report-text" */ "./ReportTextPanel"));
const TemplatePanel = lazy(() => import(/* webpackChunkName: "template" */ "./TemplatePanel"));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    overflowWrap: "break-word",
  },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { margin: 0, minWidth: 0 },
  headerTools: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexShrink: 0 },
  recognized: { color: tokens.colorNeutralForeground2 },
  details: { display: "flex", flexDirection: "column", paddingLeft: tokens.spacingHorizontalM },
  summaryLine: { cursor: "pointer" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  summary: { display: "flex", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, flexWrap: "wrap", alignItems: "baseline" },
  count: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  when: { color: tokens.colorNeutralForeground3, fontVariantNumeric: "tabular-nums" },
  viewHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface AppProps {
  readonly host: WorkbookHost;
  readonly preferences: PreferenceStore;
  /** Run the check once at start (the demo does; in Excel the user clicks). */
  readonly checkOnStart?: boolean;
  /**
   * In Excel the pane is the page, so its root is the page's <main>. The demo embeds it in an
   * <aside> beside the grid, where a <main> would not be top-level: it renders a plain <div>.
   */
  readonly embedded?: boolean;
}

type View = "main" | "fixAll" | "report" | "template" | "settings";

export function App({ host, preferences: store, checkOnStart = false, embedded = false }: AppProps) {
  const styles = useStyles();
  const type = useType();
  const [prefs, setPrefs] = useState<Preferences>(() => store.load());
  const [view, setView] = useState<View>("main");
  // The report text view stays mounted once opened, so pasted text survives a look elsewhere.
  const [reportOpened, setReportOpened] = useState(false);
  const lang: Lang = prefs.lang;
  const t = STRINGS[lang];
  const checker = useChecker(host, prefs, { live: prefs.live });
  const { state } = checker;
  const moreRef = useRef<HTMLButtonElement>(null);
  const Root = embedded ? "div" : "main";
  const noticeRef = useRef<HTMLDivElement>(null);

  const changePrefs = useCallback((next: Preferences) => {
    setPrefs(next);
    store.save(next);
  }, [store]);

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);

  useEffect(() => {
    if (checkOnStart) void checker.check();
    // Only at start: later checks are the user's.
  }, []);

  // Settings change what the rules compute: re-check with them when a result is on screen.
  useEffect(() => {
    if (state.result) void checker.check();
  }, [prefs.gradeBands, prefs.reverseFormula, prefs.disabledRules, prefs.profile]);

  const open = (next: View) => {
    if (next === "report") setReportOpened(true);
    setView(next);
  };
  const back = () => {
    setView("main");
    requestAnimationFrame(() => moreRef.current?.focus());
  };

  const safeFixes = state.result ? previewRows(state.result.findings).filter((r) => r.safe).length : 0;
  const anyFixes = state.result ? previewRows(state.result.findings).length : 0;

  const fixOne = (finding: Finding) => {
    const edit = finding.fix?.edits[0];
    if (!edit) return Promise.resolve();
    const cell = cellLabel(edit.at);
    const zh = editText(edit, finding, "zh");
    const en = editText(edit, finding, "en");
    return checker.fixOne(
      finding,
      { zh: STRINGS.zh.fixedOne(cell, zh.before, zh.after), en: STRINGS.en.fixedOne(cell, en.before, en.after) },
      { zh: STRINGS.zh.fixedStale(cell), en: STRINGS.en.fixedStale(cell) },
    );
  };
  const noteText = (finding: Finding, make: (t: Strings, cell: string) => string) => {
    const cell = cellLabel(finding.at);
    return { zh: make(STRINGS.zh, cell), en: make(STRINGS.en, cell) };
  };

  const titles: Record<Exclude<View, "main">, string> = {
    fixAll: t.viewFixAll, report: t.viewReport, template: t.viewTemplate, settings: t.viewSettings,
  };

  return (
    <Root className={styles.root} aria-busy={state.busy}>
      <div className={styles.header}>
        <h1 className={mergeClasses(type.title, styles.title)}>{t.appTitle}</h1>
        <div className={styles.headerTools}>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => changePrefs({ ...prefs, lang: lang === "zh" ? "en" : "zh" })}
            aria-label={lang === "zh" ? "Switch to English" : "切换到中文"}
          >
            {lang === "zh" ? "English" : "中文"}
          </Button>
          <MoreMenu
            label={t.more}
            accessibleLabel={t.moreLabel}
            buttonRef={moreRef}
            items={[
              { key: "report-sheet", label: t.insertReport, disabled: !state.result || state.busy, onSelect: () => { setView("main"); void checker.insertReport(lang); } },
              { key: "report-text", label: t.viewReport, onSelect: () => open("report") },
              ...(host.insertTemplate ? [{ key: "template", label: t.viewTemplate, onSelect: () => open("template") }] : []),
              { key: "settings", label: t.viewSettings, onSelect: () => open("settings") },
            ]}
          />
        </div>
      </div>

      {view === "main" && (
        <>
          <Recognized result={state.result} lang={lang} t={t} />
          <div className={styles.actions}>
            {/* Once there are safe fixes, 全部修正 is the next step; else (re-)checking is. */}
            <Button appearance={safeFixes > 0 ? "secondary" : "primary"} onClick={() => void checker.check()} disabled={state.busy}>
              {state.result ? t.recheck : t.check}
            </Button>
            {anyFixes > 0 && (
              <Button appearance={safeFixes > 0 ? "primary" : "secondary"} onClick={() => setView("fixAll")} disabled={state.busy}>
                {safeFixes > 0 ? t.fixAll(safeFixes) : t.suggestedFixes(anyFixes)}
              </Button>
            )}
            {state.canRevert && <Button onClick={() => void checker.revert()} disabled={state.busy}>{t.revert}</Button>}
            {state.busy && <Busy label={t.checking} />}
          </div>
        </>
      )}

      <div role="status" aria-live="polite" ref={noticeRef} tabIndex={-1}>
        {state.notice && (
          <Notice intent={state.notice.intent}><KeepTogether text={state.notice.text[lang]} /></Notice>
        )}
      </div>

      {view === "main" && (state.result ? (
        <>
          <Summary result={state.result} notes={state.notes} checkedAt={state.checkedAt} auto={state.sinceLast?.auto ?? false} lang={lang} t={t} />
          <FindingsView
            result={state.result}
            notes={state.notes}
            snapshot={state.snapshot}
            lang={lang}
            t={t}
            busy={state.busy}
            added={state.sinceLast?.added ?? new Set()}
            onSelect={(f) => void checker.select(f)}
            onFix={fixOne}
            onAccept={(f, reason) => checker.accept(f, reason, noteText(f, (s, cell) => s.acceptedNote(cell)))}
            onWithdraw={(f) => checker.withdraw(f, noteText(f, (s, cell) => s.withdrawnNote(cell)))}
          />
        </>
      ) : (
        <Body>{t.notChecked}</Body>
      ))}

      {view !== "main" && (
        <div className={styles.viewHead}>
          <Button size="small" appearance="subtle" onClick={back} aria-label={t.backTo}>← {t.back}</Button>
          <h2 className={type.heading}>{titles[view]}</h2>
        </div>
      )}
      <Suspense fallback={<Busy />}>
        {view === "fixAll" && state.result && (
          <FixPreview
            findings={state.result.findings}
            lang={lang}
            t={t}
            busy={state.busy}
            onCancel={back}
            onApply={(edits) => {
              setView("main");
              void checker.applyFixes(edits).then(() => requestAnimationFrame(() => noticeRef.current?.focus()));
            }}
          />
        )}
        {view === "settings" && (
          <SettingsPanel
            preferences={prefs}
            lang={lang}
            t={t}
            onChange={changePrefs}
            profileId={state.result?.profile.id ?? null}
            canWatch={checker.watching !== false && host.watch !== undefined}
          />
        )}
        {view === "template" && <TemplatePanel host={host} lang={lang} t={t} />}
        {reportOpened && (
          <div hidden={view !== "report"}>
            <ReportTextPanel
              result={state.result} settings={prefs} lang={lang} t={t}
              onCheckWorkbook={() => checker.check()} onSelect={(f) => void checker.select(f)}
              {...(host.importTables ? { onImportTables: (tables: readonly ImportedTable[]) => host.importTables!(tables) } : {})}
            />
          </div>
        )}
      </Suspense>
    </Root>
  );
}

/** What was recognized: the form on one line; where each table is, and why, on demand. */
function Recognized({ result, lang, t }: { result: ValidationResult | null; lang: Lang; t: Strings }) {
  const styles = useStyles();
  if (!result) return <Caption className={styles.recognized}>{t.rulesVersion} {RULES_VERSION}</Caption>;
  const place = (p: ValidationResult["annexes"]["annex2"]) =>
    p ? `${p.sheet}!${toA1({ row: p.range.top, col: p.range.left })}:${toA1({ row: p.range.bottom, col: p.range.right })}` : t.notFound;
  const selfEval = result.tables.filter((x) => x.kind === "annex3");
  // The two strongest signals say why; the JSON report lists them all.
  const how = t.profileHow[result.profile.how].replace("{signals}", result.profile.signals.slice(0, 2).map((s) => s[lang]).join(lang === "zh" ? "；" : "; "));
  return (
    <details className={styles.recognized} data-testid="profile">
      <summary className={styles.summaryLine}>
        <Caption>{t.profile}{t.colon}{result.profile.name[lang]}</Caption>
      </summary>
      <div className={styles.details}>
        <Caption>{how.replace(/^[（(\s]+|[）)]$/g, "")}</Caption>
        {result.profile.basicData ? (
          <>
            <Caption>{t.annex2}{t.colon}{place(result.annexes.annex2)}</Caption>
            <Caption>{t.annex3}{t.colon}{place(result.annexes.annex3)}</Caption>
            {(!result.annexes.annex2 || !result.annexes.annex3) && <Caption>{t.lookedFor}</Caption>}
          </>
        ) : (
          <Caption>{t.tablesFound(selfEval.length)}{selfEval.length > 0 ? `${t.colon}${selfEval.map((x) => x.name ?? place(x)).join(lang === "zh" ? "、" : ", ")}` : ""}</Caption>
        )}
        <Caption>{t.rulesVersion} {RULES_VERSION}</Caption>
      </div>
    </details>
  );
}

function Summary({ result, notes, checkedAt, auto, lang, t }: {
  result: ValidationResult; notes: Parameters<typeof countsOf>[1]; checkedAt: string | null; auto: boolean; lang: Lang; t: Strings;
}) {
  const styles = useStyles();
  const counts = countsOf(result, notes);
  const s = result.summary;
  const grade = s.grade ? GRADE_NAMES[s.grade][lang] : null;
  return (
    <section className={styles.summary} aria-label={lang === "zh" ? "汇总" : "Summary"} data-testid="summary">
      <Body><span className={styles.count}>{counts.error}</span> {t.countWord.error(counts.error)}</Body>
      <Body><span className={styles.count}>{counts.warning}</span> {t.countWord.warning(counts.warning)}{counts.accepted > 0 ? t.warningsAccepted(counts.accepted) : ""}</Body>
      <Body><span className={styles.count}>{counts.info}</span> {t.countWord.info(counts.info)}</Body>
      {s.score !== null && <Body>{t.totalScore} <span className={styles.count}>{s.score}</span></Body>}
      {grade && <Body>{t.grade} <span className={styles.count}>{grade}</span></Body>}
      {checkedAt && <Caption className={styles.when}>{t.checkedAt} {formatDateTime(checkedAt)}{auto ? t.autoChecked : ""}</Caption>}
    </section>
  );
}

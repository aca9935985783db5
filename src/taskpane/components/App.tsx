import { useCallback, useEffect, useState } from "react";
import {
  Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle1, Tab, TabList, Text, ToggleButton, makeStyles, tokens,
} from "@fluentui/react-components";
import { GRADE_NAMES, toA1, RULES_VERSION, type ValidationResult } from "../../core";
import type { WorkbookHost } from "../../host/ports";
import { useChecker } from "../state/useChecker";
import { STRINGS, type Lang } from "../strings";
import type { PreferenceStore, Preferences } from "../preferences";
import { FindingsList } from "./FindingsList";
import { FixPreview } from "./FixPreview";
import { SettingsPanel } from "./SettingsPanel";
import { ReportTextPanel } from "./ReportTextPanel";
import { TemplatePanel } from "./TemplatePanel";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
    maxWidth: "100%",
    boxSizing: "border-box",
  },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  annexes: { display: "flex", flexDirection: "column" },
  summary: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap", alignItems: "baseline" },
  count: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

export interface AppProps {
  readonly host: WorkbookHost;
  readonly preferences: PreferenceStore;
  /** Run the check once at start (the demo does; in Excel the user clicks). */
  readonly checkOnStart?: boolean;
}

type TabName = "findings" | "fixes" | "settings" | "report";

export function App({ host, preferences: store, checkOnStart = false }: AppProps) {
  const styles = useStyles();
  const [prefs, setPrefs] = useState<Preferences>(() => store.load());
  const [tab, setTab] = useState<TabName>("findings");
  const lang: Lang = prefs.lang;
  const t = STRINGS[lang];
  const checker = useChecker(host, prefs);
  const { state } = checker;

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

  return (
    <main className={styles.root} aria-busy={state.busy}>
      <div className={styles.header}>
        <Subtitle1 as="h1">{t.appTitle}</Subtitle1>
        <ToggleButton
          size="small"
          checked={lang === "en"}
          onClick={() => changePrefs({ ...prefs, lang: lang === "zh" ? "en" : "zh" })}
          aria-label={lang === "zh" ? "Switch to English" : "切换到中文"}
        >
          {lang === "zh" ? "English" : "中文"}
        </ToggleButton>
      </div>
      <AnnexHeader result={state.result} lang={lang} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void checker.check()} disabled={state.busy}>
          {state.result ? t.recheck : t.check}
        </Button>
        {state.busy && <Spinner size="tiny" label={t.checking} />}
        {state.result && (
          <Button onClick={() => void checker.insertReport(lang)} disabled={state.busy}>{t.insertReport}</Button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {state.notice && (
          <MessageBar intent={state.notice.intent}>
            <MessageBarBody>{state.notice.text[lang]}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.result ? (
        <>
          <Summary result={state.result} lang={lang} />
          <TabList selectedValue={tab} onTabSelect={(_e, data) => setTab(data.value as TabName)} size="small">
            <Tab value="findings">{t.tabFindings}</Tab>
            <Tab value="fixes">{t.tabFixes}</Tab>
            <Tab value="settings">{t.tabSettings}</Tab>
            <Tab value="report">{t.tabReport}</Tab>
          </TabList>
          <div role="tabpanel" aria-label={tab === "findings" ? t.tabFindings : tab === "fixes" ? t.tabFixes : tab === "report" ? t.tabReport : t.tabSettings}>
            {tab === "findings" && (
              <FindingsList result={state.result} notes={state.notes} lang={lang} t={t} onSelect={(f) => void checker.select(f)} onAccept={(f, r) => void checker.accept(f, r)} />
            )}
            {tab === "fixes" && (
              <FixPreview findings={state.result.findings} t={t} busy={state.busy} canRevert={state.canRevert} onApply={(edits) => void checker.applyFixes(edits)} onRevert={() => void checker.revert()} />
            )}
            {tab === "settings" && <SettingsPanel preferences={prefs} lang={lang} t={t} onChange={changePrefs} />}
            {/* Kept mounted while hidden, so pasted text survives a look at another tab. */}
            <div hidden={tab !== "report"}>
              <ReportTextPanel result={state.result} settings={prefs} lang={lang} t={t} onCheckWorkbook={() => checker.check()} onSelect={(f) => void checker.select(f)} />
            </div>
          </div>
        </>
      ) : (
        <Text>{t.notChecked}</Text>
      )}
      <TemplatePanel host={host} lang={lang} t={t} />
    </main>
  );
}

function AnnexHeader({ result, lang }: { result: ValidationResult | null; lang: Lang }) {
  const t = STRINGS[lang];
  const styles = useStyles();
  const place = (p: ValidationResult["annexes"]["annex2"]) =>
    p ? `${p.sheet}!${toA1({ row: p.range.top, col: p.range.left })}:${toA1({ row: p.range.bottom, col: p.range.right })}` : t.notFound;
  const selfEval = result ? result.tables.filter((x) => x.kind === "annex3") : [];
  // The two strongest signals say why; the JSON report lists them all.
  const how = result ? t.profileHow[result.profile.how].replace("{signals}", result.profile.signals.slice(0, 2).map((s) => s[lang]).join(lang === "zh" ? "；" : "; ")) : "";
  return (
    <div className={styles.annexes} aria-label={lang === "zh" ? "识别结果" : "Recognized annexes"}>
      {result && (
        <>
          <Caption1 data-testid="profile">{t.profile}：{result.profile.name[lang]}{how}</Caption1>
          {result.profile.basicData ? (
            <>
              <Caption1>{t.annex2}：{place(result.annexes.annex2)}</Caption1>
              <Caption1>{t.annex3}：{place(result.annexes.annex3)}</Caption1>
              {(!result.annexes.annex2 || !result.annexes.annex3) && <Caption1>{t.lookedFor}</Caption1>}
            </>
          ) : (
            <Caption1>{t.tablesFound(selfEval.length)}{selfEval.length > 0 ? `：${selfEval.map((x) => x.name ?? place(x)).join(lang === "zh" ? "、" : ", ")}` : ""}</Caption1>
          )}
        </>
      )}
      <Caption1>{t.rulesVersion} {RULES_VERSION}</Caption1>
    </div>
  );
}

function Summary({ result, lang }: { result: ValidationResult; lang: Lang }) {
  const t = STRINGS[lang];
  const styles = useStyles();
  const s = result.summary;
  const grade = s.grade ? GRADE_NAMES[s.grade][lang] : "—";
  return (
    <section className={styles.summary} aria-label={lang === "zh" ? "汇总" : "Summary"} data-testid="summary">
      <Text><span className={styles.count}>{s.errors}</span> {t.errors}</Text>
      <Text><span className={styles.count}>{s.warnings}</span> {t.warnings}</Text>
      <Text><span className={styles.count}>{s.infos}</span> {t.infos}</Text>
      <Text>{t.totalScore} <span className={styles.count}>{s.score ?? "—"}</span></Text>
      <Text>{t.grade} <span className={styles.count}>{grade}</span></Text>
    </section>
  );
}

/**
 * 设置, in the user's words: which form the tables follow, what the grade bands mean, how a
 * reverse indicator is scored (with a worked example), whether to re-check by itself, and which
 * checks run — grouped by what they look at and named by their titles. Rules about the workbook
 * as a whole (finding the tables, a table found twice, the report text's rules) are always on: switching them off
 * would hide that a table was not checked at all.
 */
import { Caption1, Checkbox, Field, Radio, RadioGroup, Subtitle2, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { PROFILES, RULES, profileById, type RuleId } from "../../core";
import type { Preferences } from "../preferences";
import type { Lang, Strings } from "../strings";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  group: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
  example: { display: "flex", flexDirection: "column", paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  ruleId: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
});

export interface SettingsPanelProps {
  readonly preferences: Preferences;
  readonly lang: Lang;
  readonly t: Strings;
  readonly onChange: (preferences: Preferences) => void;
  /** The form the last check used (its grade bands are "as the form sets them"). */
  readonly profileId: string | null;
  /** Whether the host can watch cell changes (false: live re-check cannot work here). */
  readonly canWatch: boolean;
}

const BANDS: Record<string, [number, number, number]> = { "90/80/60": [90, 80, 60], "80/70/60": [80, 70, 60] };
const BY_FORM = "form";
const AUTO = "auto";

type GroupKey = keyof Strings["rulesGroups"];
const GROUP_ORDER: readonly GroupKey[] = ["sheet", "cell", "a2", "a3", "x", "r"];

function groupOf(id: string): GroupKey {
  const prefix = id.split(".")[0] as GroupKey;
  return GROUP_ORDER.includes(prefix) ? prefix : "sheet";
}

/** Drops a key from the preferences (an optional setting back to "as the form says"). */
function without<K extends "gradeBands" | "profile" | "reverseFormula">(preferences: Preferences, key: K): Preferences {
  const copy: Partial<Preferences> = { ...preferences };
  delete copy[key];
  return copy as Preferences;
}

export default function SettingsPanel({ preferences, lang, t, onChange, profileId, canWatch }: SettingsPanelProps) {
  const styles = useStyles();
  const bandKey = preferences.gradeBands ? preferences.gradeBands.join("/") : BY_FORM;
  const form = profileById(preferences.profile ?? profileId ?? PROFILES[0]!.id) ?? PROFILES[0]!;
  const formBands = form.gradeBands;
  const explain = (b: readonly [number, number, number]) => t.bandsExplained(b[0], b[1], b[2]);
  const groups = GROUP_ORDER.map((key) => ({ key, rules: RULES.filter((r) => groupOf(r.meta.id) === key) })).filter((g) => g.rules.length > 0);
  const toggleRule = (id: RuleId, on: boolean) => onChange({
    ...preferences,
    disabledRules: on ? preferences.disabledRules.filter((x) => x !== id) : [...preferences.disabledRules, id],
  });
  return (
    <div className={styles.panel}>
      <Field label={t.settingsLive} hint={canWatch ? t.settingsLiveHint : t.settingsLiveUnavailable}>
        <Switch
          checked={preferences.live && canWatch}
          disabled={!canWatch}
          label={preferences.live && canWatch ? (lang === "zh" ? "开" : "On") : (lang === "zh" ? "关" : "Off")}
          onChange={(_e, data) => onChange({ ...preferences, live: data.checked })}
        />
      </Field>
      <Field label={t.settingsProfile} hint={t.settingsProfileHint}>
        <RadioGroup
          value={preferences.profile ?? AUTO}
          onChange={(_e, data) => onChange(data.value === AUTO ? without(preferences, "profile") : { ...preferences, profile: data.value })}
        >
          <Radio value={AUTO} label={t.profileAuto} />
          {PROFILES.map((p) => <Radio key={p.id} value={p.id} label={p.name[lang]} />)}
        </RadioGroup>
      </Field>
      <Field label={t.settingsGrade}>
        <RadioGroup
          value={bandKey}
          onChange={(_e, data) => onChange(BANDS[data.value] ? { ...preferences, gradeBands: BANDS[data.value]! } : without(preferences, "gradeBands"))}
        >
          <Radio value={BY_FORM} label={t.bandsByFormNow(explain(formBands))} />
          {Object.entries(BANDS).map(([key, bands]) => <Radio key={key} value={key} label={explain(bands)} />)}
        </RadioGroup>
      </Field>
      <Field label={t.settingsReverse}>
        <Caption1 className={styles.hint}>{t.settingsReverseHint}</Caption1>
        <span className={styles.example}>
          <Caption1>{t.reverseExampleA}</Caption1>
          <Caption1>{t.reverseExampleB}</Caption1>
        </span>
        <RadioGroup
          value={preferences.reverseFormula ?? BY_FORM}
          onChange={(_e, data) => onChange(data.value === "A" || data.value === "B" ? { ...preferences, reverseFormula: data.value } : without(preferences, "reverseFormula"))}
        >
          <Radio value={BY_FORM} label={t.reverseByForm(form.reverseFormula)} />
          <Radio value="A" label={t.reverseA} />
          <Radio value="B" label={t.reverseB} />
        </RadioGroup>
      </Field>
      <section aria-labelledby="rules-heading">
        <Subtitle2 as="h3" id="rules-heading">{t.settingsRules}</Subtitle2>
        {groups.map(({ key, rules }) => (
          <fieldset key={key} className={styles.group}>
            <legend className={styles.legend}><Caption1><strong>{t.rulesGroups[key]}</strong></Caption1></legend>
            {rules.map((rule) => {
              const fixed = rule.meta.scope === "workbook";
              return (
                <Checkbox
                  key={rule.meta.id}
                  checked={fixed || !preferences.disabledRules.includes(rule.meta.id)}
                  disabled={fixed}
                  title={fixed ? t.ruleAlwaysOnHint : rule.meta.id}
                  label={<>{rule.meta.title[lang]}{fixed ? t.alwaysOn : ""} <span className={styles.ruleId}>{rule.meta.id}</span></>}
                  onChange={(_e, data) => toggleRule(rule.meta.id as RuleId, data.checked === true)}
                />
              );
            })}
          </fieldset>
        ))}
      </section>
    </div>
  );
}

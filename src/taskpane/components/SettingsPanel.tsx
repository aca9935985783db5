import { Checkbox, Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { PROFILES, RULES } from "../../core";
import type { Preferences } from "../preferences";
import type { Lang, Strings } from "../strings";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  rules: { display: "flex", flexDirection: "column", maxHeight: "320px", overflowY: "auto" },
});

export interface SettingsPanelProps {
  readonly preferences: Preferences;
  readonly lang: Lang;
  readonly t: Strings;
  readonly onChange: (preferences: Preferences) => void;
}

const BANDS: Record<string, [number, number, number]> = { "90/80/60": [90, 80, 60], "80/70/60": [80, 70, 60] };
const BY_FORM = "form";
const AUTO = "auto";

/** Drops a key from the preferences (an optional setting back to "as the form says"). */
function without<K extends "gradeBands" | "profile" | "reverseFormula">(preferences: Preferences, key: K): Preferences {
  const copy: Partial<Preferences> = { ...preferences };
  delete copy[key];
  return copy as Preferences;
}

export function SettingsPanel({ preferences, lang, t, onChange }: SettingsPanelProps) {
  const styles = useStyles();
  const bandKey = preferences.gradeBands ? preferences.gradeBands.join("/") : BY_FORM;
  return (
    <div className={styles.panel}>
      <Field label={t.settingsProfile}>
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
          <Radio value={BY_FORM} label={t.bandsByForm} />
          {Object.keys(BANDS).map((key) => <Radio key={key} value={key} label={key} />)}
        </RadioGroup>
      </Field>
      <Field label={t.settingsReverse}>
        <RadioGroup
          value={preferences.reverseFormula ?? BY_FORM}
          onChange={(_e, data) => onChange(data.value === "A" || data.value === "B" ? { ...preferences, reverseFormula: data.value } : without(preferences, "reverseFormula"))}
        >
          <Radio value={BY_FORM} label={t.bandsByForm} />
          <Radio value="A" label={t.reverseA} />
          <Radio value="B" label={t.reverseB} />
        </RadioGroup>
      </Field>
      <fieldset>
        <legend>{t.settingsRules}</legend>
        <div className={styles.rules}>
          {RULES.map((rule) => (
            <Checkbox
              key={rule.meta.id}
              label={`${rule.meta.id} ${rule.meta.title[lang]}`}
              checked={!preferences.disabledRules.includes(rule.meta.id)}
              onChange={(_e, data) => onChange({
                ...preferences,
                disabledRules: data.checked === true
                  ? preferences.disabledRules.filter((id) => id !== rule.meta.id)
                  : [...preferences.disabledRules, rule.meta.id],
              })}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * 插入空白模板: the year and the weight scheme, then the host writes 附件2 and 附件3 with live
 * formulas and self-checks. When a sheet of that name exists, nothing is written and the pane
 * offers the free "附件2 (2)" pair the host suggested. Notices keep both languages, so switching
 * the language rewrites the one on screen.
 */
import { useState } from "react";
import {
  Button, Field, Input, Radio, RadioGroup, makeStyles, tokens,
} from "@fluentui/react-components";
import { buildTemplate } from "../../core/template/build";
import { isTemplateYear, type WeightScheme } from "../../core/template/model";
import type { Bilingual } from "../../core/findings/finding";
import type { WorkbookHost } from "../../host/ports";
import { STRINGS, type Lang, type Strings } from "../strings";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
});

type NoticeState = { readonly intent: "success" | "warning" | "error"; readonly text: Bilingual } | null;

/** A string of both languages, built the same way. */
function both(make: (t: Strings, lang: Lang) => string): Bilingual {
  return { zh: make(STRINGS.zh, "zh"), en: make(STRINGS.en, "en") };
}

export interface TemplatePanelProps {
  readonly host: WorkbookHost;
  readonly lang: Lang;
  readonly t: Strings;
  /** The year preset: the report year is usually the one before the current. */
  readonly defaultYear?: number;
}

export default function TemplatePanel({ host, lang, t, defaultYear = new Date().getFullYear() - 1 }: TemplatePanelProps) {
  const styles = useStyles();
  const [yearText, setYearText] = useState(String(defaultYear));
  const [weights, setWeights] = useState<WeightScheme>("40-20-10-20");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [suggested, setSuggested] = useState<{ annex2: string; annex3: string } | null>(null);
  const insertTemplate = host.insertTemplate?.bind(host);
  if (!insertTemplate) return null;

  const year = Number(yearText);
  const yearValid = /^\d{4}$/.test(yearText.trim()) && isTemplateYear(year);

  async function insert(sheetNames?: { annex2: string; annex3: string }): Promise<void> {
    if (!yearValid || !insertTemplate) return;
    setBusy(true);
    setNotice(null);
    try {
      const outcome = await insertTemplate(buildTemplate({ year, weights, ...(sheetNames ? { sheetNames } : {}) }));
      if (outcome.ok) {
        setSuggested(null);
        const skipped = (tt: Strings) => [
          outcome.skipped.some((x) => x === "dataValidation" || x === "pageLayout") ? tt.templateSkipped : "",
          outcome.skipped.some((x) => x === "conditionalFormats") ? tt.templateSkippedFormats : "",
        ].filter(Boolean).join(" ");
        const text = both((tt, l) => [tt.templateInserted(outcome.sheets.join(l === "zh" ? "、" : ", ")), skipped(tt)].filter(Boolean).join(" "));
        setNotice({ intent: outcome.skipped.length > 0 ? "warning" : "success", text });
      } else {
        setSuggested(outcome.code === "sheet-exists" ? outcome.suggested : null);
        setNotice({ intent: outcome.code === "sheet-exists" ? "warning" : "error", text: outcome.message });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.root} aria-label={t.templateOpen}>
      <>
          <div className={styles.row}>
            <Field label={t.templateYear} validationMessage={yearValid ? undefined : t.templateBadYear}>
              <Input value={yearText} onChange={(_e, data) => setYearText(data.value)} inputMode="numeric" maxLength={4} />
            </Field>
          </div>
          <Field label={t.templateWeights}>
            <RadioGroup value={weights} onChange={(_e, data) => setWeights(data.value as WeightScheme)}>
              <Radio value="40-20-10-20" label={t.weights402010} />
              <Radio value="50-30-10" label={t.weights503010} />
            </RadioGroup>
          </Field>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void insert()} disabled={busy || !yearValid}>{t.templateInsert}</Button>
          </div>
      </>
      <div role="status" aria-live="polite">
        {notice && (
          <Notice intent={notice.intent}>{notice.text[lang]}</Notice>
        )}
      </div>
      {suggested && (
        <div className={styles.row}>
          <Button onClick={() => void insert(suggested)} disabled={busy || !yearValid}>{t.templateUseSuggested(suggested.annex2, suggested.annex3)}</Button>
        </div>
      )}
    </section>
  );
}

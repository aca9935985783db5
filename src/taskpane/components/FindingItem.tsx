import { useId, useState } from "react";
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Caption1, Field, Text, Textarea, makeStyles, tokens,
} from "@fluentui/react-components";
import { messageText, type Finding } from "../../core";
import type { ReviewNote } from "../../host/ports";
import type { Lang, Strings } from "../strings";
import { cellLabel } from "../state/view-model";
import { RULE_HELP } from "../rule-help";
import { BADGE_COLOR, useFindingRowStyles } from "./finding-row";

const useStyles = makeStyles({
  values: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  pre: { whiteSpace: "pre-wrap", margin: 0, fontFamily: "inherit" },
  note: { color: tokens.colorPaletteGreenForeground1 },
});

export interface FindingItemProps {
  readonly finding: Finding;
  readonly lang: Lang;
  readonly t: Strings;
  readonly note: ReviewNote | undefined;
  readonly onSelect: (finding: Finding) => void;
  readonly onAccept: (finding: Finding, reason: string) => void;
}

export function FindingItem({ finding, lang, t, note, onSelect, onAccept }: FindingItemProps) {
  const styles = useStyles();
  const row = useFindingRowStyles();
  const [accepting, setAccepting] = useState(false);
  const [reason, setReason] = useState("");
  const messageId = useId();
  const help = RULE_HELP[finding.ruleId];
  return (
    <li className={row.item} aria-describedby={messageId} data-rule={finding.ruleId} data-cell={finding.at ? cellLabel(finding.at) : undefined}>
      <div className={row.top}>
        <Badge appearance="filled" color={BADGE_COLOR[finding.severity]}>{t.severityName[finding.severity]}</Badge>
        {note && <Badge appearance="outline" color="success">{t.accepted}</Badge>}
        <Caption1>{cellLabel(finding.at)}</Caption1>
      </div>
      <Text id={messageId}>{messageText(finding, lang)}</Text>
      {(finding.expected !== null || finding.actual !== null) && (
        <div className={styles.values}>
          <Caption1>{t.expected}：{finding.expected ?? "—"}</Caption1>
          <Caption1>{t.found}：{finding.actual ?? "—"}</Caption1>
          <Caption1>{t.rule}：<code>{finding.ruleId}</code></Caption1>
        </div>
      )}
      {note && <Caption1 className={styles.note}>{t.acceptReason}：{note.reason}</Caption1>}
      <div className={styles.actions}>
        {finding.at && (
          <Button size="small" appearance="subtle" onClick={() => onSelect(finding)} aria-label={`${t.locate} ${cellLabel(finding.at)}`}>
            {t.locate}
          </Button>
        )}
        {finding.severity === "warning" && finding.at && !accepting && (
          <Button size="small" appearance="subtle" onClick={() => setAccepting(true)}>{t.accept}</Button>
        )}
      </div>
      {accepting && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) return;
            onAccept(finding, reason);
            setAccepting(false);
          }}
        >
          <Field label={t.acceptReason} hint={t.acceptReasonHint} required>
            <Textarea value={reason} onChange={(_e, data) => setReason(data.value)} maxLength={4000} resize="vertical" />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" size="small" appearance="primary" disabled={!reason.trim()}>{t.confirm}</Button>
            <Button size="small" onClick={() => setAccepting(false)}>{t.cancel}</Button>
          </div>
        </form>
      )}
      {help && (
        <Accordion collapsible>
          <AccordionItem value="why">
            <AccordionHeader size="small">{t.why}</AccordionHeader>
            <AccordionPanel>
              <Caption1>{t.formula}：{help.formula[lang]}</Caption1>
              {help.doc && <pre className={styles.pre}><Caption1>{help.doc}</Caption1></pre>}
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </li>
  );
}

/**
 * 接受并说明's form: the reason (审核说明) a warning is fine, saved in the workbook and printed in
 * the 校验报告. Loaded when a user first accepts a warning.
 */
import { useEffect, useRef, useState } from "react";
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", marginTop: tokens.spacingVerticalS },
});

export interface AcceptFormProps {
  readonly t: Strings;
  readonly busy: boolean;
  /** Saves the note; resolves whether it was saved. */
  readonly onSubmit: (reason: string) => Promise<boolean>;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

export default function AcceptForm({ t, busy, onSubmit, onDone, onCancel }: AcceptFormProps) {
  const styles = useStyles();
  const [reason, setReason] = useState("");
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => reasonRef.current?.focus(), []);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason.trim()) return;
        void onSubmit(reason).then((saved) => {
          if (saved) onDone();
        });
      }}
    >
      <Field label={t.acceptReason} hint={t.acceptReasonHint} required>
        <Textarea ref={reasonRef} value={reason} onChange={(_e, data) => setReason(data.value)} maxLength={4000} resize="vertical" />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" size="small" appearance="primary" disabled={!reason.trim() || busy}>{t.confirm}</Button>
        <Button size="small" onClick={onCancel}>{t.cancel}</Button>
      </div>
    </form>
  );
}

import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, ValidationResult } from "../../core";
import type { ReviewNote } from "../../host/ports";
import { noteKey } from "../../host/review-notes";
import type { Lang, Strings } from "../strings";
import { findingKey, groupFindings, groupName } from "../state/view-model";
import { FindingItem } from "./FindingItem";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0 },
  group: { marginBottom: tokens.spacingVerticalM },
});

export interface FindingsListProps {
  readonly result: ValidationResult;
  readonly notes: readonly ReviewNote[];
  readonly lang: Lang;
  readonly t: Strings;
  readonly onSelect: (finding: Finding) => void;
  readonly onAccept: (finding: Finding, reason: string) => void;
}

export function FindingsList({ result, notes, lang, t, onSelect, onAccept }: FindingsListProps) {
  const styles = useStyles();
  const notesByKey = new Map(notes.map((n) => [noteKey(n), n]));
  const names = { annex2: t.groupAnnex2, annex3: t.groupAnnex3, other: t.groupOther, table: t.groupTable };
  const groups = groupFindings(result);
  if (groups.length === 0) return <p>{t.noFindings}</p>;
  return (
    <div>
      {groups.map(({ group, findings }) => (
        <section key={group} className={styles.group} aria-label={groupName(group, result, names)}>
          <Subtitle2 as="h3">{groupName(group, result, names)}（{findings.length}）</Subtitle2>
          <ul className={styles.list}>
            {findings.map((f, i) => (
              <FindingItem key={`${findingKey(f)}#${i}`} finding={f} lang={lang} t={t} note={notesByKey.get(findingKey(f))} onSelect={onSelect} onAccept={onAccept} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

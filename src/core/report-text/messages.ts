/**
 * The messages of the report-text rules (r.*), apart from their code (compare.ts): the rules'
 * meta needs them with every check, the comparing code only when a report text is given.
 */
/** The messages every comparing rule reports with. */
export const COMPARISON_MESSAGES = {
  differs: {
    zh: "{place}“{stated}”与{annexName} {annexValue}（{cell}）不一致（相差 {difference}），请核对正文与附件",
    en: "{place} states {stated}; {annexName} is {annexValue} ({cell}), a difference of {difference}: make the text and the annex agree",
  },
  place: { zh: "正文第 {paragraph} 段第 {sentence} 句", en: "Paragraph {paragraph}, sentence {sentence} of the text" },
} as const;

/** The messages of r.text-sum. */
export const TEXT_SUM_MESSAGES = {
  exceeds: {
    zh: "{place}：“{stated}”的其中各项 {terms} = {parts}，超过所述总数（相差 {difference}）",
    en: "{place}: the parts of \"{stated}\" ({terms} = {parts}) exceed the stated total by {difference}",
  },
  short: {
    zh: "{place}：“{stated}”的其中各项 {terms} = {parts}，少于所述总数 {difference}；若只列举了部分项目，请说明",
    en: "{place}: the parts of \"{stated}\" ({terms} = {parts}) fall short of the stated total by {difference}; say so if the list is partial",
  },
  projectGap: {
    zh: "{place}（{project}）：年初预算 {budget}{adjustments} = {available}，而实际支出 {actual}{carryover} = {used}，相差 {difference}{advice}",
    en: "{place} ({project}): initial budget {budget}{adjustments} = {available}, but actual spending {actual}{carryover} = {used}, a difference of {difference}{advice}",
  },
  adjustment: { zh: " {sign} {value}", en: " {sign} {value}" },
  carryover: { zh: " + {value}（结余结转）", en: " + {value}" },
  stateCarryover: { zh: "；如有结余结转请写明", en: "; state any carry-over" },
  term: { zh: "{name} {value}", en: "{name} {value}" },
  place: COMPARISON_MESSAGES.place,
} as const;

/** The messages of r.project-lines. */
export const PROJECT_LINES_MESSAGES = {
  differs: {
    zh: "正文各项目实际支出 {terms} = {total}，与{annexName} {annexValue}（{cell}）不一致（相差 {difference}）",
    en: "The text's projects spent {terms} = {total}; {annexName} is {annexValue} ({cell}), a difference of {difference}",
  },
  term: { zh: "{name} {value}", en: "{name} {value}" },
} as const;

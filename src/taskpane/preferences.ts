/**
 * Per-user preferences (language, form profile, grade bands, reverse formula, switched-off rules,
 * live re-check),
 * kept in the browser's localStorage of the add-in's origin. Unavailable storage (private mode,
 * policy) just means defaults. Stored values the current version does not know (a rule id since
 * renamed, a profile removed) are dropped, not trusted.
 */
import { z } from "zod/mini";
import { DEFAULT_SETTINGS, isRuleId, profileById, type RuleSettings } from "../core";
import type { Lang } from "./strings";

const KEY = "annexChecker.preferences.v1";

const PreferencesSchema = z.object({
  lang: z.enum(["zh", "en"]),
  gradeBands: z.optional(z.tuple([z.number(), z.number(), z.number()])),
  reverseFormula: z.optional(z.enum(["A", "B"])),
  disabledRules: z.array(z.string()),
  profile: z.optional(z.string()),
  live: z.optional(z.boolean()),
});

export interface Preferences extends RuleSettings {
  readonly lang: Lang;
  /** 自动重新校验: re-check after the user edits a table. On unless switched off. */
  readonly live: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { ...DEFAULT_SETTINGS, lang: "zh", live: true };

export interface PreferenceStore {
  load(): Preferences;
  save(preferences: Preferences): void;
}

export function localPreferenceStore(storage: Pick<Storage, "getItem" | "setItem"> | null = safeLocalStorage()): PreferenceStore {
  return {
    load() {
      try {
        const raw = storage?.getItem(KEY);
        if (!raw) return DEFAULT_PREFERENCES;
        const parsed = PreferencesSchema.safeParse(JSON.parse(raw));
        if (!parsed.success) return DEFAULT_PREFERENCES;
        const { profile, gradeBands, reverseFormula, live, ...rest } = parsed.data;
        return {
          ...rest,
          live: live ?? true,
          disabledRules: rest.disabledRules.filter(isRuleId),
          ...(gradeBands ? { gradeBands } : {}),
          ...(reverseFormula ? { reverseFormula } : {}),
          ...(profile && profileById(profile) ? { profile } : {}),
        };
      } catch {
        return DEFAULT_PREFERENCES;
      }
    },
    save(preferences) {
      try {
        storage?.setItem(KEY, JSON.stringify(preferences));
      } catch {
        // Storage full or blocked: the preference lasts for this session only.
      }
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

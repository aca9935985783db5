/**
 * Per-user preferences (language, grade bands, reverse formula, switched-off rules), kept in the
 * browser's localStorage of the add-in's origin. Unavailable storage (private mode, policy) just
 * means defaults.
 */
import { z } from "zod";
import { DEFAULT_SETTINGS, type RuleSettings } from "../core";
import type { Lang } from "./strings";

const KEY = "annexChecker.preferences.v1";

const PreferencesSchema = z.object({
  lang: z.enum(["zh", "en"]),
  gradeBands: z.tuple([z.number(), z.number(), z.number()]),
  reverseFormula: z.enum(["A", "B"]),
  disabledRules: z.array(z.string()),
});

export interface Preferences extends RuleSettings {
  readonly lang: Lang;
}

export const DEFAULT_PREFERENCES: Preferences = { ...DEFAULT_SETTINGS, lang: "zh" };

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
        return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
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

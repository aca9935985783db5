/**
 * The built-in form profiles, and which one a workbook is. Detection scores each profile by the
 * labels that tell its form from the others (a title, a header, a row only that form has); the
 * best score wins, ties go to the profile listed first. The reason names the labels that decided.
 */
import type { Bilingual } from "../findings/finding";
import type { FormProfile } from "./profile";
import { HUNAN_DEPT } from "./hunan-dept";
import { MOF_PROJECT } from "./mof-project";
import { SICHUAN_PROJECT } from "./sichuan-project";
import { HUBEI_PROJECT } from "./hubei-project";
import { matchesAny } from "../text/patterns";

export type { FormProfile } from "./profile";

/** Every built-in profile; the first is the fallback when nothing tells them apart. */
export const PROFILES: readonly FormProfile[] = [HUNAN_DEPT, MOF_PROJECT, SICHUAN_PROJECT, HUBEI_PROJECT];

export const DEFAULT_PROFILE: FormProfile = HUNAN_DEPT;

export function profileById(id: string): FormProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}

export interface ProfileChoice {
  readonly profile: FormProfile;
  /** How it was chosen: forced by the user, detected from labels, or the fallback. */
  readonly how: "forced" | "detected" | "default";
  /** The signals that matched, strongest first (what the report says as the reason). */
  readonly signals: readonly Bilingual[];
  readonly score: number;
}

/**
 * The profile of a workbook from its labels (normalized, as recognition sees them). `forced`
 * wins when it names a built-in profile.
 */
export function chooseProfile(labels: Iterable<string>, forced?: string, profiles: readonly FormProfile[] = PROFILES): ProfileChoice {
  // Signals are looked for among the labels that match one of them at all (one joined pattern
  // over the labels, instead of every signal over every label of a large table).
  const anySignal = matchesAny(profiles.flatMap((p) => p.detection.map((s) => s.pattern)));
  const all = (Array.isArray(labels) ? (labels as readonly string[]) : [...labels]).filter((l) => anySignal(l));
  const scored = profiles.map((profile) => {
    const matched = profile.detection.filter((signal) => all.some((l) => signal.pattern.test(l)));
    const score = matched.reduce((n, s) => n + s.weight, 0);
    return { profile, score, signals: [...matched].sort((a, b) => b.weight - a.weight).map((s) => s.why) };
  });
  const wanted = forced ? scored.find((s) => s.profile.id === forced) : undefined;
  if (wanted) return { ...wanted, how: "forced" };
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  if (best.score === 0) return { profile: profiles[0] ?? DEFAULT_PROFILE, how: "default", signals: [], score: 0 };
  return { ...best, how: "detected" };
}

/**
 * What every jsdom test of the pane needs: a ResizeObserver (jsdom has none; Fluent's MessageBar
 * uses it for reflow, real browsers and the headless Chromium tests have it) and preferences kept
 * in memory, with every save recorded.
 */
import { DEFAULT_PREFERENCES, type PreferenceStore, type Preferences } from "../../src/taskpane/preferences";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

export function installResizeObserver(): void {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;
}

export function memoryPreferences(initial: Preferences = DEFAULT_PREFERENCES): PreferenceStore & { saved: Preferences[] } {
  const saved: Preferences[] = [];
  return { saved, load: () => saved[saved.length - 1] ?? initial, save: (p) => void saved.push(p) };
}

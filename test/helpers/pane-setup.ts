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

/** Opens a secondary view (全部修正 aside) from the 更多 menu, and waits for its lazy code. */
export async function openFromMenu(item: string | RegExp): Promise<void> {
  const { fireEvent, screen, act } = await import("@testing-library/react");
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: /^(更多操作|More actions)$/ }));
  });
  const menu = await screen.findByRole("list", { name: /^(更多操作|More actions)$/ });
  const { within } = await import("@testing-library/react");
  const entry = within(menu).getByRole("button", { name: item });
  await act(async () => {
    fireEvent.click(entry);
  });
}

/** The card (list item) of a finding, by its rule id and cell ("附件2!D4"). */
export function cardOf(ruleId: string, cell?: string): HTMLElement {
  const selector = `li[data-rule="${ruleId}"]${cell ? `[data-cell="${cell}"]` : ""}`;
  const card = document.querySelector<HTMLElement>(selector);
  if (!card) throw new Error(`no card ${selector}`);
  return card;
}

/** Opens a card (clicks its head) unless it is the current one already. */
export async function openCard(ruleId: string, cell?: string): Promise<HTMLElement> {
  const { fireEvent, act } = await import("@testing-library/react");
  const card = cardOf(ruleId, cell);
  if (card.getAttribute("data-current") !== "true") {
    await act(async () => {
      fireEvent.click(card.querySelector<HTMLElement>("[data-card-head]")!);
    });
  }
  return cardOf(ruleId, cell);
}

/** The names of the 更多 menu's items (opens the menu). */
export async function menuItems(): Promise<string[]> {
  const { fireEvent, screen, act } = await import("@testing-library/react");
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: /^(更多操作|More actions)$/ }));
  });
  const { within } = await import("@testing-library/react");
  const menu = await screen.findByRole("list", { name: /^(更多操作|More actions)$/ });
  return within(menu).getAllByRole("button").map((item) => item.textContent ?? "");
}

/**
 * Waits for the pane's notice (the line saying what just happened) to read `expected`. The notice
 * keeps figures and addresses whole in their own spans, so it is matched on its whole text.
 */
export async function findNotice(expected: string | RegExp, timeout = 3000): Promise<HTMLElement> {
  const { waitFor } = await import("@testing-library/react");
  let found: HTMLElement | null = null;
  await waitFor(() => {
    const notices = [...document.querySelectorAll<HTMLElement>("[data-intent]")];
    found = notices.find((n) => (typeof expected === "string" ? n.textContent?.includes(expected) : expected.test(n.textContent ?? ""))) ?? null;
    if (!found) throw new Error(`no notice ${String(expected)}; notices: ${notices.map((n) => n.textContent).join(" | ")}`);
  }, { timeout });
  return found!;
}

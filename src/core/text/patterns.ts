/** Testing a text against several label patterns at once. */

/**
 * A test for "matches any of these patterns", as one regular expression when they can be joined
 * (same flags, no backreferences or named groups, whose numbering or names joining would change)
 * and as a loop otherwise. A large table holds each of its tens of thousands of labels against
 * every column header: one match call instead of ten.
 */
export function matchesAny(patterns: readonly RegExp[]): (text: string) => boolean {
  const flags = patterns[0]?.flags.replace(/[gy]/g, "") ?? "";
  const joinable = patterns.length > 1
    && patterns.every((p) => p.flags.replace(/[gy]/g, "") === flags && !/\\[1-9k]|\(\?</.test(p.source.replace(/\(\?<[=!]/g, "")));
  if (joinable) {
    const joined = new RegExp(patterns.map((p) => `(?:${p.source})`).join("|"), flags);
    return (text) => joined.test(text);
  }
  // Stateful (g, y) patterns would remember lastIndex between calls: tested through copies without it.
  const plain = patterns.map((p) => (p.global || p.sticky ? new RegExp(p.source, p.flags.replace(/[gy]/g, "")) : p));
  return (text) => plain.some((p) => p.test(text));
}

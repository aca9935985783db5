/**
 * A RuleTester in the ESLint style: one call per rule lists workbooks the rule must accept and
 * workbooks it must flag, with exactly the findings it must produce.
 *
 *   testRule("a2.staff-control-rate", {
 *     valid: [{ name: "166.67% for 35/21", workbook: workbook(annex2Form({ staff: { rate: pct(1.6667) } })) }],
 *     invalid: [{
 *       name: "the seed's inverse",
 *       workbook: seedWorkbook(),
 *       findings: [{ cell: "附件2!D4", severity: "error", expected: "166.67", actual: "60", messageIncludes: ["恰为其倒数"] }],
 *       fixed: { "附件2!D4": 1.6667 },
 *     }],
 *   });
 *
 * Each case runs the whole pipeline (validate(snapshotFromSpec(workbook), settings)) and looks
 * only at the findings of the rule under test:
 * - valid: none;
 * - invalid: exactly the listed ones, matched by cell ("附件2!D4", or null for a finding that
 *   names no cell), each with the fields given;
 * - every finding has a non-empty zh and en message;
 * - `fixed`: the rule's findings carry fixes writing those values; applying the plan of all
 *   findings (planFixes, with unsafe fixes when a listed one is unsafe) through a MemoryHost —
 *   the same write planner as the Office host (src/host/write-plan.ts), so a fix Excel would
 *   refuse (a formula, a merged area's hidden cell, a protected sheet, a `before` that is not what
 *   the cell holds) fails here too — writes them, and validating again leaves no finding of the
 *   rule at those cells (or exactly `afterFix`, when the rule has something else to say about the
 *   fixed cell).
 */
import { MemoryHost } from "../../src/adapters/memory/memory-host";
import { MemoryWorkbook } from "../../src/adapters/memory/memory-workbook";
import { snapshotFromSpec, type WorkbookSpec } from "../../src/adapters/memory/grid-spec";
import { DEFAULT_SETTINGS, RULES, planFixes, validate, type Finding, type RuleSettings, type Severity } from "../../src/core";
import { fromA1, toA1, type CellAddress } from "../../src/core/grid/address";
import type { CellEdit } from "../../src/core/findings/finding";
import { messageOf } from "../../src/core/messages/catalogue";

export interface RuleCase {
  readonly name: string;
  /**
   * Set when the case shows a bug in the rule (what the spec or the rule's doc page says and the
   * code does not do); the test name starts with [BUG] so a red test says why it is red.
   */
  readonly bug?: string;
  readonly workbook: WorkbookSpec;
  /** Settings changed from DEFAULT_SETTINGS (validate's second argument). */
  readonly settings?: Partial<RuleSettings>;
}

export interface ExpectedFinding {
  /** "附件2!D4" (sheet!A1, sheet name unquoted), or null for a finding that names no cell. */
  readonly cell: string | null;
  readonly severity?: Severity;
  readonly expected?: string | null;
  readonly actual?: string | null;
  /** Fragments each found in the zh or the en message. */
  readonly messageIncludes?: readonly string[];
  /** The whole message, both languages, exactly (what the user reads). */
  readonly message?: { readonly zh: string; readonly en: string };
  /** Whether the finding carries a fix, and whether it is safe (pre-selected). */
  readonly fix?: "safe" | "unsafe" | "none";
  /** Cells the finding points to besides its own. */
  readonly related?: readonly string[];
}

export interface InvalidCase extends RuleCase {
  readonly findings: readonly ExpectedFinding[];
  /** Cell → the value its fix writes (a number for numbers, text for text). */
  readonly fixed?: Readonly<Record<string, number | string>>;
  /** The rule's findings at the fixed cells after the fix; default none. */
  readonly afterFix?: readonly ExpectedFinding[];
}

export interface RuleTests {
  readonly valid: readonly RuleCase[];
  readonly invalid: readonly InvalidCase[];
}

/** "附件2!D4" for a finding's cell; null when it names none. */
export function cellText(at: CellAddress | null): string | null {
  return at ? `${at.sheet}!${toA1(at)}` : null;
}

/** Parses "附件2!D4" (or "'附件2'!D4"). */
export function cellAddress(text: string): CellAddress {
  const bang = text.lastIndexOf("!");
  if (bang < 0) throw new Error(`"${text}" is not sheet!A1`);
  const sheet = text.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  const address = fromA1(text.slice(bang + 1), sheet);
  if (!address) throw new Error(`"${text}" is not sheet!A1`);
  return address;
}

export function settingsOf(partial: Partial<RuleSettings> | undefined): RuleSettings {
  return { ...DEFAULT_SETTINGS, ...partial };
}

/** Runs the pipeline on a workbook description; the findings of one rule, or all. */
export function run(spec: WorkbookSpec, settings?: Partial<RuleSettings>, ruleId?: string): Finding[] {
  const findings = validate(snapshotFromSpec(spec), settingsOf(settings)).findings;
  return ruleId ? findings.filter((f) => f.ruleId === ruleId) : [...findings];
}

/** One line per finding, so a failing comparison shows what the rule said. */
export function describeFinding(f: Finding): string {
  return `${cellText(f.at)} ${f.severity} expected=${f.expected} actual=${f.actual} — ${messageOf(f).zh}`;
}

function expectMessages(findings: readonly Finding[]): void {
  for (const f of findings) {
    expect({ finding: describeFinding(f), zh: messageOf(f).zh.trim().length > 0, en: messageOf(f).en.trim().length > 0 })
      .toEqual({ finding: describeFinding(f), zh: true, en: true });
  }
}

/** Pairs listed findings with actual ones by cell, in order, and checks the fields given. */
function expectFindings(actual: readonly Finding[], listed: readonly ExpectedFinding[], others: readonly Finding[] = []): void {
  const order = (a: string | null, b: string | null) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);
  const got = actual.map((f) => cellText(f.at)).sort(order);
  const want = listed.map((l) => l.cell).sort(order);
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    const nearby = others.filter((f) => want.includes(cellText(f.at)) && !actual.includes(f));
    throw new Error([
      `expected findings at ${JSON.stringify(want)}, got ${JSON.stringify(got)}`,
      "the rule said:", ...actual.map((f) => `  ${describeFinding(f)}`),
      ...(nearby.length ? ["other rules at those cells:", ...nearby.map((f) => `  ${f.ruleId}: ${describeFinding(f)}`)] : []),
    ].join("\n"));
  }
  const pool = [...actual];
  for (const want of listed) {
    const i = pool.findIndex((f) => cellText(f.at) === want.cell);
    const got = pool.splice(i, 1)[0]!;
    const view = {
      cell: cellText(got.at),
      ...(want.severity !== undefined ? { severity: got.severity } : {}),
      ...(want.expected !== undefined ? { expected: got.expected } : {}),
      ...(want.actual !== undefined ? { actual: got.actual } : {}),
      ...(want.fix !== undefined ? { fix: got.fix ? (got.fix.safe ? "safe" : "unsafe") : "none" } : {}),
      ...(want.related !== undefined ? { related: got.related.map((a) => cellText(a)) } : {}),
      ...(want.message !== undefined ? { message: { zh: messageOf(got).zh, en: messageOf(got).en } } : {}),
    };
    const wanted = {
      cell: want.cell,
      ...(want.severity !== undefined ? { severity: want.severity } : {}),
      ...(want.expected !== undefined ? { expected: want.expected } : {}),
      ...(want.actual !== undefined ? { actual: want.actual } : {}),
      ...(want.fix !== undefined ? { fix: want.fix } : {}),
      ...(want.related !== undefined ? { related: [...want.related] } : {}),
      ...(want.message !== undefined ? { message: { zh: want.message.zh, en: want.message.en } } : {}),
    };
    expect(view).toEqual(wanted);
    for (const fragment of want.messageIncludes ?? []) {
      const text = `${messageOf(got).zh}\n${messageOf(got).en}`;
      if (!text.includes(fragment)) throw new Error(`message of ${describeFinding(got)} / ${messageOf(got).en} lacks "${fragment}"`);
    }
  }
}

function editAt(findings: readonly Finding[], cell: string): CellEdit | undefined {
  for (const f of findings) {
    const edit = f.fix?.edits.find((e) => cellText(e.at) === cell);
    if (edit) return edit;
  }
  return undefined;
}

async function expectFixed(c: InvalidCase, all: readonly Finding[], ruleId: string): Promise<void> {
  const fixed = c.fixed!;
  const mine = all.filter((f) => f.ruleId === ruleId);
  const cells = Object.keys(fixed);
  // The rule's own findings carry edits that write the listed values.
  for (const cell of cells) {
    const edit = editAt(mine, cell);
    expect({ cell, writes: edit?.after }).toEqual({ cell, writes: fixed[cell] });
  }
  const includeUnsafe = mine.some((f) => f.fix && !f.fix.safe && f.fix.edits.some((e) => cells.includes(cellText(e.at)!)));
  const plan = planFixes(all, { includeUnsafe });
  // Through a host, as the pane applies fixes: the planner refuses what Excel would refuse.
  const host = new MemoryHost(MemoryWorkbook.fromSpec(c.workbook));
  const outcome = await host.apply(plan);
  if (!outcome.ok) throw new Error(`the host refused the fixes: ${outcome.code} — ${outcome.message.en}`);
  expect(outcome.stale.map((s) => `${cellText(s.edit.at)}: ${s.reason}`)).toEqual([]);
  for (const cell of cells) {
    const at = cellAddress(cell);
    expect({ cell, value: host.workbook.cell(at.sheet, at.row, at.col)?.value }).toEqual({ cell, value: fixed[cell] });
  }
  const read = await host.read();
  const after = validate(read.snapshot, settingsOf(c.settings)).findings;
  const again = after.filter((f) => f.ruleId === ruleId && cells.includes(cellText(f.at) ?? ""));
  expectFindings(again, c.afterFix ?? [], after);
}

function title(c: RuleCase): string {
  return c.bug ? `[BUG] ${c.name} (${c.bug})` : c.name;
}

export function testRule(ruleId: string, tests: RuleTests): void {
  describe(ruleId, () => {
    test("is a registered rule", () => {
      expect(RULES.filter((r) => r.meta.id === ruleId)).toHaveLength(1);
    });

    if (tests.valid.length > 0) {
      describe("valid", () => {
        test.each(tests.valid.map((c) => [title(c), c] as const))("%s", (_name, c) => {
          const findings = run(c.workbook, c.settings, ruleId);
          expect(findings.map(describeFinding)).toEqual([]);
        });
      });
    }

    if (tests.invalid.length > 0) {
      describe("invalid", () => {
        test.each(tests.invalid.map((c) => [title(c), c] as const))("%s", async (_name, c) => {
          const all = run(c.workbook, c.settings);
          const mine = all.filter((f) => f.ruleId === ruleId);
          expectMessages(mine);
          expectFindings(mine, c.findings, all);
          if (c.fixed) await expectFixed(c, all, ruleId);
        });
      });
    }
  });
}

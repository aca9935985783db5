/**
 * The built-in form profiles as data (docs/profiles.md): each one is well formed, documented,
 * switches off only rules that exist, is told apart from the others by its own signals on its own
 * clean corpus workbook (test/fixtures/corpus/<id>/clean.xlsx), and its blank template is
 * recognized back as itself. Then the imaginary profile of docs/profiles.md ("the smallest
 * complete example", ./example-profile.ts): the doc quotes the file exactly, it is chosen for a
 * workbook laid out for it when passed to chooseProfile, it reads that workbook, and its one
 * different rule changes what the rules say.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../../src/adapters/xlsx";
import { snapshotFromSpec, type CellSpec, type SheetSpec } from "../../../src/adapters/memory/grid-spec";
import { chooseProfile, PROFILES } from "../../../src/core/profiles";
import type { FormProfile } from "../../../src/core/profiles/profile";
import { FormProfileSchema } from "../../../src/core/profiles/profile-schema";
import { MOF_PROJECT } from "../../../src/core/profiles/mof-project";
import { normalizeLabel } from "../../../src/core/text/normalize";
import { isRuleId, RULES } from "../../../src/core/rules";
import { runRules, validate, type TablesRead } from "../../../src/core/engine/validate";
import { DEFAULT_SETTINGS } from "../../../src/core/engine/settings";
import { indexSheets, locateTables } from "../../../src/core/annex/locate";
import { parseAnnex3 } from "../../../src/core/annex/annex3";
import { buildProjectTemplate } from "../../../src/core/template/project";
import { buildTemplate } from "../../../src/core/template";
import type { WorkbookSnapshot } from "../../../src/core/grid/workbook";
import { filledSnapshot, TemplateFill } from "../../helpers/template-fill";
import { MOF_INDICATORS, projectSheet, type ProjectIndicator } from "../../helpers/project-forms";
import { EXAMPLE_PROFILE } from "./example-profile";

const REPO = join(__dirname, "..", "..", "..");
const CORPUS = join(REPO, "test", "fixtures", "corpus");

/** Every text cell of a workbook, normalized as recognition compares labels. */
function labelsOf(snapshot: WorkbookSnapshot): string[] {
  const labels: string[] = [];
  for (const sheet of snapshot.sheets) {
    for (let row = 0; row < sheet.rowCount; row++) {
      for (let col = 0; col < sheet.colCount; col++) {
        const value = sheet.cell(row, col)?.value;
        if (typeof value === "string" && value.trim() !== "") labels.push(normalizeLabel(value));
      }
    }
  }
  return labels;
}

async function cleanCorpusLabels(profile: FormProfile): Promise<string[]> {
  const read = await readXlsx(join(CORPUS, profile.id, "clean.xlsx"));
  if (!read.ok) throw new Error(`${profile.id}/clean.xlsx: ${read.message.en}`);
  return labelsOf(read.snapshot);
}

/** A profile's score on some labels, as chooseProfile computes it. */
function scoreOf(profile: FormProfile, labels: readonly string[]): number {
  return chooseProfile(labels, undefined, [profile]).score;
}

/**
 * Signals the profile's clean corpus workbook does not carry (the corpus layout has no such
 * label), each checked below on a workbook built here instead. A listed signal that the corpus
 * starts to match makes a test fail: then remove it from this list.
 */
const NOT_IN_CLEAN_CORPUS: Readonly<Record<string, readonly string[]>> = {
  // The 四川 style of test/helpers/project-forms.ts has no "报表编号:510000_…" line above its title.
  "sichuan-project": [String.raw`510000_|^报表编号`],
};

describe.each(PROFILES.map((p) => [p.id, p] as const))("the built-in profile %s", (_id, profile) => {
  test("passes FormProfileSchema", () => {
    expect(() => FormProfileSchema.parse(profile)).not.toThrow();
  });

  test("has its doc page, which names its id and its name", () => {
    const path = join(REPO, profile.docPage);
    expect(existsSync(path)).toBe(true);
    const page = readFileSync(path, "utf8");
    expect(page).toContain(profile.id);
    expect(page).toContain(profile.name.zh);
    expect(page).toContain(profile.name.en);
  });

  test("its doc page lists every source the profile cites", () => {
    const page = readFileSync(join(REPO, profile.docPage), "utf8");
    for (const source of profile.sources) expect(page).toContain(source.url);
  });

  test("switches off only registered rules", () => {
    expect(profile.rulesOff.filter((id) => !isRuleId(id))).toEqual([]);
  });

  test("every detection signal matches a label of its own clean corpus workbook", async () => {
    const labels = await cleanCorpusLabels(profile);
    const skipped = NOT_IN_CLEAN_CORPUS[profile.id] ?? [];
    const unmatched = profile.detection.filter((s) => !labels.some((l) => s.pattern.test(l))).map((s) => s.pattern.source);
    expect(unmatched).toEqual(skipped);
  });

  test("chooseProfile on its clean corpus workbook picks it, and no other profile scores as high", async () => {
    const labels = await cleanCorpusLabels(profile);
    const choice = chooseProfile(labels);
    expect({ id: choice.profile.id, how: choice.how }).toEqual({ id: profile.id, how: "detected" });
    const own = scoreOf(profile, labels);
    expect(choice.score).toBe(own);
    const rivals = PROFILES.filter((p) => p !== profile).map((p) => ({ id: p.id, below: scoreOf(p, labels) < own }));
    expect(rivals).toEqual(rivals.map((r) => ({ id: r.id, below: true })));
  });
});

test("docs/profiles.md has a row for every field of FormProfile", () => {
  const doc = readFileSync(join(REPO, "docs", "profiles.md"), "utf8");
  const shape = FormProfileSchema.shape;
  const fields = [
    ...Object.keys(shape),
    ...Object.keys(shape.selfEval.shape).map((k) => `selfEval.${k}`),
    ...Object.keys(shape.selfEval.shape.funds.shape).map((k) => `selfEval.funds.${k}`),
    ...Object.keys(shape.selfEval.shape.indicators.shape).map((k) => `selfEval.indicators.${k}`),
    ...Object.keys(shape.execution.shape).map((k) => `execution.${k}`),
    ...Object.keys(shape.reasons.shape).map((k) => `reasons.${k}`),
  ];
  const rows = doc.split("\n").filter((line) => line.startsWith("| `"));
  expect(fields.filter((f) => !rows.some((row) => row.startsWith(`| \`${f}\``) || row.startsWith(`| \`${f}.`)))).toEqual([]);
});

test("profile ids are unique, and so are their doc pages", () => {
  const ids = PROFILES.map((p) => p.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(PROFILES.map((p) => p.docPage)).size).toBe(ids.length);
});

test("the 四川 报表编号 signal, which the clean corpus lacks, tells a 四川 table whose 报表编号 is printed above its title", () => {
  const table = projectSheet("Sheet1", { style: "sichuan" });
  // One row on top: every merge moves down a row.
  const sheet: SheetSpec = {
    name: table.name,
    rows: [["报表编号:510000_0013zp"], ...table.rows],
    merges: (table.merges ?? []).map((m) => m.replace(/\d+/g, (d) => String(Number(d) + 1))),
  };
  const snapshot = snapshotFromSpec({ sheets: [sheet] });
  const labels = labelsOf(snapshot);
  const signal = PROFILES.find((p) => p.id === "sichuan-project")!.detection.find((s) => s.pattern.source === String.raw`510000_|^报表编号`)!;
  expect(labels.some((l) => signal.pattern.test(l))).toBe(true);
  const result = validate(snapshot);
  expect(result.profile.id).toBe("sichuan-project");
  expect(result.selfEvalTables).toHaveLength(1);
  expect(result.findings.filter((f) => f.severity !== "info").map((f) => f.ruleId)).toEqual([]);
});

describe("templates", () => {
  const projectForms = PROFILES.filter((p) => p.template.kind === "project-table");

  test("every profile but 湖南's has a project-table template", () => {
    expect(PROFILES.filter((p) => p.template.kind !== "project-table").map((p) => p.id)).toEqual(["hunan-dept"]);
  });

  describe.each(projectForms.map((p) => [p.id, p] as const))("the %s template", (_id, profile) => {
    const description = buildProjectTemplate(profile, { year: 2024 });

    test("builds, titled as the profile's template spec says", () => {
      expect(description.profile).toBe(profile.id);
      expect(description.sheets).toHaveLength(1);
      const spec = profile.template.kind === "project-table" ? profile.template : null;
      expect(description.sheets[0].cells.some((c) => c.value === spec!.title)).toBe(true);
    });

    test("left blank, its labels alone are recognized as this profile", () => {
      const snapshot = filledSnapshot(description);
      const labels = labelsOf(snapshot);
      expect(chooseProfile(labels).profile.id).toBe(profile.id);
      for (const other of PROFILES.filter((p) => p !== profile)) expect(scoreOf(other, labels)).toBeLessThan(scoreOf(profile, labels));
      const result = validate(snapshot);
      expect({ id: result.profile.id, how: result.profile.how, tables: result.selfEvalTables.length }).toEqual({ id: profile.id, how: "detected", tables: 1 });
    });

    test("with a project's name and funds typed in, still this profile, one table", () => {
      const sheet = description.sheets[0].name;
      const slots = description.slots;
      const fill = new TemplateFill().set(sheet, slots.project, "乡镇污水处理设施运行维护项目");
      const amounts = slots.parts.length > 0 ? slots.parts[0]! : slots.funds;
      fill.set(sheet, amounts.budget, 100).set(sheet, amounts.executed, 95);
      const result = validate(filledSnapshot(description, fill));
      expect(result.profile.id).toBe(profile.id);
      expect(result.tables.filter((t) => t.kind === "annex3").map((t) => t.name)).toEqual(["乡镇污水处理设施运行维护项目"]);
      expect(result.annex3?.funds?.executed?.value?.toNumber()).toBe(95);
    });
  });

  test("湖南's template (its two annexes) is recognized as hunan-dept", () => {
    const result = validate(filledSnapshot(buildTemplate({ year: 2024, weights: "40-20-10-20" })));
    expect({ id: result.profile.id, how: result.profile.how }).toEqual({ id: "hunan-dept", how: "detected" });
  });
});

// ---------------------------------------------------------------------------------------------
// The smallest complete example (docs/profiles.md).

describe("the example profile of docs/profiles.md", () => {
  const BEGIN = "// <example-profile>\n";
  const END = "// </example-profile>";

  test("docs/profiles.md quotes test/core/profiles/example-profile.ts exactly, between its markers", () => {
    const file = readFileSync(join(__dirname, "example-profile.ts"), "utf8");
    const from = file.indexOf(BEGIN);
    const to = file.indexOf(END);
    expect(from).toBeGreaterThanOrEqual(0);
    expect(to).toBeGreaterThan(from);
    const code = file.slice(from + BEGIN.length, to);
    const doc = readFileSync(join(REPO, "docs", "profiles.md"), "utf8");
    const quoted = /<!-- example-profile:begin -->\n```ts\n([\s\S]*?)```\n<!-- example-profile:end -->/.exec(doc);
    expect(quoted).not.toBeNull();
    expect(quoted![1]).toBe(code);
  });

  test("passes FormProfileSchema, its id is not a built-in one, and it switches off only registered rules", () => {
    expect(() => FormProfileSchema.parse(EXAMPLE_PROFILE)).not.toThrow();
    expect(PROFILES.map((p) => p.id)).not.toContain(EXAMPLE_PROFILE.id);
    expect(EXAMPLE_PROFILE.rulesOff.filter((id) => !isRuleId(id))).toEqual([]);
  });

  /** The 财政部 table of test/helpers/project-forms.ts, relabelled as the imaginary form words it. */
  const RELABEL: Readonly<Record<string, string>> = {
    "项目资金（万元）": "专项资金（万元）",
    年度资金总额: "专项资金总额",
    "全年预算数（A）": "调整预算数（A）",
    "全年执行数（B）": "实际执行数（B）",
    "其中：当年财政拨款": "其中：省级补助资金",
    上年结转资金: "市县配套资金",
  };

  function exampleSheet(indicators: readonly ProjectIndicator[] = MOF_INDICATORS): { sheet: SheetSpec; relabelled: Set<string> } {
    const table = projectSheet("Sheet1", { style: "mof", title: "专项资金绩效自评表", indicators });
    const relabelled = new Set<string>();
    const rows = table.rows.map((row) => row.map((cell): CellSpec => {
      if (typeof cell !== "string" || !(cell in RELABEL)) return cell;
      relabelled.add(cell);
      return RELABEL[cell]!;
    }));
    return { sheet: { ...table, rows }, relabelled };
  }

  function exampleWorkbook(indicators?: readonly ProjectIndicator[]): WorkbookSnapshot {
    return snapshotFromSpec({ sheets: [exampleSheet(indicators).sheet] });
  }

  /** The tables of a workbook read with a given profile, as validate() reads them with the chosen one. */
  function readWith(profile: FormProfile, snapshot: WorkbookSnapshot): TablesRead {
    const located = locateTables(indexSheets(snapshot), profile);
    const selfEval = located.annex3.map((place) => parseAnnex3(place.index, place.rows, profile.selfEval));
    return {
      choice: { profile, how: "forced", signals: [], score: 0 },
      annex2: null,
      selfEval,
      facts: { basicData: null, selfEvalTables: selfEval, unreadable: { annex2: null, annex3: null }, extraAnnexes: [] },
    };
  }

  function findingsWith(profile: FormProfile, snapshot: WorkbookSnapshot) {
    return runRules(readWith(profile, snapshot), DEFAULT_SETTINGS, RULES, undefined, snapshot.sheets.map((s) => s.name));
  }

  test("the relabelled workbook carries every label of the imaginary form", () => {
    expect([...exampleSheet().relabelled].sort()).toEqual(Object.keys(RELABEL).sort());
  });

  test("passed to chooseProfile beside the built-in profiles, it is chosen for a workbook laid out for it", () => {
    const labels = labelsOf(exampleWorkbook());
    const choice = chooseProfile(labels, undefined, [...PROFILES, EXAMPLE_PROFILE]);
    expect({ id: choice.profile.id, how: choice.how }).toEqual({ id: EXAMPLE_PROFILE.id, how: "detected" });
    expect(choice.score).toBe(EXAMPLE_PROFILE.detection.reduce((n, s) => n + s.weight, 0));
    for (const p of PROFILES) expect(scoreOf(p, labels)).toBeLessThan(choice.score);
    // Not registered, it is never chosen: the built-in list alone falls back to a built-in profile.
    expect(chooseProfile(labels).profile.id).not.toBe(EXAMPLE_PROFILE.id);
  });

  test("forced by its id among the profiles passed in, it is used", () => {
    const choice = chooseProfile([], EXAMPLE_PROFILE.id, [...PROFILES, EXAMPLE_PROFILE]);
    expect({ id: choice.profile.id, how: choice.how }).toEqual({ id: EXAMPLE_PROFILE.id, how: "forced" });
  });

  test("its labels read the table: the funds block with its three 其中 rows, the indicators, the 总分", () => {
    const read = readWith(EXAMPLE_PROFILE, exampleWorkbook());
    expect(read.selfEval).toHaveLength(1);
    const table = read.selfEval[0]!;
    expect(table.title?.text).toBe("专项资金绩效自评表");
    expect(table.project?.text).toBe("农村公路养护项目");
    expect(table.funds?.label?.text).toBe("专项资金总额");
    expect([table.funds?.budget?.value?.toNumber(), table.funds?.executed?.value?.toNumber()]).toEqual([120, 114]);
    expect(table.funds?.parts.map((p) => p.label.text)).toEqual(["其中：省级补助资金", "市县配套资金", "其他资金"]);
    expect(table.indicators).toHaveLength(MOF_INDICATORS.length);
    expect(table.total?.score?.value?.toNumber()).toBe(97.5);
    // The 财政部 profile reads the same table without its funds: it does not know 调整预算数 / 实际执行数.
    expect(readWith(MOF_PROJECT, exampleWorkbook()).selfEval[0]?.funds ?? null).toBeNull();
  });

  test("validate() with the profile passed in: detected, read and checked end to end like a built-in form", () => {
    const result = validate(exampleWorkbook(), DEFAULT_SETTINGS, { profiles: [...PROFILES, EXAMPLE_PROFILE] });
    expect({ profile: result.profile.id, how: result.profile.how, tables: result.tables.map((t) => t.name) })
      .toEqual({ profile: EXAMPLE_PROFILE.id, how: "detected", tables: ["农村公路养护项目"] });
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(result.summary.grade).toBe("excellent");
  });

  test("its one different rule: 部分达成 at 85% of 分值 is in its band (60–90%), outside the 财政部 band (60–80%)", () => {
    const indicators = MOF_INDICATORS.map((i) => (i.level3 === "群众出行便利程度" ? { ...i, actual: "部分达成年度指标", score: 17 } : i));
    const snapshot = exampleWorkbook(indicators);
    const bands = (profile: FormProfile) => findingsWith(profile, snapshot).filter((f) => f.ruleId === "a3.qualitative-band").map((f) => f.severity);
    expect(bands(EXAMPLE_PROFILE)).toEqual([]);
    expect(bands(MOF_PROJECT)).toEqual(["warning"]);
  });

  test("and 达成 at 85% of 分值 is below its 达成 band (90–100%), inside the 财政部 one (80–100%)", () => {
    const indicators = MOF_INDICATORS.map((i) => (i.level3 === "群众出行便利程度" ? { ...i, actual: "达成年度指标", score: 17 } : i));
    const snapshot = exampleWorkbook(indicators);
    const bands = (profile: FormProfile) => findingsWith(profile, snapshot).filter((f) => f.ruleId === "a3.qualitative-band").map((f) => f.severity);
    expect(bands(EXAMPLE_PROFILE)).toEqual(["warning"]);
    expect(bands(MOF_PROJECT)).toEqual([]);
  });

  test("a clean table of the imaginary form gives no error or warning under its profile", () => {
    const serious = findingsWith(EXAMPLE_PROFILE, exampleWorkbook()).filter((f) => f.severity !== "info").map((f) => f.ruleId);
    expect(serious).toEqual([]);
  });

  test("its template builds, and its blank labels choose it among the profiles passed in", () => {
    const description = buildProjectTemplate(EXAMPLE_PROFILE, { year: 2024 });
    const labels = labelsOf(filledSnapshot(description));
    expect(chooseProfile(labels, undefined, [...PROFILES, EXAMPLE_PROFILE]).profile.id).toBe(EXAMPLE_PROFILE.id);
  });
});

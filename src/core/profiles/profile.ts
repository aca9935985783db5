/**
 * A form profile: everything that differs between the official forms of the same family (a
 * province's 部门整体 annexes, the 财政部 project table, a province's project table), as data.
 * Recognition, the rules and the template writer read a profile; none of them knows a province.
 * Adding a form is one profile file (plus its doc page and tests): see docs/profiles.md.
 *
 * Patterns run on normalized labels (normalizeLabel: half-width, no whitespace, no list prefix
 * such as "1、" or "其中：", no trailing colon), so "全年预算数（A）" is tested as "全年预算数(A)".
 */
import type { Bilingual } from "../findings/finding";

/** The two kinds of table the family has: a basic-data table (附件2) and a self-evaluation table. */
export type TableKind = "annex2" | "annex3";

/** Names of the figures messages talk about, in the form's own words. */
export interface Terms {
  /** What one self-evaluation table is called: "附件3", "项目支出绩效自评表". */
  readonly table: Bilingual;
  readonly initialBudget: Bilingual;
  /** The execution-rate denominator: 全年预算数, 调整后预算数. */
  readonly budget: Bilingual;
  readonly executed: Bilingual;
  readonly weight: Bilingual;
  readonly rate: Bilingual;
  readonly score: Bilingual;
  readonly executionScore: Bilingual;
  readonly fundsTotal: Bilingual;
  readonly total: Bilingual;
  readonly target: Bilingual;
  readonly actual: Bilingual;
  readonly reason: Bilingual;
  /** One row of the indicator table: 指标. */
  readonly indicator: Bilingual;
  readonly level1: Bilingual;
}

/** A 其中 row of the funds block (本年财政拨款, 上年结转资金, …): its parts sum to the total row. */
export interface FundsPartSpec {
  readonly key: string;
  readonly label: RegExp;
  readonly name: Bilingual;
}

/** How to find a self-evaluation table and read its parts. */
export interface SelfEvalSpec {
  /** A title of this table ("2023年度部门整体支出绩效自评表", "项目支出绩效自评表（2022年度）"). */
  readonly title: RegExp;
  /** Header fields above the table: label patterns; the value is the next filled cell to the right. */
  readonly fields: {
    readonly unitName: RegExp | null;
    readonly project: RegExp | null;
    readonly department: RegExp | null;
    readonly implementer: RegExp | null;
  };
  readonly funds: {
    /** The block's caption, merged down beside its rows (项目资金（万元）, 预算执行情况（10分）). */
    readonly caption: RegExp | null;
    readonly columns: {
      readonly initialBudget: RegExp;
      readonly budget: RegExp;
      readonly executed: RegExp;
      readonly weight: RegExp;
      readonly rate: RegExp;
      readonly score: RegExp;
    };
    /** The row that carries 分值, 执行率 and 得分 (年度资金总额, 总额, 年度财政资金总额). */
    readonly totalRow: RegExp;
    /** Its 其中 rows, which sum to it in every amount column. */
    readonly parts: readonly FundsPartSpec[];
    /** 按收入性质分 / 按支出性质分 with their numbers inside the label (湖南 附件3). */
    readonly breakdowns: boolean;
    /** The block's own reason cell (四川 原因), when the form has one. */
    readonly reason: RegExp | null;
  };
  /** Heading of the goals block; rows from it to the indicator header are not indicators. */
  readonly goals: RegExp;
  readonly indicators: {
    /** Whether the form has a 分值 (权重) column and a reason column; absent ones are not reported missing. */
    readonly weightColumn: boolean;
    readonly reasonColumn: boolean;
    readonly columns: {
      readonly level1: RegExp;
      readonly level2: RegExp;
      readonly level3: RegExp;
      readonly target: RegExp;
      readonly actual: RegExp;
      readonly weight: RegExp;
      readonly score: RegExp;
      readonly reason: RegExp;
      readonly nature: RegExp;
      readonly unit: RegExp;
    };
  };
  /** The closing row (总分, 合计). */
  readonly total: RegExp;
  /** Rows that end a table when met before (or after) its total row: notes, signatures. */
  readonly end: RegExp;
}

/** A 一级 dimension of the indicator table. */
export interface DimensionSpec {
  readonly key: "output" | "effect" | "satisfaction" | "cost" | "process";
  readonly label: RegExp;
  /** Its 二级 indicators, which tell the dimension when the 一级 label is only "(50分)". */
  readonly level2: RegExp;
  readonly name: Bilingual;
  /** Whether the form requires it (a3.dimension-missing). */
  readonly required: boolean;
}

export interface WeightSchemeSpec {
  readonly id: string;
  readonly name: Bilingual;
  /** Weight of each dimension present in the scheme, by DimensionSpec key. */
  readonly dimensions: Readonly<Partial<Record<DimensionSpec["key"], number>>>;
}

/** How 执行率得分 follows from 执行率 (percentage points). */
export type ExecutionScoreSpec =
  /** min(rate, capPercent) / 100 × 分值: the 财政部 family. */
  | { readonly kind: "linear"; readonly capPercent: number }
  /** A step table: the share of 分值 earned from a rate of at least `fromPercent` (highest first). */
  | { readonly kind: "steps"; readonly steps: readonly { readonly fromPercent: number; readonly share: number }[] };

export interface OverCompletionSpec {
  /** Completion this many percent above a 正向 target counts as over-completion. */
  readonly thresholdPercent: number;
  /**
   * note: shown as info (the target may be set too low); no-points: the indicator earns 0 (forms.md
   * reports it of some 四川 counties; no published rule was found, so no built-in profile uses it);
   * deduct: `deductPoints` are taken off (rules.md: some provinces deduct 2 points for 指标偏离).
   */
  readonly treatment: "note" | "no-points" | "deduct";
  readonly deductPoints?: number;
}

export interface SourceRef {
  readonly title: string;
  readonly url: string;
}

export interface FormProfile {
  /** Stable id, used by --profile and in reports. */
  readonly id: string;
  readonly name: Bilingual;
  /** Where the form is used, one sentence. */
  readonly usedIn: Bilingual;
  /** Its doc page under docs/profiles/. */
  readonly docPage: string;
  readonly sources: readonly SourceRef[];
  /** The basic-data table (附件2 基础数据表) when the form has one. */
  readonly basicData: boolean;
  readonly selfEval: SelfEvalSpec;
  /**
   * Whether a workbook holds one self-evaluation table (部门整体) or one per project, any number,
   * on one sheet or several.
   */
  readonly tablesPerWorkbook: "one" | "many";
  /** Labels that tell this form from the others; each match adds its weight to the profile's score. */
  readonly detection: readonly { readonly pattern: RegExp; readonly weight: number; readonly why: Bilingual }[];
  readonly terms: Terms;
  readonly execution: {
    /** Which funds column is the rate's denominator. */
    readonly denominator: "budget" | "initialBudget";
    readonly score: ExecutionScoreSpec;
    /** The 分值 of the 执行率 row when the form fixes it (10; 湖北 20), null when free. */
    readonly weight: number | null;
  };
  readonly dimensions: readonly DimensionSpec[];
  /**
   * Where the weights of the 一级 dimensions are written: in the 一级 label ("产出指标（50分）"),
   * or nowhere (the 分值 column only).
   */
  readonly weightsWrittenIn: "level1-label" | "column-only";
  /** The official weight schemes (the template offers them; a3.weights-total does not require one). */
  readonly weightSchemes: readonly WeightSchemeSpec[];
  /** 二级 indicators whose 年度指标值 must be a figure (数量/质量/时效/成本). */
  readonly quantitativeLevel2: RegExp;
  /** 三级 indicators measuring satisfaction, which need a figure (a rate) to be scored. */
  readonly satisfaction: RegExp;
  /** Share of 分值 (0–1) for each qualitative outcome: [low, high]. */
  readonly qualitativeBands: {
    readonly achieved: readonly [number, number];
    readonly partial: readonly [number, number];
    readonly notAchieved: readonly [number, number];
  };
  /** Lower bounds of 优, 良, 中 (a user setting overrides them). */
  readonly gradeBands: readonly [number, number, number];
  readonly overCompletion: OverCompletionSpec;
  /**
   * How a reverse (≤) indicator beyond its target scores: "A" (1 − overrun ÷ target) × 分值, or "B"
   * target ÷ actual × 分值 (湖北's printed note: 得分 = 权重 × A/B). A user setting overrides it.
   */
  readonly reverseFormula: "A" | "B";
  readonly reasons: {
    /** 得分 below 分值 needs a reason (every form). */
    readonly whenScoreBelowWeight: boolean;
    /** 执行率 below this needs a reason in the funds block (四川 90); null when the form says nothing. */
    readonly whenExecutionBelowPercent: number | null;
  };
  /** Rule ids that do not apply to this form. */
  readonly rulesOff: readonly string[];
  /** What `--template` writes for this form. */
  readonly template: TemplateSpec;
}

/** The blank template of a form: 湖南's two annexes, or one project table laid out from the profile. */
export type TemplateSpec =
  | { readonly kind: "annexes" }
  | {
      readonly kind: "project-table";
      readonly title: string;
      readonly fields: readonly string[];
      readonly fundsCaption: string;
      readonly fundsColumns: readonly string[];
      readonly fundsTotalRow: string;
      readonly fundsParts: readonly string[];
      readonly goalHeadings: readonly [string, string];
      readonly indicatorColumns: readonly string[];
      readonly level2: Readonly<Partial<Record<DimensionSpec["key"], readonly string[]>>>;
      readonly totalLabel: string;
      readonly notes: readonly string[];
    };

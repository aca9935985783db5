import fc from "fast-check";
import { matchesAny } from "../../../src/core/text/patterns";
import { COMMON_INDICATOR_COLUMNS, COMMON_TOTAL } from "../../../src/core/profiles/common";

const POOL: readonly RegExp[] = [
  /^一级指标$/, /^二级指标$/, /偏差原因|原因分析/, /^(?:分值|权重)(?:\(分\))?$/, /得分/i, /^ab$/i, /(\d)\1/, /(?<x>a)\k<x>/,
  /(?<=指标)值/, /(?<!年度)目标/, /合计/g, /总分/y, /^\s*$/, /[A-Z]/u, /./s, /^$/,
  COMMON_TOTAL, ...Object.values(COMMON_INDICATOR_COLUMNS),
];
const TEXTS = ["一级指标", "二级指标", "偏差原因分析", "分值(分)", "权重", "自评得分", "AB", "ab", "11", "aa", "指标值", "年度目标", "预期目标",
  "合计", "总分", "", "  ", "x", "\n", "完成值", "三级指标", "总分(分)", "质量指标101", "14次"];

describe("matchesAny", () => {
  test("answers as testing each pattern in turn, whatever their flags and groups", () => {
    fc.assert(
      fc.property(fc.subarray([...POOL], { minLength: 0 }), fc.array(fc.oneof(fc.constantFrom(...TEXTS), fc.string()), { maxLength: 8 }), (patterns, texts) => {
        const any = matchesAny(patterns);
        for (const text of [...texts, ...texts]) {
          // Fresh copies: a g/y pattern's lastIndex must not decide the expected answer either.
          expect(any(text)).toBe(patterns.some((p) => new RegExp(p.source, p.flags).test(text)));
        }
      }),
      { numRuns: 500 },
    );
  });

  test("joins patterns of one kind into one expression, and keeps those that cannot be joined apart", () => {
    const joined = matchesAny([/^一级指标$/, /^二级指标$/]);
    expect(joined("二级指标")).toBe(true);
    expect(joined("一级指标二级指标")).toBe(false);
    const backreference = matchesAny([/(\d)\1/, /(x)/]);
    expect(backreference("11")).toBe(true);
    expect(backreference("12")).toBe(false);
    const mixedFlags = matchesAny([/^ab$/i, /^cd$/]);
    expect(mixedFlags("AB")).toBe(true);
    expect(mixedFlags("CD")).toBe(false);
  });
});

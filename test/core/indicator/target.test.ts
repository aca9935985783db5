/**
 * Reading 年度指标值 and 实际完成值 (src/core/indicator/target.ts) as the 预算管理一体化
 * performance module does: a comparator, a number and a unit; anything else is qualitative.
 */
import { parseQuantity, parseTarget, qualitativeOutcome, type Comparator, type Target } from "../../../src/core/indicator/target";

/** A target in plain terms: "≥ 95 %" → [">=", "95", "%"], qualitative → "qualitative". */
function read(target: Target): [Comparator, string, string | null] | "qualitative" {
  return target.kind === "qualitative" ? "qualitative" : [target.comparator, target.quantity.value.toFixed(), target.quantity.unit];
}

describe("comparator signs", () => {
  test.each([
    ["≥95%", [">=", "95", "%"]],
    ["≤812.38万元", ["<=", "812.38", "万元"]],
    [">5次", [">", "5", "次"]],
    ["<3天", ["<", "3", "天"]],
    ["＞5次", [">", "5", "次"]],
    ["＜3天", ["<", "3", "天"]],
    ["=100%", ["=", "100", "%"]],
    ["＝100%", ["=", "100", "%"]],
    [">=95%", [">=", "95", "%"]],
    ["<=5天", ["<=", "5", "天"]],
    ["≧95%", [">=", "95", "%"]],
    ["≦5天", ["<=", "5", "天"]],
    ["＞＝95%", [">=", "95", "%"]],
    ["≥ 98 %", [">=", "98", "%"]],
    ["≥９５％", [">=", "95", "%"]],
  ] as const)("%j", (text, expected) => {
    expect(read(parseTarget(text))).toEqual(expected);
  });

  test("a bare number is 等于", () => {
    expect(read(parseTarget("67人"))).toEqual(["=", "67", "人"]);
    expect(read(parseTarget("1次"))).toEqual(["=", "1", "次"]);
    expect(read(parseTarget("10"))).toEqual(["=", "10", null]);
  });
});

describe("comparator words", () => {
  test.each([
    ["不少于30次", [">=", "30", "次"]],
    ["不少于 30 次", [">=", "30", "次"]],
    ["不低于95%", [">=", "95", "%"]],
    ["至少2次", [">=", "2", "次"]],
    ["30次以上", [">=", "30", "次"]],
    ["30次及以上", [">=", "30", "次"]],
    ["95%以上", [">=", "95", "%"]],
    ["大于等于90%", [">=", "90", "%"]],
    ["不高于10万元", ["<=", "10", "万元"]],
    ["不超过5天", ["<=", "5", "天"]],
    ["5天以内", ["<=", "5", "天"]],
    ["10%以下", ["<=", "10", "%"]],
    ["10%及以下", ["<=", "10", "%"]],
    ["不多于3件", ["<=", "3", "件"]],
  ] as const)("%j", (text, expected) => {
    expect(read(parseTarget(text))).toEqual(expected);
  });

  test("a leading word wins over a trailing one", () => {
    expect(read(parseTarget("不少于30次以上"))).toEqual([">=", "30", "次"]);
  });
});

describe("units", () => {
  test.each([
    ["67人", "人"],
    ["11次", "次"],
    ["30个", "个"],
    ["5件", "件"],
    ["95%", "%"],
    ["95％", "%"],
    ["95百分比", "%"],
    ["812.38万元", "万元"],
    ["15天", "天"],
    ["27项", "项"],
    ["3人次", "人次"],
    ["100平方米", "平方米"],
    ["100㎡", "平方米"],
  ] as const)("%j has the unit %s", (text, unit) => {
    const target = parseTarget(text);
    expect(target.kind === "quantitative" && target.quantity.unit).toBe(unit);
  });

  test("元 is converted to 万元", () => {
    expect(read(parseTarget("≤8123800元"))).toEqual(["<=", "812.38", "万元"]);
    expect(parseQuantity("8374800元")?.value.toFixed()).toBe("837.48");
    expect(parseQuantity("8374800元")?.unit).toBe("万元");
  });

  test("thousands separators and full-width digits", () => {
    expect(read(parseTarget("1,000人"))).toEqual(["=", "1000", "人"]);
    expect(read(parseTarget("≥１，０００人"))).toEqual([">=", "1000", "人"]);
  });

  test("no unit", () => {
    expect(read(parseTarget("≥30"))).toEqual([">=", "30", null]);
  });
});

describe("qualitative targets", () => {
  test.each([
    "2023年全年",
    "无直接经济效益",
    "推动社会和谐稳定发展",
    "\u3000推动社会和谐稳定发展",
    "保障机关人员工资福利支出到位。圆满召开区六届人大三次会议。",
    "/",
    "",
    "约30次",
    "30-40次",
    "有所提升",
    "≥95%且≤100%",
    "达成年度指标",
  ])("%j", (text) => {
    const target = parseTarget(text);
    expect(target).toEqual({ kind: "qualitative", text });
  });
});

describe("the 指标性质 / 度量单位 column form", () => {
  test.each([
    [["812.38", "≤", "万元"], ["<=", "812.38", "万元"]],
    [["812.38", "反向", "万元"], ["<=", "812.38", "万元"]],
    [["95", "≥", "%"], [">=", "95", "%"]],
    [["95", "正向", "%"], [">=", "95", "%"]],
    [["30", "不少于", "次"], [">=", "30", "次"]],
    [["30", "＞", "次"], [">", "30", "次"]],
    [["30", "=", "次"], ["=", "30", "次"]],
    [["30", "等于", "次"], ["=", "30", "次"]],
    [["8123800", "≤", "元"], ["<=", "812.38", "万元"]],
    [["67", null, "人"], ["=", "67", "人"]],
    [["67", "", ""], ["=", "67", null]],
    [["≥95", null, "%"], [">=", "95", "%"]],
    [["  812.38 ", "≤", " 万元 "], ["<=", "812.38", "万元"]],
  ] as const)("%j", ([value, nature, unit], expected) => {
    expect(read(parseTarget(value, nature, unit))).toEqual(expected);
  });

  test("a comparator inside the value wins over the 指标性质 column", () => {
    expect(read(parseTarget("≤10", "≥", "天"))).toEqual(["<=", "10", "天"]);
  });

  test("an unknown 指标性质 leaves the bare number as 等于", () => {
    expect(read(parseTarget("30", "定量", "次"))).toEqual(["=", "30", "次"]);
  });

  test("a text value with a unit column is still qualitative", () => {
    expect(parseTarget("好", "=", "次").kind).toBe("qualitative");
  });
});

describe("parseQuantity (实际完成值)", () => {
  test.each([
    ["837.48万元", "837.48", "万元"],
    ["100%", "100", "%"],
    ["\u3000100%", "100", "%"],
    ["34次", "34", "次"],
    ["5 天", "5", "天"],
    ["100", "100", null],
    ["-3", "-3", null],
  ] as const)("%j", (text, value, unit) => {
    const q = parseQuantity(text);
    expect(q && [q.value.toFixed(), q.unit]).toEqual([value, unit]);
  });

  test.each(["全年", "长期坚持", "≥95%", "约30次", ""])("%j is not a quantity", (text) => {
    expect(parseQuantity(text)).toBeNull();
  });
});

describe("qualitativeOutcome", () => {
  test.each([
    ["达成年度指标", "achieved"],
    ["达成", "achieved"],
    ["已达成", "achieved"],
    ["完全达成", "achieved"],
    [" 达成 ", "achieved"],
    ["部分达成年度指标并具有一定效果", "partial"],
    ["部分达成", "partial"],
    ["未达成年度指标且效果较差", "not-achieved"],
    ["未达成", "not-achieved"],
    ["宏观推动发展", null],
    ["全年", null],
  ] as const)("%j -> %p", (text, outcome) => {
    expect(qualitativeOutcome(text)).toBe(outcome);
  });
});

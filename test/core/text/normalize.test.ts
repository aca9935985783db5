/**
 * Label normalization (src/core/text/normalize.ts): recognition compares labels only after it,
 * so every way staff type a label must come out the same.
 */
import { canonicalText, canonicalTextSameLength, displayLabel, normalizeLabel, toHalfWidth } from "../../../src/core/text/normalize";

describe("toHalfWidth", () => {
  test.each([
    ["１２３４５６７８９０", "1234567890"],
    ["９８２．６０", "982.60"],
    ["（万元）", "(万元)"],
    ["全年预算数（Ａ）", "全年预算数(A)"],
    ["：；，！？％＋－＝＜＞／", ":;,!?%+-=<>/"],
    ["ＡＢＣａｂｃ～", "ABCabc~"],
    ["\u3000编制数\u3000", " 编制数 "],
    ["汉字不变、。", "汉字不变、。"],
  ])("%j -> %j", (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });
});

describe("canonicalText", () => {
  test("full-width digits and punctuation become half-width; whitespace is kept", () => {
    expect(canonicalText("９８２．６０　万元")).toBe("982.60 万元");
    expect(canonicalText("其中：  一般公共预算：   982.60")).toBe("其中:  一般公共预算:   982.60");
  });

  test.each([
    ["【附件2】", "[附件2]"],
    ["〔2023〕", "(2023)"],
    ["“项目支出”", "\"项目支出\""],
    ["‘公用经费’", "'公用经费'"],
    ["——", "--"],
    ["—", "-"],
    ["－５", "-5"],
    ["–", "-"],
    ["，；。", ",;."],
  ])("punctuation %j -> %j", (input, expected) => {
    expect(canonicalText(input)).toBe(expected);
  });

  test("invisible characters are dropped: zero-width space, RTL/LTR marks and embeddings, BOM, soft hyphen", () => {
    expect(canonicalText("\u200b982.6\u200b")).toBe("982.6");
    expect(canonicalText("\u200f项目支出\u200e")).toBe("项目支出");
    expect(canonicalText("\u202b项目\u202c支出")).toBe("项目支出");
    expect(canonicalText("\ufeff编制数")).toBe("编制数");
    expect(canonicalText("编\u00ad制数")).toBe("编制数");
    expect(canonicalText("编\u2060制数")).toBe("编制数");
  });

  test("control characters pasted from other systems are dropped; tab and line breaks are whitespace, kept", () => {
    expect(canonicalText("项\u0007目\u0000支\u001f出\u007f")).toBe("项目支出");
    expect(canonicalText("a\tb\nc\r\nd")).toBe("a\tb\nc\r\nd");
  });

  test("emoji and other symbols are untouched", () => {
    expect(canonicalText("😀项目✅")).toBe("😀项目✅");
    expect(canonicalText("📊 绩效 🏛️")).toBe("📊 绩效 🏛️");
    expect(canonicalText("👍🏽")).toBe("👍🏽");
  });

  // The zero-width joiner U+200D joins emoji sequences ("👨‍👩‍👧" is one glyph): kept between two
  // pictographs, dropped elsewhere like any other invisible character.
  test("an emoji ZWJ sequence is untouched; a stray ZWJ is dropped", () => {
    expect(canonicalText("👨\u200d👩\u200d👧")).toBe("👨\u200d👩\u200d👧");
    expect(canonicalText("🏳\ufe0f\u200d🌈")).toBe("🏳\ufe0f\u200d🌈");
    expect(canonicalText("👍🏽\u200d♂\ufe0f")).toBe("👍🏽\u200d♂\ufe0f");
    expect(canonicalText("项\u200d目")).toBe("项目");
    expect(canonicalText("😀\u200d项目")).toBe("😀项目");
    expect(canonicalTextSameLength("项\u200d目")).toBe("项 目");
    expect(normalizeLabel("\u200d项目支出\u200d")).toBe("项目支出");
  });
});

describe("canonicalTextSameLength", () => {
  test("keeps every character at its offset (invisible and control characters become spaces)", () => {
    for (const text of ["a\u200bb", "\u200f项目支出\u200e", "项\u0007目", "９８２．６０", "按收入性质分：982.60"]) {
      const out = canonicalTextSameLength(text);
      expect(out.length).toBe(text.length);
    }
    expect(canonicalTextSameLength("a\u200bb")).toBe("a b");
    expect(canonicalTextSameLength("按收入性质分：９８２．６０")).toBe("按收入性质分:982.60");
  });
});

describe("normalizeLabel", () => {
  describe("whitespace and line breaks inside a label", () => {
    test.each([
      ["年度预\n算申请\n（万元）", "年度预算申请(万元)"],
      ["年度预\r\n算申请", "年度预算申请"],
      ["楼堂馆所控制情况\n（2023年完工项目）", "楼堂馆所控制情况(2023年完工项目)"],
      ["产出指标\n\n(40分)", "产出指标(40分)"],
      ["2023 年实际在职人数", "2023年实际在职人数"],
      ["\u3000编制数\u3000", "编制数"],
      ["编\u00a0制数", "编制数"],
      ["编\u2003制数", "编制数"],
      ["\t编制数  ", "编制数"],
      ["总  分", "总分"],
      ["绩\n效\n指\n标", "绩效指标"],
    ])("%j -> %j", (input, expected) => {
      expect(normalizeLabel(input)).toBe(expected);
    });
  });

  describe("full-width and half-width forms read the same", () => {
    test.each([
      ["经费控制情况（万元）", "经费控制情况(万元)"],
      ["经费控制情况(万元)", "经费控制情况(万元)"],
      ["全年预算数（Ａ）", "全年预算数(A)"],
      ["执行率（B/A）", "执行率(B/A)"],
      ["２０２３年实际在职人数", "2023年实际在职人数"],
    ])("%j -> %j", (input, expected) => {
      expect(normalizeLabel(input)).toBe(expected);
    });
  });

  describe("list prefixes are removed", () => {
    test.each([
      ["1、业务工作经费", "业务工作经费"],
      ["   1、公务用车购置和维护经费", "公务用车购置和维护经费"],
      ["1.业务工作经费", "业务工作经费"],
      ["1．业务工作经费", "业务工作经费"],
      ["1)业务工作经费", "业务工作经费"],
      ["(2)运行维护经费", "运行维护经费"],
      ["（2）运行维护经费", "运行维护经费"],
      ["(十)其他", "其他"],
      ["一、三公经费", "三公经费"],
      ["二十、其他", "其他"],
      ["（一）公务用车购置和维护经费", "公务用车购置和维护经费"],
      ["其中：办公经费", "办公经费"],
      ["其中:公车购置", "公车购置"],
      ["       其中：公车购置", "公车购置"],
      ["其中：1、代表活动经费", "代表活动经费"],
      ["  其中：  一般公共预算：   982.60", "一般公共预算:982.60"],
      ["3、市级专项资金（一个专项一行）", "市级专项资金(一个专项一行)"],
    ])("%j -> %j", (input, expected) => {
      expect(normalizeLabel(input)).toBe(expected);
    });

    test("a label that is only a prefix becomes empty", () => {
      expect(normalizeLabel("1、")).toBe("");
      expect(normalizeLabel("其中：")).toBe("");
    });

    test("a year at the start is not a list number", () => {
      expect(normalizeLabel("2023年实际在职人数")).toBe("2023年实际在职人数");
      expect(normalizeLabel("1、2023年决算数")).toBe("2023年决算数");
      expect(normalizeLabel("2022年决算数")).toBe("2022年决算数");
    });

    // A "." or "," followed by a digit is a decimal point or a thousands group, not a list number.
    test("a decimal or a thousands group at the start is not a list number", () => {
      expect(normalizeLabel("1.5万元")).toBe("1.5万元");
      expect(normalizeLabel("1,234")).toBe("1,234");
      expect(normalizeLabel("１．５万元")).toBe("1.5万元");
      expect(normalizeLabel("12.30")).toBe("12.30");
      // …but a list number before a year still goes, and so does one before a word.
      expect(normalizeLabel("1.2023年决算数")).toBe("2023年决算数");
      expect(normalizeLabel("2.业务工作专项")).toBe("业务工作专项");
      expect(normalizeLabel("3,运行维护专项")).toBe("运行维护专项");
    });
  });

  describe("trailing colons are removed, inner ones kept", () => {
    test.each([
      ["三公经费：", "三公经费"],
      ["三公经费:", "三公经费"],
      ["三公经费：：", "三公经费"],
      ["项目支出：", "项目支出"],
      ["按收入性质分：982.60", "按收入性质分:982.60"],
      ["政府性基金拨款：   ", "政府性基金拨款"],
    ])("%j -> %j", (input, expected) => {
      expect(normalizeLabel(input)).toBe(expected);
    });
  });

  describe("invisible and control characters", () => {
    test.each([
      ["项\u0007目支出", "项目支出"],
      ["\u200f项目支出\u200e", "项目支出"],
      ["\u202b项目\u202c支出", "项目支出"],
      ["\ufeff编制数", "编制数"],
      ["一级指标\u200b", "一级指标"],
      ["\u200b1、业务工作经费", "业务工作经费"],
    ])("%j -> %j", (input, expected) => {
      expect(normalizeLabel(input)).toBe(expected);
    });
  });

  test("emoji are untouched", () => {
    expect(normalizeLabel("😀项目")).toBe("😀项目");
    expect(normalizeLabel("项目 ✅")).toBe("项目✅");
  });

  test("dashes and ellipses stay recognizable", () => {
    expect(normalizeLabel("——")).toBe("--");
    expect(normalizeLabel("……")).toBe("……");
  });

  test("is idempotent", () => {
    for (const text of ["  其中：  一般公共预算：   982.60", "年度预\n算申请\n（万元）", "1、业务工作经费", "三公经费：", "（一）公务用车"]) {
      expect(normalizeLabel(normalizeLabel(text))).toBe(normalizeLabel(text));
    }
  });
});

describe("displayLabel", () => {
  test("removes line breaks and space runs between Chinese characters, keeps punctuation", () => {
    expect(displayLabel("年度预\n算申请\n（万元）")).toBe("年度预算申请（万元）");
    expect(displayLabel("   1、业务工作经费 ")).toBe("1、业务工作经费");
    expect(displayLabel("经济效\n益指标")).toBe("经济效益指标");
  });

  test("keeps one space between Latin words or digits", () => {
    expect(displayLabel("Annual  budget\nfigure")).toBe("Annual budget figure");
    expect(displayLabel("2023 2024")).toBe("2023 2024");
  });
});

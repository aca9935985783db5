// Figure extraction: every figure-bearing sentence of the seed, then wordings other reports use.
import { extractFigures, segmentText, type TextFigure } from "../../../src/core/report-text";
import { SEED_TEXT } from "./helpers";

function figures(text: string): TextFigure[] {
  return [...extractFigures(segmentText(text)).figures];
}

/** key=value pairs of the keyed figures, e.g. "income=982.21". */
function keyed(text: string): string[] {
  return figures(text).filter((f) => f.key !== null).map((f) => `${f.key}=${f.value.toFixed()}`);
}

describe("the seed's sentences", () => {
  test.each([
    ["2.人员情况。本部门编制数21人，在职人数35人，其中在岗人数35人；离退休人数32人，退休人员32人。", ["establishment=21", "onPayroll=35", "retired=32"]],
    ["1.2023年预算资金962.51万元。", ["budget=962.51"]],
    ["2.2023年度单位一般公共预算财政拨款收入982.21万元。", ["income=982.21"]],
    [
      "3.2023年度单位一般公共预算财政拨款支出982.21万元。其中：项目支出70.27万元，基本支出911.94万元，其中：人员经费837.48万元，公用经费74.46万元。",
      ["expense=982.21", "project=70.27", "basic=911.94", "personnel=837.48", "publicFunds=74.46"],
    ],
    ["项目支出70.27万元（其中代表履职经费50.31万元；全会经费15.50万元；市代表活动经费4.46万元）。", ["project=70.27"]],
    [
      "1.本单位2023年年初预算专项资金共7个，共150.13万元，实际支出70.27万元，其中代表履职经费50.31万元；全会经费15.50万元；市代表活动经费4.46万元。",
      ["specialCount=7", "specialBudget=150.13", "project=70.27"],
    ],
  ])("%s", (sentence, expected) => {
    expect(keyed(sentence)).toEqual(expected);
  });

  test("the unnamed figures of an enumeration are read with their labels, unkeyed", () => {
    const list = figures("项目支出70.27万元（其中代表履职经费50.31万元；全会经费15.50万元；市代表活动经费4.46万元）。");
    expect(list.map((f) => [f.label, f.value.toFixed(), f.key])).toEqual([
      ["项目支出", "70.27", "project"],
      ["其中代表履职经费", "50.31", null],
      ["全会经费", "15.5", null],
      ["市代表活动经费", "4.46", null],
    ]);
  });

  test("project blocks: each (n) heading names the figures of the paragraphs under it", () => {
    const seed = extractFigures(segmentText(SEED_TEXT));
    expect(seed.projects).toEqual(["代表履职经费", "全会经费项目", "市代表活动经费"]);
    const of = (project: string) => seed.figures.filter((f) => f.project === project).map((f) => `${f.key}=${f.sign < 0 ? "-" : ""}${f.value.toFixed()}`);
    expect(of("代表履职经费")).toEqual(["projectBudget=55.8", "projectAdjust=-5.49", "projectActual=50.31", "projectCarryover=0"]);
    expect(of("全会经费项目")).toEqual(["projectBudget=16.2", "projectAdjust=-0.7", "projectActual=15.5", "projectCarryover=0"]);
    expect(of("市代表活动经费")).toEqual(["projectBudget=0", "projectAdjust=4.46", "projectActual=4.46", "projectCarryover=0"]);
  });

  test("the whole seed: figures come from the body only, never from the annex tables after 附件2", () => {
    const seed = figures(SEED_TEXT);
    // The annex tables hold 982.60 and 70.66; the body never says them.
    expect(seed.some((f) => ["982.6", "70.66"].includes(f.value.toFixed()))).toBe(false);
    expect(seed.filter((f) => f.key !== null).map((f) => f.key)).toEqual([
      "establishment", "onPayroll", "retired", "budget", "income", "expense", "project", "basic", "personnel", "publicFunds",
      "project", "specialCount", "specialBudget", "project",
      "projectBudget", "projectAdjust", "projectActual", "projectCarryover",
      "projectBudget", "projectAdjust", "projectActual", "projectCarryover",
      "projectBudget", "projectAdjust", "projectActual", "projectCarryover",
    ]);
  });

  test("counts with 人次 and 名 of other things are not staff counts", () => {
    const seed = figures(SEED_TEXT);
    expect(seed.find((f) => f.unit === "人次")?.key).toBeNull();
    expect(seed.filter((f) => f.unit === "名").every((f) => f.key === null)).toBe(true);
  });

  test("positions: paragraph, sentence, quote, and offsets into the text as given", () => {
    const seed = figures(SEED_TEXT);
    const income = seed.find((f) => f.key === "income")!;
    expect(income.paragraph).toBe(26);
    expect(income.sentence).toBe(1);
    expect(income.quote).toBe("2.2023年度单位一般公共预算财政拨款收入982.21万元。");
    expect(SEED_TEXT.slice(income.offset, income.offset + income.length)).toBe("2023年度单位一般公共预算财政拨款收入982.21万元");
    expect(SEED_TEXT.slice(income.numberOffset, income.numberOffset + 6)).toBe("982.21");
    const basic = seed.find((f) => f.key === "basic")!;
    expect([basic.paragraph, basic.sentence]).toEqual([27, 2]);
    expect(SEED_TEXT.slice(basic.offset, basic.offset + basic.length)).toBe("基本支出911.94万元");
  });
});

describe("other wordings", () => {
  test.each([
    ["收入合计", "2023年收入合计982.21万元，支出合计980.00万元。", ["income=982.21", "expense=980"]],
    ["本年收入/本年支出 with 为", "本年收入为1,000.00万元，本年支出为998.50万元。", ["income=1000", "expense=998.5"]],
    ["其中 without colon", "基本支出911.94万元，其中人员经费837.48万元、公用经费74.46万元。", ["basic=911.94", "personnel=837.48", "publicFunds=74.46"]],
    ["full-width digits and colon", "基本支出：９１１．９４万元，公用经费７４．４６万元。", ["basic=911.94", "publicFunds=74.46"]],
    ["元 converts to 万元", "公用经费744,600.00元，三公经费0元。", ["publicFunds=74.46", "threePublic=0"]],
    ["亿元 converts to 万元", "年初预算1.2亿元。", ["budget=12000"]],
    ["thousands separators", "财政拨款收入1,234,567.89万元。", ["income=1234567.89"]],
    ["full-width thousands separator", "财政拨款支出１，２３４．５６万元。", ["expense=1234.56"]],
    ["spaces between number and unit", "项目支出 70.27 万元。", ["project=70.27"]],
    ["people with 名 and a colon", "核定编制：21名，在职人员35名，离退休人员32人。", ["establishment=21", "onPayroll=35", "retired=32"]],
    ["编制人数 / 在职职工人数", "编制人数21人，在职职工人数35人。", ["establishment=21", "onPayroll=35"]],
    ["full-year budget", "全年预算数982.60万元，年初预算数962.51万元。", ["adjustedBudget=982.6", "budget=962.51"]],
    ["三公经费 and 政府采购", "三公经费支出0.50万元，政府采购金额为31.10万元。", ["threePublic=0.5", "procurement=31.1"]],
    ["N个专项", "全年共实施3个专项，实际支出70.27万元。", ["specialCount=3", "project=70.27"]],
    ["实际支出 of the whole unit", "全年实际支出982.21万元。", ["expense=982.21"]],
    ["收入总计 with its 其中 parts", "2023年度收入总计1,234.56万元，其中：一般公共预算财政拨款收入1,200.00万元，其他收入34.56万元。", ["income=1234.56", "income=1200"]],
    ["全年执行数 is spending", "年初预算数为1,000万元，调整预算为1,234.56万元，全年执行数为1,230.00万元。", ["budget=1000", "adjustedBudget=1234.56", "expense=1230"]],
    ["a project budget is the 专项 total, not the unit's budget", "本年度项目预算150.13万元。", ["specialBudget=150.13"]],
    ["实有人数 is staff on payroll", "实有人数35人。", ["onPayroll=35"]],
  ])("%s", (_name, sentence, expected) => {
    expect(keyed(sentence)).toEqual(expected);
  });

  test.each([
    ["政府性基金预算支出", "政府性基金预算支出12.00万元。"],
    ["非税收入", "非税收入5.00万元。"],
    ["a percentage", "执行率为99.96%。"],
    ["a year", "2023年度整体支出绩效自评。"],
    ["次 counts", "开展专题调研50次。"],
    ["one item's spending", "公务接待支出0.50万元，会议费实际支出3.00万元。"],
    ["other income", "上级补助收入10.00万元，事业收入5.00万元。"],
    ["a part's budget", "基本支出预算800.00万元，公用经费预算116.80万元。"],
    ["parts of the establishment", "其中行政编制15人、事业编制6人。"],
  ])("%s is not read as an annex figure", (_name, sentence) => {
    expect(keyed(sentence)).toEqual([]);
  });

  test("a list number before a year is not part of the figure (\"1.2023年预算资金…\")", () => {
    const [f] = figures("1.2023年预算资金962.51万元。");
    expect(f!.label).toBe("2023年预算资金");
    expect(f!.numberText).toBe("962.51");
  });

  test("a project named at the start of its paragraph: \"代表履职经费：年初预算…\"", () => {
    const text = "（二）项目支出绩效情况\n代表履职经费：年初预算55.80万元，调减5.49万元，实际支出50.31万元。\n全会经费：年初预算16.20万元，实际支出15.50万元。";
    const all = extractFigures(segmentText(text));
    expect(all.projects).toEqual(["代表履职经费", "全会经费"]);
    expect(all.figures.map((f) => `${f.project}:${f.key}=${f.value.toFixed()}`)).toEqual([
      "代表履职经费:projectBudget=55.8", "代表履职经费:projectAdjust=5.49", "代表履职经费:projectActual=50.31",
      "全会经费:projectBudget=16.2", "全会经费:projectActual=15.5",
    ]);
  });

  test("\"较上年增加\" in a project block is not an adjustment", () => {
    const text = "（二）项目支出绩效情况\n（1）代表履职经费\n年初预算资金55.80万元，较上年增加5.00万元，实际支出50.31万元。";
    expect(extractFigures(segmentText(text)).figures.map((f) => f.key)).toEqual(["projectBudget", null, "projectActual"]);
  });

  test("outside a 项目 section, (1) headings are not projects", () => {
    const text = "（一）基本支出情况\n（1）人员经费\n人员经费837.48万元。";
    const all = extractFigures(segmentText(text));
    expect(all.projects).toEqual([]);
    expect(all.figures.map((f) => f.key)).toEqual(["personnel"]);
  });
});

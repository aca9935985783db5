// Each r.* rule on texts written against the seed's annexes: one that agrees, one that does not,
// and the edges (rounding, a missing annex, a switched-off rule). One describe block per rule id
// (meta.test.ts checks that every rule has one).
import { check, findingsOf, SEED_MODELS } from "./helpers";
import { messageOf } from "../../../src/core/messages/catalogue";

describe("r.budget", () => {
  test("agrees: 年初预算/预算资金 962.51, 全年预算 982.60, 专项预算 150.13", () => {
    expect(findingsOf("2023年预算资金962.51万元，全年预算数982.60万元。年初预算专项资金共7个，共150.13万元。", "r.budget")).toEqual([]);
  });
  test("differs from 附件3 年初预算数", () => {
    expect(findingsOf("2023年年初预算960.00万元。", "r.budget")).toEqual(["r.budget warning 附件3!D5 962.51 960"]);
  });
  test("全年预算 differs from 附件3 全年预算数", () => {
    expect(findingsOf("全年预算数982.21万元。", "r.budget")).toEqual(["r.budget warning 附件3!E5 982.6 982.21"]);
  });
  test("the 专项 budget total differs from 附件2 项目支出预算数", () => {
    expect(findingsOf("年初预算专项资金共7个，共150.31万元。", "r.budget")).toEqual(["r.budget warning 附件2!C12 150.13 150.31"]);
  });
  test("a figure written with fewer decimals agrees when the cell rounds to it", () => {
    expect(findingsOf("预算资金962.5万元。", "r.budget")).toEqual([]);
    expect(findingsOf("预算资金963万元。", "r.budget")).toEqual([]);
    expect(findingsOf("预算资金962万元。", "r.budget")).toEqual(["r.budget warning 附件3!D5 962.51 962"]);
  });
});

describe("r.income", () => {
  test("一般公共预算财政拨款收入 is compared with the 一般公共预算 part of 附件3", () => {
    expect(findingsOf("一般公共预算财政拨款收入982.60万元。", "r.income")).toEqual([]);
    expect(findingsOf("一般公共预算财政拨款收入982.21万元。", "r.income")).toEqual(["r.income warning 附件3!B7 982.6 982.21"]);
  });
  test("收入合计 is compared with the 按收入性质分 total", () => {
    expect(findingsOf("收入合计982.60万元。", "r.income")).toEqual([]);
    expect(findingsOf("收入合计990.00万元。", "r.income")).toEqual(["r.income warning 附件3!B6 982.6 990"]);
  });
  test("the message names both places and the difference", () => {
    const [f] = check("一般公共预算财政拨款收入982.21万元。").findings;
    expect(messageOf(f!).zh).toBe("正文第 1 段第 1 句“一般公共预算财政拨款收入982.21万元”与附件3 一般公共预算 982.60 万元（附件3!B7）不一致（相差 0.39 万元），请核对正文与附件");
    expect(messageOf(f!).en).toContain("annex 3 general public budget income is 982.60 × 10,000 yuan (附件3!B7), a difference of 0.39 × 10,000 yuan");
    expect(f!.textRef).toEqual({ paragraph: 1, sentence: 1, quote: "一般公共预算财政拨款收入982.21万元。", offset: 0, length: 20 });
  });
});

describe("r.expense", () => {
  test("财政拨款支出 is compared with 附件3 全年执行数", () => {
    expect(findingsOf("财政拨款支出982.21万元。", "r.expense")).toEqual([]);
    expect(findingsOf("支出合计982.60万元。", "r.expense")).toEqual(["r.expense warning 附件3!F5 982.21 982.6"]);
  });
  test("in 元: 9,822,100元 is 982.21万元", () => {
    expect(findingsOf("财政拨款支出9,822,100.00元。", "r.expense")).toEqual([]);
  });
});

describe("r.basic", () => {
  test("基本支出 against 附件3 基本支出", () => {
    expect(findingsOf("基本支出911.94万元。", "r.basic")).toEqual([]);
    expect(findingsOf("基本支出912.33万元。", "r.basic")).toEqual(["r.basic warning 附件3!F7 911.94 912.33"]);
  });
});

describe("r.personnel", () => {
  test("人员经费 against 附件3 基本支出 − 附件2 公用经费决算数 (911.94 − 74.46)", () => {
    expect(findingsOf("人员经费837.48万元。", "r.personnel")).toEqual([]);
    const [f] = check("人员经费812.38万元。").findings;
    expect(f!.ruleId).toBe("r.personnel");
    expect(f!.expected).toBe("837.48");
    expect(f!.related.map((a) => `${a.sheet}!${a.row},${a.col}`)).toEqual(["附件2!17,3"]);
  });
  test("needs both annexes", () => {
    expect(findingsOf("人员经费812.38万元。", "r.personnel", { ...SEED_MODELS, annex2: null })).toEqual([]);
  });
});

describe("r.public-funds", () => {
  test("公用经费 against 附件2 公用经费 2023年决算数", () => {
    expect(findingsOf("公用经费74.46万元。", "r.public-funds")).toEqual([]);
    expect(findingsOf("公用经费116.80万元。", "r.public-funds")).toEqual(["r.public-funds warning 附件2!D18 74.46 116.8"]);
  });
});

describe("r.project", () => {
  test("项目支出 against 附件3 项目支出", () => {
    expect(findingsOf("项目支出70.66万元。", "r.project")).toEqual([]);
    expect(findingsOf("项目支出70.27万元。", "r.project")).toEqual(["r.project warning 附件3!F8 70.66 70.27"]);
  });
  test("the 专项's 实际支出 is 项目支出 too", () => {
    expect(findingsOf("本单位专项资金共7个，实际支出70.27万元。", "r.project")).toEqual(["r.project warning 附件3!F8 70.66 70.27"]);
  });
  test("without 附件3 the figure is compared with 附件2 项目支出决算数", () => {
    expect(findingsOf("项目支出70.27万元。", "r.project", { ...SEED_MODELS, annex3: null })).toEqual([]);
  });
});

describe("r.staff", () => {
  test("编制数 and 在职人数 against 附件2, exactly", () => {
    expect(findingsOf("编制数21人，在职人数35人。", "r.staff")).toEqual([]);
    expect(findingsOf("编制数35人，在职人数21人。", "r.staff")).toEqual(["r.staff warning 附件2!B4 21 35", "r.staff warning 附件2!C4 35 21"]);
  });
  test("离退休人数 has no annex cell and is not compared", () => {
    expect(findingsOf("离退休人数99人。", "r.staff")).toEqual([]);
  });
});

describe("r.three-public", () => {
  test("三公经费 against 附件2 三公经费决算数 (0)", () => {
    expect(findingsOf("三公经费支出0万元。", "r.three-public")).toEqual([]);
    expect(findingsOf("三公经费1.20万元。", "r.three-public")).toEqual(["r.three-public warning 附件2!D6 0 1.2"]);
  });
});

describe("r.procurement", () => {
  test("政府采购金额 against 附件2 政府采购金额决算数", () => {
    expect(findingsOf("政府采购金额31.10万元。", "r.procurement")).toEqual([]);
    expect(findingsOf("政府采购金额为32.30万元。", "r.procurement")).toEqual(["r.procurement warning 附件2!D22 31.1 32.3"]);
  });
});

describe("r.text-sum", () => {
  test("the seed's sums hold: 982.21 = 70.27 + 911.94; 911.94 = 837.48 + 74.46; 70.27 = 50.31 + 15.50 + 4.46", () => {
    expect(findingsOf("财政拨款支出982.21万元。其中：项目支出70.27万元，基本支出911.94万元，其中：人员经费837.48万元，公用经费74.46万元。", "r.text-sum")).toEqual([]);
    expect(findingsOf("项目支出70.27万元（其中代表履职经费50.31万元；全会经费15.50万元；市代表活动经费4.46万元）。", "r.text-sum")).toEqual([]);
  });
  test("a nested 其中 that does not add up is reported for its own total only", () => {
    const text = "财政拨款支出982.21万元。其中：项目支出70.27万元，基本支出911.94万元，其中：人员经费837.48万元，公用经费70.46万元。";
    const found = check(text).findings.filter((f) => f.ruleId === "r.text-sum");
    expect(found.map((f) => `${f.severity} ${f.expected} ${f.actual}`)).toEqual(["warning 911.94 907.94"]);
    expect(messageOf(found[0]!).zh).toBe("正文第 1 段第 2 句：“基本支出911.94万元”的其中各项 人员经费 837.48 + 公用经费 70.46 = 907.94 万元，少于所述总数 4.00 万元；若只列举了部分项目，请说明");
    expect(found[0]!.textRef?.quote).toBe("其中：项目支出70.27万元，基本支出911.94万元，其中：人员经费837.48万元，公用经费70.46万元。");
  });
  test("the outer 其中 across a full stop: parts above the total are an error, quoted over both sentences", () => {
    const text = "财政拨款支出982.21万元。其中：项目支出70.66万元，基本支出911.94万元。";
    const found = check(text).findings.filter((f) => f.ruleId === "r.text-sum");
    expect(found.map((f) => `${f.severity} ${f.expected} ${f.actual}`)).toEqual(["error 982.21 982.6"]);
    expect(found[0]!.textRef?.quote).toBe(text);
    expect(found[0]!.at).toBeNull();
  });
  test("an enumeration in brackets that does not add up", () => {
    expect(findingsOf("项目支出70.27万元（其中代表履职经费50.31万元；全会经费15.50万元；市代表活动经费4.86万元）。", "r.text-sum"))
      .toEqual(["r.text-sum error - 70.27 70.67"]);
  });
  test("a count 其中 is a subset: 在职35人，其中在岗35人；离退休32人 holds, 其中在岗40人 does not", () => {
    expect(findingsOf("在职人数35人，其中在岗人数35人；离退休人数32人，退休人员32人。", "r.text-sum")).toEqual([]);
    expect(findingsOf("在职人数35人，其中在岗人数30人。", "r.text-sum")).toEqual([]);
    expect(findingsOf("在职人数35人，其中在岗人数40人。", "r.text-sum")).toEqual(["r.text-sum error - 35 40"]);
  });
  test("a single amount part below its total is a subset statement, not a finding", () => {
    expect(findingsOf("公用经费74.46万元，其中办公经费9.43万元。", "r.text-sum")).toEqual([]);
  });
  test("a project's 年初预算 ± 调整 = 实际支出 + 结余结转", () => {
    const block = (adjust: string, actual: string, carry: string) =>
      `（二）项目支出绩效情况\n（1）代表履职经费\n年初预算资金55.80万元，项目年中执行${adjust}，实际支出${actual}，${carry}`;
    expect(findingsOf(block("调减5.49万元", "50.31万元", "结余结转0万元。"), "r.text-sum")).toEqual([]);
    expect(findingsOf(block("调减5.49万元", "50.13万元", "结余结转0万元。"), "r.text-sum")).toEqual(["r.text-sum error - 50.31 50.13"]);
    expect(findingsOf(block("调增5.49万元", "50.31万元", "结余结转0万元。"), "r.text-sum")).toEqual(["r.text-sum error - 61.29 50.31"]);
    // no carry-over stated: a gap is a warning
    expect(findingsOf(block("调减5.49万元", "50.00万元", "主要用于代表履职。"), "r.text-sum")).toEqual(["r.text-sum warning - 50.31 50"]);
    // neither an adjustment nor a carry-over: budget and actual alone say nothing
    expect(findingsOf("（二）项目支出绩效情况\n（1）代表履职经费\n年初预算资金55.80万元，实际支出50.31万元。", "r.text-sum")).toEqual([]);
  });
  test("a project's message names the project", () => {
    const [f] = check("（二）项目支出绩效情况\n（1）全会经费\n年初预算资金16.20万元，调减0.70万元，实际支出15.00万元，结余结转0万元。").findings
      .filter((x) => x.ruleId === "r.text-sum");
    expect(messageOf(f!).zh).toBe("正文第 3 段第 1 句（全会经费）：年初预算 16.20 − 0.70 = 15.50 万元，而实际支出 15.00 + 0.00（结余结转） = 15.00 万元，相差 0.50 万元");
  });
});

describe("r.project-lines", () => {
  const projects = (a: string, b: string) =>
    `（二）项目支出绩效情况\n（1）代表履职经费\n年初预算资金55.80万元，实际支出${a}万元。\n（2）全会经费\n年初预算资金16.20万元，实际支出${b}万元。`;
  test("the projects' 实际支出 add up to 附件2 项目支出决算数 (70.27)", () => {
    expect(findingsOf(projects("50.31", "19.96"), "r.project-lines")).toEqual([]);
    expect(findingsOf(projects("50.31", "15.50"), "r.project-lines")).toEqual(["r.project-lines warning 附件2!D12 70.27 65.81"]);
  });
  test("the message lists the projects", () => {
    const [f] = check(projects("50.31", "15.50")).findings.filter((x) => x.ruleId === "r.project-lines");
    expect(messageOf(f!).zh).toBe("正文各项目实际支出 代表履职经费 50.31 + 全会经费 15.50 = 65.81 万元，与附件2 项目支出本年决算数 70.27 万元（附件2!D12）不一致（相差 4.46 万元）");
    expect(f!.textRef?.paragraph).toBe(3);
  });
  test("without 附件2 the sum is compared with 附件3 项目支出", () => {
    expect(findingsOf(projects("50.31", "19.96"), "r.project-lines", { ...SEED_MODELS, annex2: null }))
      .toEqual(["r.project-lines warning 附件3!F8 70.66 70.27"]);
  });
});

describe("settings and missing annexes", () => {
  test("a switched-off rule reports nothing", () => {
    expect(check("项目支出70.27万元。", SEED_MODELS, ["r.project"]).findings).toEqual([]);
  });
  test("no annexes: only the text's own sums are checked", () => {
    const none = { annex2: null, annex3: null };
    expect(check("项目支出70.27万元。基本支出1.00万元，其中人员经费2.00万元。", none).findings.map((f) => f.ruleId)).toEqual(["r.text-sum"]);
  });
  test("findings are in text order", () => {
    const found = check("公用经费116.80万元。一般公共预算财政拨款收入982.21万元。").findings.map((f) => f.ruleId);
    expect(found).toEqual(["r.public-funds", "r.income"]);
  });
});

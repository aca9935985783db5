// Paragraphs and sentences keep their offsets in the text as given.
import { segmentText } from "../../../src/core/report-text";
import { SEED_TEXT } from "./helpers";

test("one paragraph per non-empty line, sentences split at 。！？ but not at ；", () => {
  const text = "\ufeff第一句。第二句；仍是第二句！\r\n\r\n  第二段？（括号里。）后面\n";
  const { paragraphs } = segmentText(text);
  expect(paragraphs.map((p) => [p.index, p.sentences.map((s) => s.text)])).toEqual([
    [1, ["第一句。", "第二句；仍是第二句！"]],
    [2, ["第二段？", "（括号里。）", "后面"]],
  ]);
  for (const p of paragraphs) {
    expect(text.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
    for (const s of p.sentences) expect(text.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
  }
});

test("a closing bracket after the full stop stays with its sentence", () => {
  const [p] = segmentText("项目支出70.27万元（其中代表履职经费50.31万元。）下一句。").paragraphs;
  expect(p!.sentences.map((s) => s.text)).toEqual(["项目支出70.27万元（其中代表履职经费50.31万元。）", "下一句。"]);
});

test("the body ends at a line that is only 附件2 (the annex tables follow)", () => {
  const seed = segmentText(SEED_TEXT);
  expect(seed.paragraphs).toHaveLength(61);
  expect(SEED_TEXT.slice(seed.bodyEnd).trimStart().startsWith("附件2")).toBe(true);
  expect(seed.paragraphs.at(-1)!.text).toBe("本单位无独立网站，绩效自评报告将在政府门户网站与决算报告一起公开。");
  // A mention of 附件2 inside a sentence does not end the body.
  expect(segmentText("见附件2。\n附件2说明了基础数据。").paragraphs).toHaveLength(2);
  expect(segmentText("正文。\n附件 ３：\n表格").paragraphs).toHaveLength(1);
});

test("the seed's paragraphs are numbered as a reader counts them", () => {
  const seed = segmentText(SEED_TEXT);
  expect(seed.paragraphs[25]!.text).toBe("2.2023年度单位一般公共预算财政拨款收入982.21万元。");
  expect(seed.paragraphs[25]!.index).toBe(26);
});

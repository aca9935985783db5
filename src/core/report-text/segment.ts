/**
 * The report text as paragraphs and sentences, each keeping where it starts in the text as given,
 * so a finding can quote a sentence and say where it is. Text pasted from Word or extracted from
 * a .docx has one paragraph per line (blank lines between them are dropped).
 */

export interface Sentence {
  /** 1-based within its paragraph. */
  readonly index: number;
  readonly text: string;
  /** UTF-16 offset of the sentence's first character in the whole text. */
  readonly offset: number;
}

export interface Paragraph {
  /** 1-based among the non-empty paragraphs of the body. */
  readonly index: number;
  readonly text: string;
  readonly offset: number;
  readonly sentences: readonly Sentence[];
}

export interface SegmentedText {
  readonly paragraphs: readonly Paragraph[];
  /** Where the report body ends: the offset of the 附件 heading that starts the annex tables, or the text's length. */
  readonly bodyEnd: number;
}

/**
 * A line that is only "附件2" (or "附件 3", "附件三：") starts the annex tables that a Word report
 * carries after its body; their cells are not the report's prose and are not read as figures.
 */
const ANNEX_HEADING = /^[\s\u3000]*附件[\s\u3000]*[0-9０-９一二三四五六七八九十]{1,2}[\s\u3000]*[:：]?[\s\u3000]*$/;

/** Sentence ends: the Chinese full stop, ! and ?, in both widths. Not ";" — an enumeration spans ；. */
const SENTENCE_END = /[。！？!?]/;

export function segmentText(text: string): SegmentedText {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  let bodyEnd = text.length;
  for (const line of text.split("\n")) {
    const start = offset;
    offset += line.length + 1;
    const content = line.replace(/\r$/, "");
    if (ANNEX_HEADING.test(content) && paragraphs.length > 0) {
      bodyEnd = start;
      break;
    }
    // trimStart/trimEnd: the same white space as /\s/ (U+3000 and U+FEFF included), in linear time
    // (an end-anchored pattern retries at every position of a long run of spaces).
    const lead = content.length - content.trimStart().length;
    const trimmed = content.slice(lead).trimEnd();
    if (trimmed === "") continue;
    const paragraphOffset = start + lead;
    paragraphs.push({
      index: paragraphs.length + 1,
      text: trimmed,
      offset: paragraphOffset,
      sentences: splitSentences(trimmed, paragraphOffset),
    });
  }
  return { paragraphs, bodyEnd };
}

function splitSentences(paragraph: string, paragraphOffset: number): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = paragraph.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.slice(lead).trimEnd();
    if (text !== "") sentences.push({ index: sentences.length + 1, text, offset: paragraphOffset + start + lead });
    start = end;
  };
  for (let i = 0; i < paragraph.length; i++) {
    if (!SENTENCE_END.test(paragraph[i]!)) continue;
    // A closing bracket or quote right after the full stop belongs to the sentence it closes.
    let end = i + 1;
    while (end < paragraph.length && /[）)”’」』]/.test(paragraph[end]!)) end++;
    push(end);
    i = end - 1;
  }
  if (start < paragraph.length) push(paragraph.length);
  return sentences;
}

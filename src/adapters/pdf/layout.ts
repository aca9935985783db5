/**
 * Tables and text rebuilt from a PDF page's layout: its text pieces (with positions) and the
 * straight lines drawn on it. Ruled tables (every cell bordered, merged cells without the inner
 * border) become grids as in a workbook; the rest of the page is the report's text, in lines and
 * paragraphs. Pure geometry, no PDF library: read-pdf.ts extracts the pieces with PDF.js.
 *
 * Best effort by nature: a PDF holds glyphs and strokes, not cells. What cannot be rebuilt (tables
 * drawn without rules, text as images) is simply not found; every finding read this way says so.
 */

/** A piece of text: its string and where it sits (PDF units, y upwards, baseline). */
export interface TextPiece {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

/** A horizontal or vertical line (a border), in page units. */
export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface PageLayout {
  readonly pieces: readonly TextPiece[];
  readonly segments: readonly Segment[];
  readonly height: number;
}

/** A table found on a page: the text of each cell (by grid position), its merges, its box. */
export interface LaidTable {
  readonly rows: number;
  readonly cols: number;
  /** Text of each cell that holds any, keyed row × cols + col (top-left of a merge). */
  readonly texts: ReadonlyMap<number, string>;
  /** Merged ranges (0-based, inclusive). */
  readonly merges: readonly { top: number; left: number; bottom: number; right: number }[];
  /** Column boundaries, left to right (for joining a table continued on the next page). */
  readonly xs: readonly number[];
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

const TOLERANCE = 2;

/** Tables first (top to bottom), then the text lines outside them. */
export function layoutPage(page: PageLayout): { tables: LaidTable[]; lines: TextLine[] } {
  const straight = page.segments.map(normalize).filter((s): s is Segment => s !== null);
  const tables = groupSegments(straight).map((group) => tableOf(group, page.pieces)).filter((t): t is LaidTable => t !== null);
  tables.sort((a, b) => b.top - a.top);
  const outside = page.pieces.filter((p) => !tables.some((t) => inside(t, p)));
  return { tables, lines: linesOf(outside) };
}

/** A segment with x1 ≤ x2, y1 ≤ y2; null when neither horizontal nor vertical, or a dot. */
function normalize(s: Segment): Segment | null {
  const horizontal = Math.abs(s.y1 - s.y2) <= 0.5;
  const vertical = Math.abs(s.x1 - s.x2) <= 0.5;
  if (horizontal === vertical) return null;
  const n = { x1: Math.min(s.x1, s.x2), y1: Math.min(s.y1, s.y2), x2: Math.max(s.x1, s.x2), y2: Math.max(s.y1, s.y2) };
  return n.x2 - n.x1 + (n.y2 - n.y1) < 3 ? null : n;
}

const isHorizontal = (s: Segment) => s.y2 - s.y1 < s.x2 - s.x1;

function touches(a: Segment, b: Segment): boolean {
  return a.x1 - TOLERANCE <= b.x2 && b.x1 - TOLERANCE <= a.x2 && a.y1 - TOLERANCE <= b.y2 && b.y1 - TOLERANCE <= a.y2;
}

/** Union-find without recursion (a chain of 20,000 dashes must not overflow the stack). */
function makeFind(parent: number[]): (i: number) => number {
  return (i) => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
}

/** More strokes than this on a page are no ruled table (a drawing, a pattern): no table is read there. */
const MAX_SEGMENTS = 20_000;

/** Segments that touch, transitively: one group per table (or per stray rule). */
function groupSegments(segments: readonly Segment[]): Segment[][] {
  if (segments.length > MAX_SEGMENTS) return [];
  const parent = segments.map((_, i) => i);
  const find = makeFind(parent);
  // Sorted by left edge, each segment is compared only with those that can still reach it.
  const order = segments.map((_, i) => i).sort((a, b) => segments[a]!.x1 - segments[b]!.x1);
  for (let k = 0; k < order.length; k++) {
    const a = segments[order[k]!]!;
    for (let m = k + 1; m < order.length && segments[order[m]!]!.x1 <= a.x2 + TOLERANCE; m++) {
      if (touches(a, segments[order[m]!]!)) parent[find(order[k]!)] = find(order[m]!);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(s);
    else groups.set(root, [s]);
  });
  return [...groups.values()];
}

/** Values within TOLERANCE of each other as one, sorted. */
function clusters(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1]! > TOLERANCE) out.push(v);
  return out;
}

function tableOf(group: readonly Segment[], pieces: readonly TextPiece[]): LaidTable | null {
  const horizontal = group.filter(isHorizontal);
  const vertical = group.filter((s) => !isHorizontal(s));
  const xs = clusters(vertical.map((s) => s.x1));
  const ys = clusters(horizontal.map((s) => s.y1)).reverse(); // top first
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // A single box (a page frame, a text box, a boxed note) is no table: its text stays prose.
  if (rows * cols < 2) return null;
  if (rows * cols > 100_000) return null;
  const covered = (lines: readonly Segment[], fixed: "x" | "y", at: number, from: number, to: number) =>
    lines.some((s) => (fixed === "x" ? Math.abs(s.x1 - at) <= TOLERANCE && s.y1 <= from + TOLERANCE && s.y2 >= to - TOLERANCE
      : Math.abs(s.y1 - at) <= TOLERANCE && s.x1 <= from + TOLERANCE && s.x2 >= to - TOLERANCE));
  // Cells joined where the border between them is missing: one component per (merged) cell.
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = makeFind(parent);
  for (let r = 0; r < rows; r++) {
    const low = ys[r + 1]!;
    const high = ys[r]!;
    for (let c = 0; c < cols; c++) {
      const left = xs[c]!;
      const right = xs[c + 1]!;
      const mid = (a: number, b: number) => [a + (b - a) * 0.25, a + (b - a) * 0.75] as const;
      if (c + 1 < cols) {
        const [from, to] = mid(low, high);
        if (!covered(vertical, "x", right, from, to)) parent[find(r * cols + c)] = find(r * cols + c + 1);
      }
      if (r + 1 < rows) {
        const [from, to] = mid(left, right);
        if (!covered(horizontal, "y", low, from, to)) parent[find(r * cols + c)] = find((r + 1) * cols + c);
      }
    }
  }
  const boxes = new Map<number, { top: number; left: number; bottom: number; right: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const box = boxes.get(root);
      if (!box) boxes.set(root, { top: r, left: c, bottom: r, right: c });
      else {
        box.top = Math.min(box.top, r);
        box.left = Math.min(box.left, c);
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, c);
      }
    }
  }
  const anchor = (r: number, c: number) => {
    const box = boxes.get(find(r * cols + c))!;
    return box.top * cols + box.left;
  };
  const table = { top: ys[0]!, bottom: ys[ys.length - 1]!, left: xs[0]!, right: xs[xs.length - 1]! };
  // Each piece into the cell under its middle; a cell's pieces in reading order.
  const byCell = new Map<number, TextPiece[]>();
  for (const piece of pieces) {
    if (!inside(table, piece)) continue;
    const cx = piece.x + piece.width / 2;
    const cy = piece.y + piece.size * 0.35;
    const c = xs.findIndex((x, i) => i < cols && cx >= x && cx < xs[i + 1]!);
    const r = ys.findIndex((y, i) => i < rows && cy <= y && cy > ys[i + 1]!);
    if (c < 0 || r < 0) continue;
    const key = anchor(r, c);
    const list = byCell.get(key);
    if (list) list.push(piece);
    else byCell.set(key, [piece]);
  }
  const texts = new Map<number, string>();
  for (const [key, list] of byCell) {
    const text = linesOf(list).map((l) => l.text).join("");
    if (text.trim() !== "") texts.set(key, text);
  }
  const merges = [...boxes.values()].filter((b) => b.bottom > b.top || b.right > b.left);
  return { rows, cols, texts, merges, xs, ...table };
}

function inside(table: { top: number; bottom: number; left: number; right: number }, p: TextPiece): boolean {
  const cx = p.x + p.width / 2;
  const cy = p.y + p.size * 0.35;
  return cx > table.left && cx < table.right && cy < table.top && cy > table.bottom;
}

/** A line of text: its pieces joined left to right, where it starts, its baseline and size. */
export interface TextLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** Pieces on one baseline (within a third of their size) as lines, top to bottom. */
export function linesOf(pieces: readonly TextPiece[]): TextLine[] {
  const sorted = pieces.filter((p) => p.text !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { pieces: TextPiece[]; y: number; size: number }[] = [];
  for (const piece of sorted) {
    const line = lines.find((l) => Math.abs(l.y - piece.y) <= Math.max(l.size, piece.size) / 3);
    if (line) line.pieces.push(piece);
    else lines.push({ pieces: [piece], y: piece.y, size: piece.size });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const ordered = l.pieces.sort((a, b) => a.x - b.x);
      let text = "";
      let end = -Infinity;
      for (const p of ordered) {
        // A visible gap between Latin pieces is a space; CJK text is set without them.
        if (text !== "" && p.x - end > p.size * 0.25 && /[\x21-\x7e]$/.test(text) && /^[\x21-\x7e]/.test(p.text)) text += " ";
        text += p.text;
        end = p.x + p.width;
      }
      return { text: text.trim() === "" ? "" : text, x: ordered[0]!.x, y: l.y, size: l.size };
    })
    .filter((l) => l.text !== "");
}

/**
 * Lines as paragraphs: a line starts a new paragraph when it is indented, when the line before
 * ended a sentence or a heading, or after a gap larger than a line and a half.
 */
export function paragraphsOf(lines: readonly TextLine[]): string[] {
  if (lines.length === 0) return [];
  const margin = Math.min(...lines.map((l) => l.x));
  const paragraphs: string[] = [];
  let current = "";
  let previous: TextLine | null = null;
  for (const line of lines) {
    const indented = line.x - margin > line.size * 1.5;
    const gap = previous ? previous.y - line.y > Math.max(previous.size, line.size) * 1.8 : false;
    const ended = previous ? /[。！？!?：:；;]$/.test(previous.text.trim()) || previous.text.trim().length < 20 : false;
    if (previous && (indented || gap || ended)) {
      paragraphs.push(current);
      current = "";
    }
    current += line.text.trim();
    previous = line;
  }
  if (current !== "") paragraphs.push(current);
  return paragraphs;
}

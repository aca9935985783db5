/**
 * A tiny Excel formula evaluator for exactly the forms the template generator emits (there is
 * no Excel here and HyperFormula is not a dependency): numbers, "text", TRUE/FALSE, cell references and
 * ranges on the same sheet, + - * / & unary minus, = <> < > <= >=, and the functions IF,
 * IFERROR, ROUND, SUM, COUNT, MIN, AND, OR, ISNUMBER, MID, FIND. Anything else throws, so a new
 * formula form fails the tests until it is taught here. `shiftFormula` moves the relative
 * references of a conditional-format formula to another cell of its range, as Excel applies it.
 *
 * Semantics follow Excel where these formulas depend on them: a blank cell is 0 in arithmetic
 * and equals ""; "" in arithmetic is #VALUE!; SUM/COUNT/MIN ignore text and blanks in
 * references; ROUND rounds halves away from zero (decimal.js ROUND_HALF_UP on the double's
 * shortest decimal form); x/0 is #DIV/0!; errors propagate. As text (& , MID, FIND) a blank is "",
 * a number its shortest decimal form, a boolean TRUE/FALSE. FIND is case-sensitive and #VALUE!
 * when the text is not found; MID is #VALUE! for a start below 1 or a negative length.
 */
import { Decimal } from "../../src/core/numeric/decimal";
import { fromA1, parseRangeA1 } from "../../src/core/grid/address";

export type XValue = number | string | boolean | null | { readonly error: string };

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "ref"; row: number; col: number }
  | { t: "range"; top: number; left: number; bottom: number; right: number }
  | { t: "neg"; a: Node }
  | { t: "bin"; op: string; a: Node; b: Node }
  | { t: "call"; name: string; args: Node[] };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|("(?:[^"]|"")*")|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|([A-Z]+)\(|(<=|>=|<>|[-+*/&=<>(),]|TRUE|FALSE))/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`formula-eval: cannot read "${text.slice(start)}" in ${text}`);
    if (m[4]) out.push(`${m[4]}(`);
    else out.push((m[1] ?? m[2] ?? m[3] ?? m[5])!);
  }
  return out;
}

const PRECEDENCE: Record<string, number> = { "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4 };

export function parseFormula(formula: string): Node {
  if (!formula.startsWith("=")) throw new Error(`formula-eval: not a formula: ${formula}`);
  const tokens = tokenize(formula.slice(1));
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++]!;
  const expect = (t: string) => {
    if (next() !== t) throw new Error(`formula-eval: expected ${t} in ${formula}`);
  };
  const primary = (): Node => {
    const tok = next();
    if (tok === undefined) throw new Error(`formula-eval: unexpected end of ${formula}`);
    if (tok === "-") return { t: "neg", a: primary() };
    if (tok === "(") {
      const e = expr(0);
      expect(")");
      return e;
    }
    if (/^\d/.test(tok)) return { t: "num", v: Number(tok) };
    if (tok === "TRUE" || tok === "FALSE") return { t: "bool", v: tok === "TRUE" };
    if (tok.startsWith('"')) return { t: "str", v: tok.slice(1, -1).replace(/""/g, '"') };
    if (tok.endsWith("(")) {
      const name = tok.slice(0, -1);
      const args: Node[] = [];
      if (peek() !== ")") {
        for (;;) {
          args.push(expr(0));
          if (peek() === ",") { next(); continue; }
          break;
        }
      }
      expect(")");
      return { t: "call", name, args };
    }
    if (tok.includes(":")) {
      const r = parseRangeA1(tok.replace(/\$/g, ""))!;
      return { t: "range", top: r.top, left: r.left, bottom: r.bottom, right: r.right };
    }
    const a = fromA1(tok);
    if (a) return { t: "ref", row: a.row, col: a.col };
    throw new Error(`formula-eval: unexpected token ${tok} in ${formula}`);
  };
  const expr = (min: number): Node => {
    let left = primary();
    for (;;) {
      const op = peek();
      const p = op !== undefined ? PRECEDENCE[op] : undefined;
      if (p === undefined || p < min) break;
      next();
      const right = expr(p + 1);
      left = { t: "bin", op: op!, a: left, b: right };
    }
    return left;
  };
  const tree = expr(0);
  if (i !== tokens.length) throw new Error(`formula-eval: trailing tokens in ${formula}`);
  return tree;
}

/** What a reference reads: the cell's value (a formula cell's computed value). */
export type CellReader = (row: number, col: number) => XValue;

const DIV0 = { error: "#DIV/0!" } as const;
const VALUE = { error: "#VALUE!" } as const;

function isError(v: unknown): v is { readonly error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

type Evaluated = XValue | { range: XValue[] };

function toNumber(v: XValue): number | { error: string } {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return VALUE;
}

function toText(v: XValue): string | { error: string } {
  if (isError(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function round(value: number, digits: number): number {
  return new Decimal(String(value)).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toNumber();
}

/** Excel comparison: blank is "" against text and 0 against numbers; numbers < text < booleans. */
function compare(a: XValue, b: XValue): number {
  const rank = (v: XValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let x = a;
  let y = b;
  if (x === null) x = typeof y === "string" ? "" : typeof y === "boolean" ? false : 0;
  if (y === null) y = typeof x === "string" ? "" : typeof x === "boolean" ? false : 0;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string") return x.toLowerCase() < (y as string).toLowerCase() ? -1 : x.toLowerCase() > (y as string).toLowerCase() ? 1 : 0;
  const nx = Number(x);
  const ny = Number(y);
  return nx < ny ? -1 : nx > ny ? 1 : 0;
}

export function evaluate(node: Node, read: CellReader): XValue {
  const v = evalNode(node, read);
  if (typeof v === "object" && v !== null && "range" in v) return VALUE;
  return v;
}

function evalNode(node: Node, read: CellReader): Evaluated {
  switch (node.t) {
    case "num": return node.v;
    case "str": return node.v;
    case "bool": return node.v;
    case "ref": return read(node.row, node.col);
    case "range": {
      const values: XValue[] = [];
      for (let r = node.top; r <= node.bottom; r++) for (let c = node.left; c <= node.right; c++) values.push(read(r, c));
      return { range: values };
    }
    case "neg": {
      const n = toNumber(evaluate(node.a, read));
      return isError(n) ? n : -n;
    }
    case "bin": {
      const a = evaluate(node.a, read);
      const b = evaluate(node.b, read);
      if (isError(a)) return a;
      if (isError(b)) return b;
      if (node.op === "&") {
        const x = toText(a);
        const y = toText(b);
        return isError(x) ? x : isError(y) ? y : x + y;
      }
      if (["=", "<>", "<", ">", "<=", ">="].includes(node.op)) {
        const c = compare(a, b);
        return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[node.op]!;
      }
      const x = toNumber(a);
      const y = toNumber(b);
      if (isError(x)) return x;
      if (isError(y)) return y;
      switch (node.op) {
        case "+": return x + y;
        case "-": return x - y;
        case "*": return x * y;
        case "/": return y === 0 ? DIV0 : x / y;
      }
      throw new Error(`formula-eval: operator ${node.op}`);
    }
    case "call": return call(node.name, node.args, read);
  }
}

/** Numbers among the arguments: from references and ranges only numbers count; literals are converted. */
function numbersOf(args: Node[], read: CellReader): number[] | { error: string } {
  const out: number[] = [];
  for (const arg of args) {
    const v = evalNode(arg, read);
    const fromReference = arg.t === "ref" || arg.t === "range";
    const list = typeof v === "object" && v !== null && "range" in v ? v.range : [v];
    for (const item of list) {
      if (isError(item)) return item;
      if (typeof item === "number") out.push(item);
      else if (!fromReference && item !== null) {
        const n = toNumber(item);
        if (isError(n)) return n;
        out.push(n);
      }
    }
  }
  return out;
}

function truthy(v: XValue): boolean | { error: string } {
  if (isError(v)) return v;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === null) return false;
  return VALUE;
}

function call(name: string, args: Node[], read: CellReader): XValue {
  switch (name) {
    case "IF": {
      const cond = truthy(evaluate(args[0]!, read));
      if (isError(cond)) return cond;
      const branch = cond ? args[1] : args[2];
      return branch ? evaluate(branch, read) : false;
    }
    case "IFERROR": {
      const v = evaluate(args[0]!, read);
      return isError(v) ? evaluate(args[1]!, read) : v;
    }
    case "ROUND": {
      const x = toNumber(evaluate(args[0]!, read));
      const d = toNumber(evaluate(args[1]!, read));
      if (isError(x)) return x;
      if (isError(d)) return d;
      return round(x, d);
    }
    case "SUM": {
      const ns = numbersOf(args, read);
      return isError(ns) ? ns : ns.reduce((s, n) => s + n, 0);
    }
    case "MIN": {
      const ns = numbersOf(args, read);
      return isError(ns) ? ns : ns.length === 0 ? 0 : Math.min(...ns);
    }
    case "COUNT": {
      let n = 0;
      for (const arg of args) {
        const v = evalNode(arg, read);
        const list = typeof v === "object" && v !== null && "range" in v ? v.range : [v];
        n += list.filter((x) => typeof x === "number").length;
      }
      return n;
    }
    case "AND":
    case "OR": {
      const values = args.map((a) => truthy(evaluate(a, read)));
      const err = values.find(isError);
      if (err) return err;
      return name === "AND" ? values.every(Boolean) : values.some(Boolean);
    }
    case "ISNUMBER": return typeof evaluate(args[0]!, read) === "number";
    case "FIND": {
      const wanted = toText(evaluate(args[0]!, read));
      const within = toText(evaluate(args[1]!, read));
      const start = args[2] ? toNumber(evaluate(args[2], read)) : 1;
      if (isError(wanted)) return wanted;
      if (isError(within)) return within;
      if (isError(start)) return start;
      // Positions count UTF-16 units, as Excel counts characters (the template's text is in the BMP).
      if (start < 1 || start > within.length + 1) return VALUE;
      const at = within.indexOf(wanted, Math.trunc(start) - 1);
      return at < 0 ? VALUE : at + 1;
    }
    case "MID": {
      const source = toText(evaluate(args[0]!, read));
      const start = toNumber(evaluate(args[1]!, read));
      const length = toNumber(evaluate(args[2]!, read));
      if (isError(source)) return source;
      if (isError(start)) return start;
      if (isError(length)) return length;
      if (start < 1 || length < 0) return VALUE;
      return source.slice(Math.trunc(start) - 1, Math.trunc(start) - 1 + Math.trunc(length));
    }
  }
  throw new Error(`formula-eval: function ${name} is not supported`);
}

/**
 * A conditional-format formula as Excel applies it to another cell of its range: relative
 * references move by (rows, cols). The template writes no absolute reference ($A$1), and this
 * evaluator does not keep "$": a formula with one is refused rather than moved wrongly.
 */
export function shiftFormula(formula: string, rows: number, cols: number): Node {
  if (formula.replace(/"(?:[^"]|"")*"/g, "").includes("$")) throw new Error(`formula-eval: cannot move an absolute reference in ${formula}`);
  const move = (node: Node): Node => {
    switch (node.t) {
      case "ref": return { ...node, row: node.row + rows, col: node.col + cols };
      case "range": return { ...node, top: node.top + rows, bottom: node.bottom + rows, left: node.left + cols, right: node.right + cols };
      case "neg": return { ...node, a: move(node.a) };
      case "bin": return { ...node, a: move(node.a), b: move(node.b) };
      case "call": return { ...node, args: node.args.map(move) };
      default: return node;
    }
  };
  return move(parseFormula(formula));
}

/**
 * Evaluates every formula of a sheet given as a map "row:col" → {value?, formula?}, following
 * references (a formula reading another formula's cell gets its result). Returns the results.
 */
export function evaluateSheet(cells: ReadonlyMap<string, { value?: XValue; formula?: string }>): Map<string, XValue> {
  const results = new Map<string, XValue>();
  const visiting = new Set<string>();
  const read: CellReader = (row, col) => {
    const key = `${row}:${col}`;
    const cell = cells.get(key);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value ?? null;
    if (results.has(key)) return results.get(key)!;
    if (visiting.has(key)) throw new Error(`formula-eval: circular reference at ${key}`);
    visiting.add(key);
    const value = evaluate(parseFormula(cell.formula), read);
    visiting.delete(key);
    results.set(key, value);
    return value;
  };
  for (const [key, cell] of cells) {
    if (cell.formula === undefined) continue;
    const [row, col] = key.split(":").map(Number) as [number, number];
    read(row, col);
  }
  return results;
}

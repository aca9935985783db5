/**
 * An in-memory fake of the parts of the Excel JavaScript API the Office adapter uses, with the
 * semantics the adapter relies on (guide §4.2), so that careless adapter code fails tests:
 *
 * - Batching: proxies queue loads and writes; nothing reaches the cell store and no property can
 *   be read before context.sync(). Reading an unloaded property throws PropertyNotLoaded.
 *   Statements run in order at sync; the first failing one stops the batch (earlier statements
 *   of the batch stay applied, like Excel). Excel.run syncs what is still queued at the end.
 * - Proxies die with their Excel.run: queuing anything on them later throws InvalidObjectPath.
 * - *OrNullObject: isNullObject is set by the next sync; loading a null object is fine, using a
 *   child of it (method or navigation) follows `nullChaining`: "propagate" (children are null
 *   objects too) or "throw" (ItemNotFound at sync).
 * - Writing strings through Range.values parses them like Excel (en-US): "=.." "+.." "-.." "@.."
 *   become formulas, "12.5" a number, "60%" a percentage, "TRUE" a boolean, "#N/A" an error,
 *   "2023-01-31" a date; a leading apostrophe stores the rest as text (the apostrophe is not in
 *   values or formulas). Range.formulas of a text cell returns the text (apostrophe lost, §3.2).
 * - Writing to a protected sheet throws AccessDenied; shape mismatches throw InvalidArgument.
 * - A cell without fill reads fill.color "#FFFFFF" (pattern "None", ExcelApi 1.9).
 * - More than 512 merged areas in a range: getMergedAreasOrNullObject fails the sync (GeneralException).
 * - APIs above `apiVersion` throw ApiNotFound at sync; `requirements` answers isSetSupported.
 * - failAtSync(n, code, { applied }) makes the n-th next sync fail after `applied` write
 *   statements of its batch ran (0: the whole batch is rejected).
 * - Events (section "events" at the end): onChanged on the worksheet collection (ExcelApi 1.9) and
 *   on a worksheet (1.7), onAdded/onDeleted (1.7), onNameChanged (1.17). Handlers are registered
 *   and removed at sync, removed only through the context they were added in (run(context, batch)
 *   reuses a context, as Excel.run does). Writes through Range.values/formulas/clear, sheets added
 *   or deleted through the API fire events the way Excel does, asynchronously after the sync; the
 *   user's own doings fire through userEdit, userAddSheet, userDeleteSheet, userRenameSheet and
 *   userChange. From ExcelApi 1.14 the changed args carry triggerSource ("ThisLocalAddin" for
 *   writes through the API, "Unknown" for the user's).
 */
import { parseRangeA1, quoteSheetName, rangeToA1, toA1 } from "../../src/core/grid/address";
import type { WorkbookSpec } from "../../src/adapters/memory/grid-spec";

export type FakeScalar = string | number | boolean | null;
export type FakeValue = FakeScalar | { readonly error: string };

export interface FakeHyperlink {
  readonly address?: string;
  readonly documentReference?: string;
  readonly screenTip?: string;
  readonly textToDisplay?: string;
}

export interface FakeCell {
  /** Constant, or a formula's cached result; null = blank. */
  value: FakeValue;
  formula?: string;
  numberFormat: string;
  fill: string | null;
  hyperlink?: FakeHyperlink;
  quotePrefix?: boolean;
  bold?: boolean;
}

interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

let fakeSheetIds = 0;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  readonly merges: Rect[] = [];
  /** Validations, page layout, widths and formats written by 插入空白模板 (see the section at the end). */
  readonly layout = new FakeSheetLayout();
  protected = false;
  deleted = false;
  /** Stable across renames, like Excel's worksheet id. */
  readonly id = `{FAKE-SHEET-${++fakeSheetIds}}`;
  constructor(public name: string) {}

  static key(row: number, col: number): number {
    return row * 16_384 + col;
  }

  get(row: number, col: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, col));
  }

  /** The cell, created blank when missing (for writes). */
  at(row: number, col: number): FakeCell {
    const key = FakeSheet.key(row, col);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null, numberFormat: "General", fill: null };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Drops cells that hold nothing at all. */
  tidy(row: number, col: number): void {
    const cell = this.get(row, col);
    if (cell && cell.value === null && cell.formula === undefined && cell.numberFormat === "General" && cell.fill === null && !cell.hyperlink && !cell.bold && !cell.quotePrefix) {
      this.cells.delete(FakeSheet.key(row, col));
    }
  }

  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (valuesOnly && cell.value === null && cell.formula === undefined) continue;
      const row = Math.floor(key / 16_384);
      const col = key % 16_384;
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { errorLocation?: string };
  constructor(readonly code: string, message: string, location?: string) {
    super(message);
    this.debugInfo = location ? { errorLocation: location } : {};
  }
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const READ_CELL_LIMIT = 5_000_000;
const ERROR_LITERALS = new Set(["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA"]);

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

interface Op {
  readonly write: boolean;
  readonly run: () => void;
}

interface Failure {
  readonly code: string;
  readonly applied: number;
}

export interface FakeOptions {
  /** Highest ExcelApi requirement set the fake host supports. Default "1.20". */
  apiVersion?: string;
  nullChaining?: "propagate" | "throw";
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export class ExcelFake {
  readonly sheets: FakeSheet[] = [];
  /** Workbook settings (ExcelApi 1.4), as the JSON-round-tripped values Excel keeps. */
  readonly settings = new Map<string, unknown>();
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  apiVersion: string;
  nullChaining: "propagate" | "throw";
  syncCount = 0;
  runCount = 0;
  lastRunOptions: Excel.RunOptions | null = null;
  readonly runOptionsLog: (Excel.RunOptions | null)[] = [];
  /** Formula results by "sheet|row|col|formula": writing a formula back restores its result. */
  readonly formulaResults = new Map<string, FakeValue>();
  private readonly failures = new Map<number, Failure>();

  constructor(options: FakeOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.20";
    this.nullChaining = options.nullChaining ?? "propagate";
  }

  static fromSpec(spec: WorkbookSpec, options: FakeOptions = {}): ExcelFake {
    const fake = new ExcelFake(options);
    for (const sheetSpec of spec.sheets) {
      const sheet = fake.addSheet(sheetSpec.name);
      sheetSpec.rows.forEach((row, r) => row.forEach((cellSpec, c) => {
        if (cellSpec === undefined || cellSpec === null) return;
        if (typeof cellSpec === "object" && "v" in cellSpec) {
          fake.putCell(sheet.name, r, c, { value: cellSpec.v, formula: cellSpec.f, numberFormat: cellSpec.fmt });
        } else {
          fake.putCell(sheet.name, r, c, { value: cellSpec });
        }
      }));
      for (const merge of sheetSpec.merges ?? []) {
        const range = parseRangeA1(merge);
        if (range) sheet.merges.push(range);
      }
      sheet.protected = sheetSpec.protected ?? false;
    }
    fake.activeSheet = fake.sheets[0]?.name ?? null;
    return fake;
  }

  /** The Excel.run to inject: run(batch) or run(options, batch). */
  readonly run: typeof Excel.run = ((first: unknown, second?: unknown) => {
    if (first instanceof FakeContext) return this.rerun(first, second as Batch<unknown>);
    const options = typeof first === "function" ? null : (first as Excel.RunOptions);
    const batch = (typeof first === "function" ? first : second) as Batch<unknown>;
    return this.runBatch(options, batch);
  }) as unknown as typeof Excel.run;

  /** isSetSupported as Office.context.requirements answers it for this fake host. */
  readonly requirements = {
    isSetSupported: (name: string, version?: string): boolean => name === "ExcelApi" && compareVersions(version ?? "1.1", this.apiVersion) <= 0,
  };

  supports(version: string): boolean {
    return compareVersions(version, this.apiVersion) <= 0;
  }

  private async runBatch(options: Excel.RunOptions | null, batch: Batch<unknown>): Promise<unknown> {
    this.runCount += 1;
    this.lastRunOptions = options;
    this.runOptionsLog.push(options);
    const context = new FakeContext(this);
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.pending()) await context.sync();
      return result;
    } finally {
      context.close();
    }
  }

  /** Makes the n-th next sync fail with `code`, after `applied` write statements of its batch ran. */
  failAtSync(n: number, code = "GeneralException", options: { applied?: number } = {}): void {
    this.failures.set(this.syncCount + n, { code, applied: options.applied ?? 0 });
  }

  /** @internal used by FakeContext */
  takeFailure(syncNumber: number): Failure | undefined {
    const failure = this.failures.get(syncNumber);
    this.failures.delete(syncNumber);
    return failure;
  }

  resetCounts(): void {
    this.syncCount = 0;
    this.runCount = 0;
    this.runOptionsLog.length = 0;
    this.lastRunOptions = null;
  }

  // ----- direct access for tests (what a user or co-author does between our runs) -----

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name && !s.deleted);
  }

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    if (!sheet) return;
    sheet.deleted = true;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    if (sheet) sheet.name = to;
  }

  protect(name: string, on = true): void {
    const sheet = this.sheet(name);
    if (sheet) sheet.protected = on;
  }

  /** Puts a cell as stored (no parsing): value, optional formula and its cached value, format, fill. */
  putCell(sheetName: string, row: number, col: number, cell: { value: FakeValue; formula?: string; numberFormat?: string; fill?: string | null }): void {
    const sheet = this.mustSheet(sheetName);
    const target = sheet.at(row, col);
    target.value = cell.value;
    if (cell.formula !== undefined) {
      target.formula = cell.formula;
      this.formulaResults.set(`${sheet.name}|${row}|${col}|${cell.formula}`, cell.value);
    } else {
      delete target.formula;
    }
    target.numberFormat = cell.numberFormat ?? target.numberFormat;
    if (cell.fill !== undefined) target.fill = cell.fill;
    if (cell.formula === undefined && typeof cell.value === "string" && needsQuotePrefix(cell.value)) target.quotePrefix = true;
    else delete target.quotePrefix;
    sheet.tidy(row, col);
  }

  /** A user typing `input` into a cell (Excel's parsing applies). */
  typeInto(sheetName: string, a1: string, input: string | number | boolean): void {
    const range = parseRangeA1(a1);
    if (!range) throw new Error(`bad address ${a1}`);
    this.writeValue(this.mustSheet(sheetName), range.top, range.left, input);
  }

  /** A copy of the cell at "B7" (undefined when it holds nothing). */
  cell(sheetName: string, a1: string): FakeCell | undefined {
    const range = parseRangeA1(a1);
    if (!range) throw new Error(`bad address ${a1}`);
    const cell = this.sheet(sheetName)?.get(range.top, range.left);
    return cell ? structuredClone(cell) : undefined;
  }

  /** Every cell, sheet flag and setting (a deep copy), for "nothing changed" comparisons. */
  dump(): unknown {
    const sheets = this.sheets.map((s) => ({
      name: s.name,
      protected: s.protected,
      merges: s.merges.map((m) => rangeToA1({ sheet: s.name, ...m })),
      cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]).map(([key, cell]) => [toA1({ row: Math.floor(key / 16_384), col: key % 16_384 }), cell]),
    }));
    return structuredClone({ sheets, settings: [...this.settings.entries()].sort(), active: this.activeSheet });
  }

  mustSheet(name: string): FakeSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  // ----- events: see the section "events" at the end -----

  /** Every handler registered so far (removed ones have active false). */
  readonly eventRegistrations: FakeEventRegistration[] = [];
  /** Every event delivered to at least one handler, in order. */
  readonly deliveredEvents: { kind: FakeEventKind; args: Record<string, unknown> }[] = [];
  /** Errors thrown or rejected by handlers (a correct add-in leaves this empty). */
  readonly handlerErrors: unknown[] = [];
  /** Delay before an event reaches the handlers (Excel delivers them asynchronously). */
  eventDelayMs = 0;
  private readonly eventsInFlight = new Set<Promise<void>>();

  /** Handlers currently registered (all kinds, or one kind). */
  activeHandlers(kind?: FakeEventKind): number {
    return this.eventRegistrations.filter((r) => r.active && (kind === undefined || r.kind === kind)).length;
  }

  /** The user types into one cell (Excel's parsing), then onChanged fires for it. */
  userEdit(sheetName: string, a1: string, input: string | number | boolean): void {
    this.typeInto(sheetName, a1, input);
    const range = parseRangeA1(a1)!;
    this.emitChanged(this.mustSheet(sheetName), range, "Unknown");
  }

  /** onChanged as the user's doing with any address Excel may send ("A:A", "1:3", "A1,C3"); cells are not touched. */
  userChange(sheetName: string, address: string, triggerSource: "Unknown" | "ThisLocalAddin" = "Unknown"): void {
    this.emitChanged(this.mustSheet(sheetName), address, triggerSource);
  }

  userAddSheet(name: string): FakeSheet {
    const sheet = this.addSheet(name);
    this.emitSheetEvent("onAdded", sheet);
    return sheet;
  }

  userDeleteSheet(name: string): void {
    this.emitSheetEvent("onDeleted", this.mustSheet(name));
    this.deleteSheet(name);
  }

  userRenameSheet(from: string, to: string): void {
    const sheet = this.mustSheet(from);
    this.renameSheet(from, to);
    this.emitSheetEvent("onNameChanged", sheet, { nameBefore: from, nameAfter: to });
  }

  /** Resolves when every event fired so far reached its handlers and their promises settled. */
  async flushEvents(): Promise<void> {
    for (let i = 0; i < 100 && this.eventsInFlight.size > 0; i++) await Promise.allSettled([...this.eventsInFlight]);
  }

  /** @internal onChanged for `rect` (or a raw address) of `sheet`. */
  emitChanged(sheet: FakeSheet, where: Rect | string, triggerSource: "Unknown" | "ThisLocalAddin"): void {
    if (!this.eventRegistrations.some((r) => r.active && r.kind === "onChanged")) return;
    const address = typeof where === "string" ? where : rangeToA1({ sheet: "", ...where });
    const args: Record<string, unknown> = {
      type: "WorksheetChanged", address, changeType: "RangeEdited", source: "Local", worksheetId: sheet.id,
      ...(this.supports("1.14") ? { triggerSource } : {}),
    };
    this.deliver("onChanged", sheet, args);
  }

  /** @internal onAdded / onDeleted / onNameChanged for `sheet`. */
  emitSheetEvent(kind: "onAdded" | "onDeleted" | "onNameChanged", sheet: FakeSheet, extra: Record<string, unknown> = {}): void {
    if (!this.eventRegistrations.some((r) => r.active && r.kind === kind)) return;
    const type = { onAdded: "WorksheetAdded", onDeleted: "WorksheetDeleted", onNameChanged: "WorksheetNameChanged" }[kind];
    this.deliver(kind, sheet, { type, source: "Local", worksheetId: sheet.id, ...extra });
  }

  /** The handlers are chosen when the event arrives, after eventDelayMs. */
  private deliver(kind: FakeEventKind, sheet: FakeSheet, args: Record<string, unknown>): void {
    const delivery = new Promise<void>((resolve) => {
      setTimeout(() => {
        const targets = this.eventRegistrations.filter((r) => r.active && r.kind === kind && (r.sheet === null || r.sheet === sheet));
        if (targets.length > 0) this.deliveredEvents.push({ kind, args: structuredClone(args) });
        const calls = targets.map(async (r) => {
          try {
            await r.handler(structuredClone(args));
          } catch (error) {
            this.handlerErrors.push(error);
          }
        });
        void Promise.all(calls).then(() => resolve());
      }, this.eventDelayMs);
    });
    this.eventsInFlight.add(delivery);
    void delivery.then(() => this.eventsInFlight.delete(delivery));
  }

  /** run(context, batch): one more batch on a context an earlier run made. */
  private async rerun(context: FakeContext, batch: Batch<unknown>): Promise<unknown> {
    this.runCount += 1;
    context.reopen();
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.pending()) await context.sync();
      return result;
    } finally {
      context.close();
    }
  }

  // ----- Excel semantics of writes -----

  /** Writes one entry of Range.values or Range.formulas, parsed like Excel (en-US). */
  writeValue(sheet: FakeSheet, row: number, col: number, input: unknown): void {
    if (input === null || input === undefined) return;
    if (typeof input === "number" && !Number.isFinite(input)) throw new FakeOfficeError("InvalidArgument", "number is not finite");
    if (typeof input !== "number" && typeof input !== "boolean" && typeof input !== "string") {
      throw new FakeOfficeError("InvalidArgument", "unsupported value type");
    }
    const cell = sheet.at(row, col);
    const parsed = parseInput(input);
    if (cell.formula !== undefined) this.formulaResults.set(`${sheet.name}|${row}|${col}|${cell.formula}`, cell.value);
    if (parsed.formula !== undefined) {
      cell.formula = parsed.formula;
      cell.value = this.formulaResults.get(`${sheet.name}|${row}|${col}|${parsed.formula}`) ?? { error: "#NAME?" };
    } else {
      cell.value = parsed.value;
      delete cell.formula;
    }
    if (parsed.quotePrefix) cell.quotePrefix = true;
    else delete cell.quotePrefix;
    if (parsed.numberFormat && cell.numberFormat === "General") cell.numberFormat = parsed.numberFormat;
    sheet.tidy(row, col);
  }
}

/** How Excel (en-US) stores what is typed or written through Range.values / Range.formulas. */
export function parseInput(input: string | number | boolean): { value: FakeValue; formula?: string; numberFormat?: string; quotePrefix?: boolean } {
  if (typeof input !== "string") return { value: input };
  const text = input;
  const numeric = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
  const percent = /^\s*([+-]?(\d+(\.\d*)?|\.\d+))\s*%\s*$/.exec(text);
  const date = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$/.exec(text);
  if (text === "") return { value: null };
  if (text.startsWith("'")) return { value: text.slice(1), quotePrefix: true };
  if (text.startsWith("=") && text.length > 1) return { value: null, formula: text };
  if (numeric.test(text)) return { value: Number(text) };
  if (percent) return { value: Number(percent[1]) / 100, numberFormat: percent[1]!.includes(".") ? "0.00%" : "0%" };
  if ((text.startsWith("+") || text.startsWith("-")) && text.length > 1) return { value: null, formula: `=${text}` };
  if (text.startsWith("@") && text.length > 1) return { value: null, formula: `=${text.slice(1)}` };
  if (/^\s*(true|false)\s*$/i.test(text)) return { value: /true/i.test(text) };
  if (ERROR_LITERALS.has(text.trim().toUpperCase())) return { value: { error: text.trim().toUpperCase() } };
  if (date) {
    const serial = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / 86_400_000 + 25_569;
    return { value: serial, numberFormat: "yyyy-mm-dd" };
  }
  return { value: text };
}

/** A text a cell holds as text only thanks to Excel's quote prefix (typed with a leading apostrophe). */
function needsQuotePrefix(text: string): boolean {
  const parsed = parseInput(text);
  return parsed.formula !== undefined || parsed.value !== text;
}

// ===================================================================== proxies

interface ResolvedRange {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

class FakeContext {
  private queue: Op[] = [];
  private closed = false;
  readonly workbook: FakeWorkbook;

  constructor(readonly fake: ExcelFake) {
    this.workbook = new FakeWorkbook(this);
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  close(): void {
    this.closed = true;
  }

  /** run(context, batch): the context serves one more batch (events: handlers are removed through it). */
  reopen(): void {
    this.closed = false;
  }

  enqueue(write: boolean, run: () => void): void {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", "The object was used after its Excel.run ended");
    this.queue.push({ write, run });
  }

  /** Queues a statement that fails at sync (an API above the fake host's requirement set). */
  requireApi(version: string, api: string): void {
    if (!this.fake.supports(version)) {
      this.enqueue(false, () => {
        throw new FakeOfficeError("ApiNotFound", `${api} needs ExcelApi ${version}`, api);
      });
    }
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidRequestContext", "sync after Excel.run ended");
    this.fake.syncCount += 1;
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    const failure = this.fake.takeFailure(this.fake.syncCount);
    let writes = 0;
    for (const op of ops) {
      if (failure && op.write && writes >= failure.applied) {
        throw new FakeOfficeError(failure.code, `injected failure ${failure.code}`);
      }
      op.run();
      if (op.write) writes += 1;
    }
    if (failure) throw new FakeOfficeError(failure.code, `injected failure ${failure.code}`);
  }
}

/** Base of every proxy: loaded properties, PropertyNotLoaded, null objects. */
abstract class FakeProxy {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(readonly context: FakeContext, protected readonly nullable: boolean) {
    if (nullable) {
      context.enqueue(false, () => {
        this.nullState = this.resolveTarget() === null;
      });
    }
  }

  /** The object this proxy stands for at sync time; null for a null object; throws when missing. */
  abstract resolveTarget(): unknown;

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      if (!this.nullable) return false;
      throw new FakeOfficeError("PropertyNotLoaded", "isNullObject is not available before context.sync()");
    }
    return this.nullState;
  }

  protected read<T>(name: string): T {
    if (this.nullState === true) return undefined as T;
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError("PropertyNotLoaded", `The property '${name}' is not available. Call load and context.sync() first.`, name);
    }
    return this.loaded.get(name) as T;
  }

  load(spec?: string | string[]): this {
    if (spec === undefined) throw new Error("fake: load() without properties is not allowed (guide §2.1)");
    const paths = (Array.isArray(spec) ? spec : spec.split(",")).map((p) => p.trim()).filter((p) => p !== "");
    this.context.enqueue(false, () => {
      const target = this.resolveTarget();
      if (target === null) {
        this.nullState = true;
        return;
      }
      this.loadPaths(paths, target);
    });
    return this;
  }

  /** Loads the given paths now (inside a sync); the target is resolved once for all of them. */
  loadPaths(paths: readonly string[], resolved?: unknown): void {
    const target = resolved === undefined ? this.resolveTarget() : resolved;
    const here: string[] = [];
    const below = new Map<string, string[]>();
    for (const path of paths) {
      const slash = path.indexOf("/");
      if (slash < 0) here.push(path);
      else {
        const head = path.slice(0, slash);
        const list = below.get(head) ?? [];
        list.push(path.slice(slash + 1));
        below.set(head, list);
      }
    }
    for (const name of here) this.loaded.set(name, this.compute(name, target));
    for (const [head, rest] of below) {
      const child = this.navigate(head);
      if (!child) throw new FakeOfficeError("InvalidArgument", `cannot load ${head}/${rest.join(",")}`);
      child.loadPaths(rest);
    }
  }

  /** The value of scalar property `name` for the resolved target (null for a null object). */
  protected abstract compute(name: string, target: unknown): unknown;

  protected navigate(_name: string): FakeProxy | FakeCollection | undefined {
    return undefined;
  }

  /** For children: the parent's target, applying the null-chaining rule. */
  protected parentTarget<T>(parent: { resolveTarget(): unknown }): T | null {
    const target = parent.resolveTarget();
    if (target !== null) return target as T;
    if (this.context.fake.nullChaining === "throw") {
      throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist (child of a null object).");
    }
    return null;
  }
}

/** Collections: `items` once loaded; load("items/...") loads each item's properties. */
abstract class FakeCollection {
  private loadedItems: unknown[] | undefined;
  constructor(readonly context: FakeContext) {}

  protected abstract makeItems(): { loadPaths(paths: readonly string[]): void }[] | null;

  get items(): never[] {
    if (this.loadedItems === undefined) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available.", "items");
    return this.loadedItems as never[];
  }

  load(spec: string | string[]): this {
    const paths = (Array.isArray(spec) ? spec : spec.split(",")).map((p) => p.trim()).filter((p) => p !== "");
    this.context.enqueue(false, () => this.loadPaths(paths));
    return this;
  }

  loadPaths(paths: readonly string[]): void {
    const items = this.makeItems();
    if (items === null) return;
    const rest = paths.map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items");
    for (const item of items) item.loadPaths(rest);
    this.loadedItems = items;
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.settings = new FakeSettingCollection(context);
  }
}

class FakeWorksheetCollection extends FakeCollection {
  protected makeItems(): FakeWorksheet[] {
    return this.context.fake.sheets.map((sheet) => new FakeWorksheet(this.context, () => sheet, false));
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      // Excel finds a sheet by name or by id.
      const sheet = this.context.fake.sheet(name) ?? this.context.fake.sheets.find((s) => s.id === name && !s.deleted);
      if (!sheet) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`, "WorksheetCollection.getItem");
      return sheet;
    }, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.context.requireApi("1.4", "WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(this.context, () => this.context.fake.sheet(name) ?? null, true);
  }

  // ----- events (see the section "events" at the end) -----
  get onChanged(): FakeEventHandlers { return new FakeEventHandlers(this.context, "onChanged", "1.9", "WorksheetCollection", null); }
  get onAdded(): FakeEventHandlers { return new FakeEventHandlers(this.context, "onAdded", "1.7", "WorksheetCollection", null); }
  get onDeleted(): FakeEventHandlers { return new FakeEventHandlers(this.context, "onDeleted", "1.7", "WorksheetCollection", null); }
  get onNameChanged(): FakeEventHandlers { return new FakeEventHandlers(this.context, "onNameChanged", "1.17", "WorksheetCollection", null); }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.context.enqueue(true, () => {
      if (this.context.fake.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} exists`, "WorksheetCollection.add");
      created = this.context.fake.addSheet(name);
      this.context.fake.emitSheetEvent("onAdded", created);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeOfficeError("InvalidObjectPath", "sheet not created yet");
      return created;
    }, false);
  }
}

class FakeWorksheet extends FakeProxy {
  readonly protection: FakeWorksheetProtection;

  constructor(context: FakeContext, private readonly resolver: () => FakeSheet | null, nullable: boolean) {
    super(context, nullable);
    this.protection = new FakeWorksheetProtection(context, this);
  }

  resolveTarget(): FakeSheet | null {
    const sheet = this.resolver();
    if (sheet?.deleted) throw new FakeOfficeError("ItemNotFound", "The worksheet was deleted", "Worksheet");
    return sheet;
  }

  get name(): string {
    return this.read<string>("name");
  }

  get id(): string {
    return this.read<string>("id");
  }

  /** Worksheet.onChanged (ExcelApi 1.7): this sheet's changes only (see the section "events"). */
  get onChanged(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, "onChanged", "1.7", "Worksheet", () => this.resolveTarget());
  }

  protected compute(name: string, target: unknown): unknown {
    const sheet = target as FakeSheet | null;
    if (name === "name") return sheet?.name;
    if (name === "id") return sheet?.id;
    throw new FakeOfficeError("InvalidArgument", `fake Worksheet cannot load ${name}`);
  }

  protected override navigate(name: string): FakeProxy | undefined {
    return name === "protection" ? this.protection : undefined;
  }

  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.context, this, () => ({ top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }));
    const range = parseRangeA1(address.replace(/\$/g, ""));
    if (!range) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
    return new FakeRange(this.context, this, () => range);
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this, () => ({ top: row, left: column, bottom: row, right: column }));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.context.requireApi("1.7", "Worksheet.getRangeByIndexes");
    return new FakeRange(this.context, this, () => ({ top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 }));
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this, (sheet) => sheet.usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.context.requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(this.context, this, (sheet) => sheet.usedRect(valuesOnly), true);
  }

  // ----- template writing (insert-template.ts): page layout, delete -----
  get pageLayout(): FakePageLayout {
    this.context.requireApi("1.9", "Worksheet.pageLayout");
    return new FakePageLayout(this.context, () => this.resolveTarget());
  }

  delete(): void {
    this.context.enqueue(true, () => {
      const sheet = this.resolveTarget();
      if (sheet) this.context.fake.emitSheetEvent("onDeleted", sheet);
      if (sheet) this.context.fake.deleteSheet(sheet.name);
    });
  }

  activate(): void {
    this.context.enqueue(true, () => {
      const sheet = this.resolveTarget();
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "activate on a null object");
      this.context.fake.activeSheet = sheet.name;
    });
  }
}

class FakeWorksheetProtection extends FakeProxy {
  constructor(context: FakeContext, private readonly worksheet: FakeWorksheet) {
    super(context, false);
  }

  resolveTarget(): FakeSheet | null {
    return this.parentTarget<FakeSheet>(this.worksheet);
  }

  get protected(): boolean {
    return this.read<boolean>("protected");
  }

  protected compute(name: string, target: unknown): unknown {
    if (name === "protected") return (target as FakeSheet | null)?.protected;
    throw new FakeOfficeError("InvalidArgument", `fake WorksheetProtection cannot load ${name}`);
  }
}

type RectFn = (sheet: FakeSheet) => Rect | null;

class FakeRange extends FakeProxy {
  readonly format: FakeRangeFormat;

  constructor(context: FakeContext, private readonly owner: FakeWorksheet | FakeRange, private readonly rectFn: RectFn, nullable = false) {
    super(context, nullable);
    this.format = new FakeRangeFormat(context, this);
  }

  resolveTarget(): ResolvedRange | null {
    let sheet: FakeSheet | null;
    if (this.owner instanceof FakeWorksheet) sheet = this.parentTarget<FakeSheet>(this.owner);
    else sheet = this.parentTarget<ResolvedRange>(this.owner)?.sheet ?? null;
    if (!sheet) return null;
    const rect = this.rectFn(sheet);
    if (!rect) return null;
    if (rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS || rect.bottom < rect.top || rect.right < rect.left) {
      throw new FakeOfficeError("InvalidArgument", "range outside the sheet");
    }
    return { sheet, rect };
  }

  private mustResolve(): ResolvedRange {
    const target = this.resolveTarget();
    if (!target) throw new FakeOfficeError("ItemNotFound", "The requested range is a null object");
    return target;
  }

  get values(): unknown[][] { return this.read("values"); }
  get formulas(): unknown[][] { return this.read("formulas"); }
  get numberFormat(): unknown[][] { return this.read("numberFormat"); }
  get valueTypes(): string[][] { return this.read("valueTypes"); }
  get text(): string[][] { return this.read("text"); }
  get address(): string { return this.read("address"); }
  get rowIndex(): number { return this.read("rowIndex"); }
  get columnIndex(): number { return this.read("columnIndex"); }
  get rowCount(): number { return this.read("rowCount"); }
  get columnCount(): number { return this.read("columnCount"); }
  get hyperlink(): FakeHyperlink | null { return this.read("hyperlink"); }

  set values(grid: unknown) { this.queueGrid("values", grid); }
  set formulas(grid: unknown) { this.queueGrid("formulas", grid); }
  set numberFormat(grid: unknown) { this.queueGrid("numberFormat", grid); }
  set hyperlink(link: FakeHyperlink | null) {
    this.context.requireApi("1.7", "Range.hyperlink");
    this.context.enqueue(true, () => {
      const { sheet, rect } = this.writable();
      forEachCell(rect, (r, c) => {
        const cell = sheet.at(r, c);
        if (link === null) delete cell.hyperlink;
        else {
          cell.hyperlink = { ...link };
          if (link.textToDisplay !== undefined) {
            cell.value = link.textToDisplay;
            delete cell.formula;
          }
        }
        sheet.tidy(r, c);
      });
      if (link?.textToDisplay !== undefined) this.context.fake.emitChanged(sheet, rect, "ThisLocalAddin");
    });
  }

  /** The target for a write: must exist and not be on a protected sheet. */
  writable(): ResolvedRange {
    const target = this.mustResolve();
    if (target.sheet.protected) throw new FakeOfficeError("AccessDenied", "You cannot perform the requested operation.", "Range");
    return target;
  }

  private queueGrid(kind: "values" | "formulas" | "numberFormat", grid: unknown): void {
    this.context.enqueue(true, () => {
      const { sheet, rect } = this.writable();
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      const entry = (r: number, c: number): unknown => {
        if (!Array.isArray(grid)) return grid;
        const row: unknown = grid[r];
        return Array.isArray(row) ? row[c] : undefined;
      };
      if (Array.isArray(grid)) {
        if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
          throw new FakeOfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
        }
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const value = entry(r, c);
          const row = rect.top + r;
          const col = rect.left + c;
          if (kind === "numberFormat") {
            if (value === null || value === undefined) continue;
            if (typeof value !== "string") throw new FakeOfficeError("InvalidArgument", "numberFormat must be text");
            sheet.at(row, col).numberFormat = value === "" ? "General" : value;
            sheet.tidy(row, col);
          } else {
            this.context.fake.writeValue(sheet, row, col, value);
          }
        }
      }
      if (kind !== "numberFormat") this.context.fake.emitChanged(sheet, rect, "ThisLocalAddin");
    });
  }

  protected compute(name: string, target: unknown): unknown {
    if (target === null) throw new FakeOfficeError("ItemNotFound", "The requested range is a null object");
    const { sheet, rect } = target as ResolvedRange;
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    const grid = <T>(fn: (cell: FakeCell | undefined) => T): T[][] | null => {
      if (rows * cols > READ_CELL_LIMIT) return null;
      const out: T[][] = [];
      for (let r = 0; r < rows; r++) {
        const row: T[] = [];
        for (let c = 0; c < cols; c++) row.push(fn(sheet.get(rect.top + r, rect.left + c)));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case "values": return grid((cell) => displayValue(cell));
      case "formulas": return grid((cell) => (cell?.formula !== undefined ? cell.formula : displayValue(cell)));
      case "numberFormat": return grid((cell) => cell?.numberFormat ?? "General");
      case "valueTypes": return grid((cell) => valueType(cell));
      case "text": return grid((cell) => textOf(cell));
      case "address": return `${quoteSheetName(sheet.name)}!${rangeToA1({ sheet: sheet.name, ...rect })}`;
      case "rowIndex": return rect.top;
      case "columnIndex": return rect.left;
      case "rowCount": return rows;
      case "columnCount": return cols;
      case "hyperlink": {
        if (!this.context.fake.supports("1.7")) throw new FakeOfficeError("ApiNotFound", "Range.hyperlink needs ExcelApi 1.7");
        const link = sheet.get(rect.top, rect.left)?.hyperlink;
        return link ? { ...link } : null;
      }
      default: throw new FakeOfficeError("InvalidArgument", `fake Range cannot load ${name}`);
    }
  }

  protected override navigate(name: string): FakeProxy | undefined {
    return name === "format" ? this.format : undefined;
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this, () => {
      const base = this.mustResolve().rect;
      return { top: base.top + row, left: base.left + column, bottom: base.top + row, right: base.left + column };
    });
  }

  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(this.context, this, () => {
      const a = this.mustResolve();
      const b = other.mustResolve();
      if (a.sheet !== b.sheet) throw new FakeOfficeError("InvalidArgument", "ranges on different sheets");
      return {
        top: Math.min(a.rect.top, b.rect.top),
        left: Math.min(a.rect.left, b.rect.left),
        bottom: Math.max(a.rect.bottom, b.rect.bottom),
        right: Math.max(a.rect.right, b.rect.right),
      };
    });
  }

  // ----- template writing (insert-template.ts): merge, data validation -----
  merge(across = false): void {
    this.context.requireApi("1.2", "Range.merge");
    this.context.enqueue(true, () => {
      const { sheet, rect } = this.writable();
      if (across) for (let r = rect.top; r <= rect.bottom; r++) sheet.merges.push({ ...rect, top: r, bottom: r });
      else sheet.merges.push({ ...rect });
    });
  }

  get dataValidation(): FakeDataValidation {
    this.context.requireApi("1.8", "Range.dataValidation");
    return new FakeDataValidation(this.context, () => this.writable());
  }

  get conditionalFormats(): FakeConditionalFormats {
    this.context.requireApi("1.6", "Range.conditionalFormats");
    return new FakeConditionalFormats(this.context, () => this.writable());
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.requireApi("1.13", "Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(this.context, this);
  }

  select(): void {
    this.context.enqueue(true, () => {
      const { sheet, rect } = this.mustResolve();
      if (this.context.fake.activeSheet !== sheet.name) {
        throw new FakeOfficeError("InvalidSelection", "select() on a sheet that is not active", "Range.select");
      }
      this.context.fake.selection = { sheet: sheet.name, address: rangeToA1({ sheet: sheet.name, ...rect }) };
    });
  }

  clear(applyTo: string = "All"): void {
    this.context.enqueue(true, () => {
      const { sheet, rect } = this.writable();
      for (const [key, cell] of [...sheet.cells]) {
        const row = Math.floor(key / 16_384);
        const col = key % 16_384;
        if (row < rect.top || row > rect.bottom || col < rect.left || col > rect.right) continue;
        if (applyTo === "All" || applyTo === "Contents") {
          cell.value = null;
          delete cell.formula;
          delete cell.quotePrefix;
        }
        if (applyTo === "All" || applyTo === "Formats") {
          cell.numberFormat = "General";
          cell.fill = null;
          delete cell.bold;
        }
        if (applyTo === "All" || applyTo === "Hyperlinks") delete cell.hyperlink;
        sheet.tidy(row, col);
      }
      if (applyTo === "All" || applyTo === "Contents") this.context.fake.emitChanged(sheet, rect, "ThisLocalAddin");
    });
  }
}

class FakeRangeAreas extends FakeProxy {
  readonly areas: FakeAreaCollection;

  constructor(context: FakeContext, private readonly range: FakeRange) {
    super(context, true);
    this.areas = new FakeAreaCollection(context, this);
  }

  resolveTarget(): { sheet: FakeSheet; rects: Rect[] } | null {
    const target = this.parentTarget<ResolvedRange>(this.range);
    if (!target) return null;
    const { sheet, rect } = target;
    const rects = sheet.merges.filter((m) => m.top >= rect.top && m.top <= rect.bottom && m.left >= rect.left && m.left <= rect.right);
    // Documented: the merged areas of a range cannot be got past 512 of them; the batch fails.
    if (rects.length > 512) throw new FakeOfficeError("GeneralException", "getMergedAreasOrNullObject: more than 512 merged areas");
    return rects.length === 0 ? null : { sheet, rects };
  }

  protected compute(name: string, resolved: unknown): unknown {
    const target = resolved as { sheet: FakeSheet; rects: Rect[] } | null;
    if (name === "areaCount") return target?.rects.length ?? 0;
    if (name === "address") return target?.rects.map((r) => `${quoteSheetName(target.sheet.name)}!${rangeToA1({ sheet: "", ...r })}`).join(",");
    throw new FakeOfficeError("InvalidArgument", `fake RangeAreas cannot load ${name}`);
  }

  protected override navigate(name: string): FakeCollection | undefined {
    return name === "areas" ? this.areas : undefined;
  }
}

class FakeAreaCollection extends FakeCollection {
  constructor(context: FakeContext, private readonly owner: FakeRangeAreas) {
    super(context);
  }

  protected makeItems(): FakeRange[] | null {
    const target = this.owner.resolveTarget();
    if (!target) {
      if (this.context.fake.nullChaining === "throw") throw new FakeOfficeError("ItemNotFound", "areas of a null object");
      return null;
    }
    return target.rects.map((rect) => {
      const sheetProxy = new FakeWorksheet(this.context, () => target.sheet, false);
      return new FakeRange(this.context, sheetProxy, () => rect);
    });
  }
}

class FakeRangeFormat extends FakeProxy {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;

  constructor(context: FakeContext, readonly range: FakeRange) {
    super(context, false);
    this.fill = new FakeRangeFill(context, range);
    this.font = new FakeRangeFont(context, range);
  }

  resolveTarget(): ResolvedRange | null {
    return this.range.resolveTarget();
  }

  protected compute(name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `fake RangeFormat cannot load ${name}`);
  }

  protected override navigate(name: string): FakeProxy | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return undefined;
  }

  // ----- template writing (insert-template.ts): widths, heights, alignment, borders -----
  set columnWidth(points: number) { this.record("columnWidth", points, "1.2"); }
  set rowHeight(points: number) { this.record("rowHeight", points, "1.2"); }
  set wrapText(on: boolean) { this.record("wrapText", on, "1.1"); }
  set horizontalAlignment(value: string) { this.record("horizontalAlignment", value, "1.1"); }
  set verticalAlignment(value: string) { this.record("verticalAlignment", value, "1.1"); }

  get borders(): { getItem(edge: string): { style: string } } {
    return {
      getItem: (edge: string) => {
        const record = (style: string) => this.record(`border.${edge}`, style, "1.1");
        return { set style(style: string) { record(style); }, get style(): string { throw new FakeOfficeError("PropertyNotLoaded", "border style is write-only in this fake"); } };
      },
    };
  }

  private record(property: string, value: unknown, version: string): void {
    this.context.requireApi(version, `RangeFormat.${property}`);
    this.context.enqueue(true, () => {
      const { sheet, rect } = this.range.writable();
      sheet.layout.formats.push({ range: rangeToA1({ sheet: "", ...rect }), property, value });
      if (property === "columnWidth") for (let c = rect.left; c <= rect.right; c++) sheet.layout.columnWidths.set(c, value as number);
      if (property === "rowHeight") for (let r = rect.top; r <= rect.bottom; r++) sheet.layout.rowHeights.set(r, value as number);
    });
  }

  autofitColumns(): void {
    this.context.enqueue(true, () => {
      this.range.writable();
    });
  }
}

class FakeRangeFill extends FakeProxy {
  constructor(context: FakeContext, private readonly range: FakeRange) {
    super(context, false);
  }

  resolveTarget(): ResolvedRange | null {
    return this.range.resolveTarget();
  }

  get color(): string | null { return this.read("color"); }
  get pattern(): string | null { return this.read("pattern"); }

  set color(color: string) {
    this.context.enqueue(true, () => {
      const { sheet, rect } = this.range.writable();
      if (!/^#[0-9A-Fa-f]{6}$/.test(color)) throw new FakeOfficeError("InvalidArgument", `bad colour ${color}`);
      forEachCell(rect, (r, c) => {
        sheet.at(r, c).fill = color.toUpperCase();
      });
    });
  }

  clear(): void {
    this.context.enqueue(true, () => {
      const { sheet, rect } = this.range.writable();
      forEachCell(rect, (r, c) => {
        const cell = sheet.get(r, c);
        if (cell) {
          cell.fill = null;
          sheet.tidy(r, c);
        }
      });
    });
  }

  override load(spec?: string | string[]): this {
    const names = Array.isArray(spec) ? spec : (spec ?? "").split(",");
    if (names.some((n) => n.trim() === "pattern")) this.context.requireApi("1.9", "RangeFill.pattern");
    return super.load(spec);
  }

  protected compute(name: string, resolved: unknown): unknown {
    const target = resolved as ResolvedRange | null;
    if (!target) return undefined;
    const fills = new Set<string | null>();
    forEachCell(target.rect, (r, c) => {
      fills.add(target.sheet.get(r, c)?.fill ?? null);
    }, 10_000);
    const only = fills.size === 1 ? [...fills][0]! : undefined;
    if (name === "color") return only === undefined ? null : only ?? "#FFFFFF";
    if (name === "pattern") return only === undefined ? null : only === null ? "None" : "Solid";
    throw new FakeOfficeError("InvalidArgument", `fake RangeFill cannot load ${name}`);
  }
}

class FakeRangeFont extends FakeProxy {
  constructor(context: FakeContext, private readonly range: FakeRange) {
    super(context, false);
  }

  resolveTarget(): ResolvedRange | null {
    return this.range.resolveTarget();
  }

  set bold(on: boolean) {
    this.context.enqueue(true, () => {
      const { sheet, rect } = this.range.writable();
      forEachCell(rect, (r, c) => {
        sheet.at(r, c).bold = on;
        sheet.tidy(r, c);
      });
    });
  }

  get bold(): boolean { return this.read("bold"); }

  protected compute(name: string, resolved: unknown): unknown {
    const target = resolved as ResolvedRange | null;
    if (name === "bold") return target ? target.sheet.get(target.rect.top, target.rect.left)?.bold === true : undefined;
    throw new FakeOfficeError("InvalidArgument", `fake RangeFont cannot load ${name}`);
  }
}

class FakeSettingCollection {
  constructor(readonly context: FakeContext) {}

  add(key: string, value: unknown): FakeSetting {
    this.context.requireApi("1.4", "SettingCollection.add");
    this.context.enqueue(true, () => {
      if (value === undefined) throw new FakeOfficeError("InvalidArgument", "setting value is undefined");
      this.context.fake.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new FakeSetting(this.context, key, false);
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, key, false);
  }

  getItemOrNullObject(key: string): FakeSetting {
    this.context.requireApi("1.4", "SettingCollection.getItemOrNullObject");
    return new FakeSetting(this.context, key, true);
  }
}

class FakeSetting extends FakeProxy {
  constructor(context: FakeContext, readonly key: string, nullable: boolean) {
    super(context, nullable);
  }

  resolveTarget(): { key: string } | null {
    if (this.context.fake.settings.has(this.key)) return { key: this.key };
    if (this.nullable) return null;
    throw new FakeOfficeError("ItemNotFound", `No setting ${this.key}`, "SettingCollection.getItem");
  }

  get value(): unknown {
    return this.read("value");
  }

  protected compute(name: string): unknown {
    if (name === "value") return structuredClone(this.context.fake.settings.get(this.key));
    if (name === "key") return this.key;
    throw new FakeOfficeError("InvalidArgument", `fake Setting cannot load ${name}`);
  }

  delete(): void {
    this.context.enqueue(true, () => {
      if (this.resolveTarget() === null) throw new FakeOfficeError("ItemNotFound", "delete on a null setting");
      this.context.fake.settings.delete(this.key);
    });
  }
}

// ===================================================================== helpers

function forEachCell(rect: Rect, fn: (row: number, col: number) => void, limit = Infinity): void {
  let n = 0;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      fn(r, c);
      n += 1;
      if (n >= limit) return;
    }
  }
}

function displayValue(cell: FakeCell | undefined): FakeScalar {
  const value = cell?.value ?? null;
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return value;
}

function valueType(cell: FakeCell | undefined): string {
  const value = cell?.value ?? null;
  if (value === null) return "Empty";
  if (typeof value === "object") return "Error";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return "String";
}

function textOf(cell: FakeCell | undefined): string {
  const value = cell?.value ?? null;
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const format = cell?.numberFormat ?? "General";
  const percent = /^0(\.(0+))?%$/.exec(format);
  if (percent) return `${(value * 100).toFixed(percent[2]?.length ?? 0)}%`;
  const fixed = /^0(\.(0+))?$/.exec(format);
  if (fixed) return value.toFixed(fixed[2]?.length ?? 0);
  return String(value);
}

// ----- template writing (insert-template.ts): what 插入空白模板 records beyond cells -----

export class FakeSheetLayout {
  readonly dataValidations: { range: string; rule?: unknown; errorAlert?: unknown; ignoreBlanks?: boolean }[] = [];
  readonly pageLayout: Record<string, unknown> = {};
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Format properties in the order written: { range: "A1:C3", property: "wrapText", value: true }. */
  readonly formats: { range: string; property: string; value: unknown }[] = [];
  /** Conditional formats (ExcelApi 1.6) in the order added; custom ones record their formula and colours. */
  readonly conditionalFormats: FakeConditionalFormatEntry[] = [];
}

export interface FakeConditionalFormatEntry {
  range: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
}

/** Range.conditionalFormats (ExcelApi 1.6): add(type) records an entry; a custom format's rule formula must start with "=". */
class FakeConditionalFormats {
  constructor(private readonly context: FakeContext, private readonly target: () => ResolvedRange) {}

  add(type: string): { custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } } {
    let entry: FakeConditionalFormatEntry | undefined;
    this.context.enqueue(true, () => {
      const { sheet, rect } = this.target();
      entry = { range: rangeToA1({ sheet: "", ...rect }), type };
      sheet.layout.conditionalFormats.push(entry);
    });
    const set = (property: "formula" | "fill" | "fontColor", value: string) => {
      this.context.enqueue(true, () => {
        if (!entry) throw new FakeOfficeError("InvalidObjectPath", "conditional format was not added");
        if (property === "formula" && !value.startsWith("=")) throw new FakeOfficeError("InvalidArgument", `a rule formula starts with "=": ${value}`);
        if (property !== "formula" && !/^#[0-9A-Fa-f]{6}$/.test(value)) throw new FakeOfficeError("InvalidArgument", `bad colour ${value}`);
        entry[property] = value;
      });
    };
    const writeOnly = (name: string) => () => {
      throw new FakeOfficeError("PropertyNotLoaded", `${name} is write-only in this fake`);
    };
    return {
      custom: {
        rule: { set formula(value: string) { set("formula", value); }, get formula(): string { return writeOnly("formula")(); } },
        format: {
          fill: { set color(value: string) { set("fill", value); }, get color(): string { return writeOnly("fill.color")(); } },
          font: { set color(value: string) { set("fontColor", value); }, get color(): string { return writeOnly("font.color")(); } },
        },
      },
    };
  }
}

/** Range.dataValidation (ExcelApi 1.8): rule, errorAlert and ignoreBlanks are recorded per range. */
class FakeDataValidation {
  constructor(private readonly context: FakeContext, private readonly target: () => ResolvedRange) {}

  private set(property: "rule" | "errorAlert" | "ignoreBlanks", value: unknown): void {
    this.context.enqueue(true, () => {
      const { sheet, rect } = this.target();
      const range = rangeToA1({ sheet: "", ...rect });
      let entry = sheet.layout.dataValidations.find((v) => v.range === range);
      if (!entry) {
        entry = { range };
        sheet.layout.dataValidations.push(entry);
      }
      if (property === "rule" && (typeof value !== "object" || value === null || Object.keys(value).length !== 1)) {
        throw new FakeOfficeError("InvalidArgument", "a data validation rule has exactly one kind");
      }
      entry[property] = JSON.parse(JSON.stringify(value)) as never;
    });
  }

  set rule(rule: unknown) { this.set("rule", rule); }
  set errorAlert(alert: unknown) { this.set("errorAlert", alert); }
  set ignoreBlanks(on: boolean) { this.set("ignoreBlanks", on); }
}

/** Worksheet.pageLayout (ExcelApi 1.9): properties and the print area are recorded. */
class FakePageLayout {
  constructor(private readonly context: FakeContext, private readonly sheet: () => FakeSheet | null) {}

  private put(property: string, value: unknown): void {
    this.context.enqueue(true, () => {
      const sheet = this.sheet();
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "pageLayout of a null object");
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "You cannot perform the requested operation.", "PageLayout");
      sheet.layout.pageLayout[property] = value;
    });
  }

  set paperSize(value: string) { this.put("paperSize", value); }
  set orientation(value: string) { this.put("orientation", value); }
  set zoom(value: unknown) { this.put("zoom", value); }
  set centerHorizontally(value: boolean) { this.put("centerHorizontally", value); }
  set leftMargin(value: number) { this.put("leftMargin", value); }
  set rightMargin(value: number) { this.put("rightMargin", value); }
  set topMargin(value: number) { this.put("topMargin", value); }
  set bottomMargin(value: number) { this.put("bottomMargin", value); }
  setPrintArea(range: string): void { this.put("printArea", range); }
}

// ===================================================================== events

export type FakeEventKind = "onChanged" | "onAdded" | "onDeleted" | "onNameChanged";

export interface FakeEventRegistration {
  readonly kind: FakeEventKind;
  /** null: the worksheet collection (every sheet); else the one sheet it was added on. */
  sheet: FakeSheet | null;
  readonly handler: (args: unknown) => unknown;
  /** The context it was added in: the only one it can be removed through. */
  readonly context: FakeContext;
  active: boolean;
}

/** OfficeExtension.EventHandlers: add() registers at the next sync; its result removes through the same context. */
class FakeEventHandlers {
  constructor(
    private readonly context: FakeContext,
    private readonly kind: FakeEventKind,
    private readonly version: string,
    private readonly owner: string,
    private readonly sheet: (() => FakeSheet | null) | null,
  ) {}

  add(handler: (args: unknown) => unknown): { context: FakeContext; remove(): void } {
    const context = this.context;
    const fake = context.fake;
    const registration: FakeEventRegistration = { kind: this.kind, sheet: null, handler, context, active: false };
    context.requireApi(this.version, `${this.owner}.${this.kind}`);
    context.enqueue(false, () => {
      if (this.sheet) {
        const sheet = this.sheet();
        if (!sheet) throw new FakeOfficeError("ItemNotFound", "event handler on a null object");
        registration.sheet = sheet;
      }
      registration.active = true;
      fake.eventRegistrations.push(registration);
    });
    return {
      context,
      // Queued on the context it was added in: outside run(context, …) this throws InvalidObjectPath.
      remove: () => context.enqueue(false, () => {
        registration.active = false;
      }),
    };
  }
}

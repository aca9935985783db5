/**
 * Live re-check, the Excel side: WorkbookHost.watch over Office.js worksheet events, reporting
 * what the user (or a co-author, or another add-in) changed and never what this host wrote.
 *
 * Registration (WatchSetup), in one Excel.run:
 *   ExcelApi 1.9+   1 sync: the sheet list (name, id) is loaded and worksheets.onChanged (one handler
 *                   for every sheet, present and future), worksheets.onAdded and worksheets.onDeleted
 *                   (and worksheets.onNameChanged on 1.17) are added in the same batch.
 *   ExcelApi 1.7/1.8  2 syncs: the sheet list first, then worksheet.onChanged on each sheet plus the
 *                   collection's onAdded/onDeleted; a sheet added later gets its onChanged from the
 *                   onAdded handler (1 sync on the watching context, which also reads its name).
 *   below 1.7, or any refusal at registration: watch resolves null and nothing stays registered.
 * Handlers are removed (unwatch) in the RequestContext they were added in, as Office requires
 * (OfficeExtension.EventHandlerResult): Microsoft's "Work with events" article removes them with
 * `Excel.run(eventResult.context, …)`, so the context of the registering Excel.run is kept and
 * every later batch on it (registering a new sheet, removing) runs through `run(context, …)`,
 * one at a time. Nothing else outlives its Excel.run.
 *
 * Event → WorkbookChange: `worksheetId` is named from a map id → name loaded at registration.
 * An id the map does not know (a sheet added or renamed since) refreshes the map (1 sync on a
 * fresh Excel.run) and is reported with range null, since the sheet's name changed under the
 * pane; an id that is still unknown (the sheet is gone again) is not reported (its deletion is).
 * `address` ("C4", "C4:D6", "A:A", "1:3", several areas joined by ",") becomes one change per area;
 * an address that does not parse is reported with range null. onAdded/onDeleted report the sheet
 * with range null; onNameChanged (1.17) reports the old and the new name with range null and keeps
 * the map current (below 1.17 a renamed sheet keeps its old name in reports until an unknown id
 * forces a refresh).
 *
 * Own writes are never reported. The rule, per event:
 *   1. When the event carries `triggerSource` (ExcelApi 1.14), it decides alone: "ThisLocalAddin"
 *      is dropped, anything else is reported, whatever this host was writing at the time.
 *   2. Otherwise (onAdded/onDeleted, and onChanged below 1.14) the MuteBook decides. Each own write
 *      (apply, revert, writeReport, insertTemplate) opens a record before its first write
 *      statement, naming the cells it may write (apply: the edits' cells; revert: the log's cells)
 *      or whole sheets (writeReport: 校验报告; insertTemplate: the template's sheets). The record is
 *      active from then until MUTE_WINDOW_MS after the call settled (its last sync resolved or
 *      failed); a call that wrote nothing (refused, untouched) drops its record at once. An event is
 *      dropped when, at the moment it arrived, an active record contains every cell it names: a
 *      whole sheet contains any range of that sheet (and the sheet's onAdded/onDeleted, range null);
 *      a set of cells contains a range only when each cell of the range is in the set. An event that
 *      reaches beyond the written cells (a paste over them and more), on another sheet, or after the
 *      window is reported. The cost: a user edit of exactly the cells just written, within the
 *      window, goes unreported on Excel below 1.14 (the next edit is reported as usual); an event
 *      Excel delivers later than the window after our write is reported (one needless re-check).
 * Errors inside handlers are caught (an event is then not reported); `onChange` throwing is caught too.
 */
import { columnIndex, parseRangeA1, type CellAddress, type CellRange } from "../../core/grid/address";
import type { Unwatch, WorkbookChange } from "../../host/ports";

/** How long after an own write settles its cells stay muted (events without triggerSource). */
export const MUTE_WINDOW_MS = 1500;

const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;
/** A record is kept this long after its window closed, for events whose sheet is named late. */
const KEEP_AFTER_WINDOW_MS = 60_000;

/** The cells one own write may touch; open while it runs, then for the window. */
export interface MuteRecord {
  coverCells(cells: readonly CellAddress[]): void;
  coverSheet(sheet: string): void;
  /** The call settled. `wrote`: whether any write statement may have run (false drops the record). */
  close(wrote: boolean): void;
}

interface Record {
  readonly openedAt: number;
  closedAt: number | null;
  readonly sheets: Set<string>;
  readonly cells: Map<string, Set<string>>;
}

/** The own writes of one host, for dropping the events they cause (see the rule above). */
export class MuteBook {
  private records: Record[] = [];

  constructor(private readonly now: () => number = Date.now, private readonly windowMs: number = MUTE_WINDOW_MS) {}

  open(): MuteRecord {
    this.prune();
    const record: Record = { openedAt: this.now(), closedAt: null, sheets: new Set(), cells: new Map() };
    this.records.push(record);
    return {
      coverCells: (cells) => {
        for (const at of cells) {
          let set = record.cells.get(at.sheet);
          if (!set) {
            set = new Set();
            record.cells.set(at.sheet, set);
          }
          set.add(`${at.row}:${at.col}`);
        }
      },
      coverSheet: (sheet) => {
        record.sheets.add(sheet);
      },
      close: (wrote) => {
        if (record.closedAt !== null) return;
        record.closedAt = this.now();
        if (!wrote) this.records = this.records.filter((r) => r !== record);
      },
    };
  }

  /** Whether an own write active at time `at` covers every cell of `change`. */
  mutes(change: WorkbookChange, at: number): boolean {
    return this.records.some((r) => r.openedAt <= at && (r.closedAt === null || at <= r.closedAt + this.windowMs) && covers(r, change));
  }

  private prune(): void {
    const now = this.now();
    this.records = this.records.filter((r) => r.closedAt === null || now <= r.closedAt + this.windowMs + KEEP_AFTER_WINDOW_MS);
  }
}

function covers(record: Record, change: WorkbookChange): boolean {
  if (record.sheets.has(change.sheet)) return true;
  const range = change.range;
  const cells = record.cells.get(change.sheet);
  if (!range || !cells) return false;
  const count = (range.bottom - range.top + 1) * (range.right - range.left + 1);
  if (count > cells.size) return false;
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) if (!cells.has(`${r}:${c}`)) return false;
  }
  return true;
}

/**
 * The ranges of an event address: "C4", "$C$4:$D$6", "A:C" (whole columns), "1:3" (whole rows),
 * an optional sheet prefix ("'附件 2'!C4"), several areas joined by ",". Null when any area does not parse.
 */
export function rangesFromEventAddress(address: string, sheet: string): CellRange[] | null {
  const areas = splitAreas(address);
  if (areas.length === 0) return null;
  const ranges: CellRange[] = [];
  for (const area of areas) {
    const range = areaRange(area, sheet);
    if (!range) return null;
    ranges.push(range);
  }
  return ranges;
}

/** Splits at commas outside quoted sheet names. */
function splitAreas(address: string): string[] {
  const areas: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      areas.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  areas.push(current);
  return areas.map((a) => a.trim()).filter((a) => a !== "");
}

function areaRange(area: string, sheet: string): CellRange | null {
  const bang = area.lastIndexOf("!");
  const local = (bang >= 0 ? area.slice(bang + 1) : area).trim();
  const cells = parseRangeA1(local, sheet);
  if (cells) return inSheet(cells);
  const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (columns) {
    const a = columnIndex(columns[1]!);
    const b = columnIndex(columns[2]!);
    return inSheet({ sheet, top: 0, bottom: LAST_ROW, left: Math.min(a, b), right: Math.max(a, b) });
  }
  const rows = /^\$?(\d{1,7}):\$?(\d{1,7})$/.exec(local);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return inSheet({ sheet, top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: LAST_COL });
  }
  return null;
}

function inSheet(range: CellRange): CellRange | null {
  return range.top >= 0 && range.left >= 0 && range.bottom <= LAST_ROW && range.right <= LAST_COL ? range : null;
}

export interface WatchHost {
  readonly run: typeof Excel.run;
  supports(version: string): boolean;
  readonly mutes: MuteBook;
  readonly now: () => number;
}

/** Starts watching; null when this Excel cannot (below ExcelApi 1.7, or registration refused). */
export async function watchWorkbook(host: WatchHost, onChange: (changes: readonly WorkbookChange[]) => void): Promise<Unwatch | null> {
  const watcher = new Watcher(host, onChange);
  return (await watcher.start()) ? () => watcher.stop() : null;
}

type Registration = OfficeExtension.EventHandlerResult<unknown>;

/** The fields of the event args we read; each is checked before use (events are plain JSON). */
interface ChangedArgs {
  readonly address?: unknown;
  readonly worksheetId?: unknown;
  readonly triggerSource?: unknown;
}

class Watcher {
  private stopped = false;
  /** Worksheet id → name, as last loaded (or kept current by onNameChanged). */
  private readonly names = new Map<string, string>();
  private readonly registrations: Registration[] = [];
  /** The RequestContext the handlers were added in: the only one that may remove them. */
  private context: Excel.RequestContext | null = null;
  /** Batches on `context`, one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private refreshing: Promise<void> | null = null;
  private perSheet = false;

  constructor(private readonly host: WatchHost, private readonly onChange: (changes: readonly WorkbookChange[]) => void) {}

  async start(): Promise<boolean> {
    if (!this.host.supports("1.7")) return false;
    this.perSheet = !this.host.supports("1.9");
    const renames = this.host.supports("1.17");
    try {
      await this.host.run(async (context) => {
        this.context = context;
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name,items/id");
        if (this.perSheet) {
          await context.sync();
          for (const ws of worksheets.items) this.registrations.push(ws.onChanged.add((e) => this.changed(e)) as Registration);
        } else {
          this.registrations.push(worksheets.onChanged.add((e) => this.changed(e)) as Registration);
        }
        this.registrations.push(worksheets.onAdded.add((e) => this.added(e)) as Registration);
        this.registrations.push(worksheets.onDeleted.add((e) => this.deleted(e)) as Registration);
        if (renames) this.registrations.push(worksheets.onNameChanged.add((e) => this.renamed(e)) as Registration);
        await context.sync();
        this.remember(worksheets.items);
      });
      return true;
    } catch {
      // Part of the batch may have run: take back whatever was registered.
      this.stop();
      return false;
    }
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    const registrations = this.registrations.splice(0);
    if (registrations.length === 0 || this.context === null) return;
    void this.onContext(async (context) => {
      for (const registration of registrations) {
        try {
          registration.remove();
        } catch {
          // Already gone (its sheet was deleted): nothing to remove.
        }
      }
      await context.sync();
    });
  }

  /** Runs a batch on the watching context, after the ones before it; never rejects. */
  private onContext(batch: (context: Excel.RequestContext) => Promise<void>): Promise<void> {
    const context = this.context;
    if (!context) return Promise.resolve();
    const next = this.queue.then(() => this.host.run(context, batch)).catch(() => undefined);
    this.queue = next;
    return next;
  }

  private remember(items: readonly Excel.Worksheet[]): void {
    for (const ws of items) this.names.set(ws.id, ws.name);
  }

  /** Reloads the id → name map (one sync on a fresh Excel.run); concurrent callers share it. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.host.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/id");
      await context.sync();
      this.names.clear();
      this.remember(worksheets.items);
    }).catch(() => undefined).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** The sheet's name; `known` is false when the map had to be refreshed for it. Null when it is gone. */
  private async sheetOf(id: unknown): Promise<{ name: string; known: boolean } | null> {
    if (typeof id !== "string") return null;
    const name = this.names.get(id);
    if (name !== undefined) return { name, known: true };
    await this.refresh();
    const fresh = this.names.get(id);
    return fresh === undefined ? null : { name: fresh, known: false };
  }

  private report(changes: readonly WorkbookChange[], at: number, trusted: boolean): void {
    if (this.stopped) return;
    const reported = trusted ? changes : changes.filter((c) => !this.host.mutes.mutes(c, at));
    if (reported.length === 0) return;
    try {
      this.onChange(reported);
    } catch {
      // The pane's listener failed; the next change is reported as usual.
    }
  }

  private async changed(event: Excel.WorksheetChangedEventArgs): Promise<void> {
    try {
      if (this.stopped) return;
      const at = this.host.now();
      const args = event as unknown as ChangedArgs;
      if (args.triggerSource === "ThisLocalAddin") return;
      const trusted = typeof args.triggerSource === "string";
      const sheet = await this.sheetOf(args.worksheetId);
      if (!sheet) return;
      const ranges = sheet.known && typeof args.address === "string" ? rangesFromEventAddress(args.address, sheet.name) : null;
      this.report(ranges ? ranges.map((range) => ({ sheet: sheet.name, range })) : [{ sheet: sheet.name, range: null }], at, trusted);
    } catch {
      // Never let an event handler reject.
    }
  }

  private async added(event: Excel.WorksheetAddedEventArgs): Promise<void> {
    try {
      if (this.stopped) return;
      const at = this.host.now();
      const id = (event as { worksheetId?: unknown }).worksheetId;
      if (typeof id !== "string") return;
      if (this.perSheet) {
        // Register the new sheet and read its name in one sync on the watching context.
        await this.onContext(async (context) => {
          if (this.stopped) return;
          const ws = context.workbook.worksheets.getItem(id);
          ws.load("name");
          const registration = ws.onChanged.add((e) => this.changed(e)) as Registration;
          await context.sync();
          this.registrations.push(registration);
          this.names.set(id, ws.name);
        });
      }
      const sheet = await this.sheetOf(id);
      if (sheet) this.report([{ sheet: sheet.name, range: null }], at, false);
    } catch {
      // Never let an event handler reject.
    }
  }

  private async deleted(event: Excel.WorksheetDeletedEventArgs): Promise<void> {
    try {
      if (this.stopped) return;
      const at = this.host.now();
      const id = (event as { worksheetId?: unknown }).worksheetId;
      if (typeof id !== "string") return;
      const name = this.names.get(id);
      this.names.delete(id);
      if (name !== undefined) this.report([{ sheet: name, range: null }], at, false);
    } catch {
      // Never let an event handler reject.
    }
  }

  private async renamed(event: Excel.WorksheetNameChangedEventArgs): Promise<void> {
    try {
      if (this.stopped) return;
      const at = this.host.now();
      const { worksheetId, nameBefore, nameAfter } = event as unknown as { worksheetId?: unknown; nameBefore?: unknown; nameAfter?: unknown };
      if (typeof worksheetId !== "string" || typeof nameAfter !== "string") return;
      this.names.set(worksheetId, nameAfter);
      const changes: WorkbookChange[] = [{ sheet: nameAfter, range: null }];
      if (typeof nameBefore === "string" && nameBefore !== nameAfter) changes.unshift({ sheet: nameBefore, range: null });
      // This host never renames a sheet: always the user's (or a co-author's) doing.
      this.report(changes, at, true);
    } catch {
      // Never let an event handler reject.
    }
  }
}

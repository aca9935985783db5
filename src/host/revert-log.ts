/**
 * The revert log kept in the workbook: per changed cell, what it held before (value, formula,
 * number format, fill) and what we wrote. 撤销修正 restores from it even after Excel's own undo
 * stack was cleared. Checked with zod, because staff can edit document data by hand.
 */
import { z } from "zod/mini";

export const REVERT_LOG_VERSION = 1;

const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.object({ error: z.string() })]);

export const RevertEntrySchema = z.object({
  sheet: z.string(),
  row: z.number().check(z.int(), z.nonnegative()),
  col: z.number().check(z.int(), z.nonnegative()),
  /** null when the cell was empty and unformatted before. */
  original: z.nullable(z.object({
    value: CellValueSchema,
    formula: z.nullable(z.string()),
    numberFormat: z.nullable(z.string()),
    fill: z.nullable(z.string()),
  })),
  written: z.union([z.number(), z.string()]),
});

export const RevertLogSchema = z.object({
  version: z.literal(REVERT_LOG_VERSION),
  entries: z.array(RevertEntrySchema),
});

export type RevertEntry = z.infer<typeof RevertEntrySchema>;
export type RevertLog = z.infer<typeof RevertLogSchema>;

export function parseRevertLog(raw: string): { ok: true; log: RevertLog } | { ok: false } {
  try {
    const parsed = RevertLogSchema.safeParse(JSON.parse(raw));
    return parsed.success ? { ok: true, log: parsed.data } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/**
 * The log after a batch: the stored one (raw settings text; none or unreadable starts a new log,
 * since a damaged log describes nothing that could be undone) with the batch's entries appended.
 */
export function appendRevertEntries(storedRaw: string | null | undefined, entries: readonly RevertEntry[]): RevertLog {
  const previous = storedRaw === null || storedRaw === undefined ? null : parseRevertLog(storedRaw);
  return { version: REVERT_LOG_VERSION, entries: [...(previous?.ok ? previous.log.entries : []), ...entries] };
}

/** Review notes (审核说明) as stored in the workbook; anything unreadable counts as none. */
import { z } from "zod/mini";
import type { ReviewNote } from "./ports";

const NotesSchema = z.object({
  version: z.literal(1),
  notes: z.array(z.object({
    ruleId: z.string(),
    sheet: z.string(),
    cell: z.string(),
    reason: z.string().check(z.maxLength(4000)),
    acceptedAt: z.string(),
  })),
});

export function parseReviewNotes(raw: string | undefined | null): ReviewNote[] {
  if (!raw) return [];
  try {
    const parsed = NotesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.notes : [];
  } catch {
    return [];
  }
}

export function serializeReviewNotes(notes: readonly ReviewNote[]): string {
  return JSON.stringify({ version: 1, notes });
}

export function noteKey(note: { ruleId: string; sheet: string | null; cell: string | null }): string {
  return `${note.ruleId}@${note.sheet ?? ""}!${note.cell ?? ""}`;
}

/** A file the summary could not check because something broke inside (not the file's fault). */
import type { FileOutcome } from "../../core/report/folder-summary";
import { limitMessage, type LimitKey } from "../../adapters/limits";

export function internalFailure(file: string, error: unknown): FileOutcome {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: "unreadable",
    file,
    reason: "internal",
    message: { zh: `检查时出现内部错误：${detail}`, en: `Internal error while checking: ${detail}` },
  };
}

/** A file stopped at a limit of its worker (time or memory): the message names the limit. */
export function limitOutcome(file: string, limit: LimitKey, value: number): FileOutcome {
  return { kind: "unreadable", file, reason: "too-large", message: limitMessage(limit, value, true) };
}

/** A file the summary could not check because something broke inside (not the file's fault). */
import type { FileOutcome } from "../../core/report/folder-summary";

export function internalFailure(file: string, error: unknown): FileOutcome {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: "unreadable",
    file,
    reason: "internal",
    message: { zh: `检查时出现内部错误：${detail}`, en: `Internal error while checking: ${detail}` },
  };
}

/**
 * Whether anything is at a path (a file, a folder, a link), for refusing to write over it. Its
 * own small module so that a command can refuse before it loads the writer that would have
 * written there.
 */
import { stat } from "node:fs/promises";

export function pathExists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** The workbook files of the repository: every fixture (bad-input corpus with its old .xls, form corpus, …) and the sample. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");

/** Every .xlsx and .xls below a folder, depth first, in directory order. */
export function xlsxUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? xlsxUnder(path) : /\.xlsx?$/i.test(name) ? [path] : [];
  });
}

/** test/fixtures and assets. */
export function repositoryWorkbooks(): string[] {
  return [...xlsxUnder(join(ROOT, "test", "fixtures")), ...xlsxUnder(join(ROOT, "assets"))];
}

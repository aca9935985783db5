/** `annex-check --template`: writes a blank 附件2/附件3 workbook; never replaces a file without --force. */
import { buildTemplate } from "../core/template/build";
import { writeTemplateXlsx } from "../adapters/xlsx/write-template";
import type { TemplateCliOptions } from "./template-args";

export interface TemplateIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export async function runTemplate(options: TemplateCliOptions, io: TemplateIo): Promise<number> {
  const description = buildTemplate({ year: options.year, weights: options.weights });
  const written = await writeTemplateXlsx(description, options.output, { force: options.force });
  if (!written.ok) {
    io.stderr(`annex-check: ${written.message.zh} / ${written.message.en}\n`);
    return 2;
  }
  io.stderr(options.lang === "zh"
    ? `已写出 ${options.year} 年度空白模板 ${options.output}（工作表 ${written.sheets.join("、")}，分值方案 ${options.weights}）\n`
    : `Wrote the blank ${options.year} template ${options.output} (sheets ${written.sheets.join(", ")}, weights ${options.weights})\n`);
  return 0;
}

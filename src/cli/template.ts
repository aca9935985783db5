/**
 * `annex-check --template`: writes a blank workbook of a form (湖南's 附件2/附件3 by default, or the
 * project table of --profile); never replaces a file without --force.
 */
import { buildTemplate } from "../core/template/build";
import { buildProjectTemplate } from "../core/template/project";
import { profileById } from "../core/profiles";
import { writeTemplateXlsx } from "../adapters/xlsx/write-template";
import type { TemplateCliOptions } from "./template-args";
import { oneLine } from "./text-width";

export interface TemplateIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export async function runTemplate(options: TemplateCliOptions, io: TemplateIo): Promise<number> {
  const profile = profileById(options.profile);
  const project = profile?.template.kind === "project-table";
  const description = project ? buildProjectTemplate(profile!, { year: options.year }) : buildTemplate({ year: options.year, weights: options.weights });
  const written = await writeTemplateXlsx(description, options.output, { force: options.force });
  if (!written.ok) {
    io.stderr(oneLine(`annex-check: ${written.message.zh} / ${written.message.en}`));
    return 2;
  }
  io.stderr(oneLine(options.lang === "zh"
    ? `已写出 ${options.year} 年度空白模板 ${options.output}（${project ? profile!.name.zh : `分值方案 ${options.weights}`}；工作表 ${written.sheets.join("、")}）`
    : `Wrote the blank ${options.year} template ${options.output} (${project ? profile!.name.en : `weights ${options.weights}`}; sheets ${written.sheets.join(", ")})`));
  return 0;
}

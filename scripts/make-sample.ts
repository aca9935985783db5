/**
 * Regenerates assets/samples/zhuzhou-luosong-npc-2023.xlsx from its spec. The output is
 * byte-stable (fixed timestamps), so a regenerated file only shows in a diff when the spec changed.
 * Run: npm run sample
 */
import { mkdir } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { writeSpecToXlsx } from "../src/adapters/xlsx";
import { zhuzhouLuosongNpc2023 } from "../src/samples/zhuzhou-luosong-npc-2023";

const OUTPUT = join(__dirname, "..", "assets", "samples", "zhuzhou-luosong-npc-2023.xlsx");

async function main(): Promise<void> {
  await mkdir(dirname(OUTPUT), { recursive: true });
  await writeSpecToXlsx(zhuzhouLuosongNpc2023, OUTPUT, {
    // Stated rather than detected: the sample is the reference layout others compare against.
    tables: { 附件2: "A3:G26", 附件3: "A3:I29" },
    titles: { 附件2: ["A2"], 附件3: ["A2"] },
  });
  console.log(relative(process.cwd(), OUTPUT) || OUTPUT);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Session } from "node:inspector";
import { readXlsx } from "../src/adapters/xlsx/read-xlsx";
import { validate, DEFAULT_SETTINGS, toJsonReport } from "../src/core";
import { keyFigures } from "../src/core/report/key-figures";
(async () => {
  const dir = "/tmp/annex-checker-bench/units-1000";
  const files = readdirSync(dir).filter((n) => n.endsWith(".xlsx")).map((n) => join(dir, n)).slice(0, 300);
  const bufs = files.map((f) => readFileSync(f));
  const pass = async () => {
    let r = 0, v = 0, j = 0, c = 0;
    for (const b of bufs) {
      let t = performance.now(); const read = await readXlsx(b); r += performance.now() - t;
      if (!read.ok) continue;
      t = performance.now(); const res = validate(read.snapshot, DEFAULT_SETTINGS); v += performance.now() - t;
      t = performance.now(); const rep = toJsonReport("f", res, "zh"); const fig = keyFigures(res); j += performance.now() - t;
      t = performance.now(); structuredClone({ rep, fig }); c += performance.now() - t;
    }
    console.log(`read ${(r / bufs.length).toFixed(3)} validate ${(v / bufs.length).toFixed(3)} json+figures ${(j / bufs.length).toFixed(3)} clone ${(c / bufs.length).toFixed(3)} ms/file`);
  };
  for (let i = 0; i < 4; i++) await pass();
  const session = new Session(); session.connect();
  await new Promise<void>((res) => session.post("Profiler.enable", () => session.post("Profiler.start", () => res())));
  await pass(); await pass();
  session.post("Profiler.stop", (err, { profile }) => writeFileSync("/tmp/batch.cpuprofile", JSON.stringify(profile)));
})();

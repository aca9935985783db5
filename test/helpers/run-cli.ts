import { join } from "node:path";
import { main, type Io } from "../../src/cli/main";

const ROOT = join(__dirname, "..", "..");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The CLI in process, from the repository root (so relative sample paths and the paths it prints
 * are those a user typing them there would see), with its output captured and no colour.
 */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTty: false, noColor: true };
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const code = await main([...args], io);
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

/**
 * `npm run report:secrets [-- --json]`: the client secrets due for rotation, for every managing
 * entity the console's credential can see; posted to CONSOLE_NOTIFY_WEBHOOK_URL when it is set.
 * See lib/applications/secret-report/run.ts for the output and the exit codes.
 *
 * Run under `--conditions=react-server` (see package.json), for lib/'s `server-only` fence. With
 * the embedded PGlite, stop the console first: one process at a time opens its directory.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import nextEnv from "@next/env";
import { runSecretReport } from "@/lib/applications/secret-report/run";
import { openDatabase } from "@/lib/db/connection";
import { databaseTarget } from "@/lib/db/target";
import { getEnv } from "@/lib/env";
import { setLogSink } from "@/lib/log";
import { createWinkClient, logWinkEvent } from "@/lib/wink";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error });
// Log lines go to stderr: stdout carries the digest alone, so `--json` parses as is.
setLogSink((_level, line) => void process.stderr.write(`${line}\n`));

async function main(): Promise<number> {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    console.error(`[report] ${(error as Error).message}`);
    return 2;
  }
  const database = openDatabase(databaseTarget());
  try {
    return await runSecretReport(process.argv.slice(2), {
      wink: createWinkClient({ ...env.wink, onEvent: logWinkEvent }),
      db: database.db,
      policy: env.secretPolicy,
      managingEntityId: env.wink.managingEntityId,
      webhookUrl: env.notifyWebhookUrl,
      consoleOrigin: env.auth.url,
      now: () => new Date(),
      out: (text) => void process.stdout.write(text),
      err: (text) => void process.stderr.write(text),
    });
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[report] ${(error as Error).name}: the report could not run.`);
    process.exit(2);
  },
);

/**
 * `npm run audit:verify`: walks the audit history's hash chain in the database the settings name
 * and says whether it is intact. Exits 0 when it is, 1 naming the first broken event otherwise
 * (an event edited, removed or inserted behind the console's back), 2 when the database fails.
 *
 * Run under `--conditions=react-server` (see package.json), for lib/db's `server-only` fence.
 * With the embedded PGlite, stop the console first: one process at a time opens its directory.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import nextEnv from "@next/env";
import { verifyAuditChain } from "@/lib/audit/verify";
import { openDatabase } from "@/lib/db/connection";
import { databaseTarget } from "@/lib/db/target";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error });

async function main(): Promise<number> {
  const database = openDatabase(databaseTarget());
  try {
    const verdict = await verifyAuditChain(database.db);
    if (verdict.ok) {
      console.log(`[audit] The audit history is intact: ${verdict.count} events.`);
      return 0;
    }
    console.error(`[audit] The chain breaks at event ${verdict.brokenAtId}: ${verdict.reason}`);
    return 1;
  } catch (error) {
    console.error(`[audit] Could not read the audit history: ${(error as Error).message}`);
    return 2;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[audit] ${(error as Error).message}`);
    process.exit(2);
  },
);

/**
 * `npm run db:migrate`: applies the console's pending SQL migrations to the database the settings
 * name (DATABASE_URL, or the embedded PGlite under .data/), then exits. `npm start` runs it before
 * the console serves. Exits 1 with a message naming the migration file when one fails; everything
 * in that run is rolled back.
 *
 * Run under `--conditions=react-server` (see package.json): lib/db is fenced with `server-only`,
 * which only that condition lets a plain Node process import.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import nextEnv from "@next/env";
import { openDatabase } from "@/lib/db/connection";
import { MigrationError, migrate } from "@/lib/db/migrate";
import { databaseTarget } from "@/lib/db/target";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error });

async function main(): Promise<number> {
  const target = databaseTarget();
  const where =
    target.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${target.dataDir}`;
  const started = performance.now();
  const database = openDatabase(target);
  try {
    const { applied } = await migrate(database.db);
    const ms = Math.round(performance.now() - started);
    if (applied.length === 0) console.log(`[migrate] ${where}: up to date (${ms} ms)`);
    for (const file of applied) console.log(`[migrate] ${where}: applied ${file}`);
    if (applied.length) console.log(`[migrate] ${applied.length} applied in ${ms} ms`);
    return 0;
  } catch (error) {
    if (error instanceof MigrationError) {
      console.error(`[migrate] ${error.message}`);
      console.error(
        "[migrate] Nothing was applied. Fix the migration and run npm run db:migrate again.",
      );
    } else {
      // Connection failures: the driver's message can name the host and user, never the password.
      console.error(`[migrate] Could not migrate ${where}: ${(error as Error).message}`);
    }
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[migrate] ${(error as Error).message}`);
    process.exit(1);
  },
);

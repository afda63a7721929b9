import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { queryRows, type Database } from "./connection";

/**
 * Applies the SQL migrations in lib/db/migrations/ (written by drizzle-kit) that the database has
 * not seen, before the console serves; never inside a request.
 *
 * Kept in drizzle's own table (`drizzle.__drizzle_migrations`), so `drizzle-kit migrate` agrees
 * with it. Unlike drizzle's migrator it takes an advisory lock first, so that consoles starting
 * together against one server apply each migration once, and it names the file that failed.
 */

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

// Any constant, the same in every process: pg_advisory_xact_lock's key for "migrating".
const MIGRATION_LOCK_KEY = 7_236_001;

/** A migration that failed; everything in the run was rolled back. */
export class MigrationError extends Error {
  override name = "MigrationError";
  constructor(
    /** The file, relative to the repository: `lib/db/migrations/0001_x.sql`. */
    readonly file: string,
    readonly cause: unknown,
  ) {
    super(`Migration ${file} failed: ${describe(cause)}`);
  }
}

export interface MigrationReport {
  /** The files applied by this run, in order (empty when the database was up to date). */
  applied: string[];
}

/**
 * Applies pending migrations from `folder` in one transaction: all of them or none.
 * Throws `MigrationError` naming the file whose SQL failed.
 */
export async function migrate(
  db: Database,
  folder: string = MIGRATIONS_FOLDER,
): Promise<MigrationReport> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  const fileOf = (when: number) => {
    const entry = journal.entries.find((candidate) => candidate.when === when);
    return path.join(path.relative(process.cwd(), folder), `${entry?.tag ?? when}.sql`);
  };

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(
      sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    const [last] = await queryRows<{ created_at: string | number }>(
      tx,
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    const lastApplied = Number(last?.created_at ?? 0);
    const applied: string[] = [];
    for (const migration of migrations) {
      if (migration.folderMillis <= lastApplied) continue;
      const file = fileOf(migration.folderMillis);
      try {
        for (const statement of migration.sql) {
          if (statement.trim()) await tx.execute(sql.raw(statement));
        }
      } catch (error) {
        throw new MigrationError(file, error);
      }
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      applied.push(file);
    }
    return { applied };
  });
}

/** The database's own words (drizzle wraps them in "Failed query: <the whole SQL>"). */
function describe(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

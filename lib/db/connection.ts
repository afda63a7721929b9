import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql, type SQL } from "drizzle-orm";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { instrumentPglite, instrumentPool } from "@/lib/metrics/database";
import { getMetrics, type ConsoleMetrics } from "@/lib/metrics/registry";
import { lockDataDirectory } from "./data-dir-lock";
import { databaseTarget, type DatabaseTarget } from "./target";
import * as schema from "./schema";

/**
 * The connection to the console's record: one Drizzle database per process, on the embedded
 * PGlite (no DATABASE_URL) or on a PostgreSQL server through a node-postgres pool.
 *
 * Both drivers speak PostgreSQL, so the rest of the console sees one type, `Database`, and one SQL.
 */

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
  db: Database;
  kind: DatabaseTarget["kind"];
  /** Ends the pool or closes PGlite (flushing its files) and frees the data directory. */
  close(): Promise<void>;
}

/**
 * How long a query may wait for a connection (opening one, or for a busy pool to free one) before
 * it fails: long enough for a burst of changes, short enough for readiness to answer.
 */
const CONNECT_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Called with each statement's SQL (never its parameters): counting queries in tests. */
  onQuery?: (query: string) => void;
  /** Where to time statements and report the connections (lib/metrics/database.ts); none: not. */
  metrics?: ConsoleMetrics;
}

/**
 * Opens a database for `target`. The console uses `getDb()`; tests and the CLIs open their own.
 * Throws when the PGlite directory is already open in another live process.
 */
export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): OpenDatabase {
  const onQuery = options.onQuery;
  const logger = onQuery && { logQuery: (query: string) => onQuery(query) };
  if (target.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      connectionTimeoutMillis: target.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection the server drops emits 'error' on the pool; unhandled, it ends the process.
    // The next query takes a fresh connection, so there is nothing to do but not crash.
    pool.on("error", () => {});
    if (options.metrics) instrumentPool(pool, options.metrics);
    const db = drizzleNodePostgres({ client: pool, schema, logger }) as unknown as Database;
    return { db, kind: "postgres", close: () => pool.end() };
  }
  mkdirSync(path.dirname(target.dataDir), { recursive: true });
  const unlock = lockDataDirectory(target.dataDir);
  try {
    // pg_trgm: the activity search's index (lib/db/migrations/0003_activity_search.sql).
    const client = new PGlite(target.dataDir, { extensions: { pg_trgm } });
    if (options.metrics) instrumentPglite(client, options.metrics);
    const db = drizzlePglite({ client, schema, logger }) as unknown as Database;
    return {
      db,
      kind: "pglite",
      close: async () => {
        try {
          await client.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

// Next.js bundles server code more than once, each bundle with its own copy of this module; the
// database lives on globalThis so that the process opens one pool, or PGlite's directory once.
const DB_KEY = Symbol.for("wink-console.database");
type DbHolder = { [DB_KEY]?: OpenDatabase };

/** The process's database, opened on first use from DATABASE_URL (see `databaseTarget`). */
export function getDb(): Database {
  const holder = globalThis as DbHolder;
  holder[DB_KEY] ??= openDatabase(databaseTarget(), { metrics: getMetrics() });
  return holder[DB_KEY].db;
}

/** Closes the process's database, if it was opened (shutdown, tests). The next `getDb()` reopens. */
export async function closeDb(): Promise<void> {
  const holder = globalThis as DbHolder;
  const open = holder[DB_KEY];
  delete holder[DB_KEY];
  await open?.close();
}

/**
 * Readiness: resolves when the database answers a trivial query, throws (the driver's error)
 * otherwise. Callers report their own words: the driver's message may name the host and user.
 */
export async function pingDatabase(db: Database = getDb()): Promise<void> {
  await db.execute(sql`select 1`);
}

/** The rows of a raw SQL query; both drivers answer `{ rows }`. Prefer the query builder. */
export async function queryRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as { rows: Row[] };
  return result.rows;
}

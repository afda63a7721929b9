import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "@/lib/db/connection";
import { startPostgres, type TestPostgres } from "@/test/postgres";
import { instrumentPool, queryOperation } from "./database";
import { createConsoleMetrics } from "./registry";

/** A literal and a parameter that must never reach a metric. */
const LITERAL = "literal-in-the-sql-text";
const PARAMETER = "parameter-of-the-statement";

describe("queryOperation", () => {
  it("names a statement by its first keyword from a fixed list, else other", () => {
    expect(queryOperation("select 1")).toBe("select");
    expect(queryOperation('  INSERT INTO "audit_events" values ($1)')).toBe("insert");
    expect(queryOperation("(select 1) union (select 2)")).toBe("select");
    expect(queryOperation({ text: "with x as (select 1) select * from x", values: [1] })).toBe(
      "with",
    );
    expect(queryOperation("vacuum audit_events")).toBe("other");
    expect(queryOperation(`${LITERAL} select`)).toBe("other");
    expect(queryOperation(undefined)).toBe("other");
  });
});

describe("the database metrics on the embedded PGlite", () => {
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), "console-metrics-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("times every statement, transactions included, and reports one connection", async () => {
    const metrics = createConsoleMetrics();
    const open = openDatabase({ kind: "pglite", dataDir: path.join(dir, "db") }, { metrics });
    try {
      await queryRows(open.db, sql`select ${PARAMETER} as value, ${sql.raw(`'${LITERAL}'`)} as l`);
      await open.db.transaction(async (tx) => {
        await tx.execute(sql`create temporary table scratch (value text)`);
        await tx.execute(sql`insert into scratch values (${PARAMETER})`);
      });
      const text = await metrics.registry.metrics();
      // PGlite's own start-up statements count too: at least ours.
      expect(text).toMatch(/console_db_query_duration_seconds_count\{operation="select"\} [1-9]/);
      expect(text).toMatch(/console_db_query_duration_seconds_count\{operation="insert"\} 1\n/);
      expect(text).toMatch(/console_db_query_duration_seconds_count\{operation="create"\} 1\n/);
      expect(text).toContain('console_db_pool_connections{state="total"} 1');
      expect(text).toContain('console_db_pool_connections{state="idle"} 1');
      expect(text).toContain("console_db_pool_waiting_queries 0");
      expect(text).toContain("console_db_pool_max_connections 1");
      expect(text).not.toContain(PARAMETER);
      expect(text).not.toContain(LITERAL);
    } finally {
      await open.close();
    }
  }, 120_000);

  it("has no pool series before a database is opened", async () => {
    const text = await createConsoleMetrics().registry.metrics();
    expect(text).not.toMatch(/console_db_pool_connections\{/);
  });
});

describe("the database metrics on a node-postgres pool", () => {
  let server: TestPostgres;
  beforeAll(async () => void (server = await startPostgres()), 120_000);
  afterAll(() => server?.stop());

  it("reports the pool's open, idle and waiting counts and times its statements", async () => {
    const metrics = createConsoleMetrics();
    const pool = new pg.Pool({ connectionString: server.url(), max: 1 });
    instrumentPool(pool, metrics);
    try {
      const held = await pool.connect();
      // The pool's only connection is taken: this query waits for it.
      const waiting = pool.query("select $1::text as value", [PARAMETER]);
      let text = await metrics.registry.metrics();
      expect(text).toContain('console_db_pool_connections{state="total"} 1');
      expect(text).toContain('console_db_pool_connections{state="idle"} 0');
      expect(text).toContain("console_db_pool_waiting_queries 1");
      expect(text).toContain("console_db_pool_max_connections 1");

      await held.query("begin");
      await held.query(`select '${LITERAL}'`);
      await held.query("rollback");
      held.release();
      expect((await waiting).rows[0]).toEqual({ value: PARAMETER });
      text = await metrics.registry.metrics();
      expect(text).toContain('console_db_pool_connections{state="idle"} 1');
      expect(text).toMatch(/console_db_query_duration_seconds_count\{operation="select"\} 2\n/);
      // A failed statement is timed as well.
      await expect(pool.query("select * from no_such_table")).rejects.toThrow();

      text = await metrics.registry.metrics();
      expect(text).toMatch(/console_db_query_duration_seconds_count\{operation="select"\} 3\n/);
      expect(text).toMatch(/console_db_query_duration_seconds_count\{operation="begin"\} 1\n/);
      expect(text).toMatch(/console_db_query_duration_seconds_count\{operation="rollback"\} 1\n/);
      expect(text).toContain("console_db_pool_waiting_queries 0");
      expect(text).not.toContain(PARAMETER);
      expect(text).not.toContain(LITERAL);
    } finally {
      await pool.end();
    }
  }, 60_000);
});

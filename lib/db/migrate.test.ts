import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/test/databases";
import { pingDatabase, queryRows } from "./connection";
import { MIGRATIONS_FOLDER, MigrationError, migrate } from "./migrate";

const TABLES = [
  "application_record_versions",
  "application_records",
  "audit_events",
  "change_locks",
  "notification_posts",
  "revoked_sessions",
  "submission_claims",
];

const scratch = mkdtempSync(path.join(tmpdir(), "console-migrations-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the real migrations plus one more whose SQL is `body`. */
function foldersWithExtra(name: string, body: string): string {
  const folder = path.join(scratch, name);
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8"));
  const last = journal.entries.at(-1);
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: `9999_${name}` });
  writeFileSync(journalFile, JSON.stringify(journal));
  writeFileSync(path.join(folder, `9999_${name}.sql`), body);
  return folder;
}

describeEachDatabase("migrations", (get) => {
  it("create every table on a fresh database, and answer the readiness ping", async () => {
    const { db } = get();
    const tables = await queryRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(TABLES);
    await expect(pingDatabase(db)).resolves.toBeUndefined();
  });

  it("apply nothing the second time, from either process", async () => {
    const { db, other } = get();
    const [first, second] = await Promise.all([migrate(db), migrate(other)]);
    expect(first.applied).toEqual([]);
    expect(second.applied).toEqual([]);
  });

  it("name the file of a failing migration and roll the whole run back", async () => {
    const { db } = get();
    const folder = foldersWithExtra(
      "broken",
      "CREATE TABLE half_done (id int);\n--> statement-breakpoint\nALTER TABLE no_such_table ADD COLUMN x int;",
    );
    const failure = await migrate(db, folder).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).file).toMatch(/9999_broken\.sql$/);
    expect((failure as MigrationError).message).toMatch(/9999_broken\.sql failed: .*no_such_table/);
    const [leftover] = await queryRows<{ found: unknown }>(
      db,
      sql`select to_regclass('public.half_done') as found`,
    );
    expect(leftover?.found).toBeNull();
  });

  it("apply a new migration once when two processes start together", async () => {
    const { db, other } = get();
    const folder = foldersWithExtra("added", "CREATE TABLE added_later (id int);");
    const [first, second] = await Promise.all([migrate(db, folder), migrate(other, folder)]);
    expect([...first.applied, ...second.applied]).toEqual([
      expect.stringMatching(/9999_added\.sql$/),
    ]);
  });

  it("make the audit history append-only", async () => {
    const { db } = get();
    await db.execute(
      sql`insert into audit_events (occurred_at, action, outcome, prev_hash, hash) values (now(), 'application.create', 'succeeded', 'p', 'h-append-only')`,
    );
    await expect(db.execute(sql`update audit_events set reason = 'edited'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events`)).rejects.toThrow();
    const [count] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_events`,
    );
    expect(count?.n).toBe(1);
  });
});

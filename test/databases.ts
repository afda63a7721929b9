/**
 * Runs one suite against both databases the console supports: the embedded PGlite (in a temporary
 * directory) and a real PostgreSQL server started for the file (see ./postgres.ts), each freshly
 * migrated.
 *
 * `db` and `other` stand for two console processes: on PostgreSQL they are two separate pools;
 * PGlite serves one process only, so there they are the same database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { openDatabase, type Database, type OpenDatabase } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrate";
import { startPostgres, type TestPostgres } from "./postgres";

export interface TestDatabase {
  kind: "pglite" | "postgres";
  db: Database;
  other: Database;
  /** How many statements `db` has sent so far (not counting `other`). */
  statements(): number;
}

export const DATABASE_KINDS = ["pglite", "postgres"] as const;

let databaseCount = 0;

/** `describe` once per database kind; `body` receives a getter valid inside tests and hooks. */
export function describeEachDatabase(title: string, body: (get: () => TestDatabase) => void) {
  for (const kind of DATABASE_KINDS) {
    describe(`${title} (${kind})`, () => {
      let current: TestDatabase | undefined;
      const opened: OpenDatabase[] = [];
      let server: TestPostgres | undefined;
      let dir: string | undefined;
      let statements = 0;
      const onQuery = () => void statements++;

      beforeAll(async () => {
        if (kind === "pglite") {
          dir = mkdtempSync(path.join(tmpdir(), "console-pglite-"));
          const open = openDatabase({ kind: "pglite", dataDir: path.join(dir, "db") }, { onQuery });
          opened.push(open);
          await migrate(open.db);
          current = { kind, db: open.db, other: open.db, statements: () => statements };
        } else {
          server = await startPostgres();
          const url = await server.createDatabase(`console_${process.pid}_${++databaseCount}`);
          // Generous waits for a pooled connection: test machines are shared and often busy.
          const target = { kind: "postgres", url, connectTimeoutMs: 120_000 } as const;
          const first = openDatabase(target, { onQuery });
          const second = openDatabase(target);
          opened.push(first, second);
          await migrate(first.db);
          current = { kind, db: first.db, other: second.db, statements: () => statements };
        }
        // A fresh PGlite directory runs initdb in WASM: seconds, and far more on a busy machine.
      }, 240_000);

      afterAll(async () => {
        for (const open of opened) await open.close();
        await server?.stop();
        if (dir) rmSync(dir, { recursive: true, force: true });
      }, 30_000);

      body(() => {
        if (!current) throw new Error("The test database is not open yet.");
        return current;
      });
    });
  }
}

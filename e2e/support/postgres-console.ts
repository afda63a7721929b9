import { expect, type Browser, type BrowserContext } from "@playwright/test";
import pg from "pg";
import { startPostgres, type TestPostgres } from "../../test/postgres";
import { migrateDatabase, startConsole, type StartedConsole } from "./consoles";
import { SANDBOX_PASSWORD, USERS, type UserKey } from "./sandbox";

/**
 * Consoles (`next start`) on a PostgreSQL server of the spec's own, which the spec reaches too: to
 * put the console's record in a state a test needs (a secret issued 90 days ago) or to change the
 * audit history behind the console's back. The e2e suite's main console cannot be used for that:
 * its embedded database is open in its process alone.
 */
export interface DatabaseConsoles {
  consoles: StartedConsole[];
  /** A pool on the consoles' database, as its superuser. */
  sql: pg.Pool;
  stop(): Promise<void>;
}

/** Starts one console per entry of `envs` on `ports`, all on one fresh, migrated database. */
export async function startDatabaseConsoles(
  name: string,
  ports: readonly number[],
  envs: Record<string, string>[],
): Promise<DatabaseConsoles> {
  const postgres: TestPostgres = await startPostgres();
  const url = await postgres.createDatabase(name);
  await migrateDatabase(url);
  const consoles = await Promise.all(
    envs.map((env, index) => startConsole(ports[index]!, { DATABASE_URL: url, ...env })),
  );
  const sql = new pg.Pool({ connectionString: url, max: 2 });
  return {
    consoles,
    sql,
    stop: async () => {
      await sql.end();
      await Promise.all(consoles.map((started) => started.stop()));
      await postgres.stop();
    },
  };
}

/** Signs `user` in on the console at `url` through the sandbox's identity provider. */
export async function signedIn(
  browser: Browser,
  url: string,
  user: UserKey = "admin",
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.getByRole("button", { name: /^Sign in with/ }).click();
  await page.getByLabel("Email").fill(USERS[user]);
  await page.getByLabel("Password").fill(SANDBOX_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 20_000 });
  await page.close();
  return context;
}

/**
 * Dates the secret of an application's record `days` days back (and a minute, so that the day is
 * whole), as a create or rotate that many days ago would have. The record must exist: a console
 * writes it when it first lists or shows the application.
 */
export async function issueSecretDaysAgo(
  sql: pg.Pool,
  entityId: string,
  applicationId: string,
  days: number,
): Promise<void> {
  const result = await sql.query(
    `update application_records
        set secret_issued_at = now() - make_interval(days => $2::int) - interval '1 minute'
      where entity_id = $1 and application_id = $3`,
    [entityId, days, applicationId],
  );
  expect(result.rowCount, `a record for ${applicationId}`).toBe(1);
}

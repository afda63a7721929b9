/**
 * The activity page's chain check finds an event changed behind the console's back. The events are
 * real changes (a create, an update, a delete, made through the console's server actions); the
 * change behind its back is an operator's: with the append-only trigger switched off, straight in
 * the database, which is why this spec runs its own console on a PostgreSQL it can reach
 * (support/postgres-console.ts).
 */
import { expect, test, type BrowserContext } from "@playwright/test";
import { actionNamed, postAction } from "./support/consoles";
import { E2E } from "./support/ports";
import { signedIn, startDatabaseConsoles, type DatabaseConsoles } from "./support/postgres-console";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { listInSandbox } from "./support/wink";

test.describe.configure({ mode: "serial", timeout: 120_000 });
test.use({ storageState: { cookies: [], origins: [] } });

let started: DatabaseConsoles;
let admin: BrowserContext;
let submissions = 0;
const submissionId = () => `chain-${Date.now().toString(36)}-${++submissions}`.padEnd(24, "x");

test.beforeAll(async ({ browser }) => {
  started = await startDatabaseConsoles("activity_chain", [E2E.databaseConsolePorts[0]], [{}]);
  admin = await signedIn(browser, started.consoles[0]!.url);
});

test.afterAll(async () => {
  await admin?.close();
  await started?.stop();
});

test("the chain check finds an event altered in the database, from that event on", async () => {
  const url = started.consoles[0]!.url;
  const name = `Chain ${Date.now().toString(36)}`;
  const input = {
    name,
    clientType: "MACHINE_2_MACHINE",
    redirectUris: [],
    postLogoutRedirectUris: [],
    scopes: ["booking.read"],
    iconIdentifier: null,
  };
  const created = await postAction(admin.request, url, actionNamed("createApplication"), [
    SANDBOX_ENTITY_ID,
    submissionId(),
    input,
  ]);
  expect(created.ok).toBe(true);
  const app = (await listInSandbox()).find((application) => application.name === name)!;
  const updated = await postAction(admin.request, url, actionNamed("updateApplication"), [
    SANDBOX_ENTITY_ID,
    app.id,
    submissionId(),
    { ...input, clientType: undefined, scopes: ["booking.read", "booking.write"] },
  ]);
  expect(updated.ok).toBe(true);
  const deleted = await postAction(admin.request, url, actionNamed("deleteApplication"), [
    SANDBOX_ENTITY_ID,
    app.id,
    submissionId(),
    name,
  ]);
  expect(deleted.ok).toBe(true);

  const page = await admin.newPage();
  await page.goto(`/entities/${SANDBOX_ENTITY_ID}/activity`);
  const status = page.getByTestId("chain-status");
  await page.getByRole("button", { name: "Verify history" }).click();
  await expect(status).toHaveAttribute("data-state", "verified");

  // The update's event says it succeeded; an operator makes it say it was refused.
  const { rows } = await started.sql.query<{ id: string }>(
    `select id from audit_events where application_id = $1 and action = 'application.update'`,
    [app.id],
  );
  expect(rows).toHaveLength(1);
  const alteredId = Number(rows[0]!.id);
  await started.sql.query("alter table audit_events disable trigger audit_events_append_only");
  await started.sql.query(`update audit_events set outcome = 'refused' where id = $1`, [alteredId]);
  await started.sql.query("alter table audit_events enable trigger audit_events_append_only");

  await page.reload();
  await page.getByRole("button", { name: "Verify history" }).click();
  await expect(status).toHaveAttribute("data-state", "broken");
  await expect(status.getByTestId("chain-broken-at")).toHaveText(`#${alteredId}`);
  await page.close();
});

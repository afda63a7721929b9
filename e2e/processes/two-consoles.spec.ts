/**
 * Two console processes on one PostgreSQL, as behind a load balancer: the replay guard, the change
 * lock, sign-out and the audit chain hold across them, and a process killed mid-rotate leaves no
 * lock behind for longer than the lock's time-to-live.
 *
 * The spec starts its own throwaway PostgreSQL (test/postgres.ts), migrates it, and starts two
 * `next start` consoles on it with the same AUTH_SECRET; Wink is the e2e sandbox. Changes are
 * server actions POSTed directly, with the console's Origin and the signed-in admin's cookie.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { startPostgres, type TestPostgres } from "../../test/postgres";
import {
  actionNamed,
  migrateDatabase,
  postAction,
  startConsole,
  type StartedConsole,
} from "../support/consoles";
import { E2E } from "../support/ports";
import { SANDBOX_ENTITY_ID, SandboxControls, SANDBOX_PASSWORD, USERS } from "../support/sandbox";
import { createInSandbox, getInSandbox } from "../support/wink";

const ROUNDS = 50;
/** The consoles' WINK_TIMEOUT_MS is 4000 (support/consoles.ts): 3 × 4 s + 10 s (guard-times.ts). */
const LOCK_TTL_MS = 22_000;

const sandbox = new SandboxControls();
let postgres: TestPostgres;
let databaseUrl: string;
let consoles: StartedConsole[] = [];
let admin: APIRequestContext;
const figures: Record<string, unknown> = {};

test.describe.configure({ mode: "serial", timeout: 180_000 });
test.use({ storageState: { cookies: [], origins: [] } });

/** Signs the admin in on `url` through the sandbox's identity provider; returns the browser's cookies. */
async function signIn(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.getByRole("button", { name: /^Sign in with/ }).click();
  await page.getByLabel("Email").fill(USERS.admin);
  await page.getByLabel("Password").fill(SANDBOX_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 20_000 });
  return { context, page };
}

const rotateAction = () => actionNamed("rotateApplicationCredentials");
let counter = 0;
const submissionId = () => `two-consoles-${Date.now()}-${++counter}`.padEnd(32, "x");

const rotate = (
  request: APIRequestContext,
  url: string,
  app: { id: string; name: string },
  expectedClientId: string,
  id = submissionId(),
) =>
  postAction(request, url, rotateAction(), [
    SANDBOX_ENTITY_ID,
    app.id,
    id,
    app.name,
    expectedClientId,
  ]);

async function rotationsOf(applicationId: string): Promise<number> {
  const stats = await sandbox.stats();
  return stats.mutations.byApplication[applicationId]?.rotations ?? 0;
}

test.beforeAll(async ({ browser, playwright }) => {
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase("two_consoles");
  await migrateDatabase(databaseUrl);
  consoles = await Promise.all(
    E2E.twoConsolesPorts.map((port) => startConsole(port, { DATABASE_URL: databaseUrl })),
  );
  const { context } = await signIn(browser, consoles[0]!.url);
  admin = await playwright.request.newContext({ storageState: await context.storageState() });
  await context.close();
});

test.afterAll(async () => {
  await admin?.dispose();
  await Promise.all(consoles.map((started) => started.stop()));
  await postgres?.stop();
  await sandbox.clearFaults().catch(() => {});
  writeFileSync("reports/two-consoles.json", `${JSON.stringify(figures, null, 2)}\n`);
});

test("two rotates of one application sent at once, one to each console, rotate it once", async () => {
  await sandbox.clearFaults();
  const app = await createInSandbox({ name: "Raced app" });
  let clientId = app.clientId;
  const winners: string[] = [];
  const perRound: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const before = await rotationsOf(app.id);
    const answers = await Promise.all(
      consoles.map((started) => rotate(admin, started.url, app, clientId)),
    );
    perRound.push((await rotationsOf(app.id)) - before);
    const won = answers.filter((answer) => answer.ok);
    expect(won, `round ${round}: ${JSON.stringify(answers)}`).toHaveLength(1);
    expect(answers.find((answer) => !answer.ok)).toMatchObject({ status: 409 });
    winners.push(consoles[answers.indexOf(won[0]!)]!.url);
    clientId = won[0]!.clientId!;
    expect((await getInSandbox(app.id)).body.clientId).toBe(clientId);
  }
  expect(perRound.every((rotations) => rotations === 1)).toBe(true);
  figures.raceRounds = ROUNDS;
  figures.rotatesPerRound = perRound.reduce((sum, n) => sum + n, 0) / ROUNDS;
  figures.winsByConsole = Object.fromEntries(
    consoles.map((started) => [started.url, winners.filter((url) => url === started.url).length]),
  );
});

test("a submission id replayed to the other console is refused with 409", async () => {
  const app = await createInSandbox({ name: "Replayed app" });
  const id = submissionId();
  const first = await rotate(admin, consoles[0]!.url, app, app.clientId, id);
  expect(first).toMatchObject({ ok: true });
  // The replay names the current client ID, so only the replay guard can refuse it.
  const replay = await rotate(admin, consoles[1]!.url, app, first.clientId!, id);
  expect(replay).toMatchObject({ ok: false, status: 409 });
  expect(replay.error).toMatch(/already sent once/);
  expect(await rotationsOf(app.id)).toBe(1);
});

test("a session signed out on one console is refused on the other at its next request", async ({
  browser,
  playwright,
}) => {
  const app = await createInSandbox({ name: "Signed-out app" });
  const { context, page } = await signIn(browser, consoles[0]!.url);
  // A copy of the cookie, as a second tab (or a thief) would present it to the other console.
  const copy = await playwright.request.newContext({ storageState: await context.storageState() });
  expect(await rotate(copy, consoles[1]!.url, app, app.clientId)).toMatchObject({ ok: true });

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/signed-out/);
  const signedOutAt = Date.now();
  const refused = await rotate(copy, consoles[1]!.url, app, app.clientId);
  figures.signOutRefusedAfterMs = Date.now() - signedOutAt;
  expect(refused).toMatchObject({ ok: false, status: 401, error: "Sign in to continue." });
  // Pages too: the other console sends the copy to sign-in.
  const listing = await copy.get(`${consoles[1]!.url}/`, { maxRedirects: 0 });
  expect(listing.status()).toBeGreaterThanOrEqual(300);
  expect(listing.headers().location ?? "").toMatch(/sign-in/);
  await copy.dispose();
  await context.close();
});

test("both consoles' audit events are in one hash chain that verifies", async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts"],
    { env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  const count = Number(/intact: (\d+) events/.exec(stdout)?.[1]);
  // Every request of the race wrote one event, from whichever console served it.
  expect(count).toBeGreaterThanOrEqual(2 * ROUNDS);
  figures.auditEvents = count;
});

test("a console killed mid-rotate leaves no lock past its time-to-live", async () => {
  const app = await createInSandbox({ name: "Orphaned lock app" });
  const [doomed, survivor] = consoles as [StartedConsole, StartedConsole];
  await sandbox.fault({ operation: "rotate", kind: "latency", ms: 3_000, times: 1 });
  const requestsBefore = (await sandbox.stats()).requests.rotate ?? 0;
  const orphaned = rotate(admin, doomed.url, app, app.clientId).catch(() => null);
  await expect
    .poll(async () => (await sandbox.stats()).requests.rotate ?? 0, { timeout: 20_000 })
    .toBeGreaterThan(requestsBefore);
  doomed.kill();
  await orphaned;
  // The slowed rotate still happens at Wink; the admin who sent it never saw its answer.
  await expect.poll(() => rotationsOf(app.id), { timeout: 20_000 }).toBe(1);
  const clientId = (await getInSandbox(app.id)).body.clientId;

  // The dead console's lock row is still there: the other console refuses, then takes it over.
  const blocked = await rotate(admin, survivor.url, app, clientId);
  expect(blocked).toMatchObject({ ok: false, status: 409 });
  expect(blocked.error).toMatch(/already in progress/);
  const blockedAt = Date.now();
  let answer = blocked;
  await expect
    .poll(
      async () => {
        answer = await rotate(admin, survivor.url, app, clientId);
        return answer.ok;
      },
      { timeout: LOCK_TTL_MS + 20_000, intervals: [1_000] },
    )
    .toBe(true);
  figures.lockTtlMs = LOCK_TTL_MS;
  figures.orphanedLockBlockedForMs = Date.now() - blockedAt;
  expect(await rotationsOf(app.id)).toBe(2);
});

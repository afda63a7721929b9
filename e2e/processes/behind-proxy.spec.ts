/**
 * Two copies of the standalone build (`node server.js`, as the image runs it) on one PostgreSQL,
 * behind a real nginx configured from deploy/nginx/console.conf, the file operators are given.
 * Round robin, no sticky sessions; the copies run with AUTH_TRUST_HOST=true and no AUTH_URL, so
 * the forwarded headers nginx sets are all that tells them their public origin.
 *
 * Which copy answered a request is read from nginx's access log (`$upstream_addr`): the product
 * sends no header for it.
 */
import { existsSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { startPostgres, type TestPostgres } from "../../test/postgres";
import { startConsoleProcess, type ConsoleProcess } from "../support/console-process";
import { actionNamed, postAction } from "../support/consoles";
import { flowOf } from "../support/fault-flows";
import { listPath, type Operation } from "../support/fault-matrix";
import { NGINX_BINARY, startNginx, type StartedNginx } from "../support/nginx";
import { E2E } from "../support/ports";
import { SANDBOX_ENTITY_ID, SandboxControls } from "../support/sandbox";
import { signInThroughSandbox } from "../support/sign-in";
import { createInSandbox } from "../support/wink";

const METRICS_TOKEN = "behind-proxy-metrics-token";
const FORGED = { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" };
const upstreams = E2E.twoConsolesPorts.map((port) => `127.0.0.1:${port}`);

const sandbox = new SandboxControls();
let postgres: TestPostgres;
let copies: ConsoleProcess[] = [];
let proxy: StartedNginx;
let browserContext: BrowserContext;
let signedIn: Awaited<ReturnType<typeof signInThroughProxy>>;
let admin: APIRequestContext;
const figures: Record<string, unknown> = {};

test.describe.configure({ mode: "serial", timeout: 180_000 });
test.use({ storageState: { cookies: [], origins: [] } });
test.skip(!existsSync(NGINX_BINARY), `no nginx at ${NGINX_BINARY} (.ci/run installs Debian's)`);

/** The copies that answered the access log's lines from `from` on that match `pattern`. */
const answeredBy = (from: number, pattern: RegExp) =>
  proxy
    .accessLog()
    .slice(from)
    .filter((line) => pattern.test(line))
    .map((line) => line.split(" ")[0]);

/** Signs the admin in through nginx, every request to it carrying forged forwarded headers. */
async function signInThroughProxy(context: BrowserContext) {
  await context.route(`${proxy.url}/**`, (route) =>
    route.continue({ headers: { ...route.request().headers(), ...FORGED } }),
  );
  const page = await context.newPage();
  const from = proxy.accessLog().length;
  const redirectUris: string[] = [];
  page.on("request", (request) => {
    const redirectUri = new URL(request.url()).searchParams.get("redirect_uri");
    if (redirectUri) redirectUris.push(redirectUri);
  });
  await signInThroughSandbox(page, "admin", `${proxy.url}/`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 20_000 });
  return { page, redirectUris, from };
}

const rotate = (
  app: { id: string; name: string; clientId: string },
  submission: string,
  headers: Record<string, string> = {},
) =>
  postAction(
    admin,
    proxy.url,
    actionNamed("rotateApplicationCredentials"),
    [SANDBOX_ENTITY_ID, app.id, submission.padEnd(32, "x"), app.name, app.clientId],
    headers,
  );

test.beforeAll(async ({ browser, playwright }) => {
  const started = Date.now();
  postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase("behind_proxy");
  // One after the other: each runs the image's migration command first, as a release would once.
  for (const port of E2E.twoConsolesPorts) {
    copies.push(
      await startConsoleProcess(
        {
          DATABASE_URL: databaseUrl,
          AUTH_TRUST_HOST: "true",
          CONSOLE_METRICS_TOKEN: METRICS_TOKEN,
          WINK_TIMEOUT_MS: "4000",
        },
        port,
      ),
    );
  }
  figures.coldStartMs = copies.map((copy) => copy.coldStartMs);
  proxy = await startNginx(upstreams, E2E.behindProxyPort);
  figures.setUpMs = Date.now() - started;
  browserContext = await browser.newContext({ baseURL: proxy.url });
  signedIn = await signInThroughProxy(browserContext);
  // The session, for the requests below that pick their headers themselves.
  admin = await playwright.request.newContext({
    storageState: await browserContext.storageState(),
  });
});

test.afterAll(async () => {
  await browserContext?.close();
  await admin?.dispose();
  await proxy?.stop();
  for (const copy of copies) {
    if (copy.child.exitCode === null) copy.child.kill("SIGTERM");
    await copy.exited;
  }
  copies = [];
  await postgres?.stop();
  writeFileSync("reports/behind-proxy.json", `${JSON.stringify(figures, null, 2)}\n`);
});

test("the proxy is the deployed file: nginx sets the forwarded headers itself, no affinity", () => {
  const directives = proxy.config.replace(/#.*$/gm, "");
  expect(directives).toMatch(/proxy_set_header X-Forwarded-Host \$http_host;/);
  expect(directives).toMatch(/proxy_set_header X-Forwarded-Proto \$scheme;/);
  expect(directives).not.toMatch(/\$http_x_forwarded|ip_hash|sticky|hash \$|non_idempotent/);
  for (const upstream of upstreams) expect(directives).toContain(`server ${upstream}`);
});

test("sign-in, create, edit, rotate and delete work through nginx, served by both copies", async () => {
  const { page, redirectUris, from } = signedIn;
  // The identity provider was given the proxy's own address, not the forged one.
  expect(redirectUris.length).toBeGreaterThan(0);
  for (const uri of redirectUris) expect(uri.startsWith(`${proxy.url}/`)).toBe(true);

  const operations: Operation[] = ["create", "update", "rotate", "delete"];
  const apps = [];
  for (const operation of operations) {
    apps.push(await createInSandbox({ name: `Behind proxy ${operation} ${Date.now()}` }));
  }
  const before = await sandbox.stats();
  for (const [index, operation] of operations.entries()) {
    const flow = flowOf(operation);
    const app = apps[index]!;
    const context = { page, app, name: `${app.name} (changed)` };
    await flow.prepare(context);
    await flow.send(context);
    await flow.succeeded(context);
  }
  const after = await sandbox.stats();
  expect(after.mutations.creates - before.mutations.creates).toBe(1);
  expect(after.mutations.updates - before.mutations.updates).toBe(1);
  expect(after.mutations.rotations - before.mutations.rotations).toBe(1);
  expect(after.mutations.deletes - before.mutations.deletes).toBe(1);

  const servedBy = answeredBy(from, / (GET|POST) /);
  figures.requestsByCopy = Object.fromEntries(
    upstreams.map((upstream) => [upstream, servedBy.filter((by) => by === upstream).length]),
  );
  for (const upstream of upstreams) expect(servedBy).toContain(upstream);
});

test("a client's forged X-Forwarded-Host and Host count for nothing behind nginx", async () => {
  const app = await createInSandbox({ name: `Forged host ${Date.now()}` });
  // Had nginx passed the forged host on, this change would come "from the console's own origin".
  const fromEvil = await rotate(app, `forged-origin-${Date.now()}`, {
    ...FORGED,
    Origin: "http://evil.example",
  });
  expect(fromEvil.httpStatus).toBe(403);
  // And this one, from the real origin, would be refused as cross-origin.
  const fromConsole = await rotate(app, `forged-header-${Date.now()}`, FORGED);
  expect(fromConsole).toMatchObject({ ok: true });

  // A Host that is not the console's never reaches a copy.
  const status = await new Promise<number | undefined>((resolve, reject) =>
    httpRequest(`${proxy.url}/sign-in`, { headers: { Host: "evil.example" } }, (response) => {
      response.resume();
      resolve(response.statusCode);
    })
      .on("error", reject)
      .end(),
  );
  expect(status).toBe(421);
});

test("the security headers arrive intact through nginx; metrics stay with the copies", async () => {
  const direct = await admin.get(`http://localhost:${E2E.twoConsolesPorts[0]}/sign-in`);
  const proxied = await admin.get(`${proxy.url}/sign-in`, { headers: FORGED });
  const withoutNonce = (csp = "") => csp.replace(/'nonce-[^']+'/, "'nonce'");
  expect(withoutNonce(proxied.headers()["content-security-policy"])).toBe(
    withoutNonce(direct.headers()["content-security-policy"]),
  );
  expect(proxied.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  for (const header of [
    "x-frame-options",
    "referrer-policy",
    "x-content-type-options",
    "permissions-policy",
    "cache-control",
  ]) {
    expect(proxied.headers()[header], header).toBe(direct.headers()[header]);
  }
  // Plain http: no HSTS, however hard a client claims https (nginx sets X-Forwarded-Proto).
  expect(proxied.headers()["strict-transport-security"]).toBeUndefined();
  expect(proxied.headers().server ?? "").not.toMatch(/\d/);

  const bearer = { Authorization: `Bearer ${METRICS_TOKEN}` };
  expect((await admin.get(`${proxy.url}/api/metrics`, { headers: bearer })).status()).toBe(404);
  const metrics = await (
    await admin.get(`${copies[0]!.url}/api/metrics`, { headers: bearer })
  ).text();
  expect(metrics).toMatch(/console_db_query_duration_seconds_count\{operation="select"\} [1-9]/);
  expect(metrics).toMatch(/console_db_pool_connections\{state="total"\} [1-9]/);
});

test("a sign-out through one copy is honoured by both", async ({ browser, playwright }) => {
  const context = await browser.newContext({ baseURL: proxy.url });
  const { page } = await signInThroughProxy(context);
  // A copy of the cookie, as a second tab (or a thief) would present it.
  const copy = await playwright.request.newContext({ storageState: await context.storageState() });
  // Round robin: requests in a row alternate between the copies; both accept the session.
  const listings = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () => copy.get(`${proxy.url}${listPath}`, { maxRedirects: 0 })),
    ).then((answers) => answers.map((answer) => answer.status()));
  expect(await listings(2)).toEqual([200, 200]);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/signed-out/);
  const signedOut = proxy.accessLog().length;
  expect(await listings(4)).toEqual([307, 307, 307, 307]);
  expect(new Set(answeredBy(signedOut, / GET \/entities\/.* 307$/))).toEqual(new Set(upstreams));
  await copy.dispose();
  await context.close();
});

test("two rotates of one application at once, one on each copy, rotate it once at Wink", async () => {
  const rounds = 10;
  for (let round = 0; round < rounds; round++) {
    const app = await createInSandbox({ name: `Raced behind proxy ${Date.now()}` });
    const from = proxy.accessLog().length;
    const answers = await Promise.all(
      ["a", "b"].map((copy) => rotate(app, `race-${round}-${copy}-${Date.now()}`)),
    );
    expect(
      answers.filter((answer) => answer.ok),
      JSON.stringify(answers),
    ).toHaveLength(1);
    expect(answers.find((answer) => !answer.ok)).toMatchObject({ status: 409 });
    const stats = await sandbox.stats();
    expect(stats.mutations.byApplication[app.id]?.rotations).toBe(1);
    expect(new Set(answeredBy(from, / POST /))).toEqual(new Set(upstreams));
  }
  figures.raceRounds = rounds;
});

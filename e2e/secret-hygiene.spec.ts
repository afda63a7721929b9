import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { SANDBOX_DEFAULTS } from "../lib/wink-contract/sandbox-defaults";
import { E2E } from "./support/ports";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { expectNoTraceOf, requestToken } from "./support/secrets";
import {
  browserKeepings,
  consoleLogFromNow,
  heapHolds,
  recordTraffic,
  secretFromActionAnswer,
  type Exchange,
} from "./support/traffic";
import { createInSandbox } from "./support/wink";

/**
 * A client secret exists in exactly one place the console controls: the answer of the server action
 * that created or rotated it, and from there the reveal dialog's state until it closes. These tests
 * drive both flows in a real browser and then look everywhere else:
 *
 * - every other response the browser got, before and after (HTML, RSC payloads of navigations and
 *   refreshes, the JSON read behind the list), and every request it sent (URLs and bodies);
 * - the page's HTML, its URL and history, and everything the browser stores (local and session
 *   storage, cookies, IndexedDB, Cache Storage, navigation and resource timing entries);
 * - the page's memory once the dialog has closed (a heap snapshot), react-query's cache included
 *   (see `expectOnlyTheActionCarriedIt`);
 * - the console's own log (stdout and stderr, captured to reports/console-e2e.log);
 * - and the page cannot be framed, so no other site can overlay or read the reveal dialog.
 */

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;
const pageOf = (id: string) => `${listPath}/${id}`;
const CONSOLE_SECRET = SANDBOX_DEFAULTS.consoleClientSecret;

const revealDialog = (page: Page) =>
  page.getByRole("dialog").filter({ has: page.getByTestId("reveal-secret") });

/** Masked until revealed: not even hidden in the DOM. Then shown, and the pair really works. */
async function revealAndCheck(page: Page, secret: string) {
  const reveal = revealDialog(page);
  await expect(reveal).toBeVisible();
  expect(await page.content(), "the masked secret is not in the DOM").not.toContain(secret);
  await reveal.getByTestId("reveal-toggle").click();
  await expect(reveal.getByTestId("reveal-secret")).toHaveText(secret);
  const clientId = (await reveal.getByTestId("reveal-client-id").textContent())!.trim();
  expect((await requestToken(clientId, secret)).status).toBe(200);
  return clientId;
}

async function closeReveal(page: Page) {
  const reveal = revealDialog(page);
  await reveal.getByTestId("reveal-stored-checkbox").check();
  await reveal.getByTestId("reveal-done").click();
  await expect(reveal).toBeHidden();
}

/**
 * Only the action's answer ever carried the secret, and nothing the browser sent did.
 *
 * This is also what keeps it out of react-query's cache, which the tests cannot read directly (it
 * lives in a closure, not on `window`). The cache is filled from three sources only: the list the
 * server rendered (the page's HTML and RSC payloads, handed over as `initialData` and
 * `setQueryData`), and the JSON of /api/entities/…/applications (the query function). Create and
 * rotate are plain action calls, not react-query mutations, so their result never enters the
 * cache. If none of those payloads holds the secret, the cache cannot either; `seen` proves that
 * each kind was really fetched after the secret was issued, so the check is not vacuous. (The
 * heap snapshot in each test is the direct check: the cache is in the heap it searches.)
 */
function expectOnlyTheActionCarriedIt(
  exchanges: Exchange[],
  from: Exchange,
  secret: string,
  seen: { listReads: boolean; rscPayloads: boolean },
) {
  for (const exchange of exchanges) {
    expect(exchange.url, "a URL the browser requested").not.toContain(secret);
    expect(exchange.requestBody, `the body sent to ${exchange.url}`).not.toContain(secret);
    if (exchange === from) continue;
    expect(
      exchange.responseBody ?? "",
      `the answer of ${exchange.method} ${exchange.url}`,
    ).not.toContain(secret);
  }
  // A payload the test could not read would be a hole in the check.
  const unread = exchanges.filter(
    (exchange) =>
      exchange.status === 200 &&
      /text\/html|application\/json|text\/x-component/.test(exchange.contentType ?? "") &&
      exchange.responseBody === undefined,
  );
  expect(
    unread.map((exchange) => exchange.url),
    "answers whose body could not be read",
  ).toEqual([]);
  const after = exchanges.slice(exchanges.indexOf(from) + 1);
  const listReads = after.filter(
    (exchange) => exchange.url.includes("/api/entities/") && exchange.responseBody !== undefined,
  );
  const rscPayloads = after.filter((exchange) => exchange.rsc && exchange.responseBody);
  if (seen.listReads) expect(listReads.length, "list reads after the secret").toBeGreaterThan(0);
  if (seen.rscPayloads) expect(rscPayloads.length, "RSC payloads after").toBeGreaterThan(0);
}

/** The browser keeps it nowhere: DOM, URL, history, storage, cookies, databases, caches. */
async function expectNothingKept(page: Page, secret: string) {
  await expectNoTraceOf(page, secret);
  for (const [where, value] of Object.entries(await browserKeepings(page))) {
    expect(value, `browser ${where}`).not.toContain(secret);
  }
}

/**
 * The console logged the change (so the capture works) but never the secret, nor its own
 * credential, nor a bearer token.
 */
async function expectLogClean(readLog: () => string, clientId: string, secret: string) {
  await expect
    .poll(readLog, { message: "the console's audit line for the change" })
    .toContain(clientId);
  const log = readLog();
  expect(log).not.toContain(secret);
  expect(log).not.toContain(CONSOLE_SECRET);
  expect(log).not.toMatch(/Bearer\s+(?!\[REDACTED\])[A-Za-z0-9._~+/-]{16,}/);
}

test.describe("the secret leaves no trace", () => {
  // Each case walks several pages and takes heap snapshots: on a busy 2-core machine that alone
  // can take most of the default 30 s.
  test.describe.configure({ timeout: 90_000 });

  test("after a create", async ({ adminPage: page, sandbox }) => {
    const readLog = consoleLogFromNow();
    const traffic = await recordTraffic(page, E2E.consoleUrl);
    const name = `Hygiene create ${Date.now()}`;

    await page.goto(listPath);
    await page.getByRole("button", { name: "Create application" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create application" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("radio", { name: "Machine to machine" }).click();
    await dialog.getByRole("checkbox", { name: "Booking: read" }).check();
    await dialog.getByRole("button", { name: "Create application" }).click();
    await expect(revealDialog(page)).toBeVisible();
    await traffic.settled();
    const { secret, from } = secretFromActionAnswer(traffic.exchanges);
    const clientId = await revealAndCheck(page, secret);
    expect(await heapHolds(page, secret), "the open dialog holds it (the search works)").toBe(true);
    await closeReveal(page);

    // The list refetches from the route handler once the dialog is closed…
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
    // …and the page, still the same document, no longer holds the secret anywhere in memory:
    // not in React's state, not in react-query's cache, not in a leftover action result.
    expect(await heapHolds(page, secret), "the page's memory after the dialog closed").toBe(false);
    await traffic.quiet();
    // …then the admin opens the application (a client navigation: an RSC payload), edits it, and
    // reloads: everything the console serves about it after the create.
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page.getByTestId("client-id")).toHaveText(clientId);
    await traffic.quiet();
    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByLabel("Name")).toHaveValue(name);
    await traffic.quiet();
    await page.goto(listPath);
    await traffic.quiet();
    await page.reload();
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
    await traffic.quiet();

    expectOnlyTheActionCarriedIt(traffic.exchanges, from, secret, {
      listReads: true,
      rscPayloads: true,
    });
    await expectNothingKept(page, secret);
    await expectLogClean(readLog, clientId, secret);
    expect((await sandbox.stats()).mutations.creates).toBe(1);
  });

  test("after a rotate", async ({ adminPage: page, sandbox }) => {
    const app = await createInSandbox({ name: `Hygiene rotate ${Date.now()}` });
    const readLog = consoleLogFromNow();
    const traffic = await recordTraffic(page, E2E.consoleUrl);

    await page.goto(pageOf(app.id));
    await page.getByRole("button", { name: "Rotate credentials" }).click();
    const confirm = page.getByRole("alertdialog");
    await confirm.getByLabel(`Type ${app.name} to confirm`).fill(app.name);
    await confirm.getByRole("button", { name: "Rotate credentials" }).click();
    await expect(revealDialog(page)).toBeVisible();
    await traffic.settled();
    const { secret, from } = secretFromActionAnswer(traffic.exchanges);
    const clientId = await revealAndCheck(page, secret);
    expect(clientId).not.toBe(app.clientId);
    expect(await heapHolds(page, secret), "the open dialog holds it (the search works)").toBe(true);
    await closeReveal(page);

    // Closing refreshes the page (an RSC payload) with the new client ID; then the list.
    await expect(page.getByTestId("client-id")).toHaveText(clientId);
    expect(await heapHolds(page, secret), "the page's memory after the dialog closed").toBe(false);
    await traffic.quiet();
    await page.getByRole("link", { name: "Applications" }).first().click();
    await expect(page.getByRole("link", { name: app.name, exact: true })).toBeVisible();
    await traffic.quiet();
    await page.reload();
    await expect(page.getByRole("link", { name: app.name, exact: true })).toBeVisible();
    await traffic.quiet();

    expectOnlyTheActionCarriedIt(traffic.exchanges, from, secret, {
      listReads: false,
      rscPayloads: true,
    });
    await expectNothingKept(page, secret);
    await expectLogClean(readLog, clientId, secret);
    const stats = await sandbox.stats();
    expect(stats.mutations.rotations).toBe(1);
  });

  test("no page the console serves can be framed by another site", async ({
    adminPage: page,
    browser,
  }) => {
    // The headers, on the pages that show a secret (the list's create dialog, the application's
    // rotate dialog) and on the sign-in page a framed, cookieless request ends up on.
    const app = await createInSandbox({ name: `Hygiene framing ${Date.now()}` });
    for (const url of [listPath, pageOf(app.id), "/sign-in"]) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      const headers = response.headers();
      expect(headers["content-security-policy"], url).toMatch(/frame-ancestors 'none'/);
      expect(headers["x-frame-options"], url).toBe("DENY");
    }

    // And the browser obeys them: framed by a page of another origin, the console never shows.
    // That page is a server of this test on 127.0.0.1 (another site than localhost). A public
    // origin, or a data: URL (an opaque, "public" origin), would be stopped earlier by Chromium's
    // private network access rules before the console was even asked: that would prove nothing.
    const framingHtml = `<!doctype html><title>framer</title><iframe src="${E2E.consoleUrl}${listPath}" width="800" height="600"></iframe>`;
    const other = createServer((_request, response) => {
      response.writeHead(200, { "Content-Type": "text/html" }).end(framingHtml);
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const framer = await browser.newContext({
      storageState: await page.context().storageState(),
    });
    const attacker = await framer.newPage();
    try {
      for (const url of [`${otherOrigin}/`]) {
        const answered = attacker.waitForResponse((response) =>
          response.url().startsWith(E2E.consoleUrl),
        );
        await attacker.goto(url);
        // The console answered the frame's request, and refused to be framed in that answer.
        const framedAnswer = await answered;
        expect(framedAnswer.headers()["x-frame-options"], url).toBe("DENY");
        expect(framedAnswer.headers()["content-security-policy"], url).toMatch(
          /frame-ancestors 'none'/,
        );
        await expect.poll(() => attacker.frames().length, { message: url }).toBe(2);
        const frame = attacker.frames()[1]!;
        // Chromium replaces a refused frame with its own error page: nothing of the console.
        await expect.poll(() => frame.url(), { message: url }).toMatch(/^chrome-error:/);
        expect(await frame.locator("#main, [data-testid], form").count(), url).toBe(0);
      }
    } finally {
      await framer.close();
      await new Promise((resolve) => other.close(resolve));
    }
  });
});

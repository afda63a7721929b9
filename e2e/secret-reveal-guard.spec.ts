import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { requestToken } from "./support/secrets";
import { createInSandbox } from "./support/wink";

/**
 * A shown-once secret never disappears because the page changed: every way of changing it either
 * asks first (Back, Forward, a link) or leaves the dialog where it is (a refetch, a refresh, the
 * session ending). Each test reads the secret, changes the page one way, and checks that the same
 * secret is still on screen.
 */

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;
const pageOf = (id: string) => `${listPath}/${id}`;

const revealDialog = (page: Page) =>
  page.getByRole("dialog").filter({ has: page.getByTestId("reveal-secret") });
const leavePrompt = (page: Page) =>
  page.getByRole("alertdialog", { name: "Leave without storing the secret?" });

/** Reaches the list the way people do: an application's page, then its breadcrumb. */
async function reachListByBreadcrumb(page: Page) {
  const app = await createInSandbox({ clientType: "MACHINE_2_MACHINE", redirectUris: [] });
  await page.goto(pageOf(app.id));
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").first().click();
  await expect(page).toHaveURL(listPath);
  await expect(page.getByRole("table")).toBeVisible();
  return app;
}

/** Creates a machine-to-machine application and returns the pair shown in the dialog. */
async function createAndReveal(page: Page, name: string) {
  await page.getByRole("button", { name: "Create application" }).first().click();
  const form = page.getByRole("dialog", { name: "Create application" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("radio", { name: "Machine to machine" }).click();
  await form.getByRole("button", { name: "Create application" }).click();
  return readPair(page);
}

async function readPair(page: Page) {
  const reveal = revealDialog(page);
  await expect(reveal).toBeVisible();
  await reveal.getByTestId("reveal-toggle").click();
  const clientId = (await reveal.getByTestId("reveal-client-id").textContent())!.trim();
  const secret = (await reveal.getByTestId("reveal-secret").textContent())!.trim();
  expect(secret.length).toBeGreaterThan(10);
  return { clientId, secret };
}

async function expectStillShown(page: Page, pair: { clientId: string; secret: string }) {
  const reveal = revealDialog(page);
  await expect(reveal).toBeVisible();
  await expect(reveal.getByTestId("reveal-client-id")).toHaveText(pair.clientId);
  await expect(reveal.getByTestId("reveal-secret")).toHaveText(pair.secret);
}

test.describe("the shown-once secret, while the page would change", () => {
  test("Back asks first; Stay keeps the page and the secret, Leave goes back", async ({
    adminPage: page,
  }) => {
    const app = await reachListByBreadcrumb(page);
    const pair = await createAndReveal(page, "Guarded by Back");

    await page.evaluate(() => window.history.back());
    await expect(leavePrompt(page)).toBeVisible();
    await expect(page).toHaveURL(listPath);
    await expectStillShown(page, pair);

    await leavePrompt(page).getByRole("button", { name: "Stay" }).click();
    await expect(leavePrompt(page)).toBeHidden();
    await expectStillShown(page, pair);
    await expect(page).toHaveURL(listPath);
    // Not only the URL: the page behind the dialog is still the list, not the one Back led to.
    await expect(page.locator("main h1")).toHaveText("Applications");

    // Asked again for a second Back; this time the admin leaves, and lands where Back leads.
    await page.evaluate(() => window.history.back());
    await leavePrompt(page).getByRole("button", { name: "Leave anyway" }).click();
    await expect(revealDialog(page)).toBeHidden();
    await expect(page).toHaveURL(pageOf(app.id));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(app.name);
  });

  test("Forward asks first too", async ({ adminPage: page }) => {
    const app = await reachListByBreadcrumb(page);
    // To the application's page and back, so that a Forward entry exists.
    await page.getByRole("link", { name: app.name, exact: true }).click();
    await expect(page).toHaveURL(pageOf(app.id));
    await page.goBack();
    await expect(page).toHaveURL(listPath);
    await expect(page.getByRole("table")).toBeVisible();
    const pair = await createAndReveal(page, "Guarded by Forward");

    await page.evaluate(() => window.history.forward());
    await expect(leavePrompt(page)).toBeVisible();
    await expect(page).toHaveURL(listPath);
    await expectStillShown(page, pair);
    await leavePrompt(page).getByRole("button", { name: "Stay" }).click();
    await expect(page.locator("main h1")).toHaveText("Applications");
  });

  test("a link clicked while the secret is open asks first", async ({ adminPage: page }) => {
    const app = await reachListByBreadcrumb(page);
    await page.getByRole("link", { name: app.name, exact: true }).waitFor();
    const pair = await createAndReveal(page, "Guarded from links");

    // The modal dialog keeps the pointer from the page; code, a shortcut or an extension can
    // still click a link, and Next's router would follow it.
    await page.locator("header a[href='/']").dispatchEvent("click");
    await expect(leavePrompt(page)).toBeVisible();
    await expect(page).toHaveURL(listPath);
    await leavePrompt(page).getByRole("button", { name: "Stay" }).click();
    await expectStillShown(page, pair);

    await page
      .locator(`a[href='${pageOf(app.id)}']`)
      .first()
      .dispatchEvent("click");
    await expect(leavePrompt(page)).toBeVisible();
    await leavePrompt(page).getByRole("button", { name: "Leave anyway" }).click();
    await expect(revealDialog(page)).toBeHidden();
    await expect(page).toHaveURL(pageOf(app.id));
  });

  test("a list refetch on window focus leaves the same secret on screen", async ({
    adminPage: page,
  }) => {
    await page.clock.install();
    await reachListByBreadcrumb(page);
    const pair = await createAndReveal(page, "Through a refetch");

    // Past the list's staleTime, then the window regains focus: react-query refetches.
    await page.clock.fastForward("02:00");
    const refetched = page.waitForResponse(
      (response) => response.url().endsWith(`/api${listPath}`) && response.ok(),
    );
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
      document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
      window.dispatchEvent(new Event("focus"));
    });
    await refetched;
    await expectStillShown(page, pair);
    // The refetch did reach the table behind the dialog: the new application is listed there.
    await expect(page.locator("table a", { hasText: "Through a refetch" }).first()).toBeAttached();
  });

  test("a refresh after the session ended sends the page to sign in, not the secret away", async ({
    adminPage: page,
  }) => {
    await reachListByBreadcrumb(page);
    const pair = await createAndReveal(page, "Through a sign-out");

    await page.context().clearCookies();
    await page.evaluate(() =>
      (window as unknown as { next: { router: { refresh(): void } } }).next.router.refresh(),
    );
    await expect(page).toHaveURL(/\/sign-in/);
    await expectStillShown(page, pair);
  });

  test("after a rotate, Back asks first", async ({ adminPage: page }) => {
    const app = await createInSandbox({ clientType: "MACHINE_2_MACHINE", redirectUris: [] });
    await page.goto(listPath);
    await page.getByRole("link", { name: app.name, exact: true }).click();
    await expect(page).toHaveURL(pageOf(app.id));

    await page.getByRole("button", { name: "Rotate credentials" }).click();
    const confirm = page.getByRole("alertdialog");
    await confirm.getByLabel(`Type ${app.name} to confirm`).fill(app.name);
    await confirm.getByRole("button", { name: "Rotate credentials" }).click();
    const pair = await readPair(page);

    await page.evaluate(() => window.history.back());
    await expect(leavePrompt(page)).toBeVisible();
    await expect(page).toHaveURL(pageOf(app.id));
    await expectStillShown(page, pair);
    await leavePrompt(page).getByRole("button", { name: "Stay" }).click();
    await expect(page.locator("main h1")).toHaveText(app.name);

    // The breadcrumb back to the list asks too.
    await page.locator(`nav[aria-label='Breadcrumb'] a[href='${listPath}']`).dispatchEvent("click");
    await expect(leavePrompt(page)).toBeVisible();
    await expect(page).toHaveURL(pageOf(app.id));
    await expectStillShown(page, pair);
  });

  test("the Show secret button says what it does next", async ({ adminPage: page }) => {
    await page.goto(listPath);
    await page.getByRole("button", { name: "Create application" }).first().click();
    const form = page.getByRole("dialog", { name: "Create application" });
    await form.getByLabel("Name").fill("Toggle label");
    await form.getByRole("radio", { name: "Machine to machine" }).click();
    await form.getByRole("button", { name: "Create application" }).click();
    const toggle = revealDialog(page).getByTestId("reveal-toggle");
    await expect(toggle).toHaveAccessibleName("Show secret");
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(toggle).toHaveAccessibleName("Hide secret");
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await toggle.click();
    await expect(toggle).toHaveAccessibleName("Show secret");
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
  });
});

test.describe("the shown-once dialog's code, fetched on first use", () => {
  test("if it cannot be fetched, the pair waits on this page until it can", async ({
    adminPage: page,
  }) => {
    await page.goto(listPath);
    await expect(page.getByRole("table")).toBeVisible();
    // Every fetch of the code that shows the secret fails until `offline` is cleared. It is not
    // part of the list page: the page above loaded without it.
    let offline = true;
    let refused = 0;
    await page.route("**/_next/static/chunks/*.js", async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (offline && body.includes("reveal-secret")) {
        refused += 1;
        return route.abort("internetdisconnected");
      }
      return route.fulfill({ response, body });
    });

    await page.getByRole("button", { name: "Create application" }).first().click();
    const form = page.getByRole("dialog", { name: "Create application" });
    await form.getByLabel("Name").fill("Shown after a failed fetch");
    await form.getByRole("radio", { name: "Machine to machine" }).click();
    await form.getByRole("button", { name: "Create application" }).click();

    const notice = page.getByRole("alert").filter({ hasText: "could not be loaded" });
    await expect(notice).toBeVisible();
    expect(refused).toBeGreaterThan(0);
    await expect(revealDialog(page)).toHaveCount(0);

    offline = false;
    await notice.getByRole("button", { name: "Show the credentials" }).click();
    const pair = await readPair(page);
    await expect(notice).toBeHidden();
    // The pair shown is the one Wink issued for this application: it gets a token.
    expect((await requestToken(pair.clientId, pair.secret)).status).toBe(200);
  });
});

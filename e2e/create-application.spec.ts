import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { E2E } from "./support/ports";
import { expectNoTraceOf, requestToken } from "./support/secrets";
import { recordTraffic } from "./support/traffic";

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;

const CASES = [
  {
    type: "Web application",
    redirect: "https://booking.example.com/callback",
    scopes: ["Booking: read", "Booking: write"],
    tokenScope: "booking.read booking.write",
  },
  {
    type: "Single-page app",
    redirect: "http://localhost:5173/callback",
    scopes: ["Inventory: read"],
    tokenScope: "inventory.read",
  },
  {
    type: "Mobile or desktop app",
    redirect: "com.example.travel:/oauth2redirect",
    scopes: ["Content: read", "Marketing: read"],
    tokenScope: "content.read marketing.read",
  },
  {
    type: "Machine to machine",
    redirect: null,
    scopes: ["Payment: read", "Accounting: read"],
    tokenScope: "payment.read accounting.read",
  },
] as const;

async function openCreateDialog(page: Page) {
  await page.goto(listPath);
  await page.getByRole("button", { name: "Create application" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create application" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe("creating an application", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  for (const testCase of CASES) {
    test(`${testCase.type}: the secret is shown once, works, and leaves no trace`, async ({
      adminPage: page,
      sandbox,
    }) => {
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
      const name = `E2E ${testCase.type} ${Date.now()}`;
      const dialog = await openCreateDialog(page);
      await dialog.getByLabel("Name").fill(name);
      await dialog.getByRole("radio", { name: testCase.type }).click();
      if (testCase.redirect)
        await dialog
          .getByRole("textbox", { name: "Redirect URI 1", exact: true })
          .fill(testCase.redirect);
      else
        await expect(
          dialog.getByRole("textbox", { name: "Redirect URI 1", exact: true }),
        ).toHaveCount(0);
      for (const scope of testCase.scopes)
        await dialog.getByRole("checkbox", { name: scope }).check();

      const traffic = await recordTraffic(page, E2E.consoleUrl);
      await dialog.getByRole("button", { name: "Create application" }).click();

      const reveal = page.getByRole("dialog").filter({ has: page.getByTestId("reveal-secret") });
      await expect(reveal).toBeVisible();
      const clientId = (await reveal.getByTestId("reveal-client-id").textContent())!.trim();
      // Masked until revealed.
      await reveal.getByRole("button", { name: "Copy client secret" }).click();
      await expect(reveal.getByText("Copied")).toBeVisible();
      const secret = await page.evaluate(() => navigator.clipboard.readText());
      expect(secret.length).toBeGreaterThan(20);
      await expect(reveal.getByTestId("reveal-secret")).not.toContainText(secret);
      await reveal.getByTestId("reveal-toggle").click();
      await expect(reveal.getByTestId("reveal-secret")).toHaveText(secret);

      // The copied values are the real credentials: the sandbox issues a token for them, with
      // the scopes the application was given and no more.
      const token = await requestToken(clientId, secret, testCase.tokenScope);
      expect(token.status).toBe(200);
      expect(token.body.scope!.split(" ").sort()).toEqual(testCase.tokenScope.split(" ").sort());
      const tooMuch = await requestToken(clientId, secret, "account.remove");
      expect(tooMuch.body.error).toBe("invalid_scope");

      // Escape does not close it without a confirmation.
      await page.keyboard.press("Escape");
      const confirm = page.getByRole("alertdialog");
      await expect(confirm).toBeVisible();
      await confirm.getByRole("button", { name: "Keep open" }).click();
      await expect(reveal).toBeVisible();

      await expect(reveal.getByTestId("reveal-done")).toBeDisabled();
      await reveal.getByTestId("reveal-stored-checkbox").check();
      await reveal.getByTestId("reveal-done").click();
      await expect(reveal).toBeHidden();

      // Only the response to the create carried the secret.
      await traffic.settled();
      const carrying = traffic.exchanges.filter((exchange) =>
        exchange.responseBody?.includes(secret),
      );
      expect(carrying).toHaveLength(1);
      expect(carrying[0]!.action).toBe(true);
      const seenBeforeClose = traffic.exchanges.length;

      // The list shows the new application; reload, and the secret is nowhere.
      await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
      await page.reload();
      await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
      await expectNoTraceOf(page, secret);
      await traffic.settled();
      const after = traffic.exchanges.slice(seenBeforeClose);
      expect(after.length).toBeGreaterThan(0);
      expect(after.filter((exchange) => exchange.responseBody?.includes(secret))).toHaveLength(0);

      const stats = await sandbox.stats();
      expect(stats.mutations.creates).toBe(1);
    });
  }

  test("a double click creates one application", async ({ adminPage: page, sandbox }) => {
    const dialog = await openCreateDialog(page);
    await dialog.getByLabel("Name").fill("Double click");
    await dialog.getByRole("radio", { name: "Machine to machine" }).click();
    await dialog.getByRole("button", { name: "Create application" }).dblclick();
    await expect(page.getByTestId("reveal-secret")).toBeVisible();
    expect((await sandbox.stats()).mutations.creates).toBe(1);
  });

  test("each bad field is named, and nothing reaches Wink", async ({
    adminPage: page,
    sandbox,
  }) => {
    const dialog = await openCreateDialog(page);
    await dialog.getByRole("button", { name: "Create application" }).click();
    await expect(dialog.getByText("Give the application a name.")).toBeVisible();
    await expect(dialog.getByText("Choose what kind of application this is.")).toBeVisible();

    await dialog.getByLabel("Name").fill("x".repeat(101));
    await dialog.getByRole("radio", { name: "Web application" }).click();
    await dialog
      .getByRole("textbox", { name: "Redirect URI 1", exact: true })
      .fill("http://app.example.com/callback");
    await dialog.getByRole("button", { name: "Add redirect URI" }).click();
    await dialog
      .getByRole("textbox", { name: "Redirect URI 2", exact: true })
      .fill("https://*.example.com/cb");
    await dialog.getByRole("button", { name: "Add redirect URI" }).click();
    await dialog
      .getByRole("textbox", { name: "Redirect URI 3", exact: true })
      .fill("https://app.example.com/cb#fragment");
    await dialog.getByRole("button", { name: "Add redirect URI" }).click();
    await dialog
      .getByRole("textbox", { name: "Redirect URI 4", exact: true })
      .fill("com.example.app:/cb");
    await dialog.getByLabel("Icon (optional)").fill("../etc/passwd");
    await dialog.getByRole("button", { name: "Create application" }).click();

    await expect(dialog.getByText(/Keep the name under 100 characters/)).toBeVisible();
    await expect(dialog.getByText(/plain http is only allowed for localhost/)).toBeVisible();
    await expect(dialog.getByText(/Wildcards are not allowed/)).toBeVisible();
    await expect(dialog.getByText(/cannot have a fragment/)).toBeVisible();
    await expect(dialog.getByText(/Custom schemes are only for mobile apps/)).toBeVisible();
    await expect(dialog.getByText(/Use a Cloudinary public ID/)).toBeVisible();
    await expect(
      dialog.getByRole("textbox", { name: "Redirect URI 2", exact: true }),
    ).toHaveAttribute("aria-invalid", "true");

    // An interactive client needs a redirect URI.
    for (let row = 4; row >= 1; row -= 1) {
      await dialog.getByRole("button", { name: `Remove redirect URI ${row}` }).click();
    }
    await dialog.getByRole("button", { name: "Create application" }).click();
    await expect(dialog.getByText(/Add at least one redirect URI/)).toBeVisible();

    expect((await sandbox.stats()).mutations.creates).toBe(0);
  });

  test("viewers see no create control", async ({ viewerPage }) => {
    await viewerPage.goto(listPath);
    await expect(viewerPage.getByRole("table")).toBeVisible();
    await expect(viewerPage.getByRole("button", { name: "Create application" })).toHaveCount(0);
  });

  test("axe finds nothing on the list, the form and the secret dialog", async ({ adminPage }) => {
    const axe = () =>
      new AxeBuilder({ page: adminPage })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
    await adminPage.goto(listPath);
    await expect(adminPage.getByRole("table")).toBeVisible();
    expect((await axe()).violations).toEqual([]);

    const dialog = await openCreateDialog(adminPage);
    expect((await axe()).violations).toEqual([]);

    await dialog.getByLabel("Name").fill("Axe check");
    await dialog.getByRole("radio", { name: "Machine to machine" }).click();
    await dialog.getByRole("button", { name: "Create application" }).click();
    await expect(adminPage.getByTestId("reveal-secret")).toBeVisible();
    expect((await axe()).violations).toEqual([]);
  });
});

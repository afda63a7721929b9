import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { E2E } from "./support/ports";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { createInSandbox } from "./support/wink";

// The console's record: what it keeps about each application and Wink does not.

const listPath = (entityId = SANDBOX_ENTITY_ID) => `/entities/${entityId}/applications`;
const pageOf = (id: string) => `${listPath()}/${id}`;
const SECOND_ENTITY_ID = "7a1c9e52-3b4d-4f6a-8c2e-1d3f5b7a9c0e";
const UNAVAILABLE =
  "The console's record is unavailable: client types, secret ages and owners are not shown.";

const rowOf = (page: Page, name: string) =>
  page.getByTestId("application-row").filter({ hasText: name });

/** Closes the reveal dialog the way an admin does: confirms the secret is stored, then Done. */
async function closeReveal(page: Page) {
  const reveal = page.getByRole("dialog").filter({ has: page.getByTestId("reveal-secret") });
  await expect(reveal).toBeVisible();
  await reveal.getByTestId("reveal-stored-checkbox").check();
  await reveal.getByTestId("reveal-done").click();
  await expect(reveal).toBeHidden();
}

async function createThroughConsole(page: Page, name: string, type: string, redirect?: string) {
  await page.getByRole("button", { name: "Create application" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create application" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("radio", { name: type }).click();
  if (redirect) {
    await dialog.getByRole("textbox", { name: "Redirect URI 1", exact: true }).fill(redirect);
  }
  await dialog.getByRole("button", { name: "Create application" }).click();
  await closeReveal(page);
}

async function rotate(page: Page, name: string) {
  await page.getByRole("button", { name: "Rotate credentials" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await dialog.getByRole("button", { name: "Rotate credentials" }).click();
  await closeReveal(page);
}

/**
 * The tooltip of a focused cell: the exact date the age counts from. Focus again until it shows:
 * a list refreshing under the test (after a dialog closed) may take the focus away once.
 */
async function tooltipOnFocus(page: Page, cell: Locator) {
  const tooltip = page.getByTestId("full-text-tooltip");
  await expect(async () => {
    await cell.blur();
    await cell.focus();
    await expect(tooltip).toBeVisible({ timeout: 1_000 });
  }).toPass();
  return tooltip;
}

test.describe("the console's record", () => {
  test("an application created here shows its type, its creator and a fresh secret; a rotate is counted", async ({
    adminPage: page,
  }) => {
    const name = `Record SPA ${Date.now()}`;
    await page.goto(listPath());
    await createThroughConsole(page, name, "Single-page app", "http://localhost:5173/callback");

    const row = rowOf(page, name);
    await expect(row.getByTestId("client-type")).toHaveText("Single-page app");
    await expect(row.getByTestId("created-by")).toHaveText(/Ada Admin|admin@sandbox\.test/);
    const age = row.getByTestId("secret-age");
    await expect(age).toContainText(/^0 days/);
    await expect(await tooltipOnFocus(page, age)).toContainText(
      /Issued \d+ \w+ \d{4}, \d\d:\d\d UTC by admin@sandbox\.test/,
    );

    await row.getByTestId("application-name").click();
    await expect(page.getByTestId("record-rotations")).toHaveText("0 rotations");
    await expect(page.getByTestId("record-created")).toContainText(/by (Ada Admin|admin@)/);
    await rotate(page, name);
    await page.reload();
    await expect(page.getByTestId("record-rotations")).toHaveText("1 rotation");
    await expect(page.getByTestId("record-secret-issued")).toContainText("(0 days ago)");
    await expect(page.getByTestId("record-rotated-outside")).toHaveCount(0);
  });

  test("an application created outside the console has an unknown type with a guess, and its secret age resets at a rotate", async ({
    adminPage: page,
  }) => {
    const outside = await createInSandbox({
      name: `Outside ${Date.now()}`,
      clientType: "MOBILE",
      redirectUris: ["com.example.outside:/callback"],
    });
    await page.goto(`${listPath()}?type=unknown`);
    const row = rowOf(page, outside.name);
    await expect(row.getByTestId("client-type")).toHaveText(
      /Unknown\s*guess: Mobile or desktop app/,
    );
    await expect(row.getByTestId("secret-age")).toContainText(/^at least 0 days/);
    await expect(row).toContainText("Outside the console");
    await expect(await tooltipOnFocus(page, row.getByTestId("secret-age"))).toContainText(
      "Issued outside the console; first seen",
    );
    await expect(page.getByLabel("Client type")).toHaveValue("unknown");

    await page.goto(pageOf(outside.id));
    await expect(page.getByTestId("record-client-type")).toHaveText(
      "Unknown (guess: Mobile or desktop app)",
    );
    await expect(page.getByTestId("record-created")).toContainText("Before the console");
    await expect(page.getByTestId("record-secret-issued")).toHaveText(
      "Outside the console, at least 0 days ago",
    );
    await rotate(page, outside.name);
    await page.goto(listPath());
    await expect(rowOf(page, outside.name).getByTestId("secret-age")).toContainText(/^0 days/);
  });

  test("admins set the owner, the description and an unknown type; the save reaches Wink once; invisible text is refused", async ({
    adminPage: page,
    sandbox,
  }) => {
    const app = await createInSandbox({ name: `Editable ${Date.now()}` });
    await page.goto(`${pageOf(app.id)}/edit`);
    const type = page.getByLabel("Client type");
    // Pre-filled with the guess from its https redirect URI, marked as one.
    await expect(type).toHaveValue("WEB");
    await expect(type.locator("option:checked")).toHaveText("Web application (guess)");

    await page.getByLabel("Description").fill("\u200B\u200D\u2060");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(/only invisible characters/)).toBeVisible();
    await expect(page).toHaveURL(/\/edit$/);

    await page.getByLabel("Description").fill("Books rooms for the harbour hotels");
    await page.getByLabel("Owner").fill("Team Rocket");
    await type.selectOption("SPA");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`${app.id}$`));
    await expect(page.getByTestId("record-owner")).toHaveText("Team Rocket");
    await expect(page.getByTestId("record-description")).toHaveText(
      "Books rooms for the harbour hotels",
    );
    await expect(page.getByTestId("record-client-type")).toHaveText(
      "Single-page app (set by an admin)",
    );
    // Only console-kept fields changed: the PATCH was skipped.
    // The whole object goes to Wink once with every save (see lib/applications/changes/update.ts).
    expect((await sandbox.stats()).mutations.updates).toBe(1);
  });

  test("viewers see the record but cannot edit it", async ({ viewerPage: page }) => {
    const app = await createInSandbox({ name: `Viewed ${Date.now()}` });
    await page.goto(pageOf(app.id));
    await expect(page.getByTestId("record-client-type")).toContainText("Unknown");
    await expect(page.getByRole("link", { name: /Edit/ })).toHaveCount(0);
    await page.goto(`${pageOf(app.id)}/edit`);
    await expect(page.getByText("Only admins can edit applications")).toBeVisible();
    await expect(page.getByLabel("Owner")).toHaveCount(0);
  });

  test("the entity switcher shows the second entity's applications, and a change there is recorded there", async ({
    adminPage: page,
  }) => {
    await page.goto(listPath());
    await page.getByLabel("Entity").selectOption({ label: "Sandbox Hotels Ltd." });
    await expect(page).toHaveURL(new RegExp(`/entities/${SECOND_ENTITY_ID}/applications`));
    await expect(rowOf(page, "Harbour Hotel Booking")).toHaveCount(1);
    await expect(rowOf(page, "Booking Engine Widget")).toHaveCount(0);

    const name = `Hotel job ${Date.now()}`;
    await createThroughConsole(page, name, "Machine to machine");
    const row = rowOf(page, name);
    await expect(row.getByTestId("client-type")).toHaveText("Machine to machine");
    await expect(row.getByTestId("created-by")).toHaveText(/Ada Admin|admin@sandbox\.test/);
    await page.goto(listPath());
    await expect(rowOf(page, name)).toHaveCount(0);
  });

  test("with the database unreachable, the list and the page show Wink's data and say the record is unavailable", async ({
    adminPage: page,
  }) => {
    await page.goto(`${E2E.noDatabaseConsoleUrl}${listPath()}`);
    await expect(page.getByTestId("record-unavailable")).toHaveText(UNAVAILABLE);
    const row = rowOf(page, "Booking Engine Widget");
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("secret-age")).toHaveCount(0);
    await expect(page.getByLabel("Client type")).toHaveCount(0);

    await row.getByTestId("application-name").click();
    await expect(page.getByTestId("record-unavailable")).toHaveText(UNAVAILABLE);
    await expect(page.getByTestId("client-id")).toHaveText("6f1d2c3b4a5e6d7c8b9a0f1e2d3c4b5a");
  });
});

import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { expectNoTraceOf, requestToken } from "./support/secrets";
import { createInSandbox, getInSandbox, listInSandbox } from "./support/wink";

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;
const pageOf = (id: string) => `${listPath}/${id}`;
const CONSOLE_APPLICATION_ID = "0b7e5c1a-3f2d-4e8b-9a6c-5d4e3f2a1b0c";

/** Opens the rotate dialog, types the name and returns the armed confirm button. */
async function armRotate(page: Page, name: string): Promise<Locator> {
  await page.getByRole("button", { name: "Rotate credentials" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(name);
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  const confirm = dialog.getByRole("button", { name: "Rotate credentials" });
  await expect(confirm).toBeEnabled();
  return confirm;
}

test.describe("rotating credentials", () => {
  test("issues a new pair shown once; the old pair stops working at once", async ({
    adminPage: page,
    sandbox,
  }) => {
    const app = await createInSandbox({ clientType: "MACHINE_2_MACHINE", redirectUris: [] });
    expect((await requestToken(app.clientId, app.secretKey)).status).toBe(200);

    await page.goto(pageOf(app.id));
    const dialog = page.getByRole("alertdialog");
    const confirm = await armRotate(page, app.name);
    await expect(dialog).toContainText(/stops? working immediately/i);
    await expect(dialog).toContainText(/booking-engine links/i);
    await confirm.click();

    const reveal = page.getByRole("dialog").filter({ has: page.getByTestId("reveal-secret") });
    await expect(reveal).toBeVisible();
    const clientId = (await reveal.getByTestId("reveal-client-id").textContent())!.trim();
    await reveal.getByTestId("reveal-toggle").click();
    const secret = (await reveal.getByTestId("reveal-secret").textContent())!.trim();
    expect(clientId).not.toBe(app.clientId);

    const old = await requestToken(app.clientId, app.secretKey);
    expect(old.status).toBe(401);
    expect(old.body.error).toBe("invalid_client");
    const fresh = await requestToken(clientId, secret);
    expect(fresh.status).toBe(200);

    await reveal.getByTestId("reveal-stored-checkbox").check();
    await reveal.getByTestId("reveal-done").click();
    await expect(reveal).toBeHidden();
    await expect(page.getByTestId("client-id")).toHaveText(clientId);
    await page.reload();
    await expectNoTraceOf(page, secret);
    expect((await sandbox.stats()).mutations.rotations).toBe(1);
  });

  test("a rotate whose answer is lost is not repeated, and the admin is told how to check", async ({
    adminPage: page,
    sandbox,
  }) => {
    const app = await createInSandbox();
    await page.goto(pageOf(app.id));
    // The sandbox rotates, but answers after the console has stopped waiting (WINK_TIMEOUT_MS).
    await sandbox.fault({ operation: "rotate", kind: "latency", ms: 6000 });
    const confirm = await armRotate(page, app.name);
    await confirm.click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(/may (or may not )?have been rotated|may have happened/i, {
      timeout: 15_000,
    });
    await expect(dialog).toContainText(/client ID/);
    // Long after the sandbox answered, still one rotate.
    await page.waitForTimeout(3000);
    const stats = await sandbox.stats();
    expect(stats.mutations.rotations).toBe(1);
    expect(stats.requests.rotate).toBe(1);
  });

  test("a double click rotates once", async ({ adminPage: page, sandbox }) => {
    const app = await createInSandbox();
    await page.goto(pageOf(app.id));
    const confirm = await armRotate(page, app.name);
    await confirm.dblclick();
    await expect(page.getByTestId("reveal-secret")).toBeVisible();
    expect((await sandbox.stats()).mutations.rotations).toBe(1);
  });

  test("two tabs rotate once", async ({ adminPage: first, sandbox }) => {
    const app = await createInSandbox();
    const second = await first.context().newPage();
    await first.goto(pageOf(app.id));
    await second.goto(pageOf(app.id));
    const confirmFirst = await armRotate(first, app.name);
    const confirmSecond = await armRotate(second, app.name);
    await Promise.all([confirmFirst.click(), confirmSecond.click()]);

    const revealed = async (page: Page) =>
      page
        .getByTestId("reveal-secret")
        .waitFor({ timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
    const shown = await Promise.all([revealed(first), revealed(second)]);
    expect(shown.filter(Boolean)).toHaveLength(1);
    const refused = shown[0] ? second : first;
    await expect(refused.getByRole("alertdialog")).toContainText(
      /already in progress|rotated since this page was opened/,
    );
    expect((await sandbox.stats()).mutations.rotations).toBe(1);
  });

  test("the console's own application cannot be rotated or deleted, and says why", async ({
    adminPage: page,
    sandbox,
  }) => {
    await page.goto(pageOf(CONSOLE_APPLICATION_ID));
    await expect(page.getByRole("button", { name: "Rotate credentials" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Delete" })).toBeDisabled();
    await expect(page.getByText(/would lock it out of Wink/)).toBeVisible();
    const stats = await sandbox.stats();
    expect(stats.mutations).toMatchObject({ rotations: 0, deletes: 0 });
  });
});

test.describe("editing", () => {
  test("round-trips every field, showing the scope changes before saving", async ({
    adminPage: page,
  }) => {
    const app = await createInSandbox({
      scopes: ["booking.read", "content.read"],
      postLogoutRedirectUris: ["https://app.example.com/bye"],
    });
    await page.goto(pageOf(app.id));
    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByLabel("Name")).toHaveValue(app.name);

    const name = `${app.name} (edited)`;
    await page.getByLabel("Name").fill(name);
    await page
      .getByRole("textbox", { name: "Redirect URI 1", exact: true })
      .fill("https://app.example.com/new-callback");
    await page.getByRole("button", { name: "Add redirect URI" }).click();
    await page
      .getByRole("textbox", { name: "Redirect URI 2", exact: true })
      .fill("http://localhost:8080/callback");
    await page
      .getByRole("textbox", { name: "Post-logout redirect URI 1", exact: true })
      .fill("https://app.example.com/signed-out");
    await page.getByRole("checkbox", { name: "Booking: read" }).uncheck();
    await page.getByRole("checkbox", { name: "Payment: write" }).check();
    await page.getByLabel("Icon (optional)").fill("brand/new-icon");

    const changes = page.getByTestId("scope-changes");
    await expect(changes).toContainText("payment.write");
    await expect(changes).toContainText("booking.read");
    await page.getByRole("button", { name: "Save changes" }).click();

    await expect(page).toHaveURL(new RegExp(`${pageOf(app.id)}$`));
    await expect(page.getByRole("heading", { name })).toBeVisible();
    const { body: saved } = await getInSandbox(app.id);
    expect(saved).toMatchObject({
      name,
      redirectUris: ["https://app.example.com/new-callback", "http://localhost:8080/callback"],
      postLogoutRedirectUris: ["https://app.example.com/signed-out"],
      iconIdentifier: "brand/new-icon",
      clientId: app.clientId,
    });
    expect([...saved.scopes].sort()).toEqual(["content.read", "payment.write"]);
  });
});

test.describe("deleting", () => {
  test("asks for the name, then removes it from Wink and the list", async ({
    adminPage: page,
    sandbox,
  }) => {
    const app = await createInSandbox();
    await page.goto(pageOf(app.id));
    await page.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(/cannot be undone/i);
    const confirm = dialog.getByRole("button", { name: "Delete application" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type ${app.name} to confirm`).fill(app.name);
    await confirm.click();

    await expect(page).toHaveURL(new RegExp(`${listPath}(\\?.*)?$`));
    await expect(page.getByRole("link", { name: app.name, exact: true })).toHaveCount(0);
    expect((await listInSandbox()).some((item) => item.id === app.id)).toBe(false);
    expect((await requestToken(app.clientId, app.secretKey)).body.error).toBe("invalid_client");
    expect((await sandbox.stats()).mutations.deletes).toBe(1);
  });

  test("a name that starts with U+202E cannot reverse the toast's own words", async ({
    adminPage: page,
  }) => {
    // U+202E (right-to-left override) reverses what follows it, up to the end of the paragraph.
    const name = `\u202Eevil ${Date.now()}`;
    const app = await createInSandbox({ name });
    await page.goto(pageOf(app.id));
    await page.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByRole("textbox").fill(name);
    await dialog.getByRole("button", { name: "Delete application" }).click();

    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "was deleted." });
    await expect(toast).toBeVisible();
    // Hovered, sonner holds the toast still and in place (no timer, no stacking animation) while
    // its words are measured.
    await toast.hover();
    const shown = await toast.evaluate((element) => {
      const bdi = element.querySelector("bdi");
      const after = bdi?.nextSibling;
      if (!bdi || !after?.textContent) return null;
      const text = after.textContent;
      const leftOf = (word: string) => {
        const range = document.createRange();
        range.setStart(after, text.indexOf(word));
        range.setEnd(after, text.indexOf(word) + word.length);
        return range.getBoundingClientRect().left;
      };
      return {
        name: bdi.textContent,
        nameRight: bdi.getBoundingClientRect().right,
        was: leftOf("was"),
        deleted: leftOf("deleted"),
      };
    });
    // The name is isolated, and the words after it still read left to right, after it.
    expect(shown).not.toBeNull();
    expect(shown!.name).toBe(name);
    expect(shown!.nameRight).toBeLessThanOrEqual(shown!.was);
    expect(shown!.was).toBeLessThan(shown!.deleted);
  });

  test("shows Wink's message when it declines", async ({ adminPage: page }) => {
    // The account's founding application: Wink answers success: false.
    const founding = (await listInSandbox()).find((item) => item.name === "Sandbox Travel Co.")!;
    await page.goto(pageOf(founding.id));
    await page.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByLabel(`Type ${founding.name} to confirm`).fill(founding.name);
    await dialog.getByRole("button", { name: "Delete application" }).click();
    await expect(dialog.getByRole("alert")).toBeVisible();
    expect((await listInSandbox()).some((item) => item.id === founding.id)).toBe(true);
  });
});

test.describe("viewers", () => {
  test("see the application but none of the controls", async ({ viewerPage: page }) => {
    const app = await createInSandbox();
    await page.goto(pageOf(app.id));
    await expect(page.getByRole("heading", { name: app.name })).toBeVisible();
    await expect(page.getByTestId("client-id")).toHaveText(app.clientId);
    for (const name of ["Edit", "Rotate credentials", "Delete"]) {
      await expect(page.getByRole("button", { name })).toHaveCount(0);
      await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
    }
  });
});

test.describe("the application's page", () => {
  test("an unknown id gives a clear not-found page", async ({ adminPage: page }) => {
    await page.goto(pageOf("00000000-0000-4000-8000-000000000000"));
    await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  });

  test("axe finds nothing on the page and its dialogs", async ({ adminPage: page }) => {
    const app = await createInSandbox();
    const axe = () =>
      new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    await page.goto(pageOf(app.id));
    await expect(page.getByRole("heading", { name: app.name })).toBeVisible();
    expect((await axe()).violations).toEqual([]);
    await page.getByRole("button", { name: "Rotate credentials" }).click();
    await expect(page.getByRole("alertdialog")).toBeVisible();
    expect((await axe()).violations).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("alertdialog")).toBeVisible();
    expect((await axe()).violations).toEqual([]);
  });
});

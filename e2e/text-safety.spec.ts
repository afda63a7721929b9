/**
 * Text and values from admins and from Wink, tried the way users and attackers do: names of
 * invisible characters, bidi overrides, emoji, long unbroken names, icon ids that climb out of
 * Wink's Cloudinary cloud, and redirect URIs that parsers read differently. Names the console would
 * refuse are written straight into the sandbox, as another Wink client could.
 */
import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { createInSandbox, getInSandbox } from "./support/wink";

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;
const pageOf = (id: string) => `${listPath}/${id}`;

async function openCreateDialog(page: Page): Promise<Locator> {
  await page.goto(listPath);
  await page.getByRole("button", { name: "Create application" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create application" });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Console errors and uncaught page errors, hydration mismatches among them. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Opens a confirmation dialog; returns it, its phrase element and its input. */
async function openConfirmation(page: Page, button: string) {
  await page.getByRole("button", { name: button }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  const phrase = dialog.getByTestId("confirmation-phrase");
  return { dialog, phrase, input: dialog.getByRole("textbox") };
}

test.describe("names in the create form", () => {
  test("a name of only zero-width characters is refused, and nothing reaches Wink", async ({
    adminPage: page,
    sandbox,
  }) => {
    const dialog = await openCreateDialog(page);
    await dialog.getByLabel("Name").fill("\u200B\u200B");
    await dialog.getByRole("radio", { name: "Machine to machine" }).click();
    await dialog.getByRole("button", { name: "Create application" }).click();
    await expect(dialog.getByText(/only invisible characters/)).toBeVisible();
    await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    expect((await sandbox.stats()).mutations.creates).toBe(0);
  });

  test("a redirect URI with a backslash is refused; an internationalised host shows its punycode", async ({
    adminPage: page,
    sandbox,
  }) => {
    const dialog = await openCreateDialog(page);
    await dialog.getByLabel("Name").fill("Parser differential");
    await dialog.getByRole("radio", { name: "Web application" }).click();
    const row = dialog.getByRole("textbox", { name: "Redirect URI 1", exact: true });

    await row.fill("https://evil.example\\@good.example/cb");
    await dialog.getByRole("button", { name: "Create application" }).click();
    await expect(dialog.getByText(/backslash/)).toBeVisible();
    expect((await sandbox.stats()).mutations.creates).toBe(0);

    await row.fill("https://APP.example.com/cb");
    await expect(dialog.getByText("Did you mean https://app.example.com/cb?")).toBeVisible();

    await row.fill("https://bücher.example/cb");
    await expect(dialog.getByTestId("punycode-form")).toHaveText(
      "https://xn--bcher-kva.example/cb",
    );
  });
});

test.describe("names from Wink that the console would refuse", () => {
  test("a name starting with U+202E: the dialog reads in order, typing what it shows rotates and deletes", async ({
    adminPage: page,
    sandbox,
  }) => {
    const app = await createInSandbox({ name: "\u202Econfirm to proceed", redirectUris: [] });
    await page.goto(pageOf(app.id));
    // The heading holds the name isolated, so it cannot reorder anything outside it.
    await expect(page.getByRole("heading", { level: 1 }).locator("bdi")).toHaveText(app.name);

    let { dialog, phrase, input } = await openConfirmation(page, "Rotate credentials");
    expect(await phrase.evaluate((element) => element.tagName)).toBe("BDI");
    await expect(phrase).toHaveText("confirm to proceed");
    // The instruction around the phrase keeps its order: it is not reversed into "mrifnoc ot".
    const label = (await dialog.locator("label").first().textContent())!.replace(/\s+/g, " ");
    expect(label).toBe("Type confirm to proceed to confirm");
    expect(await dialog.getByRole("heading").locator("bdi").count()).toBe(1);

    const rotate = dialog.getByRole("button", { name: "Rotate credentials" });
    await expect(rotate).toBeDisabled();
    await input.fill("confirm to proceed");
    await expect(rotate).toBeEnabled();
    await rotate.click();
    const reveal = page.getByRole("dialog").filter({ has: page.getByTestId("reveal-secret") });
    await expect(reveal).toBeVisible();
    await reveal.getByTestId("reveal-stored-checkbox").check();
    await reveal.getByTestId("reveal-done").click();
    await expect(reveal).toBeHidden();
    expect((await sandbox.stats()).mutations.rotations).toBe(1);

    ({ dialog, phrase, input } = await openConfirmation(page, "Delete"));
    await input.fill("confirm to proceed");
    await dialog.getByRole("button", { name: "Delete application" }).click();
    await expect(page).toHaveURL(new RegExp(`${listPath}$`));
    expect((await getInSandbox(app.id)).status).toBe(404);
  });

  test("a name of only U+200B is confirmed with the client ID, and can be rotated and deleted", async ({
    adminPage: page,
    sandbox,
  }) => {
    const app = await createInSandbox({ name: "\u200B", redirectUris: [] });
    await page.goto(pageOf(app.id));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unnamed application");

    let { dialog, phrase, input } = await openConfirmation(page, "Rotate credentials");
    await expect(phrase).toHaveText(app.clientId);
    await input.fill(app.clientId);
    await dialog.getByRole("button", { name: "Rotate credentials" }).click();
    const reveal = page.getByRole("dialog").filter({ has: page.getByTestId("reveal-secret") });
    await expect(reveal).toBeVisible();
    const newClientId = (await reveal.getByTestId("reveal-client-id").textContent())!.trim();
    await reveal.getByTestId("reveal-stored-checkbox").check();
    await reveal.getByTestId("reveal-done").click();
    await expect(page.getByTestId("client-id")).toHaveText(newClientId);
    expect((await sandbox.stats()).mutations.rotations).toBe(1);

    ({ dialog, phrase, input } = await openConfirmation(page, "Delete"));
    await expect(phrase).toHaveText(newClientId);
    await input.fill(newClientId);
    await dialog.getByRole("button", { name: "Delete application" }).click();
    await expect(page).toHaveURL(new RegExp(`${listPath}$`));
    expect((await getInSandbox(app.id)).status).toBe(404);
  });
});

test.describe("avatars and icons", () => {
  test("an emoji name shows the whole emoji as its avatar, with no hydration error", async ({
    adminPage: page,
  }) => {
    const errors = collectErrors(page);
    const app = await createInSandbox({ name: "😀 Emoji Bot" });
    await page.goto(pageOf(app.id));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("😀 Emoji Bot");
    await expect(page.getByTestId("application-initial")).toHaveText("😀");
    await page.goto(`${listPath}?q=${encodeURIComponent("Emoji Bot")}`);
    const row = page.getByTestId("application-row").filter({ hasText: "Emoji Bot" });
    await expect(row.getByTestId("application-initial")).toHaveText("😀");
    expect(errors).toEqual([]);
  });

  test("an icon id from Wink that climbs out of Wink's cloud is never requested", async ({
    adminPage: page,
  }) => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    const app = await createInSandbox({
      name: "Pixel tracker",
      iconIdentifier: "../../../../other-cloud/image/upload/pixel",
    });
    await page.goto(pageOf(app.id));
    await expect(page.getByTestId("application-initial")).toHaveText("P");
    await expect(page.locator("img[src*='other-cloud']")).toHaveCount(0);
    expect(requested.filter((url) => url.includes("cloudinary"))).toEqual([]);
  });
});

test.describe("long names", () => {
  test("a 100-character name without spaces keeps the table within a 1280-pixel window, and is whole on hover and focus", async ({
    adminPage: page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const name = `Unbroken${"x".repeat(92)}`;
    expect(name).toHaveLength(100);
    await createInSandbox({ name });
    await page.goto(`${listPath}?q=Unbroken`);
    const link = page.getByTestId("application-name").filter({ hasText: name });
    await expect(link).toBeVisible();

    const table = await page.locator("table").evaluate((element) => element.scrollWidth);
    expect(table).toBeLessThanOrEqual(1280);
    const documentWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(documentWidth).toBeLessThanOrEqual(1280);

    const tooltip = page.getByTestId("full-text-tooltip");
    await link.focus();
    await expect(tooltip).toHaveText(name);
    await link.blur();
    await expect(tooltip).toHaveCount(0);
    await link.hover();
    await expect(tooltip).toHaveText(name);
  });
});

test.describe("scopes", () => {
  test("a machine-to-machine application with no scopes says so once, in its own words", async ({
    adminPage: page,
  }) => {
    const app = await createInSandbox({
      name: "Token only",
      clientType: "MACHINE_2_MACHINE",
      redirectUris: [],
      scopes: [],
    });
    await page.goto(pageOf(app.id));
    const section = page.getByRole("region", { name: "API scopes" });
    await expect(section.getByTestId("scopes-summary")).toHaveText(
      "No scopes: it can get a token but cannot call any Wink API.",
    );
    await expect(section.getByText(/No scopes/)).toHaveCount(1);
    await expect(page.getByText(/OIDC/)).toHaveCount(0);
  });
});

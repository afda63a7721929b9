import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { createInSandbox } from "./support/wink";

/**
 * A refused submit shows its errors where people look: focus moves to the first invalid field, in
 * reading order, and it is scrolled into view; and every problem shows after one submit.
 */

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;
const editPath = (id: string) => `${listPath}/${id}/edit`;
const CONSOLE_APPLICATION_ID = "0b7e5c1a-3f2d-4e8b-9a6c-5d4e3f2a1b0c";

async function openCreateForm(page: Page): Promise<Locator> {
  await page.goto(listPath);
  await page.getByRole("button", { name: "Create application" }).first().click();
  const form = page.getByRole("dialog", { name: "Create application" });
  await expect(form).toBeVisible();
  return form;
}

async function expectFocusedAndVisible(field: Locator) {
  await expect(field).toBeFocused();
  await expect(field).toBeInViewport();
  await expect(field).toHaveAttribute("aria-invalid", "true");
}

const REFUSED_FOR_WEB = [
  { uri: "http://example.com/cb", words: /plain http is only allowed for localhost/ },
  { uri: "https://app.example.com/cb#fragment", words: /cannot have a fragment/ },
  { uri: "myapp://cb", words: /Custom schemes are only for mobile apps/ },
];

test.describe("refused submits", () => {
  for (const { uri, words } of REFUSED_FOR_WEB) {
    test(`create: ${uri} takes focus to its row, in view`, async ({ adminPage: page, sandbox }) => {
      const form = await openCreateForm(page);
      await form.getByLabel("Name", { exact: true }).fill("Focus check");
      await form.getByRole("radio", { name: "Web application" }).click();
      const row = form.getByRole("textbox", { name: "Redirect URI 1", exact: true });
      await row.fill(uri);
      const submit = form.getByRole("button", { name: "Create application" });
      // The button sits far below the row: pressing it scrolls the row out of the dialog's view.
      await submit.scrollIntoViewIfNeeded();
      await expect(row).not.toBeInViewport();
      await submit.click();

      await expectFocusedAndVisible(row);
      await expect(form.getByText(words)).toBeInViewport();
      expect((await sandbox.stats()).mutations.creates).toBe(0);
    });
  }

  test("create: a second URI row is focused when it is the first invalid field", async ({
    adminPage: page,
  }) => {
    const form = await openCreateForm(page);
    await form.getByLabel("Name", { exact: true }).fill("Second row");
    await form.getByRole("radio", { name: "Web application" }).click();
    await form
      .getByRole("textbox", { name: "Redirect URI 1", exact: true })
      .fill("https://app.example.com/cb");
    await form.getByRole("button", { name: "Add redirect URI" }).click();
    const second = form.getByRole("textbox", { name: "Redirect URI 2", exact: true });
    await second.fill("https://app.example.com/cb");
    await form.getByRole("button", { name: "Create application" }).click();
    await expectFocusedAndVisible(second);
    await expect(form.getByText("This URI is listed twice.")).toBeVisible();
  });

  test("create: with no client type, a javascript: URI is refused in the same round", async ({
    adminPage: page,
  }) => {
    const form = await openCreateForm(page);
    await form.getByLabel("Name", { exact: true }).fill("Both at once");
    await form
      .getByRole("textbox", { name: "Redirect URI 1", exact: true })
      .fill("javascript:alert(1)");
    await form.getByRole("button", { name: "Create application" }).click();

    await expect(form.getByText("Choose what kind of application this is.")).toBeVisible();
    await expect(form.getByText("javascript: URIs are not allowed.")).toBeVisible();
    // The client type comes first in the form: focus is on its first choice.
    const firstChoice = form.getByRole("radio").first();
    await expect(firstChoice).toBeFocused();
    await expect(firstChoice).toBeInViewport();
  });

  test("create: a missing name is focused before a bad URI below it", async ({
    adminPage: page,
  }) => {
    const form = await openCreateForm(page);
    await form.getByRole("radio", { name: "Web application" }).click();
    await form
      .getByRole("textbox", { name: "Redirect URI 1", exact: true })
      .fill("http://example.com/cb");
    await form.getByRole("button", { name: "Create application" }).click();
    await expectFocusedAndVisible(form.getByLabel("Name", { exact: true }));
    await expect(form.getByText(/plain http is only allowed for localhost/)).toBeVisible();
  });

  for (const { uri, words } of [
    { uri: "http://example.com/cb", words: /plain http is only allowed for localhost/ },
    { uri: "myapp://cb#fragment", words: /cannot have a fragment/ },
  ]) {
    test(`edit: ${uri} takes focus to its row, in view, with a bad name in the same round`, async ({
      adminPage: page,
      sandbox,
    }) => {
      const app = await createInSandbox({
        clientType: "WEB",
        redirectUris: ["https://app.example.com/callback"],
      });
      await page.goto(editPath(app.id));
      await page.getByRole("textbox", { name: "Redirect URI 1", exact: true }).fill(uri);
      await page.getByLabel("Name", { exact: true }).fill("");
      const save = page.getByRole("button", { name: "Save changes" });
      await save.scrollIntoViewIfNeeded();
      await save.click();

      await expectFocusedAndVisible(page.getByLabel("Name", { exact: true }));
      await expect(page.getByText("Give the application a name.")).toBeVisible();
      await expect(page.getByText(words)).toBeVisible();

      // Once the name is fixed, the row is the first invalid field.
      await page.getByLabel("Name", { exact: true }).fill("Renamed");
      await save.scrollIntoViewIfNeeded();
      await save.click();
      await expectFocusedAndVisible(
        page.getByRole("textbox", { name: "Redirect URI 1", exact: true }),
      );
      expect((await sandbox.stats()).mutations.updates).toBe(0);
    });
  }

  test("edit: a refused scope choice takes focus to the scope picker", async ({
    adminPage: page,
    sandbox,
  }) => {
    await page.goto(editPath(CONSOLE_APPLICATION_ID));
    await page.getByRole("radio", { name: /None \(OIDC only\)/ }).click();
    const save = page.getByRole("button", { name: "Save changes" });
    await save.click();

    await expect(page.getByText(/The console uses this application and needs/)).toBeVisible();
    const focused = page.locator("#application-scopes :focus");
    await expect(focused).toHaveCount(1);
    await expect(focused).toBeInViewport();
    expect((await sandbox.stats()).mutations.updates).toBe(0);
  });
});
